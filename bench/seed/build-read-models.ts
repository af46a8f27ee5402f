/**
 * Read models for the query benchmark, built once and cached (cache.ts):
 *
 * - events: the short-history simulation (profiles.ts), every command decided by the decider on
 *   the case's folded state, events carrying the API's metadata; one case's whole history after
 *   the other (same final documents as interleaved histories, fewer document rewrites);
 * - projection: the real Projector and projections, into a SqliteReadStore file. Only the two
 *   projections whose collections the measured queries read are built: case-queues (queue_items,
 *   queue_summary) and reports (report_days, report_cases, report_months, report_month_totals). case-view and
 *   case-timeline have tables of their own that these queries never touch;
 * - the two run in parallel child processes (project-worker.ts), one per projection, each into a
 *   read store file of its own (two processes committing to one SQLite file mostly wait on each
 *   other's write lock). Each replays the same deterministic simulation; the events go straight
 *   to the projector (SimulatedEventSource), no event store file is written.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { caseQueuesProjection, QUEUE_ITEMS_COLLECTION, QUEUES, reportsProjection } from '@app/projections';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { log, round } from '../support';
import { buildCacheEntry, cacheEntryPath, fileMiB, readCacheMeta } from './cache';
import type { SimulationProfile, SimulationStats } from './case-simulation';
import { shortHistoryProfile } from './profiles';
import type { WorkerResult } from './project-worker';

const BUILD_BATCH_SIZE = 5000;
/** One worker per projection, in parallel (the machine has 2 cores), each with its read store file. */
const WORKER_PROJECTIONS = [caseQueuesProjection, reportsProjection];
const REPO_ROOT = join(__dirname, '..', '..');

export interface ReadModelsMeta {
  profile: SimulationProfile;
  /** "Now" at the end of the simulated period (Bogotá offset): the queries' `now`. */
  endsAt: string;
  simulation: SimulationStats;
  projections: string[];
  documents: Record<string, number>;
  queueSizes: Record<string, number>;
  build: {
    method: string;
    batchSize: number;
    wallSeconds: number;
    workers: { projections: string[]; seconds: number; eventsPerSecond: number }[];
    fileMiB: Record<string, number>;
    builtAt: string;
  };
}

export interface BuiltReadModels {
  /** The read store file of each projection. */
  files: { 'case-queues': string; reports: string };
  cached: boolean;
  meta: ReadModelsMeta;
}

export async function buildReadModels(cases: number): Promise<BuiltReadModels> {
  const profile = shortHistoryProfile(cases);
  const projections = WORKER_PROJECTIONS.map(({ name, version }) => ({ name, version }));
  const entry = cacheEntryPath('read-models', profile.name, { profile, projections, batchSize: BUILD_BATCH_SIZE });
  const files = { 'case-queues': projectionFile(entry, caseQueuesProjection.name), reports: projectionFile(entry, reportsProjection.name) };
  const cached = readCacheMeta<ReadModelsMeta>(entry);
  if (cached) {
    log(`read models: reusing ${entry} (${cases.toLocaleString('en-US')} cases, built ${cached.build.builtAt})`);
    return { files, cached: true, meta: cached };
  }
  log(`read models: building ${entry}: ${cases.toLocaleString('en-US')} cases through the decider, projected once`);
  const meta = await buildCacheEntry(entry, (directory) => build(profile, directory));
  return { files, cached: false, meta };
}

function projectionFile(directory: string, projection: string): string {
  return join(directory, `${projection}.sqlite`);
}

async function build(profile: SimulationProfile, directory: string): Promise<ReadModelsMeta> {
  const started = performance.now();
  const results = await Promise.all(WORKER_PROJECTIONS.map(({ name }) => runWorker(profile.cases, projectionFile(directory, name), [name])));
  const wallSeconds = (performance.now() - started) / 1000;
  const [first] = results;
  for (const result of results) {
    if (result.events !== first.events) throw new Error(`Workers saw different simulations: ${result.events} vs ${first.events} events`);
    for (const [name, position] of Object.entries(result.positions)) {
      if (position !== result.events) throw new Error(`${name} stopped at position ${position} of ${result.events}`);
    }
  }
  const documents: Record<string, number> = {};
  const queueSizes: Record<string, number> = {};
  for (const projection of WORKER_PROJECTIONS) {
    const readStore = new SqliteReadStore({ filename: projectionFile(directory, projection.name) });
    try {
      for (const { name } of projection.collections) documents[name] = await readStore.count(name);
      if (projection === caseQueuesProjection) {
        for (const queue of QUEUES) queueSizes[queue] = await readStore.count(QUEUE_ITEMS_COLLECTION, [{ field: 'queue', op: 'eq', value: queue }]);
      }
    } finally {
      await readStore.close();
    }
  }
  if (documents.report_cases !== first.simulation.casesFiled) {
    throw new Error(`${documents.report_cases} report_cases documents for ${first.simulation.casesFiled} cases filed`);
  }
  log(`read models: ${first.events.toLocaleString('en-US')} events projected in ${wallSeconds.toFixed(1)} s`);
  return {
    profile,
    endsAt: first.endsAt,
    simulation: first.simulation,
    projections: WORKER_PROJECTIONS.map((projection) => projection.name),
    documents,
    queueSizes,
    build: {
      method: 'decider -> SimulatedEventSource -> Projector, one child process and read store file per projection',
      batchSize: BUILD_BATCH_SIZE,
      wallSeconds: round(wallSeconds, 1),
      workers: results.map(({ projections, seconds, events }) => ({ projections, seconds: round(seconds, 1), eventsPerSecond: round(events / seconds, 0) })),
      fileMiB: Object.fromEntries(WORKER_PROJECTIONS.map(({ name }) => [name, fileMiB(projectionFile(directory, name))])),
      builtAt: new Date().toISOString(),
    },
  };
}

function runWorker(cases: number, file: string, projections: string[]): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'project-worker.ts'), String(cases), file, projections.join(','), String(BUILD_BATCH_SIZE)],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stop = () => child.kill('SIGTERM');
    process.once('exit', stop);
    let partialLine = '';
    let resultLine: string | undefined;
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (partialLine + chunk).split('\n');
      partialLine = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('RESULT ')) resultLine = line.slice('RESULT '.length);
        else if (line.trim()) console.log(line);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      process.removeListener('exit', stop);
      if (code === 0 && resultLine) resolve(JSON.parse(resultLine) as WorkerResult);
      else reject(new Error(`Read-model worker (${projections.join(', ')}) exited with ${code}: ${stderr.slice(-4000)}`));
    });
  });
}
