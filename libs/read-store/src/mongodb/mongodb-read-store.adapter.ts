import { Db, MongoClient, MongoServerError } from 'mongodb';
import { validateFilters, validateFindQuery } from '../find-query';
import { decodeCursor, encodeCursor, queryFingerprint } from '../page-cursor';
import { assertNonEmptyString, assertNonNegativeInteger } from '../read-store-input';
import { ReadStoreUnavailableError } from '../read-store-unavailable.error';
import {
  CollectionSpec,
  DocumentWrite,
  Filter,
  FindQuery,
  Page,
  ProjectionCheckpoint,
  ReadStore,
  StoredDocument,
} from '../read-store.port';
import { MongoCollectionCatalog } from './mongodb-collection-catalog';
import { CHECKPOINTS_COLLECTION, MongoCheckpoint, MongoDocument, mongoCollectionName, toStoredDocument } from './mongodb-document';
import { applyDocumentWrites } from './mongodb-document-writer';
import { allOf, filterOf } from './mongodb-filter';
import { indexDescriptions } from './mongodb-indexes';
import { cursorValuesOf, keysetAfter, sortOf } from './mongodb-page-query';
import { asUnavailableWhenUnreachable } from './mongodb-unavailable';
import { databaseFromUrl, redactMongoUrl } from '@app/storage-kit/mongodb';
import { prepareWrite } from './mongodb-write-rounds';

export interface MongoReadStoreOptions {
  /** A `mongodb://` or `mongodb+srv://` connection string. */
  url: string;
  /** Default: the database the URL names, else `pqr`. */
  database?: string;
  /** How long to look for a usable server before a call fails as unavailable. Default 5000 ms. */
  serverSelectionTimeoutMS?: number;
  /** A client shared with the key store (one per URL); its owner closes it, not `close()`. */
  client?: MongoClient;
}

const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5000;
const NAMESPACE_EXISTS = 48;

/**
 * The read store on MongoDB: one collection per read-store collection (`doc_<name>`, documents
 * `{ _id, position, data }`, secondary indexes on `data.<field>`) and a `checkpoints` collection.
 *
 * Needs no transactions, change streams or ordered batches, so it also runs on FerretDB 1.x. A
 * commit writes the documents (position-guarded, so replays are harmless), then the checkpoint;
 * see `applyDocumentWrites` for what a commit failing midway leaves behind.
 */
export class MongoReadStore implements ReadStore {
  private readonly client: MongoClient;
  private readonly ownsClient: boolean;
  private readonly databaseName: string;
  /** The URL as messages show it. */
  private readonly endpoint: string;
  private readonly catalog = new MongoCollectionCatalog();
  private connecting?: Promise<Db>;
  private closed = false;

