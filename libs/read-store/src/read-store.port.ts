/**
 * The read store port: documents that projections keep up to date, and their checkpoints.
 * Adapters: embedded SQLite (default) and MongoDB; both pass `read-store.contract.ts`.
 *
 * A document is a JSON object stored under (collection, id) with the global event position that
 * last changed it. Writes are position-guarded: a write whose position is not newer than the
 * stored document's is ignored, so replaying events is harmless.
 */

export type Scalar = string | number | boolean | null;

export interface StoredDocument<T extends object = Record<string, unknown>> {
  id: string;
  /** Global position of the event that last changed this document. */
  position: number;
  data: T;
}

/** A secondary index over top-level fields of `data` (dot paths for nested fields are allowed). */
export interface IndexSpec {
  fields: string[];
  unique?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
}

export type FilterOperator = 'eq' | 'ne' | 'in' | 'gt' | 'gte' | 'lt' | 'lte';

export interface Filter {
  /** A field of `data` (dot path); `id` means the document id. */
  field: string;
  op: FilterOperator;
  /** An array for `in`; a scalar otherwise. */
  value: Scalar | Scalar[];
}

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
}

export interface FindQuery {
  /** All filters must hold (AND). */
  where?: Filter[];
  /** Ties are always broken by id ascending, so paging is stable. */
  sort?: SortSpec[];
  /** 1..1000 */
  limit: number;
  /** The `nextCursor` of the previous page of the same query. */
  cursor?: string;
}

export interface Page<T extends object = Record<string, unknown>> {
  items: StoredDocument<T>[];
  /** Null on the last page. */
  nextCursor: string | null;
}

/** `data: null` deletes the document. */
export interface DocumentWrite {
  collection: string;
  id: string;
  position: number;
  /** A JSON object; null deletes the document. */
  data: object | null;
}

export interface ProjectionCheckpoint {
  projection: string;
  /** The projection version the documents were built with (a new version means a rebuild). */
  version: number;
  /** The last event position applied (0: none). */
  position: number;
  updatedAt: string;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is invalid for this query');
    this.name = 'InvalidCursorError';
  }
}

export interface ReadStore {
  /** Creates the collections and their indexes if missing (idempotent; run at start-up). */
  ensureCollections(specs: CollectionSpec[]): Promise<void>;
  get<T extends object = Record<string, unknown>>(collection: string, id: string): Promise<StoredDocument<T> | null>;
  getMany<T extends object = Record<string, unknown>>(collection: string, ids: string[]): Promise<StoredDocument<T>[]>;
  find<T extends object = Record<string, unknown>>(collection: string, query: FindQuery): Promise<Page<T>>;
  count(collection: string, where?: Filter[]): Promise<number>;
  /**
   * Applies the writes (each only if its position is newer than the stored document's; a delete
   * likewise) and then saves the checkpoint. On SQLite both happen in one transaction.
   */
  commit(projection: string, writes: DocumentWrite[], checkpoint: { version: number; position: number }): Promise<void>;
  getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null>;
  listCheckpoints(): Promise<ProjectionCheckpoint[]>;
  /** Deletes every document of the collections and the projection's checkpoint (before a rebuild). */
  reset(projection: string, collections: string[]): Promise<void>;
  /**
   * A hint before a bulk load (a rebuild from position 0): the store may drop the secondary indexes
   * of these collections until the next `ensureCollections`, which then builds them over everything
   * loaded at once instead of entry by entry. Meanwhile queries give the same answers, only slower,
   * and a unique index is checked when it is built again rather than at each commit.
   */
  deferIndexes(collections: string[]): Promise<void>;
  /**
   * Makes data already deleted or overwritten unrecoverable from the store's own files where the
   * store can (crypto-shredding, issue 7). SQLite: deleted content is zeroed as it goes
   * (`secure_delete`); this checkpoints the WAL and truncates it, so no old page image survives.
   * MongoDB: nothing to do from a client (docs/adr/0010-crypto-shredding.md).
   */
  purgeDeletedData(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');
