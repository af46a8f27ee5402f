import { randomUUID } from 'node:crypto';
import type { Decider } from '@app/domain';
import { EventStore, RecordedEvent, WrongExpectedRevisionError } from '@app/event-store';
import type { CommandContext } from './command-context';
import { earlierRunOf, withCommandMetadata } from './command-metadata';

/** A command as its route builds it: the command path adds who sends it and when. */
export type WithoutSender<T> = T extends unknown ? Omit<T, 'actor' | 'at'> : never;

/** What a command on a stream other than a case's did: the aggregate's id, the stream's revision (the ETag), its events. */
export interface StreamOutcome<Event> {
  id: string;
  /** The stream's revision after the command (-1 when nothing was ever recorded). */
  revision: number;
  /** The global position of the last event (for `?minPosition=`); of the stream's last event when nothing changed. */
  position: number;
  events: Event[];
  replayed: boolean;
}

/** How one family of events is written and read back. */
export interface StreamEvents<Event extends { type: string }> {
  schemaVersions: Record<Event['type'], number>;
  read(recorded: RecordedEvent): Event;
}

/**
 * The command path of a small aggregate (a user, a team, the catalog): load the stream, find an earlier
 * result of the same Idempotency-Key, check If-Match (any change since is a conflict), decide, append
 * with the expected revision; without If-Match a concurrent append is simply decided again.
 */
export async function decideOnStream<Command extends { type: string; at: string }, Event extends { type: string; data: object }, State>(
  store: EventStore,
  target: { decider: Decider<Command, Event, State>; events: StreamEvents<Event>; streamId: string; id: string },
  command: Command,
  context: CommandContext,
): Promise<StreamOutcome<Event>> {
  const { decider, events: family, streamId, id } = target;
  const commandId = context.idempotencyKey ?? randomUUID();
  for (;;) {
    const history = await store.readStream(streamId);
    const earlier = earlierRunOf(history, context);
    if (earlier) {
      const last = earlier[earlier.length - 1];
      return { id, revision: last.revision, position: last.position, events: earlier.map((event) => family.read(event)), replayed: true };
    }
    const last = history.at(-1);
    const revision = last?.revision ?? -1;
    const held = context.expectedRevision;
    if (held !== undefined && last && held !== revision) throw new WrongExpectedRevisionError(streamId, held, revision);
    const state = history.map((event) => family.read(event)).reduce((folded, event) => decider.evolve(folded, event), decider.initialState());
    const events = decider.decide(command, state);
    if (events.length === 0) return { id, revision, position: last?.position ?? 0, events, replayed: false };
    try {
      const toAppend = events.map((event) => withCommandMetadata(event, family.schemaVersions[event.type as Event['type']], command, commandId, context));
      const result = await store.appendToStream(streamId, toAppend, { expectedRevision: last ? revision : 'no_stream' });
      return { id, revision: result.nextExpectedRevision, position: result.position, events, replayed: false };
    } catch (error) {
      // Read again: an earlier result of this key, a stale If-Match (409), or a fresh decision.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
