import type { Doc, DocKey, Projection, ProjectionEvent } from './projection';

export interface VersionedDoc {
  data: Doc | null;
  /** Position of the last event applied to the document (0: none). */
  position: number;
}

export interface ChangedDoc extends DocKey, VersionedDoc {}

export const docKey = ({ collection, id }: DocKey) => `${collection}\u0000${id}`;

const handledTypes = new WeakMap<Projection, ReadonlySet<string>>();

/** The event types a projection handles, as a set (looked up for every event). */
export function handledBy(projection: Projection): ReadonlySet<string> {
  let types = handledTypes.get(projection);
  if (!types) handledTypes.set(projection, (types = new Set(projection.handles)));
  return types;
}

/** A handled event with the documents it names: each key, and its `docKey`. */
export interface KeyedEvent {
  event: ProjectionEvent;
  keys: Record<string, DocKey>;
  names: Record<string, string>;
}

/** The events the projection handles, each with its keys, computed once (a batch loads them, then applies). */
export function keyEvents(projection: Projection, events: readonly ProjectionEvent[]): KeyedEvent[] {
  const handled = handledBy(projection);
  const keyed: KeyedEvent[] = [];
  for (const event of events) {
    if (!handled.has(event.type)) continue;
    const keys = projection.keysOf(event);
    const names: Record<string, string> = {};
    for (const name in keys) names[name] = docKey(keys[name]);
    keyed.push({ event, keys, names });
  }
  return keyed;
}

/**
 * Applies events to documents held in `documents` (keyed by `docKey`, all keys the events name must
 * be present, null data for absent documents) and returns the documents that changed. An event is
 * not applied again to a document that already reflects it (position not newer), so replays are no-ops.
 * The documents are replaced in the map, never changed in place.
 */
export function applyEvents(projection: Projection, documents: Map<string, VersionedDoc>, events: ProjectionEvent[]): ChangedDoc[] {
  return [...applyKeyedEvents(projection, documents, keyEvents(projection, events)).values()];
}

/** `applyEvents` for events keyed already; the changed documents by `docKey`. */
export function applyKeyedEvents(projection: Projection, documents: Map<string, VersionedDoc>, events: readonly KeyedEvent[]): Map<string, ChangedDoc> {
  const changed = new Map<string, ChangedDoc>();
  for (const { event, keys, names } of events) {
    const current: Record<string, Doc | null> = {};
    for (const name in names) current[name] = documents.get(names[name])?.data ?? null;
    const next = projection.evolve(current, event);
    for (const name in next) {
      const data = next[name];
      if (data === undefined) continue;
      const key = names[name];
      if ((documents.get(key)?.position ?? 0) >= event.position) continue;
      const document: ChangedDoc = { collection: keys[name].collection, id: keys[name].id, data, position: event.position };
      documents.set(key, document);
      changed.set(key, document);
    }
  }
  return changed;
}
