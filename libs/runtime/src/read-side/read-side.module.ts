import { BeforeApplicationShutdown, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Projector } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { MongoReadStore } from '@app/read-store/mongodb';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { AppConfig } from '../config/app-config';
import { embeddedFile } from '../storage/embedded-file';
import { MONGO_CLIENT, readyOnSharedClient } from '../storage/shared-mongo-client';
import type { MongoClient } from 'mongodb';
import { ReadModelFreshness } from './read-model-freshness';
import { projectorWindowOf } from '../config/projector-window';
import { READ_MODEL_PROJECTIONS } from '../projections/every-projection';

/** The read store (MongoDB when MONGODB_URL is set, else SQLite in DATA_DIR), and the projector when it runs inside the API. */
@Global()
@Module({
  providers: [
    {
      provide: READ_STORE,
      inject: [AppConfig, MONGO_CLIENT],
      useFactory: async (config: AppConfig, client: MongoClient | undefined): Promise<ReadStore> => {
        if (!config.MONGODB_URL || !client) return new SqliteReadStore({ filename: embeddedFile(config, 'readModels') });
        return readyOnSharedClient(new MongoReadStore({ url: config.MONGODB_URL, client }), client);
      },
    },
    {
      provide: Projector,
      inject: [EVENT_STORE, READ_STORE, AppConfig],
      useFactory: (events: EventStore, readStore: ReadStore, config: AppConfig) =>
        new Projector(events, readStore, READ_MODEL_PROJECTIONS, {
          ...projectorWindowOf(config),
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
