/**
 * Durable appends through SqliteEventStore (temp file, WAL, synchronous=FULL) with 64 concurrent
 * writers, beside the raw better-sqlite3 ceiling: the same number of rows, same pragmas, same table,
 * inserted with one prepared INSERT in as many transactions as the adapter's group commit used.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ExpectedRevision, NewEvent } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { validFiling } from '../test/support/valid-filing';
import { Benchmark, BenchReport, log, makeTempDir, percentile, removeTempDir, round } from './support';

const WRITERS = 64;
const WARMUP_MS = 1_000;
const MEASURE_MS = 10_000;
const TARGET_RATIO = 0.5;
/** Events are built up front and reused, so that neither run measures the making of test data. */
const EVENT_POOL: NewEvent[] = Array.from({ length: 1024 }, sampleEvent);

export const eventStoreAppend: Benchmark = {
  name: 'event-store-append',
  description: `Durable appends (1 event per call, exact expected revision) by ${WRITERS} concurrent writers through SqliteEventStore, vs a raw better-sqlite3 ceiling`,
  run,
};

async function run(): Promise<BenchReport> {
  const directory = makeTempDir('pqr-bench-store-');
  try {
    log(`event-store-append: adapter, ${WRITERS} writers, ${WARMUP_MS / 1000} s warm-up + ${MEASURE_MS / 1000} s`);
    const adapter = await measureAdapter(join(directory, 'adapter.sqlite'));
    log(`event-store-append: ceiling, ${adapter.events} rows in ${adapter.transactions} transactions`);
    const ceiling = measureCeiling(join(directory, 'ceiling.sqlite'), adapter.events, adapter.transactions);
    const averageBatch = adapter.events / adapter.transactions;
    const ratio = adapter.eventsPerSecond / ceiling.eventsPerSecond;
    return {
      settings: {
        writers: WRITERS,
        warmupMs: WARMUP_MS,
        measureMs: MEASURE_MS,
        pragmas: 'journal_mode=WAL, synchronous=FULL (both runs)',
        eventBytes: { data: Buffer.byteLength(JSON.stringify(sampleData())), metadata: Buffer.byteLength(JSON.stringify(sampleMetadata())) },
        ceiling: 'same events table (AUTOINCREMENT position, UNIQUE(stream_id, revision)), one prepared INSERT of pre-serialized rows, no revision check, savepoint or streams table',
      },
      results: {
        adapter: {
          events: adapter.events,
          transactions: adapter.transactions,
          seconds: round(adapter.seconds, 3),
          eventsPerSecond: round(adapter.eventsPerSecond, 0),
          transactionsPerSecond: round(adapter.transactions / adapter.seconds, 0),
          averageBatchSize: round(averageBatch),
          appendLatencyMs: adapter.latencyMs,
        },
        ceiling: { events: ceiling.events, transactions: ceiling.transactions, seconds: round(ceiling.seconds, 3), eventsPerSecond: round(ceiling.eventsPerSecond, 0) },
        ratio: round(ratio, 3),
      },
      rows: [
        ['adapter (SqliteEventStore), durable', round(adapter.eventsPerSecond, 0), 'events/s'],
        ['raw better-sqlite3 ceiling, same batches', round(ceiling.eventsPerSecond, 0), 'events/s'],
        ['adapter / ceiling', round(ratio * 100, 1), '%'],
        ['average group-commit batch', round(averageBatch), 'appends/transaction'],
        ['adapter commits', round(adapter.transactions / adapter.seconds, 0), 'transactions/s'],
        ['append latency p50', adapter.latencyMs.p50, 'ms'],
        ['append latency p99', adapter.latencyMs.p99, 'ms'],
      ],
      targets: [{ name: 'adapter ≥ 50 % of ceiling', met: ratio >= TARGET_RATIO, detail: `${round(ratio * 100, 1)} % (target ≥ ${TARGET_RATIO * 100} %)` }],
    };
  } finally {
    removeTempDir(directory);
  }
}

