export const SLA_POLICIES = Symbol('SLA_POLICIES');
