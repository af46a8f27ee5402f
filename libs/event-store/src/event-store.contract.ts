import { randomUUID } from 'crypto';
import { rejectionOf } from '@app/storage-kit/testing/rejection-of';
import {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  RecordedEvent,
  WrongExpectedRevisionError,
} from './event-store.port';
import { AlterStoredData, hashChainContract } from './hash-chain.contract';
import { contractEvent, contractMetadata, uniqueStreamId } from './testing/contract-events';

export type { AlterStoredData };

export interface ContractSubject {
  store: EventStore;
  /** Default: `store.close()`. */
  teardown?: () => Promise<void>;
  /** How to alter an event's stored bytes behind the store's back, for the tamper test; omit where impossible. */
  alterStoredData?: AlterStoredData;
}

/**
 * The behaviour every EventStore adapter must have. Uses the port only, so it runs unchanged
 * against any adapter. It does not assume the store starts empty nor that positions are
 * consecutive: every test uses its own stream names and compares positions with the head it
 * captured at its start. It does assume nobody else writes to the store while a test runs.
 *
 * `factory` is called once for the suite; `teardown` (default: `store.close()`) once at the end.
 * The tamper test needs `alterStoredData`, so whether the factory gives one is passed separately:
 * Jest declares the tests before `factory` runs.
 */
