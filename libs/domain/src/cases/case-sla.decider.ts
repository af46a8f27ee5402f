import { AUTO_CLOSE_REASONS, TACIT_WITHDRAWAL_REASON } from './case-kind';
import type * as C from './case.commands';
import type { CaseEvent } from './case.events';
import { CaseErrors } from './case.errors';
import { OPEN_STATUSES } from './case.state';
import type { FiledCase } from './case.state';
import { requireStatus } from './case-status.guard';

/**
 * The commands of the SLA process manager. It computes each due instant from the case's events and
 * the configured policies; the decider checks what the case itself knows: the instant has passed,
 * the deadline was not met on time, the fact is not recorded yet, and the timer still matches the case
 * (a later request or response makes an older timer stale).
 */
const OVERDUE_FACTS = {
  RecordFirstResponseOverdue: { event: 'FirstResponseOverdue', recordedDue: 'firstResponseOverdue', metAt: 'firstRespondedAt' },
  RecordResolutionOverdue: { event: 'ResolutionOverdue', recordedDue: 'resolutionOverdue', metAt: 'resolvedAt' },
} as const;

/** FirstResponseOverdue / ResolutionOverdue: once per case, unless the deadline was met at or before its due instant. */
export function recordOverdue(command: C.RecordFirstResponseOverdue | C.RecordResolutionOverdue, state: FiledCase): CaseEvent[] {
  requireStatus(state, OPEN_STATUSES, command);
  const { event, recordedDue, metAt } = OVERDUE_FACTS[command.type];
  const { dueAt } = command.data;
  const recorded = state.sla[recordedDue];
  if (recorded !== null) throw CaseErrors.slaFactAlreadyRecorded(event, recorded);
  requireOverdue(command.at, dueAt, state.sla[metAt]);
  return [{ type: event, data: { dueAt, detectedBy: command.actor.id, detectedAt: command.at } }];
}

/** Closes a case nobody has to act on any more: no counter-reply in its window, or the customer silent (company rule). */
export function closeCaseAutomatically(command: C.CloseCaseAutomatically, state: FiledCase): CaseEvent[] {
  const { rule, dueAt } = command.data;
  if (rule === 'counter_reply_window_elapsed') {
    requireStatus(state, ['responded'], command);
    if (state.outcome !== 'resolved') throw CaseErrors.wrongStatus(command.type, state.status);
    if (state.counterReplyDeadline !== dueAt) throw CaseErrors.timerStale(dueAt, state.counterReplyDeadline);
  } else {
    requireStatus(state, ['awaiting_information'], command);
    requireSameRequest(command.data.informationRequestedAt ?? null, state.informationRequestedAt);
    // A request recorded since issue 22 says whether the company rule applies (only outside Ley 1755) and when: the law comes first.
    if (state.tacitWithdrawalAt !== null && state.customerSilenceDueAt !== dueAt) throw CaseErrors.timerStale(dueAt, state.customerSilenceDueAt);
  }
  requirePassed(command.at, dueAt);
  return [{ type: 'CaseClosed', data: { reason: AUTO_CLOSE_REASONS[rule], closedBy: command.actor.id, closedAt: command.at } }];
}

/** Art. 17: one month without the information asked for. */
export function withdrawCase(command: C.WithdrawCase, state: FiledCase): CaseEvent[] {
  requireStatus(state, ['awaiting_information'], command);
  const { informationRequestedAt, dueAt } = command.data;
  requireSameRequest(informationRequestedAt, state.informationRequestedAt);
  // The art. 17 date the case records (with the petitioner's extra month, if granted); a v1 request records none.
  if (state.tacitWithdrawalAt !== null && state.tacitWithdrawalAt !== dueAt) throw CaseErrors.timerStale(dueAt, state.tacitWithdrawalAt);
  requirePassed(command.at, dueAt);
  return [
    {
      type: 'CaseWithdrawn',
      data: { reason: TACIT_WITHDRAWAL_REASON, informationRequestedAt, dueAt, withdrawnBy: command.actor.id, withdrawnAt: command.at },
    },
  ];
}

/** Overdue once the due instant has passed, unless the deadline was met at or before it. */
function requireOverdue(at: string, dueAt: string, metAt: string | null): void {
  requirePassed(at, dueAt);
  if (metAt !== null && Date.parse(metAt) <= Date.parse(dueAt)) throw CaseErrors.deadlineMet(dueAt, metAt);
}

function requirePassed(at: string, dueAt: string): void {
  if (Number.isNaN(Date.parse(dueAt)) || Date.parse(at) <= Date.parse(dueAt)) throw CaseErrors.notDueYet(dueAt);
}

function requireSameRequest(timerRequest: string | null, caseRequest: string): void {
  if (timerRequest !== caseRequest) throw CaseErrors.timerStale(String(timerRequest), caseRequest);
}
