import { Collection, Filter as MongoFilter } from 'mongodb';
import { MongoDocument, valueAtPath } from './mongodb-document';
import { UniqueIndex } from './mongodb-indexes';
import { PreparedWrite } from './mongodb-write-rounds';

/** A commit would give two documents the same value in a unique index; the checkpoint was not saved. */
export class UniqueIndexViolationError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'UniqueIndexViolationError';
  }
}

/**
 * Without transactions, a duplicate that MongoDB's index rejects midway would leave the writes
 * before it in place. So the values a round is about to write are checked first, against each
 * other and against the stored documents the round leaves alone (those it writes or deletes give
 * their old values up), and a duplicate rejects the commit before anything is written. As in
 * MongoDB's unique indexes, a missing field counts as null.
 *
 * `writes` are the round's effective writes of one collection, at most one per document.
 */
export async function assertNoDuplicateValues(
  collection: Collection<MongoDocument>,
  readStoreCollection: string,
  indexes: UniqueIndex[],
  writes: PreparedWrite[],
): Promise<void> {
  const upserts = writes.flatMap(({ id, position, data }) => (data === null ? [] : [{ _id: id, position, data }]));
  if (upserts.length === 0) return;
  const rewritten = writes.map((write) => write.id);
  for (const index of indexes) {
    const holders = new Map<string, { id: string; key: unknown[] }>();
    for (const document of upserts) {
      const key = index.paths.map((path) => valueAtPath(document, path) ?? null);
      const text = JSON.stringify(key);
      const holder = holders.get(text);
      if (holder) throw duplicate(readStoreCollection, index, key, [holder.id, document._id]);
      holders.set(text, { id: document._id, key });
    }
    const keys = [...holders.values()].map((holder) => holder.key);
    const projection = Object.fromEntries(index.paths.map((path) => [path, 1]));
    const clash = await collection.findOne({ _id: { $nin: rewritten }, ...anyKey(index.paths, keys) }, { projection });
    if (clash) {
      const key = index.paths.map((path) => valueAtPath(clash, path) ?? null);
      const writer = [...holders.values()].find((holder) => JSON.stringify(holder.key) === JSON.stringify(key));
      throw duplicate(readStoreCollection, index, key, [clash._id, writer?.id ?? '?']);
    }
  }
}

function anyKey(paths: string[], keys: unknown[][]): MongoFilter<MongoDocument> {
  if (paths.length === 1) return { [paths[0]]: { $in: keys.map(([value]) => value) } };
  return { $or: keys.map((key) => Object.fromEntries(paths.map((path, index) => [path, { $eq: key[index] }]))) };
}

function duplicate(collection: string, index: UniqueIndex, key: unknown[], ids: string[]): UniqueIndexViolationError {
  return new UniqueIndexViolationError(
    `Duplicate value ${JSON.stringify(key)} in the unique index ${index.name} of collection ${collection}: documents ${ids.join(' and ')}`,
  );
}
