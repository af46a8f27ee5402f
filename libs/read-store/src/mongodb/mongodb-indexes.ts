import { IndexDescription } from 'mongodb';
import { ID_FIELD } from '../find-query';
import { assertCollectionName, assertIndexSpec } from '../read-store-input';
import { CollectionSpec, IndexSpec } from '../read-store.port';
import { mongoPath } from './mongodb-document';

/** A unique index as MongoDB lists it: the paths of its keys (`data.filingNumber`, `_id`). */
export interface UniqueIndex {
  name: string;
  paths: string[];
}

/** Validates the spec, then describes its indexes for `createIndexes` (which skips those that exist). */
export function indexDescriptions(spec: CollectionSpec): IndexDescription[] {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('A collection spec must be an object');
  assertCollectionName(spec.name);
  if (!Array.isArray(spec.indexes)) throw new TypeError(`Collection ${spec.name}: indexes must be an array`);
  return spec.indexes.map((index) => indexDescription(spec.name, index));
}

function indexDescription(collection: string, index: IndexSpec): IndexDescription {
  assertIndexSpec(collection, index);
  const unique = index.unique === true;
  const key = new Map<string, 1>(index.fields.map((field) => [mongoPath(field), 1]));
  // Ending a non-unique index with _id lets it also deliver the `id` tie-breaker of every sort.
  // A unique one must not: _id would make every entry unique.
  if (!unique && !index.fields.includes(ID_FIELD)) key.set('_id', 1);
  // The name derives from the fields and uniqueness, so declaring the same index again is a no-op
  // while changing its uniqueness creates a new one (and never silently keeps the old kind).
  const name = `${unique ? 'uniq' : 'idx'}:${index.fields.join(',')}`;
  return unique ? { key, name, unique } : { key, name };
}

/** The unique indexes among those `listIndexes` returns (the `_id` index is left out: ids are unique by construction). */
export function uniqueIndexesOf(listed: { name?: string; key: Record<string, unknown>; unique?: boolean }[]): UniqueIndex[] {
  return listed
    .filter((index) => index.unique === true && index.name !== '_id_')
    .map((index) => ({ name: index.name ?? JSON.stringify(index.key), paths: Object.keys(index.key) }));
}
