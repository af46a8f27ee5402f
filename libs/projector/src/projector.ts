import { EventStore, EventStoreUnavailableError, RecordedEvent } from '@app/event-store';
import type { Projection, AnyProjectionEvent } from '@app/projections';
import { CollectionSpec, ReadStore, ReadStoreUnavailableError } from '@app/read-store';
import { handledBy } from './apply-events';
import { shapeViolationOf, toAnyProjectionEvent } from './to-projection-event';
import { BackgroundLoop, logToStderr } from './background-loop';
import { WriteBackCache, WriteBackLimits } from './write-back-cache';

export interface ProjectionFailure {
  position: number;
  eventType: string;
  error: string;
  at: string;
  /** Failures in a row at this point; each is retried after a doubling delay (`retryAt`). */
  attempts: number;
  retryAt: string;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  /** The committed checkpoint: documents and position saved together. */
  position: number;
  /**
   * `retrying`: a store was unavailable; the batch is tried again. `failed`: the projection threw (or
   * met an event that breaks its schema); it is tried again from there after a growing delay, so that
   * it resumes by itself once the cause is gone.
   */
  state: 'starting' | 'running' | 'retrying' | 'failed';
  failure?: ProjectionFailure;
}

export interface ProjectorOptions {
  batchSize?: number;
  /**
   * While catching up (full batches), events applied in memory before the documents and checkpoints
   * are committed; at the head (a batch shorter than `batchSize`) every batch is committed at once.
   */
  commitEveryEvents?: number;
  /** Documents of one projection kept in memory between commits (bounds the memory of a catch-up). */
  maxCachedDocuments?: number;
  /** How long to wait before looking for new events when caught up. */
  idleMs?: number;
  log?: (message: string) => void;
  /** For the failures' time stamps and retry delays only (the projections themselves never read a clock). */
  now?: () => Date;
  /** Delay before a failed projection is tried again, doubling per failure in a row up to `retryMaxMs`. Default 1 s. */
  retryBaseMs?: number;
  /** Default 60 s. */
  retryMaxMs?: number;
}

export const DEFAULT_COMMIT_EVERY_EVENTS = 250_000;
export const DEFAULT_MAX_CACHED_DOCUMENTS = 25_000;

/**
 * Feeds projections from the event store, each from its own checkpoint. One reader serves every
 * projection: a batch is read once from the lowest position and each projection takes the events
 * past its own. Documents and checkpoint are committed together. While catching up, each
 * projection keeps its documents in a write-back cache and commits every `commitEveryEvents`
 * events; at the head it commits every batch (read-your-writes waits on the checkpoints). A
 * projection that throws, or meets an event whose data breaks its type's shape, commits what it
 * applied before and stops there (the others go on); it is tried again from there after 1 s, 2 s,
 * 4 s, ... up to a minute, and goes on by itself once the cause is gone (a fix deployed, a store back).
 */
