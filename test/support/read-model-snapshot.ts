import { isDeepStrictEqual } from 'node:util';
import { READ_MODEL_PROJECTIONS } from '@app/runtime';
import { Projection } from '@app/projections';
import type { ProjectionCheckpoint, ReadStore } from '@app/read-store';

/** One document as the read store holds it; the position is part of what must match. */
export interface SnapshotDocument {
  id: string;
  position: number;
  data: Record<string, unknown>;
}

/** Every document of every collection of the projections, by collection name, each list ordered by id. */
export type ReadModelSnapshot = Record<string, SnapshotDocument[]>;

const PAGE = 1000;

/** The names of every collection the projections keep. */
export function collectionsOf(projections: readonly Projection[] = READ_MODEL_PROJECTIONS): string[] {
  return projections.flatMap((projection) => projection.collections.map((collection) => collection.name));
}

/** Pages through each collection by id (limit 1000, following nextCursor) and keeps {id, position, data}. */
export async function snapshotReadModels(store: ReadStore, projections: readonly Projection[] = READ_MODEL_PROJECTIONS): Promise<ReadModelSnapshot> {
  const snapshot: ReadModelSnapshot = {};
  for (const collection of collectionsOf(projections)) {
    const documents: SnapshotDocument[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.find(collection, { sort: [{ field: 'id', direction: 'asc' }], limit: PAGE, cursor });
      documents.push(...page.items.map(({ id, position, data }) => ({ id, position, data })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // The pages must not overlap nor skip: ids strictly increasing.
    for (let i = 1; i < documents.length; i++) {
      if (!(documents[i - 1].id < documents[i].id)) throw new Error(`${collection}: paging by id returned ${documents[i - 1].id} before ${documents[i].id}`);
    }
    snapshot[collection] = documents;
  }
  return snapshot;
}

/**
 * The checkpoints of the projections (not the SLA process manager's timers) without their wall-clock
 * time stamps: {projection, version, position}.
 */
export async function checkpointsOf(store: ReadStore, projections: readonly Projection[] = READ_MODEL_PROJECTIONS): Promise<Array<Omit<ProjectionCheckpoint, 'updatedAt'>>> {
  const names = new Set(projections.map((projection) => projection.name));
  return (await store.listCheckpoints())
    .filter(({ projection }) => names.has(projection))
    .map(({ projection, version, position }) => ({ projection, version, position }));
}

/** What differs in one collection, kept short enough to read in a failure message. */
export interface CollectionDifference {
  collection: string;
  counts: { expected: number; actual: number };
  /** How many ids are on one side only, or on both with different position or data. */
  onlyExpected: number;
  onlyActual: number;
  changed: number;
  /** The first differing id (in id order) and both versions of it (undefined: absent on that side). */
  first: { id: string; expected?: SnapshotDocument; actual?: SnapshotDocument };
}

/** Collection by collection, what differs between two snapshots ([] when they are deep-equal). */
export function diffSnapshots(expected: ReadModelSnapshot, actual: ReadModelSnapshot): CollectionDifference[] {
  const differences: CollectionDifference[] = [];
  const collections = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  for (const collection of collections) {
    const left = new Map((expected[collection] ?? []).map((document) => [document.id, document]));
    const right = new Map((actual[collection] ?? []).map((document) => [document.id, document]));
    const ids = [...new Set([...left.keys(), ...right.keys()])].sort();
    let onlyExpected = 0;
    let onlyActual = 0;
    let changed = 0;
    let first: CollectionDifference['first'] | undefined;
    for (const id of ids) {
      const a = left.get(id);
      const b = right.get(id);
      if (a && b && isDeepStrictEqual(a, b)) continue;
      if (!b) onlyExpected++;
      else if (!a) onlyActual++;
      else changed++;
      first ??= { id, expected: a, actual: b };
    }
    if (first) differences.push({ collection, counts: { expected: left.size, actual: right.size }, onlyExpected, onlyActual, changed, first });
  }
  return differences;
}

/** Document counts per collection (for logs and for "the workload touched every collection" checks). */
export function countsOf(snapshot: ReadModelSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([collection, documents]) => [collection, documents.length]));
}
