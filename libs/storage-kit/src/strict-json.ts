/**
 * Strict JSON (de)serialization of stored payloads (events, documents): what is read back must
 * equal what was written, so values JSON would silently alter (NaN, Infinity) are rejected instead
 * of stored as null. As in JSON, properties whose value is undefined are omitted and objects with
 * toJSON (Date) are stored as what toJSON returns.
 */

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function serializeJsonObject(value: unknown, description: string): string {
  if (!isJsonObject(value)) throw new TypeError(`${description} must be a plain JSON object`);
  try {
    return JSON.stringify(value, rejectNonFiniteNumbers);
  } catch (error) {
    throw new TypeError(`${description} cannot be serialized to JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function parseJsonObject(text: string, description: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${description} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isJsonObject(value)) throw new Error(`${description} is not a JSON object`);
  return value;
}

function rejectNonFiniteNumbers(key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`property "${key}" is ${value}, which JSON cannot represent`);
  }
  return value;
}
