import { AllStreamRecordedEvent, BACKWARDS, END, FORWARDS, ReadPosition, START } from '@eventstore/db-client';
import { RecordedEvent } from '../event-store.port';
import { EventStoreDbClient } from './eventstoredb-client';
import { isUnavailable } from './eventstoredb-errors';
import { isSystemEvent, toRecordedEvent } from './eventstoredb-events';
import { toClientPosition } from './eventstoredb-positions';

const FORWARD_PAGE_SIZE = 500;
const BACKWARD_PAGE_SIZE = 32;

/**
 * Events with a position greater than `afterPosition`, system events left out, at most `limit`.
 *
 * Reads in pages. A read of $all from a position is inclusive (it starts with the event at that
 * position, as the client's own tests show), so each page skips what the previous one returned.
 * Client 6.x cannot filter reads on the server, so system events are left out here.
 */
export async function readAllAfter(client: EventStoreDbClient, afterPosition: number, limit: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  if (limit === 0) return events;
  let from = await anchorAtOrBefore(client, afterPosition);
  let scannedUpTo = BigInt(afterPosition);
  for (;;) {
    // One more than still wanted: the page starts with the event at `from`, already seen.
    const pageSize = Math.min(limit - events.length + 1, FORWARD_PAGE_SIZE);
    let received = 0;
    let lastInPage: bigint | undefined;
    for await (const { event } of client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: pageSize, resolveLinkTos: false })) {
      received += 1;
      if (!event) continue;
      lastInPage = event.position.commit;
      if (lastInPage <= scannedUpTo) continue;
      scannedUpTo = lastInPage;
      if (isSystemEvent(event)) continue;
      events.push(toRecordedEvent(event, lastInPage));
      if (events.length === limit) return events;
    }
    if (received < pageSize || lastInPage === undefined) return events;
    from = toClientPosition(lastInPage);
  }
}

/**
 * A position the server accepts to start reading from, at or before `position`, so
 * that nothing after `position` is missed (the caller skips what is not after it).
 *
 * The port lets callers pass any number, but EventStoreDB refuses (or, in old versions, silently
 * mishandles) a start position that is not the start of a record, e.g. "an event's position - 1".
 * The position of an event is checked with one read; any other number is resolved by scanning back
 * from the end of $all, which is cheap for recent positions (the usual case).
 */
async function anchorAtOrBefore(client: EventStoreDbClient, position: number): Promise<ReadPosition> {
  if (position === 0) return START;
  if (await isPositionOfARecord(client, BigInt(position))) return toClientPosition(position);
  const before = await findBackwardsFromEnd(client, (event) => event.position.commit <= BigInt(position));
  return before === undefined ? START : toClientPosition(before);
}

/** The position of the last event that is not a system event, 0 when there is none. */
export async function lastEventPosition(client: EventStoreDbClient): Promise<bigint> {
  return (await findBackwardsFromEnd(client, (event) => !isSystemEvent(event))) ?? 0n;
}

/** The cheapest read the server answers: the last record of $all. */
export async function readLastRecord(client: EventStoreDbClient): Promise<void> {
  for await (const resolved of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, resolveLinkTos: false })) void resolved;
}

async function isPositionOfARecord(client: EventStoreDbClient, commit: bigint): Promise<boolean> {
  try {
    for await (const { event } of client.readAll({ direction: FORWARDS, fromPosition: toClientPosition(commit), maxCount: 1, resolveLinkTos: false })) {
      return event?.position.commit === commit;
    }
    return false;
  } catch (error) {
    if (isUnavailable(error)) throw error;
    return false; // The server refused the position: it is not the start of a record.
  }
}

/** The commit position of the latest record of $all that matches, scanning backwards in pages. */
async function findBackwardsFromEnd(client: EventStoreDbClient, matches: (event: AllStreamRecordedEvent) => boolean): Promise<bigint | undefined> {
  let from: ReadPosition = END;
  for (;;) {
    let received = 0;
    let oldestSeen: bigint | undefined;
    for await (const { event } of client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: BACKWARD_PAGE_SIZE, resolveLinkTos: false })) {
      received += 1;
      // Whether a backwards read includes the record at its start position is not relied upon.
      if (!event || (oldestSeen !== undefined && event.position.commit >= oldestSeen)) continue;
      oldestSeen = event.position.commit;
      if (matches(event)) return oldestSeen;
    }
    if (received < BACKWARD_PAGE_SIZE || oldestSeen === undefined) return undefined;
    from = toClientPosition(oldestSeen);
  }
}
