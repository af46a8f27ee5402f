/** Turns the data of an event written with schema version N into version N + 1. */
export type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

/** Per event type, the upcaster that lifts each old version: `{ CaseFiled: { 1: v1ToV2 } }`. */
export type UpcasterRegistry = Record<string, Record<number, Upcaster>>;

/**
 * Brings stored event data up to the version the code reads today. Shipped events never change
 * in the store; a new schema version comes with an upcaster from the previous one.
 */
export function upcast(
  registry: UpcasterRegistry,
  type: string,
  storedVersion: number,
  currentVersion: number,
  data: Record<string, unknown>,
): Record<string, unknown> {
  let version = storedVersion;
  let upcasted = data;
  while (version < currentVersion) {
    const step = registry[type]?.[version];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${version} to ${version + 1}`);
    upcasted = step(upcasted);
    version += 1;
  }
  return upcasted;
}
