import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEY_STORE, KeyStore } from '@app/key-store';
import { READ_STORE, ReadStore } from '@app/read-store';
import { AppConfigModule } from '../config/config.module';
import { ReadSideModule } from '../read-side/read-side.module';
import { StorageModule } from './storage.module';

const SECRET = 'a-secret-long-enough-for-the-server-stores-0123456789';

/** Every MongoClient the stores open, against no server: connecting succeeds, the database is empty. */
const mockClients: Array<{ url: string; closed: boolean }> = [];
jest.mock('mongodb', () => {
  const actual = jest.requireActual('mongodb');
  const emptyDatabase = {
    collection: () => ({ createIndex: async () => 'petitionerId_unique' }),
    listCollections: () => ({ toArray: async () => [] }),
  };
  class CountedMongoClient {
    readonly record: { url: string; closed: boolean };
    constructor(url: string) {
      this.record = { url, closed: false };
      mockClients.push(this.record);
    }
    async connect() {
      return this;
    }
    db() {
      return emptyDatabase;
    }
    async close() {
      this.record.closed = true;
    }
  }
  return { ...actual, MongoClient: CountedMongoClient };
});

describe('MONGODB_URL: the read store and the key store share one client', () => {
  let dataDir: string;
  beforeEach(() => {
    mockClients.length = 0;
    dataDir = mkdtempSync(join(tmpdir(), 'shared-mongo-client-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('opens one MongoClient for both stores, and closes it once both are closed', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot({ DATA_DIR: dataDir, MONGODB_URL: 'mongodb://db.example:27017/pqr', JWT_SECRET: SECRET, PETITIONER_ID_SECRET: SECRET }),
        StorageModule,
        ReadSideModule,
      ],
    }).compile();

    expect(moduleRef.get<ReadStore>(READ_STORE).constructor.name).toBe('MongoReadStore');
    expect(moduleRef.get<KeyStore>(KEY_STORE).constructor.name).toBe('MongoKeyStore');
    expect(mockClients).toEqual([{ url: 'mongodb://db.example:27017/pqr', closed: false }]);

    await moduleRef.close();
    expect(mockClients).toEqual([{ url: 'mongodb://db.example:27017/pqr', closed: true }]);
  });
});
