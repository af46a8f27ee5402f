import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_STORE,
  EventStore,
  EventStoreDbEventStore,
  EventStoreDbSequenceAllocator,
  SEQUENCE_ALLOCATOR,
  SequenceAllocator,
  SqliteEventStore,
  SqliteSequenceAllocator,
} from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { connectOrFail } from './connect-or-fail';

function embeddedFile(config: AppConfig): string {
  mkdirSync(config.DATA_DIR, { recursive: true });
  return join(config.DATA_DIR, 'events.sqlite');
}

/** The event store and the filing-number sequence: EventStoreDB when EVENTSTORE_URL is set, else SQLite in DATA_DIR. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<EventStore> => {
        if (!config.EVENTSTORE_URL) return new SqliteEventStore({ filename: embeddedFile(config) });
        const store = new EventStoreDbEventStore({ connectionString: config.EVENTSTORE_URL });
        try {
          await connectOrFail('EventStoreDB', config.EVENTSTORE_URL, config.STORE_CONNECT_TIMEOUT_MS, () => store.ping());
        } catch (error) {
          await store.close().catch(() => undefined);
          throw error;
        }
        return store;
      },
    },
    {
      provide: SEQUENCE_ALLOCATOR,
      inject: [AppConfig],
      useFactory: (config: AppConfig): SequenceAllocator =>
        config.EVENTSTORE_URL
          ? new EventStoreDbSequenceAllocator({ connectionString: config.EVENTSTORE_URL })
          : new SqliteSequenceAllocator({ filename: embeddedFile(config) }),
    },
  ],
  exports: [EVENT_STORE, SEQUENCE_ALLOCATOR],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(SEQUENCE_ALLOCATOR) private readonly sequences: SequenceAllocator,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.sequences.close();
    await this.eventStore.close();
  }
}
