import Database from 'better-sqlite3';

export interface SqliteConnectionOptions {
  /** A file path, or ':memory:' for a private in-memory database (one per connection). */
  filename: string;
  /** How long a writer waits for another connection's lock before giving up. Default 5000 ms. */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** SQLite result codes that mean "the storage is not usable right now", as opposed to a bad request. */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|NOMEM|CORRUPT|NOTADB|PROTOCOL)/;

export function isSqliteStorageFailure(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code);
}

/**
 * Opens a database in WAL mode (files) with a busy timeout. `synchronous` is FULL where an
 * acknowledged write must survive a power cut, NORMAL where the data can be rebuilt.
 */
export function openSqlite(
  { filename, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS }: SqliteConnectionOptions,
  synchronous: 'FULL' | 'NORMAL',
): Database.Database {
  if (typeof filename !== 'string') throw new TypeError('filename must be a string');
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  const db = new Database(filename);
  try {
    // Set first: switching to WAL may itself have to wait for another process's lock.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (filename !== ':memory:' && filename !== '') db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
