import { dropDatabase, scratchDatabaseName } from '@app/read-store/mongodb/testing/scratch-database';
import { keyStoreContract } from '../key-store.contract';
import { MongoKeyStore } from './mongodb-key-store.adapter';

const MONGODB_URL = process.env.MONGODB_URL;

if (!MONGODB_URL) {
  it('skipped: MONGODB_URL not set', () => {
    console.log('skipped: MONGODB_URL not set');
  });
} else {
  const url = MONGODB_URL;
  keyStoreContract('MongoDB', async () => {
    const database = scratchDatabaseName(url);
    const store = new MongoKeyStore({ url, database });
    await store.connect();
    return {
      store,
      teardown: async () => {
        await store.close();
        await dropDatabase(url, database);
      },
    };
  });
}
