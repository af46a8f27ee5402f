/**
 * Rebuild of ALL projections from position 0: the real Projector with every projection the system
 * keeps (READ_MODEL_PROJECTIONS and the process managers' sla-timers and mail-outbox, with the default
 * configuration) reads an event store FILE of ~1,000,000 events (seeded through the decider, see
 * bench/seed/) and writes a fresh SqliteReadStore file, as `npm run projections:rebuild` does.
 *
 * - the catch-up of the read models (READ_MODEL_PROJECTIONS: what issue 3 and DESIGN.md call projections)
 *   by one Projector gives the catch-up figure; the same with the process managers' state as well
 *   (all six) gives the full rebuild, once by one Projector and once in worker threads;
 * - each runs once, at the production default batch size (PROJECTOR_BATCH_SIZE = 1000);
 * - other batch sizes are compared on the first PREFIX_EVENTS events (a full run takes minutes);
 * - a short run under the V8 sampling profiler says where the CPU time goes.
 *
 * Time spent in the ports (readAll, getMany, commit) is measured by wrapping the stores, which
 * adds a few microseconds per batch; the rest is the projector's and the projections' own code.
 *
 * Standalone (profiling, other sizes):
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/projection-catchup.ts --events 200000 --batch-size 1000 [--profile] [--read-models-only] [--projection NAME ...]
 *   node ... bench/projection-catchup.ts --workers 2 [--read-models-only]   (the full store, split over worker threads)
 *   node ... bench/projection-catchup.ts --events 300000 --commit-every 20000 --max-cached 25000   (another write-back window)
 * (TMPDIR=/dev/shm keeps the read store off the disk, to compare CPU work on a VM whose disk varies.)
 * (`--read-models-only`: the four projections of READ_MODEL_PROJECTIONS, as the runs before 2026-12-03 measured.)
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EventStore, ReadAllOptions, RecordedEvent } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { partitionProjections, ProjectionStatus, Projector, ProjectorOptions, rebuildInWorkers } from '@app/projector';
import { READ_MODEL_PROJECTIONS } from '@app/runtime';
import { CASES_COLLECTION, Projection, QUEUE_ITEMS_COLLECTION, QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID, QueueSummary, REPORT_CASES_COLLECTION, TIMELINES_COLLECTION } from '@app/projections';
import { ReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { fileMiB } from './seed/cache';
import { startCpuLoadMeter } from './seed/cpu-load';
import { CATCH_UP_PROFILE } from './seed/profiles';
import { seedEventStore } from './seed/seed-event-store';
import type { CatchUpWorkerSettings } from './seed/catchup-worker';
import { COMMIT_EVERY_EVENTS, SYSTEM_PROJECTIONS } from './seed/system-projections';
import { Benchmark, BenchReport, log, makeTempDir, round } from './support';

const FULL_BATCH_SIZE = 1000;
/** The projector's write-back window: events per commit and documents held, as configured by default. */
type CommitWindow = Pick<ProjectorOptions, 'commitEveryEvents' | 'maxCachedDocuments'>;
const DEFAULT_WINDOW: CommitWindow = { commitEveryEvents: COMMIT_EVERY_EVENTS };
const SWEEP_BATCH_SIZES = [500, 1000, 2000, 5000];
const PREFIX_EVENTS = 100_000;
const PROFILE_EVENTS = 50_000;
const PROFILE_SAMPLING_MICROSECONDS = 500;
const TARGET_EVENTS_PER_SECOND = 30_000;
const TARGET_REBUILD_SECONDS = 60;

export const projectionCatchup: Benchmark = {
  name: 'projection-catchup',
  description: `Rebuild of all ${SYSTEM_PROJECTIONS.length} projections from position 0 (Projector.catchUp) from a ~1M-event SQLite event store into a fresh SQLite read store`,
  run,
};

interface CatchUpRun {
  batchSize: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  batches: number;
  /** CPU time of this process (user + system) over the run, in % of one core: ~100 means CPU-bound on one thread. */
  cpuPercentOfOneCore: number;
  /** What the machine's other processes used meanwhile, in % of all cores (they skew the figures). */
  otherProcessesCpuPercent: number;
  peakRssMiB: number;
  readStoreMiB: number;
  /** Wall time inside the store ports, in % of the run; `projection code` is the rest. */
  timeSharePercent: Record<string, number>;
  msInPorts: Record<string, number>;
  documents?: Record<string, number>;
}

