import { Filter } from './read-store.port';
import { OrderKey } from './find-query';
import { CursorValue } from './page-cursor';
import { filterConditions } from './sqlite-filter';
import { fieldExpression, MISSING, SqlValue, toSqlValue } from './sqlite-field';

export interface SqlQuery {
  sql: string;
  params: SqlValue[];
}

export interface PageQuery {
  where: Filter[];
  order: OrderKey[];
  /** The sort key values of the last item of the previous page. */
  after?: CursorValue[];
  /** How many rows to fetch: one more than the page size tells whether another page follows. */
  fetchCount: number;
}

export interface PageRow {
  id: string;
  position: number;
  data: string;
  /** `sort_0`, `sort_1`, ...: the row's value of each order key, for the next cursor. */
  [sortKey: `sort_${number}`]: SqlValue;
}

export function pageQuery(table: string, { where, order, after, fetchCount }: PageQuery): SqlQuery {
  const filters = filterConditions(where);
  const conditions = [...filters.conditions];
  const params = [...filters.params];
  if (after) {
    const keyset = keysetCondition(order, after);
    conditions.push(keyset.sql);
    params.push(...keyset.params);
  }
  const sortKeys = order.map((key, index) => `${fieldExpression(key.field)} AS sort_${index}`);
  const orderBy = order.map((key) => `${fieldExpression(key.field)} ${key.direction === 'asc' ? 'ASC' : 'DESC'}`);
  return {
    sql: `SELECT id, position, data, ${sortKeys.join(', ')} FROM ${table}${whereClause(conditions)} ORDER BY ${orderBy.join(', ')} LIMIT ?`,
    params: [...params, fetchCount],
  };
}

export function countQuery(table: string, where: Filter[]): SqlQuery {
  const { conditions, params } = filterConditions(where);
  return { sql: `SELECT count(*) AS total FROM ${table}${whereClause(conditions)}`, params };
}

/** The cursor values of a row fetched by `pageQuery`. */
export function sortKeyValues(row: PageRow, order: OrderKey[]): CursorValue[] {
  return order.map((_, index) => {
    const value = row[`sort_${index}`];
    return value === MISSING ? null : value;
  });
}

/**
 * The rows after the cursor in the sort order. For keys k1..kn and cursor values v1..vn:
 * `k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND ...)))`, with `<` for descending keys.
 * Missing values are plain -Infinity here, so no key needs NULL handling. The leading, redundant
 * `k1 >= v1` is what SQLite seeks the index on: it cannot seek on an OR.
 */
function keysetCondition(order: OrderKey[], after: CursorValue[]): SqlQuery {
  const params: SqlValue[] = [];
  const rowsAfter = (index: number): string => {
    const expression = fieldExpression(order[index].field);
    const comparison = order[index].direction === 'asc' ? '>' : '<';
    const value = toSqlValue(after[index]);
    if (index === order.length - 1) {
      params.push(value);
      return `${expression} ${comparison} ?`;
    }
    params.push(value, value);
    return `(${expression} ${comparison} ? OR (${expression} = ? AND ${rowsAfter(index + 1)}))`;
  };
  const condition = rowsAfter(0);
  if (order.length === 1) return { sql: condition, params };
  const [first] = order;
  const seek = `${fieldExpression(first.field)} ${first.direction === 'asc' ? '>=' : '<='} ?`;
  return { sql: `${seek} AND ${condition}`, params: [toSqlValue(after[0]), ...params] };
}

function whereClause(conditions: string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}
