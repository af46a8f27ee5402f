/**
 * Seeds an event store FILE through the real write path: every command of the simulation is
 * decided by the decider against the case's folded state, and its events are appended with
 * `SqliteEventStore.appendToStream` at the stream's exact expected revision, with the metadata the
 * API writes. Up to `concurrency` streams append at once, so the store's group commit batches them.
 * The file is cached (see cache.ts): later runs reuse it and report the throughput of the run that built it.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { log, round } from '../support';
import { buildCacheEntry, cacheEntryPath, fileMiB, readCacheMeta } from './cache';
import { CaseSimulation, SimulationProfile, SimulationStats, withMetadata } from './case-simulation';

/** One transaction takes at most 1000 appends (SqliteEventStore's default maxAppendsPerTransaction). */
const DEFAULT_CONCURRENCY = 1000;

export interface SeededEventStore {
  file: string;
  /** True when an earlier run built the file. */
  cached: boolean;
  meta: EventStoreSeedMeta;
}

export interface EventStoreSeedMeta {
  profile: SimulationProfile;
  /** "Now" at the end of the simulated period (Bogotá offset). */
  endsAt: string;
  simulation: SimulationStats;
  seeding: {
    concurrency: number;
    seconds: number;
    eventsPerSecond: number;
    appendsPerSecond: number;
    transactions: number;
    appends: number;
    averageAppendsPerTransaction: number;
    eventsPerTransaction: number;
    fileMiB: number;
    builtAt: string;
  };
}

const EVENTS_FILE = 'events.sqlite';

export async function seedEventStore(profile: SimulationProfile, concurrency = DEFAULT_CONCURRENCY): Promise<SeededEventStore> {
  const entry = cacheEntryPath('events', profile.name, { profile, concurrency });
  const file = join(entry, EVENTS_FILE);
  const cached = readCacheMeta<EventStoreSeedMeta>(entry);
  if (cached) {
    log(`seed: reusing ${file} (${cached.simulation.events.toLocaleString('en-US')} events, built ${cached.seeding.builtAt})`);
    return { file, cached: true, meta: cached };
  }
  log(`seed: building ${file}: ${profile.cases.toLocaleString('en-US')} cases through the decider, ${concurrency} streams at a time`);
  const meta = await buildCacheEntry(entry, (directory) => seed(profile, concurrency, join(directory, EVENTS_FILE)));
  return { file, cached: false, meta };
}

async function seed(profile: SimulationProfile, concurrency: number, filename: string): Promise<EventStoreSeedMeta> {
  const simulation = new CaseSimulation(profile);
  const store = new SqliteEventStore({ filename });
  const started = performance.now();
  let nextLog = started + 10_000;
  try {
    for (;;) {
      const decided = simulation.nextRound(concurrency);
      if (decided.length === 0) break;
      const results = await Promise.all(
        decided.map((command) => store.appendToStream(command.streamId, withMetadata(command), { expectedRevision: command.expectedRevision })),
      );
      results.forEach((result, index) => {
        const { expectedRevision, events, streamId } = decided[index];
        const expected = (expectedRevision === 'no_stream' ? -1 : expectedRevision) + events.length;
        if (result.nextExpectedRevision !== expected) throw new Error(`${streamId}: revision ${result.nextExpectedRevision} after the append, expected ${expected}`);
      });
      simulation.commit(decided);
      if (performance.now() > nextLog) {
        nextLog += 10_000;
        const { events, casesFiled } = simulation.stats();
        log(`seed: ${events.toLocaleString('en-US')} events, ${casesFiled.toLocaleString('en-US')}/${profile.cases.toLocaleString('en-US')} cases filed`);
      }
    }
  } finally {
    await store.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const stats = simulation.stats();
  const { transactionsCommitted, appendsCommitted } = store.stats();
  if (appendsCommitted !== stats.commands) throw new Error(`The store committed ${appendsCommitted} appends, the simulation decided ${stats.commands} commands`);
  log(`seed: ${stats.events.toLocaleString('en-US')} events in ${seconds.toFixed(1)} s (${Math.round(stats.events / seconds).toLocaleString('en-US')} events/s)`);
  return {
    profile,
    endsAt: simulation.endIso,
    simulation: stats,
    seeding: {
      concurrency,
      seconds: round(seconds, 1),
      eventsPerSecond: round(stats.events / seconds, 0),
      appendsPerSecond: round(appendsCommitted / seconds, 0),
      transactions: transactionsCommitted,
      appends: appendsCommitted,
      averageAppendsPerTransaction: round(appendsCommitted / transactionsCommitted, 1),
      eventsPerTransaction: round(stats.events / transactionsCommitted, 1),
      fileMiB: fileMiB(filename),
      builtAt: new Date().toISOString(),
    },
  };
}
