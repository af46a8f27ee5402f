import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  EVENT_STORE,
  EventStore,
  SEQUENCE_ALLOCATOR,
  SequenceAllocator,
  SqliteEventStore,
  SqliteSequenceAllocator,
} from '@app/event-store';
import { AppConfig } from '../config/app-config';

/** Chooses the event store adapter: the embedded SQLite file in DATA_DIR by default. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [AppConfig],
      useFactory: (config: AppConfig): EventStore => {
        mkdirSync(config.DATA_DIR, { recursive: true });
        return new SqliteEventStore({ filename: join(config.DATA_DIR, 'events.sqlite') });
      },
    },
    {
      provide: SEQUENCE_ALLOCATOR,
      inject: [AppConfig],
      useFactory: (config: AppConfig): SequenceAllocator => {
        mkdirSync(config.DATA_DIR, { recursive: true });
        return new SqliteSequenceAllocator({ filename: join(config.DATA_DIR, 'events.sqlite') });
      },
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
