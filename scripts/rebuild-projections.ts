/**
 * `npm run projections:rebuild [-- --projection case-view [--projection reports]]`: deletes the
 * read models and replays every event from position 0, with a progress bar. Stop the API's
 * in-process projector first (or run the API with PROJECTOR=external and stop `start:projector`).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { Projector } from '@app/projector';
import { ProjectorModule } from '../apps/projector/src/projector.module';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { projection: { type: 'string', multiple: true } } });
  const app = await NestFactory.createApplicationContext(ProjectorModule.register({ run: false }), { logger: ['error', 'warn'] });
  try {
    const projector = app.get(Projector);
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
