import { EventStore, EventStoreUnavailableError, RecordedEvent } from '@app/event-store';
import type { Projection, ProjectionEvent } from '@app/projections';
import { ReadStore, ReadStoreUnavailableError } from '@app/read-store';
import { applyBatch } from './projection-batch';
import { toProjectionEvent } from './to-projection-event';
import { BackgroundLoop, logToStderr } from './background-loop';

export interface ProjectionFailure {
  position: number;
  eventType: string;
  error: string;
  at: string;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  position: number;
  /** `retrying`: a store was unavailable; the batch is tried again. `failed`: the projection threw; it waits for a fix. */
  state: 'starting' | 'running' | 'retrying' | 'failed';
  failure?: ProjectionFailure;
}

export interface ProjectorOptions {
  batchSize?: number;
  /** How long to wait before looking for new events when caught up. */
  idleMs?: number;
  log?: (message: string) => void;
  /** For time stamps of failures only (the projections themselves never read a clock). */
  now?: () => Date;
}

/**
 * Feeds projections from the event store, each from its own checkpoint. One reader serves every
 * projection: a batch is read once from the lowest checkpoint and each projection takes the events
 * past its own. Documents and checkpoint are committed together. A projection that throws stops
 * (the others go on) at the failing batch, and resumes from there on the next start.
 */
export class Projector {
  private readonly statuses = new Map<string, ProjectionStatus>();
  private readonly loop = new BackgroundLoop(() => this.iterate());
  private failuresInARow = 0;
  private readonly batchSize: number;
  private readonly idleMs: number;

  constructor(
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.idleMs = options.idleMs ?? 20;
  }

  /** Creates the collections only (an API that reads while another process projects). */
  async ensureCollections(): Promise<void> {
    for (const projection of this.projections) await this.readStore.ensureCollections(projection.collections);
  }

  /** Creates collections and rebuilds projections whose version changed. */
  async prepare(): Promise<void> {
    for (const projection of this.projections) {
      await this.readStore.ensureCollections(projection.collections);
      const checkpoint = await this.readStore.getCheckpoint(projection.name);
      let position = checkpoint?.position ?? 0;
      if (checkpoint && checkpoint.version !== projection.version) {
        this.log(`${projection.name}: version ${checkpoint.version} -> ${projection.version}, rebuilding from position 0`);
        await this.reset(projection);
        position = 0;
      }
      this.statuses.set(projection.name, { name: projection.name, version: projection.version, position, state: 'starting' });
    }
  }

  /** Prepares, then keeps projecting in the background until `stop()`. */
  async start(): Promise<void> {
    await this.prepare();
    this.failuresInARow = 0;
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Processes everything up to the current head once (rebuild scripts and tests). */
  async catchUp(onProgress?: (position: number, head: number) => void): Promise<void> {
    if (this.statuses.size === 0) await this.prepare();
    const head = await this.events.headPosition();
    while ((await this.step()) && this.lowestPosition() < head) onProgress?.(this.lowestPosition(), head);
    onProgress?.(Math.min(this.lowestPosition(), head), head);
  }

  /** Deletes the documents and checkpoint of the named projections; `catchUp` or `start` rebuilds them. */
  async rebuild(names?: string[]): Promise<void> {
    for (const projection of this.selected(names)) {
      await this.readStore.ensureCollections(projection.collections);
      await this.reset(projection);
      this.statuses.set(projection.name, { name: projection.name, version: projection.version, position: 0, state: 'starting' });
    }
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
    const active = this.projections.filter((projection) => this.statuses.get(projection.name)?.state !== 'failed');
    if (active.length === 0) return false;
    const from = Math.min(...active.map((projection) => this.statuses.get(projection.name)!.position));
    const recorded = await this.events.readAll({ fromPosition: from, maxCount: this.batchSize });
    if (recorded.length === 0) {
      for (const projection of active) this.statuses.get(projection.name)!.state = 'running';
      return false;
    }
    const events = recorded.map(toProjectionEvent);
    let advanced = false;
    for (const projection of active) advanced = (await this.applyTo(projection, recorded, events)) || advanced;
    return advanced;
  }

  /** Returns whether the projection's checkpoint moved forward. */
  private async applyTo(projection: Projection, recorded: RecordedEvent[], events: (ProjectionEvent | null)[]): Promise<boolean> {
    const status = this.statuses.get(projection.name)!;
    const pending = events.filter((event, index): event is ProjectionEvent => event !== null && recorded[index].position > status.position);
    const last = recorded[recorded.length - 1].position;
    if (last <= status.position) return false;
    try {
      const writes = await applyBatch(this.readStore, projection, pending);
      await this.readStore.commit(projection.name, writes, { version: projection.version, position: last });
      status.position = last;
      status.state = 'running';
      return true;
    } catch (error) {
      if (isUnavailable(error)) {
        // A store that is down or locked is not the projection's fault: try the same batch again later.
        status.state = 'retrying';
        this.log(`projection ${projection.name}: store unavailable, retrying: ${describe(error)}`);
        return false;
      }
      const failing = await this.findFailingEvent(projection, pending);
      status.state = 'failed';
      status.failure = {
        position: failing?.position ?? recorded[0].position,
        eventType: failing?.type ?? 'unknown',
        error: describe(error),
        at: (this.options.now?.() ?? new Date()).toISOString(),
      };
      this.log(`projection ${projection.name} stopped at position ${status.failure.position} (${status.failure.eventType}): ${status.failure.error}`);
      return false;
    }
  }

  /** Finds which event made the batch fail, to report its position (not committed). */
  private async findFailingEvent(projection: Projection, events: ProjectionEvent[]): Promise<ProjectionEvent | undefined> {
    for (let end = 1; end <= events.length; end++) {
      try {
        await applyBatch(this.readStore, projection, events.slice(0, end));
      } catch {
        return events[end - 1];
      }
    }
    return undefined;
  }

  private async reset(projection: Projection): Promise<void> {
    await this.readStore.reset(projection.name, projection.collections.map((collection) => collection.name));
  }

  private selected(names?: string[]): readonly Projection[] {
    if (!names || names.length === 0) return this.projections;
    const unknown = names.filter((name) => !this.projections.some((projection) => projection.name === name));
    if (unknown.length > 0) throw new Error(`Unknown projection(s): ${unknown.join(', ')}. Known: ${this.projections.map((p) => p.name).join(', ')}`);
    return this.projections.filter((projection) => names.includes(projection.name));
  }

  private lowestPosition(): number {
    const healthy = [...this.statuses.values()].filter((status) => status.state !== 'failed');
    return healthy.length === 0 ? Infinity : Math.min(...healthy.map((status) => status.position));
  }

  private log(message: string): void {
    (this.options.log ?? logToStderr)(message);
  }
}

function isUnavailable(error: unknown): boolean {
  return error instanceof EventStoreUnavailableError || error instanceof ReadStoreUnavailableError;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
