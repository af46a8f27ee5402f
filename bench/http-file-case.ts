/**
 * `POST /cases` over HTTP at 64 connections (autocannon) against the real API — `apps/api/src/main.ts`
 * in a child process on a temp DATA_DIR — beside a bare NestJS POST route in another child process.
 * Servers run in child processes so that the load generator does not share their event loop.
 * The agent is a user of the directory, as staff are: every request reads their stream (ADR 41).
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { signToken } from '@app/runtime';
import { validFiling } from '../test/support/valid-filing';
import { startChildServer } from './child-server';
import { Benchmark, BenchReport, log, makeTempDir, removeTempDir, round } from './support';

const CONNECTIONS = 64;
const WARMUP_S = 5;
const MEASURE_S = 10;
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 30;
const JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-0123456789';

export const httpFileCase: Benchmark = {
  name: 'http-file-case',
  description: `POST /cases (new case per request, no Idempotency-Key) at ${CONNECTIONS} connections against the real API, vs a bare NestJS POST route`,
  run,
};

interface Measured {
  result: autocannon.Result;
  /** CPU used while measuring, in % of one core: is the server (or the load generator) saturated? */
  serverCpuPercent: number | null;
  loadGeneratorCpuPercent: number;
  /** 2xx answers over warm-up and measurement: every one of them filed a case on the API. */
  succeeded: number;
}

