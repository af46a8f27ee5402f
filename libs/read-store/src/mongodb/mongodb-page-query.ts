import { Filter as MongoFilter, Sort } from 'mongodb';
import { ID_FIELD, OrderKey } from '../find-query';
import { CursorValue } from '../page-cursor';
import { MongoDocument, mongoPath, valueAtPath } from './mongodb-document';
import { allOf } from './mongodb-filter';

/**
 * Sorting and keyset pagination in MongoDB's order of values: missing and null first (they tie),
 * then numbers, then strings compared by their UTF-8 bytes; cursors carry only these three kinds.
 */

export function sortOf(order: OrderKey[]): Sort {
  return order.map(({ field, direction }): [string, 1 | -1] => [mongoPath(field), direction === 'asc' ? 1 : -1]);
}

/**
 * The documents after the cursor's `values` in the order of `keys`, as an `$or` of ranges:
 * `k1 after v1`, `k1 = v1 and k2 after v2`, ... MongoDB's comparison operators only match values
 * of their operand's type, and `$gt: null` matches nothing, so "after" names every later kind of
 * value explicitly (see `valuesAfter`).
 */
export function keysetAfter(keys: OrderKey[], values: CursorValue[]): MongoFilter<MongoDocument> {
  const ranges: MongoFilter<MongoDocument>[] = [];
  keys.forEach(({ field, direction }, index) => {
    const later = field === ID_FIELD ? idsAfter(direction, values[index]) : valuesAfter(mongoPath(field), direction, values[index]);
    if (later === null) return;
    const ties = keys.slice(0, index).map((previous, position) => equalTo(mongoPath(previous.field), values[position]));
    ranges.push(allOf([...ties, later]));
  });
  return { $or: ranges };
}

/** The row's value of each order key, as the next cursor carries them. */
export function cursorValuesOf(document: MongoDocument, order: OrderKey[]): CursorValue[] {
  return order.map(({ field }) => {
    const value = valueAtPath(document, mongoPath(field)) ?? null;
    if (value === null || typeof value === 'string' || typeof value === 'number') return value;
    throw new TypeError(
      `Cannot page on ${field}: document ${document._id} holds ${JSON.stringify(value)} there; sort fields must hold strings or numbers`,
    );
  });
}

function equalTo(path: string, value: CursorValue): MongoFilter<MongoDocument> {
  // `$eq: null` also matches a missing field, which sorts as null.
  return { [path]: { $eq: value } };
}

/** Ids are always strings. */
function idsAfter(direction: OrderKey['direction'], value: CursorValue): MongoFilter<MongoDocument> {
  return { _id: { [direction === 'asc' ? '$gt' : '$lt']: value } };
}

/** The values that sort after `value` in `direction`, or null when none can. */
function valuesAfter(path: string, direction: OrderKey['direction'], value: CursorValue): MongoFilter<MongoDocument> | null {
  const field = (condition: object): MongoFilter<MongoDocument> => ({ [path]: condition });
  const anyOf = (...conditions: object[]): MongoFilter<MongoDocument> => ({ $or: conditions.map(field) });
  if (direction === 'asc') {
    if (value === null) return field({ $ne: null });
    if (typeof value === 'number') return anyOf({ $gt: value }, { $type: 'string' });
    return field({ $gt: value });
  }
  if (value === null) return null;
  if (typeof value === 'number') return anyOf({ $lt: value }, { $eq: null });
  return anyOf({ $lt: value }, { $type: 'number' }, { $eq: null });
}
