import Database from 'better-sqlite3';
import { ReadStoreUnavailableError } from './read-store-unavailable.error';

export interface SqliteReadDatabaseOptions {
  /** A file path (its own file, not the event store's), or ':memory:' for a private in-memory database. */
  filename: string;
  /** How long a writer waits for another connection's lock before giving up. Default 5000 ms. */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openReadDatabase({ filename, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS }: SqliteReadDatabaseOptions): Database.Database {
  if (typeof filename !== 'string') throw new TypeError('filename must be a string');
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  let db: Database.Database;
  try {
    db = new Database(filename);
  } catch (error) {
    throw asUnavailableWhenStorageFailed(error, `Could not open the read store ${filename}`);
  }
  try {
    // Set first: switching to WAL may itself have to wait for another process's lock.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (!isInMemory(filename)) db.pragma('journal_mode = WAL');
    // Read models can be rebuilt from the event store, so losing the last commits on a power cut
    // is acceptable; a crash of the process alone loses nothing in WAL mode.
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw asUnavailableWhenStorageFailed(error, `Could not open the read store ${filename}`);
  }
  return db;
}

function isInMemory(filename: string): boolean {
  return filename === ':memory:' || filename === '';
}

/** SQLite result codes that mean "the storage is not usable right now", as opposed to a bad request. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|CORRUPT|NOTADB|PROTOCOL)/;

/** Wraps storage failures in ReadStoreUnavailableError; anything else is returned unchanged. */
export function asUnavailableWhenStorageFailed(error: unknown, context: string): unknown {
  if (error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code)) {
    return new ReadStoreUnavailableError(`${context}: ${error.message}`, error);
  }
  return error;
}
