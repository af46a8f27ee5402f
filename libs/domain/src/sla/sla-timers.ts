import { endOfBusinessDate } from '../cases/information-period';
import type * as C from '../cases/case.commands';
import type { CaseEvent } from '../cases/case.events';
import { evolveCase } from '../cases/case.evolve';
import { OPEN_STATUSES } from '../cases/case.state';
import type { CaseState } from '../cases/case.state';
import { foldDeadlines } from './deadline-clock';
import { readDueStatus } from './deadline-readings';
import type { DueStatus, FoldedClocks } from './deadline-readings';
import type { SlaCalendar } from './pausable-clock';
import type { SlaPolicies } from './sla-policy';

/** What the SLA process manager waits for; each fires once, strictly after its due instant. */
export const SLA_TIMER_KINDS = ['first_response', 'resolution', 'counter_reply_window', 'customer_silence', 'tacit_withdrawal'] as const;
export type SlaTimerKind = (typeof SLA_TIMER_KINDS)[number];

export interface SlaTimer {
  kind: SlaTimerKind;
  dueAt: string;
  /** For the timers of an information request: which request they belong to. */
  informationRequestedAt?: string;
}

/** The deadline the case must meet next (the at-risk queue sorts by it); null when none runs. */
export interface NextDeadline {
  kind: 'first_response' | 'resolution';
  dueAt: string;
}

export interface SlaSchedule {
  /** False once the case is over (closed, withdrawn, transferred, resolved at first line): nothing will fire again. */
  open: boolean;
  timers: SlaTimer[];
  nextDeadline: NextDeadline | null;
}

export interface SlaScheduleOptions {
  calendar: SlaCalendar;
  policies: SlaPolicies;
  /**
   * Company rule for information requests recorded before issue 22 (v1): business days a case may wait on
   * the customer before it is closed; 0 turns it off. A v2 request records its own closing dates.
   */
  customerSilenceBusinessDays: number;
}

type SlaCommand<T> = T extends unknown ? Omit<T, 'actor' | 'at'> : never;
/** A command of the SLA process manager, without the actor and the instant the command path adds. */
export type SlaTimerCommand = SlaCommand<C.RecordFirstResponseOverdue | C.RecordResolutionOverdue | C.CloseCaseAutomatically | C.WithdrawCase>;

const NOTHING: SlaSchedule = { open: false, timers: [], nextDeadline: null };

/**
 * The timers of one case, from its history (in order) and the configuration. Pure: the same history
 * gives the same timers, so a timer's due instant names it (`slaCommandId`). A timer whose fact is
 * recorded, or that the case moved past (a response, the information arriving), is no longer listed.
 */
export function slaScheduleOf(events: readonly CaseEvent[], options: SlaScheduleOptions): SlaSchedule {
  const state = events.reduce<CaseState>(evolveCase, { status: 'none' });
  if (state.status === 'none' || !OPEN_STATUSES.includes(state.status)) return NOTHING;
  return slaScheduleFrom(state, foldDeadlines(events, { calendar: options.calendar, policies: options.policies }).clocks, options);
}

/** The same timers from the case's state and deadline clocks already folded (by `evolveCase` and `DeadlineFold`), without the history. */
export function slaScheduleFrom(state: CaseState, clocks: FoldedClocks, options: SlaScheduleOptions): SlaSchedule {
  if (state.status === 'none' || !OPEN_STATUSES.includes(state.status)) return NOTHING;
  const dues = readDueStatus(options.calendar, clocks);
  return { open: true, timers: [...overdueTimers(state, dues), ...waitingTimers(state, clocks, options)], nextDeadline: nextDeadlineOf(dues) };
}

interface Dues {
  firstResponse: DueStatus | null;
  resolution: DueStatus;
}

