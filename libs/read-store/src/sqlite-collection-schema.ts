import Database from 'better-sqlite3';
import { CollectionSpec, IndexSpec } from './read-store.port';
import { ID_FIELD } from './find-query';
import { assertCollectionName, assertIndexSpec } from './read-store-input';
import { fieldOfColumn, indexColumn, jsonFieldExpression } from './sqlite-field';

const TABLE_PREFIX = 'doc_';

export const CHECKPOINTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID;
`;

/**
 * The quoted table of a collection. Names are validated (letters, digits, `_`, `-`) and quoted
 * rather than rewritten, so two different names never share a table.
 */
export function tableName(collection: string): string {
  assertCollectionName(collection);
  return `"${TABLE_PREFIX}${collection}"`;
}

/** The collections whose tables exist, so a reopened store knows them before ensureCollections runs. */
export function existingCollections(db: Database.Database): string[] {
  const tables = db
    .prepare<[number, string], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ?")
    .pluck()
    .all(TABLE_PREFIX.length, TABLE_PREFIX);
  return tables.map((table) => table.slice(TABLE_PREFIX.length));
}

/**
 * DDL dropping the collection's secondary indexes (those `ensureCollections` created; SQLite's own
 * primary-key index has no SQL and stays), so a bulk load skips their upkeep.
 */
export function dropIndexStatements(db: Database.Database, collection: string): string[] {
  return dropIndexesWhere(db, collection, 'sql IS NOT NULL');
}

/** Validates the spec, then returns the idempotent DDL creating its table (without its indexes). */
export function createTableStatement(spec: CollectionSpec): string {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('A collection spec must be an object');
  const table = tableName(spec.name);
  if (!Array.isArray(spec.indexes)) throw new TypeError(`Collection ${spec.name}: indexes must be an array`);
  spec.indexes.forEach((index) => assertIndexSpec(spec.name, index));
  return `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL)`;
}

/** The fields the (validated) spec's indexes name, but the id: each gets a column of its own. */
export function fieldsToIndex(spec: CollectionSpec): string[] {
  return [...new Set(spec.indexes.flatMap((index) => index.fields))].filter((field) => field !== ID_FIELD);
}

/** The fields the table keeps in columns (ADR 19): every one an index named once, kept up to date since. */
export function indexedFieldsOf(db: Database.Database, table: string): Set<string> {
  const columns = db.pragma(`table_info(${table})`) as { name: string }[];
  return new Set(columns.map(({ name }) => fieldOfColumn(name)).filter((field): field is string => field !== undefined));
}

/** Adds the field's column to the table and fills it from the documents already there. */
export function addIndexColumnStatements(table: string, field: string): string[] {
  return [`ALTER TABLE ${table} ADD COLUMN ${indexColumn(field)}`, `UPDATE ${table} SET ${indexColumn(field)} = ${jsonFieldExpression(field)}`];
}

/**
 * DDL dropping the indexes a store made before ADR 19, over expressions that parse the JSON: the
 * same names now index columns, and `CREATE INDEX IF NOT EXISTS` would keep the old ones.
 */
export function dropJsonIndexStatements(db: Database.Database, collection: string): string[] {
  return dropIndexesWhere(db, collection, "sql LIKE '%json_extract(%'");
}

function dropIndexesWhere(db: Database.Database, collection: string, condition: string): string[] {
  assertCollectionName(collection);
  const names = db
    .prepare<[string], string>(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND ${condition}`)
    .pluck()
    .all(`${TABLE_PREFIX}${collection}`);
  return names.map((name) => `DROP INDEX IF EXISTS "${name.replace(/"/g, '""')}"`);
}

/** The idempotent DDL creating the (validated) spec's indexes over its columns. */
export function indexStatements(spec: CollectionSpec): string[] {
  const table = tableName(spec.name);
  return spec.indexes.map((index) => indexStatement(spec.name, table, index));
}

function indexStatement(collection: string, table: string, index: IndexSpec): string {
  const unique = index.unique === true;
  const columns = index.fields.map((field) => (field === ID_FIELD ? 'id' : indexColumn(field)));
  // Ending a non-unique index with id lets it also deliver the `id ASC` tie-breaker of every sort.
  // A unique one must not: id would make every entry unique.
  if (!unique && !index.fields.includes(ID_FIELD)) columns.push('id');
  const name = indexName(collection, index.fields, unique);
  return `CREATE ${unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${table} (${columns.join(', ')})`;
}

/**
 * Derived from the collection, the fields and uniqueness, so declaring the same index again is a
 * no-op while changing its uniqueness creates a new one (and never silently keeps the old kind).
 * Field paths cannot contain commas, so different field lists never share a name.
 */
export function indexName(collection: string, fields: string[], unique: boolean): string {
  return `"${unique ? 'uniq' : 'idx'}:${collection}:${fields.join(',')}"`;
}
