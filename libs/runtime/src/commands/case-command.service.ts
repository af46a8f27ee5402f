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
  isStillCurrent,
} from '@app/domain';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, WrongExpectedRevisionError } from '@app/event-store';
import { Clock } from '../storage/clock';
import { CASE_DECIDER } from './case-decider.provider';
import { toCaseEvent, toOffsetIso } from './case-events';
import { CommandContext, CommandOutcome } from './command-context';

/** Builds the domain command once the current state is known (FileCase allocates its filing number here). */
export type CommandBuilder = (at: string, state: CaseState) => CaseCommand | Promise<CaseCommand>;

/** Full jitter: the n-th retry waits a random time below min(CAP, BASE·2^n) ms, so that contenders spread out. */
const BACKOFF_BASE_MS = 2;
const BACKOFF_CAP_MS = 50;

export interface ExecuteOptions {
  /**
   * The stream cannot exist yet (a fresh random case id): the first attempt skips reading it. The
   * `no_stream` expectation still guards the append, and a conflict reads it like any retry.
   */
  freshStream?: boolean;
}

/**
 * The command path of DESIGN.md: read the stream, fold, decide, append with the expected revision.
 * If-Match holds while every event after the client's revision is a revision-neutral fact (an email
 * delivered, a target passed: ADR 21); else 409. A conflict on append is retried on fresh state,
 * after a short jittered wait, until the command is appended or refused (by the decider, or by the
 * If-Match rule on the new events): each conflict means another command was appended, so the case
 * moves on and no command is lost to contention.
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
      if (context.expectedRevision !== undefined) {
        const typesAfter = history.filter((event) => event.revision > context.expectedRevision!).map((event) => event.type);
        if (!isStillCurrent(context.expectedRevision, currentRevision, typesAfter)) {
          throw new WrongExpectedRevisionError(streamId, context.expectedRevision, currentRevision);
        }
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
        // The next attempt reads what was appended meanwhile: it finds its own earlier result (same
        // Idempotency-Key), or decides again, or fails the If-Match check if a person changed the case.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 10)));
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
