import type { ChangedDoc, DocKey, VersionedDoc } from '@app/projections';
import type { DocumentWrite, ReadStore } from '@app/read-store';

interface CachedDoc extends DocKey, VersionedDoc {}

export interface WriteBackLimits {
  /** Events applied in memory before the documents and the checkpoint are committed (together). */
  commitEveryEvents: number;
  /** Documents kept in memory between commits; past this, the clean ones are dropped after a commit. */
  maxCachedDocuments: number;
}

/**
 * One projection's documents between two commits. During a catch-up, a case's events land in many
 * batches: its documents are read once, changed in memory batch after batch, and written once per
 * commit instead of once per batch. The checkpoint is the position up to which the events were
 * applied to the documents committed with it, so a crash loses only what was never committed, and
 * replays it. Documents handed out are never mutated (projections are pure), so a batch that fails
 * half-way leaves the cache as it was.
 */
export class WriteBackCache {
  private readonly documents = new Map<string, CachedDoc>();
  private readonly dirty = new Set<string>();
  private pendingEvents = 0;
  /** The position up to which events were applied in memory. */
  appliedPosition: number;
  /** The position of the last committed checkpoint. */
  committedPosition: number;

  constructor(
    position: number,
    private readonly limits: WriteBackLimits,
  ) {
    this.appliedPosition = position;
    this.committedPosition = position;
  }

  /** The documents named (by `docKey`), for one batch: from memory, else read once from the store (null data when absent). */
  async load(store: ReadStore, keys: ReadonlyMap<string, DocKey>): Promise<Map<string, VersionedDoc>> {
    const batch = new Map<string, VersionedDoc>();
    const missing = new Map<string, Map<string, string>>();
    for (const [name, key] of keys) {
      const cached = this.documents.get(name);
      if (cached) batch.set(name, cached);
      else if (key.created) {
        const absent: CachedDoc = { collection: key.collection, id: key.id, data: null, position: 0 };
        this.documents.set(name, absent);
        batch.set(name, absent);
      } else {
        let ids = missing.get(key.collection);
        if (!ids) missing.set(key.collection, (ids = new Map()));
        ids.set(key.id, name);
      }
    }
    for (const [collection, ids] of missing) {
      const found = new Map((await store.getMany(collection, [...ids.keys()])).map((document) => [document.id, document]));
      for (const [id, name] of ids) {
        const document = found.get(id);
        const cached: CachedDoc = { collection, id, data: document?.data ?? null, position: document?.position ?? 0 };
        this.documents.set(name, cached);
        batch.set(name, cached);
      }
    }
    return batch;
  }

  /** Takes in what a batch changed (by `docKey`), up to `position`. */
  accept(changed: ReadonlyMap<string, ChangedDoc>, position: number, events: number): void {
    for (const [name, document] of changed) {
      this.documents.set(name, document);
      this.dirty.add(name);
    }
    this.appliedPosition = position;
    this.pendingEvents += events;
  }

  hasUncommitted(): boolean {
    return this.appliedPosition > this.committedPosition;
  }

  shouldCommit(): boolean {
    return this.pendingEvents >= this.limits.commitEveryEvents || this.documents.size >= this.limits.maxCachedDocuments;
  }

  /** The writes of every document changed since the last commit. */
  writes(): DocumentWrite[] {
    return [...this.dirty].map((name) => {
      const { collection, id, position, data } = this.documents.get(name)!;
      return { collection, id, position, data };
    });
  }

  /** After the writes and the checkpoint at `appliedPosition` were committed. */
  committed(): void {
    this.committedPosition = this.appliedPosition;
    this.dirty.clear();
    this.pendingEvents = 0;
    if (this.documents.size >= this.limits.maxCachedDocuments) this.documents.clear();
  }

  /** Forgets everything not committed: the events after the checkpoint will be applied again. */
  discard(): void {
    this.documents.clear();
    this.dirty.clear();
    this.pendingEvents = 0;
    this.appliedPosition = this.committedPosition;
  }
}
