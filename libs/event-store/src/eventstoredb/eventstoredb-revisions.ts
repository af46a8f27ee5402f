import { ANY, AppendExpectedRevision, CurrentRevision, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { ExpectedRevision } from '../event-store.port';
import { NO_STREAM_REVISION } from '../expected-revision';

/**
 * Always passed explicitly: the client's default is `any`, which would silently skip the concurrency
 * check. A missing stream (-1) is sent as NO_STREAM, never as -1n, which the server refuses.
 */
export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === NO_STREAM_REVISION) return NO_STREAM;
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

/** A `WrongExpectedVersionError.actualVersion`: `no_stream`, or the stream's revision as a bigint. */
export function toPortRevision(current: CurrentRevision | undefined): number {
  if (current === undefined || current === NO_STREAM || current < 0n) return NO_STREAM_REVISION;
  return Number(current);
}
