import Database from 'better-sqlite3';
import {
  CollectionSpec,
  DocumentWrite,
  Filter,
  FindQuery,
  Page,
  ProjectionCheckpoint,
  ReadStore,
  StoredDocument,
} from './read-store.port';
import { ReadStoreUnavailableError } from './read-store-unavailable.error';
import { parseDocument, serializeDocument } from './document-json';
import { validateFilters, validateFindQuery, ValidFindQuery } from './find-query';
import { decodeCursor, encodeCursor, queryFingerprint } from './page-cursor';
import { assertNonEmptyString, assertNonNegativeInteger } from './read-store-input';
import {
  addIndexColumnStatements,
  CHECKPOINTS_SCHEMA,
  createTableStatement,
  dropIndexStatements,
  dropJsonIndexStatements,
  existingCollections,
  fieldsToIndex,
  indexedFieldsOf,
  indexStatements,
  tableName,
} from './sqlite-collection-schema';
import { IndexedFields, indexedValue, indexColumn } from './sqlite-field';
import { countQuery, PageRow, sortKeyValues, SqlTable } from './sqlite-page-query';
import { PageRequest, readPageRows } from './sqlite-page-reader';
import { asUnavailableWhenStorageFailed, openReadDatabase, SqliteReadDatabaseOptions } from './sqlite-read-database';
import { StatementCache } from './statement-cache';

export type SqliteReadStoreOptions = SqliteReadDatabaseOptions;

export interface ExplainedStatement {
  sql: string;
  /** The `detail` of each step of SQLite's EXPLAIN QUERY PLAN. */
  plan: string[];
}

interface DocumentRow {
  id: string;
  position: number;
  data: string;
}

interface CheckpointRow {
  projection: string;
  version: number;
  position: number;
  updated_at: string;
}

/**
 * A write checked before its transaction starts. Its document is serialized inside the transaction,
 * just before its statement runs: serialized all at once, a projection's commit held ~100 MB of JSON
 * text alive, which the young generation's collections copied again and again (ADR 18).
 */
interface CheckedWrite {
  table: string;
  id: string;
  position: number;
  /** Null deletes the document. */
  data: object | null;
  index: number;
}

/**
 * A collection's writes, position-guarded: a write not newer than the stored document is ignored, so
 * replays are harmless. An upsert also sets the column of each indexed field.
 */
interface WriteStatements {
  upsert: Database.Statement;
  remove: Database.Statement;
  indexed: readonly string[];
}

function applyWrite({ upsert, remove, indexed }: WriteStatements, { id, position, data, index }: CheckedWrite): void {
  if (data === null) {
    remove.run(id, position);
    return;
  }
  const json = serializeDocument(data, `writes[${index}]: data`);
  if (indexed.length === 0) upsert.run(id, position, json);
  else upsert.run(id, position, json, ...indexed.map((field) => indexedValue(data, field)));
}

const STATEMENT_CACHE_CAPACITY = 500;

const SAVE_CHECKPOINT = `
  INSERT INTO checkpoints (projection, version, position, updated_at) VALUES (?, ?, ?, ?)
  ON CONFLICT (projection) DO UPDATE SET
    version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`;

