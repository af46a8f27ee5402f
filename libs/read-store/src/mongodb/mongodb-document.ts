import { ID_FIELD } from '../find-query';
import { assertCollectionName } from '../read-store-input';
import { StoredDocument } from '../read-store.port';
import { unescapeFieldNames } from './mongodb-field-names';

/** How a read-store document is kept in MongoDB: the id as `_id`, and its data under `data`. */
export interface MongoDocument {
  _id: string;
  position: number;
  data: Record<string, unknown>;
}

export interface MongoCheckpoint {
  /** The projection's name. */
  _id: string;
  version: number;
  position: number;
  updatedAt: string;
}

export const CHECKPOINTS_COLLECTION = 'checkpoints';

/** Read-store collections are prefixed so that none can take the name of the checkpoints collection. */
const DOCUMENT_COLLECTION_PREFIX = 'doc_';

export function mongoCollectionName(collection: string): string {
  assertCollectionName(collection);
  return `${DOCUMENT_COLLECTION_PREFIX}${collection}`;
}

/** The read-store collection a MongoDB collection holds, or null for collections that are not ours. */
export function readStoreCollectionName(mongoName: string): string | null {
  return mongoName.startsWith(DOCUMENT_COLLECTION_PREFIX) ? mongoName.slice(DOCUMENT_COLLECTION_PREFIX.length) : null;
}

/** The MongoDB path of a validated field: `id` is `_id`, anything else lives under `data`. */
export function mongoPath(field: string): string {
  return field === ID_FIELD ? '_id' : `data.${field}`;
}

/** The value at a dot path, as MongoDB resolves it for indexes and sorting of scalars; undefined when missing. */
export function valueAtPath(document: MongoDocument, path: string): unknown {
  let value: unknown = document;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function toStoredDocument<T extends object>(document: MongoDocument): StoredDocument<T> {
  return { id: document._id, position: document.position, data: unescapeFieldNames(document.data) as T };
}
