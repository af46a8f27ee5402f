import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  CASE_EVENT_SCHEMA_VERSIONS,
  CaseCommand,
  CaseDecider,
  CaseEvent,
  caseStreamId,
  CaseErrors,
  CaseState,
  upcastCaseEvent,
} from '@app/domain';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, WrongExpectedRevisionError } from '@app/event-store';
import { Clock } from '../storage/clock';
import { CASE_DECIDER } from './case-decider.provider';
import { CommandContext, CommandOutcome } from './command-context';

/** Builds the domain command once the current state is known (FileCase allocates its filing number here). */
export type CommandBuilder = (at: string, state: CaseState) => CaseCommand | Promise<CaseCommand>;

const MAX_ATTEMPTS = 5;

export interface ExecuteOptions {
  /**
   * The stream cannot exist yet (a fresh random case id): the first attempt skips reading it. The
   * `no_stream` expectation still guards the append, and a conflict reads it like any retry.
   */
  freshStream?: boolean;
}

/**
 * The command path of DESIGN.md: read the stream, fold, decide, append with the expected revision.
 * A conflict is retried on fresh state unless the client pinned a revision with If-Match (then 409).
 */
@Injectable()
export class CaseCommandService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_DECIDER) private readonly decider: CaseDecider,
    private readonly clock: Clock,
  ) {}

  async execute(caseId: string, build: CommandBuilder, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandOutcome> {
    const streamId = caseStreamId(caseId);
    const at = toOffsetIso(this.clock.now());
    const commandId = context.idempotencyKey ?? randomUUID();
    for (let attempt = 1; ; attempt++) {
      const history = options.freshStream && attempt === 1 ? [] : await this.store.readStream(streamId);
      const replay = this.findEarlierResult(caseId, history, context);
      if (replay) return replay;

      const state = history.map(toCaseEvent).reduce(this.decider.evolve, this.decider.initialState());
      const currentRevision = history.length > 0 ? history[history.length - 1].revision : -1;
      const command = await build(at, state);
      if (state.status === 'none' && command.type !== 'FileCase') throw CaseErrors.notFound();
      if (context.expectedRevision !== undefined && context.expectedRevision !== currentRevision) {
        throw new WrongExpectedRevisionError(streamId, context.expectedRevision, currentRevision);
      }
      const events = this.decider.decide(command, state);
      try {
        const result = await this.store.appendToStream(
          streamId,
          events.map((event) => this.withMetadata(event, command, commandId, context)),
          { expectedRevision: currentRevision === -1 ? 'no_stream' : currentRevision },
        );
        return { caseId, revision: result.nextExpectedRevision, position: result.position, events, replayed: false };
      } catch (error) {
        // With If-Match, a conflict is the client's 409 — unless it lost to its own retry (same Idempotency-Key):
        // the next attempt then finds and returns the first result, or else fails the If-Match check.
        const retry =
          error instanceof WrongExpectedRevisionError &&
          (context.expectedRevision === undefined || context.idempotencyKey !== undefined) &&
          attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
  }

  private findEarlierResult(caseId: string, history: RecordedEvent[], context: CommandContext): CommandOutcome | undefined {
    if (!context.idempotencyKey) return undefined;
    const earlier = history.filter((event) => event.metadata.commandId === context.idempotencyKey);
    if (earlier.length === 0) return undefined;
    if (earlier[0].metadata.commandHash !== context.requestHash) {
      throw new UnprocessableEntityException({
        code: 'IDEMPOTENCY.KEY_REUSED',
        message: 'This Idempotency-Key was already used for a different request',
      });
    }
    const last = earlier[earlier.length - 1];
    return { caseId, revision: last.revision, position: last.position, events: earlier.map(toCaseEvent), replayed: true };
  }

  private withMetadata(event: CaseEvent, command: CaseCommand, commandId: string, context: CommandContext): NewEvent {
    return {
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: {
        eventId: randomUUID(),
        schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[event.type],
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
}

export function toCaseEvent(recorded: RecordedEvent): CaseEvent {
  return upcastCaseEvent(recorded.type as CaseEvent['type'], Number(recorded.metadata.schemaVersion ?? 1), recorded.data);
}

/** ISO-8601 in Bogotá's fixed offset, as every instant in the API is shown. */
export function toOffsetIso(date: Date): string {
  const shifted = new Date(date.getTime() - 5 * 3600_000);
  return shifted.toISOString().replace('Z', '-05:00');
}
