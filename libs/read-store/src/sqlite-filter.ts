import { Filter, Scalar } from './read-store.port';
import { RANGE_OPERATORS } from './find-query';
import { fieldExpression, IndexedFields, MISSING_SQL, SqlValue, toSqlValue } from './sqlite-field';

export interface SqlConditions {
  /** Conditions to join with AND. */
  conditions: string[];
  params: SqlValue[];
}

const COMPARISONS = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/**
 * The SQL of validated filters. Semantics follow MongoDB's: `eq null` and `in [null]` match
 * missing fields, `ne` matches documents lacking the field, and a range only matches values of
 * its bound's type (never a missing field).
 */
export function filterConditions(where: Filter[], indexed: IndexedFields): SqlConditions {
  const conditions: string[] = [];
  const params: SqlValue[] = [];
  for (const { field, op, value } of where) {
    const expression = fieldExpression(field, indexed);
    if (op === 'in') {
      // One JSON parameter keeps the SQL (and its cached statement) the same whatever the list's length.
      conditions.push(`${expression} IN (SELECT ifnull(value, ${MISSING_SQL}) FROM json_each(?))`);
      params.push(JSON.stringify(value));
    } else {
      conditions.push(`${expression} ${COMPARISONS[op]} ?`);
      params.push(toSqlValue(value as Scalar));
    }
  }
  return { conditions: [...conditions, ...typeBrackets(where, indexed)], params };
}

/**
 * SQLite orders values across types (missing < numbers < strings), so `priority < 3` alone would
 * also match missing fields and `code > 10` every string. A range is therefore closed at the edge
 * of its type, unless another filter on the field already bounds that side (a second bound on the
 * same side could lead SQLite to seek on the looser one).
 */
function typeBrackets(where: Filter[], indexed: IndexedFields): string[] {
  const ranges = new Map<string, { field: string; type: 'number' | 'string'; lower: boolean; upper: boolean }>();
  for (const { field, op, value } of where) {
    if (!RANGE_OPERATORS.has(op)) continue;
    const type = typeof value === 'number' ? 'number' : 'string';
    const range = ranges.get(`${type} ${field}`) ?? { field, type, lower: false, upper: false };
    if (op === 'gt' || op === 'gte') range.lower = true;
    else range.upper = true;
    ranges.set(`${type} ${field}`, range);
  }
  const brackets: string[] = [];
  for (const { field, type, lower, upper } of ranges.values()) {
    const expression = fieldExpression(field, indexed);
    if (type === 'number') {
      if (lower && !upper) brackets.push(`${expression} < ''`);
      if (upper && !lower) brackets.push(`${expression} > ${MISSING_SQL}`);
    } else if (upper && !lower) {
      brackets.push(`${expression} >= ''`);
    }
  }
  return brackets;
}