async function run(): Promise<BenchReport> {
  const seeded = await seedEventStore(CATCH_UP_PROFILE);
  const { meta } = seeded;
  warmPageCache(seeded.file);

  const sweep: CatchUpRun[] = [];
  for (const batchSize of SWEEP_BATCH_SIZES) {
    log(`projection-catchup: first ${PREFIX_EVENTS.toLocaleString('en-US')} events, batch size ${batchSize}`);
    sweep.push(await catchUp(seeded.file, batchSize, PREFIX_EVENTS));
    log(`projection-catchup: ${sweep.at(-1)!.eventsPerSecond.toLocaleString('en-US')} events/s`);
  }

  log(`projection-catchup: catch-up of the read models (${READ_MODEL_PROJECTIONS.map(({ name }) => name).join(', ')}), ${meta.simulation.events.toLocaleString('en-US')} events, batch size ${FULL_BATCH_SIZE}`);
  const readModels = await catchUp(seeded.file, FULL_BATCH_SIZE, undefined, meta.simulation.casesFiled, READ_MODEL_PROJECTIONS);
  log(`projection-catchup: ${readModels.seconds} s, ${readModels.eventsPerSecond.toLocaleString('en-US')} events/s`);

  log(`projection-catchup: full rebuild of ${meta.simulation.events.toLocaleString('en-US')} events, batch size ${FULL_BATCH_SIZE}`);
  const full = await catchUp(seeded.file, FULL_BATCH_SIZE, undefined, meta.simulation.casesFiled);
  log(`projection-catchup: ${full.seconds} s, ${full.eventsPerSecond.toLocaleString('en-US')} events/s`);

  const workers = Math.min(availableParallelism(), SYSTEM_PROJECTIONS.length);
  log(`projection-catchup: full rebuild in ${workers} worker threads (npm run projections:rebuild), batch size ${FULL_BATCH_SIZE}`);
  const parallel = await parallelCatchUp(seeded.file, FULL_BATCH_SIZE, workers, meta.simulation.casesFiled);
  log(`projection-catchup: ${parallel.seconds} s, ${parallel.eventsPerSecond.toLocaleString('en-US')} events/s`);

  log(`projection-catchup: CPU profile of the first ${PROFILE_EVENTS.toLocaleString('en-US')} events`);
  const profile = await profiledCatchUp(seeded.file, FULL_BATCH_SIZE, PROFILE_EVENTS);

  const best = sweep.reduce((a, b) => (b.eventsPerSecond > a.eventsPerSecond ? b : a));
  const eventsTarget = readModels.eventsPerSecond >= TARGET_EVENTS_PER_SECOND;
  const timeTarget = parallel.seconds <= TARGET_REBUILD_SECONDS;
  return {
    settings: {
      eventStore: {
        file: seeded.file,
        cachedFromEarlierRun: seeded.cached,
        events: meta.simulation.events,
        cases: meta.simulation.casesFiled,
        simulatedPeriod: `${CATCH_UP_PROFILE.startDate} + ${CATCH_UP_PROFILE.months} months`,
        staff: CATCH_UP_PROFILE.staff,
        eventsByType: meta.simulation.eventsByType,
        finalStatuses: meta.simulation.finalStatuses,
        fileMiB: meta.seeding.fileMiB,
        method: 'every command built from the case state, decided by createCaseDecider, appended by SqliteEventStore.appendToStream with the exact expected revision and the API metadata; up to 1000 streams appending at once (group commit), in simulated-time order',
      },
      projections: SYSTEM_PROJECTIONS.map(({ name, version }) => `${name} v${version}`),
      catchUpOfTheReadModels: {
        projections: READ_MODEL_PROJECTIONS.map(({ name }) => name),
        note: 'the projections issue 3 and DESIGN.md call projections (the read models); the catch-up target is measured on them. The process managers keep their own state through the projector too (sla-timers, mail-outbox): fullRebuild adds them',
      },
      fullRebuild: { batchSize: FULL_BATCH_SIZE, commitEveryEvents: COMMIT_EVERY_EVENTS, note: 'PROJECTOR_BATCH_SIZE and PROJECTOR_COMMIT_EVERY_EVENTS defaults' },
      fullRebuildInWorkers: { note: 'the same, split over one worker thread per core by partitionProjections, as npm run projections:rebuild does by default (ADR 12); not wrapped by the port timers' },
      batchSizeSweep: { batchSizes: SWEEP_BATCH_SIZES, events: PREFIX_EVENTS, note: 'first events of the same store, each into a fresh read store' },
      readStore: 'fresh SqliteReadStore file in the OS temp dir (WAL, synchronous=NORMAL) per run, deleted afterwards',
      pageCache: 'the event store file is read once before the runs, so every run reads it from the OS page cache',
      profile: { events: PROFILE_EVENTS, batchSize: FULL_BATCH_SIZE, sampler: `node:inspector Profiler, ${PROFILE_SAMPLING_MICROSECONDS} µs interval; self time, native calls counted in their JS caller; line numbers of anonymous functions are those of the transpiled JS` },
    },
    results: {
      seeding: { cachedFromEarlierRun: seeded.cached, ...meta.seeding },
      catchUpOfTheReadModels: readModels,
      fullRebuild: full,
      fullRebuildInWorkers: parallel,
      batchSizeSweep: sweep,
      cpuProfile: profile,
    },
    rows: [
      ['seeding through the decider + appendToStream', meta.seeding.eventsPerSecond, `events/s${seeded.cached ? ' (cached run)' : ''}`],
      [`catch-up of the ${READ_MODEL_PROJECTIONS.length} read models: ${readModels.events.toLocaleString('en-US')} events, batch ${FULL_BATCH_SIZE}`, readModels.seconds, 's'],
      [`catch-up of the ${READ_MODEL_PROJECTIONS.length} read models, throughput`, readModels.eventsPerSecond, 'events/s'],
      [`full rebuild (${SYSTEM_PROJECTIONS.length} projections): ${full.events.toLocaleString('en-US')} events, batch ${FULL_BATCH_SIZE}`, full.seconds, 's'],
      ['full rebuild throughput', full.eventsPerSecond, 'events/s'],
      [`full rebuild in ${parallel.workers} worker threads`, parallel.seconds, 's'],
      [`full rebuild in ${parallel.workers} worker threads, throughput`, parallel.eventsPerSecond, 'events/s'],
      ...sweep.map((entry): [string, number, string] => [`first ${PREFIX_EVENTS / 1000}k events, batch ${entry.batchSize}`, entry.eventsPerSecond, 'events/s']),
      ['full rebuild peak RSS', full.peakRssMiB, 'MiB'],
    ],
    targets: [
      {
        name: `catch-up ≥ ${TARGET_EVENTS_PER_SECOND.toLocaleString('en-US')} events/s`,
        met: eventsTarget,
        detail: `${readModels.eventsPerSecond.toLocaleString('en-US')} events/s by one Projector at batch ${FULL_BATCH_SIZE} over the ${READ_MODEL_PROJECTIONS.length} read models (with the process managers' ${SYSTEM_PROJECTIONS.length - READ_MODEL_PROJECTIONS.length} as well: ${full.eventsPerSecond.toLocaleString('en-US')} events/s by one Projector, ${parallel.eventsPerSecond.toLocaleString('en-US')} in ${parallel.workers} worker threads; best batch size on the prefix: ${best.batchSize}, ${best.eventsPerSecond.toLocaleString('en-US')} events/s)`,
      },
      { name: `full rebuild ≤ ${TARGET_REBUILD_SECONDS} s`, met: timeTarget, detail: `${parallel.seconds} s for ${parallel.events.toLocaleString('en-US')} events in ${parallel.workers} worker threads, as npm run projections:rebuild runs it (${full.seconds} s by one Projector)` },
    ],
  };
}

