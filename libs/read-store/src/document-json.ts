/**
 * Strict JSON (de)serialization of documents: what is read back must equal what was written, so
 * values JSON would silently alter (NaN, Infinity) are rejected instead of stored as null. As in
 * JSON, properties whose value is undefined are omitted and objects with toJSON (Date) are stored
 * as what toJSON returns.
 */

export function serializeDocument(data: unknown, description: string): string {
  if (!isPlainObject(data)) throw new TypeError(`${description} must be a plain JSON object`);
  try {
    return JSON.stringify(data, rejectNonFiniteNumbers);
  } catch (error) {
    throw new TypeError(`${description} cannot be serialized to JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function parseDocument(text: string, description: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (!isPlainObject(value)) throw new Error(`${description} is not a JSON object`);
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function rejectNonFiniteNumbers(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`property "${key}" is ${value}, which JSON cannot represent`);
  }
  return value;
}
