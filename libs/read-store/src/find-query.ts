import { Filter, FilterOperator, FindQuery, Scalar } from './read-store.port';
import { assertFieldPath, assertPageLimit } from './read-store-input';

/** The field name that means the document id rather than a field of its data. */
export const ID_FIELD = 'id';

export const RANGE_OPERATORS: ReadonlySet<FilterOperator> = new Set(['gt', 'gte', 'lt', 'lte']);
const OPERATORS: ReadonlySet<FilterOperator> = new Set(['eq', 'ne', 'in', ...RANGE_OPERATORS]);

export interface OrderKey {
  field: string;
  direction: 'asc' | 'desc';
}

/** A validated FindQuery, with the tie-breaker added, that adapters turn into their own query language. */
export interface ValidFindQuery {
  where: Filter[];
  /** The query's sort, then `id` ascending (unless the sort already reached `id`, which is unique). */
  order: OrderKey[];
  limit: number;
  cursor?: string;
}

export function validateFindQuery(query: FindQuery): ValidFindQuery {
  if (typeof query !== 'object' || query === null) throw new TypeError('query must be an object');
  assertPageLimit(query.limit);
  return { where: validateFilters(query.where), order: orderKeys(query.sort), limit: query.limit, cursor: query.cursor };
}

export function validateFilters(where: Filter[] | undefined): Filter[] {
  if (where === undefined) return [];
  if (!Array.isArray(where)) throw new TypeError('where must be an array of filters');
  return where.map((filter, index) => validateFilter(filter, `where[${index}]`));
}

function validateFilter(filter: Filter, description: string): Filter {
  if (typeof filter !== 'object' || filter === null) throw new TypeError(`${description} must be a filter object`);
  const { field, op, value } = filter;
  assertFieldPath(field, description);
  if (!OPERATORS.has(op)) throw new TypeError(`${description}: unknown operator ${JSON.stringify(op)}`);
  if (op === 'in') {
    if (!Array.isArray(value)) throw new TypeError(`${description}: 'in' takes an array of values`);
    value.forEach((item, index) => assertScalar(item, `${description}: value[${index}]`));
    return { field, op, value: [...value] };
  }
  if (RANGE_OPERATORS.has(op)) {
    if (typeof value !== 'string' && !isFiniteNumber(value)) {
      throw new TypeError(`${description}: '${op}' takes a string or a finite number, got ${JSON.stringify(value)}`);
    }
    return { field, op, value };
  }
  assertScalar(value, `${description}: value`);
  return { field, op, value };
}

function orderKeys(sort: FindQuery['sort']): OrderKey[] {
  if (sort !== undefined && !Array.isArray(sort)) throw new TypeError('sort must be an array');
  const keys: OrderKey[] = [];
  for (const [index, { field, direction }] of (sort ?? []).entries()) {
    assertFieldPath(field, `sort[${index}]`);
    if (direction !== 'asc' && direction !== 'desc') {
      throw new TypeError(`sort[${index}]: direction must be 'asc' or 'desc', got ${JSON.stringify(direction)}`);
    }
    if (keys.some((key) => key.field === field)) throw new TypeError(`sort lists the field ${field} twice`);
    keys.push({ field, direction });
    if (field === ID_FIELD) return keys;
  }
  keys.push({ field: ID_FIELD, direction: 'asc' });
  return keys;
}

function assertScalar(value: unknown, description: string): asserts value is Scalar {
  const valid = value === null || typeof value === 'string' || typeof value === 'boolean' || isFiniteNumber(value);
  if (!valid) throw new TypeError(`${description} must be a string, a finite number, a boolean or null, got ${JSON.stringify(value)}`);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
