import { randomUUID } from 'crypto';
import type { EventMetadata, NewEvent } from '../event-store.port';

/** A stream no other test touches. */
export function uniqueStreamId(label: string): string {
  return `contract-${label}-${randomUUID()}`;
}

/** Metadata as the API writes it, with fresh ids. */
export function contractMetadata(): EventMetadata {
  return {
    eventId: randomUUID(),
    schemaVersion: 1,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actorId: 'system:contract-test',
    occurredAt: '2026-03-02T09:30:00.000-05:00',
  };
}

export function contractEvent(type: string, data: Record<string, unknown> = { note: `${type} happened` }, extraMetadata: Partial<EventMetadata> = {}): NewEvent {
  return { type, data, metadata: { ...contractMetadata(), ...extraMetadata } };
}

/** An event with the given data (none by default) and fresh metadata, for the adapters' own specs. */
export function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return { type, data, metadata: contractMetadata() };
}
