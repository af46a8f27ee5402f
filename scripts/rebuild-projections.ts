/**
 * `npm run projections:rebuild [-- --projection case-view [--projection reports]] [-- --workers N]`:
 * deletes the read models and replays every event from position 0, with a progress bar. Every
 * projection the system keeps (everyProjectionOf): the read models and the process managers' own
 * (`sla-timers`, `mail-outbox`: replaying them sends nothing twice, see ADR 7 and 8).
 *
 * The projections are split over `--workers` worker threads (default: one per core, at most one per
 * projection); each thread reads the events once for its projections (ADR 12). With `--workers 1`
 * one Projector reads once for all of them in this thread, and the projections not named are caught
 * up from their checkpoints as well.
 * Stop the API's in-process projector first (or run the API with PROJECTOR=external and stop `start:projector`).
 */
import { SingleBar, Presets } from 'cli-progress';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { partitionProjections, ProjectionStatus, rebuildInWorkers, selectProjections } from '@app/projector';
import { openRebuildContext, RebuildContext } from './rebuild-context';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { projection: { type: 'string', multiple: true }, workers: { type: 'string' } } });
  const context = await openRebuildContext();
  try {
    const names = selectProjections(context.projections, values.projection).map(({ name }) => name);
    const workers = workerCount(values.workers, names.length);
    const bar = new SingleBar({ format: 'rebuilding [{bar}] {percentage}% | {value}/{total} events | {duration}s' }, Presets.shades_classic);
    let started = false;
    const onProgress = (position: number, head: number) => {
      if (!started) bar.start(head, 0);
      started = true;
      bar.update(position);
    };
    const startedAt = Date.now();
    const statuses = workers === 1 ? await rebuildHere(context, values.projection, onProgress) : await rebuildInWorkers({ entry: join(__dirname, 'rebuild-projections-worker.ts'), groups: partitionProjections(names, workers), onProgress });
    bar.stop();
    const seconds = (Date.now() - startedAt) / 1000;
    for (const status of statuses) {
      const line = status.state === 'failed' ? `FAILED at ${status.failure?.position}: ${status.failure?.error}` : `position ${status.position}${status.state === 'retrying' ? ' (store unavailable: run the rebuild again)' : ''}`;
      process.stdout.write(`${status.name} v${status.version}: ${line}\n`);
    }
    process.stdout.write(`done in ${seconds.toFixed(1)} s with ${workers} worker${workers === 1 ? '' : 's'}\n`);
    if (statuses.some((status) => status.state === 'failed' || status.state === 'retrying')) process.exitCode = 1;
  } finally {
    await context.close();
  }
}

async function rebuildHere(context: RebuildContext, names: string[] | undefined, onProgress: (position: number, head: number) => void): Promise<ProjectionStatus[]> {
  const projector = context.projectorFor();
  await projector.rebuild(names);
  await projector.catchUp(onProgress);
  return projector.status();
}

function workerCount(option: string | undefined, projections: number): number {
  if (option === undefined) return Math.max(1, Math.min(availableParallelism(), projections));
  const workers = Number(option);
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`--workers must be a positive integer, got ${option}`);
  return Math.min(workers, projections);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
