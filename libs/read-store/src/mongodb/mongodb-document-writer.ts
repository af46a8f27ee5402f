import { AnyBulkWriteOperation, Collection, Db, MongoBulkWriteError, WriteError } from 'mongodb';
import { MongoCollectionCatalog } from './mongodb-collection-catalog';
import { MongoDocument } from './mongodb-document';
import { assertNoDuplicateValues, UniqueIndexViolationError } from './mongodb-unique-check';
import { changesStoredDocument, groupByCollection, PreparedWrite, writeRounds } from './mongodb-write-rounds';

const DUPLICATE_KEY = 11000;

/** The writes of one round to one collection, reduced to those that change a stored document. */
interface CollectionRound {
  collection: string;
  target: Collection<MongoDocument>;
  writes: PreparedWrite[];
}

/**
 * Applies a commit's document writes, each only if its position is newer than the stored
 * document's. Without transactions, this is what a commit guarantees:
 * - checked before anything is written: the writes themselves, that their collections exist, and
 *   duplicates in unique indexes that the stored documents and the commit's own writes show;
 * - each document write is all or nothing, and the failing one is not applied;
 * - when a write fails, the commit fails and the checkpoint is not saved, but writes made before
 *   it (and, on MongoDB, after it in the same batch) stay;
 * - running the same commit again applies what is missing and skips what was applied (the guard).
 */
export async function applyDocumentWrites(db: Db, catalog: MongoCollectionCatalog, writes: PreparedWrite[]): Promise<void> {
  new Set(writes.map((write) => write.collection)).forEach((collection) => catalog.mongoName(collection));
  for (const round of writeRounds(writes)) await applyRound(db, catalog, round);
}

async function applyRound(db: Db, catalog: MongoCollectionCatalog, round: PreparedWrite[]): Promise<void> {
  const byCollection: CollectionRound[] = [];
  for (const [collection, writes] of groupByCollection(round)) {
    const target = db.collection<MongoDocument>(catalog.mongoName(collection));
    // Leaving out what the guard would reject keeps replays free of the duplicate-key errors that a
    // guarded upsert raises on a newer document, which FerretDB 1.x answers by skipping the rest
    // of the batch.
    const stored = await storedPositions(target, writes);
    byCollection.push({ collection, target, writes: writes.filter((write) => changesStoredDocument(write, stored.get(write.id))) });
  }
  for (const { collection, target, writes } of byCollection) {
    await assertNoDuplicateValues(target, collection, await catalog.uniqueIndexesOf(db, collection), writes);
  }
  for (const collectionRound of byCollection) await send(collectionRound);
}

async function storedPositions(target: Collection<MongoDocument>, writes: PreparedWrite[]): Promise<Map<string, number>> {
  const ids = writes.map((write) => write.id);
  const stored = await target.find({ _id: { $in: ids } }, { projection: { position: 1 } }).toArray();
  return new Map(stored.map((document) => [document._id, document.position]));
}

async function send({ collection, target, writes }: CollectionRound): Promise<void> {
  const deletes: AnyBulkWriteOperation<MongoDocument>[] = [];
  const upserts: AnyBulkWriteOperation<MongoDocument>[] = [];
  for (const { id, position, data } of writes) {
    const guarded = { _id: id, position: { $lt: position } };
    if (data === null) deletes.push({ deleteOne: { filter: guarded } });
    else upserts.push({ updateOne: { filter: guarded, update: { $set: { data, position } }, upsert: true } });
  }
  // Deletes first: they free unique values that upserts of the same round may take.
  if (deletes.length > 0) await target.bulkWrite(deletes, { ordered: false });
  if (upserts.length > 0) {
    try {
      await target.bulkWrite(upserts, { ordered: false });
    } catch (error) {
      ignoreNewerDocuments(error, upserts.length, collection);
    }
  }
}

/**
 * A guarded upsert whose document is already newer misses its filter and tries to insert the
 * same `_id`: a duplicate-key error on `_id` that means "nothing to do". Should another writer
 * have made a document newer since its position was read, that is ignored, provided the server
 * named the `_id_` index and went on with the rest of the batch; anything else fails the commit.
 */
function ignoreNewerDocuments(error: unknown, operations: number, collection: string): void {
  if (!(error instanceof MongoBulkWriteError)) throw error;
  const writeErrors: WriteError[] = [error.writeErrors].flat();
  const failure = writeErrors.find((writeError) => !isDuplicateId(writeError));
  const { matchedCount, upsertedCount } = error.result;
  const restApplied = matchedCount + upsertedCount + writeErrors.length === operations;
  if (writeErrors.length > 0 && !failure && restApplied) return;
  if (failure?.code === DUPLICATE_KEY) {
    throw new UniqueIndexViolationError(`Duplicate key in collection ${collection}: ${failure.errmsg}`, error);
  }
  throw error;
}


function isDuplicateId(writeError: WriteError): boolean {
  // The driver keeps only the message of a bulk write's errors, not their keyPattern.
  return writeError.code === DUPLICATE_KEY && / index: _id_ /.test(writeError.errmsg ?? '');
}
