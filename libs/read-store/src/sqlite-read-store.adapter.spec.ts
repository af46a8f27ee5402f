import Database from 'better-sqlite3';
import { rejectionOf } from '@app/storage-kit/testing/rejection-of';
import { readStoreContract } from './read-store.contract';
import { DocumentWrite, FindQuery } from './read-store.port';
import { ReadStoreUnavailableError } from './read-store-unavailable.error';
import { SqliteReadStore, SqliteReadStoreOptions } from './sqlite-read-store.adapter';
import { READ_STORE_PAGE_SIZE } from './sqlite-read-database';
import { createTempDatabase } from './testing/temp-database';

readStoreContract('SQLite in memory', async () => ({ store: new SqliteReadStore({ filename: ':memory:' }) }));

readStoreContract('SQLite file', async () => {
  const database = createTempDatabase();
  const store = new SqliteReadStore({ filename: database.filename });
  return {
    store,
    teardown: async () => {
      await store.close();
      database.remove();
    },
  };
});

describe('SqliteReadStore', () => {
  let database: ReturnType<typeof createTempDatabase>;
  let openStores: SqliteReadStore[];
  let openConnections: Database.Database[];

  const open = (options: Partial<SqliteReadStoreOptions> = {}) => {
    const store = new SqliteReadStore({ filename: database.filename, ...options });
    openStores.push(store);
    return store;
  };

  /** A second, raw connection to the same file, to act behind the store's back. */
  const connect = () => {
    const connection = new Database(database.filename);
    openConnections.push(connection);
    return connection;
  };

  beforeEach(() => {
    database = createTempDatabase();
    openStores = [];
    openConnections = [];
  });

  afterEach(async () => {
    await Promise.all(openStores.map((store) => store.close()));
    openConnections.forEach((connection) => connection.close());
    database.remove();
  });

  describe('persistence', () => {
    it('keeps documents, checkpoints, collections and unique indexes across close and reopen', async () => {
      const first = open();
      await first.ensureCollections([{ name: 'cases', indexes: [{ fields: ['radicado'], unique: true }] }]);
      await first.commit('case-list', [write('cases', 'case-1', 3, { radicado: 'R-1', city: 'Bogotá ñ' })], { version: 2, position: 3 });
      await first.close();

      const reopened = open();
      expect(await reopened.get('cases', 'case-1')).toEqual({ id: 'case-1', position: 3, data: { radicado: 'R-1', city: 'Bogotá ñ' } });
      expect(await reopened.getCheckpoint('case-list')).toEqual(expect.objectContaining({ version: 2, position: 3 }));
      // Known without ensureCollections, and its unique index still holds.
      const duplicate = reopened.commit('case-list', [write('cases', 'case-2', 4, { radicado: 'R-1' })], { version: 2, position: 4 });
      await expect(duplicate).rejects.toThrow(/UNIQUE/);
    });

    it('uses WAL on a file', async () => {
      open();
      expect(connect().pragma('journal_mode', { simple: true })).toBe('wal');
    });

    it('creates a new file with 16 KiB pages, and opens a file made with other pages as it is', async () => {
      open();
      expect(connect().pragma('page_size', { simple: true })).toBe(READ_STORE_PAGE_SIZE);

      const older = createTempDatabase();
      try {
        const raw = new Database(older.filename);
        raw.pragma('journal_mode = WAL');
        raw.close();
        const store = new SqliteReadStore({ filename: older.filename });
        await store.ensureCollections([{ name: 'cases', indexes: [] }]);
        await store.commit('case-list', [write('cases', 'case-1', 1, { v: 1 })], { version: 1, position: 1 });
        await store.close();
        const check = new Database(older.filename);
        expect(check.pragma('page_size', { simple: true })).toBe(4096);
        check.close();
      } finally {
        older.remove();
      }
    });
  });

  describe('query plans', () => {
    const openQueue = async () => {
      const store = open();
      const indexes = [{ fields: ['status', 'dueAt'] }, { fields: ['radicado'], unique: true }];
      await store.ensureCollections([{ name: 'queue', indexes }]);
      const statuses = ['open', 'answered', 'closed', 'suspended'];
      const writes = Array.from({ length: 2000 }, (_, index) =>
        write('queue', `case-${index}`, index + 1, {
          status: statuses[index % statuses.length],
          radicado: `R-${index}`,
          ...(index % 10 === 0 ? {} : { dueAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString() }),
        }),
      );
      await store.commit('queue-projection', writes, { version: 1, position: writes.length });
      return store;
    };

    /** Every statement of every page, followed to the end of the listing. */
    const explainAllPages = async (store: SqliteReadStore, query: FindQuery) => {
      const statements: { sql: string; plan: string[] }[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        statements.push(...(await store.explainFind('queue', { ...query, cursor })));
        cursor = (await store.find('queue', { ...query, cursor })).nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      return { statements, pages };
    };

    it.each(['asc', 'desc'] as const)(
      'an equality filter sorted %s by the second field of a compound index seeks the index and never sorts, on every page',
      async (direction) => {
        const store = await openQueue();
        const query: FindQuery = {
          where: [{ field: 'status', op: 'eq', value: 'open' }],
          sort: [{ field: 'dueAt', direction }],
          limit: 20,
        };
        const { statements, pages } = await explainAllPages(store, query);

        expect(pages).toBe(25);
        // One step each: an index seek, and no "USE TEMP B-TREE FOR ORDER BY". Ties included: the
        // 100 open cases without dueAt form one group the pages walk through.
        for (const { sql, plan } of statements) {
          const indexSeek = expect.stringMatching(/^SEARCH doc_queue USING INDEX idx:queue:status,dueAt \(ix:status=\?/);
          expect({ sql, plan }).toEqual({ sql, plan: [indexSeek] });
        }
      },
    );

    it('looks a unique value up through its index', async () => {
      const store = await openQueue();
      const query: FindQuery = { where: [{ field: 'radicado', op: 'eq', value: 'R-7' }], limit: 1 };
      const statements = await store.explainFind('queue', query);
      expect(statements.map((statement) => statement.plan)).toEqual([['SEARCH doc_queue USING INDEX uniq:queue:radicado (ix:radicado=?)']]);
      expect((await store.find('queue', query)).items.map((item) => item.id)).toEqual(['case-7']);
    });
  });

  describe('deferred indexes (a rebuild loads without them)', () => {
    const radicadoLookup: FindQuery = { where: [{ field: 'radicado', op: 'eq', value: 'R-1' }], limit: 1 };
    const planOf = async (store: SqliteReadStore) => (await store.explainFind('cases', radicadoLookup)).map((statement) => statement.plan);
    const openCases = async () => {
      const store = open();
      await store.ensureCollections([{ name: 'cases', indexes: [{ fields: ['radicado'], unique: true }, { fields: ['status', 'dueAt'] }] }]);
      return store;
    };

    it('drops the secondary indexes, keeps the primary key, and ensureCollections builds them over what was loaded', async () => {
      const store = await openCases();
      await store.deferIndexes(['cases']);
      expect(await planOf(store)).toEqual([['SCAN doc_cases USING INDEX sqlite_autoindex_doc_cases_1']]);
      await store.commit('cases-projection', [write('cases', 'case-1', 1, { radicado: 'R-1' }), write('cases', 'case-1', 2, { radicado: 'R-1', status: 'open' })], {
        version: 1,
        position: 2,
      });

      await store.ensureCollections([{ name: 'cases', indexes: [{ fields: ['radicado'], unique: true }, { fields: ['status', 'dueAt'] }] }]);

      expect(await planOf(store)).toEqual([['SEARCH doc_cases USING INDEX uniq:cases:radicado (ix:radicado=?)']]);
      expect((await store.find('cases', radicadoLookup)).items).toEqual([{ id: 'case-1', position: 2, data: { radicado: 'R-1', status: 'open' } }]);
    });

    it('checks a unique index when it is built again: duplicates loaded meanwhile make ensureCollections fail, not silently pass', async () => {
      const store = await openCases();
      await store.deferIndexes(['cases']);
      await store.commit('cases-projection', [write('cases', 'case-1', 1, { radicado: 'R-1' }), write('cases', 'case-2', 2, { radicado: 'R-1' })], { version: 1, position: 2 });

      const rebuilt = store.ensureCollections([{ name: 'cases', indexes: [{ fields: ['radicado'], unique: true }] }]);

      await expect(rebuilt).rejects.toThrow(/UNIQUE/);
      await expect(rebuilt).rejects.not.toBeInstanceOf(ReadStoreUnavailableError);
    });

    it('leaves the other collections indexed', async () => {
      const store = await openCases();
      await store.ensureCollections([{ name: 'other', indexes: [{ fields: ['radicado'], unique: true }] }]);
      await store.deferIndexes(['cases']);
      const plans = (await store.explainFind('other', radicadoLookup)).map((statement) => statement.plan);
      expect(plans).toEqual([['SEARCH doc_other USING INDEX uniq:other:radicado (ix:radicado=?)']]);
    });
  });

  describe('indexed fields kept in columns (ADR 19)', () => {
    const statusIndex = [{ name: 'cases', indexes: [{ fields: ['status', 'dueAt'] }] }];
    const openCases = { where: [{ field: 'status', op: 'eq' as const, value: 'open' }], sort: [{ field: 'dueAt', direction: 'asc' as const }], limit: 10 };

    it('upgrades a table indexed over the JSON: adds the columns filled from its documents, and indexes them instead', async () => {
      const old = connect();
      old.exec(`
        CREATE TABLE "doc_cases" (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
        CREATE INDEX "idx:cases:status,dueAt" ON "doc_cases" (ifnull(json_extract(data, '$.status'), -9e999), ifnull(json_extract(data, '$.dueAt'), -9e999), id);
        INSERT INTO "doc_cases" VALUES ('case-1', 1, '{"status":"open","dueAt":"2026-01-02"}'), ('case-2', 2, '{"status":"closed"}');`);
      const store = open();

      await store.ensureCollections(statusIndex);

      expect((await store.find('cases', openCases)).items.map(({ id }) => id)).toEqual(['case-1']);
      expect(await store.explainFind('cases', openCases)).toEqual([expect.objectContaining({ plan: ['SEARCH doc_cases USING INDEX idx:cases:status,dueAt (ix:status=?)'] })]);
      const indexes = old.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'doc_cases' AND sql IS NOT NULL").pluck().all();
      expect(indexes).toEqual(['CREATE INDEX "idx:cases:status,dueAt" ON "doc_cases" ("ix:status", "ix:dueAt", id)']);
    });

    it('fills the columns another connection added since this one last wrote', async () => {
      const writer = open();
      await writer.ensureCollections([{ name: 'cases', indexes: [] }]);
      await writer.commit('cases-projection', [write('cases', 'case-1', 1, { status: 'open' })], { version: 1, position: 1 });
      const reader = open();

      await reader.ensureCollections(statusIndex);
      await writer.commit('cases-projection', [write('cases', 'case-2', 2, { status: 'open' }), write('cases', 'case-1', 3, { status: 'closed' })], { version: 1, position: 3 });

      expect((await reader.find('cases', openCases)).items.map(({ id }) => id)).toEqual(['case-2']);
    });

    it('keeps filling a column after its index is no longer declared, so declaring it again finds every document', async () => {
      const store = open();
      await store.ensureCollections(statusIndex);
      await store.ensureCollections([{ name: 'cases', indexes: [] }]);
      await store.commit('cases-projection', [write('cases', 'case-1', 1, { status: 'open' })], { version: 1, position: 1 });

      await store.ensureCollections(statusIndex);

      expect((await store.find('cases', openCases)).items.map(({ id }) => id)).toEqual(['case-1']);
    });
  });

  describe('atomicity', () => {
    it('a commit failing on a collection that was not ensured writes neither its documents nor its checkpoint', async () => {
      const store = open();
      await store.ensureCollections([{ name: 'cases', indexes: [] }]);
      await store.commit('case-list', [write('cases', 'case-1', 1, { v: 1 })], { version: 1, position: 1 });

      const failing = store.commit('case-list', [write('cases', 'case-2', 2, { v: 2 }), write('not-ensured', 'x', 3, { v: 3 })], {
        version: 1,
        position: 3,
      });
      await expect(failing).rejects.toThrow('Unknown collection not-ensured: declare it with ensureCollections first');
      expect(await store.get('cases', 'case-2')).toBeNull();
      expect(await store.getCheckpoint('case-list')).toEqual(expect.objectContaining({ position: 1 }));
    });

    it('a commit failing midway in SQLite rolls back the writes already made and the checkpoint', async () => {
      const store = open();
      await store.ensureCollections([{ name: 'cases', indexes: [] }]);
      await store.commit('case-list', [write('cases', 'case-1', 1, { v: 1 })], { version: 1, position: 1 });
      connect().exec(`
        CREATE TRIGGER poison BEFORE INSERT ON "doc_cases" WHEN NEW.id = 'poison'
        BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);

      const failing = store.commit(
        'case-list',
        [write('cases', 'case-1', 2, { v: 'updated' }), write('cases', 'case-2', 3, { v: 2 }), write('cases', 'poison', 4, {})],
        { version: 1, position: 4 },
      );
      await expect(failing).rejects.toThrow('poisoned');
      expect(await store.getMany('cases', ['case-1', 'case-2'])).toEqual([{ id: 'case-1', position: 1, data: { v: 1 } }]);
      expect(await store.getCheckpoint('case-list')).toEqual(expect.objectContaining({ position: 1 }));
    });

    it('a document JSON cannot represent, after others already written, fails the commit as a TypeError naming it and rolls it all back', async () => {
      const store = open();
      await store.ensureCollections([{ name: 'cases', indexes: [] }]);
      await store.commit('case-list', [write('cases', 'case-1', 1, { v: 1 })], { version: 1, position: 1 });

      const failing = store.commit('case-list', [write('cases', 'case-1', 2, { v: 'updated' }), write('cases', 'case-2', 3, { average: Number.NaN })], {
        version: 1,
        position: 3,
      });
      await expect(failing).rejects.toThrow(new TypeError('writes[1]: data cannot be serialized to JSON: property "average" is NaN, which JSON cannot represent'));
      await expect(failing).rejects.not.toBeInstanceOf(ReadStoreUnavailableError);
      expect(await store.getMany('cases', ['case-1', 'case-2'])).toEqual([{ id: 'case-1', position: 1, data: { v: 1 } }]);
      expect(await store.getCheckpoint('case-list')).toEqual(expect.objectContaining({ position: 1 }));
    });
  });

  describe('availability', () => {
    it('reports a write lock held by another connection as ReadStoreUnavailableError', async () => {
      const store = open({ busyTimeoutMs: 0 });
      await store.ensureCollections([{ name: 'cases', indexes: [] }]);
      const other = connect();
      other.exec('BEGIN IMMEDIATE');
      try {
        const failure = await rejectionOf(store.commit('case-list', [write('cases', 'case-1', 1, {})], { version: 1, position: 1 }));
        expect(failure).toBeInstanceOf(ReadStoreUnavailableError);
        expect((failure as ReadStoreUnavailableError).cause).toEqual(expect.objectContaining({ code: 'SQLITE_BUSY' }));
      } finally {
        other.exec('ROLLBACK');
      }
      await expect(store.commit('case-list', [write('cases', 'case-1', 1, {})], { version: 1, position: 1 })).resolves.toBeUndefined();
    });
  });

  describe('input checks', () => {
    let store: SqliteReadStore;

    beforeEach(async () => {
      store = new SqliteReadStore({ filename: ':memory:' });
      openStores.push(store);
      await store.ensureCollections([{ name: 'cases', indexes: [] }]);
    });

    const invalidCollectionNames = ['', 'with space', 'quote"d', "semi;colon'", 'dot.ted', 'ñandú', 'x'.repeat(65)];

    it.each(invalidCollectionNames)('rejects the collection name %j', async (name) => {
      await expect(store.ensureCollections([{ name, indexes: [] }])).rejects.toThrow('Invalid collection name');
      await expect(store.get(name, 'case-1')).rejects.toThrow('Invalid collection name');
    });

    it('accepts letters, digits, underscores and dashes in collection names', async () => {
      await store.ensureCollections([{ name: 'Case_List-2', indexes: [{ fields: ['status'] }] }]);
      await store.commit('p', [write('Case_List-2', 'a', 1, { status: 'open' })], { version: 1, position: 1 });
      expect(await store.count('Case_List-2', [{ field: 'status', op: 'eq', value: 'open' }])).toBe(1);
    });

    it('refuses reads and writes on a collection that was not ensured', async () => {
      await expect(store.get('unknown', 'a')).rejects.toThrow('Unknown collection unknown');
      await expect(store.find('unknown', { limit: 1 })).rejects.toThrow('Unknown collection unknown');
      await expect(store.reset('p', ['unknown'])).rejects.toThrow('Unknown collection unknown');
    });

    const invalidFields = ["status'", 'a..b', '1st', 'owner.', '$.x', 'a b', 'a[0]', ''];

    it.each(invalidFields)('rejects the field %j in indexes, filters and sorts', async (field) => {
      await expect(store.ensureCollections([{ name: 'other', indexes: [{ fields: [field] }] }])).rejects.toThrow(TypeError);
      await expect(store.find('cases', { where: [{ field, op: 'eq', value: 1 }], limit: 1 })).rejects.toThrow(TypeError);
      await expect(store.find('cases', { sort: [{ field, direction: 'asc' }], limit: 1 })).rejects.toThrow(TypeError);
      await expect(store.count('cases', [{ field, op: 'eq', value: 1 }])).rejects.toThrow(TypeError);
    });

    it('rejects malformed filters and sorts', async () => {
      const find = (query: unknown) => store.find('cases', query as FindQuery);
      await expect(find({ where: [{ field: 'a', op: 'like', value: 'x' }], limit: 1 })).rejects.toThrow('unknown operator');
      await expect(find({ where: [{ field: 'a', op: 'in', value: 'x' }], limit: 1 })).rejects.toThrow("'in' takes an array");
      await expect(find({ where: [{ field: 'a', op: 'gt', value: null }], limit: 1 })).rejects.toThrow("'gt' takes a string or a finite number");
      await expect(find({ where: [{ field: 'a', op: 'eq', value: { nested: 1 } }], limit: 1 })).rejects.toThrow(TypeError);
      await expect(find({ where: [{ field: 'a', op: 'eq', value: Number.NaN }], limit: 1 })).rejects.toThrow(TypeError);
      await expect(find({ sort: [{ field: 'a', direction: 'up' }], limit: 1 })).rejects.toThrow("direction must be 'asc' or 'desc'");
      const twice = [
        { field: 'a', direction: 'asc' },
        { field: 'a', direction: 'desc' },
      ];
      await expect(find({ sort: twice, limit: 1 })).rejects.toThrow('twice');
    });

    it('rejects writes that cannot be stored faithfully, before writing anything', async () => {
      const commit = (writes: unknown[]) => store.commit('p', writes as DocumentWrite[], { version: 1, position: 1 });
      await expect(commit([write('cases', 'a', 1, { v: 1 }), write('cases', 'b', 1, { v: Number.NaN })])).rejects.toThrow('NaN');
      await expect(commit([{ collection: 'cases', id: '', position: 1, data: {} }])).rejects.toThrow('id must be a non-empty string');
      await expect(commit([{ collection: 'cases', id: 'a', position: -1, data: {} }])).rejects.toThrow(RangeError);
      await expect(commit([{ collection: 'cases', id: 'a', position: 1, data: [1] }])).rejects.toThrow('plain JSON object');
      await expect(store.commit('p', [], { version: 1.5, position: 1 })).rejects.toThrow(RangeError);
      expect(await store.get('cases', 'a')).toBeNull();
      expect(await store.getCheckpoint('p')).toBeNull();
    });
  });
});

function write(collection: string, id: string, position: number, data: Record<string, unknown> | null): DocumentWrite {
  return { collection, id, position, data };
}

