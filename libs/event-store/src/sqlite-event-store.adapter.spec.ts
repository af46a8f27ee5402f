import Database from 'better-sqlite3';
import { randomUUID } from 'crypto';
import { eventStoreContract } from './event-store.contract';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from './event-store.port';
import { SqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store.adapter';
import { newEvent } from './testing/contract-events';
import { runSqliteWorkersTogether } from './testing/run-sqlite-workers';
import { createTempDatabase } from './testing/temp-database';

eventStoreContract('SQLite in memory', async () => ({ store: new SqliteEventStore({ filename: ':memory:' }) }));

eventStoreContract(
  'SQLite file',
  async () => {
    const database = createTempDatabase();
    const store = new SqliteEventStore({ filename: database.filename });
    return {
      store,
      // Through a second connection, as another process editing the file would.
      alterStoredData: async (streamId, revision, alter) => {
        const editor = new Database(database.filename);
        try {
          const { data } = editor.prepare<[string, number], { data: string }>('SELECT data FROM events WHERE stream_id = ? AND revision = ?').get(streamId, revision)!;
          editor.prepare('UPDATE events SET data = ? WHERE stream_id = ? AND revision = ?').run(alter(data), streamId, revision);
        } finally {
          editor.close();
        }
      },
      teardown: async () => {
        await store.close();
        database.remove();
      },
    };
  },
  { canAlterStoredData: true },
);

describe('SqliteEventStore', () => {
  let database: ReturnType<typeof createTempDatabase>;
  let openStores: SqliteEventStore[];

  const open = (options: Partial<SqliteEventStoreOptions> = {}) => {
    const store = new SqliteEventStore({ filename: database.filename, ...options });
    openStores.push(store);
    return store;
  };

  beforeEach(() => {
    database = createTempDatabase();
    openStores = [];
  });

  afterEach(async () => {
    await Promise.all(openStores.map((store) => store.close()));
    database.remove();
  });

  describe('group commit', () => {
    it('commits 100 appends requested together in fewer than 100 transactions', async () => {
      const store = open();
      const before = store.stats();
      await Promise.all(Array.from({ length: 100 }, () => store.appendToStream(streamId(), [newEvent('Filed')], { expectedRevision: 'no_stream' })));
      const after = store.stats();
      expect(after.appendsCommitted - before.appendsCommitted).toBe(100);
      const transactions = after.transactionsCommitted - before.transactionsCommitted;
      expect(transactions).toBeGreaterThanOrEqual(1);
      expect(transactions).toBeLessThan(100);
    });

    it('decides each request of a batch on its own, in order, seeing the effects of the earlier ones', async () => {
      const store = open();
      const caseId = streamId();
      const otherId = streamId();
      const before = store.stats();

      const outcomes = await Promise.allSettled([
        store.appendToStream(caseId, [newEvent('First')], { expectedRevision: 'no_stream' }),
        store.appendToStream(caseId, [newEvent('Duplicate')], { expectedRevision: 'no_stream' }),
        store.appendToStream(caseId, [newEvent('Second')], { expectedRevision: 0 }),
        store.appendToStream(caseId, [newEvent('Stale')], { expectedRevision: 0 }),
        store.appendToStream(otherId, [newEvent('Orphan')], { expectedRevision: 'stream_exists' }),
        store.appendToStream(otherId, [newEvent('Started')], { expectedRevision: 'any' }),
      ]);

      expect(store.stats().transactionsCommitted - before.transactionsCommitted).toBe(1);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
      const actualRevisions = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [(outcome.reason as WrongExpectedRevisionError).actual] : [],
      );
      expect(actualRevisions).toEqual([0, 1, -1]);
      expect((await store.readStream(caseId)).map((recorded) => recorded.type)).toEqual(['First', 'Second']);
      expect((await store.readStream(otherId)).map((recorded) => recorded.type)).toEqual(['Started']);
    });

    it('chains a request onto an earlier request of the same batch, and a rolled-back request leaves no link', async () => {
      const store = open();
      const caseId = streamId();
      const before = store.stats();

      const outcomes = await Promise.allSettled([
        store.appendToStream(caseId, [newEvent('Filed'), newEvent('Typified')], { expectedRevision: 'no_stream' }),
        store.appendToStream(caseId, [newEvent('Stale')], { expectedRevision: 0 }),
        store.appendToStream(caseId, [newEvent('Assigned')], { expectedRevision: 1 }),
        store.appendToStream(caseId, [newEvent('Noted')], { expectedRevision: 'any' }),
      ]);

      expect(store.stats().transactionsCommitted - before.transactionsCommitted).toBe(1);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      const stored = await store.readStream(caseId);
      expect(stored.map((recorded) => recorded.type)).toEqual(['Filed', 'Typified', 'Assigned', 'Noted']);
      expect(await store.verifyStream(caseId)).toEqual({ intact: true, events: 4 });
    });

    it('rejects an event that cannot be stored as JSON without affecting the others', async () => {
      const store = open();
      const circular: Record<string, unknown> = {};
      circular.self = circular;
      const [good, cyclic, notFinite] = await Promise.allSettled([
        store.appendToStream(streamId(), [newEvent('Filed')], { expectedRevision: 'no_stream' }),
        store.appendToStream(streamId(), [{ ...newEvent('Filed'), data: circular }], { expectedRevision: 'no_stream' }),
        store.appendToStream(streamId(), [{ ...newEvent('Filed'), data: { amount: Number.NaN } }], { expectedRevision: 'no_stream' }),
      ]);
      expect(good.status).toBe('fulfilled');
      expect(cyclic).toEqual({ status: 'rejected', reason: expect.any(TypeError) });
      expect(notFinite).toEqual({ status: 'rejected', reason: expect.any(TypeError) });
      expect(await store.readAll()).toHaveLength(1);
    });
  });

  describe('storage failure during a batch', () => {
    it('fails the whole batch when SQLite aborts the transaction, committing none of it, and recovers', async () => {
      const store = open();
      await store.appendToStream(streamId(), [newEvent('Filed')], { expectedRevision: 'no_stream' });
      // White-box: forbid the file to grow, so a large event fails with SQLITE_FULL, which makes
      // SQLite roll back the whole transaction, not just the failing request's savepoint.
      const db = (store as unknown as { db: Database.Database }).db;
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
      const [before, tooLarge, after] = [streamId(), streamId(), streamId()];

      const outcomes = await Promise.allSettled([
        store.appendToStream(before, [newEvent('Filed')], { expectedRevision: 'no_stream' }),
        store.appendToStream(tooLarge, [newEvent('Filed', { text: 'x'.repeat(1_000_000) })], { expectedRevision: 'no_stream' }),
        store.appendToStream(after, [newEvent('Filed')], { expectedRevision: 'no_stream' }),
      ]);

      for (const outcome of outcomes) expect(outcome).toEqual({ status: 'rejected', reason: expect.any(EventStoreUnavailableError) });
      for (const stream of [before, tooLarge, after]) expect(await store.readStream(stream)).toEqual([]);
      db.pragma('max_page_count = 1073741823');
      await expect(store.appendToStream(after, [newEvent('Filed')], { expectedRevision: 'no_stream' })).resolves.toBeDefined();
    });
  });

  describe('appending an empty list', () => {
    it('checks the expectation, writes nothing, and returns the current revision and the position of the last event', async () => {
      const store = open();
      const caseId = streamId();
      await store.appendToStream(streamId(), [newEvent('Filed')], { expectedRevision: 'no_stream' });

      expect(await store.appendToStream(caseId, [], { expectedRevision: 'no_stream' })).toEqual({ nextExpectedRevision: -1, position: 0 });
      const appended = await store.appendToStream(caseId, [newEvent('Filed'), newEvent('Assigned')], { expectedRevision: 'no_stream' });
      await store.appendToStream(streamId(), [newEvent('Filed')], { expectedRevision: 'no_stream' });
      const head = await store.headPosition();

      expect(await store.appendToStream(caseId, [], { expectedRevision: 1 })).toEqual(appended);
      expect(await store.appendToStream(caseId, [], { expectedRevision: 'stream_exists' })).toEqual(appended);
      await expect(store.appendToStream(caseId, [], { expectedRevision: 0 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.appendToStream(streamId(), [], { expectedRevision: 'stream_exists' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store.headPosition()).toBe(head);
    });
  });

  describe('invalid arguments', () => {
    it.each([-1, 1.5, 'latest', undefined])('rejects expectedRevision %p', async (expectedRevision) => {
      const store = open();
      const append = store.appendToStream(streamId(), [newEvent('Filed')], { expectedRevision: expectedRevision as never });
      await expect(append).rejects.toBeInstanceOf(TypeError);
    });

    it('rejects an empty stream id, an empty event type and out-of-range read options', async () => {
      const store = open();
      await expect(store.appendToStream('', [newEvent('Filed')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      await expect(store.appendToStream(streamId(), [newEvent('')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(TypeError);
      await expect(store.readAll({ maxCount: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(store.readStream(streamId(), { fromRevision: 0.5 })).rejects.toBeInstanceOf(RangeError);
    });
  });

  describe('sharing a file', () => {
    it('a second instance reads what the first appended', async () => {
      const writer = open();
      const reader = open();
      const caseId = streamId();
      const result = await writer.appendToStream(caseId, [newEvent('Filed'), newEvent('Assigned')], { expectedRevision: 'no_stream' });
      expect((await reader.readStream(caseId)).map((recorded) => recorded.type)).toEqual(['Filed', 'Assigned']);
      expect(await reader.headPosition()).toBe(result.position);
    });

    it("enforces expected revisions across instances: one of two 'no_stream' appends wins", async () => {
      const [first, second] = [open(), open()];
      const caseId = streamId();
      const outcomes = await Promise.allSettled([
        first.appendToStream(caseId, [newEvent('Filed')], { expectedRevision: 'no_stream' }),
        second.appendToStream(caseId, [newEvent('Filed')], { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await first.readStream(caseId)).toHaveLength(1);
    });

    it('two processes appending at once get distinct positions and consecutive revisions', async () => {
      const store = open();
      const sharedStream = streamId();

      const command = { kind: 'append', filename: database.filename, streamId: sharedStream, count: 100 } as const;
      const [fromFirst, fromSecond] = await runSqliteWorkersTogether([command, command]);

      const positions = [...fromFirst, ...fromSecond].sort(byNumber);
      expect(new Set(positions).size).toBe(200);
      const stored = await store.readStream(sharedStream);
      expect(stored.map((recorded) => recorded.revision)).toEqual(Array.from({ length: 200 }, (_, revision) => revision));
      expect(stored.map((recorded) => recorded.position)).toEqual(positions);
    });
  });

  describe('durability', () => {
    it('keeps events after close and reopen, and continues revisions and positions', async () => {
      const caseId = streamId();
      const first = open();
      const firstAppend = await first.appendToStream(caseId, [newEvent('Filed', { city: 'Bogotá ñ' })], { expectedRevision: 'no_stream' });
      const before = await first.readStream(caseId);
      await first.close();

      const reopened = open();
      expect(await reopened.readStream(caseId)).toEqual(before);
      const secondAppend = await reopened.appendToStream(caseId, [newEvent('Assigned')], { expectedRevision: 0 });
      expect(secondAppend.nextExpectedRevision).toBe(1);
      expect(secondAppend.position).toBeGreaterThan(firstAppend.position);
    });
  });

  describe('a file written before streams kept their head hash', () => {
    it('gains the column, and chains a stream whose head has no stored hash onto its last event', async () => {
      const caseId = streamId();
      const first = open();
      await first.appendToStream(caseId, [newEvent('Filed'), newEvent('Assigned')], { expectedRevision: 'no_stream' });
      await first.close();
      const raw = new Database(database.filename);
      raw.exec('CREATE TABLE old_streams (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL) WITHOUT ROWID');
      raw.exec('INSERT INTO old_streams SELECT stream_id, revision FROM streams; DROP TABLE streams; ALTER TABLE old_streams RENAME TO streams');
      raw.close();

      const reopened = open();
      await reopened.appendToStream(caseId, [newEvent('Responded')], { expectedRevision: 1 });
      expect(await reopened.verifyStream(caseId)).toEqual({ intact: true, events: 3 });
      const columns = new Database(database.filename, { readonly: true });
      expect(columns.prepare(`SELECT name FROM pragma_table_info('streams')`).pluck().all()).toEqual(['stream_id', 'revision', 'hash']);
      columns.close();
    });
  });

  describe('closing', () => {
    it('commits appends requested before close, then refuses new work; closing twice is fine', async () => {
      const store = open();
      const caseId = streamId();
      const pending = store.appendToStream(caseId, [newEvent('Filed')], { expectedRevision: 'no_stream' });
      await Promise.all([store.close(), store.close()]);
      await expect(pending).resolves.toEqual(expect.objectContaining({ nextExpectedRevision: 0 }));

      await expect(store.appendToStream(streamId(), [newEvent('Filed')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
      await expect(store.readStream(caseId)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(await open().readStream(caseId)).toHaveLength(1);
    });
  });
});

function byNumber(a: number, b: number): number {
  return a - b;
}

function streamId(): string {
  return `case-${randomUUID()}`;
}
