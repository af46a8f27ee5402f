import { EventData, jsonEvent, RecordedEvent as ClientRecordedEvent, ResolvedEvent } from '@eventstore/db-client';
import { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port';
import { serializeJsonObject } from '../event-json';
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

/** The event as JSON, its id the metadata's eventId: the server then ignores a retried append of the same event. */
export function toEventData(event: NewEvent, description: string): EventData {
  if (typeof event !== 'object' || event === null) throw new TypeError(`${description} must be an object`);
  assertEventType(event.type, description);
  if (event.type.startsWith('$')) {
    throw new TypeError(`${description}: types starting with '$' are reserved for EventStoreDB system events, got ${JSON.stringify(event.type)}`);
  }
  // Validates only (plain JSON objects, no NaN or Infinity); the client serializes them itself.
  serializeJsonObject(event.data, `${description}: data`);
  serializeJsonObject(event.metadata, `${description}: metadata`);
  const { eventId } = event.metadata;
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    throw new TypeError(`${description}: metadata.eventId must be a UUID (EventStoreDB uses it as the event id), got ${JSON.stringify(eventId)}`);
  }
  return jsonEvent({ id: eventId, type: event.type, data: event.data, metadata: event.metadata });
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
