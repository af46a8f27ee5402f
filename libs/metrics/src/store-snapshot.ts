import type { EventStore } from '@app/event-store';
import { MAIL_OUTBOX_COLLECTION } from '@app/processes/mail-outbox/mail-outbox.projection';
import { SLA_TIMERS_COLLECTION } from '@app/processes/sla/sla-timers.projection';
import type { ProjectionCheckpoint, ReadStore } from '@app/read-store';

/** Where the scrape-time values come from; the same whether the projector runs in this process or another. */
export interface StoreSources {
  events: EventStore;
  readStore: ReadStore;
  /** Every projection the system keeps: one without a checkpoint yet lags by the whole store. */
  projections: () => readonly string[];
  /** The clock the SLA timers are due by (the application's). */
  now: () => Date;
}

export interface ProjectionLag {
  name: string;
  position: number;
  events: number;
  /** How long ago the oldest event the projection has not applied was recorded (0 when caught up). */
  seconds: number;
}

/** What the stores say at one scrape; a store that does not answer leaves its values out. */
export interface StoreSnapshot {
  eventStoreUp: boolean;
  readStoreUp: boolean;
  head?: number;
  lags: ProjectionLag[];
  outboxBacklog?: number;
  outboxFailing?: number;
  timersDue?: number;
}

export async function readStoreSnapshot(sources: StoreSources): Promise<StoreSnapshot> {
  const { events, readStore } = sources;
  const head = await events.headPosition().catch(() => undefined);
  const checkpoints = await readStore.listCheckpoints().catch(() => undefined);
  const [outboxBacklog, outboxFailing, timersDue] = checkpoints
    ? await Promise.all([
        countOrNothing(readStore, MAIL_OUTBOX_COLLECTION, [{ field: 'status', op: 'eq', value: 'pending' }]),
        countOrNothing(readStore, MAIL_OUTBOX_COLLECTION, [
          { field: 'status', op: 'eq', value: 'pending' },
          { field: 'attempts', op: 'gt', value: 0 },
        ]),
        countOrNothing(readStore, SLA_TIMERS_COLLECTION, [{ field: 'nextTimerMs', op: 'lte', value: sources.now().getTime() }]),
      ])
    : [];
  const lags = head !== undefined && checkpoints ? await lagsOf(events, head, sources.projections(), checkpoints) : [];
  return { eventStoreUp: head !== undefined, readStoreUp: checkpoints !== undefined, head, lags, outboxBacklog, outboxFailing, timersDue };
}

async function lagsOf(events: EventStore, head: number, projections: readonly string[], checkpoints: ProjectionCheckpoint[]): Promise<ProjectionLag[]> {
  const positions = new Map(checkpoints.map(({ projection, position }) => [projection, position]));
  const recordedAfter = new Map<number, Promise<number | undefined>>();
  const firstUnappliedAt = (position: number) => {
    if (!recordedAfter.has(position)) recordedAfter.set(position, firstRecordedAfter(events, position));
    return recordedAfter.get(position)!;
  };
  return Promise.all(
    projections.map(async (name) => {
      const position = Math.min(positions.get(name) ?? 0, head);
      const recordedAt = position < head ? await firstUnappliedAt(position) : undefined;
      const seconds = recordedAt === undefined ? 0 : Math.max(0, (Date.now() - recordedAt) / 1000);
      return { name, position, events: head - position, seconds };
    }),
  );
}

/** When the event right after `position` was recorded (epoch ms). */
async function firstRecordedAfter(events: EventStore, position: number): Promise<number | undefined> {
  const [next] = await events.readAll({ fromPosition: position, maxCount: 1 }).catch(() => []);
  return next && Date.parse(next.recordedAt);
}

function countOrNothing(readStore: ReadStore, collection: string, where: Parameters<ReadStore['count']>[1]): Promise<number | undefined> {
  return readStore.count(collection, where).catch(() => undefined);
}
