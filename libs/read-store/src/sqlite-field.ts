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
 * The SQL expression for a field, also used verbatim by the indexes: SQLite only uses an
 * expression index when the query repeats the indexed expression exactly. `field` must have been
 * validated as a dot path of identifiers.
 */
export function fieldExpression(field: string): string {
  if (field === ID_FIELD) return 'id';
  return `ifnull(json_extract(data, '$.${field}'), ${MISSING_SQL})`;
}

/** json_extract reads JSON true and false as 1 and 0, so booleans are compared as such. */
export function toSqlValue(value: Scalar): SqlValue {
  if (value === null) return MISSING;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
