import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, RecordedEvent, WrongExpectedRevisionError } from '@app/event-store';
import type { CommandContext } from '@app/runtime';

/** The round-robin rotation: one stream in the event store (not a case stream, so projections skip it). */
export const ROUND_ROBIN_STREAM = 'distribution-round-robin';
export const CASES_DEALT_ROUND_ROBIN = 'CasesDealtRoundRobin';

/** What one round-robin distribution recorded: the agents it dealt to, in order, and so the last one served. */
export interface CasesDealtRoundRobin {
  backofficeIds: string[];
  served: string[];
  lastServed: string;
}

const MAX_ATTEMPTS = 10;

/**
 * Where the rotation stands survives calls and restarts: each round-robin distribution appends
 * `CasesDealtRoundRobin` (the agents it dealt to, the last one served) to its stream, with the
 * stream's revision as read. The next distribution starts with the agent after the last one served
 * (the first listed when that agent is not in its list). Two distributions at once: one append
 * conflicts, reads the other's turn and deals after it — they never start at the same agent.
 * The turn is taken before the cases are assigned: a case skipped meanwhile (someone acted first)
 * has used its agent's turn, as a crash between the two steps would. A retry with the same
 * Idempotency-Key deals the same way again and appends nothing.
 */
@Injectable()
export class RoundRobinPointer {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The agent for each of `count` cases, in order, recorded as this distribution's turn. */
  async deal(backofficeIds: string[], count: number, context: CommandContext, at: string): Promise<string[]> {
    for (let attempt = 1; ; attempt++) {
      const events = await this.store.readStream(ROUND_ROBIN_STREAM);
      const earlier = context.idempotencyKey ? events.find((event) => event.metadata.commandId === context.idempotencyKey) : undefined;
      if (earlier) return this.replay(earlier, backofficeIds, count, context);
      const last = events.at(-1);
      const start = last ? backofficeIds.indexOf((last.data as unknown as CasesDealtRoundRobin).lastServed) + 1 : 0;
      const served = rotation(backofficeIds, start, count);
      const data: CasesDealtRoundRobin = { backofficeIds, served, lastServed: served[served.length - 1] };
      try {
        await this.store.appendToStream(
          ROUND_ROBIN_STREAM,
          [
            {
              type: CASES_DEALT_ROUND_ROBIN,
              data: { ...data },
              metadata: {
                eventId: randomUUID(),
                schemaVersion: 1,
                correlationId: context.correlationId,
                causationId: context.idempotencyKey ?? context.correlationId,
                actorId: context.actor.id,
                actorRoles: [...context.actor.roles],
                occurredAt: at,
                ...(context.idempotencyKey && { commandId: context.idempotencyKey, commandHash: context.requestHash }),
              },
            },
          ],
          { expectedRevision: last ? last.revision : 'no_stream' },
        );
        return served;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private replay(earlier: RecordedEvent, backofficeIds: string[], count: number, context: CommandContext): string[] {
    if (earlier.metadata.commandHash !== context.requestHash) {
      throw new UnprocessableEntityException({ code: 'IDEMPOTENCY.KEY_REUSED', message: 'This Idempotency-Key was already used for a different request' });
    }
    const { served } = earlier.data as unknown as CasesDealtRoundRobin;
    return rotation(backofficeIds, Math.max(0, backofficeIds.indexOf(served[0])), count);
  }
}

/** `count` agents in turn from `start` (wrapping; a start past the end is the first agent). */
export function rotation(backofficeIds: string[], start: number, count: number): string[] {
  const first = start % backofficeIds.length;
  return Array.from({ length: count }, (_, index) => backofficeIds[(first + index) % backofficeIds.length]);
}
