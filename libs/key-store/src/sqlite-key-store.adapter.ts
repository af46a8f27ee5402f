import type Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { classifySqliteFailure, CommitOutcome, GroupCommitQueue, openSqlite, SqliteConnectionOptions } from '@app/storage-kit';
import { DATA_KEY_BYTES, DataKey, KeyStore, KeyStoreUnavailableError } from './key-store.port';

interface KeyRow {
  key_id: string;
  petitioner_id: string;
  key: Buffer;
}

/**
 * The embedded key store: its own SQLite file (never the event store's, so that a copy of the
 * events alone holds no key). `secure_delete` zeroes a destroyed key's bytes in the file, and the
 * WAL is checkpointed and truncated after each destruction so that no old page keeps them.
 * A known petitioner's key is one read; new petitioners' keys asked for during one event-loop turn
 * are created in one transaction (one fsync), as the event store groups its appends.
 */
const MAX_KEYS_PER_TRANSACTION = 1000;

export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly byPetitioner: Database.Statement;
  private readonly destroy: Database.Statement;
  private readonly creations = new GroupCommitQueue<string, DataKey>((petitionerIds) => this.createKeys(petitionerIds), MAX_KEYS_PER_TRANSACTION);

  constructor(options: SqliteConnectionOptions) {
    this.db = this.guard(`Could not open the key store ${options.filename}`, () => openSqlite(options, 'FULL'));
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS petitioner_keys (
      key_id TEXT PRIMARY KEY,
      petitioner_id TEXT NOT NULL UNIQUE,
      key BLOB NOT NULL
    ) STRICT`);
    this.insert = this.db.prepare('INSERT INTO petitioner_keys (key_id, petitioner_id, key) VALUES (?, ?, ?) ON CONFLICT (petitioner_id) DO NOTHING');
    this.byPetitioner = this.db.prepare('SELECT key_id, petitioner_id, key FROM petitioner_keys WHERE petitioner_id = ?');
    this.destroy = this.db.prepare('DELETE FROM petitioner_keys WHERE petitioner_id = ?');
  }

  async keyFor(petitionerId: string): Promise<DataKey> {
    const known = this.guard('Reading a petitioner key', () => this.byPetitioner.get(petitionerId) as KeyRow | undefined);
    return known ? toKey(known) : this.creations.enqueue(petitionerId);
  }

  private createKeys(petitionerIds: string[]): CommitOutcome<DataKey>[] {
    return this.guard('Creating petitioner keys', () =>
      this.db.transaction(() =>
        petitionerIds.map((petitionerId) => {
          // DO NOTHING: another process (or an earlier request in this batch) created it first; read the winner.
          this.insert.run(randomUUID(), petitionerId, randomBytes(DATA_KEY_BYTES));
          return { ok: true as const, value: toKey(this.byPetitioner.get(petitionerId) as KeyRow) };
        }),
      )(),
    );
  }

  async findKeys(keyIds: readonly string[]): Promise<Map<string, DataKey>> {
    const unique = [...new Set(keyIds)];
    const found = new Map<string, DataKey>();
    if (unique.length === 0) return found;
    return this.guard('Reading keys', () => {
      // At most 500 parameters per statement (SQLite's limit is far above; batches stay small).
      for (let start = 0; start < unique.length; start += 500) {
        const slice = unique.slice(start, start + 500);
        const rows = this.db.prepare(`SELECT key_id, petitioner_id, key FROM petitioner_keys WHERE key_id IN (${slice.map(() => '?').join(',')})`).all(...slice) as KeyRow[];
        for (const row of rows) found.set(row.key_id, toKey(row));
      }
      return found;
    });
  }

  async destroyKeysOf(petitionerId: string): Promise<number> {
    return this.guard('Destroying a petitioner key', () => {
      const { changes } = this.destroy.run(petitionerId);
      // The WAL may still hold the page as it was: copy it back and empty the WAL.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      return changes;
    });
  }

  async ping(): Promise<void> {
    this.guard('Key store ping', () => this.db.prepare('SELECT 1').get());
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.creations.drain();
    this.db.close();
  }

  private guard<T>(context: string, work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw classifySqliteFailure(error, context, (message, cause) => new KeyStoreUnavailableError(message, cause));
    }
  }
}

function toKey(row: KeyRow): DataKey {
  return { keyId: row.key_id, petitionerId: row.petitioner_id, key: Buffer.from(row.key) };
}
