import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from './event-store.port';
import { SequenceAllocator } from './sequence-allocator.port';
import { asUnavailableWhenStorageFailed, openSqliteDatabase, SqliteConnectionOptions } from './sqlite-database';

/**
 * Counters in a `sequences` table. It may live in the event store's file: it opens its own
 * connection, and SQLite's file locking serializes it with the store and with other processes.
 */
export class SqliteSequenceAllocator implements SequenceAllocator {
  private readonly db: Database.Database;
  private readonly increment: Database.Transaction<(name: string) => number>;
  private closed = false;

  constructor(options: SqliteConnectionOptions) {
    this.db = openSqliteDatabase(options);
    try {
      this.db.exec('CREATE TABLE IF NOT EXISTS sequences (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID');
      const incrementStatement = this.db
        .prepare<[string], number>(
          `INSERT INTO sequences (name, value) VALUES (?, 1)
           ON CONFLICT (name) DO UPDATE SET value = sequences.value + 1
           RETURNING value`,
        )
        .pluck();
      this.increment = this.db.transaction((name: string) => {
        const value = incrementStatement.get(name);
        if (value === undefined) throw new Error(`Sequence ${name} returned no value`);
        return value;
      });
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  async next(name: string): Promise<number> {
    if (this.closed) throw new EventStoreUnavailableError('The sequence allocator is closed');
    if (typeof name !== 'string' || name.length === 0) {
      throw new TypeError(`Sequence name must be a non-empty string, got ${JSON.stringify(name)}`);
    }
    try {
      // IMMEDIATE: take the write lock before reading, so concurrent processes queue on busy_timeout.
      return this.increment.immediate(name);
    } catch (error) {
      throw asUnavailableWhenStorageFailed(error, `Could not allocate the next value of ${name}`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}