export function eventStoreContract(
  name: string,
  factory: () => Promise<ContractSubject>,
  options: { canAlterStoredData?: boolean } = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let teardown: () => Promise<void>;
    let alterStoredData: AlterStoredData | undefined;

    beforeAll(async () => {
      const created = await factory();
      store = created.store;
      teardown = created.teardown ?? (() => created.store.close());
      alterStoredData = created.alterStoredData;
    });

    afterAll(async () => {
      await teardown?.();
    });

    const append = (streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision) =>
      store.appendToStream(streamId, events, { expectedRevision });

    describe('expected revision', () => {
      it("'no_stream' creates a new stream", async () => {
        const streamId = uniqueStreamId('no-stream');
        const result = await append(streamId, [contractEvent('Filed'), contractEvent('Assigned')], 'no_stream');
        expect(result.nextExpectedRevision).toBe(1);
        expect((await store.readStream(streamId)).map((event) => event.type)).toEqual(['Filed', 'Assigned']);
      });

      it("'no_stream' on an existing stream fails with the actual revision and writes nothing", async () => {
        const streamId = uniqueStreamId('no-stream-conflict');
        await append(streamId, [contractEvent('Filed')], 'no_stream');
        const failure = await rejectionOf(append(streamId, [contractEvent('Filed')], 'no_stream'));
        expectWrongRevision(failure, { streamId, expected: 'no_stream', actual: 0 });
        expect(await store.readStream(streamId)).toHaveLength(1);
      });

      it("'stream_exists' on a missing stream fails with actual -1", async () => {
        const streamId = uniqueStreamId('exists-missing');
        const failure = await rejectionOf(append(streamId, [contractEvent('Filed')], 'stream_exists'));
        expectWrongRevision(failure, { streamId, expected: 'stream_exists', actual: -1 });
        expect(await store.readStream(streamId)).toEqual([]);
      });

      it("'stream_exists' on an existing stream appends", async () => {
        const streamId = uniqueStreamId('exists');
        await append(streamId, [contractEvent('Filed')], 'no_stream');
        const result = await append(streamId, [contractEvent('Assigned')], 'stream_exists');
        expect(result.nextExpectedRevision).toBe(1);
      });

      it("'any' appends to a missing stream and to an existing one", async () => {
        const streamId = uniqueStreamId('any');
        expect((await append(streamId, [contractEvent('Filed')], 'any')).nextExpectedRevision).toBe(0);
        expect((await append(streamId, [contractEvent('Assigned'), contractEvent('Answered')], 'any')).nextExpectedRevision).toBe(2);
        expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('an exact revision appends when it is the current one (0 after one event)', async () => {
        const streamId = uniqueStreamId('exact');
        await append(streamId, [contractEvent('Filed')], 'no_stream');
        const result = await append(streamId, [contractEvent('Assigned')], 0);
        expect(result.nextExpectedRevision).toBe(1);
        expect(await append(streamId, [contractEvent('Answered')], 1)).toEqual(expect.objectContaining({ nextExpectedRevision: 2 }));
      });

      it('a stale exact revision fails with the actual revision and writes nothing', async () => {
        const streamId = uniqueStreamId('stale');
        await append(streamId, [contractEvent('Filed'), contractEvent('Assigned')], 'no_stream');
        const failure = await rejectionOf(append(streamId, [contractEvent('Answered')], 0));
        expectWrongRevision(failure, { streamId, expected: 0, actual: 1 });
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('an exact revision ahead of the stream fails', async () => {
        const streamId = uniqueStreamId('ahead');
        await append(streamId, [contractEvent('Filed')], 'no_stream');
        expectWrongRevision(await rejectionOf(append(streamId, [contractEvent('Assigned')], 5)), { streamId, expected: 5, actual: 0 });
      });

      it('an exact revision on a missing stream fails with actual -1', async () => {
        const streamId = uniqueStreamId('exact-missing');
        expectWrongRevision(await rejectionOf(append(streamId, [contractEvent('Filed')], 0)), { streamId, expected: 0, actual: -1 });
        expect(await store.readStream(streamId)).toEqual([]);
      });
    });

    describe('revisions and positions', () => {
      it('gives each event of a stream the next revision and each event a greater position, across streams', async () => {
        const head = await store.headPosition();
        const caseA = uniqueStreamId('case-a');
        const caseB = uniqueStreamId('case-b');
        const first = await append(caseA, [contractEvent('Filed'), contractEvent('Assigned')], 'no_stream');
        const second = await append(caseB, [contractEvent('Filed')], 'no_stream');
        const third = await append(caseA, [contractEvent('Answered')], 1);

        const streamA = await store.readStream(caseA);
        const [eventB] = await store.readStream(caseB);
        expect(streamA.map((event) => event.revision)).toEqual([0, 1, 2]);
        expect(eventB.revision).toBe(0);

        const positionsInAppendOrder = [streamA[0].position, streamA[1].position, eventB.position, streamA[2].position];
        expect(positionsInAppendOrder[0]).toBeGreaterThan(head);
        expectStrictlyIncreasing(positionsInAppendOrder);
        expect([first.position, second.position, third.position]).toEqual([streamA[1].position, eventB.position, streamA[2].position]);
        expect([first.nextExpectedRevision, second.nextExpectedRevision, third.nextExpectedRevision]).toEqual([1, 0, 2]);
      });

      it('records when each event was stored, as an ISO-8601 UTC timestamp', async () => {
        const before = Date.now();
        const streamId = uniqueStreamId('recorded-at');
        await append(streamId, [contractEvent('Filed')], 'no_stream');
        const after = Date.now();
        const [event] = await store.readStream(streamId);
        expect(event.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
        const recordedAt = Date.parse(event.recordedAt);
        // Whole seconds of slack: a remote store's clock may differ slightly from ours.
        expect(recordedAt).toBeGreaterThanOrEqual(before - 5000);
        expect(recordedAt).toBeLessThanOrEqual(after + 5000);
      });

      it('headPosition is the position of the last appended event', async () => {
        const head = await store.headPosition();
        const result = await append(uniqueStreamId('head'), [contractEvent('Filed'), contractEvent('Assigned')], 'no_stream');
        expect(result.position).toBeGreaterThan(head);
        expect(await store.headPosition()).toBe(result.position);
      });
    });

    describe('readStream', () => {
      let streamId: string;

      beforeAll(async () => {
        streamId = uniqueStreamId('read-stream');
        const events = ['Filed', 'Assigned', 'InfoRequested', 'InfoReceived', 'Answered'].map((type) => contractEvent(type));
        await append(streamId, events, 'no_stream');
      });

      const revisionsOf = (events: RecordedEvent[]) => events.map((event) => event.revision);

      it('reads the whole stream in revision order', async () => {
        const events = await store.readStream(streamId);
        expect(revisionsOf(events)).toEqual([0, 1, 2, 3, 4]);
        expect(events.map((event) => event.type)).toEqual(['Filed', 'Assigned', 'InfoRequested', 'InfoReceived', 'Answered']);
        expect(events.every((event) => event.streamId === streamId)).toBe(true);
        expectStrictlyIncreasing(events.map((event) => event.position));
      });

      it('reads from a revision, up to a revision (inclusive), and at most maxCount events', async () => {
        expect(revisionsOf(await store.readStream(streamId, { fromRevision: 2 }))).toEqual([2, 3, 4]);
        expect(revisionsOf(await store.readStream(streamId, { toRevision: 1 }))).toEqual([0, 1]);
        expect(revisionsOf(await store.readStream(streamId, { fromRevision: 1, toRevision: 3 }))).toEqual([1, 2, 3]);
        expect(revisionsOf(await store.readStream(streamId, { maxCount: 2 }))).toEqual([0, 1]);
        expect(revisionsOf(await store.readStream(streamId, { fromRevision: 3, maxCount: 10 }))).toEqual([3, 4]);
        expect(revisionsOf(await store.readStream(streamId, { fromRevision: 1, toRevision: 4, maxCount: 2 }))).toEqual([1, 2]);
        expect(await store.readStream(streamId, { fromRevision: 5 })).toEqual([]);
      });

      it('reads a missing stream as []', async () => {
        expect(await store.readStream(uniqueStreamId('missing'))).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('reads from position 0 by default, in position order, ending with the latest events', async () => {
        const streamId = uniqueStreamId('read-all-start');
        await append(streamId, [contractEvent('Filed'), contractEvent('Assigned'), contractEvent('Answered')], 'no_stream');
        const all = await store.readAll({ fromPosition: 0 });
        expect(all.length).toBeGreaterThanOrEqual(3);
        expect(all[0].position).toBeGreaterThan(0);
        expectStrictlyIncreasing(all.map((event) => event.position));
        expect(all.slice(-3)).toEqual(await store.readStream(streamId));
        expect(await store.readAll()).toEqual(all);
      });

      it('reads exactly what was appended after a position (exclusive), at most maxCount events', async () => {
        const head = await store.headPosition();
        const streamId = uniqueStreamId('read-all-middle');
        await append(streamId, ['A', 'B', 'C', 'D', 'E'].map((type) => contractEvent(type)), 'no_stream');
        const appended = await store.readStream(streamId);

        expect(await store.readAll({ fromPosition: head })).toEqual(appended);
        expect(await store.readAll({ fromPosition: appended[1].position, maxCount: 2 })).toEqual(appended.slice(2, 4));
        expect(await store.readAll({ fromPosition: appended[3].position, maxCount: 100 })).toEqual(appended.slice(4));
        expect(await store.readAll({ fromPosition: appended[4].position })).toEqual([]);
      });
    });

    describe('payloads', () => {
      it('returns data and metadata exactly as appended (nested JSON, unicode, optional and extra metadata)', async () => {
        const streamId = uniqueStreamId('payload');
        const data = {
          petitioner: { name: 'José Pérez', city: 'Bogotá ñ', emoji: '📨', quote: 'dice "hola"\n\tfin' },
          channels: ['web', 'email', { kind: 'phone', numbers: [3001234567, 6017654321] }],
          amount: 1234.5,
          tiny: 1e-9,
          attached: false,
          notes: null,
          empty: {},
          emptyList: [],
        };
        const metadata: EventMetadata = {
          ...contractMetadata(),
          actorRoles: ['agent', 'supervisor'],
          commandId: randomUUID(),
          commandHash: 'sha256:abc',
          tenant: { id: 'mintic', region: 'Región Andina' },
        };
        await append(streamId, [{ type: 'PetitionFiled', data, metadata }], 'no_stream');

        const [event] = await store.readStream(streamId);
        expect(event.type).toBe('PetitionFiled');
        expect(event.data).toEqual(data);
        // Plus the store's hash chain (ADR 9).
        expect(event.metadata).toEqual({ ...metadata, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
        const [viaAll] = await store.readAll({ fromPosition: event.position - 1, maxCount: 1 });
        expect(viaAll).toEqual(event);
      });
    });

    describe('concurrent appends', () => {
      it("lets exactly one of 50 parallel 'no_stream' appends to the same stream succeed", async () => {
        const streamId = uniqueStreamId('race');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, (_, index) => append(streamId, [contractEvent('Filed', { attempt: index })], 'no_stream')),
        );
        const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(succeeded).toHaveLength(1);
        expect(failures).toHaveLength(49);
        for (const failure of failures) expectWrongRevision(failure, { streamId, expected: 'no_stream', actual: 0 });
        const stored = await store.readStream(streamId);
        expect(stored).toHaveLength(1);
        expect(stored[0].position).toBe((succeeded[0] as PromiseFulfilledResult<AppendResult>).value.position);
      });

      it('appends 200 parallel appends to 200 streams, each at its own position', async () => {
        const head = await store.headPosition();
        const streamIds = Array.from({ length: 200 }, () => uniqueStreamId('parallel'));
        const results = await Promise.all(streamIds.map((streamId) => append(streamId, [contractEvent('Filed')], 'no_stream')));

        const positions = results.map((result) => result.position);
        expect(new Set(positions).size).toBe(200);
        expect(Math.min(...positions)).toBeGreaterThan(head);
        expect(results.every((result) => result.nextExpectedRevision === 0)).toBe(true);

        const appended = await store.readAll({ fromPosition: head });
        expect(appended.map((event) => event.position).sort(byNumber)).toEqual([...positions].sort(byNumber));
        expect(new Set(appended.map((event) => event.streamId))).toEqual(new Set(streamIds));
      });
    });

    hashChainContract(
      () => store,
      options.canAlterStoredData
        ? (streamId, revision, alter) => {
            if (!alterStoredData) throw new Error(`The ${name} factory promised alterStoredData but gave none`);
            return alterStoredData(streamId, revision, alter);
          }
        : undefined,
    );

    it('ping resolves while the store is up', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

function expectWrongRevision(error: unknown, expected: Pick<WrongExpectedRevisionError, 'streamId' | 'expected' | 'actual'>): void {
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  const { streamId, expected: expectedRevision, actual } = error as WrongExpectedRevisionError;
  expect({ streamId, expected: expectedRevision, actual }).toEqual(expected);
}

function expectStrictlyIncreasing(positions: number[]): void {
  positions.slice(1).forEach((position, index) => expect(position).toBeGreaterThan(positions[index]));
}

function byNumber(a: number, b: number): number {
  return a - b;
}
