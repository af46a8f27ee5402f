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

/** What better-sqlite3 throws for a failed statement: its message and SQLite's extended result code. */
export interface SqliteFailure {
  name: 'SqliteError';
  message: string;
  code: string;
}

/**
 * Recognised by shape, not by `instanceof Database.SqliteError`: the native addon registers the
 * error class of the first copy of better-sqlite3 loaded in the process, so where modules are
 * loaded more than once (Jest loads them per test file) later copies would not recognise it.
 */
export function isSqliteFailure(error: unknown): error is SqliteFailure {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code, message } = error as Record<string, unknown>;
  return name === 'SqliteError' && typeof code === 'string' && typeof message === 'string';
}

/** A statement that SQLite refused (a constraint, say): a plain Error keeping SQLite's code. */
export class SqliteStatementError extends Error {
  constructor(
    message: string,
    readonly code: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SqliteStatementError';
  }
}

/**
 * Sorts a failure: `unavailable` wraps storage failures (busy, I/O, disk full, ...), any other
 * SQLite failure becomes a SqliteStatementError, and anything else is returned unchanged.
 */
export function classifySqliteFailure(error: unknown, context: string, unavailable: (message: string, cause: unknown) => Error): unknown {
  if (!isSqliteFailure(error)) return error;
  const message = `${context}: ${error.message}`;
  return UNAVAILABLE_CODES.test(error.code) ? unavailable(message, error) : new SqliteStatementError(message, error.code, error);
}

/**
 * Opens a database in WAL mode (files) with a busy timeout. `synchronous` is FULL where an
 * acknowledged write must survive a power cut, NORMAL where the data can be rebuilt. `pageSize`
 * applies to a database created by this call only: SQLite keeps the page size a file was created with.
 */
export function openSqlite(
  { filename, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS }: SqliteConnectionOptions,
  synchronous: 'FULL' | 'NORMAL',
  pageSize?: number,
): Database.Database {
  if (typeof filename !== 'string') throw new TypeError('filename must be a string');
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  const db = new Database(filename);
  try {
    // Set first: switching to WAL may itself have to wait for another process's lock.
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    // Before WAL: switching the journal mode writes the new file's header, page size included.
    if (pageSize !== undefined) db.pragma(`page_size = ${pageSize}`);
    if (filename !== ':memory:' && filename !== '') switchToWal(db, busyTimeoutMs);
    db.pragma(`synchronous = ${synchronous}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Converting a file to WAL needs it alone, and SQLite does not wait for that through the busy
 * timeout: processes opening one new file at the same moment (the API and the projector on an
 * empty DATA_DIR) got "database is locked" at once. WAL is kept in the file, so once one of them
 * converted it the others have nothing to do; until then they try again, within the busy timeout.
 */
export function switchToWal(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (let attempt = 0; ; attempt++) {
    let busy: unknown;
    try {
      if (db.pragma('journal_mode', { simple: true }) === 'wal') return;
      // SQLite answers with the mode it is in: the old one when it could not switch.
      if (db.pragma('journal_mode = WAL', { simple: true }) === 'wal') return;
    } catch (error) {
      if (!isSqliteFailure(error) || !error.code.startsWith('SQLITE_BUSY')) throw error;
      busy = error;
    }
    if (Date.now() >= deadline) throw busy ?? new Error('Could not switch the database to WAL: another connection keeps it busy');
    sleepSync(Math.min(2 ** attempt, 50));
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
