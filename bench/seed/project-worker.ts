/**
 * Child process of build-read-models.ts: replays the short-history simulation of `<cases>` cases
 * (deterministic: every worker decides the same events) and projects it with the real Projector,
 * for the named projections only, into the read store `<file>`, which other workers write too
 * (SQLite serializes their commits). Prints one JSON line with what it did.
 *
 * node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/seed/project-worker.ts <cases> <file> <projection>[,<projection>] <batchSize>
 */
import { performance } from 'node:perf_hooks';
import { Projector } from '@app/projector';
import { READ_MODEL_PROJECTIONS } from '@app/runtime';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { log } from '../support';
import { CaseSimulation } from './case-simulation';
import { shortHistoryProfile } from './profiles';
import { SimulatedEventSource } from './simulated-event-source';

const PROGRESS_EVERY_MS = 30_000;

export interface WorkerResult {
  projections: string[];
  events: number;
  seconds: number;
  positions: Record<string, number>;
  endsAt: string;
  simulation: ReturnType<CaseSimulation['stats']>;
}

async function main(): Promise<void> {
  const [casesArgument, file, names, batchSizeArgument] = process.argv.slice(2);
  const cases = Number(casesArgument);
  const projections = READ_MODEL_PROJECTIONS.filter((projection) => names.split(',').includes(projection.name));
  if (!Number.isInteger(cases) || !file || projections.length === 0) throw new Error(`Usage: project-worker.ts <cases> <file> <projections> <batchSize>`);
  const simulation = new CaseSimulation(shortHistoryProfile(cases));
  const readStore = new SqliteReadStore({ filename: file });
  try {
    const projector = new Projector(new SimulatedEventSource(simulation), readStore, projections, { batchSize: Number(batchSizeArgument) });
    const started = performance.now();
    let nextLog = started + PROGRESS_EVERY_MS;
    await projector.catchUp(() => {
      if (performance.now() < nextLog) return;
      nextLog += PROGRESS_EVERY_MS;
      const { casesFiled, events } = simulation.stats();
      log(`read models (${names}): ${events.toLocaleString('en-US')} events, ${casesFiled.toLocaleString('en-US')}/${cases.toLocaleString('en-US')} cases`);
    });
    const seconds = (performance.now() - started) / 1000;
    const failed = projector.status().filter((status) => status.state === 'failed');
    if (failed.length > 0) throw new Error(`Projection(s) failed: ${JSON.stringify(failed)}`);
    const stats = simulation.stats();
    const result: WorkerResult = {
      projections: projections.map((projection) => projection.name),
      events: stats.events,
      seconds,
      positions: Object.fromEntries(projector.status().map((status) => [status.name, status.position])),
      endsAt: simulation.endIso,
      simulation: stats,
    };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await readStore.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
