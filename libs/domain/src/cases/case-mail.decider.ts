import type * as C from './case.commands';
import { deliveredMessageKey } from './case.events';
import type { CaseEvent, EmailRef } from './case.events';
import { CaseErrors } from './case.errors';
import type { FiledCase } from './case.state';

/** The actor the email outbox records its delivery attempts with. */
export const MAIL_ACTOR_ID = 'system:mail';

/**
 * The email outbox's commands: the outcome of one delivery attempt. Whatever the status (the closing
 * message is delivered after the case closed), a message is delivered once: after EmailDelivered for a
 * source event, neither another delivery nor a failure is recorded for it.
 */
export function recordEmailOutcome(command: C.RecordEmailDelivered | C.RecordEmailDeliveryFailed, state: FiledCase): CaseEvent[] {
  const ref = emailRefOf(command.data);
  if ((state.emailsDelivered ?? []).includes(deliveredMessageKey(ref))) throw CaseErrors.emailAlreadyDelivered(ref.sourceEventId);
  if (!Number.isInteger(ref.attempt) || ref.attempt < 1) throw CaseErrors.notPositive('attempt');
  if (command.type === 'RecordEmailDelivered') {
    return [{ type: 'EmailDelivered', data: { ...ref, deliveredBy: command.actor.id, deliveredAt: command.at } }];
  }
  const { error, nextAttemptAt } = command.data;
  return [{ type: 'EmailDeliveryFailed', data: { ...ref, error, nextAttemptAt, failedBy: command.actor.id, failedAt: command.at } }];
}

function emailRefOf({ sourceEventId, sourceEventType, messageId, attempt, addressee }: C.RecordEmailDelivered['data']): EmailRef {
  return { sourceEventId, sourceEventType, messageId, attempt, addressee: addressee ?? 'petitioner' };
}

