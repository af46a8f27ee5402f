import type { CaseEvent } from '@app/domain';
import { HISTORIES } from '@app/domain/testing/case-histories';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { CASES_COLLECTION, caseViewProjection, Projection } from '@app/projections';
import { ReadStoreUnavailableError } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { Projector } from './projector';
import { appendCase } from './testing/append-case';

const COUNTS = 'counts';

/** Counts events per type; throws on the event whose data marks it as poison (until "fixed"). */
function countingProjection(options: { throwOn?: string; version?: number; poisoned?: () => boolean } = {}): Projection<{ counter: { count: number } }> {
  return {
    name: 'event-counts',
    version: options.version ?? 1,
    collections: [{ name: COUNTS, indexes: [] }],
    handles: ['CaseFiled', 'CaseTypified', 'CaseAssigned', 'CaseClosed'],
    keysOf: (event) => ({ counter: { collection: COUNTS, id: event.type } }),
    evolve: ({ counter }, event) => {
      const poisoned = options.poisoned?.() ?? true;
      if (poisoned && options.throwOn && event.type === 'CaseAssigned' && event.streamId.endsWith(options.throwOn)) throw new Error('poison event');
      return { counter: { count: (counter?.count ?? 0) + 1 } };
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
    const projector = new Projector(events, readStore, [countingProjection({ throwOn: poison }), caseViewProjection], { batchSize: 2, log: () => {} });
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

  describe('a failed projection tries again by itself', () => {
    /** A clock the tests move: the retry delays are read from it, never slept. */
    let now: Date;
    const clock = () => now;
    beforeEach(() => {
      now = new Date('2026-03-02T15:00:00Z');
    });
    const later = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };

    it('given the cause gone, when its delay has passed, then it resumes from the failing event without a restart, after 1 s, 2 s, 4 s, ... up to a minute', async () => {
      let poisoned = true;
      const projector = new Projector(events, readStore, [countingProjection({ throwOn: poison, poisoned: () => poisoned })], { batchSize: 2, now: clock, log: () => {} });
      await projector.catchUp();
      expect(projector.status()[0]).toMatchObject({ state: 'failed', position: 4, failure: { position: 6, attempts: 1, retryAt: '2026-03-02T15:00:01.000Z' } });
      // Before its delay: not tried again.
      await projector.catchUp();
      expect(projector.status()[0].failure).toMatchObject({ attempts: 1 });
      later(1000);
      await projector.catchUp();
      expect(projector.status()[0]).toMatchObject({ state: 'failed', failure: { attempts: 2, retryAt: '2026-03-02T15:00:03.000Z' } });
      for (let attempt = 3; attempt <= 9; attempt++) {
        later(60_000);
        await projector.catchUp();
      }
      const capped = projector.status()[0].failure!;
      expect(capped.attempts).toBe(9);
      expect(Date.parse(capped.retryAt) - Date.parse(capped.at)).toBe(60_000);

      poisoned = false;
      later(60_000);
      await projector.catchUp();
      expect(projector.status()[0]).toEqual({ name: 'event-counts', version: 1, position: 9, state: 'running' });
      expect([await count('CaseFiled'), await count('CaseTypified'), await count('CaseAssigned'), await count('CaseClosed')]).toEqual([3, 3, 2, 1]);
    });

    it('given a running projector, when the cause is gone, then the background loop resumes the projection by itself', async () => {
      let poisoned = true;
      const projector = new Projector(events, readStore, [countingProjection({ throwOn: poison, poisoned: () => poisoned })], { idleMs: 1, retryBaseMs: 1, retryMaxMs: 1, log: () => {} });
      await projector.start();
      for (let attempt = 0; attempt < 400 && projector.status()[0].state !== 'failed'; attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(projector.status()[0].state).toBe('failed');
      poisoned = false;
      for (let attempt = 0; attempt < 400 && projector.status()[0].position !== 9; attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
      await projector.stop();
      expect(projector.status()[0]).toMatchObject({ state: 'running', position: 9 });
      expect(await count('CaseAssigned')).toBe(2);
    });
  });

  describe('an event that breaks its schema', () => {
    const broken = '00000000-0000-4000-8000-000000000009';
    /** Counts CaseFiled only: an invalid CaseAssigned is none of its business. */
    const filingsOnly = (): Projection<{ counter: { count: number } }> => ({ ...countingProjection(), name: 'filings', handles: ['CaseFiled'] });

    beforeEach(async () => {
      // As if inserted by hand: a CaseAssigned with empty data (position 12), then a sound event (13).
      await appendCase(events, broken, [...HISTORIES.closed.slice(0, 2), { type: 'CaseAssigned', data: {} } as CaseEvent, HISTORIES.closed[2]]);
    });

    it('given projections that handle it, then each stops at it naming its position, type and field; a projection that does not goes on', async () => {
      const projector = new Projector(events, readStore, [caseViewProjection, countingProjection(), filingsOnly()], { batchSize: 5, log: () => {} });
      await projector.catchUp();
      const [caseView, counting, filings] = projector.status();
      for (const stopped of [caseView, counting]) {
        expect(stopped).toMatchObject({
          state: 'failed',
          position: 11,
          failure: { position: 12, eventType: 'CaseAssigned', error: 'the CaseAssigned event at position 12 does not match its schema: data.backofficeId is missing (a string)' },
        });
      }
      expect(filings).toMatchObject({ state: 'running', position: 13 });
      expect(await count('CaseTypified')).toBe(4);
      expect(await count('CaseAssigned')).toBe(2);
      expect((await readStore.getCheckpoint('event-counts'))?.position).toBe(11);
    });
  });
});
