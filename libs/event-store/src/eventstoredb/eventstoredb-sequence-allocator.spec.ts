import { NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../event-store.port';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { EventStoreDbSequenceAllocator, EventStoreDbSequenceAllocatorOptions } from './eventstoredb-sequence-allocator';
import { InMemoryEventStoreDbClient, unavailableError } from './testing/in-memory-eventstoredb-client';

describe('EventStoreDbSequenceAllocator against a client double', () => {
  let client: InMemoryEventStoreDbClient;
  let delaysRequested: number[];

  const allocator = (options: EventStoreDbSequenceAllocatorOptions = {}) =>
    new EventStoreDbSequenceAllocator(
      { client },
      { sleep: async (ms) => void delaysRequested.push(ms), random: () => 0.5, retryDelayMs: 20, ...options },
    );

  const expectedRevisionsSent = () => client.appendCalls.map((call) => call.options.expectedRevision);

  beforeEach(() => {
    client = new InMemoryEventStoreDbClient();
    delaysRequested = [];
  });

  it('hands out 1, 2, 3 per name, each claimed by an append that expects the revision read', async () => {
    const sequences = allocator();

    expect(await sequences.next('filing-2026')).toBe(1);
    expect(await sequences.next('filing-2026')).toBe(2);
    expect(await sequences.next('filing-2027')).toBe(1);
    expect(await sequences.next('filing-2026')).toBe(3);

    expect(client.appendCalls.map((call) => call.streamName)).toEqual([
      'sequence-filing-2026',
      'sequence-filing-2026',
      'sequence-filing-2027',
      'sequence-filing-2026',
    ]);
    expect(expectedRevisionsSent()).toEqual([NO_STREAM, 0n, NO_STREAM, 1n]);
    // Read once per name; afterwards the revision of its own last claim is used.
    expect(client.readStreamCalls.map((call) => call.streamName)).toEqual(['sequence-filing-2026', 'sequence-filing-2027']);
    expect(client.appendCalls[1].events).toEqual([
      expect.objectContaining({ type: 'SequenceNumberAllocated', data: { sequence: 'filing-2026', value: 2 } }),
    ]);
  });

  it('writes claims the event store reads like any other event', async () => {
    const store = new EventStoreDbEventStore({ client });
    await allocator().next('filing-2026');

    const [claim] = await store.readStream('sequence-filing-2026');

    expect(claim).toEqual(expect.objectContaining({ type: 'SequenceNumberAllocated', revision: 0, data: { sequence: 'filing-2026', value: 1 } }));
    expect(claim.metadata).toEqual(expect.objectContaining({ actorId: 'system:sequence-allocator', schemaVersion: 1 }));
  });

  it('after losing a race, retries with the revision the conflict reported, after a random wait', async () => {
    const [first, second] = [allocator(), allocator()];

    // Both read "no stream"; the second append conflicts.
    const values = await Promise.all([first.next('x'), second.next('x')]);

    expect(values).toEqual([1, 2]);
    expect(expectedRevisionsSent()).toEqual([NO_STREAM, NO_STREAM, 0n]);
    expect(delaysRequested).toEqual([10]); // random 0.5 × 20 ms
  });

  it('never conflicts with itself: one allocation per name at a time', async () => {
    const sequences = allocator();

    const values = await Promise.all(Array.from({ length: 20 }, () => sequences.next('x')));

    expect(values).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(expectedRevisionsSent()).toEqual([NO_STREAM, ...Array.from({ length: 19 }, (_, index) => BigInt(index))]);
    expect(delaysRequested).toEqual([]);
  });

  it('hands out each value once to allocators (processes) competing for the same name', async () => {
    const competitors = [allocator(), allocator(), allocator()];

    const values = await Promise.all(Array.from({ length: 60 }, (_, index) => competitors[index % 3].next('x')));

    expect([...values].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    expect(delaysRequested.length).toBeGreaterThan(0);
  });

  it('gives up after maxAttempts conflicts in a row, waiting longer before each retry', async () => {
    for (let conflict = 0; conflict < 3; conflict += 1) {
      client.failNext('appendToStream', new WrongExpectedVersionError(undefined, { streamName: 'sequence-x', expected: NO_STREAM, current: 5n }));
    }

    const failure = allocator({ maxAttempts: 3 }).next('x');

    await expect(failure).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(failure).rejects.toThrow('Could not allocate the next value of x: 3 attempts lost to concurrent allocations');
    expect(expectedRevisionsSent()).toEqual([NO_STREAM, 5n, 5n]);
    expect(delaysRequested).toEqual([10, 20]);
  });

  it('reports an unreachable server as EventStoreUnavailableError', async () => {
    client.failNext('appendToStream', unavailableError());
    await expect(allocator().next('x')).rejects.toBeInstanceOf(EventStoreUnavailableError);
  });

  it('rejects an empty name, and refuses to allocate once closed; closing disposes the client once', async () => {
    const sequences = allocator();
    await expect(sequences.next('')).rejects.toBeInstanceOf(TypeError);

    await Promise.all([sequences.close(), sequences.close()]);

    await expect(sequences.next('x')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(client.disposeCalls).toBe(1);
  });
});
