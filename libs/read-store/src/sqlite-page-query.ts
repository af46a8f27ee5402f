import { Filter } from './read-store.port';
import { OrderKey } from './find-query';
import { CursorValue } from './page-cursor';
import { filterConditions, SqlConditions } from './sqlite-filter';
import { fieldExpression, IndexedFields, MISSING, SqlValue, toSqlValue } from './sqlite-field';

/** SQL builders for reading pages; `sqlite-page-reader.ts` decides which statements a page takes. */

/** A collection's quoted table, and the fields it keeps in columns. */
export interface SqlTable {
  name: string;
  indexed: IndexedFields;
}

export interface SqlQuery {
  sql: string;
  params: SqlValue[];
}

export interface PageRow {
  id: string;
  position: number;
  data: string;
  /** `sort_0`, `sort_1`, ...: the row's value of each order key, for the next cursor. */
  [sortKey: `sort_${number}`]: SqlValue;
}

/** Selects documents with their value of every key of `order`, sorted by `orderBy`. */
export function selectPageRows(table: SqlTable, order: OrderKey[], conditions: SqlConditions, orderBy: OrderKey[], limit: number): SqlQuery {
  const columns = ['id', 'position', 'data', ...order.map((key, index) => `${fieldExpression(key.field, table.indexed)} AS sort_${index}`)];
  const sorting = orderBy.map((key) => `${fieldExpression(key.field, table.indexed)} ${key.direction === 'asc' ? 'ASC' : 'DESC'}`);
  return {
    sql: `SELECT ${columns.join(', ')} FROM ${table.name}${whereClause(conditions.conditions)} ORDER BY ${sorting.join(', ')} LIMIT ?`,
    params: [...conditions.params, limit],
  };
}

export function countQuery(table: SqlTable, where: Filter[]): SqlQuery {
  const { conditions, params } = filterConditions(where, table.indexed);
  return { sql: `SELECT count(*) AS total FROM ${table.name}${whereClause(conditions)}`, params };
}

export function allOf(...parts: SqlConditions[]): SqlConditions {
  return { conditions: parts.flatMap((part) => part.conditions), params: parts.flatMap((part) => part.params) };
}

/** The rows whose keys equal `values`: one group of ties. */
export function equalTo(keys: OrderKey[], values: CursorValue[], indexed: IndexedFields): SqlConditions {
  return {
    conditions: keys.map((key) => `${fieldExpression(key.field, indexed)} = ?`),
    params: values.map(toSqlValue),
  };
}

/**
 * The rows after `values` in the order of `keys`. For keys k1..kn:
 * `k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND ...)))`, with `<` for descending keys.
 * Missing values are plain -Infinity here, so no key needs NULL handling. The leading, redundant
 * `k1 >= v1` is what SQLite seeks the index on: it cannot seek on an OR.
 */
export function after(keys: OrderKey[], values: CursorValue[], indexed: IndexedFields): SqlConditions {
  const params: SqlValue[] = [];
  const rowsAfter = (index: number): string => {
    const expression = fieldExpression(keys[index].field, indexed);
    const comparison = keys[index].direction === 'asc' ? '>' : '<';
    const value = toSqlValue(values[index]);
    if (index === keys.length - 1) {
      params.push(value);
      return `${expression} ${comparison} ?`;
    }
    params.push(value, value);
    return `(${expression} ${comparison} ? OR (${expression} = ? AND ${rowsAfter(index + 1)}))`;
  };
  const condition = rowsAfter(0);
  if (keys.length === 1) return { conditions: [condition], params };
  const [first] = keys;
  const seek = `${fieldExpression(first.field, indexed)} ${first.direction === 'asc' ? '>=' : '<='} ?`;
  return { conditions: [seek, condition], params: [toSqlValue(values[0]), ...params] };
}

/** The row's values of the first `count` order keys, as a cursor holds them. */
export function sortKeyValues(row: PageRow, count: number): CursorValue[] {
  return Array.from({ length: count }, (_, index) => {
    const value = row[`sort_${index}`];
    return value === MISSING ? null : value;
  });
}

function whereClause(conditions: string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}
