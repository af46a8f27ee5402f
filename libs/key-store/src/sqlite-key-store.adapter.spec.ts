import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDatabase } from '@app/read-store/testing/temp-database';
import { keyStoreContract } from './key-store.contract';
import { SqliteKeyStore } from './sqlite-key-store.adapter';

keyStoreContract('SQLite', async () => {
  const database = createTempDatabase();
  const store = new SqliteKeyStore({ filename: database.filename });
  return {
    store,
    teardown: async () => {
      await store.close();
      database.remove();
    },
  };
});

describe('SqliteKeyStore', () => {
  it('leaves no byte of a destroyed key in its files (the database, its WAL and shared memory)', async () => {
    const database = createTempDatabase();
    const store = new SqliteKeyStore({ filename: database.filename });
    try {
      const keys = await Promise.all(Array.from({ length: 20 }, (_, index) => store.keyFor(`petitioner-${index}`)));
      const destroyed = keys[7];
      await store.destroyKeysOf(destroyed.petitionerId);
      const directory = join(database.filename, '..');
      const files = readdirSync(directory).map((name) => readFileSync(join(directory, name)));
      expect(files.some((bytes) => bytes.includes(keys[8].key))).toBe(true);
      expect(files.filter((bytes) => bytes.includes(destroyed.key))).toHaveLength(0);
      expect(files.filter((bytes) => bytes.includes(Buffer.from(destroyed.petitionerId)))).toHaveLength(0);
    } finally {
      await store.close();
      database.remove();
    }
  });
});
