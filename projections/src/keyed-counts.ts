/**
 * A count kept under a key that comes from the outside (an agent's id, a typology). Only the map's
 * own entries count: an agent called `constructor` or `__proto__` must not read Object.prototype.
 */
export function ownEntry<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Sets the entry under an outside key, in place: `__proto__` too is an entry of its own, never the map's prototype. */
export function setEntry<T>(map: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}
