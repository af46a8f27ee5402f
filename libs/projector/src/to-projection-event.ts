import { caseEventShapeViolation, caseIdOfStream, isCaseEventType, upcastCaseEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionEvent } from '@app/projections';

/** A stored event as projections read it: upcast to today's schema; null for events that are not case events. */
export function toProjectionEvent(recorded: RecordedEvent): ProjectionEvent | null {
  if (!isCaseEventType(recorded.type)) return null;
  const { type, data } = upcastCaseEvent(recorded.type, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);
  // A literal, not `{ ...event, streamId, … }`: on Node 20 a spread followed by new keys gives every
  // object a hidden class of its own, and every projection's reads of events turn megamorphic.
  return { type, data, streamId: recorded.streamId, caseId: caseIdOfStream(recorded.streamId), revision: recorded.revision, position: recorded.position, metadata: recorded.metadata } as ProjectionEvent;
}

/** `field problem` when the event's data breaks its type's shape (a hand-edited or half-written event); undefined when sound. */
export function shapeViolationOf(event: ProjectionEvent): string | undefined {
  const violation = caseEventShapeViolation(event.type, event.data);
  return violation && `${violation.field} ${violation.problem}`;
}
