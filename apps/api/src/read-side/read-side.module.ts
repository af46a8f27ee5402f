import { BeforeApplicationShutdown, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ALL_PROJECTIONS } from '@app/projections';
import { Projector } from '@app/projector';
import { MongoReadStore, READ_STORE, ReadStore, SqliteReadStore } from '@app/read-store';
import { AppConfig } from '../config/app-config';
import { connectOrFail } from '../storage/connect-or-fail';
import { ReadModelFreshness } from './read-model-freshness';

/** The read store (MongoDB when MONGODB_URL is set, else SQLite in DATA_DIR), and the projector when it runs inside the API. */
@Global()
@Module({
  providers: [
    {
      provide: READ_STORE,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<ReadStore> => {
        if (!config.MONGODB_URL) {
          mkdirSync(config.DATA_DIR, { recursive: true });
          return new SqliteReadStore({ filename: join(config.DATA_DIR, 'read-models.sqlite') });
        }
        const store = new MongoReadStore({ url: config.MONGODB_URL, serverSelectionTimeoutMS: config.STORE_CONNECT_TIMEOUT_MS });
        try {
          await connectOrFail('MongoDB', config.MONGODB_URL, config.STORE_CONNECT_TIMEOUT_MS, () => store.connect());
        } catch (error) {
          await store.close().catch(() => undefined);
          throw error;
        }
        return store;
      },
    },
    {
      provide: Projector,
      inject: [EVENT_STORE, READ_STORE, AppConfig],
      useFactory: (events: EventStore, readStore: ReadStore, config: AppConfig) =>
        new Projector(events, readStore, ALL_PROJECTIONS, {
          batchSize: config.PROJECTOR_BATCH_SIZE,
          commitEveryEvents: config.PROJECTOR_COMMIT_EVERY_EVENTS,
          log: (line) => new Logger('Projector').warn(line),
        }),
    },
    ReadModelFreshness,
  ],
  exports: [READ_STORE, Projector, ReadModelFreshness],
})
export class ReadSideModule implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly config: AppConfig,
    private readonly projector: Projector,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // With an external projector, this process only reads: it must never reset what the projector rebuilds.
    if (this.config.PROJECTOR === 'in-process') await this.projector.start();
    else await this.projector.ensureCollections();
  }

  /** Before the stores close: the projector must not read a closed event store. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.readStore.close();
  }
}
