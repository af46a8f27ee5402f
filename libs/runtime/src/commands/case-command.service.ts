import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CASE_EVENT_SCHEMA_VERSIONS, CaseCommand, CaseDecider, CaseEvent, caseStreamId, CaseErrors, CaseState, isStillCurrent } from '@app/domain';
import { EVENT_STORE, EventStore, NewEvent, RecordedEvent, WrongExpectedRevisionError } from '@app/event-store';
import { Assignees } from '../directory/assignees';
import { Clock } from '../storage/clock';
import { CASE_DECIDER } from './case-decider.provider';
import { toCaseEvent, toOffsetIso } from './case-events';
import { CommandContext, CommandOutcome } from './command-context';
import { earlierRunOf, withCommandMetadata } from './command-metadata';
import { FilingNumbers } from './filing-numbers';

type WithoutContext<T> = T extends unknown ? Omit<T, 'actor' | 'at'> : never;
/** A command as its sender knows it: the command path adds the actor (from the context) and the instant. */
export type CaseCommandInput = WithoutContext<CaseCommand>;

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

/** The case as one attempt found it. */
interface LoadedCase {
  streamId: string;
  history: RecordedEvent[];
  state: CaseState;
  /** The stream's revision, -1 while it does not exist. */
  revision: number;
  earlier?: undefined;
}

/** The result of this very command, appended earlier (same Idempotency-Key): nothing is decided again. */
interface EarlierResult {
  earlier: CommandOutcome;
}

/**
 * The command path of DESIGN.md, in one line of sight: load (read the stream, find an earlier result of
 * the same command, fold), decide, append with the expected revision. A conflict on append runs the
 * whole of it again on fresh state, after a short jittered wait, until the command is appended or
 * refused (by the decider, or by the If-Match rule on the new events): each conflict means another
 * command was appended, so the case moves on and no command is lost to contention (ADR 21). If-Match
 * holds while every event after the client's revision is a revision-neutral fact (an email delivered,
 * a target passed); else 409. A filing is decided unnumbered and numbered before its append (FilingNumbers).
 * An assignment goes only to an assignable user (Assignees: every AssignCase passes here, ADR 40).
 */
@Injectable()
export class CaseCommandService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CASE_DECIDER) private readonly decider: CaseDecider,
    private readonly filingNumbers: FilingNumbers,
    private readonly clock: Clock,
    private readonly assignees: Assignees,
  ) {}

  async execute(caseId: string, input: CaseCommandInput, context: CommandContext, options: ExecuteOptions = {}): Promise<CommandOutcome> {
    const command = { ...input, actor: context.actor, at: toOffsetIso(this.clock.now()) } as CaseCommand;
    const commandId = context.idempotencyKey ?? randomUUID();
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.load(caseId, context, options.freshStream === true && attempt === 1);
      if (loaded.earlier) return loaded.earlier;
      const events = await this.filingNumbers.number(this.decide(command, loaded, context));
      // The case's own rules first (found, status, not the same agent again), then whom it goes to.
      if (command.type === 'AssignCase') await this.assignees.requireAssignable([command.data.backofficeId]);
      try {
        return await this.append(caseId, loaded, command, events, commandId, context);
      } catch (error) {
        // The next attempt reads what was appended meanwhile: it finds its own earlier result (same
        // Idempotency-Key), or decides again, or fails the If-Match check if a person changed the case.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        await sleep(Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 10)));
      }
    }
  }

  private async load(caseId: string, context: CommandContext, freshStream: boolean): Promise<LoadedCase | EarlierResult> {
    const streamId = caseStreamId(caseId);
    const history = freshStream ? [] : await this.store.readStream(streamId);
    const earlier = this.findEarlierResult(caseId, history, context);
    if (earlier) return { earlier };
    const state = history.map(toCaseEvent).reduce(this.decider.evolve, this.decider.initialState());
    const revision = history.length > 0 ? history[history.length - 1].revision : -1;
    return { streamId, history, state, revision };
  }

  private decide(command: CaseCommand, loaded: LoadedCase, context: CommandContext): CaseEvent[] {
    if (loaded.state.status === 'none' && command.type !== 'FileCase') throw CaseErrors.notFound();
    const held = context.expectedRevision;
    if (held !== undefined) {
      const typesAfter = loaded.history.filter((event) => event.revision > held).map((event) => event.type);
      if (!isStillCurrent(held, loaded.revision, typesAfter)) throw new WrongExpectedRevisionError(loaded.streamId, held, loaded.revision);
    }
    return this.decider.decide(command, loaded.state);
  }

  private async append(
    caseId: string,
    loaded: LoadedCase,
    command: CaseCommand,
    events: CaseEvent[],
    commandId: string,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const result = await this.store.appendToStream(
      loaded.streamId,
      events.map((event) => this.withMetadata(event, command, commandId, context)),
      { expectedRevision: loaded.revision === -1 ? 'no_stream' : loaded.revision },
    );
    return { caseId, revision: result.nextExpectedRevision, position: result.position, events, replayed: false };
  }

  private findEarlierResult(caseId: string, history: RecordedEvent[], context: CommandContext): CommandOutcome | undefined {
    const earlier = earlierRunOf(history, context);
    if (!earlier) return undefined;
    const last = earlier[earlier.length - 1];
    return { caseId, revision: last.revision, position: last.position, events: earlier.map(toCaseEvent), replayed: true };
  }

  private withMetadata(event: CaseEvent, command: CaseCommand, commandId: string, context: CommandContext): NewEvent {
    return withCommandMetadata(event, CASE_EVENT_SCHEMA_VERSIONS[event.type], command, commandId, context);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
