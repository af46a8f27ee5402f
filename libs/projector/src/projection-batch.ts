import type { ReadStore } from '@app/read-store';
import { applyEvents, ChangedDoc, handledBy, Projection, ProjectionEvent } from '@app/projections';
import type { WriteBackCache } from './write-back-cache';

/** Loads the documents a batch touches (from the cache, else once each from the store), applies the events, and returns the changed documents. */
export async function applyBatch(store: ReadStore, cache: WriteBackCache, projection: Projection, events: ProjectionEvent[]): Promise<ChangedDoc[]> {
  const types = handledBy(projection);
  const handled = events.filter((event) => types.has(event.type));
  const documents = await cache.load(store, handled.flatMap((event) => Object.values(projection.keysOf(event))));
  return applyEvents(projection, documents, handled);
}