/**
 * The embedded read store: one SQLite file of its own (WAL), one table per collection holding
 * each document as JSON, and secondary indexes over columns holding the indexed fields, which each
 * write fills from the document (ADR 19: an index over the JSON parsed it at every write and build).
 * A commit applies its documents and saves the projection's checkpoint in one transaction, so a
 * crash never separates the two.
 *
 * Field values are compared as SQLite reads them from JSON: booleans as 1 and 0, so a field
 * should hold one JSON type. See `sqlite-field.ts` for how missing fields sort.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly statements: StatementCache<Database.Statement>;
  private readonly collections: Set<string>;
  /** The fields each table keeps in columns, as of `schemaVersion` (another connection may add some). */
  private readonly indexedFields = new Map<string, IndexedFields>();
  private schemaVersion = -1;
  private readonly runTransaction: Database.Transaction<(work: () => void) => void>;
  private closed = false;

  constructor(options: SqliteReadStoreOptions) {
    this.db = openReadDatabase(options);
    try {
      this.db.exec(CHECKPOINTS_SCHEMA);
      this.collections = new Set(existingCollections(this.db));
    } catch (error) {
      this.db.close();
      throw asUnavailableWhenStorageFailed(error, 'Could not prepare the read store');
    }
    this.statements = new StatementCache((sql) => this.db.prepare(sql), STATEMENT_CACHE_CAPACITY);
    this.runTransaction = this.db.transaction((work: () => void) => work());
  }

  async ensureCollections(specs: CollectionSpec[]): Promise<void> {
    if (!Array.isArray(specs)) throw new TypeError('specs must be an array of collection specs');
    // Every spec is validated before the first statement runs.
    const tables = specs.map(createTableStatement);
    this.inTransaction('ensureCollections', () => specs.forEach((spec, index) => this.ensureCollection(spec, tables[index])));
    specs.forEach((spec) => this.collections.add(spec.name));
    this.indexedFields.clear();
  }

  async get<T extends object = Record<string, unknown>>(collection: string, id: string): Promise<StoredDocument<T> | null> {
    const table = this.knownTable(collection);
    assertNonEmptyString(id, 'id');
    const sql = `SELECT id, position, data FROM ${table} WHERE id = ?`;
    const row = this.read('get', () => this.statement(sql).get(id)) as DocumentRow | undefined;
    return row ? toStoredDocument<T>(row, collection) : null;
  }

  async getMany<T extends object = Record<string, unknown>>(collection: string, ids: string[]): Promise<StoredDocument<T>[]> {
    const table = this.knownTable(collection);
    if (!Array.isArray(ids)) throw new TypeError('ids must be an array');
    ids.forEach((id, index) => assertNonEmptyString(id, `ids[${index}]`));
    if (ids.length === 0) return [];
    const sql = `SELECT id, position, data FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`;
    const rows = this.read('getMany', () => this.statement(sql).all(JSON.stringify(ids))) as DocumentRow[];
    return rows.map((row) => toStoredDocument<T>(row, collection));
  }

  async find<T extends object = Record<string, unknown>>(collection: string, query: FindQuery): Promise<Page<T>> {
    const valid = validateFindQuery(query);
    const { request, fingerprint } = this.pageRequest(collection, valid);
    const rows = this.read('find', () => readPageRows(request, ({ sql, params }) => this.statement(sql).all(...params) as PageRow[]));
    const items = rows.slice(0, valid.limit);
    const hasMore = rows.length > valid.limit;
    return {
      items: items.map((row) => toStoredDocument<T>(row, collection)),
      nextCursor: hasMore ? encodeCursor(fingerprint, sortKeyValues(items[items.length - 1], valid.order.length)) : null,
    };
  }

  /**
   * The statements a `find` runs (usually one to three, see `readPageRows`), each with SQLite's
   * plan: shows whether they seek an index or scan and sort.
   */
  async explainFind(collection: string, query: FindQuery): Promise<ExplainedStatement[]> {
    const { request } = this.pageRequest(collection, validateFindQuery(query));
    const explained: ExplainedStatement[] = [];
    this.read('explainFind', () =>
      readPageRows(request, ({ sql, params }) => {
        const steps = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
        explained.push({ sql, plan: steps.map((step) => step.detail) });
        return this.statement(sql).all(...params) as PageRow[];
      }),
    );
    return explained;
  }

  async count(collection: string, where?: Filter[]): Promise<number> {
    const { sql, params } = countQuery(this.sqlTable(collection), validateFilters(where));
    const row = this.read('count', () => this.statement(sql).get(...params)) as { total: number };
    return row.total;
  }

  async commit(projection: string, writes: DocumentWrite[], checkpoint: { version: number; position: number }): Promise<void> {
    assertNonEmptyString(projection, 'projection');
    if (typeof checkpoint !== 'object' || checkpoint === null) throw new TypeError('checkpoint must be an object');
    assertNonNegativeInteger(checkpoint.version, 'checkpoint.version');
    assertNonNegativeInteger(checkpoint.position, 'checkpoint.position');
    if (!Array.isArray(writes)) throw new TypeError('writes must be an array');
    const checked = writes.map((write, index) => this.checkWrite(write, index));
    const updatedAt = new Date().toISOString();
    this.inTransaction(`Commit of projection ${projection}`, () => {
      // Looked up once per table, not per document (a rebuild commits tens of thousands at a time).
      // Inside the transaction, whose write lock keeps the schema as it is until the commit.
      this.refreshIndexedFields();
      const statementsOf = new Map<string, WriteStatements>();
      for (const write of checked) {
        let statements = statementsOf.get(write.table);
        if (!statements) statementsOf.set(write.table, (statements = this.writeStatements(write.table)));
        applyWrite(statements, write);
      }
      this.statement(SAVE_CHECKPOINT).run(projection, checkpoint.version, checkpoint.position, updatedAt);
    });
  }

  async getCheckpoint(projection: string): Promise<ProjectionCheckpoint | null> {
    assertNonEmptyString(projection, 'projection');
    const sql = 'SELECT * FROM checkpoints WHERE projection = ?';
    const row = this.read('getCheckpoint', () => this.statement(sql).get(projection)) as CheckpointRow | undefined;
    return row ? toCheckpoint(row) : null;
  }

  async listCheckpoints(): Promise<ProjectionCheckpoint[]> {
    const sql = 'SELECT * FROM checkpoints ORDER BY projection';
    const rows = this.read('listCheckpoints', () => this.statement(sql).all()) as CheckpointRow[];
    return rows.map(toCheckpoint);
  }

  async reset(projection: string, collections: string[]): Promise<void> {
    assertNonEmptyString(projection, 'projection');
    if (!Array.isArray(collections)) throw new TypeError('collections must be an array');
    const tables = collections.map((collection) => this.knownTable(collection));
    this.inTransaction(`Reset of projection ${projection}`, () => {
      tables.forEach((table) => this.statement(`DELETE FROM ${table}`).run());
      this.statement('DELETE FROM checkpoints WHERE projection = ?').run(projection);
    });
  }

  /** Drops the secondary indexes: a rebuild's upserts then skip their upkeep (each one reads the JSON again). */
  async deferIndexes(collections: string[]): Promise<void> {
    if (!Array.isArray(collections)) throw new TypeError('collections must be an array');
    collections.forEach((collection) => this.knownTable(collection));
    this.inTransaction('deferIndexes', () => {
      for (const collection of collections) dropIndexStatements(this.db, collection).forEach((sql) => this.db.exec(sql));
    });
  }

  async purgeDeletedData(): Promise<void> {
    this.read('purgeDeletedData', () => this.db.pragma('wal_checkpoint(TRUNCATE)'));
  }

  async ping(): Promise<void> {
    this.read('ping', () => this.statement('SELECT 1').get());
  }

  /** Idempotent; afterwards every call fails with ReadStoreUnavailableError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private pageRequest(collection: string, { where, order, limit, cursor }: ValidFindQuery): { request: PageRequest; fingerprint: string } {
    const table = this.sqlTable(collection);
    const fingerprint = queryFingerprint(collection, where, order);
    const after = cursor === undefined ? undefined : decodeCursor(cursor, fingerprint, order);
    return { request: { table, where, order, after, fetchCount: limit + 1 }, fingerprint };
  }

  private checkWrite(write: DocumentWrite, index: number): CheckedWrite {
    const description = `writes[${index}]`;
    if (typeof write !== 'object' || write === null) throw new TypeError(`${description} must be an object`);
    const table = this.knownTable(write.collection);
    assertNonEmptyString(write.id, `${description}: id`);
    assertNonNegativeInteger(write.position, `${description}: position`);
    return { table, id: write.id, position: write.position, data: write.data, index };
  }

  /** Creates the table, the columns of its indexed fields (filled from the documents already there) and its indexes. */
  private ensureCollection(spec: CollectionSpec, createTable: string): void {
    this.db.exec(createTable);
    const table = tableName(spec.name);
    const present = indexedFieldsOf(this.db, table);
    for (const field of fieldsToIndex(spec)) if (!present.has(field)) addIndexColumnStatements(table, field).forEach((sql) => this.db.exec(sql));
    dropJsonIndexStatements(this.db, spec.name).forEach((sql) => this.db.exec(sql));
    indexStatements(spec).forEach((sql) => this.db.exec(sql));
  }

  private writeStatements(table: string): WriteStatements {
    const indexed = [...this.fieldsOf(table)];
    const columns = ['id', 'position', 'data', ...indexed.map(indexColumn)];
    const updates = columns.slice(1).map((column) => `${column} = excluded.${column}`);
    return {
      upsert: this.statement(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}
         WHERE excluded.position > ${table}.position`,
      ),
      remove: this.statement(`DELETE FROM ${table} WHERE id = ? AND position < ?`),
      indexed,
    };
  }

  private sqlTable(collection: string): SqlTable {
    const name = this.knownTable(collection);
    return { name, indexed: this.fieldsOf(name) };
  }

  private fieldsOf(table: string): IndexedFields {
    let fields = this.indexedFields.get(table);
    if (!fields) this.indexedFields.set(table, (fields = indexedFieldsOf(this.db, table)));
    return fields;
  }

  /** Forgets the indexed fields known when another connection changed the schema (it may have added some). */
  private refreshIndexedFields(): void {
    const version = this.db.pragma('schema_version', { simple: true }) as number;
    if (version === this.schemaVersion) return;
    this.indexedFields.clear();
    this.schemaVersion = version;
  }

  private knownTable(collection: string): string {
    this.assertOpen();
    const table = tableName(collection);
    if (!this.collections.has(collection)) {
      throw new Error(`Unknown collection ${collection}: declare it with ensureCollections first`);
    }
    return table;
  }

  private statement(sql: string): Database.Statement {
    return this.statements.get(sql);
  }

  private read<T>(operation: string, run: () => T): T {
    this.assertOpen();
    try {
      return run();
    } catch (error) {
      throw asUnavailableWhenStorageFailed(error, `${operation} failed`);
    }
  }

  private inTransaction(operation: string, work: () => void): void {
    this.assertOpen();
    try {
      // IMMEDIATE takes the write lock up front; a deferred transaction that reads before writing
      // could fail with SQLITE_BUSY without waiting when another connection writes concurrently.
      this.runTransaction.immediate(work);
    } catch (error) {
      throw asUnavailableWhenStorageFailed(error, `${operation} failed`);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new ReadStoreUnavailableError('The read store is closed');
  }
}

function toStoredDocument<T extends object>(row: DocumentRow, collection: string): StoredDocument<T> {
  return { id: row.id, position: row.position, data: parseDocument(row.data, `Document ${row.id} of ${collection}`) as T };
}

function toCheckpoint(row: CheckpointRow): ProjectionCheckpoint {
  return { projection: row.projection, version: row.version, position: row.position, updatedAt: row.updated_at };
}