export class Projector {
  private readonly statuses = new Map<string, ProjectionStatus>();
  private readonly caches = new Map<string, WriteBackCache>();
  /** Projections loading from position 0 without their secondary indexes, until they reach the head. */
  private readonly indexesDeferred = new Set<string>();
  private readonly loop = new BackgroundLoop(() => this.iterate());
  private failuresInARow = 0;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly limits: WriteBackLimits;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.idleMs = options.idleMs ?? 20;
    this.limits = {
      commitEveryEvents: options.commitEveryEvents ?? DEFAULT_COMMIT_EVERY_EVENTS,
      maxCachedDocuments: options.maxCachedDocuments ?? DEFAULT_MAX_CACHED_DOCUMENTS,
    };
  }

  /**
   * Creates the collections only (an API that reads while another process projects), and their
   * indexes. Documents that break a unique index (the projector reports that projection failed)
   * leave it without them: its reads then scan, and this process still starts.
   */
  async ensureCollections(): Promise<void> {
    for (const projection of this.projections) {
      await this.readStore.ensureCollections(tablesOf(projection));
      const broken = await this.indexesBrokenBy(projection);
      if (broken) this.log(`projection ${projection.name}: its indexes cannot be built, its reads scan until it is fixed and rebuilt: ${describe(broken)}`);
    }
  }

  /** Creates collections and rebuilds projections whose version changed. */
  async prepare(): Promise<void> {
    for (const projection of this.projections) {
      const checkpoint = await this.readStore.getCheckpoint(projection.name);
      if (checkpoint && checkpoint.version === projection.version) {
        this.track(projection, checkpoint.position);
        // A load stopped half-way goes on with the indexes; documents that break one stop this projection only.
        const broken = await this.indexesBrokenBy(projection);
        if (broken) this.fail(projection, checkpoint.position + 1, 'unknown', broken);
        continue;
      }
      // Nothing committed yet, or a new version: the collections are (made) empty and loaded in bulk.
      if (checkpoint) this.log(`${projection.name}: version ${checkpoint.version} -> ${projection.version}, rebuilding from position 0`);
      await this.startOver(projection);
    }
  }

  /** Prepares, then keeps projecting in the background until `stop()`. */
  async start(): Promise<void> {
    await this.prepare();
    this.failuresInARow = 0;
    this.loop.start();
  }

  /** Stops the loop and commits what was applied in memory. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await this.commitAll();
  }

  /** Processes everything up to the current head once, and commits it (rebuild scripts, process managers, tests). */
  async catchUp(onProgress?: (position: number, head: number) => void): Promise<void> {
    if (this.statuses.size === 0) await this.prepare();
    const head = await this.events.headPosition();
    while ((await this.step()) && this.lowestApplied() < head) onProgress?.(this.lowestApplied(), head);
    await this.commitAll();
    for (const projection of this.projections) await this.restoreIndexes(projection);
    onProgress?.(Math.min(this.lowestApplied(), head), head);
  }

  /** Deletes the documents and checkpoint of the named projections; `catchUp` or `start` rebuilds them. */
  async rebuild(names?: string[]): Promise<void> {
    const selected = selectProjections(this.projections, names);
    // The projections not named keep their checkpoints (and are caught up from there).
    if (this.statuses.size === 0) await this.prepare();
    for (const projection of selected) await this.startOver(projection);
  }

  status(): ProjectionStatus[] {
    return [...this.statuses.values()].map((status) => ({ ...status }));
  }

  /** One step of the background loop; returns how long to idle before the next. */
  private async iterate(): Promise<number> {
    let progressed = false;
    try {
      progressed = await this.step();
      this.failuresInARow = [...this.statuses.values()].some((status) => status.state === 'retrying') ? this.failuresInARow + 1 : 0;
    } catch (error) {
      this.failuresInARow += 1;
      this.log(`projector: reading the event store failed: ${describe(error)}`);
    }
    // Back off while a store is unavailable (up to 5 s); poll briskly otherwise.
    if (this.failuresInARow > 0) return Math.min(5000, this.idleMs * 2 ** this.failuresInARow);
    return progressed ? 0 : this.idleMs;
  }

  /** One batch for every healthy projection. Returns false when no projection moved forward. */
  private async step(): Promise<boolean> {
    const active: Projection[] = [];
    for (const projection of this.projections) {
      const status = this.statuses.get(projection.name)!;
      if (status.state === 'failed' && !(await this.dueForRetry(projection))) continue;
      // A projection whose last commit failed commits again first; while it cannot, it takes no more events.
      if (status.state === 'retrying' && !(await this.commit(projection))) continue;
      active.push(projection);
    }
    if (active.length === 0) return false;
    const from = Math.min(...active.map((projection) => this.cacheOf(projection).appliedPosition));
    const recorded = await this.events.readAll({ fromPosition: from, maxCount: this.batchSize });
    if (recorded.length === 0) {
      for (const projection of active) {
        if (await this.commit(projection)) {
          this.statuses.get(projection.name)!.state = 'running';
          delete this.statuses.get(projection.name)!.failure;
        }
        await this.restoreIndexes(projection);
      }
      return false;
    }
    const events = recorded.map(toAnyProjectionEvent);
    const violations = events.map((event) => event && shapeViolationOf(event));
    // The usual batch: nothing to look for per projection.
    if (!violations.some(Boolean)) violations.length = 0;
    const atHead = recorded.length < this.batchSize;
    let advanced = false;
    for (const projection of active) {
      advanced = (await this.applyTo(projection, recorded, events, violations)) || advanced;
      const cache = this.cacheOf(projection);
      if (this.statuses.get(projection.name)!.state !== 'failed' && (atHead || cache.shouldCommit())) await this.commit(projection);
      if (atHead) await this.restoreIndexes(projection);
    }
    return advanced;
  }

  /** Applies the batch in memory; returns whether the projection moved forward. */
  private async applyTo(
    projection: Projection,
    recorded: RecordedEvent[],
    events: (AnyProjectionEvent | null)[],
    violations: (string | undefined | null)[],
  ): Promise<boolean> {
    const status = this.statuses.get(projection.name)!;
    const cache = this.cacheOf(projection);
    const before = cache.appliedPosition;
    const invalid = violations.length > 0 ? this.firstInvalid(projection, recorded, events, violations, before) : undefined;
    const end = invalid === undefined ? recorded.length : invalid;
    const pending: AnyProjectionEvent[] = [];
    for (let index = 0; index < end; index++) {
      const event = events[index];
      if (event !== null && recorded[index].position > cache.appliedPosition) pending.push(event);
    }
    // Up to the last event before the invalid one; that one is read again on the next attempt.
    const last = invalid === undefined ? recorded[recorded.length - 1].position : recorded[invalid].position - 1;
    if (last <= cache.appliedPosition && invalid === undefined) return false;
    try {
      if (last > cache.appliedPosition) {
        await cache.apply(this.readStore, projection, pending);
        cache.accept(last, pending.length);
      }
      if (invalid !== undefined) {
        await this.commit(projection);
        const { position, type } = recorded[invalid];
        this.fail(projection, position, type, new Error(`the ${type} event at position ${position} does not match its schema: data.${violations[invalid]}`));
        return last > before;
      }
      status.state = 'running';
      delete status.failure;
      return true;
    } catch (error) {
      if (isUnavailable(error)) {
        // A store that is down or locked is not the projection's fault: try the same batch again later.
        status.state = 'retrying';
        this.log(`projection ${projection.name}: store unavailable, retrying: ${describe(error)}`);
        return false;
      }
      // What came before the failing batch is sound: commit it, and stop at this batch.
      await this.commit(projection);
      const failing = await this.findFailingEvent(projection, pending);
      this.fail(projection, failing?.position ?? recorded[0].position, failing?.type ?? 'unknown', error);
      return false;
    }
  }

  /** Commits the projection's documents changed in memory with its checkpoint; returns false when it could not. */
  private async commit(projection: Projection): Promise<boolean> {
    const status = this.statuses.get(projection.name)!;
    const cache = this.cacheOf(projection);
    if (!cache.hasUncommitted()) return true;
    try {
      await this.readStore.commit(projection.name, cache.writes(), { version: projection.version, position: cache.appliedPosition });
      cache.committed();
      status.position = cache.committedPosition;
      if (status.state === 'retrying') status.state = 'running';
      return true;
    } catch (error) {
      if (isUnavailable(error)) {
        status.state = 'retrying';
        this.log(`projection ${projection.name}: store unavailable, retrying the commit: ${describe(error)}`);
        return false;
      }
      // The store refused a document (not JSON, too large): nothing of it was committed.
      cache.discard();
      this.fail(projection, cache.committedPosition + 1, 'unknown', error);
      return false;
    }
  }

  private async commitAll(): Promise<void> {
    for (const projection of this.projections) {
      const status = this.statuses.get(projection.name);
      if (status && status.state !== 'failed') await this.commit(projection);
    }
  }

  private fail(projection: Projection, position: number, eventType: string, error: unknown): void {
    const status = this.statuses.get(projection.name)!;
    const now = this.options.now?.() ?? new Date();
    // The same point failing again waits longer; a new point starts over from the base delay.
    const attempts = status.failure && status.failure.position === position ? status.failure.attempts + 1 : 1;
    const delay = Math.min(this.options.retryMaxMs ?? 60_000, (this.options.retryBaseMs ?? 1000) * 2 ** (attempts - 1));
    const retryAt = new Date(now.getTime() + delay).toISOString();
    status.state = 'failed';
    status.failure = { position, eventType, error: describe(error), at: now.toISOString(), attempts, retryAt };
    this.log(`projection ${projection.name} stopped at position ${position} (${eventType}): ${status.failure.error}; trying again at ${retryAt} (attempt ${attempts})`);
  }

  /**
   * Whether a failed projection's delay has passed: it is then fed again from its checkpoint. When its
   * documents broke its indexes, those are tried first (and it stays failed while they still break).
   */
  private async dueForRetry(projection: Projection): Promise<boolean> {
    const status = this.statuses.get(projection.name)!;
    const retryAt = status.failure ? Date.parse(status.failure.retryAt) : 0;
    if ((this.options.now?.() ?? new Date()).getTime() < retryAt) return false;
    if (!this.indexesDeferred.has(projection.name)) {
      let broken: unknown;
      try {
        broken = await this.indexesBrokenBy(projection);
      } catch (error) {
        // The store is unavailable: the next attempt waits longer, like a failure at the same point.
        broken = error;
      }
      if (broken) {
        this.fail(projection, status.failure?.position ?? status.position + 1, status.failure?.eventType ?? 'unknown', broken);
        return false;
      }
    }
    return true;
  }

  /** The index in the batch of the first event this projection handles, not yet applied, whose data breaks its schema. */
  private firstInvalid(
    projection: Projection,
    recorded: RecordedEvent[],
    events: (AnyProjectionEvent | null)[],
    violations: (string | undefined | null)[],
    appliedPosition: number,
  ): number | undefined {
    const handled = handledBy(projection);
    for (let index = 0; index < violations.length; index++) {
      if (violations[index] && recorded[index].position > appliedPosition && handled.has(events[index]!.type)) return index;
    }
    return undefined;
  }

  /** Finds which event made the batch fail, to report its position (not committed). */
  private async findFailingEvent(projection: Projection, events: AnyProjectionEvent[]): Promise<AnyProjectionEvent | undefined> {
    for (let end = 1; end <= events.length; end++) {
      try {
        const undo = await this.cacheOf(projection).apply(this.readStore, projection, events.slice(0, end));
        undo();
      } catch {
        return events[end - 1];
      }
    }
    return undefined;
  }

  private async reset(projection: Projection): Promise<void> {
    await this.readStore.reset(projection.name, collectionNames(projection));
  }

  /**
   * Empties the projection's collections and checkpoint, to load them again from position 0.
   * Upserts into a table with secondary indexes also update each index entry by entry: the load goes without them, and
   * `restoreIndexes` builds them over the loaded documents once it reaches the head (ADR 14).
   */
  private async startOver(projection: Projection): Promise<void> {
    // The tables only: an index the old documents break (see restoreIndexes) must not block the reset.
    await this.readStore.ensureCollections(tablesOf(projection));
    await this.reset(projection);
    // Declared over the empty collections, then dropped: SQLite keeps the indexed fields' columns,
    // which every write of the load then fills (ADR 19), and builds the indexes from them at the end.
    await this.readStore.ensureCollections(projection.collections);
    await this.readStore.deferIndexes(collectionNames(projection));
    this.indexesDeferred.add(projection.name);
    this.track(projection, 0);
  }

  /**
   * Creates the projection's collections and indexes where missing. Returns the error when its
   * documents break an index (a unique one); throws when the store is unavailable.
   */
  private async indexesBrokenBy(projection: Projection): Promise<unknown> {
    try {
      await this.readStore.ensureCollections(projection.collections);
      return undefined;
    } catch (error) {
      if (isUnavailable(error)) throw error;
      return error;
    }
  }

  /** Builds the indexes a load from position 0 went without, once it is at the head and committed. */
  private async restoreIndexes(projection: Projection): Promise<void> {
    const status = this.statuses.get(projection.name)!;
    if (!this.indexesDeferred.has(projection.name) || status.state !== 'running') return;
    let broken: unknown;
    try {
      broken = await this.indexesBrokenBy(projection);
    } catch (error) {
      this.log(`projection ${projection.name}: store unavailable, building its indexes later: ${describe(error)}`);
      return;
    }
    this.indexesDeferred.delete(projection.name);
    if (broken) this.fail(projection, status.position + 1, 'unknown', broken);
  }

  private track(projection: Projection, position: number): void {
    this.statuses.set(projection.name, { name: projection.name, version: projection.version, position, state: 'starting' });
    this.caches.set(projection.name, new WriteBackCache(position, this.limits));
  }

  private cacheOf(projection: Projection): WriteBackCache {
    return this.caches.get(projection.name)!;
  }

  /** The lowest position applied (in memory) by a healthy projection. */
  private lowestApplied(): number {
    const healthy = this.projections.filter((projection) => this.statuses.get(projection.name)?.state !== 'failed');
    return healthy.length === 0 ? Infinity : Math.min(...healthy.map((projection) => this.cacheOf(projection).appliedPosition));
  }

  private log(message: string): void {
    (this.options.log ?? logToStderr)(message);
  }
}

function collectionNames(projection: Projection): string[] {
  return projection.collections.map(({ name }) => name);
}

/** The projection's collections without their indexes. */
function tablesOf(projection: Projection): CollectionSpec[] {
  return collectionNames(projection).map((name) => ({ name, indexes: [] }));
}

/** The named projections, in their own order (all when none are named); an unknown name throws, listing the known ones. */
export function selectProjections(projections: readonly Projection[], names?: readonly string[]): readonly Projection[] {
  if (!names || names.length === 0) return projections;
  const unknown = names.filter((name) => !projections.some((projection) => projection.name === name));
  if (unknown.length > 0) throw new Error(`Unknown projection(s): ${unknown.join(', ')}. Known: ${projections.map((p) => p.name).join(', ')}`);
  return projections.filter((projection) => names.includes(projection.name));
}

function isUnavailable(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError || error instanceof ReadStoreUnavailableError;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
