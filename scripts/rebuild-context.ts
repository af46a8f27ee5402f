import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ALL_PROJECTIONS, Projection } from '@app/projections';
import { Projector, selectProjections } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig } from '../apps/api/src/config/app-config';
import { MailOutbox } from '../apps/api/src/mail/mail-outbox';
import { SlaProcess } from '../apps/api/src/sla/sla-process';
import { ProjectorModule } from '../apps/projector/src/projector.module';
import { projectorWindowOf } from '../apps/api/src/config/projector-window';

/** The stores and projections of the configuration (DATA_DIR, or EVENTSTORE_URL / MONGODB_URL), as the rebuild script and its workers open them. */
export interface RebuildContext {
  config: AppConfig;
  /** Every projection the system keeps: those of ALL_PROJECTIONS and the process managers' own (`sla-timers`, `mail-outbox`). */
  projections: Projection[];
  /** A projector over the named projections (all when none are named). */
  projectorFor(names?: readonly string[]): Projector;
  close(): Promise<void>;
}

export async function openRebuildContext(): Promise<RebuildContext> {
  const app: INestApplicationContext = await NestFactory.createApplicationContext(ProjectorModule.register({ run: false }), { logger: ['error', 'warn'] });
  const config = app.get(AppConfig);
  const projections = [...ALL_PROJECTIONS, app.get(SlaProcess).projection, app.get(MailOutbox).projection];
  return {
    config,
    projections,
    projectorFor: (names) =>
      new Projector(app.get<EventStore>(EVENT_STORE), app.get<ReadStore>(READ_STORE), selectProjections(projections, names), projectorWindowOf(config)),
    close: () => app.close(),
  };
}
