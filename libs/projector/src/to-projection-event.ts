import { caseEventShapeViolation, caseIdOfStream, isCaseEventType, isDirectoryEventType, upcastCaseEvent, upcastDirectoryEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { AnyProjectionEvent, ProjectionEvent } from '@app/projections';

/** A stored event as projections read it: upcast to today's schema; null for events that are not case events. */
export function toProjectionEvent(recorded: RecordedEvent): ProjectionEvent | null {
  if (!isCaseEventType(recorded.type)) return null;
  const { type, data } = upcastCaseEvent(recorded.type, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);
  // A literal, not `{ ...event, streamId, … }`: on Node 20 a spread followed by new keys gives every
  // object a hidden class of its own, and every projection's reads of events turn megamorphic.
  return { type, data, streamId: recorded.streamId, caseId: caseIdOfStream(recorded.streamId), revision: recorded.revision, position: recorded.position, metadata: recorded.metadata } as ProjectionEvent;
}

/** A stored event as the projector reads it: a case event, or a directory event (users, teams); null for any other. */
export function toAnyProjectionEvent(recorded: RecordedEvent): AnyProjectionEvent | null {
  if (!isDirectoryEventType(recorded.type)) return toProjectionEvent(recorded);
  const { type, data } = upcastDirectoryEvent(recorded.type, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);
  return { type, data, streamId: recorded.streamId, caseId: undefined, revision: recorded.revision, position: recorded.position, metadata: recorded.metadata } as AnyProjectionEvent;
}

/** `field problem` when the event's data breaks its type's shape (a hand-edited or half-written event); undefined when sound. */
export function shapeViolationOf(event: AnyProjectionEvent): string | undefined {
  // Directory events are written by the directory's own command path only; their shapes are the domain's types.
  if (isDirectoryEventType(event.type)) return undefined;
  const violation = caseEventShapeViolation(event.type, event.data);
  return violation && `${violation.field} ${violation.problem}`;
}
