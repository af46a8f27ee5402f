import { once } from 'node:events';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { READ_MODEL_PROJECTIONS } from '@app/runtime';
import { CASES_COLLECTION } from '@app/projections';
import { Projector } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { bearer } from './support/actors';
import { KeepAliveClient, keepAliveClient } from './support/keep-alive-client';
import { expectedQueueSummary, runLifecycleWorkload, WorkloadResult } from './support/lifecycle-workload';
import { checkpointsOf, collectionsOf, countsOf, diffSnapshots, ReadModelSnapshot, snapshotReadModels } from './support/read-model-snapshot';
import { seedFromEnv } from './support/seeded-random';
import { startTsProcess, stopAllTsProcesses } from './support/ts-process';
import { ManualClock, startTestApp, TestApp } from './support/test-app';

/** Override with REBUILD_SEED=<n> to replay another workload; the seed is printed either way. */
const SEED = seedFromEnv('REBUILD_SEED', 20260302);
const CASES = 1000;
const CONCURRENCY = 16;
/** Filings over 100 days from Monday 5 January 2026: the walks run on into May. */
const FIRST_DAY = '2026-01-05';
const FILING_DAYS = 100;

/**
 * The live projector, fed event by event while commands arrive, must leave exactly the read models
 * a full replay of the event store builds: same documents, same data, same positions, collection
 * by collection. Two rebuilds are compared with the live result: into a fresh read-store file with
 * small batches, and in place (Projector.rebuild + catchUp on the app's own stores).
 */
