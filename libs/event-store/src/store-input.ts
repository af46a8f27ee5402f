/** Argument checks shared by the adapters, so a bad call fails loudly instead of reading or writing nonsense. */

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError(`streamId must be a non-empty string, got ${JSON.stringify(streamId)}`);
  }
}

export function assertEventType(type: unknown, description: string): asserts type is string {
  if (typeof type !== 'string' || type.length === 0) {
    throw new TypeError(`${description}: type must be a non-empty string, got ${JSON.stringify(type)}`);
  }
}

/** Returns `value`, or `fallback` when it is undefined; throws when it is not a non-negative integer. */
export function nonNegativeIntegerOption(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return value;
}

export function positiveIntegerOption(value: number | undefined, name: string, fallback: number): number {
  const result = nonNegativeIntegerOption(value, name, fallback);
  if (result === 0) throw new RangeError(`${name} must be a positive integer, got 0`);
  return result;
}