async function run(): Promise<BenchReport> {
  const dataDir = makeTempDir('pqr-bench-http-');
  try {
    // Both get the same requests: same headers (a valid agent token), the same JSON body but for the
    // petitioner's document and email, fresh in each one (one issue, one case: a petitioner's second
    // open billing claim would be 409 CASE.OPEN_CASE_EXISTS).
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${signToken(JWT_SECRET, AGENT.userId, AGENT.roles)}` };
    const body = () => JSON.stringify(validFiling());

    const bare = await measure('bare NestJS route', 'bench/bare-nest-app.ts', {}, '/bare', headers, body);
    const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, '-r', './bench/exit-on-sigterm.ts'] : [];
    // The embedded store (EVENTSTORE_URL removed); other settings, e.g. PROJECTOR, come from the environment.
    const apiEnv = { DATA_DIR: dataDir, JWT_SECRET, EVENTSTORE_URL: undefined };
    const api = await measure('API POST /cases', 'apps/api/src/main.ts', apiEnv, '/cases', headers, body, profile, createAgent);
    const stored = countStored(join(dataDir, 'events.sqlite'));
    // autocannon stops counting at the deadline: up to one in-flight request per connection and phase is filed unseen.
    if (stored.cases < api.succeeded || stored.cases > api.succeeded + 2 * CONNECTIONS) {
      throw new Error(`The API answered 201 ${api.succeeded} times but ${stored.cases} cases are stored`);
    }

    const ratio = api.result.requests.average / bare.result.requests.average;
    const summary = (measured: Measured) => ({
      requestsPerSecond: round(measured.result.requests.average, 0),
      requests2xx: measured.result['2xx'],
      non2xx: measured.result.non2xx,
      errors: measured.result.errors,
      latencyMs: { average: round(measured.result.latency.average), p50: measured.result.latency.p50, p90: measured.result.latency.p90, p99: measured.result.latency.p99, max: measured.result.latency.max },
      serverCpuPercentOfOneCore: measured.serverCpuPercent,
      loadGeneratorCpuPercentOfOneCore: measured.loadGeneratorCpuPercent,
    });
    return {
      settings: {
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_S,
        measureSeconds: MEASURE_S,
        requestBodyBytes: Buffer.byteLength(body()),
        servers: 'each in its own child process (node -r ts-node/register/transpile-only -r tsconfig-paths/register), one at a time; autocannon in the parent',
        api: 'apps/api/src/main.ts with PORT, DATA_DIR (fresh temp dir, embedded SQLite), JWT_SECRET',
        agent: 'a user of the directory (created through POST /users before the warm-up)',
        projector: process.env.PROJECTOR ?? 'in-process (default)',
        bare: 'bench/bare-nest-app.ts: NestJS + Express, JSON body parser (1mb limit), one POST route returning {id, subject}',
        profiled: Boolean(process.env.BENCH_CPU_PROF),
      },
      results: {
        api: summary(api),
        bare: summary(bare),
        ratio: round(ratio, 3),
        stored: { ...stored, eventsPerCase: round(stored.events / stored.cases) },
      },
      rows: [
        ['API POST /cases', round(api.result.requests.average, 0), 'req/s'],
        ['API POST /cases latency p50', api.result.latency.p50, 'ms'],
        ['API POST /cases latency p99', api.result.latency.p99, 'ms'],
        ['API POST /cases non-2xx', api.result.non2xx, 'responses'],
        ['bare NestJS POST route', round(bare.result.requests.average, 0), 'req/s'],
        ['bare NestJS route latency p50', bare.result.latency.p50, 'ms'],
        ['bare NestJS route latency p99', bare.result.latency.p99, 'ms'],
        ['API / bare', round(ratio * 100, 1), '%'],
        ['API server CPU while measuring', api.serverCpuPercent ?? NaN, '% of one core'],
        ['bare server CPU while measuring', bare.serverCpuPercent ?? NaN, '% of one core'],
      ],
      targets: [
        { name: 'API ≥ 40 % of bare route', met: ratio >= TARGET_RATIO, detail: `${round(ratio * 100, 1)} % (target ≥ ${TARGET_RATIO * 100} %)` },
        { name: 'API p99 ≤ 30 ms', met: api.result.latency.p99 <= TARGET_P99_MS, detail: `${api.result.latency.p99} ms (target ≤ ${TARGET_P99_MS} ms)` },
      ],
    };
  } finally {
    removeTempDir(dataDir);
  }
}

async function measure(
  label: string,
  entry: string,
  env: Record<string, string | undefined>,
  path: string,
  headers: Record<string, string>,
  body: () => string,
  nodeArgs: string[] = [],
  prepare: (url: string) => Promise<void> = async () => undefined,
): Promise<Measured> {
  log(`http-file-case: starting ${label} (${entry})`);
  const server = await startChildServer(entry, env, nodeArgs);
  try {
    await prepare(server.url);
    const load = async (phase: string, duration: number) => {
      log(`http-file-case: ${label}, ${phase} ${duration} s at ${CONNECTIONS} connections`);
      const requests = [{ method: 'POST', setupRequest: (request: { body?: string }) => ({ ...request, body: body() }) }];
      const result = await autocannon({ url: `${server.url}${path}`, method: 'POST', connections: CONNECTIONS, duration, headers, requests });
      assertAllSucceeded(`${label} (${phase})`, result, server.output());
      return result;
    };
    const warmup = await load('warm-up', WARMUP_S);
    const serverCpuBefore = server.cpuSeconds();
    const ownCpuBefore = process.cpuUsage();
    const result = await load('measuring', MEASURE_S);
    const serverCpuAfter = server.cpuSeconds();
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const percentOfOneCore = (seconds: number) => round((100 * seconds) / result.duration, 0);
    return {
      result,
      succeeded: warmup['2xx'] + result['2xx'],
      serverCpuPercent: serverCpuBefore === undefined || serverCpuAfter === undefined ? null : percentOfOneCore(serverCpuAfter - serverCpuBefore),
      loadGeneratorCpuPercent: percentOfOneCore((ownCpu.user + ownCpu.system) / 1e6),
    };
  } finally {
    await server.stop();
  }
}

const AGENT = { userId: 'bench-agent', roles: ['agent'] };

/** The agent the load acts as, created in the API's user directory by an admin. */
async function createAgent(url: string): Promise<void> {
  const response = await fetch(`${url}/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signToken(JWT_SECRET, 'bench-admin', ['admin'])}` },
    body: JSON.stringify({ ...AGENT, displayName: 'Agente de carga', email: 'bench-agent@empresa.co', teamIds: [] }),
  });
  if (response.status !== 201) throw new Error(`POST /users answered ${response.status}: ${await response.text()}`);
}

/** Fails the benchmark loudly: a fast error page is not a throughput figure. */
function assertAllSucceeded(label: string, result: autocannon.Result, serverOutput: string): void {
  if (result.non2xx === 0 && result.errors === 0 && result.timeouts === 0 && result['2xx'] > 0) return;
  throw new Error(
    `${label}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts ` +
      `(status codes: ${JSON.stringify(result.statusCodeStats)})\n--- server output ---\n${serverOutput}`,
  );
}

/** After the API stopped: how many case streams and events it really stored. */
function countStored(filename: string): { cases: number; events: number } {
  const db = new Database(filename, { readonly: true });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return { cases: count("SELECT COUNT(*) FROM streams WHERE stream_id LIKE 'case-%'"), events: count('SELECT COUNT(*) FROM events') };
  } finally {
    db.close();
  }
}
