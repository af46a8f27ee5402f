import { randomUUID } from 'crypto';
import {
  ANY,
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult,
  AppendToStreamOptions,
  BACKWARDS,
  convertToCommandError,
  END,
  EventData,
  NO_STREAM,
  Position,
  ReadAllOptions,
  ReadPosition,
  ReadStreamOptions,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventStoreDbClient } from '../eventstoredb-client';

export interface InMemoryEventStoreDbClientOptions {
  /** After each append, a `$>` link per event in `$ce-<category>`, as the server's $by_category projection writes. */
  linkEventsToCategories?: boolean;
}

type Operation = 'appendToStream' | 'readStream' | 'readAll';

interface StoredRecord {
  streamId: string;
  revision: bigint;
  id: string;
  type: string;
  /** As on the wire: JSON text, or bytes for the server's own (binary) events. */
  data: string | Uint8Array;
  metadata: string | undefined;
  created: Date;
  commit: bigint;
}

const INVALID_POSITION = 'Trying to read from an invalid position.';

/**
 * A hand-written stand-in for `EventStoreDBClient`, following the server's behaviour as documented
 * and as the client's own tests show: positions are byte offsets (not consecutive) and must be the
 * start of a record, reads of $all are inclusive, a missing stream fails the read while it is
 * iterated, the server writes its own `$` events. It records every call.
 */
export class InMemoryEventStoreDbClient implements EventStoreDbClient {
  readonly appendCalls: Array<{ streamName: string; events: EventData[]; options: AppendToStreamOptions }> = [];
  readonly readStreamCalls: Array<{ streamName: string; options: ReadStreamOptions }> = [];
  readonly readAllCalls: ReadAllOptions[] = [];
  disposeCalls = 0;

  private readonly records: StoredRecord[] = [];
  private endOfLog = 1_000n;
  private readonly failures = new Map<Operation, unknown[]>();

  constructor(private readonly options: InMemoryEventStoreDbClientOptions = {}) {
    this.writeSystemEvent('$settings', '$settings');
    this.writeSystemEvent('$$$scavenges', '$metadata');
  }

  /** The next call of `operation` fails with `error` (reads fail while iterated, as the client's do). */
  failNext(operation: Operation, error: unknown): void {
    this.failures.set(operation, [...(this.failures.get(operation) ?? []), error]);
  }

  writeSystemEvent(streamId: string, type: string): bigint {
    return this.write({ streamId, revision: this.currentRevision(streamId) + 1n, id: randomUUID(), type, data: new Uint8Array([1]), metadata: undefined });
  }

  /** Rewrites the stored JSON data of one event, as a damaged or edited log would hold it (a real server cannot). */
  alterStoredData(streamId: string, revision: number, alter: (storedData: string) => string): void {
    const record = this.records.find((candidate) => candidate.streamId === streamId && candidate.revision === BigInt(revision));
    if (!record || typeof record.data !== 'string') throw new Error(`No JSON event ${streamId}@${revision} to alter`);
    record.data = alter(record.data);
  }

  async appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult> {
    this.appendCalls.push({ streamName, events, options });
    await Promise.resolve();
    this.throwScriptedFailure('appendToStream');
    const expected = options.expectedRevision ?? ANY;
    const current = this.currentRevision(streamName);
    if (!satisfies(expected, current)) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current: current < 0n ? NO_STREAM : current });
    }
    let revision = current;
    let commit = 0n;
    for (const event of events) {
      revision += 1n;
      const metadata = event.metadata === undefined ? undefined : JSON.stringify(event.metadata);
      commit = this.write({ streamId: streamName, revision, id: event.id, type: event.type, data: JSON.stringify(event.data), metadata });
    }
    if (this.options.linkEventsToCategories) {
      for (const _ of events) this.writeSystemEvent(`$ce-${streamName.split('-')[0]}`, '$>');
    }
    return { success: true, nextExpectedRevision: revision, position: { commit, prepare: commit } };
  }

  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<AllStreamResolvedEvent> {
    this.readStreamCalls.push({ streamName, options });
    return this.iterate('readStream', () => {
      const stream = this.records.filter((record) => record.streamId === streamName);
      if (stream.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const from = options.fromRevision ?? (options.direction === BACKWARDS ? END : START);
      const selected =
        options.direction === BACKWARDS
          ? stream.filter((record) => from === END || (from !== START && record.revision <= from)).reverse()
          : stream.filter((record) => from === START || (from !== END && record.revision >= from));
      return selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    });
  }

  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent> {
    this.readAllCalls.push(options);
    return this.iterate('readAll', () => {
      const backwards = options.direction === BACKWARDS;
      const from = options.fromPosition ?? (backwards ? END : START);
      let selected: StoredRecord[];
      if (from === START) selected = backwards ? [] : this.records;
      else if (from === END) selected = backwards ? [...this.records].reverse() : [];
      else {
        this.assertStartOfRecord(from);
        selected = backwards
          ? this.records.filter((record) => record.commit < from.commit).reverse()
          : this.records.filter((record) => record.commit >= from.commit); // inclusive
      }
      return selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER));
    });
  }

  async dispose(): Promise<void> {
    this.disposeCalls += 1;
  }

  private write(record: Omit<StoredRecord, 'commit' | 'created'>): bigint {
    const commit = this.endOfLog;
    const stored = { ...record, commit, created: new Date() };
    this.records.push(stored);
    // Records take bytes in the log: positions grow by the record's size.
    this.endOfLog += 100n + BigInt(record.data.length);
    return commit;
  }

  private currentRevision(streamName: string): bigint {
    const stream = this.records.filter((record) => record.streamId === streamName);
    return stream.length === 0 ? -1n : stream[stream.length - 1].revision;
  }

  private isStartOfRecord(position: Position): boolean {
    return position.commit === this.endOfLog || this.records.some((record) => record.commit === position.commit);
  }

  private assertStartOfRecord(position: Position): void {
    if (!this.isStartOfRecord(position)) throw new UnknownError(undefined, INVALID_POSITION);
  }

  private throwScriptedFailure(operation: Operation): void {
    const error = this.failures.get(operation)?.shift();
    if (error !== undefined) throw error;
  }

  private async *iterate(operation: Operation, select: () => StoredRecord[]): AsyncGenerator<AllStreamResolvedEvent> {
    await Promise.resolve();
    this.throwScriptedFailure(operation);
    for (const record of select()) yield toResolved(record);
  }
}

/** A gRPC error as grpc-js reports it, e.g. `rawGrpcError(14, 'No connection established')`. */
export function rawGrpcError(code: number, details: string): Error & { code: number; details: string } {
  return Object.assign(new Error(`${code} ${details}`), { code, details });
}

/** An UnavailableError built the way the client builds it from a failed call. */
export function unavailableError(): unknown {
  return convertToCommandError(rawGrpcError(14, 'UNAVAILABLE: No connection established'));
}

function satisfies(expected: AppendExpectedRevision, current: bigint): boolean {
  if (expected === ANY) return true;
  if (expected === NO_STREAM) return current < 0n;
  if (expected === STREAM_EXISTS) return current >= 0n;
  return expected === current;
}

function toResolved(record: StoredRecord): AllStreamResolvedEvent {
  const isJson = typeof record.data === 'string';
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      revision: record.revision,
      type: record.type,
      isJson,
      data: typeof record.data === 'string' ? JSON.parse(record.data) : record.data,
      metadata: record.metadata === undefined ? undefined : JSON.parse(record.metadata),
      created: record.created,
      position: { commit: record.commit, prepare: record.commit },
    },
    commitPosition: record.commit,
  } as AllStreamResolvedEvent;
}
