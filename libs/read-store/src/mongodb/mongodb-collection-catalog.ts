import { Db } from 'mongodb';
import { mongoCollectionName, readStoreCollectionName } from './mongodb-document';
import { UniqueIndex, uniqueIndexesOf } from './mongodb-indexes';

/**
 * The read-store collections of one database, and their unique indexes. MongoDB would silently
 * read an undeclared collection as empty, so calls on one fail instead, as they do on SQLite.
 */
export class MongoCollectionCatalog {
  private readonly known = new Set<string>();
  /** Loaded on first use: another process may have declared the indexes. */
  private readonly uniqueIndexes = new Map<string, UniqueIndex[]>();

  /** Learns the collections that already exist, so a restarted store knows them before ensureCollections. */
  async load(db: Db): Promise<void> {
    const listed = await db.listCollections({}, { nameOnly: true }).toArray();
    for (const { name } of listed) {
      const collection = readStoreCollectionName(name);
      if (collection !== null) this.known.add(collection);
    }
  }

  /** After ensureCollections: the collection exists, and its unique indexes may have changed. */
  declared(collection: string): void {
    this.known.add(collection);
    this.uniqueIndexes.delete(collection);
  }

  /** The MongoDB collection name of a declared read-store collection. */
  mongoName(collection: string): string {
    const name = mongoCollectionName(collection);
    if (!this.known.has(collection)) throw new Error(`Unknown collection ${collection}: declare it with ensureCollections first`);
    return name;
  }

  async uniqueIndexesOf(db: Db, collection: string): Promise<UniqueIndex[]> {
    let indexes = this.uniqueIndexes.get(collection);
    if (!indexes) {
      indexes = uniqueIndexesOf(await db.collection(this.mongoName(collection)).listIndexes().toArray());
      this.uniqueIndexes.set(collection, indexes);
    }
    return indexes;
  }
}
