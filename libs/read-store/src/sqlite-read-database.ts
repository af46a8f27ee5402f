import type Database from 'better-sqlite3';
import { classifySqliteFailure, openSqlite, SqliteConnectionOptions } from '@app/storage-kit';
import { ReadStoreUnavailableError } from './read-store-unavailable.error';

/** A file path (its own file, not the event store's), or ':memory:'; and the busy timeout. */
export type SqliteReadDatabaseOptions = SqliteConnectionOptions;

const READ_STORE_CACHE_KIB = 64 * 1024;
/**
 * A new read store file gets 16 KiB pages instead of SQLite's 4 KiB: a 2.4 KB case document filled a
 * 4 KiB page alone, and with 16 KiB pages six fit. The 1M-event rebuild's file is a fifth smaller,
 * and the group of the three largest projections rebuilt 12 % faster (ADR 15).
 */
export const READ_STORE_PAGE_SIZE = 16 * 1024;

/**
 * The read store's connection. Read models can be rebuilt from the event store, so losing the last
 * commits on a power cut is acceptable (synchronous NORMAL); a crash of the process alone loses nothing in WAL mode.
 */
export function openReadDatabase(options: SqliteReadDatabaseOptions): Database.Database {
  try {
    const db = openSqlite(options, 'NORMAL', READ_STORE_PAGE_SIZE);
    // Deleted and overwritten documents (a petitioner's erased data) are zeroed in the file, not left in free space.
    db.pragma('secure_delete = ON');
    // SQLite's default page cache (2 MiB) spills a projection's commit (thousands of documents) to the
    // WAL page by page: 64 MiB made upserts of 2 KB documents into a 400k-row table ~1.5x faster (ADR 12).
    db.pragma(`cache_size = -${READ_STORE_CACHE_KIB}`);
    return db;
  } catch (error) {
    throw asUnavailableWhenStorageFailed(error, `Could not open the read store ${options.filename}`);
  }
}

/** Wraps storage failures in ReadStoreUnavailableError; see classifySqliteFailure. */
export function asUnavailableWhenStorageFailed(error: unknown, context: string): unknown {
  return classifySqliteFailure(error, context, (message, cause) => new ReadStoreUnavailableError(message, cause));
}
