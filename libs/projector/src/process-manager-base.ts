import type { EventStore } from '@app/event-store';
import type { Projection } from '@app/projections';
import { findEvery } from '@app/read-store';
import type { FindQuery, ReadStore } from '@app/read-store';
import { BackgroundLoop, logToStderr } from './background-loop';
import { Projector } from './projector';
import type { ProjectionStatus, ProjectorOptions } from './projector';

/** The Projector's own options (its read model's batches and write-back window, its log), and the tick's. */
export interface ProcessManagerOptions extends Pick<ProjectorOptions, 'batchSize' | 'commitEveryEvents' | 'maxCachedDocuments' | 'log'> {
  /** The injectable clock: tests move it instead of sleeping. */
  now: () => Date;
  /** Real time between two ticks when running in the background. */
  tickMs?: number;
}

const PAGE = 200;

/**
 * What the process managers share (the SLA clock, the email outbox): a read model of their own, a
 * projection with its own checkpoint fed from the event store by a Projector, and a tick — catch
 * up, then act — run in a background loop, one tick at a time (`runOnce` is serialised).
 */
export abstract class ProcessManagerBase<Outcome> {
  protected readonly projector: Projector;
  private readonly loop = new BackgroundLoop(() => this.iterate());
  private queue: Promise<unknown> = Promise.resolve();

  protected constructor(
    events: EventStore,
    protected readonly readStore: ReadStore,
    projection: Projection,
    private readonly base: ProcessManagerOptions & { name: string },
  ) {
    const { batchSize, commitEveryEvents, maxCachedDocuments, log, now } = base;
    this.projector = new Projector(events, readStore, [projection], { batchSize, commitEveryEvents, maxCachedDocuments, log, now });
  }

  /** Creates the read model's collection only (a process that reads it while another one acts). */
  ensureCollections(): Promise<void> {
    return this.projector.ensureCollections();
  }

  async start(): Promise<void> {
    await this.projector.prepare();
    this.loop.start();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.queue;
  }

  /** One tick: catch the read model up with the event store, then act on what is due by now. */
  runOnce(): Promise<Outcome[]> {
    const run = this.queue.then(() => this.tick());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Catches the read model up with the event store without acting (serialised with the ticks). */
  catchUp(): Promise<void> {
    const run = this.queue.then(() => this.projector.catchUp());
    this.queue = run.catch(() => undefined);
    return run;
  }

  protected abstract tick(): Promise<Outcome[]>;

  protected readModelStatus(): ProjectionStatus | undefined {
    return this.projector.status()[0];
  }

  /** Every document the query finds, page after page. */
  protected async findAll<T extends object>(collection: string, query: Omit<FindQuery, 'limit' | 'cursor'>): Promise<T[]> {
    return findEvery<T>(this.readStore, collection, query, PAGE);
  }

  protected log(line: string): void {
    (this.base.log ?? logToStderr)(line);
  }

  private async iterate(): Promise<number> {
    try {
      await this.runOnce();
    } catch (error) {
      this.log(`${this.base.name}: tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.base.tickMs ?? 1000;
  }
}
