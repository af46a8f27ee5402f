import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { Projection } from '@app/projections';
import { Projector, selectProjections } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { ProjectorModule } from '@app/processes';
import { AppConfig, everyProjectionOf, projectorWindowOf } from '@app/runtime';

/** The stores and projections of the configuration (DATA_DIR, or EVENTSTORE_URL / MONGODB_URL), as the rebuild script and its workers open them. */
export interface RebuildContext {
  config: AppConfig;
  /** Every projection the system keeps (everyProjectionOf): the read models and the process managers' own (`sla-timers`, `mail-outbox`). */
  projections: Projection[];
  /** A projector over the named projections (all when none are named). */
  projectorFor(names?: readonly string[]): Projector;
  close(): Promise<void>;
}

export async function openRebuildContext(): Promise<RebuildContext> {
  const app: INestApplicationContext = await NestFactory.createApplicationContext(ProjectorModule.register({ run: false }), { logger: ['error', 'warn'] });
  const config = app.get(AppConfig);
  const projections = everyProjectionOf(config);
  return {
    config,
    projections,
    projectorFor: (names) =>
      new Projector(app.get<EventStore>(EVENT_STORE), app.get<ReadStore>(READ_STORE), selectProjections(projections, names), projectorWindowOf(config)),
    close: () => app.close(),
  };
}
