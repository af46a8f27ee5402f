import { ownEntry } from '../keyed-counts';
import type { DecisionCounts, ReportCounters, ReportDay, ReportMonthTotals, TypeCounts } from './report-day';

export interface ReportPeriod {
  from: string;
  to: string;
}

export interface BackofficeProductivity {
  backofficeId: string;
  resolved: number;
  /** Days of the period on which the agent resolved at least one case. */
  activeDays: number;
  averagePerActiveDay: number;
  dailyTarget: number;
  meetsTarget: boolean;
}

/** The report DOMAIN.md asks for, for any range of days (inclusive). */
export interface Report extends ReportPeriod {
  filed: number;
  resolvedAtFirstLine: number;
  resolvedByBackoffice: number;
  respondedPending: number;
  /** Resolved cases a counter-reply reopened in the period (already taken off resolvedByBackoffice). */
  reopened: number;
  /** Cases still open at the end of the period. */
  pendingAtEnd: number;
  closed: number;
  transferred: number;
  withdrawn: number;
  byKind: Record<string, TypeCounts>;
  byTypology: Record<string, TypeCounts>;
  byChannel: Record<string, TypeCounts>;
  /** Per typology, the decisions (favourable, partial, unfavourable) of the resolutions that still stood at the end of the period. */
  decisionsByTypology: Record<string, DecisionCounts>;
  /** Resolution deadlines: missed when the SLA process recorded ResolutionOverdue, or the resolution came after the legal deadline. */
  deadlines: { met: number; missed: number; complianceRate: number | null; firstResponsesOverdue: number };
  averageHoursToFirstResponse: number | null;
  averageHoursToResolution: number | null;
  returnsToAgent: Record<string, number>;
  backofficeProductivity: BackofficeProductivity[];
  satisfaction: { responses: number; average: number | null };
}

/** What a report adds up: whole months' totals and single days. */
export type ReportPart = ReportDay | ReportMonthTotals;

/**
 * Adds up the parts that cover the period, each once. `openBefore` is the number of cases open at
 * the start of the period (the running sum of every openDelta before it). The report may share the
 * parts' maps (a month's report is one part, whose maps are the report's as they are): the parts are
 * the caller's own, read for this report.
 */
export function summarizeReport(period: ReportPeriod, parts: ReportPart[], openBefore: number, dailyTarget: number): Report {
  const sum = (pick: (counters: ReportCounters) => number) => parts.reduce((total, part) => total + pick(part), 0);
  const met = sum((d) => d.deadlinesMet);
  const missed = sum((d) => d.deadlinesMissed);
  const firstResponses = sum((d) => d.firstResponses);
  const resolutions = sum((d) => d.resolutions);
  const surveys = sum((d) => d.surveys);
  return {
    ...period,
    filed: sum((d) => d.filed),
    resolvedAtFirstLine: sum((d) => d.resolvedAtFirstLine),
    resolvedByBackoffice: sum((d) => d.resolvedByBackoffice),
    respondedPending: sum((d) => d.respondedPending),
    reopened: sum((d) => d.reopened),
    pendingAtEnd: openBefore + sum((d) => d.openDelta),
    closed: sum((d) => d.closed),
    transferred: sum((d) => d.transferred),
    withdrawn: sum((d) => d.withdrawn),
    byKind: mergeTypeCounts(parts.map((d) => d.byKind)),
    byTypology: mergeTypeCounts(parts.map((d) => d.byTypology)),
    byChannel: mergeTypeCounts(parts.map((d) => d.byChannel)),
    decisionsByTypology: mergeDecisionCounts(parts.map((d) => d.decisionsByTypology)),
    deadlines: { met, missed, complianceRate: ratio(met, met + missed), firstResponsesOverdue: sum((d) => d.firstResponsesOverdue) },
    averageHoursToFirstResponse: ratio(sum((d) => d.firstResponseHoursSum), firstResponses),
    averageHoursToResolution: ratio(sum((d) => d.resolutionHoursSum), resolutions),
    returnsToAgent: mergeCounts(parts.map((d) => d.returnsByAgent)),
    backofficeProductivity: productivity(parts, dailyTarget),
    satisfaction: { responses: surveys, average: ratio(sum((d) => d.surveyScoreSum), surveys) },
  };
}

/** Per agent, their resolutions less those reopened: the agents' figures add up to resolvedByBackoffice. */
function productivity(parts: ReportPart[], dailyTarget: number): BackofficeProductivity[] {
  const resolutions = mergeCounts(parts.map((part) => part.resolvedByAgent));
  const reopened = mergeCounts(parts.map((part) => part.reopenedByAgent));
  const activeDays = mergeCounts(parts.map(activeDaysOf));
  const agents = new Set([...Object.keys(resolutions), ...Object.keys(reopened)]);
  return [...agents].sort().map((backofficeId) => {
    const resolved = (ownEntry(resolutions, backofficeId) ?? 0) - (ownEntry(reopened, backofficeId) ?? 0);
    const days = ownEntry(activeDays, backofficeId) ?? 0;
    const averagePerActiveDay = days === 0 ? 0 : round(resolved / days);
    return { backofficeId, resolved, activeDays: days, averagePerActiveDay, dailyTarget, meetsTarget: averagePerActiveDay >= dailyTarget };
  });
}

/** A month knows its agents' active days; a day is one active day for each agent who resolved a case on it. */
function activeDaysOf(part: ReportPart): Record<string, number> {
  if ('activeDaysByAgent' in part) return part.activeDaysByAgent;
  return Object.fromEntries(Object.keys(part.resolvedByAgent).map((agentId) => [agentId, 1]));
}

/**
 * Maps, then `fromEntries`: keys from the outside (`__proto__`) stay plain entries. A single map is
 * the sum as it is: copying a whole month's maps was half of a month's report at 1M cases.
 */
function mergeCounts(maps: Record<string, number>[]): Record<string, number> {
  if (maps.length === 1) return maps[0];
  const merged = new Map<string, number>();
  for (const map of maps) for (const [key, value] of Object.entries(map)) merged.set(key, (merged.get(key) ?? 0) + value);
  return Object.fromEntries(merged);
}

function mergeTypeCounts(maps: Record<string, TypeCounts>[]): Record<string, TypeCounts> {
  if (maps.length === 1) return maps[0];
  const merged = new Map<string, TypeCounts>();
  for (const map of maps) {
    for (const [key, { filed, resolved }] of Object.entries(map)) {
      const entry = merged.get(key) ?? { filed: 0, resolved: 0 };
      merged.set(key, { filed: entry.filed + filed, resolved: entry.resolved + resolved });
    }
  }
  return Object.fromEntries(merged);
}

function mergeDecisionCounts(maps: Record<string, DecisionCounts>[]): Record<string, DecisionCounts> {
  if (maps.length === 1) return maps[0];
  const merged = new Map<string, DecisionCounts>();
  for (const map of maps) {
    for (const [typology, { favourable, partial, unfavourable }] of Object.entries(map)) {
      const entry = merged.get(typology) ?? { favourable: 0, partial: 0, unfavourable: 0 };
      merged.set(typology, { favourable: entry.favourable + favourable, partial: entry.partial + partial, unfavourable: entry.unfavourable + unfavourable });
    }
  }
  return Object.fromEntries(merged);
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
