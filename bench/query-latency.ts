/**
 * Read-side query latency, in process, at 10,000 and 1,000,000 cases: the API's own query
 * handlers (ListQueueHandler, GetQueueSummaryHandler, GetReportHandler) constructed without Nest
 * over SqliteReadStore files, called exactly as the controllers call them. HTTP (routing, guards,
 * validation, JSON serialization) adds its own overhead on top; it is not measured here.
 *
 * The handlers' ReadModelFreshness is replaced by `NO_WAIT`: without `?minPosition` (as here) the
 * real `waitFor` returns on its first line, before touching any store.
 *
 * The read models are built once through the decider and the real projections, then cached
 * (bench/seed/build-read-models.ts). Every query is warmed up, then timed many times, one call
 * at each scale in turn, so that drift and other work on the machine affect both alike.
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Filter, FindQuery } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { QUEUE_ITEMS_COLLECTION, QueueSummary } from '@app/projections';
import { AppConfig } from '@app/runtime';
import { GetQueueSummaryHandler, GetQueueSummaryQuery, GetReportHandler, GetReportQuery, ListQueueHandler, ListQueueQuery } from '@app/api';
import type { ReadModelFreshness } from '@app/runtime';
import { buildReadModels, BuiltReadModels } from './seed/build-read-models';
import { startCpuLoadMeter } from './seed/cpu-load';
import { Benchmark, BenchReport, log, percentile, round } from './support';

const SCALES = [10_000, 1_000_000] as const;
const WARMUP_ITERATIONS = 500;
const ITERATIONS = 5000;
const PAGE_LIMIT = 50;
/** The last complete month before the end of the simulated period: 16 earlier months to add up. */
const REPORT_MONTH = '2026-05';
const TARGET_P95_MS = 5;
const TARGET_RATIO = 1.5;
/** `ReadModelFreshness.waitFor(undefined, ...)`: no minPosition, nothing to wait for. */
const NO_WAIT = { waitFor: async () => undefined } as unknown as ReadModelFreshness;

export const queryLatency: Benchmark = {
  name: 'query-latency',
  description: `In-process latency of the API's queue, queue-summary and monthly-report query handlers over SqliteReadStore, at ${SCALES.map((cases) => cases.toLocaleString('en-US')).join(' and ')} cases`,
  run,
};

interface ScaleContext {
  cases: number;
  models: BuiltReadModels;
  queueStore: SqliteReadStore;
  reportStore: SqliteReadStore;
  listQueue: ListQueueHandler;
  queueSummary: GetQueueSummaryHandler;
  report: GetReportHandler;
  /** The end of the simulated period: the controllers' `now`. */
  now: string;
  agent: { id: string; openCases: number };
  unassigned: { size: number; deepCursor: string; deepOffset: number };
  agentQueue: { size: number; deepCursor: string; deepOffset: number };
}

interface QuerySpec {
  name: string;
  execute(context: ScaleContext): Promise<unknown>;
  /** Checks that the answer is what the query should return (not an empty page). */
  check(result: unknown, context: ScaleContext): void;
}

const unassignedWhere = (): Filter[] => [{ field: 'queue', op: 'eq', value: 'unassigned' }];
const agentWhere = (agentId: string): Filter[] => [
  { field: 'queue', op: 'eq', value: 'backoffice' },
  { field: 'assigneeId', op: 'eq', value: agentId },
];
const fullPage = (result: unknown) => {
  const page = result as { items: unknown[] };
  if (page.items.length !== PAGE_LIMIT) throw new Error(`Expected a full page of ${PAGE_LIMIT}, got ${page.items.length}`);
};

/** What the controllers build: `GET /queues/unassigned`, `GET /queues/backoffice/:userId`, `GET /queues/summary`, `GET /reports/monthly?month=`. */
const QUERIES: QuerySpec[] = [
  {
    name: 'queue page: unassigned, first page',
    execute: (c) => c.listQueue.execute(new ListQueueQuery(unassignedWhere(), { limit: PAGE_LIMIT }, c.now)),
    check: fullPage,
  },
  {
    name: 'queue page: unassigned, deep page (cursor)',
    execute: (c) => c.listQueue.execute(new ListQueueQuery(unassignedWhere(), { limit: PAGE_LIMIT, cursor: c.unassigned.deepCursor }, c.now)),
    check: fullPage,
  },
  {
    name: "queue page: backoffice agent's queue, first page",
    execute: (c) => c.listQueue.execute(new ListQueueQuery(agentWhere(c.agent.id), { limit: PAGE_LIMIT }, c.now)),
    check: fullPage,
  },
  {
    name: "queue page: backoffice agent's queue, deep page (cursor)",
    execute: (c) => c.listQueue.execute(new ListQueueQuery(agentWhere(c.agent.id), { limit: PAGE_LIMIT, cursor: c.agentQueue.deepCursor }, c.now)),
    check: (result) => {
      if ((result as { items: unknown[] }).items.length === 0) throw new Error('Empty deep page');
    },
  },
  {
    name: 'queue summary',
    execute: (c) => c.queueSummary.execute(new GetQueueSummaryQuery()),
    check: (result) => {
      if (!(result as QueueSummary).queues.unassigned) throw new Error('Empty queue summary');
    },
  },
  {
    name: `monthly report (${REPORT_MONTH})`,
    execute: (c) => c.report.execute(new GetReportQuery(monthPeriod(REPORT_MONTH))),
    check: (result) => {
      if (!((result as { filed: number }).filed > 0)) throw new Error('The report counts no filed case');
    },
  },
];

