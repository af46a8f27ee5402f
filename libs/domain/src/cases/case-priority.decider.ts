import type * as C from './case.commands';
import type { CasePriorityChanged } from './case.events';
import { CaseErrors } from './case.errors';
import { isPriorityReason } from './case-priority';
import type { PriorityReason } from './case-priority';
import { OPEN_STATUSES } from './case.state';
import type { FiledCase } from './case.state';
import { requireStatus } from './case-status.guard';

/** The agent marked the case urgent at filing: CasePriorityChanged, the filing's last event; nothing for a normal filing. */
export function priorityAtFiling(command: C.FileCase): CasePriorityChanged | undefined {
  const urgency = command.data.urgency;
  if (!urgency) return undefined;
  return priorityChanged('urgent', validReason(urgency), command);
}

/** A supervisor marks an open case urgent (with its reason) or back to normal; the same priority again changes nothing. */
export function changePriority(command: C.ChangePriority, state: FiledCase): CasePriorityChanged[] {
  requireStatus(state, OPEN_STATUSES, command);
  const { priority } = command.data;
  const reason = priority === 'urgent' ? validReason(command.data.reason) : null;
  if (priority === 'normal' && state.priority === 'normal') return [];
  return [priorityChanged(priority, reason, command)];
}

function validReason(reason: PriorityReason | null | undefined): PriorityReason {
  if (!reason || !isPriorityReason(reason.kind, reason.code)) throw CaseErrors.urgencyReasonRequired();
  return { kind: reason.kind, code: reason.code } as PriorityReason;
}

function priorityChanged(priority: CasePriorityChanged['data']['priority'], reason: PriorityReason | null, command: C.CaseCommand): CasePriorityChanged {
  return { type: 'CasePriorityChanged', data: { priority, reason, changedBy: command.actor.id, changedAt: command.at } };
}