describe('Read models: a full rebuild equals what the live projector built', () => {
  const clock = new ManualClock(new Date(`${FIRST_DAY}T13:00:00Z`));
  let t: TestApp;
  let client: KeepAliveClient;
  let workload: WorkloadResult;
  let head: number;
  let live: ReadModelSnapshot;
  let liveCheckpoints: Awaited<ReturnType<typeof checkpointsOf>>;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    client = keepAliveClient(t.url);
  });
  afterAll(async () => {
    await stopAllTsProcesses();
    client?.close();
    await t?.close();
  });

  const readStore = () => t.app.get<ReadStore>(READ_STORE);
  const eventStore = () => t.app.get<EventStore>(EVENT_STORE);
  const projector = () => t.app.get(Projector);

  it(`drives ${CASES} seeded random case lifecycles through the command API with the projector running live`, async () => {
    const started = Date.now();
    workload = await runLifecycleWorkload({ seed: SEED, cases: CASES, concurrency: CONCURRENCY, firstDay: FIRST_DAY, filingDays: FILING_DAYS, client, clock });
    head = await t.headPosition();
    const statuses = workload.cases.reduce<Record<string, number>>((counts, walk) => ({ ...counts, [walk.status]: (counts[walk.status] ?? 0) + 1 }), {});
    process.stdout.write(
      `rebuild-equals-live: seed ${SEED}: ${CASES} cases, ${workload.sent} commands, ${head} events, ` +
        `${workload.firstInstant} .. ${workload.lastInstant} (${workload.slots} clock slots), ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        `  accepted ${JSON.stringify(workload.accepted)}\n  tolerated refusals ${JSON.stringify(workload.refused)}\n  final statuses ${JSON.stringify(statuses)}\n`,
    );

    expect({ seed: SEED, unexpected: workload.unexpected.slice(0, 10) }).toEqual({ seed: SEED, unexpected: [] });
    expect(workload.cases.every((walk) => walk.caseId !== '')).toBe(true);
    expect(head).toBe(workload.lastPosition);
    // The walk really covered the lifecycle, over several months.
    for (const action of ['file', 'fileResolvedAtFirstLine', 'fileOnTheWeb', 'typify', 'assign', 'reassign', 'confirm', 'return', 'retypify', 'requestInfo', 'receiveInfo',
      'respondResolved', 'respondPending', 'counterReply', 'extend', 'transfer', 'survey', 'quality', 'close']) {
      expect({ action, accepted: (workload.accepted[action] ?? 0) > 0 }).toEqual({ action, accepted: true });
    }
    expect(workload.refused['CASE.COUNTER_REPLY_WINDOW_CLOSED'] ?? 0).toBeGreaterThan(0);
    expect(workload.lastInstant.slice(0, 7) > workload.firstInstant.slice(0, 7)).toBe(true);
    expect(head).toBeGreaterThan(CASES * 4);
  }, 120_000);

  it('the live projector reaches the head, and its read models agree with what the commands did', async () => {
    // Read-your-writes: the queue summary waits for the head position.
    const summary = await client.get('/queues/summary').query({ minPosition: head }).set('Authorization', bearer('supervisor'));
    await waitForProjector(projector(), head);
    expect({ status: summary.status, body: summary.body }).toEqual({ status: 200, body: expectedQueueSummary(workload.cases) });

    await projector().stop();
    live = await snapshotReadModels(readStore());
    liveCheckpoints = await checkpointsOf(readStore());
    process.stdout.write(`rebuild-equals-live: live read models ${JSON.stringify(countsOf(live))}\n`);

    expect(liveCheckpoints).toEqual(
      READ_MODEL_PROJECTIONS.map(({ name, version }) => ({ projection: name, version, position: head })).sort((a, b) => a.projection.localeCompare(b.projection)),
    );
    for (const collection of collectionsOf()) expect({ collection, empty: live[collection].length === 0 }).toEqual({ collection, empty: false });

    // Every case view holds the status, assignee and revision the commands left.
    const views = new Map(live[CASES_COLLECTION].map((document) => [document.id, document.data]));
    const mismatches = workload.cases
      .map((walk) => {
        const view = views.get(walk.caseId) as { status: string; assigneeId: string | null; revision: number } | undefined;
        const expected = { status: walk.status, assigneeId: walk.assigneeId, revision: walk.revision };
        const found = view && { status: view.status, assigneeId: view.assigneeId, revision: view.revision };
        return JSON.stringify(found) === JSON.stringify(expected) ? null : { caseIndex: walk.index, caseId: walk.caseId, expected, found };
      })
      .filter(Boolean);
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(views.size).toBe(CASES);

    // The report documents add up to every filing of the workload.
    const filed = live.report_days.reduce((total, day) => total + Number(day.data.filed), 0);
    expect(filed).toBe(CASES);
  }, 60_000);

  it('a rebuild from position 0 into a fresh read-store file, in small batches, gives the same documents and positions', async () => {
    const fresh = new SqliteReadStore({ filename: join(t.dataDir, 'rebuilt-fresh.sqlite') });
    try {
      const rebuilder = new Projector(eventStore(), fresh, READ_MODEL_PROJECTIONS, { batchSize: 97, log: (line) => process.stderr.write(`${line}\n`) });
      await rebuilder.catchUp();
      expect(rebuilder.status().filter((status) => status.state === 'failed')).toEqual([]);
      expect(await checkpointsOf(fresh)).toEqual(liveCheckpoints);
      const rebuilt = await snapshotReadModels(fresh);
      expect(countsOf(rebuilt)).toEqual(countsOf(live));
      expect(diffSnapshots(live, rebuilt)).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('a rebuild in place (Projector.rebuild + catchUp on the same stores, live projector stopped) gives the same documents and positions', async () => {
    await projector().rebuild();
    expect(countsOf(await snapshotReadModels(readStore()))).toEqual(Object.fromEntries(collectionsOf().map((collection) => [collection, 0])));
    await projector().catchUp();
    expect(projector().status().map(({ name, position, state }) => ({ name, position, state }))).toEqual(
      READ_MODEL_PROJECTIONS.map(({ name }) => ({ name, position: head, state: 'running' })),
    );
    expect(await checkpointsOf(readStore())).toEqual(liveCheckpoints);
    const rebuilt = await snapshotReadModels(readStore());
    expect(countsOf(rebuilt)).toEqual(countsOf(live));
    expect(diffSnapshots(live, rebuilt)).toEqual([]);
  }, 60_000);

  it('npm run projections:rebuild with two worker threads, on the same DATA_DIR, gives the same documents and positions', async () => {
    // Emptied first, so that only the script can bring the documents back.
    await projector().rebuild();
    expect(await checkpointsOf(readStore())).toEqual([]);
    const names = READ_MODEL_PROJECTIONS.map(({ name }) => name);
    const script = startTsProcess('scripts/rebuild-projections.ts', { dataDir: t.dataDir, args: ['--workers', '2', ...names.flatMap((name) => ['--projection', name])] });
    const [code] = (await once(script.child, 'exit')) as [number | null];
    const output = script.output();
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('with 2 workers') });
    for (const name of names) expect(output).toContain(`${name} v${READ_MODEL_PROJECTIONS.find((projection) => projection.name === name)!.version}: position ${head}`);
    expect(await checkpointsOf(readStore())).toEqual(liveCheckpoints);
    const rebuilt = await snapshotReadModels(readStore());
    expect(countsOf(rebuilt)).toEqual(countsOf(live));
    expect(diffSnapshots(live, rebuilt)).toEqual([]);
  }, 120_000);
});

/** Waits (bounded) until every projection of the in-process projector has applied `head`; fails with its status otherwise. */
async function waitForProjector(projector: Projector, head: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const statuses = projector.status();
    expect(statuses.filter((status) => status.state === 'failed')).toEqual([]);
    if (statuses.length === READ_MODEL_PROJECTIONS.length && statuses.every((status) => status.position >= head)) return;
    if (Date.now() > deadline) throw new Error(`The projector did not reach position ${head}: ${JSON.stringify(statuses)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
