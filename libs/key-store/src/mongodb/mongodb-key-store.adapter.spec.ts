import { storeOnScratchDatabase, whenMongoDbUrlIsSet } from '@app/read-store/mongodb/testing/scratch-database';
import { keyStoreContract } from '../key-store.contract';
import { MongoKeyStore } from './mongodb-key-store.adapter';

whenMongoDbUrlIsSet((url) => {
  keyStoreContract('MongoDB', () => storeOnScratchDatabase(url, (database) => new MongoKeyStore({ url, database })));
});
