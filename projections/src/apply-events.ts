import type { Doc, DocKey, Projection, ProjectionEvent } from './projection';

export interface VersionedDoc {
  data: Doc | null;
  /** Position of the last event applied to the document (0: none). */
  position: number;
}

export interface ChangedDoc extends DocKey, VersionedDoc {}

export const docKey = ({ collection, id }: DocKey) => `${collection}\u0000${id}`;

/**
 * Applies events to documents held in `documents` (keyed by `docKey`, all keys the events name must
 * be present, null data for absent documents) and returns the documents that changed. An event is
 * not applied again to a document that already reflects it (position not newer), so replays are no-ops.
 */
export function applyEvents(projection: Projection, documents: Map<string, VersionedDoc>, events: ProjectionEvent[]): ChangedDoc[] {
  const changed = new Map<string, ChangedDoc>();
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    const keys = projection.keysOf(event);
    const current = Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, documents.get(docKey(key))?.data ?? null]));
    const next = projection.evolve(current, event);
    for (const [name, data] of Object.entries(next)) {
      if (data === undefined) continue;
      const key = keys[name];
      if ((documents.get(docKey(key))?.position ?? 0) >= event.position) continue;
      documents.set(docKey(key), { data, position: event.position });
      changed.set(docKey(key), { ...key, data, position: event.position });
    }
  }
  return [...changed.values()];
}
