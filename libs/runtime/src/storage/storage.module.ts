import { Global, Inject, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import type { MongoClient } from 'mongodb';
import { CASE_PERSONAL_DATA_POLICY } from '@app/domain';
import { EVENT_STORE, EventStore, PersonalDataProtectingEventStore, SEQUENCE_ALLOCATOR, SequenceAllocator } from '@app/event-store';
import { EventStoreDbEventStore, EventStoreDbSequenceAllocator } from '@app/event-store/eventstoredb';
import { SqliteEventStore, SqliteSequenceAllocator } from '@app/event-store/sqlite';
import { KEY_STORE, KeyStore } from '@app/key-store';
import { MongoKeyStore } from '@app/key-store/mongodb';
import { SqliteKeyStore } from '@app/key-store/sqlite';
import { InstrumentedEventStore, PqrMetrics } from '@app/metrics';
import { AppConfig } from '../config/app-config';
import { PetitionerIdentity } from '../personal-data/petitioner-identity';
import { connectedOrClosed } from './connect-or-fail';
import { embeddedFile } from './embedded-file';
import { MONGO_CLIENT, readyOnSharedClient, sharedMongoClientProvider } from './shared-mongo-client';

async function connectedEventStore(config: AppConfig): Promise<EventStore> {
  if (!config.EVENTSTORE_URL) return new SqliteEventStore({ filename: embeddedFile(config, 'events') });
  const store = new EventStoreDbEventStore({ connectionString: config.EVENTSTORE_URL });
  return connectedOrClosed(store, 'EventStoreDB', config.EVENTSTORE_URL, config.STORE_CONNECT_TIMEOUT_MS, (client) => client.ping());
}

/**
 * The event store (EventStoreDB when EVENTSTORE_URL is set, else SQLite in DATA_DIR) behind the
 * decorator that encrypts personal data; the petitioners' keys (MongoDB when MONGODB_URL is set, like
 * the read models, else `keys.sqlite` in DATA_DIR); the filing-number sequence.
 */
@Global()
@Module({
  providers: [
    sharedMongoClientProvider,
    {
      provide: KEY_STORE,
      inject: [AppConfig, MONGO_CLIENT],
      useFactory: async (config: AppConfig, client: MongoClient | undefined): Promise<KeyStore> => {
        if (!config.MONGODB_URL || !client) return new SqliteKeyStore({ filename: embeddedFile(config, 'keys') });
        return readyOnSharedClient(new MongoKeyStore({ url: config.MONGODB_URL, client }), client);
      },
    },
    {
      provide: EVENT_STORE,
      inject: [AppConfig, KEY_STORE, { token: PqrMetrics, optional: true }],
      useFactory: async (config: AppConfig, keys: KeyStore, metrics?: PqrMetrics): Promise<EventStore> => {
        const store = new PersonalDataProtectingEventStore(await connectedEventStore(config), keys, CASE_PERSONAL_DATA_POLICY);
        // Where a metrics registry is present (the API), each append is timed and counted.
        return metrics ? new InstrumentedEventStore(store, metrics) : store;
      },
    },
    {
      provide: SEQUENCE_ALLOCATOR,
      inject: [AppConfig],
      useFactory: (config: AppConfig): SequenceAllocator =>
        config.EVENTSTORE_URL
          ? new EventStoreDbSequenceAllocator({ connectionString: config.EVENTSTORE_URL })
          : new SqliteSequenceAllocator({ filename: embeddedFile(config, 'events') }),
    },
    {
      provide: PetitionerIdentity,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => PetitionerIdentity.fromDataDir(config.DATA_DIR, config.PETITIONER_ID_SECRET),
    },
  ],
  exports: [MONGO_CLIENT, EVENT_STORE, SEQUENCE_ALLOCATOR, KEY_STORE, PetitionerIdentity],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(SEQUENCE_ALLOCATOR) private readonly sequences: SequenceAllocator,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Optional() @Inject(MONGO_CLIENT) private readonly mongoClient?: MongoClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sequences.close();
    await this.eventStore.close();
    await this.keys.close();
    // After the key store; the read store (ReadSideModule) needs no I/O to close on a shared client.
    await this.mongoClient?.close();
  }
}