async function measureAdapter(filename: string) {
  const store = new SqliteEventStore({ filename });
  try {
    await runWriters(store, 'warmup', performance.now() + WARMUP_MS, []);
    const latencies: number[] = [];
    const before = store.stats();
    const started = performance.now();
    await runWriters(store, 'case', started + MEASURE_MS, latencies);
    const seconds = (performance.now() - started) / 1000;
    const after = store.stats();
    const events = after.appendsCommitted - before.appendsCommitted;
    if (events !== latencies.length) throw new Error(`stats() counted ${events} appends, the writers ${latencies.length}`);
    latencies.sort((a, b) => a - b);
    return {
      events,
      transactions: after.transactionsCommitted - before.transactionsCommitted,
      seconds,
      eventsPerSecond: events / seconds,
      latencyMs: { p50: round(percentile(latencies, 0.5), 3), p99: round(percentile(latencies, 0.99), 3), max: round(latencies.at(-1) ?? 0, 3) },
    };
  } finally {
    await store.close();
  }
}

/** Each writer appends one event per call to its own stream, with the exact expected revision, until the deadline. */
function runWriters(store: SqliteEventStore, prefix: string, deadline: number, latencies: number[]): Promise<void[]> {
  const writer = async (index: number) => {
    const streamId = `${prefix}-${index}`;
    let expectedRevision: ExpectedRevision = 'no_stream';
    for (let n = index; performance.now() < deadline; n += WRITERS) {
      const started = performance.now();
      const result = await store.appendToStream(streamId, [EVENT_POOL[n % EVENT_POOL.length]], { expectedRevision });
      latencies.push(performance.now() - started);
      expectedRevision = result.nextExpectedRevision;
    }
  };
  return Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(index)));
}

/** The storage engine's limit on this machine: the same rows, batches and pragmas, nothing else. */
function measureCeiling(filename: string, events: number, transactions: number) {
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, stream_id TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL,
      data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, UNIQUE (stream_id, revision))`);
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Already serialized: the ceiling is SQLite's work alone (the adapter's JSON serialization counts against it).
    // The metadata carries a hash the size of the adapter's chain hash (ADR 9), so the rows are as large as the adapter's.
    const rows = EVENT_POOL.map((event) => [event.type, JSON.stringify(event.data), JSON.stringify({ ...event.metadata, hash: '0'.repeat(64) })] as const);
    const revisions = new Array<number>(WRITERS).fill(0);
    const insertBatch = db.transaction((first: number, count: number) => {
      const recordedAt = new Date().toISOString();
      for (let n = first; n < first + count; n++) {
        const writer = n % WRITERS;
        const [type, data, metadata] = rows[n % rows.length];
        insert.run(`case-${writer}`, revisions[writer]++, type, data, metadata, recordedAt);
      }
    });
    const started = performance.now();
    // Same number of transactions as the adapter committed, the events spread evenly over them.
    for (let batch = 0, done = 0; batch < transactions; batch++) {
      const count = Math.round(((batch + 1) * events) / transactions) - done;
      insertBatch(done, count);
      done += count;
    }
    const seconds = (performance.now() - started) / 1000;
    const inserted = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
    if (inserted !== events) throw new Error(`The ceiling run inserted ${inserted} rows, expected ${events}`);
    return { events, transactions, seconds, eventsPerSecond: events / seconds };
  } finally {
    db.close();
  }
}

/** Shaped like a CaseFiled event as the API appends it (≈ 0.7 kB data, 0.4 kB metadata). */
function sampleEvent(): NewEvent {
  return { type: 'CaseFiled', data: sampleData(), metadata: sampleMetadata() };
}

/** A CaseFiled event's data: the filing of the API tests, as the decider completes it. */
function sampleData(): Record<string, unknown> {
  return {
    caseId: randomUUID(),
    filingNumber: '2026-000123',
    verificationCode: 'K7PQ2M',
    ...validFiling(),
    attachments: [],
    relatedFilingNumber: null,
    petitionerId: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    firstLineResolution: null,
    filedAt: '2026-03-02T09:15:00.000-05:00',
    dueAt: '2026-03-24T17:00:00.000-05:00',
  };
}

function sampleMetadata(): NewEvent['metadata'] {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    schemaVersion: 2,
    correlationId: randomUUID(),
    causationId: commandId,
    actorId: 'agent-ana',
    actorRoles: ['agent'],
    occurredAt: '2026-03-02T09:15:00.000-05:00',
    commandId,
    commandType: 'FileCase',
    commandHash: 'xQ2c8V4mJ0xv7kz3Jm1dU9yQ3p0eB6hH4nL2aW8sT5c',
  };
}
