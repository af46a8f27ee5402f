import { UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@app/event-store';
import type { CommandContext } from './command-context';

/** A decided event ready to append: its data and the house metadata (who, when, which command, which request). */
export function withCommandMetadata(
  event: { type: string; data: object },
  schemaVersion: number,
  command: { type: string; at: string },
  commandId: string,
  context: CommandContext,
): NewEvent {
  return {
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      eventId: randomUUID(),
      schemaVersion,
      correlationId: context.correlationId,
      causationId: commandId,
      actorId: context.actor.id,
      actorRoles: [...context.actor.roles],
      occurredAt: command.at,
      commandId,
      commandType: command.type,
      commandHash: context.requestHash,
    },
  };
}

/**
 * The events an earlier run of this very command appended to the stream (the same Idempotency-Key), so
 * that it is answered again instead of decided again; undefined when there is none. The key with
 * another request than the one it first carried is 422 IDEMPOTENCY.KEY_REUSED.
 */
export function earlierRunOf(history: readonly RecordedEvent[], context: CommandContext): RecordedEvent[] | undefined {
  if (!context.idempotencyKey) return undefined;
  const earlier = history.filter((event) => event.metadata.commandId === context.idempotencyKey);
  if (earlier.length === 0) return undefined;
  if (earlier[0].metadata.commandHash !== context.requestHash) throw idempotencyKeyReused();
  return earlier;
}

/** The Idempotency-Key came back with another request than the one it first carried. */
function idempotencyKeyReused(): UnprocessableEntityException {
  return new UnprocessableEntityException({ code: 'IDEMPOTENCY.KEY_REUSED', message: 'This Idempotency-Key was already used for a different request' });
}
