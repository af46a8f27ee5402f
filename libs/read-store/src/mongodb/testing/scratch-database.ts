import { randomBytes } from 'crypto';
import { MongoClient } from 'mongodb';
import { databaseFromUrl } from '../mongodb-url';

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
