import { EventData, jsonEvent, RecordedEvent as ClientRecordedEvent, ResolvedEvent } from '@eventstore/db-client';
import { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { isJsonObject, serializeJsonObject } from '../event-json';
import { chainHash, metadataWithoutHash, StoredEvent } from '../hash-chain';
import { assertEventType } from '../store-input';
import { toPortPosition } from './eventstoredb-positions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * EventStoreDB's own events: `$`-typed events (stream metadata, projection links, statistics) and
 * everything in metadata streams (`$$<stream>`). The adapter never returns them.
 */
export function isSystemEvent(event: { type: string; streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$$');
}

/** `$` names belong to the server; an event written there would then be hidden from every read. */
export function assertUserStreamId(streamId: string): void {
  if (streamId.startsWith('$')) {
    throw new TypeError(`Stream ids starting with '$' are reserved for EventStoreDB system streams, got ${JSON.stringify(streamId)}`);
  }
}

/** An event checked and serialized once, ready to be chained (ADR 9) once the stream's last hash is known. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  /** What the client will store: `JSON.stringify(data)`, and of the metadata without its hash. */
  dataJson: string;
  metadataJson: string;
}

/** Checks the event (plain JSON objects, no NaN or Infinity, a UUID eventId) and serializes it as the client will. */
export function prepareEvent(event: NewEvent, description: string): PreparedEvent {
  if (typeof event !== 'object' || event === null) throw new TypeError(`${description} must be an object`);
  assertEventType(event.type, description);
  if (event.type.startsWith('$')) {
    throw new TypeError(`${description}: types starting with '$' are reserved for EventStoreDB system events, got ${JSON.stringify(event.type)}`);
  }
  const dataJson = serializeJsonObject(event.data, `${description}: data`);
  const metadata = isJsonObject(event.metadata) ? metadataWithoutHash(event.metadata) : event.metadata;
  const metadataJson = serializeJsonObject(metadata, `${description}: metadata`);
  const { eventId } = event.metadata;
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    throw new TypeError(`${description}: metadata.eventId must be a UUID (EventStoreDB uses it as the event id), got ${JSON.stringify(eventId)}`);
  }
  return { id: eventId, type: event.type, data: event.data, metadata, dataJson, metadataJson };
}

/** For the sequence allocator's counter streams, which are not event-store streams and carry no hash chain (ADR 9). */
export function toUnchainedEventData(event: NewEvent, description: string): EventData {
  const { id, type, data, metadata } = prepareEvent(event, description);
  return jsonEvent({ id, type, data, metadata });
}

/**
 * The events as JSON, each with its chain hash in its metadata, for revisions after `currentRevision`.
 * The id is the metadata's eventId: the server then ignores a retried append of the same events.
 */
export function toChainedEventData(streamId: string, currentRevision: number, previousHash: string, events: PreparedEvent[]): EventData[] {
  let previous = previousHash;
  return events.map((event, index) => {
    const content = { streamId, revision: currentRevision + 1 + index, type: event.type, data: event.dataJson, metadataWithoutHash: event.metadataJson };
    const hash = chainHash(content, previous);
    previous = hash;
    return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata, hash } });
  });
}

/**
 * The event as the server stores it: the client wrote `JSON.stringify` of data and metadata and
 * parsed them back, and re-serializing that parse gives the same text.
 */
export function toStoredEvent(event: ClientRecordedEvent, commitPosition: bigint | undefined): StoredEvent {
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: commitPosition === undefined ? 0 : toPortPosition(commitPosition),
    type: event.type,
    data: JSON.stringify(event.data) ?? '',
    metadata: JSON.stringify(event.metadata) ?? '',
  };
}

/** The $all position of an event read from a stream or from $all. */
export function commitPositionOf(resolved: ResolvedEvent): bigint | undefined {
  return resolved.event?.position?.commit ?? resolved.commitPosition;
}

export function toRecordedEvent(event: ClientRecordedEvent, commitPosition: bigint | undefined): RecordedEvent {
  const description = `Event ${event.id} (${event.streamId}@${event.revision})`;
  if (commitPosition === undefined) {
    throw new RangeError(`${description}: EventStoreDB did not report its $all position (EventStoreDB 22.6 or later is required)`);
  }
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: toPortPosition(commitPosition),
    type: event.type,
    data: asJsonObject(event.data, `${description}: data`),
    metadata: asJsonObject(event.metadata, `${description}: metadata`) as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

/** The client has parsed JSON events already; anything else (binary, a JSON array) was not written by this adapter. */
function asJsonObject(value: unknown, description: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) {
    throw new TypeError(`${description} is not a JSON object; this adapter reads only events written as JSON objects`);
  }
  return value as Record<string, unknown>;
}