function overdueTimers(state: Extract<CaseState, { sla: unknown }>, { firstResponse, resolution }: Dues): SlaTimer[] {
  const timers: SlaTimer[] = [];
  // A deadline met late still owes its overdue fact (the process may have been down at the due instant).
  if (firstResponse?.dueAt && state.sla.firstResponseOverdue === null && (firstResponse.metAt === null || firstResponse.overdue)) {
    timers.push({ kind: 'first_response', dueAt: firstResponse.dueAt });
  }
  if (resolution.dueAt && state.sla.resolutionOverdue === null && (resolution.metAt === null || resolution.overdue)) {
    timers.push({ kind: 'resolution', dueAt: resolution.dueAt });
  }
  return timers;
}

function waitingTimers(state: CaseState, clocks: FoldedClocks, options: SlaScheduleOptions): SlaTimer[] {
  if (state.status === 'responded' && state.outcome === 'resolved') return [{ kind: 'counter_reply_window', dueAt: state.counterReplyDeadline }];
  if (state.status !== 'awaiting_information') return [];
  const informationRequestedAt = state.informationRequestedAt;
  const timers: SlaTimer[] = [];
  // Since issue 22 the request records when the case closes without an answer (and its extension moves it).
  if (state.tacitWithdrawalAt != null) {
    if (state.customerSilenceDueAt != null) timers.push({ kind: 'customer_silence', dueAt: state.customerSilenceDueAt, informationRequestedAt });
    timers.push({ kind: 'tacit_withdrawal', dueAt: state.tacitWithdrawalAt, informationRequestedAt });
    return timers;
  }
  // A v1 request: as it behaved then, the company rule from the configuration and one month from the fold.
  if (options.customerSilenceBusinessDays > 0) {
    const dueAt = options.calendar.addBusinessDays(informationRequestedAt, options.customerSilenceBusinessDays);
    timers.push({ kind: 'customer_silence', dueAt, informationRequestedAt });
  }
  const pause = clocks.pauses.find((candidate) => candidate.requestedAt === informationRequestedAt && candidate.receivedAt === null);
  if (pause) timers.push({ kind: 'tacit_withdrawal', dueAt: endOfBusinessDate(options.calendar, pause.tacitWithdrawalAfter), informationRequestedAt });
  return timers;
}

function nextDeadlineOf({ firstResponse, resolution }: Dues): NextDeadline | null {
  const candidates: NextDeadline[] = [];
  if (firstResponse?.dueAt && firstResponse.metAt === null) candidates.push({ kind: 'first_response', dueAt: firstResponse.dueAt });
  if (resolution.dueAt && resolution.metAt === null) candidates.push({ kind: 'resolution', dueAt: resolution.dueAt });
  return candidates.reduce<NextDeadline | null>((earliest, candidate) => (!earliest || Date.parse(candidate.dueAt) < Date.parse(earliest.dueAt) ? candidate : earliest), null);
}

/** The command a timer sends when it fires. */
export function slaTimerCommand(timer: SlaTimer): SlaTimerCommand {
  const { dueAt } = timer;
  switch (timer.kind) {
    case 'first_response':
      return { type: 'RecordFirstResponseOverdue', data: { dueAt } };
    case 'resolution':
      return { type: 'RecordResolutionOverdue', data: { dueAt } };
    case 'counter_reply_window':
      return { type: 'CloseCaseAutomatically', data: { rule: 'counter_reply_window_elapsed', dueAt } };
    case 'customer_silence':
      return { type: 'CloseCaseAutomatically', data: { rule: 'customer_silent', dueAt, informationRequestedAt: timer.informationRequestedAt ?? null } };
    case 'tacit_withdrawal':
      return { type: 'WithdrawCase', data: { informationRequestedAt: timer.informationRequestedAt ?? '', dueAt } };
    default: {
      const unknown: never = timer.kind;
      return unknown;
    }
  }
}

/** The deterministic command id (metadata.commandId): the same timer always sends the same command, so a retry appends nothing. */
export function slaCommandId(caseId: string, timer: SlaTimer): string {
  return `sla:${caseId}:${timer.kind}:${timer.dueAt}`;
}

/** The actor of the SLA process manager's commands. */
export const SLA_ACTOR_ID = 'system:sla';
