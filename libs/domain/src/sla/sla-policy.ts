import { CHANNELS } from '../cases/case-kind';
import type { Channel } from '../cases/case-kind';

/** Company service targets (docs/domain.md, Deadlines): configuration per typology, always capped by the legal deadline. */
export const SLA_UNITS = ['business_hours', 'business_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export const SLA_PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type SlaPriority = (typeof SLA_PRIORITIES)[number];

export interface SlaTarget {
  amount: number;
  unit: SlaUnit;
}

export interface SlaPolicy {
  priority: SlaPriority;
  firstResponse: SlaTarget;
  resolution: SlaTarget;
}

export interface SlaPolicies {
  /** Channels on which the first-response target applies (docs/domain.md: the virtual channel). */
  firstResponseChannels: Channel[];
  /** For typologies without a policy of their own. */
  default: SlaPolicy;
  /** For urgent cases, whatever their typology. */
  urgent: SlaPolicy;
  /** Keyed by the typology of the case's typification. */
  byTypology: Record<string, SlaPolicy>;
}

/** docs/domain.md: the company's urgent means exactly one of these. */
export const COMPANY_URGENCY_REASONS = ['platform_down', 'billing_stopped', 'announced_special_process'] as const;
/** Ley 1755 de 2015, art. 20: a petition that risks the petitioner's life, safety or a fundamental right goes first. */
export const LEGAL_URGENCY_REASONS = ['risk_to_life', 'risk_to_safety', 'fundamental_right'] as const;
/** Nothing else makes a case urgent. */
export const URGENCY_REASONS = [...COMPANY_URGENCY_REASONS, ...LEGAL_URGENCY_REASONS] as const;
export type CompanyUrgencyReason = (typeof COMPANY_URGENCY_REASONS)[number];
export type LegalUrgencyReason = (typeof LEGAL_URGENCY_REASONS)[number];
export type UrgencyReason = (typeof URGENCY_REASONS)[number];
export type CaseUrgency = UrgencyReason | null;

const hours = (amount: number): SlaTarget => ({ amount, unit: 'business_hours' });
const days = (amount: number): SlaTarget => ({ amount, unit: 'business_days' });

/** The example company of docs/domain.md. The default and urgent policies are our own assumptions. */
export const DEFAULT_SLA_POLICIES: SlaPolicies = {
  firstResponseChannels: ['chat', 'web', 'email'],
  default: { priority: 'medium', firstResponse: hours(24), resolution: hours(48) },
  urgent: { priority: 'urgent', firstResponse: hours(1), resolution: hours(3) },
  byTypology: {
    billing: { priority: 'high', firstResponse: hours(12), resolution: hours(12) },
    'general-information': { priority: 'medium', firstResponse: hours(24), resolution: hours(48) },
    'urgent-technical-problem': { priority: 'high', firstResponse: hours(3), resolution: hours(3) },
    'feature-question': { priority: 'low', firstResponse: hours(24), resolution: days(5) },
  },
};

export function isUrgent(urgency: string | null | undefined): urgency is UrgencyReason {
  return (URGENCY_REASONS as readonly unknown[]).includes(urgency);
}

export type SlaPolicySource = 'urgent' | 'typology' | 'default';

export interface SelectedSlaPolicy {
  source: SlaPolicySource;
  policy: SlaPolicy;
}

export function selectSlaPolicy(policies: SlaPolicies, typology: string | null, urgency: CaseUrgency): SelectedSlaPolicy {
  if (isUrgent(urgency)) return { source: 'urgent', policy: policies.urgent };
  const hasOwnPolicy = typology !== null && Object.hasOwn(policies.byTypology, typology);
  return hasOwnPolicy ? { source: 'typology', policy: policies.byTypology[typology] } : { source: 'default', policy: policies.default };
}

export class InvalidSlaPoliciesError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid SLA policies: ${problems.join('; ')}`);
    this.name = 'InvalidSlaPoliciesError';
  }
}

/** Start-up validation: reports every problem at once, so an operator fixes the config in one go. */
export function validateSlaPolicies(input: unknown): SlaPolicies {
  const problems: string[] = [];
  if (!isRecord(input)) throw new InvalidSlaPoliciesError([`SLA policies must be an object, got ${describe(input)}`]);
  reportUnknownKeys(input, ['firstResponseChannels', 'default', 'urgent', 'byTypology'], '', problems);

  const firstResponseChannels = readChannels(input.firstResponseChannels, problems);
  const defaultPolicy = readPolicy(input.default, 'default', problems);
  const urgent = readPolicy(input.urgent, 'urgent', problems);
  if (urgent && urgent.priority !== 'urgent') problems.push(`urgent.priority must be 'urgent', got '${urgent.priority}'`);
  if (defaultPolicy?.priority === 'urgent') problems.push(`default.priority cannot be 'urgent': only the urgent policy is`);

  const byTypology: [string, SlaPolicy][] = [];
  if (!isRecord(input.byTypology)) {
    problems.push(`byTypology must be an object keyed by typology, got ${describe(input.byTypology)}`);
  } else {
    for (const [typology, value] of Object.entries(input.byTypology)) {
      const path = `byTypology.${typology}`;
      if (typology.trim() === '' || typology !== typology.trim()) problems.push(`${JSON.stringify(typology)} is not a usable typology key`);
      const policy = readPolicy(value, path, problems);
      if (policy?.priority === 'urgent') problems.push(`${path}.priority cannot be 'urgent': only the urgent policy is`);
      if (policy) byTypology.push([typology, policy]);
    }
  }

  if (problems.length > 0 || !firstResponseChannels || !defaultPolicy || !urgent) throw new InvalidSlaPoliciesError(problems);
  return { firstResponseChannels, default: defaultPolicy, urgent, byTypology: Object.fromEntries(byTypology) };
}

function readChannels(value: unknown, problems: string[]): Channel[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(`firstResponseChannels must be a list of channels, got ${describe(value)}`);
    return undefined;
  }
  const unknown = value.filter((channel) => !(CHANNELS as readonly unknown[]).includes(channel));
  if (unknown.length > 0) problems.push(`firstResponseChannels has unknown channels ${JSON.stringify(unknown)}; known: ${CHANNELS.join(', ')}`);
  if (new Set(value).size !== value.length) problems.push(`firstResponseChannels lists a channel twice`);
  return [...value] as Channel[];
}

function readPolicy(value: unknown, path: string, problems: string[]): SlaPolicy | undefined {
  if (!isRecord(value)) {
    problems.push(`${path} must be a policy { priority, firstResponse, resolution }, got ${describe(value)}`);
    return undefined;
  }
  reportUnknownKeys(value, ['priority', 'firstResponse', 'resolution'], `${path}.`, problems);
  const priority = value.priority;
  if (!(SLA_PRIORITIES as readonly unknown[]).includes(priority)) {
    problems.push(`${path}.priority must be one of ${SLA_PRIORITIES.join(', ')}, got ${describe(priority)}`);
  }
  const firstResponse = readTarget(value.firstResponse, `${path}.firstResponse`, problems);
  const resolution = readTarget(value.resolution, `${path}.resolution`, problems);
  // Targets in different units are compared per case, where the calendar knows the business hours.
  if (firstResponse && resolution && firstResponse.unit === resolution.unit && firstResponse.amount > resolution.amount) {
    problems.push(`${path}.firstResponse (${firstResponse.amount} ${firstResponse.unit}) cannot be later than its resolution (${resolution.amount})`);
  }
  if (!firstResponse || !resolution) return undefined;
  return { priority: priority as SlaPriority, firstResponse, resolution };
}

function readTarget(value: unknown, path: string, problems: string[]): SlaTarget | undefined {
  if (!isRecord(value)) {
    problems.push(`${path} must be a target { amount, unit }, got ${describe(value)}`);
    return undefined;
  }
  reportUnknownKeys(value, ['amount', 'unit'], `${path}.`, problems);
  const { amount, unit } = value;
  const problemCount = problems.length;
  if (!(SLA_UNITS as readonly unknown[]).includes(unit)) problems.push(`${path}.unit must be one of ${SLA_UNITS.join(', ')}, got ${describe(unit)}`);
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) {
    problems.push(`${path}.amount must be a positive number, got ${describe(amount)}`);
  } else if (unit === 'business_days' && !Number.isInteger(amount)) {
    problems.push(`${path}.amount must be a whole number of business days, got ${amount}`);
  }
  return problems.length === problemCount ? { amount: amount as number, unit: unit as SlaUnit } : undefined;
}

/** A misspelt key would otherwise silently fall back to a default. */
function reportUnknownKeys(value: Record<string, unknown>, known: string[], prefix: string, problems: string[]): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.push(`${prefix}${key} is not a known setting`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
