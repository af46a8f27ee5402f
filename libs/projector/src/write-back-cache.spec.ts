import type { Projection, ProjectionEvent } from '@app/projections';
import { ReadStoreUnavailableError } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { WriteBackCache } from './write-back-cache';

const COUNTS = 'counts';
const LIMITS = { commitEveryEvents: 1000, maxCachedDocuments: 1000 };

/** Counts events per type and in all, in new documents; throws on a `CaseClosed`. */
interface Count {
  count: number;
}

const counting: Projection<{ byType: Count; total: Count }> = {
  name: 'counting',
  version: 1,
  collections: [{ name: COUNTS, indexes: [] }],
  handles: ['CaseFiled', 'CaseAssigned', 'CaseClosed'],
  keysOf: (event) => ({ byType: { collection: COUNTS, id: event.type }, total: { collection: COUNTS, id: 'total' } }),
  evolve: ({ byType, total }, event) => {
    if (event.type === 'CaseClosed') throw new Error('poison');
    return { byType: { count: (byType?.count ?? 0) + 1 }, total: { count: (total?.count ?? 0) + 1 } };
  },
};

/** The same counts, kept in drafts (`Projection.drafts`) changed in place; also throws on a `CaseClosed`, after counting it. */
const countingInDrafts: Projection<{ byType: Count; total: Count }> = {
  ...counting,
  drafts: ['byType', 'total'],
  evolve: ({ byType, total }, event) => {
    const changed = { byType: byType ?? { count: 0 }, total: total ?? { count: 0 } };
    changed.byType.count += 1;
    changed.total.count += 1;
    if (event.type === 'CaseClosed') throw new Error('poison');
    return changed;
  },
};

/** One document per stream, counting its events. */
const perStream: Projection<{ stream: Count }> = {
  name: 'per-stream',
  version: 1,
  collections: [{ name: COUNTS, indexes: [] }],
  handles: ['CaseFiled', 'CaseAssigned'],
  keysOf: (event) => ({ stream: { collection: COUNTS, id: event.streamId } }),
  evolve: ({ stream }) => ({ stream: { count: (stream?.count ?? 0) + 1 } }),
};

function event(type: ProjectionEvent['type'], position: number, streamId = 'case-1'): ProjectionEvent {
  return { type, data: {}, streamId, revision: position - 1, position, metadata: { actorId: 'a', occurredAt: '2026-01-01T00:00:00-05:00' } } as ProjectionEvent;
}

const countsIn = (writes: { id: string; data: object | null; position: number }[]) =>
  Object.fromEntries(writes.map(({ id, data, position }) => [id, { count: data && 'count' in data ? data.count : undefined, position }]));

