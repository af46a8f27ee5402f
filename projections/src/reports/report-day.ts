/** Counters of one calendar day (Bogotá). Reports for any range add days up. */
export interface ReportDay {
  date: string;
  filed: number;
  resolvedAtFirstLine: number;
  /** Cases resolved by the backoffice for the first time this day. */
  resolvedByBackoffice: number;
  /** Responses marked pending. */
  respondedPending: number;
  closed: number;
  transferred: number;
  /** Tacit withdrawals (art. 17). */
  withdrawn: number;
  /** Cases that became open (+) or stopped being open (−) this day: pending at the end of a period is their running sum. */
  openDelta: number;
  byKind: Record<string, TypeCounts>;
  byTypology: Record<string, TypeCounts>;
  byChannel: Record<string, TypeCounts>;
  deadlinesMet: number;
  deadlinesMissed: number;
  /** FirstResponseOverdue facts recorded this day. */
  firstResponsesOverdue: number;
  firstResponses: number;
  firstResponseHoursSum: number;
  resolutions: number;
  resolutionHoursSum: number;
  /** Returns to agent (typification quality), per agent who typified. */
  returnsByAgent: Record<string, number>;
  /** Resolved responses per backoffice agent (productivity against the daily target). */
  resolvedByAgent: Record<string, number>;
  surveys: number;
  surveyScoreSum: number;
}

export interface TypeCounts {
  filed: number;
  resolved: number;
}

export function emptyReportDay(date: string): ReportDay {
  return {
    date,
    filed: 0,
    resolvedAtFirstLine: 0,
    resolvedByBackoffice: 0,
    respondedPending: 0,
    closed: 0,
    transferred: 0,
    withdrawn: 0,
    openDelta: 0,
    byKind: {},
    byTypology: {},
    byChannel: {},
    deadlinesMet: 0,
    deadlinesMissed: 0,
    firstResponsesOverdue: 0,
    firstResponses: 0,
    firstResponseHoursSum: 0,
    resolutions: 0,
    resolutionHoursSum: 0,
    returnsByAgent: {},
    resolvedByAgent: {},
    surveys: 0,
    surveyScoreSum: 0,
  };
}

/** The maps of a day: keyed by kind, typology, channel or agent. */
type TypeCountMap = 'byKind' | 'byTypology' | 'byChannel';
type AgentCountMap = 'returnsByAgent' | 'resolvedByAgent';

/**
 * A copy that the counters of one more event can be added to, leaving the original untouched. Its
 * maps are the original's until `bumpType` or `bumpAgent` replaces the one they count in (a day holds
 * a few hundred map entries, and most events change none of them: this runs for every event).
 */
export function copyReportDay(day: ReportDay): ReportDay {
  return { ...day };
}

/** Counts one more case filed or resolved under `key`, in a copy of the map (see copyReportDay). */
export function bumpType(day: ReportDay, map: TypeCountMap, key: string, field: keyof TypeCounts): void {
  const entry = day[map][key] ?? { filed: 0, resolved: 0 };
  day[map] = { ...day[map], [key]: { ...entry, [field]: entry[field] + 1 } };
}

/** Counts one more for the agent, in a copy of the map (see copyReportDay). */
export function bumpAgent(day: ReportDay, map: AgentCountMap, agentId: string): void {
  day[map] = { ...day[map], [agentId]: (day[map][agentId] ?? 0) + 1 };
}