interface Measured {
  query: string;
  byScale: Latency[];
  cpuLoad: { otherProcessesPercent: number; thisProcessPercent: number };
}

interface Latency {
  iterations: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

async function run(): Promise<BenchReport> {
  const contexts: ScaleContext[] = [];
  try {
    for (const cases of SCALES) contexts.push(await openScale(cases));
    const measured: Measured[] = [];
    for (const query of QUERIES) {
      log(`query-latency: ${query.name}`);
      measured.push({ query: query.name, ...(await measure(query, contexts)) });
    }
    const plans = await Promise.all(
      contexts.map(async (context) => ({
        cases: context.cases,
        unassignedDeepPage: await explain(context, unassignedWhere(), context.unassigned.deepCursor),
        agentFirstPage: await explain(context, agentWhere(context.agent.id)),
      })),
    );
    return report(contexts, measured, plans);
  } finally {
    for (const context of contexts) {
      await context.queueStore.close();
      await context.reportStore.close();
    }
  }
}

function report(contexts: ScaleContext[], measured: Measured[], plans: unknown[]): BenchReport {
  const [small, large] = contexts;
  const label = (cases: number) => (cases >= 1_000_000 ? `${cases / 1_000_000}M` : `${cases / 1000}k`);
  const rows: [string, number, string][] = [];
  const targets: BenchReport['targets'] = [];
  const results = measured.map(({ query, byScale: [atSmall, atLarge], cpuLoad }) => {
    const ratio = round(atLarge.p95 / atSmall.p95, 2);
    rows.push(
      [`${query} @${label(small.cases)} p95`, atSmall.p95, 'ms'],
      [`${query} @${label(large.cases)} p50`, atLarge.p50, 'ms'],
      [`${query} @${label(large.cases)} p95`, atLarge.p95, 'ms'],
      [`${query} @${label(large.cases)} p99`, atLarge.p99, 'ms'],
      [`${query} p95 ${label(large.cases)}/${label(small.cases)}`, ratio, '×'],
    );
    const worst = Math.max(atSmall.p95, atLarge.p95);
    targets.push(
      { name: `${query}: p95 ≤ ${TARGET_P95_MS} ms`, met: worst <= TARGET_P95_MS, detail: `${atSmall.p95} ms @${label(small.cases)}, ${atLarge.p95} ms @${label(large.cases)}` },
      { name: `${query}: p95 ${label(large.cases)} ≤ ${TARGET_RATIO} × p95 ${label(small.cases)}`, met: ratio <= TARGET_RATIO, detail: `${ratio} × (${atSmall.p95} → ${atLarge.p95} ms)` },
    );
    return { query, [label(small.cases)]: atSmall, [label(large.cases)]: atLarge, p95Ratio: ratio, cpuPercentWhileMeasuring: cpuLoad };
  });
  return {
    settings: {
      mode: 'in process: the API query handlers called directly (no HTTP, no Nest container); each call awaited alone (no concurrency)',
      handlers: 'ListQueueHandler, GetQueueSummaryHandler, GetReportHandler from apps/api/src/queries, with AppConfig defaults; no minPosition, so freshness never waits (stubbed)',
      pageLimit: PAGE_LIMIT,
      reportMonth: REPORT_MONTH,
      warmupIterations: WARMUP_ITERATIONS,
      iterationsPerQueryAndScale: ITERATIONS,
      order: 'one call per scale in turn, the order flipping every time; each call awaited alone',
      timer: 'performance.now() around `await handler.execute(query)`',
      deepPage: 'the page after the middle of the queue (at least the second page), its cursor taken by walking the same query beforehand',
      datasets: contexts.map((context) => ({
        cases: context.cases,
        cachedFromEarlierRun: context.models.cached,
        events: context.models.meta.simulation.events,
        eventsByType: context.models.meta.simulation.eventsByType,
        finalStatuses: context.models.meta.simulation.finalStatuses,
        documents: context.models.meta.documents,
        queueSizes: context.models.meta.queueSizes,
        agent: context.agent,
        deepPageOffsets: { unassigned: context.unassigned.deepOffset, agent: context.agentQueue.deepOffset },
        build: context.models.meta.build,
        now: context.now,
      })),
      method: 'short-history simulation (0-3 commands after the filing) decided by createCaseDecider, projected once by the real Projector (case-queues and reports projections) into SqliteReadStore files; see docs/benchmarks.md',
    },
    results: { latencyMs: results, queryPlans: plans },
    rows,
    targets,
  };
}

async function openScale(cases: number): Promise<ScaleContext> {
  const models = await buildReadModels(cases);
  const queueStore = new SqliteReadStore({ filename: models.files['case-queues'] });
  const reportStore = new SqliteReadStore({ filename: models.files.reports });
  const config = new AppConfig();
  const queueSummary = new GetQueueSummaryHandler(queueStore, NO_WAIT);
  const summary = await queueSummary.execute(new GetQueueSummaryQuery());
  // The busiest backoffice agent: the longest personal queue.
  const [agentId, openCases] = Object.entries(summary.byBackoffice).sort((a, b) => b[1] - a[1])[0];
  const context: ScaleContext = {
    cases,
    models,
    queueStore,
    reportStore,
    listQueue: new ListQueueHandler(queueStore, NO_WAIT),
    queueSummary,
    report: new GetReportHandler(reportStore, NO_WAIT, config),
    now: models.meta.endsAt,
    agent: { id: agentId, openCases },
    unassigned: await deepCursor(queueStore, unassignedWhere(), summary.queues.unassigned),
    agentQueue: await deepCursor(queueStore, agentWhere(agentId), openCases),
  };
  for (const query of QUERIES) query.check(await query.execute(context), context);
  return context;
}

/** The cursor of the page after the middle of the queue (the same where and sort as ListQueueHandler; a cursor does not depend on the limit). */
async function deepCursor(store: SqliteReadStore, where: Filter[], size: number): Promise<{ size: number; deepCursor: string; deepOffset: number }> {
  const offset = Math.max(PAGE_LIMIT, Math.floor(size / 2));
  let cursor: string | undefined;
  for (let skipped = 0; skipped < offset; ) {
    const limit = Math.min(1000, offset - skipped);
    const page = await store.find(QUEUE_ITEMS_COLLECTION, { where, sort: [{ field: 'dueAt', direction: 'asc' }], limit, cursor });
    if (!page.nextCursor) throw new Error(`The queue ended after ${skipped + page.items.length} items, before ${offset}`);
    cursor = page.nextCursor;
    skipped += page.items.length;
  }
  return { size, deepCursor: cursor!, deepOffset: offset };
}

async function explain(context: ScaleContext, where: Filter[], cursor?: string) {
  const query: FindQuery = { where, sort: [{ field: 'dueAt', direction: 'asc' }], limit: PAGE_LIMIT, cursor };
  return (await context.queueStore.explainFind(QUEUE_ITEMS_COLLECTION, query)).map(({ plan }) => plan.join('; '));
}

async function measure(query: QuerySpec, contexts: ScaleContext[]): Promise<{ byScale: Latency[]; cpuLoad: ReturnType<ReturnType<typeof startCpuLoadMeter>> }> {
  for (let i = 0; i < WARMUP_ITERATIONS; i++) for (const context of contexts) await query.execute(context);
  const samples = contexts.map(() => new Float64Array(ITERATIONS));
  const meter = startCpuLoadMeter();
  for (let i = 0; i < ITERATIONS; i++) {
    // One call per scale in turn, the order flipping every time: drift and bursts of other work hit both alike.
    for (let turn = 0; turn < contexts.length; turn++) {
      const index = i % 2 === 0 ? turn : contexts.length - 1 - turn;
      const started = performance.now();
      await query.execute(contexts[index]);
      samples[index][i] = performance.now() - started;
    }
  }
  const cpuLoad = meter();
  const byScale = samples.map((latencies) => {
    latencies.sort();
    const mean = latencies.reduce((sum, value) => sum + value, 0) / latencies.length;
    return {
      iterations: latencies.length,
      p50: round(percentile(latencies, 0.5), 3),
      p95: round(percentile(latencies, 0.95), 3),
      p99: round(percentile(latencies, 0.99), 3),
      max: round(latencies[latencies.length - 1], 3),
      mean: round(mean, 3),
    };
  });
  return { byScale, cpuLoad };
}

/** What `GET /reports/monthly?month=` asks for (ReportsController.monthly). */
function monthPeriod(month: string): { from: string; to: string } {
  const [year, monthNumber] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${lastDay}` };
}

if (require.main === module) {
  run()
    .then((result) => console.log(JSON.stringify(result, null, 2)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
