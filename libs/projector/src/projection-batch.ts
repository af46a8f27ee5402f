import type { ReadStore } from '@app/read-store';
import { applyKeyedEvents, ChangedDoc, DocKey, keyEvents, Projection, ProjectionEvent } from '@app/projections';
import type { WriteBackCache } from './write-back-cache';

/** Loads the documents a batch touches (from the cache, else once each from the store), applies the events, and returns the changed documents by `docKey`. */
export async function applyBatch(store: ReadStore, cache: WriteBackCache, projection: Projection, events: ProjectionEvent[]): Promise<Map<string, ChangedDoc>> {
  const keyed = keyEvents(projection, events);
  const wanted = new Map<string, DocKey>();
  for (const { keys, names } of keyed) {
    // A document the batch creates stays unread even when later events of the batch name it too.
    for (const name in names) if (keys[name].created || !wanted.has(names[name])) wanted.set(names[name], keys[name]);
  }
  const documents = await cache.load(store, wanted);
  return applyKeyedEvents(projection, documents, keyed);
}
