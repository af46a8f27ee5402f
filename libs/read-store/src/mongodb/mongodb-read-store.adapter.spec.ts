import { Db, MongoClient, MongoServerSelectionError } from 'mongodb';
import { rejectionOf } from '@app/storage-kit/testing/rejection-of';
import { readStoreContract } from '../read-store.contract';
import { DocumentWrite, FindQuery, StoredDocument } from '../read-store.port';
import { ReadStoreUnavailableError } from '../read-store-unavailable.error';
import { MongoReadStore } from './mongodb-read-store.adapter';
import { UniqueIndexViolationError } from './mongodb-unique-check';
import { dropDatabase, scratchDatabaseName, storeOnScratchDatabase, whenMongoDbUrlIsSet } from './testing/scratch-database';

whenMongoDbUrlIsSet((url) => {
  readStoreContract('MongoDB', () => storeOnScratchDatabase(url, (database) => new MongoReadStore({ url, database })));

  describe('MongoReadStore', () => {
    let client: MongoClient;
    /** The test's database, to act behind the store's back. */
    let raw: Db;
    let database: string;
    let openStores: MongoReadStore[];

    const open = () => {
      const store = new MongoReadStore({ url, database });
      openStores.push(store);
      return store;
    };

    beforeAll(async () => {
      client = await new MongoClient(url).connect();
    });

    afterAll(async () => {
      await client?.close();
    });

    beforeEach(() => {
      database = scratchDatabaseName(url);
      raw = client.db(database);
      openStores = [];
    });

    afterEach(async () => {
      await Promise.all(openStores.map((store) => store.close()));
      await raw.dropDatabase();
    });

    describe('connection', () => {
      it('fails fast with ReadStoreUnavailableError naming the URL without its credentials', async () => {
        const store = new MongoReadStore({ url: 'mongodb://reader:s3cret@127.0.0.1:9/pqr?authSource=admin', serverSelectionTimeoutMS: 300 });
        openStores.push(store);
        const started = Date.now();

        const failure = await rejectionOf(store.connect());

        expect(Date.now() - started).toBeLessThan(3000);
        expect(failure).toBeInstanceOf(ReadStoreUnavailableError);
        expect((failure as Error).message).toContain('Cannot reach the MongoDB read store at mongodb://***@127.0.0.1:9/pqr?…');
        expect((failure as Error).message).not.toContain('s3cret');
        expect((failure as ReadStoreUnavailableError).cause).toBeInstanceOf(MongoServerSelectionError);
        await expect(store.get('cases', 'case-1')).rejects.toBeInstanceOf(ReadStoreUnavailableError);
      });
    });

    describe('storage layout', () => {
      it('keeps each document as { _id, position, data } in doc_<collection>, indexes on data.<field>, and checkpoints', async () => {
        const store = open();
        const indexes = [{ fields: ['status', 'dueAt'] }, { fields: ['filingNumber'], unique: true }];
        await store.ensureCollections([{ name: 'cases', indexes }]);
        await store.ensureCollections([{ name: 'cases', indexes }]);
        await store.commit('case-list', [write('cases', 'case-1', 3, { filingNumber: 'R-1', status: 'open' })], { version: 2, position: 3 });

        expect(await raw.collection('doc_cases').findOne({})).toEqual({ _id: 'case-1', position: 3, data: { filingNumber: 'R-1', status: 'open' } });
        expect(await raw.collection('checkpoints').findOne({})).toEqual({ _id: 'case-list', version: 2, position: 3, updatedAt: expect.any(String) });
        const listed = (await raw.collection('doc_cases').listIndexes().toArray()).map(({ name, key, unique }) => ({ name, key, unique }));
        expect(listed).toEqual(
          expect.arrayContaining([
            { name: 'idx:status,dueAt', key: { 'data.status': 1, 'data.dueAt': 1, _id: 1 }, unique: undefined },
            { name: 'uniq:filingNumber', key: { 'data.filingNumber': 1 }, unique: true },
          ]),
        );
        expect(listed).toHaveLength(3);
      });

      it('stores what JSON would: dates as ISO strings, undefined properties left out', async () => {
        const store = open();
        await store.ensureCollections([{ name: 'cases', indexes: [] }]);
        const data = { filedAt: new Date('2026-03-02T15:00:00Z'), note: undefined, nested: { gone: undefined, kept: 1 } };
        await store.commit('case-list', [write('cases', 'case-1', 1, data)], { version: 1, position: 1 });
        expect((await store.get('cases', 'case-1'))?.data).toEqual({ filedAt: '2026-03-02T15:00:00.000Z', nested: { kept: 1 } });
        await expect(store.commit('case-list', [write('cases', 'case-2', 2, { ratio: Number.NaN })], { version: 1, position: 2 })).rejects.toThrow('NaN');
      });

      it('keeps keys that MongoDB cannot take as field names (dots, a leading $) and reads them back as written', async () => {
        const store = open();
        await store.ensureCollections([{ name: 'summaries', indexes: [] }]);
        const data = { byBackoffice: { 'maria.rojas': 2, $root: 1, '100%': 3 } };
        await store.commit('queues', [write('summaries', 'summary', 1, data)], { version: 1, position: 1 });

        expect(await store.get('summaries', 'summary')).toEqual({ id: 'summary', position: 1, data });
        expect((await raw.collection('doc_summaries').findOne({}))?.data).toEqual({ byBackoffice: { 'maria%2Erojas': 2, '%24root': 1, '100%25': 3 } });
      });

      it('refuses undeclared collections; a new store knows the existing ones and their unique indexes', async () => {
        const first = open();
        await first.ensureCollections([{ name: 'cases', indexes: [{ fields: ['filingNumber'], unique: true }] }]);
        await first.commit('case-list', [write('cases', 'case-1', 1, { filingNumber: 'R-1' })], { version: 1, position: 1 });
        await expect(first.get('unknown', 'a')).rejects.toThrow('Unknown collection unknown: declare it with ensureCollections first');
        await expect(first.commit('p', [write('unknown', 'a', 1, {})], { version: 1, position: 1 })).rejects.toThrow('Unknown collection unknown');

        const second = open();
        expect(await second.get('cases', 'case-1')).toEqual({ id: 'case-1', position: 1, data: { filingNumber: 'R-1' } });
        const duplicate = second.commit('case-list', [write('cases', 'case-2', 2, { filingNumber: 'R-1' })], { version: 1, position: 2 });
        await expect(duplicate).rejects.toBeInstanceOf(UniqueIndexViolationError);
      });
    });

    describe('position guard without transactions', () => {
      it('a replayed batch changes nothing, and the rest of the batch is still applied', async () => {
        const store = open();
        await store.ensureCollections([{ name: 'cases', indexes: [] }]);
        const batch = [write('cases', 'a', 1, { v: 1 }), write('cases', 'b', 2, { v: 2 }), write('cases', 'c', 3, { v: 3 })];
        await store.commit('case-list', batch, { version: 1, position: 3 });
        await store.commit('case-list', [write('cases', 'b', 5, { v: 'newer' })], { version: 1, position: 5 });

        // As after a crash between the writes and the checkpoint: the same events again, then new ones.
        await store.commit('case-list', [...batch, write('cases', 'b', 4, { v: 'older' }), write('cases', 'd', 6, { v: 6 })], {
          version: 1,
          position: 6,
        });

        expect(sortById(await store.getMany('cases', ['a', 'b', 'c', 'd']))).toEqual([
          { id: 'a', position: 1, data: { v: 1 } },
          { id: 'b', position: 5, data: { v: 'newer' } },
          { id: 'c', position: 3, data: { v: 3 } },
          { id: 'd', position: 6, data: { v: 6 } },
        ]);
        expect(await store.getCheckpoint('case-list')).toEqual(expect.objectContaining({ position: 6 }));
      });

      it('ignores an upsert older than a document written behind its back', async () => {
        const store = open();
        await store.ensureCollections([{ name: 'cases', indexes: [] }]);
        await raw.collection('doc_cases').insertOne({ _id: 'a' as never, position: 10, data: { v: 'by another writer' } });
        await store.commit('case-list', [write('cases', 'a', 5, { v: 'older' }), write('cases', 'b', 6, { v: 6 })], { version: 1, position: 6 });
        expect(sortById(await store.getMany('cases', ['a', 'b']))).toEqual([
          { id: 'a', position: 10, data: { v: 'by another writer' } },
          { id: 'b', position: 6, data: { v: 6 } },
        ]);
      });
    });

    describe('unique indexes without transactions', () => {
      const ensure = (store: MongoReadStore) =>
        store.ensureCollections([
          { name: 'cases', indexes: [{ fields: ['filingNumber'], unique: true }] },
          { name: 'timelines', indexes: [] },
        ]);

      it('a duplicate of a stored value rejects the commit before anything is written, in any collection', async () => {
        const store = open();
        await ensure(store);
        await store.commit('p', [write('cases', 'case-1', 1, { filingNumber: 'R-1' })], { version: 1, position: 1 });

        const failing = store.commit('p', [write('timelines', 'case-2', 2, { entries: [] }), write('cases', 'case-2', 3, { filingNumber: 'R-1' })], {
          version: 1,
          position: 3,
        });

        await expect(failing).rejects.toThrow(
          new UniqueIndexViolationError('Duplicate value ["R-1"] in the unique index uniq:filingNumber of collection cases: documents case-1 and case-2'),
        );
        expect(await store.get('timelines', 'case-2')).toBeNull();
        expect(await store.count('cases')).toBe(1);
        expect(await store.getCheckpoint('p')).toEqual(expect.objectContaining({ position: 1 }));
      });

      it('two documents of one commit with the same value, or both without it (null, as MongoDB indexes it), write nothing', async () => {
        const store = open();
        await ensure(store);
        await store.commit('p', [write('cases', 'case-0', 1, {})], { version: 1, position: 1 });

        const sameValue = store.commit('p', [write('cases', 'case-1', 2, { filingNumber: 'R-1' }), write('cases', 'case-2', 3, { filingNumber: 'R-1' })], {
          version: 1,
          position: 3,
        });
        await expect(sameValue).rejects.toThrow('documents case-1 and case-2');
        const bothWithout = store.commit('p', [write('cases', 'case-3', 4, { filingNumber: null })], { version: 1, position: 4 });
        await expect(bothWithout).rejects.toThrow(
          'Duplicate value [null] in the unique index uniq:filingNumber of collection cases: documents case-0 and case-3',
        );

        expect(await store.count('cases')).toBe(1);
        expect(await store.getCheckpoint('p')).toEqual(expect.objectContaining({ position: 1 }));
      });

      it('a duplicate arising midway fails the commit, checkpoint unsaved; each other write is applied or not; a rerun converges', async () => {
        const store = open();
        await ensure(store);
        const before = { id: 'case-a', position: 1, data: { filingNumber: 'R-1' } };
        await store.commit('p', [write('cases', before.id, before.position, before.data)], { version: 1, position: 1 });

        // The end state is valid (b takes R-1, a moves to R-9), but b comes first and collides with a.
        const handOver = [write('cases', 'case-b', 2, { filingNumber: 'R-1' }), write('cases', 'case-a', 3, { filingNumber: 'R-9' })];
        const failure = await rejectionOf(store.commit('p', handOver, { version: 1, position: 3 }));

        expect(failure).toBeInstanceOf(UniqueIndexViolationError);
        expect((failure as Error).message).toMatch(/^Duplicate key in collection cases: E11000 duplicate key error/);
        expect(await store.getCheckpoint('p')).toEqual(expect.objectContaining({ position: 1 }));
        expect(await store.get('cases', 'case-b')).toBeNull();
        // MongoDB goes on with an unordered batch after an error; FerretDB 1.x stops at it.
        expect([before, { id: 'case-a', position: 3, data: { filingNumber: 'R-9' } }]).toContainEqual(await store.get('cases', 'case-a'));

        await store.commit('p', [handOver[1]], { version: 1, position: 3 });
        await store.commit('p', handOver, { version: 1, position: 3 });
        expect(sortById(await store.getMany('cases', ['case-a', 'case-b']))).toEqual([
          { id: 'case-a', position: 3, data: { filingNumber: 'R-9' } },
          { id: 'case-b', position: 2, data: { filingNumber: 'R-1' } },
        ]);
        expect(await store.getCheckpoint('p')).toEqual(expect.objectContaining({ position: 3 }));
      });
    });

    describe('paging over values of several types', () => {
      const seed = async (store: MongoReadStore, values: Record<string, unknown>) => {
        await store.ensureCollections([{ name: 'mixed', indexes: [{ fields: ['code'] }] }]);
        const writes = Object.entries(values).map(([id, code], index) => write('mixed', id, index + 1, code === undefined ? {} : { code }));
        await store.commit('p', writes, { version: 1, position: writes.length });
      };

      const visitAll = async (store: MongoReadStore, query: Omit<FindQuery, 'cursor'>) => {
        const visited: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store.find('mixed', { ...query, cursor });
          visited.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor && visited.length < 100);
        return visited;
      };

      it('visits missing and null, then numbers, then strings (by UTF-8 bytes), each once, in both directions', async () => {
        const store = open();
        await seed(store, { n1: 10, s1: 'b', m1: undefined, n2: -2.5, z1: null, s2: '😀', n3: 10, s3: '～', m2: undefined, s4: '10', n4: 0 });
        const ascending = ['m1', 'm2', 'z1', 'n2', 'n4', 'n1', 'n3', 's4', 's1', 's3', 's2'];
        const descending = ['s2', 's3', 's1', 's4', 'n1', 'n3', 'n4', 'n2', 'm1', 'm2', 'z1'];
        for (const limit of [1, 2, 3]) {
          expect(await visitAll(store, { sort: [{ field: 'code', direction: 'asc' }], limit })).toEqual(ascending);
          expect(await visitAll(store, { sort: [{ field: 'code', direction: 'desc' }], limit })).toEqual(descending);
        }
      });

      it('cannot give a cursor after a page that ends on a boolean', async () => {
        const store = open();
        await seed(store, { a: true, b: false, c: true });
        expect((await store.find('mixed', { sort: [{ field: 'code', direction: 'asc' }], limit: 3 })).items).toHaveLength(3);
        await expect(store.find('mixed', { sort: [{ field: 'code', direction: 'asc' }], limit: 1 })).rejects.toThrow(
          'Cannot page on code: document b holds false there; sort fields must hold strings or numbers',
        );
      });
    });
  });
});

function write(collection: string, id: string, position: number, data: Record<string, unknown> | null): DocumentWrite {
  return { collection, id, position, data };
}

function sortById(documents: StoredDocument[]): StoredDocument[] {
  return [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
