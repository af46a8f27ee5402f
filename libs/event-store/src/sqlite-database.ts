import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from './event-store.port';

export interface SqliteConnectionOptions {
  /** A file path, or ':memory:' for a private in-memory database (one per connection). */
  filename: string;
  /** How long a writer waits for another connection's lock before giving up. Default 5000 ms. */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openSqliteDatabase({ filename, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS }: SqliteConnectionOptions): Database.Database {
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  const db = new Database(filename);
  try {
    // Set first: switching to WAL may itself have to wait for another process's lock.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (!isInMemory(filename)) db.pragma('journal_mode = WAL');
    // FULL fsyncs the WAL on every commit: an acknowledged write survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function isInMemory(filename: string): boolean {
  return filename === ':memory:' || filename === '';
}

/** SQLite result codes that mean "the storage is not usable right now", as opposed to a bad request. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|CORRUPT|NOTADB|PROTOCOL)/;

/** Wraps storage failures in EventStoreUnavailableError; anything else is returned unchanged. */
export function asUnavailableWhenStorageFailed(error: unknown, context: string): unknown {
  if (error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code)) {
    return new EventStoreUnavailableError(`${context}: ${error.message}`, error);
  }
  return error;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
