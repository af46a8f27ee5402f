import { EventStore } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { createTempDatabase } from '@app/event-store/testing/temp-database';
import type { CommandContext } from '@app/runtime';
import { ROUND_ROBIN_STREAM, RoundRobinPointer } from './round-robin-pointer';

const AT = '2026-03-02T10:00:00-05:00';
const AGENTS = ['bo-1', 'bo-2', 'bo-3'];

function context(idempotencyKey?: string, requestHash = 'hash-1'): CommandContext {
  return { actor: { id: 'sup-sofia', roles: ['supervisor'] }, correlationId: 'corr', requestHash, ...(idempotencyKey && { idempotencyKey }) };
}

/** The store, with the first `parties` stream reads held until all of them have read: they then append on the same revision. */
function raceOnRead(store: EventStore, parties: number): EventStore {
  let waiting: Array<() => void> = [];
  return Object.assign(Object.create(store) as EventStore, {
    readStream: async (...args: Parameters<EventStore['readStream']>) => {
      const events = await store.readStream(...args);
      if (parties > 0) {
        parties--;
        await new Promise<void>((release) => {
          waiting.push(release);
          if (parties === 0) {
            waiting.forEach((go) => go());
            waiting = [];
          }
        });
      }
      return events;
    },
  });
}

describe('RoundRobinPointer: the rotation across distributions, in the event store', () => {
  let database: ReturnType<typeof createTempDatabase>;
  let store: SqliteEventStore;

  beforeEach(() => {
    database = createTempDatabase();
    store = new SqliteEventStore({ filename: database.filename });
  });
  afterEach(async () => {
    await store.close();
    database.remove();
  });

  it('given one-case distributions, then each goes to the next agent, wrapping around', async () => {
    const pointer = new RoundRobinPointer(store);
    const dealt = [];
    for (let call = 0; call < 4; call++) dealt.push(...(await pointer.deal(AGENTS, 1, context(), AT)));
    expect(dealt).toEqual(['bo-1', 'bo-2', 'bo-3', 'bo-1']);
  });

  it('given a distribution of two, then the next starts after the last agent served, and each records the agents it dealt to', async () => {
    const pointer = new RoundRobinPointer(store);
    expect(await pointer.deal(AGENTS, 2, context(), AT)).toEqual(['bo-1', 'bo-2']);
    expect(await pointer.deal(AGENTS, 2, context(), AT)).toEqual(['bo-3', 'bo-1']);
    const events = await store.readStream(ROUND_ROBIN_STREAM);
    expect(events.map((event) => [event.type, event.data.lastServed, event.metadata.actorId])).toEqual([
      ['CasesDealtRoundRobin', 'bo-2', 'sup-sofia'],
      ['CasesDealtRoundRobin', 'bo-1', 'sup-sofia'],
    ]);
  });

  it('given a restart (a new pointer on the same store file), then the rotation goes on', async () => {
    await new RoundRobinPointer(store).deal(AGENTS, 1, context(), AT);
    await store.close();
    store = new SqliteEventStore({ filename: database.filename });
    expect(await new RoundRobinPointer(store).deal(AGENTS, 1, context(), AT)).toEqual(['bo-2']);
  });

  it('given two distributions at once, then they do not start at the same agent: one conflicts and deals after the other', async () => {
    const racing = raceOnRead(store, 2);
    const [first, second] = await Promise.all([new RoundRobinPointer(racing).deal(AGENTS, 1, context(), AT), new RoundRobinPointer(racing).deal(AGENTS, 1, context(), AT)]);
    expect([...first, ...second].sort()).toEqual(['bo-1', 'bo-2']);
    expect(await store.readStream(ROUND_ROBIN_STREAM)).toHaveLength(2);
  });

  it('given the last agent served is not in the new list, then the rotation starts with the first listed', async () => {
    const pointer = new RoundRobinPointer(store);
    await pointer.deal(['bo-9'], 1, context(), AT);
    expect(await pointer.deal(AGENTS, 1, context(), AT)).toEqual(['bo-1']);
  });

  it('given a retry with the same Idempotency-Key, then it deals the same way and appends nothing; with another body, IDEMPOTENCY.KEY_REUSED', async () => {
    const pointer = new RoundRobinPointer(store);
    await pointer.deal(AGENTS, 1, context(), AT);
    expect(await pointer.deal(AGENTS, 2, context('key-1'), AT)).toEqual(['bo-2', 'bo-3']);
    expect(await pointer.deal(AGENTS, 2, context('key-1'), AT)).toEqual(['bo-2', 'bo-3']);
    expect(await store.readStream(ROUND_ROBIN_STREAM)).toHaveLength(2);
    await expect(pointer.deal(AGENTS, 2, context('key-1', 'hash-2'), AT)).rejects.toMatchObject({ response: { code: 'IDEMPOTENCY.KEY_REUSED' } });
  });
});
