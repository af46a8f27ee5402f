import type { CaseEvent } from '@app/domain';
import { applyEvents, DocSlot, docKey } from '@app/projector/apply-events';
import type { AnyProjectionEvent, Projection, ProjectionEvent } from '../projection';

/** When each event happened: the `…At` instant its data carries, else the previous event's. */
function occurredAt(event: CaseEvent, previous: string): string {
  const instant = Object.entries(event.data).find(([key, value]) => key.endsWith('At') && key !== 'dueAt' && typeof value === 'string');
  return (instant?.[1] as string | undefined) ?? previous;
}

/** Gives a case's events the stream, revisions, positions and metadata the store would. */
export function recordCaseEvents(caseId: string, events: CaseEvent[], firstPosition = 1, actorId = 'actor'): ProjectionEvent[] {
  let at = '2026-01-01T00:00:00-05:00';
  return events.map((event, revision) => {
    at = occurredAt(event, at);
    return { ...event, streamId: `case-${caseId}`, revision, position: firstPosition + revision, metadata: { actorId, occurredAt: at } } as ProjectionEvent;
  });
}

/** The events with an `eventId` in their metadata, as the store records it (`idOf` names each one). */
export function withEventIds(events: ProjectionEvent[], idOf: (event: ProjectionEvent) => string): ProjectionEvent[] {
  return events.map((event) => ({ ...event, metadata: { ...event.metadata, eventId: idOf(event) } }));
}

/** Any of the documents a projection keeps. */
export type DocOf<Docs> = NonNullable<Docs[keyof Docs]>;

/**
 * Runs a projection over events in memory (the projector's own loop) and returns every document by
 * collection and id. (`& Projection`: any projection of known documents is also one the projector runs.)
 */
export function project<Docs extends object>(projection: Projection<Docs> & Projection, events: AnyProjectionEvent[], documents = new Map<string, DocSlot>()) {
  applyEvents(projection, documents, events);
  const byCollection: Record<string, Record<string, DocOf<Docs>>> = {};
  for (const [key, { data }] of documents) {
    const [collection, id] = key.split('\u0000');
    // The slots hold what this projection's evolve returned.
    if (data) (byCollection[collection] ??= {})[id] = data as DocOf<Docs>;
  }
  return { documents, byCollection };
}

export { docKey };
