import { CASE_EVENT_TYPES } from '@app/domain';
import { caseIdOf } from '../case-view/case-view.projection';
import { bogotaDate, Doc, Projection, ProjectionEvent } from '../projection';
import { bumpAgent, bumpType, copyReportDay, emptyReportDay, ReportDay } from './report-day';

export const REPORT_DAYS_COLLECTION = 'report_days';
export const REPORT_CASES_COLLECTION = 'report_cases';
export const REPORT_MONTHS_COLLECTION = 'report_months';

/** Per month, only how many cases became open or stopped being open: pending at any date is a short sum. */
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
  resolvedAt: string | null;
  /** Set when the SLA process recorded ResolutionOverdue: the deadline counts as missed once, then. */
  deadlineMissed: boolean;
}

export const reportsProjection: Projection<'case' | 'day' | 'month'> = {
  name: 'reports',
  version: 2,
  collections: [
    { name: REPORT_DAYS_COLLECTION, indexes: [{ fields: ['date'] }] },
    { name: REPORT_CASES_COLLECTION, indexes: [] },
    { name: REPORT_MONTHS_COLLECTION, indexes: [{ fields: ['month'] }] },
  ],
  handles: CASE_EVENT_TYPES,
  keysOf: (event) => {
    const date = bogotaDate(event.metadata.occurredAt);
    return {
      case: { collection: REPORT_CASES_COLLECTION, id: caseIdOf(event) },
      day: { collection: REPORT_DAYS_COLLECTION, id: date },
      month: { collection: REPORT_MONTHS_COLLECTION, id: date.slice(0, 7) },
    };
  },
  evolve: (docs, event) => {
    const before = docs.case as unknown as ReportCase | null;
    if (!before && event.type !== 'CaseFiled') return {};
    const date = bogotaDate(event.metadata.occurredAt);
    const previous = docs.day as unknown as ReportDay | null;
    const day = previous ? copyReportDay(previous) : emptyReportDay(date);
    const after = count(day, before, event);
    const month = (docs.month as unknown as ReportMonth | null) ?? { month: date.slice(0, 7), openDelta: 0 };
    const openDelta = day.openDelta - (previous?.openDelta ?? 0);
    return {
      case: after as unknown as Doc,
      day: day as unknown as Doc,
      ...(openDelta !== 0 && { month: { ...month, openDelta: month.openDelta + openDelta } as unknown as Doc }),
    };
  },
};

const HOUR = 3600_000;

/** Adds the event to the day's counters and returns the case's new report facts. */
function count(day: ReportDay, facts: ReportCase | null, event: ProjectionEvent): ReportCase {
  const at = event.metadata.occurredAt;
  switch (event.type) {
    case 'CaseFiled': {
      const d = event.data;
      day.filed += 1;
      day.openDelta += 1;
      bumpType(day, 'byKind', d.kind, 'filed');
      bumpType(day, 'byChannel', d.channel, 'filed');
      return { caseId: d.caseId, filedAt: d.filedAt, kind: d.kind, typology: '', channel: d.channel, dueAt: d.dueAt, open: true, firstResponseAt: null, resolvedAt: null, deadlineMissed: false };
    }
    case 'CaseTypified': {
      // The first typification comes with the filing: it counts the case under its typology once.
      if (facts!.typology === '') bumpType(day, 'byTypology', event.data.typology, 'filed');
      return { ...facts!, kind: event.data.kind, typology: event.data.typology, dueAt: event.data.dueAt };
    }
    case 'CaseResolvedAtFirstLine':
      day.resolvedAtFirstLine += 1;
      day.deadlinesMet += 1;
      markResolved(day, facts!);
      return leave(day, { ...facts!, resolvedAt: at });
    case 'ResponseSent':
      return countResponse(day, facts!, event.data.outcome, event.data.respondedBy, at);
    case 'CounterReplyReceived':
      if (facts!.open) return facts!;
      day.openDelta += 1;
      return { ...facts!, open: true };
    case 'DeadlineExtended':
    case 'InformationReceived':
      return { ...facts!, dueAt: event.data.dueAt };
    case 'CaseReturnedToAgent':
      bumpAgent(day, 'returnsByAgent', event.data.agentId);
      return facts!;
    case 'SatisfactionSurveyAnswered':
      day.surveys += 1;
      day.surveyScoreSum += event.data.score;
      return facts!;
    case 'CaseClosed':
      day.closed += 1;
      return leave(day, facts!);
    case 'CaseTransferred':
      day.transferred += 1;
      return leave(day, facts!);
    case 'CaseWithdrawn':
      day.withdrawn += 1;
      return leave(day, facts!);
    case 'FirstResponseOverdue':
      day.firstResponsesOverdue += 1;
      return facts!;
    case 'ResolutionOverdue':
      if (facts!.deadlineMissed || facts!.resolvedAt) return facts!;
      day.deadlinesMissed += 1;
      return { ...facts!, deadlineMissed: true };
    case 'CaseAssigned':
    case 'TypificationConfirmed':
    case 'InformationRequested':
    case 'QualityReviewed':
    case 'EmailDelivered':
    case 'EmailDeliveryFailed':
    case 'CustomerEmailReceived':
    case 'PetitionerDataErased':
      return facts!;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function countResponse(day: ReportDay, facts: ReportCase, outcome: 'resolved' | 'pending', respondedBy: string, at: string): ReportCase {
  let next = facts;
  if (!facts.firstResponseAt) {
    day.firstResponses += 1;
    day.firstResponseHoursSum += hoursBetween(facts.filedAt, at);
    next = { ...next, firstResponseAt: at };
  }
  if (outcome === 'pending') {
    day.respondedPending += 1;
    return next;
  }
  bumpAgent(day, 'resolvedByAgent', respondedBy);
  if (!facts.resolvedAt) {
    day.resolvedByBackoffice += 1;
    day.resolutions += 1;
    day.resolutionHoursSum += hoursBetween(facts.filedAt, at);
    if (facts.deadlineMissed) {
      // Already counted as missed when the SLA process recorded it.
    } else if (Date.parse(at) <= Date.parse(facts.dueAt)) day.deadlinesMet += 1;
    else day.deadlinesMissed += 1;
    markResolved(day, facts);
    next = { ...next, resolvedAt: at };
  }
  return leave(day, next);
}

function markResolved(day: ReportDay, facts: ReportCase): void {
  bumpType(day, 'byKind', facts.kind, 'resolved');
  bumpType(day, 'byTypology', facts.typology, 'resolved');
  bumpType(day, 'byChannel', facts.channel, 'resolved');
}

/** The case stops being open (pending) as of this day. */
function leave(day: ReportDay, facts: ReportCase): ReportCase {
  if (!facts.open) return facts;
  day.openDelta -= 1;
  return { ...facts, open: false };
}

function hoursBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / HOUR);
}
