import { Filter as MongoFilter } from 'mongodb';
import { Filter } from '../read-store.port';
import { MongoDocument, mongoPath } from './mongodb-document';

/**
 * The MongoDB filter of validated filters. The port's semantics are MongoDB's own (`eq null` and
 * `in [null]` match missing fields, `ne` matches documents lacking the field, a range only matches
 * values of its bound's type), so each filter maps to its operator one to one.
 */
export function filterOf(where: Filter[]): MongoFilter<MongoDocument> {
  return allOf(where.map(({ field, op, value }) => ({ [mongoPath(field)]: { [`$${op}`]: value } })));
}

export function allOf(clauses: MongoFilter<MongoDocument>[]): MongoFilter<MongoDocument> {
  if (clauses.length === 0) return {};
  return clauses.length === 1 ? clauses[0] : { $and: clauses };
}
