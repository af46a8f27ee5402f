import {
  AccessDeniedError,
  ANY,
  DeadlineExceededError,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { eventStoreContract } from '../event-store.contract';
import { EventStoreUnavailableError, ExpectedRevision, WrongExpectedRevisionError } from '../event-store.port';
import { newEvent } from '../testing/contract-events';
import { EventStoreDbEventStore } from './eventstoredb-event-store.adapter';
import { toClientPosition, toPortPosition } from './eventstoredb-positions';
import { InMemoryEventStoreDbClient, rawGrpcError, unavailableError } from './testing/in-memory-eventstoredb-client';

// The adapter's logic against the double (not a server: see eventstoredb.contract.spec.ts for that).
eventStoreContract(
  'EventStoreDB adapter on the in-memory client double',
  async () => {
    const client = new InMemoryEventStoreDbClient({ linkEventsToCategories: true });
    return { store: new EventStoreDbEventStore({ client }), alterStoredData: async (...args) => client.alterStoredData(...args) };
  },
  { canAlterStoredData: true },
);

describe('EventStoreDbEventStore against a client double', () => {
  let client: InMemoryEventStoreDbClient;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    client = new InMemoryEventStoreDbClient();
    store = new EventStoreDbEventStore({ client });
  });

  afterEach(async () => {
    await store.close();
  });

  const lastExpectedRevisionSent = () => client.appendCalls[client.appendCalls.length - 1].options.expectedRevision;

  describe('events', () => {
    it('are sent as JSON, with the metadata eventId as the event id', async () => {
      const event = newEvent('PetitionFiled', { petitioner: { name: 'José Pérez' }, channels: ['web'] });

      await store.appendToStream('case-1', [event], { expectedRevision: 'no_stream' });

      expect(client.appendCalls[0].events).toEqual([
        {
          id: event.metadata.eventId,
          contentType: 'application/json',
          type: 'PetitionFiled',
          data: event.data,
          metadata: { ...event.metadata, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
        },
      ]);
    });

    it('are read back with their stream, revision, $all commit position and creation time', async () => {
      const written = jsonEvent({ type: 'PetitionFiled', data: { city: 'Bogotá' }, metadata: newEvent('x').metadata });
      await client.appendToStream('case-1', [jsonEvent({ type: 'Opened', data: {}, metadata: newEvent('x').metadata })], { expectedRevision: ANY });
      const appended = await client.appendToStream('case-1', [written], { expectedRevision: ANY });

      const [, event] = await store.readStream('case-1');
      const [viaAll] = await store.readAll({ fromPosition: event.position - 1, maxCount: 1 });

      expect(event).toEqual({
        streamId: 'case-1',
        revision: 1,
        position: Number(appended.position!.commit),
        type: 'PetitionFiled',
        data: { city: 'Bogotá' },
        metadata: written.metadata,
        recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      });
      expect(viaAll).toEqual(event);
    });

    it.each([
      ['a stream id starting with $', '$ce-case', newEvent('Filed')],
      ['an event type starting with $', 'case-1', newEvent('$metadata')],
      ['an eventId that is not a UUID', 'case-1', { ...newEvent('Filed'), metadata: { ...newEvent('Filed').metadata, eventId: 'evt-1' } }],
    ])('are refused with %s, before anything is sent', async (_, streamId, event) => {
      await expect(store.appendToStream(streamId, [event], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      expect(client.appendCalls).toEqual([]);
    });
  });

  describe('expected revision', () => {
    // The chain needs the last event's hash, so every append reads the stream's end first and then
    // appends at exactly that revision (ADR 9); the caller's expectation is checked on what was read.
    it.each<[string, ExpectedRevision, number, unknown]>([
      ['no_stream on a missing stream', 'no_stream', 0, NO_STREAM],
      ['any on a missing stream', 'any', 0, NO_STREAM],
      ['stream_exists on a stream at revision 2', 'stream_exists', 3, 2n],
      ['any on a stream at revision 2', 'any', 3, 2n],
      ['3 on a stream at revision 3', 3, 4, 3n],
    ])('%s is sent to the client as the exact revision read: %p', async (_, expectedRevision, eventsBefore, sent) => {
      if (eventsBefore > 0) await store.appendToStream('case-1', Array.from({ length: eventsBefore }, () => newEvent('Noted')), { expectedRevision: 'no_stream' });

      await store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision });

      expect(lastExpectedRevisionSent()).toBe(sent);
    });

    it.each<[ExpectedRevision]>([['no_stream'], [5], ['stream_exists']])('%p failing on what was read is refused before anything is sent', async (expectedRevision) => {
      if (expectedRevision === 'no_stream') await store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 'no_stream' });
      const sentBefore = client.appendCalls.length;

      const failure = await store.appendToStream('case-1', [newEvent('Assigned')], { expectedRevision }).catch((caught: unknown) => caught);

      expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
      expect(client.appendCalls).toHaveLength(sentBefore);
    });

    it.each<[string, WrongExpectedVersionError, number]>([
      ['on an existing stream', new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 2n, current: 4n }), 4],
      ['reported in gRPC metadata', wrongVersionFromServiceError({ 'stream-name': 'case-1', 'expected-version': '2', 'actual-version': '7' }), 7],
      ['reported in gRPC metadata, missing stream', wrongVersionFromServiceError({ 'stream-name': 'case-1', 'expected-version': '2' }), -1],
    ])('with an exact revision, a WrongExpectedVersionError %s is not retried and becomes a WrongExpectedRevisionError with the actual revision', async (_, error, actual) => {
      await store.appendToStream('case-1', [newEvent('A'), newEvent('B'), newEvent('C')], { expectedRevision: 'no_stream' });
      client.failNext('appendToStream', error);

      const failure = await store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 2 }).catch((caught: unknown) => caught);

      expect(failure).toBeInstanceOf(WrongExpectedRevisionError);
      expect(failure).toMatchObject({ streamId: 'case-1', expected: 2, actual });
      expect(client.appendCalls).toHaveLength(2);
    });

    it.each<[ExpectedRevision]>([['any'], ['stream_exists']])(
      'with %p, a stream that moved between the read and the append is read, chained and appended again',
      async (expectedRevision) => {
        await store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 'no_stream' });
        client.failNext('appendToStream', new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 0n, current: 1n }));

        const result = await store.appendToStream('case-1', [newEvent('Noted')], { expectedRevision });

        expect(result.nextExpectedRevision).toBe(1);
        expect(client.appendCalls.slice(1).map((call) => call.options.expectedRevision)).toEqual([0n, 0n]);
        expect(await store.verifyStream('case-1')).toEqual({ intact: true, events: 2 });
      },
    );

    it("with 'any', gives up after 10 attempts when the stream keeps moving", async () => {
      await store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 'no_stream' });
      for (let attempt = 0; attempt < 10; attempt += 1) {
        client.failNext('appendToStream', new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 0n, current: 9n }));
      }

      const failure = await store.appendToStream('case-1', [newEvent('Noted')], { expectedRevision: 'any' }).catch((caught: unknown) => caught);

      expect(failure).toMatchObject({ streamId: 'case-1', expected: 'any', actual: 9 });
      expect(client.appendCalls).toHaveLength(11);
    });

    it('with no events, is checked against the stream without writing', async () => {
      const appended = await store.appendToStream('case-1', [newEvent('Filed'), newEvent('Assigned')], { expectedRevision: 'no_stream' });

      expect(await store.appendToStream('case-1', [], { expectedRevision: 1 })).toEqual(appended);
      expect(await store.appendToStream('case-2', [], { expectedRevision: 'no_stream' })).toEqual({ nextExpectedRevision: -1, position: 0 });
      await expect(store.appendToStream('case-1', [], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ actual: 1 });
      expect(client.appendCalls).toHaveLength(1);
    });
  });

  describe('positions', () => {
    it('are the commit positions, sent back as { commit, prepare } both equal to it', () => {
      expect(toPortPosition(123_456n)).toBe(123_456);
      expect(toClientPosition(123_456)).toEqual({ commit: 123_456n, prepare: 123_456n });
    });

    it.each([0n, 2n ** 53n, 2n ** 64n - 1n])('refuse %p: not sent by the server, or beyond exact numbers', (commit) => {
      expect(() => toPortPosition(commit)).toThrow(RangeError);
    });

    it('readAll after an event starts the (inclusive) read at that event and leaves it out', async () => {
      await store.appendToStream('case-1', [newEvent('A'), newEvent('B'), newEvent('C')], { expectedRevision: 'no_stream' });
      const [a, b, c] = await store.readStream('case-1');
      client.readAllCalls.length = 0;

      expect(await store.readAll({ fromPosition: a.position, maxCount: 1 })).toEqual([b]);
      // A one-read check that the position is an event's, then the page: one more than wanted, as it starts with `a`.
      expect(client.readAllCalls.map(({ fromPosition, maxCount }) => ({ fromPosition, maxCount }))).toEqual([
        { fromPosition: toClientPosition(a.position), maxCount: 1 },
        { fromPosition: toClientPosition(a.position), maxCount: 2 },
      ]);
      expect(await store.readAll({ fromPosition: c.position })).toEqual([]);
    });

    it('readAll from 0 reads from the start of $all', async () => {
      await store.appendToStream('case-1', [newEvent('A')], { expectedRevision: 'no_stream' });
      client.readAllCalls.length = 0;

      expect(await store.readAll()).toEqual(await store.readStream('case-1'));
      expect(client.readAllCalls[0].fromPosition).toBe(START);
    });

    it('readAll reads page after page', async () => {
      const events = Array.from({ length: 1200 }, (_, index) => newEvent('Noted', { index }));
      await store.appendToStream('case-1', events, { expectedRevision: 'no_stream' });

      const all = await store.readAll();

      expect(all.map((event) => event.data.index)).toEqual(events.map((event) => event.data.index));
      expect(client.readAllCalls.length).toBeGreaterThan(2);
    });
  });

  describe('system events', () => {
    it('are left out of readAll and headPosition', async () => {
      await store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 'no_stream' });
      client.writeSystemEvent('$ce-case', '$>');
      client.writeSystemEvent('$$case-1', 'NotADollarType'); // anything in a metadata stream
      await store.appendToStream('case-1', [newEvent('Assigned')], { expectedRevision: 0 });
      client.writeSystemEvent('$ce-case', '$>');
      const caseEvents = await store.readStream('case-1');

      expect(await store.readAll()).toEqual(caseEvents);
      expect(await store.headPosition()).toBe(caseEvents[1].position);
    });

    it('leave headPosition at 0 when there is nothing else', async () => {
      expect(await store.headPosition()).toBe(0);
    });
  });

  it('reads a missing stream as [] (the client fails while the read is iterated)', async () => {
    expect(await store.readStream('case-404')).toEqual([]);
    expect(client.readStreamCalls.map((call) => call.streamName)).toEqual(['case-404']);
  });

  describe('an unreachable server', () => {
    it.each([
      ['UnavailableError', unavailableError()],
      ['a raw gRPC status 14', rawGrpcError(14, 'UNAVAILABLE: No connection established')],
      ['DeadlineExceededError', new DeadlineExceededError(undefined, 'Deadline exceeded')],
    ])('makes an append fail with EventStoreUnavailableError (%s)', async (_, error) => {
      client.failNext('appendToStream', error);

      const failure = await store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 'any' }).catch((caught: unknown) => caught);

      expect(failure).toBeInstanceOf(EventStoreUnavailableError);
      expect((failure as EventStoreUnavailableError).message).toMatch(/^appendToStream\(case-1\) failed: EventStoreDB is unavailable/);
      expect((failure as EventStoreUnavailableError).cause).toBe(error);
    });

    it.each([
      ['readStream', (s: EventStoreDbEventStore) => s.readStream('case-1'), 'readStream'],
      ['readAll', (s: EventStoreDbEventStore) => s.readAll(), 'readAll'],
      ['headPosition', (s: EventStoreDbEventStore) => s.headPosition(), 'readAll'],
      ['ping', (s: EventStoreDbEventStore) => s.ping(), 'readAll'],
    ] as const)('makes %s fail with EventStoreUnavailableError', async (_, call, clientOperation) => {
      client.failNext(clientOperation, unavailableError());
      await expect(call(store)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });

    it('is told apart from other failures, which are passed on unchanged', async () => {
      const denied = new AccessDeniedError(undefined, 'Access denied');
      client.failNext('appendToStream', denied);
      await expect(store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 'any' })).rejects.toBe(denied);
    });
  });

  describe('closing', () => {
    it('disposes the client once, then refuses new work', async () => {
      await Promise.all([store.close(), store.close()]);

      expect(client.disposeCalls).toBe(1);
      await expect(store.appendToStream('case-1', [newEvent('Filed')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    });
  });
});

/** Built as the client builds it from a failed gRPC call, whose metadata carries the versions. */
function wrongVersionFromServiceError(metadata: Record<string, string>): WrongExpectedVersionError {
  const serviceError = Object.assign(new Error('wrong expected version'), { code: 9, details: '', metadata: { getMap: () => metadata } });
  return new WrongExpectedVersionError(serviceError as never);
}
