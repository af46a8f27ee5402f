import type { ResponseDecision } from '@app/domain';
import { ownEntry, setEntry } from '../keyed-counts';

/** Counters that add up over time: a day's, a whole month's, or a report period's. */
export interface ReportCounters {
  filed: number;
  resolvedAtFirstLine: number;
  /**
   * Cases whose backoffice response marked them resolved, less those a counter-reply reopened: on the
   * day of each change, so that a period counts a case resolved only if it still stood so at the end.
   */
  resolvedByBackoffice: number;
  /** Cases whose last response marked them pending, counted like resolvedByBackoffice (a later response or a counter-reply takes them off). */
  respondedPending: number;
  /** Resolved cases a counter-reply reopened (each also taken off resolvedByBackoffice and its agent's resolutions). */
  reopened: number;
  closed: number;
  transferred: number;
  /** Tacit withdrawals (art. 17). */
  withdrawn: number;
  /** Cases that became open (+) or stopped being open (−): pending at the end of a period is their running sum. */
  openDelta: number;
  byKind: Record<string, TypeCounts>;
  byTypology: Record<string, TypeCounts>;
  byChannel: Record<string, TypeCounts>;
  /**
   * Per typology, the decisions of the responses that resolved a case (ResponseSent v2), counted like
   * resolvedByBackoffice: a counter-reply takes the decision off again. A v1 response has none (not counted).
   */
  decisionsByTypology: Record<string, DecisionCounts>;
  deadlinesMet: number;
  deadlinesMissed: number;
  /** FirstResponseOverdue facts recorded. */
  firstResponsesOverdue: number;
  firstResponses: number;
  firstResponseHoursSum: number;
  resolutions: number;
  resolutionHoursSum: number;
  /** Returns to agent (typification quality), per agent who typified. */
  returnsByAgent: Record<string, number>;
  /** Resolved responses per backoffice agent (productivity against the daily target). */
  resolvedByAgent: Record<string, number>;
  /** Per backoffice agent, their resolutions a counter-reply reopened: an agent's resolutions are resolvedByAgent less these. */
  reopenedByAgent: Record<string, number>;
  surveys: number;
  surveyScoreSum: number;
}

/** Counters of one calendar day (Bogotá). Reports for a range that is not whole months add days up. */
export interface ReportDay extends ReportCounters {
  date: string;
}

/**
 * The counters of one whole calendar month (Bogotá), kept as the days are counted, so that a
 * month's report reads one document however many cases a day holds.
 */
export interface ReportMonthTotals extends ReportCounters {
  month: string;
  /** Per backoffice agent, the days of the month on which they resolved at least one case. */
  activeDaysByAgent: Record<string, number>;
}

export type DecisionCounts = Record<ResponseDecision, number>;

export interface TypeCounts {
  filed: number;
  resolved: number;
}

/** The numeric counters, which add up field by field. */
export type CounterField = { [K in keyof ReportCounters]: ReportCounters[K] extends number ? K : never }[keyof ReportCounters];
/** The maps of counters: keyed by kind, typology, channel or agent. */
export type TypeCountMap = 'byKind' | 'byTypology' | 'byChannel';
export type AgentCountMap = 'returnsByAgent' | 'resolvedByAgent' | 'reopenedByAgent';

export function emptyReportDay(date: string): ReportDay {
  return { date, ...emptyCounters() };
}

export function emptyReportMonthTotals(month: string): ReportMonthTotals {
  return { month, activeDaysByAgent: {}, ...emptyCounters() };
}

function emptyCounters(): ReportCounters {
  return {
    filed: 0,
    resolvedAtFirstLine: 0,
    resolvedByBackoffice: 0,
    respondedPending: 0,
    reopened: 0,
    closed: 0,
    transferred: 0,
    withdrawn: 0,
    openDelta: 0,
    byKind: {},
    byTypology: {},
    byChannel: {},
    decisionsByTypology: {},
    deadlinesMet: 0,
    deadlinesMissed: 0,
    firstResponsesOverdue: 0,
    firstResponses: 0,
    firstResponseHoursSum: 0,
    resolutions: 0,
    resolutionHoursSum: 0,
    returnsByAgent: {},
    resolvedByAgent: {},
    reopenedByAgent: {},
    surveys: 0,
    surveyScoreSum: 0,
  };
}

/** Counts one more (or, with -1, one less) case filed or resolved under `key`, in place (the counters are a draft: see `DocKey.draft`). */
export function bumpType(counters: ReportCounters, map: TypeCountMap, key: string, field: keyof TypeCounts, amount = 1): void {
  const entry = ownEntry(counters[map], key);
  if (entry) entry[field] += amount;
  else setEntry(counters[map], key, { filed: field === 'filed' ? amount : 0, resolved: field === 'resolved' ? amount : 0 });
}

/** Counts one more (or, with -1, one less) decision under the typology, in place. */
export function bumpDecision(counters: ReportCounters, typology: string, decision: ResponseDecision, amount: number): void {
  const entry = ownEntry(counters.decisionsByTypology, typology);
  if (entry) entry[decision] += amount;
  else setEntry(counters.decisionsByTypology, typology, { favourable: 0, partial: 0, unfavourable: 0, [decision]: amount });
}

/** Counts one more under `key`, in place. */
export function bumpCount(counts: Record<string, number>, key: string): void {
  setEntry(counts, key, (ownEntry(counts, key) ?? 0) + 1);
}
