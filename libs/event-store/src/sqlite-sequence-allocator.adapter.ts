import Database from 'better-sqlite3';
import { EventStoreUnavailableError } from './event-store.port';
import { CommitOutcome, GroupCommitQueue } from '@app/storage-kit';
import { SequenceAllocator } from './sequence-allocator.port';
import { asUnavailableWhenStorageFailed, openSqliteDatabase, SqliteConnectionOptions } from './sqlite-database';

const MAX_ALLOCATIONS_PER_TRANSACTION = 1000;

/**
 * Counters in a `sequences` table. It may live in the event store's file: it opens its own
 * connection, and SQLite's file locking serializes it with the store and with other processes.
 * Allocations requested during one event-loop turn share one transaction (one fsync), as the
 * event store's appends do.
 */
export class SqliteSequenceAllocator implements SequenceAllocator {
  private readonly db: Database.Database;
  private readonly incrementAll: Database.Transaction<(names: string[]) => number[]>;
  private readonly queue = new GroupCommitQueue<string, number>((names) => this.allocateBatch(names), MAX_ALLOCATIONS_PER_TRANSACTION);
  private transactionsCommitted = 0;
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
      this.incrementAll = this.db.transaction((names: string[]) =>
        names.map((name) => {
          const value = incrementStatement.get(name);
          if (value === undefined) throw new Error(`Sequence ${name} returned no value`);
          return value;
        }),
      );
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
    return this.queue.enqueue(name);
  }

  /** For monitoring and for verifying group commit. */
  stats(): { transactionsCommitted: number } {
    return { transactionsCommitted: this.transactionsCommitted };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.drain();
    this.db.close();
  }

  private allocateBatch(names: string[]): CommitOutcome<number>[] {
    try {
      // IMMEDIATE: take the write lock before reading, so concurrent processes queue on busy_timeout.
      const values = this.incrementAll.immediate(names);
      this.transactionsCommitted += 1;
      return values.map((value) => ({ ok: true, value }));
    } catch (error) {
      throw asUnavailableWhenStorageFailed(error, `Could not allocate the next value of ${[...new Set(names)].join(', ')}`);
    }
  }
}
