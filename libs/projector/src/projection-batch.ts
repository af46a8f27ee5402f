import type { DocumentWrite, ReadStore } from '@app/read-store';
import { applyEvents, docKey, DocKey, Projection, ProjectionEvent, VersionedDoc } from '@app/projections';

/** Loads the documents a batch touches (once each), applies the events, and returns the writes. */
export async function applyBatch(store: ReadStore, projection: Projection, events: ProjectionEvent[]): Promise<DocumentWrite[]> {
  const handled = events.filter((event) => projection.handles.includes(event.type));
  const documents = await loadDocuments(store, handled.flatMap((event) => Object.values(projection.keysOf(event))));
  return applyEvents(projection, documents, handled).map(({ collection, id, position, data }) => ({ collection, id, position, data }));
}

async function loadDocuments(store: ReadStore, keys: DocKey[]): Promise<Map<string, VersionedDoc>> {
  const idsByCollection = new Map<string, Set<string>>();
  for (const { collection, id } of keys) {
    if (!idsByCollection.has(collection)) idsByCollection.set(collection, new Set());
    idsByCollection.get(collection)!.add(id);
  }
  const loaded = new Map<string, VersionedDoc>();
  for (const [collection, ids] of idsByCollection) {
    for (const document of await store.getMany(collection, [...ids])) {
      loaded.set(docKey({ collection, id: document.id }), { data: document.data, position: document.position });
    }
  }
  return loaded;
}
