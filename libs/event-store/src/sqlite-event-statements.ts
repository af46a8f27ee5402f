import Database from 'better-sqlite3';
import { EventMetadata, RecordedEvent } from './event-store.port';
import { parseJsonObject } from './event-json';
import type { StoredEvent } from './hash-chain';

// AUTOINCREMENT: positions are never reused, even if the newest rows were ever deleted by hand.
// `streams` keeps each stream's current revision and its last event's hash (ADR 9), so the
// expectation check and the next link of the chain are one key lookup.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE TABLE IF NOT EXISTS streams (
    stream_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    hash TEXT
  ) WITHOUT ROWID;
`;

export interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

export type NewEventRow = Omit<EventRow, 'position'>;

/** The columns of an EventRow, in the order reads select them as arrays. */
const EVENT_COLUMNS = 'position, stream_id, revision, type, data, metadata, recorded_at';
type EventTuple = [number, string, number, string, string, string, string];

/**
 * Reads take rows as arrays and make each EventRow here: better-sqlite3 builds a row object property
 * by property, which cost ~0.9 s of the 3.5 s it took to read 1M events (docs/benchmarks.md §3).
 */
function toEventRow([position, stream_id, revision, type, data, metadata, recorded_at]: EventTuple): EventRow {
  return { position, stream_id, revision, type, data, metadata, recorded_at };
}

/** A stream's current revision and the hash its next event chains to (null: none recorded). */
export interface StreamHead {
  revision: number;
  hash: unknown;
}

/** SQLite's LIMIT for "no limit". */
export const NO_LIMIT = -1;

export type EventStatements = ReturnType<typeof prepareEventStatements>;

/** Files created before the column existed get it (empty: their heads are looked up in `events`). */
function addStreamHashColumn(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('streams')`).all();
  if (!columns.some(({ name }) => name === 'hash')) db.exec('ALTER TABLE streams ADD COLUMN hash TEXT');
}

/** Creates the schema if needed and prepares every statement the store runs. */
export function prepareEventStatements(db: Database.Database) {
  db.exec(SCHEMA);
  addStreamHashColumn(db);
  const storedStreamHead = db.prepare<[string], StreamHead>('SELECT revision, hash FROM streams WHERE stream_id = ?');
  // Streams whose head was written before `streams.hash` existed: the hash of their last event.
  // json_valid keeps a damaged last event from failing the append (verifyStream reports it instead).
  const lastEventHash = db
    .prepare<[string, number], unknown>(
      `SELECT CASE WHEN json_valid(metadata) THEN json_extract(metadata, '$.hash') END FROM events WHERE stream_id = ? AND revision = ?`,
    )
    .pluck();
  const streamHead = (streamId: string): StreamHead | undefined => {
    const head = storedStreamHead.get(streamId);
    return head && head.hash === null ? { revision: head.revision, hash: lastEventHash.get(streamId, head.revision) ?? null } : head;
  };
  const eventPosition = db
    .prepare<[string, number], number>('SELECT position FROM events WHERE stream_id = ? AND revision = ?')
    .pluck();
  const insertEvent = db.prepare<NewEventRow>(
    `INSERT INTO events (stream_id, revision, type, data, metadata, recorded_at)
     VALUES (@stream_id, @revision, @type, @data, @metadata, @recorded_at)`,
  );
  const saveStreamHead = db.prepare<[string, number, string]>(
    `INSERT INTO streams (stream_id, revision, hash) VALUES (?, ?, ?)
     ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash`,
  );
  const readStream = db
    .prepare<{ streamId: string; fromRevision: number; toRevision: number; limit: number }, EventTuple>(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream_id = @streamId AND revision BETWEEN @fromRevision AND @toRevision
       ORDER BY revision LIMIT @limit`,
    )
    .raw(true);
  const readAll = db
    .prepare<{ afterPosition: number; limit: number }, EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > @afterPosition ORDER BY position LIMIT @limit`)
    .raw(true);
  const headPosition = db.prepare<[], number>('SELECT COALESCE(MAX(position), 0) FROM events').pluck();
  const ping = db.prepare<[], number>('SELECT 1').pluck();

  return {
    streamHead,
    eventPosition: (streamId: string, revision: number): number | undefined => eventPosition.get(streamId, revision),
    insertEvent: (row: NewEventRow): number => Number(insertEvent.run(row).lastInsertRowid),
    saveStreamHead: (streamId: string, revision: number, hash: string): void => void saveStreamHead.run(streamId, revision, hash),
    readStream: (query: { streamId: string; fromRevision: number; toRevision: number; limit: number }): EventRow[] =>
      readStream.all(query).map(toEventRow),
    readAll: (afterPosition: number, limit: number): EventRow[] => readAll.all({ afterPosition, limit }).map(toEventRow),
    headPosition: (): number => headPosition.get() ?? 0,
    ping: (): void => void ping.get(),
  };
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const where = `event at position ${row.position}`;
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: parseJsonObject(row.data, `Data of ${where}`),
    metadata: parseJsonObject(row.metadata, `Metadata of ${where}`) as EventMetadata,
    recordedAt: row.recorded_at,
  };
}

/** The row as stored, for the hash chain: data and metadata left as the JSON text on disk. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return { streamId: row.stream_id, revision: row.revision, position: row.position, type: row.type, data: row.data, metadata: row.metadata };
}
