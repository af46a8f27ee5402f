import { UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@app/event-store';
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

/** The Idempotency-Key came back with another request than the one it first carried. */
export function idempotencyKeyReused(): UnprocessableEntityException {
  return new UnprocessableEntityException({ code: 'IDEMPOTENCY.KEY_REUSED', message: 'This Idempotency-Key was already used for a different request' });
}
