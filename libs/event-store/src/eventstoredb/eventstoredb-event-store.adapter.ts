import { FORWARDS } from '@eventstore/db-client';
import {
  AppendResult,
  EventStore,
  EventStoreUnavailableError,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamIntegrity,
  WrongExpectedRevisionError,
} from '../event-store.port';
import { GENESIS_HASH, StoredEvent, verifyHashChain } from '../hash-chain';
import { assertExpectedRevision, assertValidExpectedRevision, NO_STREAM_REVISION } from '../expected-revision';
import { assertStreamId, nonNegativeIntegerOption } from '../store-input';
import { lastEventPosition, readAllAfter, readLastRecord } from './eventstoredb-all-reads';
import { connectClient, EventStoreDbClient, EventStoreDbConnection } from './eventstoredb-client';
import { asUnavailableWhenUnreachable, isWrongExpectedVersion } from './eventstoredb-errors';
import {
  assertUserStreamId,
  commitPositionOf,
  isSystemEvent,
  PreparedEvent,
  prepareEvent,
  toChainedEventData,
  toRecordedEvent,
  toStoredEvent,
} from './eventstoredb-events';
import { toPortPosition } from './eventstoredb-positions';
import { toClientExpectedRevision, toPortRevision } from './eventstoredb-revisions';
import { readLastEventOfStream, readStreamOrEmpty } from './eventstoredb-stream-reads';

/** How many times an `any` / `stream_exists` append reads and chains again when others keep appending first. */
const MAX_CHAINED_APPEND_ATTEMPTS = 10;
const MAY_RETRY_WHEN_STREAM_MOVED: ReadonlySet<ExpectedRevision> = new Set<ExpectedRevision>(['any', 'stream_exists']);
const VERIFY_PAGE_SIZE = 500;

