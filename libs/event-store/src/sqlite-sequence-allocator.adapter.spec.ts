import { randomUUID } from 'crypto';
import { EventStoreUnavailableError } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store.adapter';
import { SqliteSequenceAllocator } from './sqlite-sequence-allocator.adapter';
import { runSqliteWorkersTogether } from './testing/run-sqlite-workers';
import { createTempDatabase } from './testing/temp-database';

describe('SqliteSequenceAllocator', () => {
  let database: ReturnType<typeof createTempDatabase>;
  let toClose: Array<{ close(): Promise<void> }>;

  const openAllocator = () => {
    const allocator = new SqliteSequenceAllocator({ filename: database.filename });
    toClose.push(allocator);
    return allocator;
  };

  beforeEach(() => {
    database = createTempDatabase();
    toClose = [];
  });

  afterEach(async () => {
    await Promise.all(toClose.map((closable) => closable.close()));
    database.remove();
  });

  it('hands out 1..200 to 200 parallel requests, each value once', async () => {
    const allocator = openAllocator();
    const values = await Promise.all(Array.from({ length: 200 }, () => allocator.next('x')));
    expect([...values].sort(byNumber)).toEqual(oneTo(200));
  });

  it('commits the allocations requested together in one transaction, in the order they were requested', async () => {
    const allocator = openAllocator();
    const values = await Promise.all(Array.from({ length: 50 }, (_, index) => allocator.next(index % 2 === 0 ? 'even' : 'odd')));
    expect(allocator.stats().transactionsCommitted).toBe(1);
    expect(values).toEqual(Array.from({ length: 50 }, (_, index) => Math.floor(index / 2) + 1));
  });

  it('gives increasing values per name, independently for each name', async () => {
    const allocator = openAllocator();
    expect(await allocator.next('filing-2026')).toBe(1);
    expect(await allocator.next('filing-2026')).toBe(2);
    expect(await allocator.next('filing-2027')).toBe(1);
    expect(await allocator.next('filing-2026')).toBe(3);
  });

  it('never hands out the same value from two instances on the same file', async () => {
    const [first, second] = [openAllocator(), openAllocator()];
    const values = await Promise.all(Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? first : second).next('x')));
    expect([...values].sort(byNumber)).toEqual(oneTo(200));
  });

  it('never hands out the same value to processes allocating at once', async () => {
    const command = { kind: 'allocate', filename: database.filename, sequenceName: 'filing-2026', count: 100 } as const;
    const perProcess = await runSqliteWorkersTogether([command, command, command]);

    for (const values of perProcess) expect(values).toEqual([...values].sort(byNumber));
    expect(perProcess.flat().sort(byNumber)).toEqual(oneTo(300));
  });

  it('continues after reopening, and shares a file with the event store', async () => {
    const store = new SqliteEventStore({ filename: database.filename });
    toClose.push(store);
    const allocator = openAllocator();
    const streamId = `case-${randomUUID()}`;
    const metadata = { eventId: randomUUID(), schemaVersion: 1, correlationId: 'c', causationId: 'c', actorId: 'a', occurredAt: '2026-01-01T00:00:00Z' };

    const [, first] = await Promise.all([
      store.appendToStream(streamId, [{ type: 'Filed', data: {}, metadata }], { expectedRevision: 'no_stream' }),
      allocator.next('filing-2026'),
    ]);
    await allocator.close();

    expect(first).toBe(1);
    expect(await openAllocator().next('filing-2026')).toBe(2);
    expect(await store.readStream(streamId)).toHaveLength(1);
  });

  it('refuses to allocate once closed, and rejects an empty name', async () => {
    const allocator = openAllocator();
    await expect(allocator.next('')).rejects.toBeInstanceOf(TypeError);
    await allocator.close();
    await allocator.close();
    await expect(allocator.next('x')).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });
});

function oneTo(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

function byNumber(a: number, b: number): number {
  return a - b;
}
