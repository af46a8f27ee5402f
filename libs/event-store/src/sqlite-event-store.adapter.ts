import Database from 'better-sqlite3';
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
} from './event-store.port';
import { isJsonObject, serializeJsonObject } from './event-json';
import { assertExpectedRevision, assertValidExpectedRevision, NO_STREAM_REVISION } from './expected-revision';
import { CommitOutcome, GroupCommitQueue } from '@app/storage-kit';
import { chainHash, GENESIS_HASH, metadataWithoutHash, StoredEvent, verifyHashChain, withHashInMetadataJson } from './hash-chain';
import { asUnavailableWhenStorageFailed, errorMessage, openSqliteDatabase, SqliteConnectionOptions } from './sqlite-database';
import { EventStatements, NO_LIMIT, prepareEventStatements, toRecordedEvent, toStoredEvent } from './sqlite-event-statements';
import { assertEventType, assertStreamId, nonNegativeIntegerOption } from './store-input';

export interface SqliteEventStoreOptions extends SqliteConnectionOptions {
  /** The most append requests committed in one transaction. Default 1000. */
  maxAppendsPerTransaction?: number;
}

export interface SqliteEventStoreStats {
  /** Write transactions committed; concurrent appends share one (group commit). */
  transactionsCommitted: number;
  /** Append requests that succeeded. */
  appendsCommitted: number;
}

interface SerializedEvent {
  type: string;
  data: string;
  /** The metadata's JSON without the hash, which is added inside the write transaction. */
  unhashedMetadata: string;
}

interface AppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expectedRevision: ExpectedRevision;
}

const DEFAULT_MAX_APPENDS_PER_TRANSACTION = 1000;
const VERIFY_PAGE_SIZE = 1000;

