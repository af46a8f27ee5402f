import { ExpectedRevision, WrongExpectedRevisionError } from './event-store.port';

/** The revision reported for a stream that does not exist. */
export const NO_STREAM_REVISION = -1;

export function assertValidExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 0) return;
  throw new TypeError(
    `expectedRevision must be 'no_stream', 'stream_exists', 'any' or a non-negative integer, got ${JSON.stringify(expected)}`,
  );
}

/** @param actual the stream's current revision, NO_STREAM_REVISION when it does not exist. */
export function assertExpectedRevision(streamId: string, expected: ExpectedRevision, actual: number): void {
  if (!isSatisfied(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

function isSatisfied(expected: ExpectedRevision, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === NO_STREAM_REVISION;
    case 'stream_exists':
      return actual !== NO_STREAM_REVISION;
    default:
      return expected === actual;
  }
}
