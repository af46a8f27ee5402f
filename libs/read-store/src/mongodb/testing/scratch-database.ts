import { randomBytes } from 'crypto';
import { MongoClient } from 'mongodb';
import { databaseFromUrl } from '@app/storage-kit/mongodb';

/** A fresh database name for one test: the URL's database name with a random suffix (letters, digits, `_`). */
export function scratchDatabaseName(url: string): string {
  return `${databaseFromUrl(url).slice(0, 40)}_${randomBytes(6).toString('hex')}`;
}

export async function dropDatabase(url: string, database: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
}

/** Runs `suite` when MONGODB_URL is set; otherwise one test says, visibly, that it was skipped. */
export function whenMongoDbUrlIsSet(suite: (url: string) => void): void {
  const url = process.env.MONGODB_URL;
  if (!url) {
    it('skipped: MONGODB_URL not set', () => {
      console.log('skipped: MONGODB_URL not set');
    });
    return;
  }
  suite(url);
}

/** A connected store on a scratch database of its own; the teardown closes it and drops the database. */
export async function storeOnScratchDatabase<S extends { connect(): Promise<void>; close(): Promise<void> }>(
  url: string,
  create: (database: string) => S,
): Promise<{ store: S; teardown: () => Promise<void> }> {
  const database = scratchDatabaseName(url);
  const store = create(database);
  await store.connect();
  return {
    store,
    teardown: async () => {
      await store.close();
      await dropDatabase(url, database);
    },
  };
}
