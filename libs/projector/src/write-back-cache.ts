import type { DocKey, Projection, AnyProjectionEvent } from '@app/projections';
import type { DocumentWrite, ReadStore } from '@app/read-store';
import { applyKeyedBatch, DocSlot, keyBatch } from './apply-events';

interface CachedSlot extends DocSlot {
  /** Read from the store, or known absent (an event creates it): until then its data means nothing. */
  loaded: boolean;
  /** Changed since the last commit. */
  dirty: boolean;
}

export interface WriteBackLimits {
  /** Events applied in memory before the documents and the checkpoint are committed (together). */
  commitEveryEvents: number;
  /**
   * Documents kept in memory. Past this, the least recent documents already committed are dropped
   * (no commit needed); only when the changed ones alone fill it does a commit follow, and then the
   * older half are dropped.
   */
  maxCachedDocuments: number;
}

/** Puts the cache back as it was before a batch. */
export type UndoBatch = () => void;

/**
 * One projection's documents between two commits. During a catch-up, a case's events land in many
 * batches: its documents are read once, changed in memory batch after batch, and written once per
 * commit instead of once per batch. The checkpoint is the position up to which the events were
 * applied to the documents committed with it, so a crash loses only what was never committed, and
 * replays it. Each document has one slot, found by collection then id (no key strings to build for
 * every event), changed in place: a batch keeps an undo log, so one that fails half-way leaves the
 * cache as it was.
 */
export class WriteBackCache {
  private readonly collections = new Map<string, Map<string, CachedSlot>>();
  private size = 0;
  private dirty: CachedSlot[] = [];
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

  /**
   * Applies the events to the documents they name: from memory, else read once from the store (null
   * when absent; a document an event creates is not looked up). All or nothing: when an event throws,
   * the cache is put back as it was and the error is rethrown. Returns the undo of the whole batch.
   */
  async apply(store: ReadStore, projection: Projection, events: readonly AnyProjectionEvent[]): Promise<UndoBatch> {
    const missing = new Set<CachedSlot>();
    const batch = keyBatch(projection, events, (key) => this.slotOf(key, missing));
    await this.load(store, missing);
    // Each change logs the slot and what it held: data, position, dirty.
    const log: unknown[] = [];
    const dirtyBefore = this.dirty.length;
    const undo = () => {
      for (let at = log.length - 4; at >= 0; at -= 4) {
        const slot = log[at] as CachedSlot;
        slot.data = log[at + 1] as CachedSlot['data'];
        slot.position = log[at + 2] as number;
        slot.dirty = log[at + 3] as boolean;
      }
      log.length = 0;
      this.dirty.length = dirtyBefore;
    };
    try {
      applyKeyedBatch(projection, batch, (slot) => {
        log.push(slot, slot.data, slot.position, slot.dirty);
        if (slot.dirty) return;
        slot.dirty = true;
        this.dirty.push(slot);
      });
    } catch (error) {
      undo();
      throw error;
    }
    return undo;
  }

  /** Takes in that the events up to `position` were applied (`events` of them: they count towards a commit). */
  accept(position: number, events: number): void {
    this.appliedPosition = position;
    this.pendingEvents += events;
    // Dropping committed documents instead of committing early: a commit writes every changed
    // document, and the cases still open get written again at the next one (ADR 18).
    if (this.size >= this.limits.maxCachedDocuments) this.dropLeastRecentClean(this.limits.maxCachedDocuments / 2);
  }

  hasUncommitted(): boolean {
    return this.appliedPosition > this.committedPosition;
  }

  shouldCommit(): boolean {
    return this.pendingEvents >= this.limits.commitEveryEvents || this.dirty.length >= this.limits.maxCachedDocuments;
  }

  /** The writes of every document changed since the last commit. */
  writes(): DocumentWrite[] {
    return this.dirty.map(({ collection, id, position, data }) => ({ collection, id, position, data }));
  }

  /** After the writes and the checkpoint at `appliedPosition` were committed. */
  committed(): void {
    this.committedPosition = this.appliedPosition;
    for (const slot of this.dirty) slot.dirty = false;
    this.dirty = [];
    this.pendingEvents = 0;
    if (this.size >= this.limits.maxCachedDocuments) this.dropLeastRecentClean(this.limits.maxCachedDocuments / 2);
  }

  /**
   * Drops the committed (clean) documents whose last event is oldest, until `keep` documents are left
   * or none of those left is clean: they equal what the store holds, and are read back when named
   * again. The documents kept are mostly the cases still open, whose next events would read them back.
   */
  private dropLeastRecentClean(keep: number): void {
    const clean = new Float64Array(this.size - this.dirty.length);
    let at = 0;
    for (const slots of this.collections.values()) for (const slot of slots.values()) if (!slot.dirty) clean[at++] = slot.position;
    const excess = Math.min(this.size - Math.floor(keep), at);
    if (excess <= 0) return;
    clean.sort();
    const threshold = clean[excess - 1];
    for (const slots of this.collections.values()) {
      for (const [id, slot] of slots) {
        if (slot.dirty || slot.position > threshold) continue;
        slots.delete(id);
        this.size--;
      }
    }
  }

  /** Forgets everything not committed: the events after the checkpoint will be applied again. */
  discard(): void {
    this.clear();
    this.dirty = [];
    this.pendingEvents = 0;
    this.appliedPosition = this.committedPosition;
  }

  private clear(): void {
    this.collections.clear();
    this.size = 0;
  }

  /** The document's slot, added when new; one still to be read from the store goes into `missing`. */
  private slotOf(key: DocKey, missing: Set<CachedSlot>): CachedSlot {
    let slots = this.collections.get(key.collection);
    if (!slots) this.collections.set(key.collection, (slots = new Map()));
    let slot = slots.get(key.id);
    if (!slot) {
      slot = { collection: key.collection, id: key.id, data: null, position: 0, loaded: false, dirty: false };
      slots.set(key.id, slot);
      this.size++;
    }
    if (slot.loaded) return slot;
    // Created by this event: no stored version can precede it, even when an earlier event of the batch named it.
    if (key.created) {
      slot.loaded = true;
      missing.delete(slot);
    } else missing.add(slot);
    return slot;
  }

  /** Reads the missing documents, once each, collection by collection. */
  private async load(store: ReadStore, missing: ReadonlySet<CachedSlot>): Promise<void> {
    const byCollection = new Map<string, CachedSlot[]>();
    for (const slot of missing) {
      const slots = byCollection.get(slot.collection);
      if (slots) slots.push(slot);
      else byCollection.set(slot.collection, [slot]);
    }
    for (const [collection, slots] of byCollection) {
      const found = new Map((await store.getMany(collection, slots.map(({ id }) => id))).map((document) => [document.id, document]));
      for (const slot of slots) {
        const document = found.get(slot.id);
        slot.data = document?.data ?? null;
        slot.position = document?.position ?? 0;
        slot.loaded = true;
      }
    }
  }
}
