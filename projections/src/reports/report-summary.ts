import type { ReportDay, TypeCounts } from './report-day';

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
  /** Cases still open at the end of the period. */
  pendingAtEnd: number;
  closed: number;
  transferred: number;
  withdrawn: number;
  byKind: Record<string, TypeCounts>;
  byTypology: Record<string, TypeCounts>;
  byChannel: Record<string, TypeCounts>;
  /** Resolution deadlines: missed when the SLA process recorded ResolutionOverdue, or the resolution came after the legal deadline. */
  deadlines: { met: number; missed: number; complianceRate: number | null; firstResponsesOverdue: number };
  averageHoursToFirstResponse: number | null;
  averageHoursToResolution: number | null;
  returnsToAgent: Record<string, number>;
  backofficeProductivity: BackofficeProductivity[];
  satisfaction: { responses: number; average: number | null };
}

/**
 * Adds up the days of the period. `openBefore` is the number of cases open at the start of the
 * period (the running sum of every openDelta before it).
 */
export function summarizeReport(period: ReportPeriod, days: ReportDay[], openBefore: number, dailyTarget: number): Report {
  const inPeriod = days.filter((day) => day.date >= period.from && day.date <= period.to);
  const sum = (pick: (day: ReportDay) => number) => inPeriod.reduce((total, day) => total + pick(day), 0);
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
    pendingAtEnd: openBefore + sum((d) => d.openDelta),
    closed: sum((d) => d.closed),
    transferred: sum((d) => d.transferred),
    withdrawn: sum((d) => d.withdrawn ?? 0),
    byKind: mergeTypeCounts(inPeriod.map((d) => d.byKind)),
    byTypology: mergeTypeCounts(inPeriod.map((d) => d.byTypology)),
    byChannel: mergeTypeCounts(inPeriod.map((d) => d.byChannel)),
    deadlines: { met, missed, complianceRate: ratio(met, met + missed), firstResponsesOverdue: sum((d) => d.firstResponsesOverdue ?? 0) },
    averageHoursToFirstResponse: ratio(sum((d) => d.firstResponseHoursSum), firstResponses),
    averageHoursToResolution: ratio(sum((d) => d.resolutionHoursSum), resolutions),
    returnsToAgent: mergeCounts(inPeriod.map((d) => d.returnsByAgent)),
    backofficeProductivity: productivity(inPeriod, dailyTarget),
    satisfaction: { responses: surveys, average: ratio(sum((d) => d.surveyScoreSum), surveys) },
  };
}

function productivity(days: ReportDay[], dailyTarget: number): BackofficeProductivity[] {
  const totals = new Map<string, { resolved: number; activeDays: number }>();
  for (const day of days) {
    for (const [backofficeId, resolved] of Object.entries(day.resolvedByAgent)) {
      const total = totals.get(backofficeId) ?? { resolved: 0, activeDays: 0 };
      totals.set(backofficeId, { resolved: total.resolved + resolved, activeDays: total.activeDays + 1 });
    }
  }
  return [...totals.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([backofficeId, { resolved, activeDays }]) => {
      const averagePerActiveDay = round(resolved / activeDays);
      return { backofficeId, resolved, activeDays, averagePerActiveDay, dailyTarget, meetsTarget: averagePerActiveDay >= dailyTarget };
    });
}

function mergeCounts(maps: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const map of maps) for (const [key, value] of Object.entries(map)) merged[key] = (merged[key] ?? 0) + value;
  return merged;
}

function mergeTypeCounts(maps: Record<string, TypeCounts>[]): Record<string, TypeCounts> {
  const merged: Record<string, TypeCounts> = {};
  for (const map of maps) {
    for (const [key, { filed, resolved }] of Object.entries(map)) {
      const entry = merged[key] ?? { filed: 0, resolved: 0 };
      merged[key] = { filed: entry.filed + filed, resolved: entry.resolved + resolved };
    }
  }
  return merged;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : round(numerator / denominator);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
