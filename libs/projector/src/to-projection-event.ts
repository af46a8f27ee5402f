import { isCaseEventType, upcastCaseEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import type { ProjectionEvent } from '@app/projections';

/** A stored event as projections read it: upcast to today's schema; null for events that are not case events. */
export function toProjectionEvent(recorded: RecordedEvent): ProjectionEvent | null {
  if (!isCaseEventType(recorded.type)) return null;
  const event = upcastCaseEvent(recorded.type, Number(recorded.metadata.schemaVersion ?? 1), recorded.data);
  return { ...event, streamId: recorded.streamId, revision: recorded.revision, position: recorded.position, metadata: recorded.metadata } as ProjectionEvent;
}
