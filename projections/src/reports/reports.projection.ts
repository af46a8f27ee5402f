import { CASE_EVENT_TYPES } from '@app/domain';
import type { ResponseDecision, ResponseSent } from '@app/domain';
import { caseIdOf, opensCase } from '../case-keys';
import { bogotaDate, DocChanges, defineProjection, ProjectionEvent } from '../projection';
import type { ReportDay, ReportMonthTotals } from './report-day';
import { ReportTally } from './report-tally';

export const REPORT_DAYS_COLLECTION = 'report_days';
export const REPORT_CASES_COLLECTION = 'report_cases';
export const REPORT_MONTHS_COLLECTION = 'report_months';
export const REPORT_MONTH_TOTALS_COLLECTION = 'report_month_totals';

/**
 * Per month, only how many cases became open or stopped being open: pending at any date is a short
 * sum of small documents (the month's totals hold the same figure, in a document a hundred times larger).
 */
export interface ReportMonth {
  month: string;
  openDelta: number;
}

/** What the report needs to remember about one case between its events. */
export interface ReportCase {
  caseId: string;
  filedAt: string;
  kind: string;
  typology: string;
  channel: string;
  dueAt: string;
  open: boolean;
  firstResponseAt: string | null;
  /** The first resolution (times to resolution and deadlines count it once). */
  resolvedAt: string | null;
  /** Set when the SLA process recorded ResolutionOverdue: the deadline counts as missed once, then. */
  deadlineMissed: boolean;
  /** The mark of the last backoffice response, until a counter-reply reopens the case (null). */
  standing: 'resolved' | 'pending' | null;
  /** Who resolved it, while it stands resolved: a reopening takes the resolution off their count. */
  resolvedBy: string | null;
  /** The decision of the response that resolved it, while it stands resolved (null: none recorded, a v1 response). */
  decision: ResponseDecision | null;
}

/** The documents the reports keep. */
export interface ReportDocs {
  case: ReportCase;
  day: ReportDay;
  month: ReportMonth;
  totals: ReportMonthTotals;
}

export const reportsProjection = defineProjection<ReportDocs>({
  name: 'reports',
  version: 5,
  collections: [
    { name: REPORT_DAYS_COLLECTION, indexes: [{ fields: ['date'] }] },
    { name: REPORT_CASES_COLLECTION, indexes: [] },
    { name: REPORT_MONTHS_COLLECTION, indexes: [{ fields: ['month'] }] },
    { name: REPORT_MONTH_TOTALS_COLLECTION, indexes: [{ fields: ['month'] }] },
  ],
  handles: CASE_EVENT_TYPES,
  keysOf: (event) => {
    const date = bogotaDate(event.metadata.occurredAt);
    const month = date.slice(0, 7);
    return {
      case: { collection: REPORT_CASES_COLLECTION, id: caseIdOf(event), created: opensCase(event) },
      day: { collection: REPORT_DAYS_COLLECTION, id: date },
      month: { collection: REPORT_MONTHS_COLLECTION, id: month },
      totals: { collection: REPORT_MONTH_TOTALS_COLLECTION, id: month },
    };
  },
  drafts: ['day', 'totals'],
  evolve: (docs, event) => {
    const before = docs.case;
    if (!before && event.type !== 'CaseFiled') return {};
    const date = bogotaDate(event.metadata.occurredAt);
    const dayBefore = docs.day;
    // Read before counting: the day is a draft, counted in place.
    const openDeltaBefore = dayBefore?.openDelta ?? 0;
    const tally = new ReportTally(date, dayBefore, docs.totals);
    const changes: DocChanges<ReportDocs> = { case: count(tally, before, event) };
    const counted = tally.changed;
    if (!counted) return changes;
    const { day } = counted;
    changes.day = day;
    changes.totals = counted.month;
    const openDelta = day.openDelta - openDeltaBefore;
    if (openDelta !== 0) {
      const month = docs.month ?? { month: date.slice(0, 7), openDelta: 0 };
      changes.month = { month: month.month, openDelta: month.openDelta + openDelta };
    }
    return changes;
  },
});

const HOUR = 3600_000;

