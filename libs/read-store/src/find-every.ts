import type { FindQuery, ReadStore } from './read-store.port';
import { MAX_PAGE_LIMIT } from './read-store-input';

/** Every document a query finds, read page after page (of `pageSize`, the store's largest by default). */
export async function findEvery<T extends object>(store: ReadStore, collection: string, query: Omit<FindQuery, 'limit' | 'cursor'>, pageSize = MAX_PAGE_LIMIT): Promise<T[]> {
  const documents: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find<T>(collection, { ...query, limit: pageSize, cursor });
    documents.push(...page.items.map((item) => item.data));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return documents;
}
