import { Filter } from './read-store.port';
import { OrderKey } from './find-query';
import { CursorValue } from './page-cursor';
import { filterConditions } from './sqlite-filter';
import { after, allOf, equalTo, PageRow, selectPageRows, sortKeyValues, SqlQuery, SqlTable } from './sqlite-page-query';

export interface PageRequest {
  table: SqlTable;
  where: Filter[];
  /** The sort keys; the last one is always the document id. */
  order: OrderKey[];
  /** The cursor's values, one per order key. */
  after?: CursorValue[];
  /** One more than the page size tells whether another page follows. */
  fetchCount: number;
}

export type RunPageQuery = (query: SqlQuery) => PageRow[];

/**
 * Reads up to `fetchCount` rows following the cursor, in the query's order.
 *
 * A single statement would cost as much as the ties it crosses: SQLite cannot seek into a group
 * of equal sort values through the OR of a keyset condition, and when the id tie-breaker runs
 * against the sort direction (descending sorts still break ties by `id ASC`), it sorts every row
 * of each group it reaches, such as the 100,000 documents that lack the sort field. So when the
 * sort keys share one direction, a page is read as the rest of the cursor's group (seeking its id
 * in the index), then the rows that follow; when the index yields ties in the opposite id order,
 * they are sorted here and the last group, which may have been cut short, is read again by id.
 * Each statement then reads at most `fetchCount` rows of an index. With mixed directions no index
 * order fits anyway, and one statement does.
 */
export function readPageRows(request: PageRequest, run: RunPageQuery): PageRow[] {
  const { table, order, fetchCount } = request;
  const filters = filterConditions(request.where, table.indexed);
  const sortKeys = order.slice(0, -1);
  const tieBreaker = order[order.length - 1];
  const direction = sortKeys[0]?.direction;
  if (sortKeys.length === 0 || sortKeys.some((key) => key.direction !== direction)) {
    const conditions = request.after ? allOf(filters, after(order, request.after, table.indexed)) : filters;
    return run(selectPageRows(table, order, conditions, order, fetchCount));
  }

  const rows: PageRow[] = [];
  let following = filters;
  if (request.after) {
    const groupValues = request.after.slice(0, -1);
    const restOfGroup = allOf(filters, equalTo(sortKeys, groupValues, table.indexed), after([tieBreaker], request.after.slice(-1), table.indexed));
    rows.push(...run(selectPageRows(table, order, restOfGroup, [tieBreaker], fetchCount)));
    following = allOf(filters, after(sortKeys, groupValues, table.indexed));
  }
  const wanted = fetchCount - rows.length;
  if (wanted === 0) return rows;
  if (tieBreaker.direction === direction) {
    return [...rows, ...run(selectPageRows(table, order, following, order, wanted))];
  }

  const next = run(selectPageRows(table, order, following, sortKeys, wanted));
  const groups = groupsOfTies(next, sortKeys.length).map((group) => sortedById(group, tieBreaker.direction));
  if (next.length === wanted) {
    const lastGroup = groups.pop()!;
    const kept = groups.reduce((count, group) => count + group.length, 0);
    const lastGroupRows = allOf(filters, equalTo(sortKeys, sortKeyValues(lastGroup[0], sortKeys.length), table.indexed));
    groups.push(run(selectPageRows(table, order, lastGroupRows, [tieBreaker], wanted - kept)));
  }
  return [...rows, ...groups.flat()];
}

/** Splits rows sorted by their first `keyCount` sort values into runs of equal values. */
function groupsOfTies(rows: PageRow[], keyCount: number): PageRow[][] {
  const groups: PageRow[][] = [];
  let previous: string | undefined;
  for (const row of rows) {
    const values = JSON.stringify(sortKeyValues(row, keyCount));
    if (values !== previous) groups.push([]);
    groups[groups.length - 1].push(row);
    previous = values;
  }
  return groups;
}

/** Compares the UTF-8 bytes, as SQLite's default collation does (JavaScript compares UTF-16 units). */
function sortedById(rows: PageRow[], direction: OrderKey['direction']): PageRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row) => ({ row, bytes: Buffer.from(row.id, 'utf8') }))
    .sort((a, b) => sign * Buffer.compare(a.bytes, b.bytes))
    .map(({ row }) => row);
}
