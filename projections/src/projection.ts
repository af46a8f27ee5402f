import { createHash } from 'node:crypto';
import type { CaseEvent, DirectoryEvent } from '@app/domain';
import type { CollectionSpec } from '@app/read-store';

/** A domain event plus where and when it was recorded. */
type Recorded<Event> = Event & {
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

/** A case event as projections see it. */
export type ProjectionEvent = Recorded<CaseEvent>;
/** A directory event (users, teams) as projections see it. */
export type DirectoryProjectionEvent = Recorded<DirectoryEvent>;
/** Any event a projection may handle: what the projector reads. */
export type AnyProjectionEvent = ProjectionEvent | DirectoryProjectionEvent;

export interface DocKey {
  collection: string;
  id: string;
  /**
   * This event creates the document: no stored version can precede it (its id comes from the event
   * itself, or from the stream the event opens). A fact the projector may rely on (ADR 11).
   */
  created?: boolean;
}

/** The key of each document an event touches, by the name `evolve` knows it by (an optional name: not every event names it). */
export type DocKeys<Docs> = { [Name in keyof Docs]: DocKey };
/** The current version of each document named (null when absent). */
export type CurrentDocs<Docs> = { [Name in keyof Docs]: Docs[Name] | null };
/** The new versions: a document returned as `null` is deleted, one left out is unchanged. */
export type DocChanges<Docs> = { [Name in keyof Docs]?: Docs[Name] | null };
/** The names of the documents a projection keeps. */
export type DocName<Docs> = keyof Docs & string;

/**
 * A pure projection over the documents `Docs` (by name: `{ item: QueueItem; summary: QueueSummary }`).
 * For each event it names the documents it touches (`keysOf`), and `evolve` turns their current
 * versions into new ones. It never changes the documents it is given, except its `drafts`. No I/O:
 * the projector (libs/projector) loads, applies and stores.
 */
export interface Projection<Docs extends object = Record<string, object>, Event extends AnyProjectionEvent = AnyProjectionEvent> {
  name: string;
  /** Bump to rebuild the projection from position 0 on the next start. */
  version: number;
  collections: CollectionSpec[];
  handles: readonly Event['type'][];
  /**
   * The documents nearly every event changes (a summary of counts, a day's figures): `evolve` gets a
   * copy of each, made by the projector for the batch, changes it in place and must return it (ADR 17).
   */
  drafts?: readonly DocName<Docs>[];
  keysOf(event: Event): DocKeys<Docs>;
  evolve(docs: CurrentDocs<Docs>, event: Event): DocChanges<Docs>;
}

/**
 * Declares a projection over the documents `Docs` and the events `Event` (case events unless told): `keysOf` and `evolve` are typed by them, and the
 * result is a `Projection` the projector runs like any other.
 */
export function defineProjection<Docs extends object, Event extends AnyProjectionEvent = ProjectionEvent>(projection: Projection<Docs, Event>): Projection<Docs, Event> {
  return projection;
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
