import { SubscriptionFilter } from './event-store.port';

/**
 * Both criteria must hold when both are given. A missing or empty list does not restrict
 * (an empty list is taken as "no filter configured", not as "match nothing").
 */
export function matchesSubscriptionFilter(filter: SubscriptionFilter | undefined, type: string, streamId: string): boolean {
  const { eventTypes = [], streamPrefixes = [] } = filter ?? {};
  const typeMatches = eventTypes.length === 0 || eventTypes.includes(type);
  const streamMatches = streamPrefixes.length === 0 || streamPrefixes.some((prefix) => streamId.startsWith(prefix));
  return typeMatches && streamMatches;
}