/**
 * The embedded event store: one SQLite file (WAL, synchronous=FULL), safe to share between
 * processes. Appends are group-committed; see `commitAppendBatch`.
 *
 * Appending an empty list checks the expectation and writes nothing; it returns the stream's
 * current revision (-1 when missing) and the position of the stream's last event (0 when missing).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly statements: EventStatements;
  private readonly appendQueue: GroupCommitQueue<AppendRequest, AppendResult>;
  private readonly runAppendBatch: Database.Transaction<(requests: AppendRequest[]) => CommitOutcome<AppendResult>[]>;
  private readonly runAppendInSavepoint: Database.Transaction<(request: AppendRequest) => AppendResult>;
  private readonly counters: SqliteEventStoreStats = { transactionsCommitted: 0, appendsCommitted: 0 };
  private closing: Promise<void> | undefined;

  constructor(options: SqliteEventStoreOptions) {
    // Built first: they validate their options, before there is a connection to leak.
    this.appendQueue = new GroupCommitQueue(
      (requests) => this.commitAppendBatch(requests),
      options.maxAppendsPerTransaction ?? DEFAULT_MAX_APPENDS_PER_TRANSACTION,
    );
    this.db = openSqliteDatabase(options);
    try {
      this.statements = prepareEventStatements(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.runAppendBatch = this.db.transaction((requests: AppendRequest[]) => requests.map((request) => this.tryAppend(request)));
    // Called inside runAppendBatch, better-sqlite3 runs it in a SAVEPOINT: a failed request leaves no trace.
    this.runAppendInSavepoint = this.db.transaction((request: AppendRequest) => this.appendWithinTransaction(request));
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    this.assertOpen();
    assertStreamId(streamId);
    assertValidExpectedRevision(options?.expectedRevision);
    if (!Array.isArray(events)) throw new TypeError('events must be an array');
    const serialized = events.map((event, index) => serializeEvent(event, `Event #${index} for stream ${streamId}`));
    return this.appendQueue.enqueue({ streamId, events: serialized, expectedRevision: options.expectedRevision });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertStreamId(streamId);
    const query = {
      streamId,
      fromRevision: nonNegativeIntegerOption(options.fromRevision, 'fromRevision', 0),
      toRevision: nonNegativeIntegerOption(options.toRevision, 'toRevision', Number.MAX_SAFE_INTEGER),
      limit: nonNegativeIntegerOption(options.maxCount, 'maxCount', NO_LIMIT),
    };
    return this.query('readStream', () => this.statements.readStream(query).map(toRecordedEvent));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const afterPosition = nonNegativeIntegerOption(options.fromPosition, 'fromPosition', 0);
    const limit = nonNegativeIntegerOption(options.maxCount, 'maxCount', NO_LIMIT);
    return this.query('readAll', () => this.statements.readAll(afterPosition, limit).map(toRecordedEvent));
  }

  /** Reads the stream's stored rows page by page, as stored (unparsed). */
  async verifyStream(streamId: string): Promise<StreamIntegrity> {
    assertStreamId(streamId);
    return verifyHashChain(this.storedRowsOf(streamId));
  }

  async headPosition(): Promise<number> {
    return this.query('headPosition', () => this.statements.headPosition());
  }

  async ping(): Promise<void> {
    this.query('ping', () => this.statements.ping());
  }

  /** Idempotent. Appends already requested are committed first. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /** Counters for monitoring and for verifying group commit. */
  stats(): SqliteEventStoreStats {
    return { ...this.counters };
  }

  private async shutDown(): Promise<void> {
    this.appendQueue.drain();
    this.db.close();
  }

  /**
   * Group commit: every request queued during one event-loop turn runs in ONE immediate
   * transaction, each in its own savepoint, in arrival order. So a request sees the effects of the
   * earlier ones (two appends to one stream in the same batch are checked one after the other) and
   * a failing request (wrong expected revision) is rolled back alone.
   */
  private commitAppendBatch(requests: AppendRequest[]): CommitOutcome<AppendResult>[] {
    let outcomes: CommitOutcome<AppendResult>[];
    try {
      // IMMEDIATE takes the write lock up front; a deferred read-then-write transaction could fail
      // with SQLITE_BUSY without waiting when another process writes concurrently.
      outcomes = this.runAppendBatch.immediate(requests);
    } catch (error) {
      throw new EventStoreUnavailableError(`Could not commit appends: ${errorMessage(error)}`, error);
    }
    this.counters.transactionsCommitted += 1;
    this.counters.appendsCommitted += outcomes.filter((outcome) => outcome.ok).length;
    return outcomes;
  }

  private tryAppend(request: AppendRequest): CommitOutcome<AppendResult> {
    try {
      return { ok: true, value: this.runAppendInSavepoint(request) };
    } catch (error) {
      // Some errors (disk full, I/O) make SQLite roll back the whole transaction: then the rest of
      // the batch must not go on in autocommit mode; fail the batch instead.
      if (!this.db.inTransaction) throw error;
      return { ok: false, error: asUnavailableWhenStorageFailed(error, `Could not append to stream ${request.streamId}`) };
    }
  }

  private async *storedRowsOf(streamId: string): AsyncGenerator<StoredEvent> {
    let fromRevision = 0;
    for (;;) {
      const page = this.query('verifyStream', () =>
        this.statements.readStream({ streamId, fromRevision, toRevision: Number.MAX_SAFE_INTEGER, limit: VERIFY_PAGE_SIZE }),
      );
      yield* page.map(toStoredEvent);
      if (page.length < VERIFY_PAGE_SIZE) return;
      fromRevision = page[page.length - 1].revision + 1;
    }
  }

  /**
   * Runs inside the write transaction: the previous hash is read with the revision, and the events
   * of one request are chained in memory (ADR 9). A later request of the same batch reads what an
   * earlier one wrote, so same-stream appends of one batch chain too.
   */
  private appendWithinTransaction({ streamId, events, expectedRevision }: AppendRequest): AppendResult {
    const head = this.statements.streamHead(streamId);
    const currentRevision = head?.revision ?? NO_STREAM_REVISION;
    assertExpectedRevision(streamId, expectedRevision, currentRevision);
    if (events.length === 0) {
      const lastPosition = currentRevision === NO_STREAM_REVISION ? 0 : this.statements.eventPosition(streamId, currentRevision);
      return { nextExpectedRevision: currentRevision, position: lastPosition ?? 0 };
    }
    const recordedAt = new Date().toISOString();
    let revision = currentRevision;
    let position = 0;
    let previousHash = typeof head?.hash === 'string' ? head.hash : GENESIS_HASH;
    for (const { type, data, unhashedMetadata } of events) {
      revision += 1;
      const hash = chainHash({ streamId, revision, type, data, metadataWithoutHash: unhashedMetadata }, previousHash);
      const metadata = withHashInMetadataJson(unhashedMetadata, hash);
      position = this.statements.insertEvent({ stream_id: streamId, revision, type, data, metadata, recorded_at: recordedAt });
      previousHash = hash;
    }
    this.statements.saveStreamHead(streamId, revision, previousHash);
    return { nextExpectedRevision: revision, position };
  }

  private query<T>(operation: string, run: () => T): T {
    this.assertOpen();
    try {
      return run();
    } catch (error) {
      throw asUnavailableWhenStorageFailed(error, `${operation} failed`);
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new EventStoreUnavailableError('The event store is closed');
  }
}

function serializeEvent(event: NewEvent, description: string): SerializedEvent {
  if (typeof event !== 'object' || event === null) throw new TypeError(`${description} must be an object`);
  assertEventType(event.type, description);
  return {
    type: event.type,
    data: serializeJsonObject(event.data, `${description}: data`),
    unhashedMetadata: serializeJsonObject(
      isJsonObject(event.metadata) ? metadataWithoutHash(event.metadata) : event.metadata,
      `${description}: metadata`,
    ),
  };
}
