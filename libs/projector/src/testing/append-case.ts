import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '@app/domain';
import type { SqliteEventStore } from '@app/event-store/sqlite';

/** The filing number `appendCase` gives a case. */
export const filingNumberOf = (caseId: string) => `2026-${caseId.slice(-6)}`;

/** Appends a canned history as the stream of case `caseId` (its own id and filing number in CaseFiled), with API-like metadata. */
export async function appendCase(store: SqliteEventStore, caseId: string, events: CaseEvent[]): Promise<void> {
  await store.appendToStream(
    `case-${caseId}`,
    events.map((event) => ({
      type: event.type,
      data: (event.type === 'CaseFiled' ? { ...event.data, caseId, filingNumber: filingNumberOf(caseId) } : event.data) as Record<string, unknown>,
      metadata: { eventId: randomUUID(), schemaVersion: 1, correlationId: 'c', causationId: 'c', actorId: 'tester', occurredAt: '2026-03-02T10:00:00-05:00' },
    })),
    { expectedRevision: 'no_stream' },
  );
}
