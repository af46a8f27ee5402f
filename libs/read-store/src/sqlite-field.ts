import { Scalar } from './read-store.port';
import { ID_FIELD } from './find-query';

/**
 * What a missing or null field reads as, in SQL and in JavaScript. -Infinity sorts before every
 * number and string, so missing values come first in ascending order and last in descending order,
 * as in MongoDB. Unlike NULL it compares with `=`, `<` and `>`, which keeps keyset pagination a
 * plain index range even over missing values. JSON cannot hold it, so no stored value equals it.
 */
export const MISSING_SQL = '-9e999';
export const MISSING = -Infinity;

/** What SQLite compares with bound values. */
export type SqlValue = string | number;

/**
 * The fields a table keeps in columns of their own (ADR 19): those its indexes name. The adapter
 * writes each one from the document it serializes, so an index over it never parses the JSON.
 */
export type IndexedFields = ReadonlySet<string>;

const INDEX_COLUMN_PREFIX = 'ix:';

/** The quoted column of an indexed field. `field` must have been validated as a dot path of identifiers. */
export function indexColumn(field: string): string {
  return `"${INDEX_COLUMN_PREFIX}${field}"`;
}

/** The field a column of the table holds, or undefined for the document's own columns (id, position, data). */
export function fieldOfColumn(column: string): string | undefined {
  return column.startsWith(INDEX_COLUMN_PREFIX) ? column.slice(INDEX_COLUMN_PREFIX.length) : undefined;
}

/** The field as read from the JSON document: what an index column holds, and what other fields are compared as. */
export function jsonFieldExpression(field: string): string {
  return `ifnull(json_extract(data, '$.${field}'), ${MISSING_SQL})`;
}

/**
 * The SQL expression for a field: its column when the table keeps one, else read from the JSON.
 * `field` must have been validated as a dot path of identifiers.
 */
export function fieldExpression(field: string, indexed: IndexedFields): string {
  if (field === ID_FIELD) return 'id';
  return indexed.has(field) ? indexColumn(field) : jsonFieldExpression(field);
}

/** json_extract reads JSON true and false as 1 and 0, so booleans are compared as such. */
export function toSqlValue(value: Scalar): SqlValue {
  if (value === null) return MISSING;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * What `jsonFieldExpression(field)` reads from the document once stored, computed from the object:
 * missing or null as MISSING, booleans as 1 and 0, objects and arrays as their JSON text (json_extract
 * returns them so). A path through anything but an object reads as missing, as in JSON path. Only
 * `serializeJsonObject`'s documents are written, so no value here is NaN or Infinity.
 */
export function indexedValue(document: object, field: string): SqlValue {
  let value: unknown = document;
  let start = 0;
  for (;;) {
    const end = field.indexOf('.', start);
    const name = end === -1 ? field.slice(start) : field.slice(start, end);
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, name)) return MISSING;
    value = (value as Record<string, unknown>)[name];
    // As JSON.stringify stores it (a Date as its ISO string).
    if (typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function') value = (value as { toJSON(key: string): unknown }).toJSON(name);
    if (end === -1) break;
    start = end + 1;
  }
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'boolean') return value ? 1 : 0;
  // JSON writes -0 as 0.
  if (typeof value === 'number') return value === 0 ? 0 : value;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
