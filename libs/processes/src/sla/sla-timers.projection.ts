import { CASE_EVENT_TYPES, DeadlineFold, evolveCase, memoizedSlaCalendar, slaScheduleFrom } from '@app/domain';
import type { CaseEvent, CaseEventType, CaseState, DeadlineFoldSnapshot, NextDeadline, SlaScheduleOptions, SlaTimer } from '@app/domain';
import { caseIdOf, defineProjection, opensCase, settingsFingerprint } from '@app/projections';
import type { Projection, ProjectionEvent } from '@app/projections';

export const SLA_TIMERS_COLLECTION = 'sla_timers';
export const SLA_TIMERS_PROJECTION = 'sla-timers';
/**
 * Bump when the document's shape or the timer rules change. 2: no email text in the history (issue 7);
 * 3: folded state and clocks instead of the history; 4: the clocks keep the filing's channel and instant only;
 * 5: no extension reason in the clocks, reasons in the state [erased] after PetitionerDataErased (issue 23);
 * 6: priorityRank, so that the at-risk queue puts urgent cases first (ADR 44).
 */
const SCHEMA_VERSION = 6;
/** Events that move no clock and no case status: the timers stay as they are (the folded state still takes them in). */
const KEEPS_TIMERS: ReadonlySet<CaseEventType> = new Set([
  'CaseAssigned',
  'TypificationConfirmed',
  'CaseReturnedToAgent',
  'SatisfactionSurveyAnswered',
  'QualityReviewed',
  'EmailDelivered',
  'EmailDeliveryFailed',
  'CustomerEmailReceived',
  'PetitionerDataErased',
]);
const CHANGES_TIMERS: ReadonlySet<CaseEventType> = new Set(CASE_EVENT_TYPES.filter((type) => !KEEPS_TIMERS.has(type)));

export type ScheduledTimer = SlaTimer & { dueMs: number };

/** The timers read model: one document per open case (deleted once the case is over). */
export interface SlaTimersDoc {
  caseId: string;
  /** The case's state after its last event (the decider's fold). */
  state: CaseState;
  /** Its deadline clocks after its last event (without the petitioner's personal data): the next event goes on from them, no replay. */
  clocks: DeadlineFoldSnapshot;
  timers: ScheduledTimer[];
  /** The earliest timer (epoch ms), what the process manager queries; null when none is pending. */
  nextTimerMs: number | null;
  /** The deadline the case must meet next, for the at-risk queue; null while none runs (paused, met). */
  nextDeadline: (NextDeadline & { dueMs: number }) | null;
  nextDeadlineMs: number | null;
  /** 0 urgent, 1 normal: the at-risk queue's first sort key, as in every queue. */
  priorityRank: 0 | 1;
}

/**
 * The SLA process manager's timers, kept from the case events (pure: the policies and calendar are
 * configuration given once). Its version carries a fingerprint of the configuration (and of the
 * calendar's settings, when given), so that new settings rebuild the timers from position 0.
 */
export function createSlaTimersProjection(settings: SlaScheduleOptions, calendarSettings: unknown = null): Projection<{ timers: SlaTimersDoc }> {
  // The calendar's answers are remembered: cases filed the same day ask the same questions.
  const options = { ...settings, calendar: memoizedSlaCalendar(settings.calendar) };
  // The timers need the clocks only, not their explanation.
  const foldOptions = { calendar: options.calendar, policies: options.policies, explain: false };
  return defineProjection<{ timers: SlaTimersDoc }>({
    name: SLA_TIMERS_PROJECTION,
    version: SCHEMA_VERSION * 1_000_000 + fingerprint(settings, calendarSettings),
    collections: [{ name: SLA_TIMERS_COLLECTION, indexes: [{ fields: ['nextTimerMs'] }, { fields: ['nextDeadlineMs'] }, { fields: ['priorityRank', 'nextDeadlineMs'] }] }],
    handles: CASE_EVENT_TYPES,
    keysOf: (event) => ({ timers: { collection: SLA_TIMERS_COLLECTION, id: caseIdOf(event), created: opensCase(event) } }),
    evolve: ({ timers: before }, event) => {
      if (event.type === 'CaseFiled') {
        // The clocks start from the filing's kind, channel and instants, nothing about the petitioner. A filing
        // typified by staff is rescheduled by its CaseTypified; a web filing waits untypified on the default policy.
        const { kind, channel, filedAt, dueAt } = event.data;
        const fold = new DeadlineFold({ kind, channel, filedAt, dueAt }, foldOptions);
        return { timers: scheduled(caseIdOf(event), evolveCase({ status: 'none' }, event), fold, options) };
      }
      if (!before) return {};
      const state = evolveCase(before.state, event);
      const fold = DeadlineFold.resume(before.clocks, foldOptions);
      fold.apply(withoutPersonalData(event));
      if (!CHANGES_TIMERS.has(event.type)) return { timers: { ...before, state, clocks: fold.snapshot() } };
      return { timers: scheduled(caseIdOf(event), state, fold, options) };
    },
  });
}

/** The case's timers from its state and clocks; null once the case is over. */
function scheduled(caseId: string, state: CaseState, fold: DeadlineFold, options: SlaScheduleOptions): SlaTimersDoc | null {
  const schedule = slaScheduleFrom(state, fold.clocks, options);
  if (!schedule.open) return null;
  // The new key first: on Node 20, `{ ...timer, dueMs }` gives every timer a hidden class of its own.
  const timers = schedule.timers.map((timer) => ({ dueMs: Date.parse(timer.dueAt), ...timer }));
  const nextDeadline = schedule.nextDeadline && { dueMs: Date.parse(schedule.nextDeadline.dueAt), ...schedule.nextDeadline };
  return {
    caseId,
    state,
    clocks: fold.snapshot(),
    timers,
    nextTimerMs: timers.length === 0 ? null : Math.min(...timers.map((timer) => timer.dueMs)),
    nextDeadline,
    nextDeadlineMs: nextDeadline?.dueMs ?? null,
    priorityRank: state.status !== 'none' && state.priority === 'urgent' ? 0 : 1,
  };
}

/** The event as the clocks take it in, without the petitioner's words (the filing is not taken in: the clocks start from it). */
function withoutPersonalData(event: Exclude<ProjectionEvent, { type: 'CaseFiled' }>): CaseEvent {
  // The customer's own words may carry their name (a signature): the schedule needs neither.
  if (event.type === 'CustomerEmailReceived') return { type: event.type, data: { ...event.data, subject: '', body: '', attachments: [] } };
  // Staff write the reason, and may name the petitioner in it: the clocks keep the days, not the words.
  if (event.type === 'DeadlineExtended') return { type: event.type, data: { ...event.data, reason: '' } };
  return { type: event.type, data: event.data } as CaseEvent;
}

/** Changes with the policies, the company rule or the calendar's settings (holidays, business hours). */
function fingerprint({ policies, customerSilenceBusinessDays }: SlaScheduleOptions, calendarSettings: unknown): number {
  return settingsFingerprint({ policies, customerSilenceBusinessDays, calendarSettings });
}
