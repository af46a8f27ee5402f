import type { DocKey, Projection, AnyProjectionEvent } from '@app/projections';

/**
 * A document while events are applied to it. Applying an event replaces the slot's `data` (the
 * documents themselves are never changed in place: projections are pure) and its `position`.
 */
export interface DocSlot {
  collection: string;
  id: string;
  /** A JSON object; null when absent. */
  data: object | null;
  /** Position of the last event applied to the document (0: none). */
  position: number;
}

export const docKey = ({ collection, id }: DocKey) => `${collection}\u0000${id}`;

const handledTypes = new WeakMap<Projection, ReadonlySet<string>>();

/** The event types a projection handles, as a set (looked up for every event). */
export function handledBy(projection: Projection): ReadonlySet<string> {
  let types = handledTypes.get(projection);
  if (!types) handledTypes.set(projection, (types = new Set(projection.handles)));
  return types;
}

const draftNames = new WeakMap<Projection, ReadonlySet<string> | null>();

/** The names of a projection's drafts (ADR 17), as a set; null when it has none. */
function draftsOf(projection: Projection): ReadonlySet<string> | null {
  let drafts = draftNames.get(projection);
  if (drafts === undefined) draftNames.set(projection, (drafts = projection.drafts?.length ? new Set(projection.drafts) : null));
  return drafts;
}

/** The events a projection handles, each with its keys and the slot of each key (computed once: a batch loads, then applies). */
export interface KeyedBatch<Slot extends DocSlot = DocSlot> {
  events: AnyProjectionEvent[];
  keys: Record<string, DocKey>[];
  /** The slots of the first event's keys, in the order of its keys, then the second event's, and so on. */
  slots: Slot[];
}

export function keyBatch<Slot extends DocSlot>(projection: Projection, events: readonly AnyProjectionEvent[], slotOf: (key: DocKey) => Slot): KeyedBatch<Slot> {
  const handled = handledBy(projection);
  const batch: KeyedBatch<Slot> = { events: [], keys: [], slots: [] };
  for (const event of events) {
    if (!handled.has(event.type)) continue;
    const keys = projection.keysOf(event);
    batch.events.push(event);
    batch.keys.push(keys);
    for (const name in keys) batch.slots.push(slotOf(keys[name]));
  }
  return batch;
}

/**
 * Applies each event to the slots of its keys. An event is not applied again to a document that
 * already reflects it (position not newer), so replays are no-ops. `beforeChange` sees each slot
 * about to change, still as it was. A draft (`Projection.drafts`) gets a copy of its document, made
 * once per batch: the stored version, which `beforeChange` sees, is never changed in place.
 */
export function applyKeyedBatch<Slot extends DocSlot>(projection: Projection, { events, keys, slots }: KeyedBatch<Slot>, beforeChange: (slot: Slot) => void): void {
  const drafts = draftsOf(projection);
  /** Slots holding a document of this batch's own (a draft, or what evolve returned for a draft's name). */
  const owned = new Set<Slot>();
  let first = 0;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const eventKeys = keys[index];
    const current: Record<string, object | null> = {};
    let at = first;
    for (const name in eventKeys) {
      const slot = slots[at++];
      current[name] = drafts !== null && drafts.has(name) && !owned.has(slot) ? draftOf(slot.data) : slot.data;
    }
    const next = projection.evolve(current, event);
    at = first;
    for (const name in eventKeys) {
      const slot = slots[at++];
      const data = next[name];
      if (data === undefined || slot.position >= event.position) continue;
      beforeChange(slot);
      slot.data = data;
      slot.position = event.position;
      if (drafts !== null && drafts.has(name)) owned.add(slot);
    }
    first = at;
  }
}

/**
 * A copy of a document to change in place. Documents are JSON, so a JSON round trip loses nothing,
 * and it builds the objects in this realm (structuredClone's come from Node's own, under Jest's vm).
 */
export function draftOf<Data extends object>(data: Data | null): Data | null {
  return data === null ? null : (JSON.parse(JSON.stringify(data)) as Data);
}

/** Applies events to the documents of `documents` (by `docKey`), adding a slot for each document the events name. */
export function applyEvents(projection: Projection, documents: Map<string, DocSlot>, events: readonly AnyProjectionEvent[]): void {
  const slotOf = (key: DocKey) => {
    const name = docKey(key);
    let slot = documents.get(name);
    if (!slot) documents.set(name, (slot = { collection: key.collection, id: key.id, data: null, position: 0 }));
    return slot;
  };
  applyKeyedBatch(projection, keyBatch(projection, events, slotOf), () => {});
}
