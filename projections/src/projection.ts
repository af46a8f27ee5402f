import { createHash } from 'node:crypto';
import type { CaseEvent } from '@app/domain';
import type { CollectionSpec } from '@app/read-store';

/** An event as projections see it: the domain event plus where and when it was recorded. */
export type ProjectionEvent = CaseEvent & {
  streamId: string;
  /**
   * The case's id, taken from the stream's once for all projections (`caseIdOf` derives it when
   * absent): the projections look their documents up by it, and one string hashes once.
   */
  caseId?: string;
  revision: number;
  position: number;
  metadata: { actorId: string; occurredAt: string; [key: string]: unknown };
};

export interface DocKey {
  collection: string;
  id: string;
  /**
   * This event creates the document, so no stored version can precede it (its id comes from the
   * event itself, or from the stream the event opens): the projector does not look it up. A replay
   * of the event after a crash then starts from null again, which is harmless: projections are
   * deterministic, and the store keeps a write only when its position is newer.
   */
  created?: boolean;
  /**
   * A document that nearly every event changes (a summary of counts, a day's figures): `evolve` gets a
   * draft of it, a copy the projector made for this batch, which it may change in place and return.
   * Copying once per batch instead of at every event was about 11 % of a catch-up. The draft returned
   * (or any new document for this key) becomes the projector's own, so it must not be shared.
   */
  draft?: boolean;
}

export type Doc = Record<string, unknown>;

/**
 * A pure projection. For each event it names the documents it touches (`keysOf`), and `evolve`
 * turns their current versions (null when absent) into new ones: a document returned as `null` is
 * deleted, one left out is unchanged. It never changes the documents it is given, except the drafts
 * of keys marked `draft`. No I/O: the projector loads, applies and stores.
 */
export interface Projection<Keys extends string = string> {
  name: string;
  /** Bump to rebuild the projection from position 0 on the next start. */
  version: number;
  collections: CollectionSpec[];
  handles: readonly CaseEvent['type'][];
  keysOf(event: ProjectionEvent): Record<Keys, DocKey>;
  evolve(docs: Record<Keys, Doc | null>, event: ProjectionEvent): Partial<Record<Keys, Doc | null>>;
}

/** The calendar date in Bogotá (UTC−5 all year: Colombia has no daylight saving). */
export function bogotaDate(instant: string): string {
  // Instants the system records carry Bogotá's offset: their date is written out (reports ask for every event).
  if (instant.endsWith('-05:00') && instant[10] === 'T') return instant.slice(0, 10);
  return new Date(Date.parse(instant) - 5 * 3600_000).toISOString().slice(0, 10);
}

/** A number that changes with the settings a projection is built from: part of its version, so new settings rebuild it. */
export function settingsFingerprint(settings: unknown): number {
  return createHash('sha256').update(JSON.stringify(settings)).digest().readUInt32BE(0) % 1_000_000;
}
