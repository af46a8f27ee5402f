import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@app/domain';
import { HISTORIES } from '@app/domain/testing/case-histories';
import { EventStore, EventStoreUnavailableError, ReadAllOptions } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { READ_MODEL_PROJECTIONS } from '@app/runtime';
import { CASES_COLLECTION, Projection } from '@app/projections';
import { MAIL_OUTBOX_COLLECTION } from '@app/processes';
import { EVERY_PROJECTION } from '@app/runtime/projections/testing/every-projection';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { Projector } from './projector';
import { appendCase } from './testing/append-case';


/** The event store as a process that dies after `reads` reads would see it: the next read fails. */
function dyingAfter(store: EventStore, reads: number): EventStore {
  let left = reads;
  return new Proxy(store, {
    get: (target, property, receiver) => {
      if (property !== 'readAll') return Reflect.get(target, property, receiver);
      return async (options: ReadAllOptions) => {
        if (left-- <= 0) throw new EventStoreUnavailableError('killed', undefined);
        return target.readAll(options);
      };
    },
  });
}

async function snapshot(store: SqliteReadStore, projections: readonly Projection[]) {
  const collections: Record<string, unknown> = {};
  for (const { collections: specs } of projections) {
    for (const { name } of specs) collections[name] = (await store.find(name, { limit: 1000 })).items;
  }
  return { collections, checkpoints: (await store.listCheckpoints()).map(({ projection, version, position }) => ({ projection, version, position })) };
}

describe('Projector write-back cache', () => {
  let events: SqliteEventStore;
  const stores: SqliteReadStore[] = [];
  const readStore = () => {
    const store = new SqliteReadStore({ filename: ':memory:' });
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:' });
    for (const history of [HISTORIES.assigned, HISTORIES.closed, HISTORIES.awaiting_information, HISTORIES.responded_resolved, HISTORIES.returned]) {
      await appendCase(events, randomUUID(), history);
    }
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await events.close();
  });

  it('given a catch-up over full batches, then it commits every commitEveryEvents events and at the end, not every batch', async () => {
    const store = readStore();
    const committed: number[] = [];
    const commit = store.commit.bind(store);
    jest.spyOn(store, 'commit').mockImplementation(async (projection, writes, checkpoint) => {
      committed.push(checkpoint.position);
      return commit(projection, writes, checkpoint);
    });
    const head = await events.headPosition();
    await new Projector(events, store, [READ_MODEL_PROJECTIONS[0]], { batchSize: 2, commitEveryEvents: 6, log: () => {} }).catchUp();
    expect(committed).toEqual([6, 12, 18, head].filter((position, index, all) => position <= head && all.indexOf(position) === index));
  });

  it('given commits every few events, then the read models equal those of a commit per batch', async () => {
    const perBatch = readStore();
    await new Projector(events, perBatch, READ_MODEL_PROJECTIONS, { batchSize: 3, commitEveryEvents: 1, log: () => {} }).catchUp();
    const cached = readStore();
    await new Projector(events, cached, READ_MODEL_PROJECTIONS, { batchSize: 3, commitEveryEvents: 7, maxCachedDocuments: 5, log: () => {} }).catchUp();
    expect(await snapshot(cached, READ_MODEL_PROJECTIONS)).toEqual(await snapshot(perBatch, READ_MODEL_PROJECTIONS));
  });

  it('given the process dies between two commits, then the store holds no document past its checkpoint, and a restart ends as a clean rebuild', async () => {
    const store = readStore();
    await expect(new Projector(dyingAfter(events, 5), store, READ_MODEL_PROJECTIONS, { batchSize: 2, commitEveryEvents: 4, log: () => {} }).catchUp()).rejects.toThrow('killed');
    const checkpoints = new Map((await store.listCheckpoints()).map((checkpoint) => [checkpoint.projection, checkpoint.position]));
    expect([...checkpoints.values()]).toEqual(READ_MODEL_PROJECTIONS.map(() => 8));
    for (const projection of READ_MODEL_PROJECTIONS) {
      for (const { name } of projection.collections) {
        const positions = (await store.find(name, { limit: 1000 })).items.map((document) => document.position);
        expect(positions.filter((position) => position > checkpoints.get(projection.name)!)).toEqual([]);
      }
    }

    await new Projector(events, store, READ_MODEL_PROJECTIONS, { batchSize: 2, commitEveryEvents: 4, log: () => {} }).catchUp();
    const clean = readStore();
    await new Projector(events, clean, READ_MODEL_PROJECTIONS, { log: () => {} }).catchUp();
    expect(await snapshot(store, READ_MODEL_PROJECTIONS)).toEqual(await snapshot(clean, READ_MODEL_PROJECTIONS));
  });

  describe('documents an event creates (DocKey.created)', () => {
    const projections = EVERY_PROJECTION;

    it('given a catch-up that files every case it sees, then it never looks up a case document or an outbox message', async () => {
      const store = readStore();
      const getMany = jest.spyOn(store, 'getMany');
      await new Projector(events, store, projections, { batchSize: 3, log: () => {} }).catchUp();
      const lookedUp = getMany.mock.calls.map(([collection, ids]) => ({ collection, ids: ids.filter((id) => collection === CASES_COLLECTION || id.startsWith('message:')) }));
      expect(lookedUp.filter(({ ids }) => ids.length > 0)).toEqual([]);
      expect(await store.count(CASES_COLLECTION)).toBe(5);
      expect(await store.count(MAIL_OUTBOX_COLLECTION, [{ field: 'kind', op: 'eq', value: 'message' }])).toBeGreaterThan(5);
    });

    it('given documents stored past their checkpoint (MongoDB writes them before it), when caught up again, then the read models equal a clean rebuild', async () => {
      const clean = readStore();
      await new Projector(events, clean, projections, { log: () => {} }).catchUp();
      const store = readStore();
      await expect(new Projector(dyingAfter(events, 5), store, projections, { batchSize: 2, commitEveryEvents: 4, log: () => {} }).catchUp()).rejects.toThrow('killed');
      // What a crash between MongoDB's document writes and its checkpoint leaves: every document, final
      // versions included (among them those the replayed events create), and the old checkpoints.
      for (const { collections } of projections) {
        for (const { name } of collections) {
          const documents = (await clean.find(name, { limit: 1000 })).items;
          await store.commit('documents-without-checkpoint', documents.map(({ id, position, data }) => ({ collection: name, id, position, data })), { version: 1, position: 1 });
        }
      }

      await new Projector(events, store, projections, { batchSize: 2, commitEveryEvents: 4, log: () => {} }).catchUp();

      expect((await snapshot(store, projections)).collections).toEqual((await snapshot(clean, projections)).collections);
    });
  });
});
