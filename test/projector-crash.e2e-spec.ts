import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASE_PERSONAL_DATA_POLICY } from '@app/domain';
import { PersonalDataProtectingEventStore } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { SqliteKeyStore } from '@app/key-store/sqlite';
import { READ_MODEL_PROJECTIONS } from '@app/runtime';
import { Projector } from '@app/projector';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { bearer } from './support/actors';
import { startTestApp } from './support/test-app';
import { KeepAliveClient, keepAliveClient } from './support/keep-alive-client';
import { expectedQueueSummary, runLifecycleWorkload, WorkloadResult } from './support/lifecycle-workload';
import { ProjectorProcess, startProjectorProcess, stopAllProjectorProcesses } from './support/projector-process';
import { checkpointsOf, collectionsOf, countsOf, diffSnapshots, snapshotReadModels } from './support/read-model-snapshot';
import { seedFromEnv } from './support/seeded-random';
import { ManualClock, TestApp } from './support/test-app';

const SEED = seedFromEnv('CRASH_SEED', 1755);
/** About 5 000 events: the projector reads 1 000 per batch and commits every 2 000 (PROJECTOR_ENV), so catch-up takes several commits. */
const CASES = 800;
const FIRST_DAY = '2026-02-02';
const READ_MODELS_FILE = 'read-models.sqlite';
/**
 * The workload's deadlines are long past on the projector's system clock: its SLA process manager
 * must not act here. The projector commits every 2 000 events while catching up (two batches, so
 * documents live in its write-back cache across batches), so the ~5 000 events take several commits.
 */
const PROJECTOR_ENV = { SLA_PROCESS_MANAGER: 'off', PROJECTOR_COMMIT_EVERY_EVENTS: '2000' };

type Checkpoints = Awaited<ReturnType<typeof checkpointsOf>>;

const positionOf = (checkpoints: Checkpoints, projection: string) => checkpoints.find((checkpoint) => checkpoint.projection === projection)?.position ?? 0;

/**
 * The standalone projector process is SIGKILLed in the middle of its catch-up (some projection past
 * position 0, not all at the head), restarted on the same files, and must then end with exactly the
 * read models a clean rebuild from the same event store gives: no event lost, none applied twice.
 */
