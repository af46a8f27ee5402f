import type Database from 'better-sqlite3';
import { classifySqliteFailure, openSqlite, SqliteConnectionOptions } from '@app/storage-kit';
import { EventStoreUnavailableError } from './event-store.port';

export type { SqliteConnectionOptions };

/** The event store's connection: FULL fsyncs the WAL on every commit, so an acknowledged write survives a power cut. */
export function openSqliteDatabase(options: SqliteConnectionOptions): Database.Database {
  return openSqlite(options, 'FULL');
}

/** Wraps storage failures in EventStoreUnavailableError; see classifySqliteFailure. */
export function asUnavailableWhenStorageFailed(error: unknown, context: string): unknown {
  return classifySqliteFailure(error, context, (message, cause) => new EventStoreUnavailableError(message, cause));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
