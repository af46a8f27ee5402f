/**
 * The per-request directory check (ADR 41) in process: ActorOfIdentity over a SqliteEventStore file
 * holding a directory of 500 users among 50,000 case events, called as the guard calls it, for a
 * directory user (HS256), a linked OIDC user with unchanged roles, and a subject not in the
 * directory; beside the check without the directory (the claims alone, what the guard did before).
 * Sequential calls give the latency each request pays; 64 concurrent callers, the throughput.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Role, UserState } from '@app/domain';
import { NewEvent } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { DirectoryCommandService, DirectoryUsers, ManualClock } from '@app/runtime';
import { ActorOfIdentity } from '@app/api';
import { Benchmark, BenchReport, log, makeTempDir, percentile, removeTempDir, round } from './support';

const USERS = 500;
const CASE_EVENTS = 50_000;
const WARMUP_CALLS = 2_000;
const CALLS = 20_000;
const CONCURRENCY = 64;
const ISSUER = 'https://sso.example.co/realms/pqr';
const TARGET_P99_US = 1000;

export const directoryCheck: Benchmark = {
  name: 'directory-check',
  description: `The per-request user-directory check (ActorOfIdentity over SqliteEventStore, ${USERS} users among ${CASE_EVENTS.toLocaleString('en-US')} case events): latency per call and throughput at ${CONCURRENCY} concurrent callers`,
  run,
};

interface Case {
  name: string;
  identity: { issuer: string; subject: string; roles: Role[]; profile?: { displayName: string; email: string } };
  check: ActorOfIdentity;
}

async function run(): Promise<BenchReport> {
  const directory = makeTempDir('pqr-bench-directory-');
  const store = new SqliteEventStore({ filename: join(directory, 'events.sqlite') });
  try {
    log(`directory-check: seeding ${USERS} users and ${CASE_EVENTS} case events`);
    const commands = new DirectoryCommandService(store, new ManualClock(new Date('2026-03-10T15:00:00Z')));
    const check = new ActorOfIdentity(new DirectoryUsers(store), commands);
    await seed(store, commands, check);
    /** The guard before ADR 41: the claims only, no store read (a directory that knows nobody, answered at once). */
    const claimsOnly = new ActorOfIdentity({ current: async (): Promise<UserState> => ({ exists: false }) } as unknown as DirectoryUsers, commands);
    const cases: Case[] = [
      { name: 'claims only (no directory read)', identity: { issuer: 'pqr', subject: 'bo-250', roles: ['backoffice'] }, check: claimsOnly },
      { name: 'directory user (HS256)', identity: { issuer: 'pqr', subject: 'bo-250', roles: ['backoffice'] }, check },
      { name: 'OIDC user, roles unchanged', identity: { issuer: ISSUER, subject: 'oidc-250', roles: ['backoffice'], profile: { displayName: 'Persona 250', email: 'p250@empresa.co' } }, check },
      { name: 'subject not in the directory', identity: { issuer: 'pqr', subject: 'script-nightly', roles: ['supervisor'] }, check },
    ];
    const measured = [];
    for (const item of cases) {
      log(`directory-check: ${item.name}`);
      measured.push({ name: item.name, ...(await measure(item)) });
    }
    const [baseline, user] = measured;
    return {
      settings: { users: USERS, caseEvents: CASE_EVENTS, warmupCalls: WARMUP_CALLS, calls: CALLS, concurrency: CONCURRENCY, store: 'SqliteEventStore on a temp file (WAL), as the embedded API uses it' },
      results: Object.fromEntries(measured.map(({ name, ...figures }) => [name, figures])),
      rows: measured.flatMap(({ name, latencyUs, callsPerSecond }): [string, number, string][] => [
        [`${name}: p50`, latencyUs.p50, 'µs'],
        [`${name}: p99`, latencyUs.p99, 'µs'],
        [`${name}: ${CONCURRENCY} callers`, callsPerSecond, 'calls/s'],
      ]),
      targets: [
        { name: `directory user p99 ≤ ${TARGET_P99_US} µs`, met: user.latencyUs.p99 <= TARGET_P99_US, detail: `${user.latencyUs.p99} µs (claims only: ${baseline.latencyUs.p99} µs)` },
      ],
    };
  } finally {
    await store.close();
    removeTempDir(directory);
  }
}

async function seed(store: SqliteEventStore, commands: DirectoryCommandService, check: ActorOfIdentity): Promise<void> {
  const admin = { actor: { id: 'admin-ada', roles: ['admin' as Role] }, requestHash: '', correlationId: 'seed' };
  for (let n = 0; n < USERS / 2; n++) {
    await commands.user({ type: 'CreateUser', data: { userId: `bo-${n + 1}`, displayName: `Persona ${n + 1}`, email: `p${n + 1}@empresa.co`, roles: ['backoffice'], teamIds: [] } }, admin);
    await check.actorOf({ issuer: ISSUER, subject: `oidc-${n + 1}`, roles: ['backoffice'], profile: { displayName: `Persona ${n + 1}`, email: `o${n + 1}@empresa.co` } });
  }
  const BATCH = 1_000;
  for (let appended = 0; appended < CASE_EVENTS; appended += BATCH) {
    const events: NewEvent[] = Array.from({ length: BATCH }, () => ({
      type: 'CaseNoted',
      data: { text: 'x'.repeat(200) },
      metadata: { eventId: randomUUID(), schemaVersion: 1, correlationId: 'seed', causationId: 'seed', actorId: 'bo-1', occurredAt: '2026-03-10T10:00:00-05:00' },
    }));
    await store.appendToStream(`case-${randomUUID()}`, events, { expectedRevision: 'no_stream' });
  }
}

async function measure({ identity, check }: Case): Promise<{ latencyUs: { p50: number; p95: number; p99: number; max: number }; callsPerSecond: number }> {
  for (let n = 0; n < WARMUP_CALLS; n++) await check.actorOf(identity);
  const latencies = new Float64Array(CALLS);
  for (let n = 0; n < CALLS; n++) {
    const started = performance.now();
    await check.actorOf(identity);
    latencies[n] = (performance.now() - started) * 1000;
  }
  latencies.sort();
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < CALLS) await check.actorOf(identity);
  }));
  const seconds = (performance.now() - started) / 1000;
  const at = (fraction: number) => round(percentile(latencies, fraction), 1);
  return { latencyUs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(latencies[CALLS - 1], 1) }, callsPerSecond: round(CALLS / seconds, 0) };
}
