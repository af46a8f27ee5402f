import { upcastCaseEvent } from '@app/domain';
import type { CaseEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** A case event as read from the store, upcast to its current version. */
export function toCaseEvent(recorded: RecordedEvent): CaseEvent {
  return upcastCaseEvent(recorded.type as CaseEvent['type'], Number(recorded.metadata.schemaVersion ?? 1), recorded.data);
}

/** ISO-8601 in Bogotá's fixed offset, as every instant in the API is shown. */
export function toOffsetIso(date: Date): string {
  const shifted = new Date(date.getTime() - 5 * 3600_000);
  return shifted.toISOString().replace('Z', '-05:00');
}