/** Adds the event to the day's and the month's counters and returns the case's new report facts. */
function count(tally: ReportTally, facts: ReportCase | null, event: ProjectionEvent): ReportCase {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'CaseFiled': {
      const d = event.data;
      tally.add('filed');
      tally.add('openDelta');
      tally.bumpType('byKind', d.kind, 'filed');
      tally.bumpType('byChannel', d.channel, 'filed');
      return { caseId: d.caseId, filedAt: d.filedAt, kind: d.kind, typology: '', channel: d.channel, dueAt: d.dueAt, open: true, firstResponseAt: null, resolvedAt: null, deadlineMissed: false, standing: null, resolvedBy: null, decision: null };
    }
    case 'CaseTypified': {
      // The first typification comes with the filing: it counts the case under its typology once.
      if (facts!.typology === '') tally.bumpType('byTypology', event.data.typology, 'filed');
      return { ...facts!, kind: event.data.kind, typology: event.data.typology, dueAt: event.data.dueAt };
    }
    case 'CaseResolvedAtFirstLine':
      tally.add('resolvedAtFirstLine');
      tally.add('deadlinesMet');
      markResolved(tally, facts!);
      return leave(tally, { ...facts!, resolvedAt: at });
    case 'ResponseSent':
      return countResponse(tally, facts!, event.data, at);
    case 'CounterReplyReceived': {
      const reopened = { ...withdrawStanding(tally, facts!), standing: null, resolvedBy: null, decision: null };
      if (facts!.open) return reopened;
      tally.add('openDelta');
      return { ...reopened, open: true };
    }
    case 'DeadlineExtended':
    case 'InformationReceived':
      return { ...facts!, dueAt: event.data.dueAt };
    case 'CaseReturnedToAgent':
      tally.bumpAgent('returnsByAgent', event.data.agentId);
      return facts!;
    case 'SatisfactionSurveyAnswered':
      tally.add('surveys');
      tally.add('surveyScoreSum', event.data.score);
      return facts!;
    case 'CaseClosed':
      tally.add('closed');
      return leave(tally, facts!);
    case 'CaseTransferred':
      tally.add('transferred');
      return leave(tally, facts!);
    case 'CaseWithdrawn':
      tally.add('withdrawn');
      return leave(tally, facts!);
    case 'FirstResponseOverdue':
      tally.add('firstResponsesOverdue');
      return facts!;
    case 'ResolutionOverdue':
      if (facts!.deadlineMissed || facts!.resolvedAt) return facts!;
      tally.add('deadlinesMissed');
      return { ...facts!, deadlineMissed: true };
    case 'CaseAssigned':
    case 'TypificationConfirmed':
    case 'InformationRequested':
    case 'InformationPeriodExtended':
    case 'QualityReviewed':
    case 'EmailDelivered':
    case 'EmailDeliveryFailed':
    case 'CustomerEmailReceived':
    case 'PetitionerDataErased':
    case 'InternalNoteAdded':
    case 'CasePriorityChanged':
      return facts!;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function countResponse(tally: ReportTally, facts: ReportCase, { outcome, respondedBy, decision }: ResponseSent['data'], at: string): ReportCase {
  let next = facts;
  if (!facts.firstResponseAt) {
    tally.add('firstResponses');
    tally.add('firstResponseHoursSum', hoursBetween(facts.filedAt, at));
    next = { ...next, firstResponseAt: at };
  }
  if (outcome === 'pending') {
    if (facts.standing === 'pending') return next;
    tally.add('respondedPending');
    return { ...withdrawStanding(tally, next), standing: 'pending', resolvedBy: null, decision: null };
  }
  if (facts.standing === 'resolved') return leave(tally, next);
  next = { ...withdrawStanding(tally, next), standing: 'resolved', resolvedBy: respondedBy, decision };
  tally.add('resolvedByBackoffice');
  if (decision) tally.bumpDecision(facts.typology, decision);
  tally.bumpAgent('resolvedByAgent', respondedBy);
  markResolved(tally, facts);
  if (!facts.resolvedAt) {
    tally.add('resolutions');
    tally.add('resolutionHoursSum', hoursBetween(facts.filedAt, at));
    if (facts.deadlineMissed) {
      // Already counted as missed when the SLA process recorded it.
    } else if (Date.parse(at) <= Date.parse(facts.dueAt)) tally.add('deadlinesMet');
    else tally.add('deadlinesMissed');
    next = { ...next, resolvedAt: at };
  }
  return leave(tally, next);
}

function markResolved(tally: ReportTally, facts: ReportCase, amount = 1): void {
  tally.bumpType('byKind', facts.kind, 'resolved', amount);
  tally.bumpType('byTypology', facts.typology, 'resolved', amount);
  tally.bumpType('byChannel', facts.channel, 'resolved', amount);
}

/**
 * Takes the case off the figure its last response put it in (a case is counted resolved or pending,
 * never both): a resolution reopened is one less for the totals, the breakdowns and its agent.
 */
function withdrawStanding(tally: ReportTally, facts: ReportCase): ReportCase {
  if (facts.standing === 'pending') tally.add('respondedPending', -1);
  if (facts.standing === 'resolved') {
    tally.add('resolvedByBackoffice', -1);
    tally.add('reopened');
    tally.bumpAgent('reopenedByAgent', facts.resolvedBy!);
    markResolved(tally, facts, -1);
    if (facts.decision) tally.bumpDecision(facts.typology, facts.decision, -1);
  }
  return facts;
}

/** The case stops being open (pending) as of this day. */
function leave(tally: ReportTally, facts: ReportCase): ReportCase {
  if (!facts.open) return facts;
  tally.add('openDelta', -1);
  return { ...facts, open: false };
}

function hoursBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / HOUR);
}
