import { Position as ClientPosition } from '@eventstore/db-client';

/**
 * The port's global position of an event is its $all commit position: a byte offset in the
 * transaction log, so strictly increasing but not consecutive.
 *
 * The port uses a number; the client a bigint. Numbers are exact up to 2^53 bytes (about 9 PB of
 * log), far beyond this system's volume; a larger position fails loudly instead of losing precision.
 *
 * Going back, a number becomes `{ commit: n, prepare: n }`: for every event appended through gRPC
 * (EventStoreDB 20+, which has no explicit transactions) the commit and prepare positions of an
 * event are equal. A server may not start a read at a position that is not the
 * start of a record; see `anchorAtOrBefore` for numbers that are not positions of events.
 */
export function toPortPosition(commit: bigint): number {
  // 0 and 2^64 - 1 are what older servers (< 22.6) report when they do not send the position of
  // an event read from a stream.
  if (commit <= 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `EventStoreDB reported the $all position ${commit}, which is not a usable position: ` +
        'either the server did not send it (EventStoreDB 22.6 or later is required) or it exceeds 2^53',
    );
  }
  return Number(commit);
}

export function toClientPosition(position: number | bigint): ClientPosition {
  const commit = BigInt(position);
  return { commit, prepare: commit };
}

