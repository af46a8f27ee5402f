import type { StreamIntegrity } from '@app/event-store';
import type { TimelineEntry } from '@app/projections';

/** An event the read models saw that the stream no longer holds. */
export interface MissingEvent {
  revision: number;
  position: number;
  type: string;
  occurredAt: string;
  actorId: string;
}

/**
 * The verdict on a case's history: the hash chain of the stream as stored (ADR 9), and, against the
 * anchor kept outside the event store — the case's timeline in the read store, one entry per event
 * the projections saw — whether events they saw are missing from it. A cut tail leaves a chain that
 * is intact on what remains: only the anchor tells (ADR 9, amendment of issue 22).
 */
export type CaseIntegrity =
  | StreamIntegrity
  | (Extract<StreamIntegrity, { intact: false }> & { missing: MissingEvent[] })
  | { intact: false; firstBrokenRevision: number; firstBrokenPosition: number; reason: 'truncated'; missing: MissingEvent[] };

export function checkAgainstAnchor(chain: StreamIntegrity, storedRevisions: readonly number[], anchor: readonly TimelineEntry[]): CaseIntegrity {
  const stored = new Set(storedRevisions);
  const missing = anchor
    .filter((entry) => !stored.has(entry.revision))
    .map(({ revision, position, type, at, actorId }) => ({ revision, position, type, occurredAt: at, actorId }));
  if (missing.length === 0) return chain;
  // A break inside the stream (an event altered, or removed: a revision gap) is the chain's to name.
  if (!chain.intact) return { ...chain, missing };
  return { intact: false, firstBrokenRevision: missing[0].revision, firstBrokenPosition: missing[0].position, reason: 'truncated', missing };
}
