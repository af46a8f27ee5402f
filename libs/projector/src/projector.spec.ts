import type { CaseEvent } from '@app/domain';
import { HISTORIES } from '@app/domain/testing/case-histories';
import { SqliteEventStore } from '@app/event-store';
import { CASES_COLLECTION, caseViewProjection, Doc, Projection } from '@app/projections';
import { ReadStoreUnavailableError, SqliteReadStore } from '@app/read-store';
import { Projector } from './projector';
import { appendCase } from './testing/append-case';

const COUNTS = 'counts';

/** Counts events per type; throws on the event whose data marks it as poison (until "fixed"). */
function countingProjection(options: { throwOn?: string; version?: number } = {}): Projection<'counter'> {
  return {
    name: 'event-counts',
    version: options.version ?? 1,
    collections: [{ name: COUNTS, indexes: [] }],
    handles: ['CaseFiled', 'CaseTypified', 'CaseAssigned', 'CaseClosed'],
    keysOf: (event) => ({ counter: { collection: COUNTS, id: event.type } }),
    evolve: ({ counter }, event) => {
      if (options.throwOn && event.type === 'CaseAssigned' && event.streamId.endsWith(options.throwOn)) throw new Error('poison event');
      return { counter: { count: (((counter as Doc | null)?.count as number) ?? 0) + 1 } };
    },
  };
}


describe('Projector', () => {
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  const good = '00000000-0000-4000-8000-000000000001';
  const poison = '00000000-0000-4000-8000-000000000002';
  const later = '00000000-0000-4000-8000-000000000003';

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:' });
    readStore = new SqliteReadStore({ filename: ':memory:' });
    await appendCase(events, good, HISTORIES.assigned);
    await appendCase(events, poison, HISTORIES.assigned);
    await appendCase(events, later, HISTORIES.closed);
  });
  afterEach(async () => {
    await readStore.close();
    await events.close();
  });

  const count = async (type: string) => (await readStore.get<{ count: number }>(COUNTS, type))?.data.count;

  it('given a projection that throws on an event, then it stops there, reports it, and the others go on', async () => {
    const projector = new Projector(events, readStore, [countingProjection({ throwOn: poison }), caseViewProjection as Projection], { batchSize: 2, log: () => {} });
    await projector.catchUp();
    const [counting, caseView] = projector.status();
    expect(counting).toMatchObject({ state: 'failed', position: 4, failure: { position: 6, eventType: 'CaseAssigned', error: 'poison event' } });
    expect(caseView).toMatchObject({ state: 'running', position: 9 });
    expect((await readStore.getCheckpoint('event-counts'))?.position).toBe(4);
    // The failing batch's first event (5, the poison case's typification) is not committed with it.
    expect(await readStore.get(COUNTS, 'CaseTypified')).toMatchObject({ position: 2, data: { count: 1 } });
    expect(await readStore.count(CASES_COLLECTION)).toBe(3);
  });

  it('given the projection fixed, when the projector starts again, then it resumes from the failing event without skipping or repeating', async () => {
    await new Projector(events, readStore, [countingProjection({ throwOn: poison })], { batchSize: 2, log: () => {} }).catchUp();
    const fixed = new Projector(events, readStore, [countingProjection()], { batchSize: 2, log: () => {} });
    await fixed.catchUp();
    expect(fixed.status()[0]).toMatchObject({ state: 'running', position: 9 });
    expect([await count('CaseFiled'), await count('CaseTypified'), await count('CaseAssigned'), await count('CaseClosed')]).toEqual([3, 3, 2, 1]);
  });

  it('given a new projection version, when prepared, then it is rebuilt from position 0', async () => {
    await new Projector(events, readStore, [countingProjection()], { log: () => {} }).catchUp();
    await readStore.commit('event-counts', [{ collection: COUNTS, id: 'stale', position: 100, data: { count: 99 } }], { version: 1, position: 9 });
    const upgraded = new Projector(events, readStore, [countingProjection({ version: 2 })], { log: () => {} });
    await upgraded.catchUp();
    expect(await readStore.get(COUNTS, 'stale')).toBeNull();
    expect(await count('CaseFiled')).toBe(3);
    expect(await readStore.getCheckpoint('event-counts')).toMatchObject({ version: 2, position: 9 });
  });

  it('given a running projector, when events are appended, then they are projected without a restart', async () => {
    const projector = new Projector(events, readStore, [countingProjection()], { idleMs: 5, log: () => {} });
    await projector.start();
    await appendCase(events, '00000000-0000-4000-8000-000000000004', HISTORIES.filed);
    for (let attempt = 0; attempt < 400 && (await count('CaseFiled')) !== 4; attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
    await projector.stop();
    expect(await count('CaseFiled')).toBe(4);
  });

  it('given the read store briefly unavailable, then the projection retries the same batch instead of stopping', async () => {
    const commit = readStore.commit.bind(readStore);
    let outages = 2;
    jest.spyOn(readStore, 'commit').mockImplementation(async (...args) => {
      if (outages-- > 0) throw new ReadStoreUnavailableError('database is locked', undefined);
      return commit(...args);
    });
    const projector = new Projector(events, readStore, [countingProjection()], { idleMs: 1, log: () => {} });
    await projector.start();
    for (let attempt = 0; attempt < 400 && projector.status()[0].position !== 9; attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
    await projector.stop();
    expect(projector.status()[0]).toMatchObject({ state: 'running', position: 9 });
    expect([await count('CaseFiled'), await count('CaseAssigned')]).toEqual([3, 2]);
  });
});
