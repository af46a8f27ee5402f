import { DEFAULT_SLA_POLICIES, InvalidSlaPoliciesError, isUrgent, selectSlaPolicy, validateSlaPolicies } from './sla-policy';
import type { CaseUrgency } from './sla-policy';

const clone = (): Record<string, any> => JSON.parse(JSON.stringify(DEFAULT_SLA_POLICIES));

function problemsOf(input: unknown): string[] {
  try {
    validateSlaPolicies(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidSlaPoliciesError);
    return (error as InvalidSlaPoliciesError).problems;
  }
  throw new Error('expected the policies to be refused');
}

describe('SLA policies: defaults from docs/domain.md', () => {
  it.each([
    ['billing', 'high', { amount: 12, unit: 'business_hours' }],
    ['general-information', 'medium', { amount: 48, unit: 'business_hours' }],
    ['urgent-technical-problem', 'high', { amount: 3, unit: 'business_hours' }],
    ['feature-question', 'low', { amount: 5, unit: 'business_days' }],
  ])('given the default policies, when reading typology %s, then it is %s priority with resolution %j', (typology, priority, resolution) => {
    expect(DEFAULT_SLA_POLICIES.byTypology[typology]).toMatchObject({ priority, resolution });
  });

  it('given the default policies, when reading the first-response target, then it is 24 business hours on chat, web and email', () => {
    expect(DEFAULT_SLA_POLICIES.firstResponseChannels).toEqual(['chat', 'web', 'email']);
    expect(DEFAULT_SLA_POLICIES.default.firstResponse).toEqual({ amount: 24, unit: 'business_hours' });
  });

  it('given the default policies, when validated, then they come back equal but as a copy', () => {
    const validated = validateSlaPolicies(DEFAULT_SLA_POLICIES);
    expect(validated).toEqual(DEFAULT_SLA_POLICIES);
    expect(validated.byTypology).not.toBe(DEFAULT_SLA_POLICIES.byTypology);
  });
});

describe('SLA policies: validation at start-up', () => {
  it.each<[string, (input: Record<string, any>) => void, string]>([
    ['a negative amount', (p) => (p.byTypology.billing.resolution.amount = -1), 'byTypology.billing.resolution.amount must be a positive number, got -1'],
    ['a zero amount', (p) => (p.default.firstResponse.amount = 0), 'default.firstResponse.amount must be a positive number, got 0'],
    ['a fraction of a business day', (p) => (p.byTypology['feature-question'].resolution.amount = 2.5), 'must be a whole number of business days, got 2.5'],
    ['an unknown unit', (p) => (p.urgent.resolution.unit = 'minutes'), `urgent.resolution.unit must be one of business_hours, business_days, got "minutes"`],
    ['an unknown priority', (p) => (p.default.priority = 'critical'), 'default.priority must be one of urgent, high, medium, low, got "critical"'],
    ['an urgent policy that is not urgent', (p) => (p.urgent.priority = 'high'), `urgent.priority must be 'urgent', got 'high'`],
    ['a typology claiming urgency', (p) => (p.byTypology.billing.priority = 'urgent'), `byTypology.billing.priority cannot be 'urgent'`],
    ['a default claiming urgency', (p) => (p.default.priority = 'urgent'), `default.priority cannot be 'urgent'`],
    ['a first response later than the resolution', (p) => (p.byTypology.billing.firstResponse.amount = 13), 'byTypology.billing.firstResponse (13 business_hours) cannot be later than its resolution (12)'],
    ['an unknown channel', (p) => (p.firstResponseChannels = ['email', 'fax']), 'firstResponseChannels has unknown channels ["fax"]'],
    ['a channel twice', (p) => (p.firstResponseChannels = ['email', 'email']), 'firstResponseChannels lists a channel twice'],
    ['a misspelt setting', (p) => (p.byTypology.billing.firstResponce = p.byTypology.billing.firstResponse), 'byTypology.billing.firstResponce is not a known setting'],
    ['a missing urgent policy', (p) => delete p.urgent, 'urgent must be a policy { priority, firstResponse, resolution }, got nothing'],
    ['a missing target', (p) => delete p.default.resolution, 'default.resolution must be a target { amount, unit }, got nothing'],
    ['a blank typology', (p) => (p.byTypology[' '] = p.default), '" " is not a usable typology key'],
    ['typologies as a list', (p) => (p.byTypology = []), 'byTypology must be an object keyed by typology, got []'],
  ])('given %s, when validating, then the problem is named', (_case, breakIt, expected) => {
    const input = clone();
    breakIt(input);
    expect(problemsOf(input)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  it('given several problems, when validating, then every one is listed at once', () => {
    const input = clone();
    input.default.priority = 'critical';
    input.urgent.resolution.amount = 'three';
    input.byTypology.billing.resolution.unit = 'weeks';
    const problems = problemsOf(input);
    expect(problems).toHaveLength(3);
    expect(new InvalidSlaPoliciesError(problems).message).toContain('default.priority');
  });

  it.each([null, [], 'policies', 42])('given %p instead of an object, when validating, then it is refused', (input) => {
    expect(problemsOf(input)).toEqual([expect.stringContaining('SLA policies must be an object')]);
  });

  it('given targets in different units, when validating, then it is accepted: the case compares them with its calendar', () => {
    const input = clone();
    input.byTypology.billing.firstResponse = { amount: 2, unit: 'business_days' };
    expect(validateSlaPolicies(input).byTypology.billing.firstResponse).toEqual({ amount: 2, unit: 'business_days' });
  });
});

describe('SLA policies: urgency', () => {
  it.each([
    ['platform_down', true],
    ['billing_stopped', true],
    ['announced_special_process', true],
    [null, false],
    [undefined, false],
    ['life_at_risk', false],
    ['PLATFORM_DOWN', false],
  ])('given urgency %p, when asking whether the case is urgent, then %p', (urgency, expected) => {
    expect(isUrgent(urgency)).toBe(expected);
  });

  it.each<[string | null, CaseUrgency, string, string]>([
    ['feature-question', 'platform_down', 'urgent', 'urgent'],
    ['billing', 'billing_stopped', 'urgent', 'urgent'],
    ['billing', null, 'typology', 'high'],
    ['feature-question', null, 'typology', 'low'],
    ['warranty', null, 'default', 'medium'],
    ['constructor', null, 'default', 'medium'],
    [null, null, 'default', 'medium'],
  ])('given typology %p and urgency %p, when selecting the policy, then it comes from %s with priority %s', (typology, urgency, source, priority) => {
    const selected = selectSlaPolicy(DEFAULT_SLA_POLICIES, typology, urgency);
    expect(selected.source).toBe(source);
    expect(selected.policy.priority).toBe(priority);
  });
});