/**
 * The event store on EventStoreDB (KurrentDB) 22.6 or later, through `@eventstore/db-client`.
 * Events are JSON; an event's id is its metadata's eventId. Positions are $all commit positions
 * (see `eventstoredb-positions.ts`). EventStoreDB's own events (`$` types, `$$` metadata streams)
 * are never returned, and `$` stream ids and event types are refused.
 *
 * The store owns the client: `close()` disposes it.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDbClient;
  private closing: Promise<void> | undefined;

  constructor(connection: EventStoreDbConnection) {
    this.client = connectClient(connection);
  }

  /**
   * Appending an empty list checks the expectation and writes nothing, as the other adapters do.
   *
   * Each event's hash chains to the stream's last event (ADR 9), so the append reads that event and
   * then appends with its exact revision: nothing can slip in between. The caller's expectation is
   * checked on what was read; when the server then reports that the stream moved, the append is
   * retried (read again, chain again) only if the caller's expectation still allows it (`any`,
   * `stream_exists`); an exact revision or `no_stream` fails as a conflict, as it would have anyway.
   */
  async appendToStream(streamId: string, events: NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    this.assertOpen();
    assertStreamId(streamId);
    assertUserStreamId(streamId);
    assertValidExpectedRevision(options?.expectedRevision);
    if (!Array.isArray(events)) throw new TypeError('events must be an array');
    const expected = options.expectedRevision;
    const prepared = events.map((event, index) => prepareEvent(event, `Event #${index} for stream ${streamId}`));
    return this.run(`appendToStream(${streamId})`, async () => {
      if (prepared.length === 0) return this.checkExpectation(streamId, expected);
      for (let attempt = 1; ; attempt += 1) {
        const outcome = await this.appendChained(streamId, prepared, expected);
        if (!('streamMovedTo' in outcome)) return outcome;
        if (!MAY_RETRY_WHEN_STREAM_MOVED.has(expected) || attempt >= MAX_CHAINED_APPEND_ATTEMPTS) {
          throw new WrongExpectedRevisionError(streamId, expected, outcome.streamMovedTo);
        }
      }
    });
  }

  async verifyStream(streamId: string): Promise<StreamIntegrity> {
    this.assertOpen();
    assertStreamId(streamId);
    assertUserStreamId(streamId);
    return this.run(`verifyStream(${streamId})`, () => verifyHashChain(this.storedEventsOf(streamId)));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    assertUserStreamId(streamId);
    const fromRevision = nonNegativeIntegerOption(options.fromRevision, 'fromRevision', 0);
    const toRevision = nonNegativeIntegerOption(options.toRevision, 'toRevision', Number.MAX_SAFE_INTEGER);
    const maxCount = nonNegativeIntegerOption(options.maxCount, 'maxCount', Number.MAX_SAFE_INTEGER);
    const count = Math.min(maxCount, toRevision - fromRevision + 1);
    if (count <= 0) return [];
    return this.run(`readStream(${streamId})`, () =>
      this.readStreamEvents(streamId, { direction: FORWARDS, fromRevision: BigInt(fromRevision), maxCount: count }),
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const afterPosition = nonNegativeIntegerOption(options.fromPosition, 'fromPosition', 0);
    const limit = nonNegativeIntegerOption(options.maxCount, 'maxCount', Number.MAX_SAFE_INTEGER);
    return this.run('readAll', () => readAllAfter(this.client, afterPosition, limit));
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.run('headPosition', async () => {
      const position = await lastEventPosition(this.client);
      return position === 0n ? 0 : toPortPosition(position);
    });
  }

  async ping(): Promise<void> {
    this.assertOpen();
    await this.run('ping', () => readLastRecord(this.client));
  }

  /** Idempotent. Disposes the client. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await this.client.dispose();
  }

  private async checkExpectation(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEventOf(streamId);
    const currentRevision = last?.revision ?? NO_STREAM_REVISION;
    assertExpectedRevision(streamId, expected, currentRevision);
    return { nextExpectedRevision: currentRevision, position: last?.position ?? 0 };
  }

  /** One attempt: read the last event, check the expectation, append the chained events at exactly that revision. */
  private async appendChained(
    streamId: string,
    events: PreparedEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult | { streamMovedTo: number }> {
    const last = await this.lastEventOf(streamId);
    const currentRevision = last?.revision ?? NO_STREAM_REVISION;
    assertExpectedRevision(streamId, expected, currentRevision);
    const previousHash = typeof last?.metadata.hash === 'string' ? last.metadata.hash : GENESIS_HASH;
    const eventData = toChainedEventData(streamId, currentRevision, previousHash, events);
    let result;
    try {
      result = await this.client.appendToStream(streamId, eventData, { expectedRevision: toClientExpectedRevision(currentRevision) });
    } catch (error) {
      if (isWrongExpectedVersion(error)) return { streamMovedTo: toPortRevision(error.actualVersion) };
      throw error;
    }
    if (!result.success) {
      // Only from a client built with throwOnAppendFailure: false, whose reported revision is not reliable.
      return { streamMovedTo: (await this.lastEventOf(streamId))?.revision ?? NO_STREAM_REVISION };
    }
    const nextExpectedRevision = Number(result.nextExpectedRevision);
    // The server omits the position when it recognizes a retried append of the same events.
    const position = result.position ? toPortPosition(result.position.commit) : await this.positionOfRevision(streamId, nextExpectedRevision);
    return { nextExpectedRevision, position };
  }

  /** The stream's events as stored, page by page. */
  private async *storedEventsOf(streamId: string): AsyncGenerator<StoredEvent> {
    let fromRevision = 0n;
    for (;;) {
      const page = await readStreamOrEmpty(this.client, streamId, { direction: FORWARDS, fromRevision, maxCount: VERIFY_PAGE_SIZE });
      for (const resolved of page) if (resolved.event) yield toStoredEvent(resolved.event, commitPositionOf(resolved));
      const last = page[page.length - 1]?.event;
      if (page.length < VERIFY_PAGE_SIZE || !last) return;
      fromRevision = last.revision + 1n;
    }
  }

  private async lastEventOf(streamId: string): Promise<RecordedEvent | undefined> {
    const last = await readLastEventOfStream(this.client, streamId);
    return last?.event && toRecordedEvent(last.event, commitPositionOf(last));
  }

  private async positionOfRevision(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStreamEvents(streamId, { direction: FORWARDS, fromRevision: BigInt(revision), maxCount: 1 });
    if (!event) throw new Error(`Stream ${streamId} has no event at revision ${revision} right after appending it`);
    return event.position;
  }

  private async readStreamEvents(streamId: string, options: Parameters<EventStoreDbClient['readStream']>[1]): Promise<RecordedEvent[]> {
    const resolvedEvents = await readStreamOrEmpty(this.client, streamId, options);
    return resolvedEvents.flatMap((resolved) =>
      resolved.event && !isSystemEvent(resolved.event) ? [toRecordedEvent(resolved.event, commitPositionOf(resolved))] : [],
    );
  }

  private async run<T>(operation: string, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      throw asUnavailableWhenUnreachable(error, operation);
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailableError('The event store is closed');
  }
}