describe.each([
  ['new documents', counting],
  ['drafts changed in place', countingInDrafts],
])('WriteBackCache, a projection counting in %s', (_kind, counting) => {
  let store: SqliteReadStore;

  beforeEach(async () => {
    store = new SqliteReadStore({ filename: ':memory:' });
    await store.ensureCollections(counting.collections);
  });
  afterEach(() => store.close());

  it('given a batch whose second event throws, then the cache is as it was before the batch, and the error is rethrown', async () => {
    const cache = new WriteBackCache(0, LIMITS);
    await cache.apply(store, counting, [event('CaseFiled', 1)]);
    cache.accept(1, 1);

    await expect(cache.apply(store, counting, [event('CaseAssigned', 2), event('CaseClosed', 3)])).rejects.toThrow('poison');

    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 1, position: 1 }, total: { count: 1, position: 1 } });
    await cache.apply(store, counting, [event('CaseAssigned', 2)]);
    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 1, position: 1 }, total: { count: 2, position: 2 }, CaseAssigned: { count: 1, position: 2 } });
  });

  it('given the undo of a batch that went through, then the cache is as it was before it (the failing event is searched this way)', async () => {
    const cache = new WriteBackCache(0, LIMITS);
    await cache.apply(store, counting, [event('CaseFiled', 1)]);
    const undo = await cache.apply(store, counting, [event('CaseFiled', 2), event('CaseAssigned', 3)]);
    undo();
    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 1, position: 1 }, total: { count: 1, position: 1 } });
  });

  it('given documents stored, then each is read once, changed in memory batch after batch, and written once per commit', async () => {
    await store.commit('counting', [{ collection: COUNTS, id: 'total', position: 10, data: { count: 10 } }], { version: 1, position: 10 });
    const getMany = jest.spyOn(store, 'getMany');
    const cache = new WriteBackCache(10, LIMITS);
    for (let position = 11; position <= 13; position++) {
      await cache.apply(store, counting, [event('CaseFiled', position)]);
      cache.accept(position, 1);
    }
    expect(getMany.mock.calls.flatMap(([, ids]) => ids).sort()).toEqual(['CaseFiled', 'total']);
    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 3, position: 13 }, total: { count: 13, position: 13 } });

    cache.committed();
    expect(cache.writes()).toEqual([]);
    await cache.apply(store, counting, [event('CaseFiled', 14)]);
    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 4, position: 14 }, total: { count: 14, position: 14 } });
  });

  it('given the store unavailable while documents are read, then nothing is applied, and the next try reads them', async () => {
    await store.commit('counting', [{ collection: COUNTS, id: 'total', position: 10, data: { count: 10 } }], { version: 1, position: 10 });
    jest.spyOn(store, 'getMany').mockRejectedValueOnce(new ReadStoreUnavailableError('locked', undefined));
    const cache = new WriteBackCache(10, LIMITS);

    await expect(cache.apply(store, counting, [event('CaseFiled', 11)])).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    expect(cache.writes()).toEqual([]);

    await cache.apply(store, counting, [event('CaseFiled', 11)]);
    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 1, position: 11 }, total: { count: 11, position: 11 } });
  });

  it('given an event applied again (a replay), then the documents that reflect it do not change', async () => {
    const cache = new WriteBackCache(0, LIMITS);
    await cache.apply(store, counting, [event('CaseFiled', 1), event('CaseAssigned', 2)]);
    await cache.apply(store, counting, [event('CaseFiled', 1), event('CaseAssigned', 2)]);
    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 1, position: 1 }, CaseAssigned: { count: 1, position: 2 }, total: { count: 2, position: 2 } });
  });

  it('given documents committed, then later batches leave the committed versions as they were', async () => {
    const cache = new WriteBackCache(0, LIMITS);
    await cache.apply(store, counting, [event('CaseFiled', 1), event('CaseFiled', 2)]);
    cache.accept(2, 2);
    const committed = cache.writes();
    cache.committed();
    const asCommitted = JSON.parse(JSON.stringify(committed)) as unknown;

    await cache.apply(store, counting, [event('CaseFiled', 3), event('CaseFiled', 4)]);
    expect(committed).toEqual(asCommitted);
    expect(countsIn(cache.writes())).toEqual({ CaseFiled: { count: 4, position: 4 }, total: { count: 4, position: 4 } });
  });

  it('given a full cache committed, then the older half of its documents is dropped and the newer half stays in memory', async () => {
    const cache = new WriteBackCache(0, { commitEveryEvents: 1000, maxCachedDocuments: 4 });
    const streams = ['case-1', 'case-2', 'case-3', 'case-4'];
    await cache.apply(store, perStream, streams.map((stream, index) => event('CaseFiled', index + 1, stream)));
    cache.accept(4, 4);
    expect(cache.shouldCommit()).toBe(true);
    await store.commit('per-stream', cache.writes(), { version: 1, position: 4 });
    cache.committed();

    const getMany = jest.spyOn(store, 'getMany');
    await cache.apply(store, perStream, streams.map((stream, index) => event('CaseAssigned', index + 5, stream)));
    expect(getMany.mock.calls.flatMap(([, ids]) => ids).sort()).toEqual(['case-1', 'case-2']);
    expect(countsIn(cache.writes())).toEqual(Object.fromEntries(streams.map((stream, index) => [stream, { count: 2, position: index + 5 }])));
  });

  it('given a cache filled up by committed documents, then the least recent of those are dropped with no commit due, and read back when named again', async () => {
    const cache = new WriteBackCache(0, { commitEveryEvents: 1000, maxCachedDocuments: 4 });
    await cache.apply(store, perStream, ['case-1', 'case-2'].map((stream, index) => event('CaseFiled', index + 1, stream)));
    cache.accept(2, 2);
    await store.commit('per-stream', cache.writes(), { version: 1, position: 2 });
    cache.committed();

    await cache.apply(store, perStream, ['case-3', 'case-4'].map((stream, index) => event('CaseFiled', index + 3, stream)));
    cache.accept(4, 2);
    expect(cache.shouldCommit()).toBe(false);
    expect(cache.writes().map(({ id }) => id)).toEqual(['case-3', 'case-4']);

    const getMany = jest.spyOn(store, 'getMany');
    await cache.apply(store, perStream, ['case-1', 'case-3'].map((stream, index) => event('CaseAssigned', index + 5, stream)));
    expect(getMany.mock.calls.flatMap(([, ids]) => ids)).toEqual(['case-1']);
    expect(countsIn(cache.writes())).toEqual({ 'case-1': { count: 2, position: 5 }, 'case-3': { count: 2, position: 6 }, 'case-4': { count: 1, position: 4 } });
  });

  it('given the changed documents alone fill the cache, then a commit is due before the commit window is over', async () => {
    const cache = new WriteBackCache(0, { commitEveryEvents: 1000, maxCachedDocuments: 3 });
    await cache.apply(store, perStream, ['case-1', 'case-2'].map((stream, index) => event('CaseFiled', index + 1, stream)));
    cache.accept(2, 2);
    expect(cache.shouldCommit()).toBe(false);
    await cache.apply(store, perStream, [event('CaseFiled', 3, 'case-3')]);
    cache.accept(3, 1);
    expect(cache.shouldCommit()).toBe(true);
    expect(cache.writes()).toHaveLength(3);
  });
});