/** One catch-up into a fresh read store; `limit` stops at that position (a prefix of the store). */
async function catchUp(eventsFile: string, batchSize: number, limit?: number, expectedCases?: number, projections = SYSTEM_PROJECTIONS, window: CommitWindow = DEFAULT_WINDOW): Promise<CatchUpRun> {
  const directory = makeTempDir('pqr-bench-catchup-');
  const readFile = join(directory, 'read.sqlite');
  const eventStore = new SqliteEventStore({ filename: eventsFile });
  const readStore = new SqliteReadStore({ filename: readFile });
  try {
    const timer = new PortTimer();
    const source = limit === undefined ? eventStore : new PrefixEventStore(eventStore, limit);
    const projector = new Projector(timer.eventStore(source), timer.readStore(readStore), projections, { batchSize, ...window });
    const head = await source.headPosition();
    let peakRss = process.memoryUsage().rss;
    let batches = 0;
    const cpuBefore = process.cpuUsage();
    const meter = startCpuLoadMeter();
    const started = performance.now();
    await projector.prepare();
    await projector.catchUp(() => {
      batches += 1;
      if (batches % 20 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const load = meter();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    assertCaughtUp(projector.status(), head);
    const documents = expectedCases === undefined ? undefined : await checkDocuments(readStore, expectedCases, projections);
    const msInPorts = timer.totals();
    const totalMs = seconds * 1000;
    const portMs = Object.values(msInPorts).reduce((sum, ms) => sum + ms, 0);
    const shares: [string, number][] = [...Object.entries(msInPorts), ['projector and projection code (upcast, keysOf, evolve, applyEvents)', totalMs - portMs]];
    const timeSharePercent = Object.fromEntries(shares.map(([name, ms]) => [name, round((100 * ms) / totalMs, 1)]));
    return {
      batchSize,
      events: head,
      seconds: round(seconds, 1),
      eventsPerSecond: round(head / seconds, 0),
      batches,
      cpuPercentOfOneCore: round((100 * (cpu.user + cpu.system)) / 1e6 / seconds, 0),
      otherProcessesCpuPercent: load.otherProcessesPercent,
      peakRssMiB: round(peakRss / 2 ** 20, 0),
      readStoreMiB: fileMiB(readFile),
      timeSharePercent,
      msInPorts: Object.fromEntries(Object.entries(msInPorts).map(([name, ms]) => [name, round(ms, 0)])),
      ...(documents && { documents }),
    };
  } finally {
    await readStore.close();
    await eventStore.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

interface ParallelCatchUpRun {
  workers: number;
  groups: string[][];
  batchSize: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** CPU time of this process and its worker threads (user + system) over the run, in % of one core. */
  cpuPercentOfOneCore: number;
  otherProcessesCpuPercent: number;
  peakRssMiB: number;
  readStoreMiB: number;
  documents?: Record<string, number>;
}

/**
 * The rebuild as `npm run projections:rebuild` runs it by default: the system projections split over
 * one worker thread per core (partitionProjections), each reading the event store on its own, into
 * one fresh read store file.
 */
async function parallelCatchUp(eventsFile: string, batchSize: number, workers: number, expectedCases?: number, projections = SYSTEM_PROJECTIONS): Promise<ParallelCatchUpRun> {
  const directory = makeTempDir('pqr-bench-catchup-parallel-');
  const readFile = join(directory, 'read.sqlite');
  const groups = partitionProjections(projections.map(({ name }) => name), workers);
  try {
    let head = 0;
    let peakRss = process.memoryUsage().rss;
    const cpuBefore = process.cpuUsage();
    const meter = startCpuLoadMeter();
    const started = performance.now();
    const settings: CatchUpWorkerSettings = { eventsFile, readFile, batchSize };
    const statuses = await rebuildInWorkers({
      entry: join(__dirname, 'seed', 'catchup-worker.ts'),
      groups,
      settings,
      onProgress: (_position, reachedHead) => {
        head = reachedHead;
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const load = meter();
    assertCaughtUp(statuses, head);
    const readStore = new SqliteReadStore({ filename: readFile });
    try {
      const documents = expectedCases === undefined ? undefined : await checkDocuments(readStore, expectedCases, projections);
      return {
        workers: groups.length,
        groups,
        batchSize,
        events: head,
        seconds: round(seconds, 1),
        eventsPerSecond: round(head / seconds, 0),
        cpuPercentOfOneCore: round((100 * (cpu.user + cpu.system)) / 1e6 / seconds, 0),
        otherProcessesCpuPercent: load.otherProcessesPercent,
        peakRssMiB: round(peakRss / 2 ** 20, 0),
        readStoreMiB: fileMiB(readFile),
        ...(documents && { documents }),
      };
    } finally {
      await readStore.close();
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Every projection ended running at the head: none failed, none is still retrying a commit. */
function assertCaughtUp(statuses: ProjectionStatus[], head: number): void {
  for (const status of statuses) {
    if (status.state !== 'running' || status.position !== head) throw new Error(`Projection ${status.name} ended ${status.state} at ${status.position} of ${head}: ${status.failure?.error ?? ''}`);
  }
}

/** The rebuilt read models hold every case: one document per case in each per-case collection, queue counts that add up. */
async function checkDocuments(readStore: ReadStore, cases: number, projections: readonly Projection[]): Promise<Record<string, number>> {
  const documents: Record<string, number> = {};
  for (const { collections } of projections) for (const { name } of collections) documents[name] = await readStore.count(name);
  for (const collection of [CASES_COLLECTION, TIMELINES_COLLECTION, REPORT_CASES_COLLECTION]) {
    if (documents[collection] !== cases) throw new Error(`${documents[collection]} documents in ${collection}, ${cases} cases seeded`);
  }
  const summary = await readStore.get<QueueSummary>(QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID);
  const counted = Object.values(summary?.data.queues ?? {}).reduce((sum, count) => sum + count, 0);
  if (counted !== documents[QUEUE_ITEMS_COLLECTION]) throw new Error(`The queue summary counts ${counted} open cases, queue_items holds ${documents[QUEUE_ITEMS_COLLECTION]}`);
  return documents;
}

/** The first `limit` events of a store, as if it ended there. */
class PrefixEventStore implements Pick<EventStore, 'readAll' | 'headPosition'> {
  constructor(
    private readonly inner: EventStore,
    private readonly limit: number,
  ) {}

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 0;
    if (from >= this.limit) return [];
    const events = await this.inner.readAll({ fromPosition: from, maxCount: Math.min(options.maxCount ?? this.limit, this.limit - from) });
    return events.filter((event) => event.position <= this.limit);
  }

  async headPosition(): Promise<number> {
    return Math.min(await this.inner.headPosition(), this.limit);
  }
}

/** Wall time spent in the store ports the projector calls, by port method (and collection / projection). */
class PortTimer {
  private readonly ms = new Map<string, number>();

  eventStore(store: Pick<EventStore, 'readAll' | 'headPosition'>): EventStore {
    return this.wrap(store, { readAll: () => 'event store readAll (SQLite + JSON.parse)' }) as unknown as EventStore;
  }

  readStore(store: ReadStore): ReadStore {
    return this.wrap(store, {
      getMany: (args) => `read store getMany ${String(args[0])} (SQLite + JSON.parse)`,
      commit: (args) => `read store commit ${String(args[0])} (JSON.stringify + SQLite upserts)`,
      ensureCollections: () => 'read store ensureCollections (building the indexes deferred during the load)',
    });
  }

  totals(): Record<string, number> {
    return Object.fromEntries([...this.ms.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  private wrap<T extends object>(target: T, labels: Record<string, (args: unknown[]) => string>): T {
    return new Proxy(target, {
      get: (object, property, receiver) => {
        const value = Reflect.get(object, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        const label = typeof property === 'string' ? labels[property] : undefined;
        if (!label) return (value as (...args: unknown[]) => unknown).bind(object);
        return async (...args: unknown[]) => {
          const started = performance.now();
          try {
            return await (value as (...args: unknown[]) => Promise<unknown>).apply(object, args);
          } finally {
            const key = label(args);
            this.ms.set(key, (this.ms.get(key) ?? 0) + performance.now() - started);
          }
        };
      },
    });
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** A catch-up of the first `events` events under the V8 sampling profiler; self time by category and top functions. */
async function profiledCatchUp(eventsFile: string, batchSize: number, events: number, projections = SYSTEM_PROJECTIONS, window: CommitWindow = DEFAULT_WINDOW) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: PROFILE_SAMPLING_MICROSECONDS });
    await session.post('Profiler.start');
    const measured = await catchUp(eventsFile, batchSize, events, undefined, projections, window);
    const { profile } = await session.post('Profiler.stop');
    return { events: measured.events, eventsPerSecondWhileProfiled: measured.eventsPerSecond, ...summarizeProfile(profile as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) };
  } finally {
    session.disconnect();
  }
}

function summarizeProfile(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node] as const)));
  /**
   * Native functions (better-sqlite3's `run`, `all`: no URL) and the shared JSON helpers of storage-kit
   * are categorized as the function that called them; but serializeJsonObject is its own category: a
   * catch-up serializes documents only (no event is appended), inside the commit's transaction.
   */
  const categorizedAs = (node: ProfileNode): ProfileNode => {
    let current = node;
    const borrowed = ({ callFrame: { url, functionName } }: ProfileNode) =>
      (url === '' && !functionName.startsWith('(')) || (url.includes('libs/storage-kit/') && functionName !== 'serializeJsonObject');
    while (borrowed(current) && parentOf.has(current.id)) current = parentOf.get(current.id)!;
    return current;
  };
  const selfByFunction = new Map<string, number>();
  const selfByCategory = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const delta = profile.timeDeltas[index] ?? 0;
    total += delta;
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = functionName || '(anonymous)';
    if (fn === '(idle)' || fn === '(program)') return;
    const where = url.replace(/^.*\/(node_modules\/|libs\/|projections\/|apps\/|bench\/)/, '$1');
    const key = functionName ? `${fn} ${where}` : `${fn} ${where}:${lineNumber + 1}`;
    selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + delta);
    const caller = categorizedAs(node).callFrame;
    const category = categoryOf(caller.url, caller.functionName || '(anonymous)');
    selfByCategory.set(category, (selfByCategory.get(category) ?? 0) + delta);
  });
  const percent = (value: number) => round((100 * value) / total, 1);
  return {
    selfTimePercentByCategory: Object.fromEntries([...selfByCategory.entries()].sort((a, b) => b[1] - a[1]).map(([name, value]) => [name, percent(value)])),
    topFunctionsSelfTimePercent: Object.fromEntries([...selfByFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([name, value]) => [name, percent(value)])),
  };
}

const READ_STORE_WRITES = 'read store writes: SQLite upserts + index maintenance, transactions';
const READ_STORE_READS = 'read store reads: getMany SQLite + JSON.parse';
const SERIALIZE_DOCUMENTS = 'JSON.stringify of documents (serializeDocument)';

/**
 * Where self time lands. Native work (SQLite, JSON.parse/stringify builtins) counts in the JS
 * function that calls it, so the file and function tell what it was.
 */
function categoryOf(url: string, fn: string): string {
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === 'serializeJsonObject') return SERIALIZE_DOCUMENTS;
  if (url.includes('better-sqlite3') || (url.endsWith('sqlite-read-store.adapter.ts') && /^(applyWrite|inTransaction|commit|writeStatements)$/.test(fn))) return READ_STORE_WRITES;
  if (url.includes('libs/read-store/')) return READ_STORE_READS;
  if (url.includes('libs/event-store/')) return 'event store readAll: SQLite + JSON.parse';
  if (/projections\/src\/|libs\/domain\/|libs\/projector\//.test(url)) return 'projection code: applyEvents, evolve, keysOf, upcast';
  return 'other (Node internals, bench wrappers)';
}

/** Reads the file once so that every run finds it in the OS page cache. */
function warmPageCache(file: string): void {
  const buffer = Buffer.allocUnsafe(8 * 2 ** 20);
  const descriptor = openSync(file, 'r');
  try {
    while (readSync(descriptor, buffer, 0, buffer.length, null) > 0);
  } finally {
    closeSync(descriptor);
  }
}

function projectionsNamed(names?: string[]): readonly Projection[] | undefined {
  if (!names) return undefined;
  const unknown = names.filter((name) => !SYSTEM_PROJECTIONS.some((projection) => projection.name === name));
  if (unknown.length > 0) throw new Error(`Unknown projection(s) ${unknown.join(', ')}; known: ${SYSTEM_PROJECTIONS.map(({ name }) => name).join(', ')}`);
  return SYSTEM_PROJECTIONS.filter(({ name }) => names.includes(name));
}

async function standalone(): Promise<void> {
  const { values } = parseArgs({ options: { events: { type: 'string' }, 'batch-size': { type: 'string' }, profile: { type: 'boolean' }, 'read-models-only': { type: 'boolean' }, projection: { type: 'string', multiple: true }, workers: { type: 'string' }, 'commit-every': { type: 'string' }, 'max-cached': { type: 'string' } } });
  const seeded = await seedEventStore(CATCH_UP_PROFILE);
  warmPageCache(seeded.file);
  const events = values.events ? Number(values.events) : undefined;
  const batchSize = Number(values['batch-size'] ?? FULL_BATCH_SIZE);
  const projections = projectionsNamed(values.projection) ?? (values['read-models-only'] ? READ_MODEL_PROJECTIONS : SYSTEM_PROJECTIONS);
  if (values.workers) {
    console.log(JSON.stringify(await parallelCatchUp(seeded.file, batchSize, Number(values.workers), undefined, projections), null, 2));
    return;
  }
  const window: CommitWindow = {
    commitEveryEvents: values['commit-every'] ? Number(values['commit-every']) : COMMIT_EVERY_EVENTS,
    ...(values['max-cached'] && { maxCachedDocuments: Number(values['max-cached']) }),
  };
  const result = values.profile ? await profiledCatchUp(seeded.file, batchSize, events ?? PROFILE_EVENTS, projections, window) : await catchUp(seeded.file, batchSize, events, undefined, projections, window);
  console.log(JSON.stringify(result, null, 2));
}

if (require.main === module) {
  standalone().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