describe('Projector process: killed mid catch-up, restarted, it ends where a clean rebuild ends', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-projector-crash-'));
  const referenceDir = mkdtempSync(join(tmpdir(), 'pqr-projector-reference-'));
  const clock = new ManualClock(new Date(`${FIRST_DAY}T13:00:00Z`));
  let api: TestApp | undefined;
  let client: KeepAliveClient | undefined;
  let observer: SqliteReadStore | undefined;
  let workload: WorkloadResult;
  let head: number;
  let atCrash: Checkpoints;

  beforeAll(async () => {
    api = await startTestApp({ clock, dataDir, config: { PROJECTOR: 'external' } });
    client = keepAliveClient(api.url);
  });

  afterAll(async () => {
    await stopAllProjectorProcesses();
    await observer?.close();
    client?.close();
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(referenceDir, { recursive: true, force: true });
  }, 30_000);

  it('with PROJECTOR=external, the API appends through the command API and projects nothing itself', async () => {
    const started = Date.now();
    // No projector runs yet: a citation of an earlier case could not be checked (the case view stays empty),
    // and a web filing would wait for read models nobody builds.
    workload = await runLifecycleWorkload({ seed: SEED, cases: CASES, concurrency: 16, firstDay: FIRST_DAY, filingDays: 60, client: client!, clock, citeEarlierCases: false, fileOnTheWeb: false });
    head = await api!.headPosition();
    process.stdout.write(
      `projector-crash: seed ${SEED}: ${CASES} cases, ${workload.sent} commands, ${head} events in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    expect({ seed: SEED, unexpected: workload.unexpected.slice(0, 10) }).toEqual({ seed: SEED, unexpected: [] });
    expect(head).toBe(workload.lastPosition);
    expect(head).toBeGreaterThan(3000);

    observer = new SqliteReadStore({ filename: join(dataDir, READ_MODELS_FILE) });
    expect(await observer.listCheckpoints()).toEqual([]);
    const health = await client!.get('/health');
    expect({ status: health.status, projector: health.body.projector, projections: health.body.projections }).toEqual({
      status: 200,
      projector: 'external',
      projections: [],
    });
  }, 120_000);

  /** Two crashes: right after the first commit, and later, once some projection is past position 3 000. */
  const CRASH_POINTS = [
    { name: 'after the first commit', reached: (checkpoints: Checkpoints) => checkpoints.some((checkpoint) => checkpoint.position > 0) },
    { name: 'past position 3 000', reached: (checkpoints: Checkpoints) => checkpoints.some((checkpoint) => checkpoint.position >= 3000) },
  ];

  it.each(CRASH_POINTS)('is SIGKILLed mid catch-up ($name): some projection moved on, not all reached the head', async ({ reached }) => {
    const before = await checkpointsOf(observer!);
    const projector = startProjectorProcess({ dataDir, env: PROJECTOR_ENV });
    const seen = await pollCheckpoints(projector, (checkpoints) => reached(checkpoints) && checkpoints.some((checkpoint) => checkpoint.position > positionOf(before, checkpoint.projection)), 90_000);
    await projector.stop('SIGKILL');
    atCrash = await checkpointsOf(observer!);
    process.stdout.write(`projector-crash: checkpoints before ${JSON.stringify(before)}; seen ${JSON.stringify(seen)}; at the kill ${JSON.stringify(atCrash)} (head ${head})\n`);

    expect(projector.child.signalCode).toBe('SIGKILL');
    expect(reached(atCrash)).toBe(true);
    // Killed mid catch-up: some projection had not reached the head yet. (If this fails, the projector
    // finished before the kill: the workload is too small for its 1 000-event batches.)
    const unfinished = READ_MODEL_PROJECTIONS.filter(({ name }) => positionOf(atCrash, name) < head);
    expect(unfinished.length).toBeGreaterThan(0);
    for (const checkpoint of atCrash) {
      // Checkpoints never go back and never pass the head.
      expect(checkpoint.position).toBeGreaterThanOrEqual(positionOf(before, checkpoint.projection));
      expect(checkpoint.position).toBeLessThanOrEqual(head);
    }
  }, 120_000);

  it('restarted on the same files, it resumes from its checkpoints and reaches the head', async () => {
    const projector = startProjectorProcess({ dataDir, env: PROJECTOR_ENV });
    try {
      const reached = await pollCheckpoints(
        projector,
        (checkpoints) => checkpoints.length === READ_MODEL_PROJECTIONS.length && checkpoints.every((checkpoint) => checkpoint.position === head),
        90_000,
      );
      expect(reached.map(({ projection, version }) => ({ projection, version }))).toEqual(
        READ_MODEL_PROJECTIONS.map(({ name, version }) => ({ projection: name, version })).sort((a, b) => a.projection.localeCompare(b.projection)),
      );
      // The API reads what the other process projected (read-your-writes across processes).
      const summary = await client!.get('/queues/summary').query({ minPosition: head }).set('Authorization', bearer('supervisor'));
      expect({ status: summary.status, body: summary.body }).toEqual({ status: 200, body: expectedQueueSummary(workload.cases) });
      const health = await client!.get('/health');
      expect(health.body.projections.map((status: { position: number }) => status.position)).toEqual(READ_MODEL_PROJECTIONS.map(() => head));
    } finally {
      await projector.stop('SIGTERM');
    }
    // It resumed: no version change, so nothing was rebuilt from position 0.
    expect(projector.output()).not.toMatch(/rebuilding from position 0/);
  }, 120_000);

  it('its read models are deep-equal, collection by collection and position by position, to a clean rebuild into a fresh file', async () => {
    // Read as the API and the projector do: through the decorator that decrypts the petitioners' data with their keys.
    const keys = new SqliteKeyStore({ filename: join(dataDir, 'keys.sqlite') });
    const events = new PersonalDataProtectingEventStore(new SqliteEventStore({ filename: join(dataDir, 'events.sqlite') }), keys, CASE_PERSONAL_DATA_POLICY);
    const reference = new SqliteReadStore({ filename: join(referenceDir, READ_MODELS_FILE) });
    try {
      const rebuilder = new Projector(events, reference, READ_MODEL_PROJECTIONS, { log: (line) => process.stderr.write(`${line}\n`) });
      await rebuilder.catchUp();
      expect(rebuilder.status().filter((status) => status.state === 'failed')).toEqual([]);
      const expected = await snapshotReadModels(reference);
      const resumed = await snapshotReadModels(observer!);
      process.stdout.write(`projector-crash: read models ${JSON.stringify(countsOf(resumed))}\n`);
      for (const collection of collectionsOf()) expect({ collection, empty: expected[collection].length === 0 }).toEqual({ collection, empty: false });
      expect(await checkpointsOf(observer!)).toEqual(await checkpointsOf(reference));
      expect(countsOf(resumed)).toEqual(countsOf(expected));
      expect(diffSnapshots(expected, resumed)).toEqual([]);
    } finally {
      await reference.close();
      await events.close();
      await keys.close();
    }
  }, 60_000);

  /** Polls the checkpoints the projector process commits (through the observer's own connection) until `done` holds. */
  async function pollCheckpoints(projector: ProjectorProcess, done: (checkpoints: Checkpoints) => boolean, timeoutMs: number): Promise<Checkpoints> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const checkpoints = await checkpointsOf(observer!);
      if (done(checkpoints)) return checkpoints;
      if (projector.exited()) throw new Error(`The projector process exited (${projector.child.exitCode ?? projector.child.signalCode}):\n${projector.output()}`);
      if (Date.now() > deadline) throw new Error(`The projector did not get there within ${timeoutMs} ms: ${JSON.stringify(checkpoints)}\n${projector.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
});
