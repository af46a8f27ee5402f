/**
 * `npm run projections:rebuild [-- --projection case-view [--projection reports]]`: deletes the
 * read models and replays every event from position 0, with a progress bar. Every projection the
 * system keeps: those of ALL_PROJECTIONS and the process managers' own (`sla-timers`,
 * `mail-outbox`: replaying them sends nothing twice, see ADR 7 and 8), read once by one Projector.
 * Stop the API's in-process projector first (or run the API with PROJECTOR=external and stop `start:projector`).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { ALL_PROJECTIONS } from '@app/projections';
import { Projector } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig } from '../apps/api/src/config/app-config';
import { MailOutbox } from '../apps/api/src/mail/mail-outbox';
import { SlaProcess } from '../apps/api/src/sla/sla-process';
import { ProjectorModule } from '../apps/projector/src/projector.module';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { projection: { type: 'string', multiple: true } } });
  const app = await NestFactory.createApplicationContext(ProjectorModule.register({ run: false }), { logger: ['error', 'warn'] });
  try {
    const config = app.get(AppConfig);
    const projections = [...ALL_PROJECTIONS, app.get(SlaProcess).projection, app.get(MailOutbox).projection];
    const projector = new Projector(app.get<EventStore>(EVENT_STORE), app.get<ReadStore>(READ_STORE), projections, {
      batchSize: config.PROJECTOR_BATCH_SIZE,
      commitEveryEvents: config.PROJECTOR_COMMIT_EVERY_EVENTS,
    });
    await projector.rebuild(values.projection);
    const bar = new SingleBar({ format: 'rebuilding [{bar}] {percentage}% | {value}/{total} events | {duration}s' }, Presets.shades_classic);
    let started = false;
    const startedAt = Date.now();
    await projector.catchUp((position, head) => {
      if (!started) bar.start(head, 0);
      started = true;
      bar.update(position);
    });
    bar.stop();
    const seconds = (Date.now() - startedAt) / 1000;
    for (const status of projector.status()) {
      const line = status.state === 'failed' ? `FAILED at ${status.failure?.position}: ${status.failure?.error}` : `position ${status.position}`;
      process.stdout.write(`${status.name} v${status.version}: ${line}\n`);
    }
    process.stdout.write(`done in ${seconds.toFixed(1)} s\n`);
    if (projector.status().some((status) => status.state === 'failed')) process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
