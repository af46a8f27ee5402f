import { Binary, Collection, MongoClient, MongoServerError } from 'mongodb';
import { randomBytes, randomUUID } from 'node:crypto';
import { databaseFromUrl } from '@app/storage-kit/mongodb';
import { DATA_KEY_BYTES, DataKey, KeyStore, KeyStoreUnavailableError } from '../key-store.port';

export interface MongoKeyStoreOptions {
  url: string;
  /** Defaults to the database named in the URL. */
  database?: string;
  serverSelectionTimeoutMS?: number;
  /** A client shared with the read store (one per URL); its owner closes it, not `close()`. */
  client?: MongoClient;
}

interface KeyDocument {
  _id: string;
  petitionerId: string;
  key: Binary;
}

export const PETITIONER_KEYS_COLLECTION = 'petitioner_keys';
const DUPLICATE_KEY = 11000;

/**
 * The production key store: one document per petitioner in `petitioner_keys` (unique on
 * petitionerId), in the MongoDB database of the read models but outside any projection, so that no
 * rebuild drops it. Destroying deletes the document; what MongoDB keeps of deleted documents on
 * disk and in backups is an operations matter (docs/adr/0010-crypto-shredding.md).
 */
export class MongoKeyStore implements KeyStore {
  private readonly client: MongoClient;
  private readonly ownsClient: boolean;
  private ready?: Promise<Collection<KeyDocument>>;

  constructor(private readonly options: MongoKeyStoreOptions) {
    this.ownsClient = !options.client;
    this.client = options.client ?? new MongoClient(options.url, { serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000 });
  }

  async connect(): Promise<void> {
    await this.collection();
  }

  async keyFor(petitionerId: string): Promise<DataKey> {
    return this.run('Reading a petitioner key', async (keys) => {
      const fresh: KeyDocument = { _id: randomUUID(), petitionerId, key: new Binary(randomBytes(DATA_KEY_BYTES)) };
      try {
        await keys.updateOne({ petitionerId }, { $setOnInsert: fresh }, { upsert: true });
      } catch (error) {
        // Two first uses at once: the unique index lets one insert; the other reads it below.
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      }
      const found = await keys.findOne({ petitionerId });
      if (!found) throw new Error(`The key of petitioner ${petitionerId} vanished while it was created`);
      return toKey(found);
    });
  }

  async findKeys(keyIds: readonly string[]): Promise<Map<string, DataKey>> {
    const unique = [...new Set(keyIds)];
    const found = new Map<string, DataKey>();
    if (unique.length === 0) return found;
    return this.run('Reading keys', async (keys) => {
      for (const document of await keys.find({ _id: { $in: unique } }).toArray()) found.set(document._id, toKey(document));
      return found;
    });
  }

  async destroyKeysOf(petitionerId: string): Promise<number> {
    return this.run('Destroying a petitioner key', async (keys) => (await keys.deleteMany({ petitionerId })).deletedCount);
  }

  async ping(): Promise<void> {
    await this.run('Key store ping', async (keys) => {
      await keys.findOne({}, { projection: { _id: 1 } });
    });
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }

  private collection(): Promise<Collection<KeyDocument>> {
    this.ready ??= (async () => {
      await this.client.connect();
      const keys = this.client.db(this.options.database ?? databaseFromUrl(this.options.url)).collection<KeyDocument>(PETITIONER_KEYS_COLLECTION);
      await keys.createIndex({ petitionerId: 1 }, { unique: true, name: 'petitionerId_unique' });
      return keys;
    })().catch((error) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async run<T>(context: string, work: (keys: Collection<KeyDocument>) => Promise<T>): Promise<T> {
    let keys: Collection<KeyDocument>;
    try {
      keys = await this.collection();
    } catch (error) {
      throw new KeyStoreUnavailableError(`${context}: MongoDB is unavailable (${(error as Error).message})`, error);
    }
    try {
      return await work(keys);
    } catch (error) {
      if (error instanceof Error && /Topology|ServerSelection|ECONNREFUSED|closed/i.test(`${error.name} ${error.message}`)) {
        throw new KeyStoreUnavailableError(`${context}: MongoDB is unavailable (${error.message})`, error);
      }
      throw error;
    }
  }
}

function toKey(document: KeyDocument): DataKey {
  return { keyId: document._id, petitionerId: document.petitionerId, key: Buffer.from(document.key.buffer) };
}
