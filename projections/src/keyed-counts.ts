/**
 * A count kept under a key that comes from the outside (an agent's id, a typology). Only the map's
 * own entries count: an agent called `constructor` or `__proto__` must not read Object.prototype.
 */
export function ownEntry<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}