  constructor(options: MongoReadStoreOptions) {
    if (typeof options?.url !== 'string') throw new TypeError('url must be a mongodb:// connection string');
    this.databaseName = options.database ?? databaseFromUrl(options.url);
    assertNonEmptyString(this.databaseName, 'database');
    this.endpoint = redactMongoUrl(options.url);
    this.ownsClient = !options.client;
    this.client = options.client ?? new MongoClient(options.url, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS,
      appName: 'pqr-read-store',
    });
  }

  /**
   * Connects and learns the existing collections; fails with ReadStoreUnavailableError naming the
   * URL (without credentials) when no server answers in time. Optional: every call connects first.
   */
  async connect(): Promise<void> {
    await this.database();
  }

  async ensureCollections(specs: CollectionSpec[]): Promise<void> {
    if (!Array.isArray(specs)) throw new TypeError('specs must be an array of collection specs');
    const indexes = specs.map(indexDescriptions);
    await this.run('ensureCollections', async (db) => {
      for (const [index, spec] of specs.entries()) {
        const name = mongoCollectionName(spec.name);
        // Also when it has no index: listCollections is how a restarted store knows the collection.
        await createCollectionIfMissing(db, name);
        // One index per call: FerretDB 1.24 panics on a createIndexes naming two that exist already.
        for (const description of indexes[index]) await db.collection(name).createIndexes([description]);
        this.catalog.declared(spec.name);
      }
    });
  }

  async get<T extends object = Record<string, unknown>>(collection: string, id: string): Promise<StoredDocument<T> | null> {
    assertNonEmptyString(id, 'id');
    return this.run('get', async (db) => {
      const document = await this.documents(db, collection).findOne({ _id: id });
      return document ? toStoredDocument<T>(document) : null;
    });
  }

  async getMany<T extends object = Record<string, unknown>>(collection: string, ids: string[]): Promise<StoredDocument<T>[]> {
    if (!Array.isArray(ids)) throw new TypeError('ids must be an array');
    ids.forEach((id, index) => assertNonEmptyString(id, `ids[${index}]`));
    return this.run('getMany', async (db) => {
      const documents = this.documents(db, collection);
      if (ids.length === 0) return [];
      return (await documents.find({ _id: { $in: ids } }).toArray()).map((document) => toStoredDocument<T>(document));
    });
  }

  async find<T extends object = Record<string, unknown>>(collection: string, query: FindQuery): Promise<Page<T>> {
    const { where, order, limit, cursor } = validateFindQuery(query);
    const fingerprint = queryFingerprint(collection, where, order);
    const after = cursor === undefined ? undefined : decodeCursor(cursor, fingerprint, order);
    const filter = allOf([filterOf(where), ...(after ? [keysetAfter(order, after)] : [])]);
    return this.run('find', async (db) => {
      const documents = await this.documents(db, collection).find(filter).sort(sortOf(order)).limit(limit + 1).toArray();
      const items = documents.slice(0, limit);
      const nextCursor = documents.length > limit ? encodeCursor(fingerprint, cursorValuesOf(items[items.length - 1], order)) : null;
      return { items: items.map((document) => toStoredDocument<T>(document)), nextCursor };
    });
  }

  async count(collection: string, where?: Filter[]): Promise<number> {
    const filter = filterOf(validateFilters(where));
    return this.run('count', (db) => this.documents(db, collection).countDocuments(filter));
  }

  async commit(projection: string, writes: DocumentWrite[], checkpoint: { version: number; position: number }): Promise<void> {
    assertNonEmptyString(projection, 'projection');
    if (typeof checkpoint !== 'object' || checkpoint === null) throw new TypeError('checkpoint must be an object');
    assertNonNegativeInteger(checkpoint.version, 'checkpoint.version');
    assertNonNegativeInteger(checkpoint.position, 'checkpoint.position');
    if (!Array.isArray(writes)) throw new TypeError('writes must be an array');
    const prepared = writes.map((write, index) => prepareWrite(write, `writes[${index}]`));
    await this.run(`Commit of projection ${projection}`, async (db) => {
      await applyDocumentWrites(db, this.catalog, prepared);
      const { version, position } = checkpoint;
      const updatedAt = new Date().toISOString();
      await this.checkpoints(db).updateOne({ _id: projection }, { $set: { version, position, updatedAt } }, { upsert: true });
    });
  }

  async getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    assertNonEmptyString(projection, 'projection');
    return this.run('getCheckpoint', async (db) => {
      const checkpoint = await this.checkpoints(db).findOne({ _id: projection });
      return checkpoint ? toCheckpoint(checkpoint) : null;
    });
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    return this.run('listCheckpoints', async (db) => (await this.checkpoints(db).find().sort({ _id: 1 }).toArray()).map(toCheckpoint));
  }

  /**
   * Not atomic. The checkpoint goes back to position 0 first, so that a reset interrupted midway
   * still makes the projector start over (and reset again if the version changed), instead of
   * going on from its old position over emptied collections.
   */
  async reset(projection: string, collections: string[]): Promise<void> {
    assertNonEmptyString(projection, 'projection');
    if (!Array.isArray(collections)) throw new TypeError('collections must be an array');
    await this.run(`Reset of projection ${projection}`, async (db) => {
      const targets = collections.map((collection) => this.documents(db, collection));
      await this.checkpoints(db).updateOne({ _id: projection }, { $set: { position: 0 } });
      for (const target of targets) await target.deleteMany({});
      await this.checkpoints(db).deleteOne({ _id: projection });
    });
  }

  /**
   * Keeps the indexes: whether dropping them and building them again after a rebuild pays on
   * MongoDB has not been measured (no MongoDB runs here, and FerretDB's indexes behave otherwise).
   */
  async deferIndexes(collections: string[]): Promise<void> {
    if (!Array.isArray(collections)) throw new TypeError('collections must be an array');
    await this.run('deferIndexes', async () => collections.forEach((collection) => this.catalog.mongoName(collection)));
  }

  /** WiredTiger reuses the space of deleted documents; what stays on disk or in backups is an operations matter (ADR 10). */
  async purgeDeletedData(): Promise<void> {
    await this.run('purgeDeletedData', async () => undefined);
  }

  async ping(): Promise<void> {
    await this.run('ping', async (db) => {
      await db.command({ ping: 1 });
    });
  }

  /** Idempotent; afterwards every call fails with ReadStoreUnavailableError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsClient) await this.client.close();
  }

  private documents(db: Db, collection: string) {
    return db.collection<MongoDocument>(this.catalog.mongoName(collection));
  }

  private checkpoints(db: Db) {
    return db.collection<MongoCheckpoint>(CHECKPOINTS_COLLECTION);
  }

  private async run<T>(operation: string, work: (db: Db) => Promise<T>): Promise<T> {
    const db = await this.database();
    try {
      return await work(db);
    } catch (error) {
      throw asUnavailableWhenUnreachable(error, `${operation} failed on the MongoDB read store at ${this.endpoint}`);
    }
  }

  /** Connects once; a failed attempt is forgotten, so the next call tries again. */
  private database(): Promise<Db> {
    if (this.closed) return Promise.reject(new ReadStoreUnavailableError('The read store is closed'));
    this.connecting ??= this.open().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async open(): Promise<Db> {
    try {
      await this.client.connect();
      const db = this.client.db(this.databaseName);
      await this.catalog.load(db);
      return db;
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new ReadStoreUnavailableError(`Cannot reach the MongoDB read store at ${this.endpoint}: ${cause}`, error);
    }
  }
}

async function createCollectionIfMissing(db: Db, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
  }
}

function toCheckpoint({ _id, version, position, updatedAt }: MongoCheckpoint): ProjectionCheckpoint {
  return { projection: _id, version, position, updatedAt };
}
