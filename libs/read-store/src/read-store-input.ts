/** Argument checks shared by the adapters, so a bad call fails loudly instead of reading or writing nonsense. */
import type { IndexSpec } from './read-store.port';

const COLLECTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export const MAX_PAGE_LIMIT = 1000;

/** Collection names end up in table names, so only letters, digits, underscore and dash are accepted. */
export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw new TypeError(
      `Invalid collection name ${JSON.stringify(name)}: use 1 to 64 letters, digits, underscores or dashes`,
    );
  }
}

/** A field of a document: identifiers joined by dots (`owner.team`). */
export function assertFieldPath(field: unknown, description: string): asserts field is string {
  if (typeof field !== 'string' || !FIELD_PATH.test(field)) {
    throw new TypeError(`${description}: invalid field ${JSON.stringify(field)}; use identifiers joined by dots`);
  }
}

export function assertNonEmptyString(value: unknown, description: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`${description} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
}

export function assertNonNegativeInteger(value: unknown, description: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${description} must be a non-negative integer, got ${String(value)}`);
  }
}

export function assertPageLimit(limit: unknown): asserts limit is number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_LIMIT}, got ${String(limit)}`);
  }
}

/** An index of `collection`: a non-empty list of distinct field paths. */
export function assertIndexSpec(collection: string, index: unknown): asserts index is IndexSpec {
  const description = `Collection ${collection}: index`;
  const fields = (index as IndexSpec | null)?.fields;
  if (typeof index !== 'object' || index === null || !Array.isArray(fields) || fields.length === 0) {
    throw new TypeError(`${description} needs a non-empty array of fields`);
  }
  fields.forEach((field) => assertFieldPath(field, description));
  if (new Set(fields).size !== fields.length) throw new TypeError(`${description} lists a field twice`);
}
