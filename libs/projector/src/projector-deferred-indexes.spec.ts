import type { CaseEvent } from '@app/domain';
import { HISTORIES } from '@app/domain/testing/case-histories';
import { SqliteEventStore } from '@app/event-store/sqlite';
import { CASES_COLLECTION, caseViewProjection, Projection } from '@app/projections';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { Projector } from './projector';
import { appendCase, filingNumberOf } from './testing/append-case';

const CASE_IDS = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
const LAST_POSITION = 9;


/** One document per case with the same `team`, under a unique index on it: the second case breaks it. */
const SAME_TEAM = 'same-team';
const sameTeamProjection: Projection<{ member: { team: string } }> = {
  name: 'same-team',
  version: 1,
  collections: [{ name: SAME_TEAM, indexes: [{ fields: ['team'], unique: true }] }],
  handles: ['CaseFiled'],
  keysOf: (event) => ({ member: { collection: SAME_TEAM, id: event.streamId } }),
  evolve: () => ({ member: { team: 'A' } }),
};

describe('Projector: a load from position 0 goes without secondary indexes', () => {
  let events: SqliteEventStore;
  let readStore: SqliteReadStore;
  const caseView = caseViewProjection;
  const quiet = { log: () => {} };

  beforeEach(async () => {
    events = new SqliteEventStore({ filename: ':memory:' });
    readStore = new SqliteReadStore({ filename: ':memory:' });
    await appendCase(events, CASE_IDS[0], HISTORIES.assigned);
    await appendCase(events, CASE_IDS[1], HISTORIES.assigned);
    await appendCase(events, CASE_IDS[2], HISTORIES.assigned);
  });
  afterEach(async () => {
    await readStore.close();
    await events.close();
  });

  const byFilingNumber = (caseId: string) => ({ where: [{ field: 'filingNumber', op: 'eq' as const, value: filingNumberOf(caseId) }], limit: 1 });
  /** Whether SQLite answers the lookup by filing number from its index (rather than a scan). */
  const seeksIndex = async () =>
    (await readStore.explainFind(CASES_COLLECTION, byFilingNumber(CASE_IDS[0]))).every(({ plan }) => plan.some((step) => step.startsWith('SEARCH') && step.includes('filingNumber')));
  /** Records, at every commit, whether the lookup would seek the index. */
  const recordIndexAtCommits = () => {
    const seen: boolean[] = [];
    const commit = readStore.commit.bind(readStore);
    jest.spyOn(readStore, 'commit').mockImplementation(async (...args) => {
      seen.push(await seeksIndex());
      return commit(...args);
    });
    return seen;
  };
  const caseIdsFound = async () => Promise.all(CASE_IDS.map(async (caseId) => (await readStore.find<{ caseId: string }>(CASES_COLLECTION, byFilingNumber(caseId))).items.map(({ data }) => data.caseId)));

  it('given an empty read store, when caught up, then every commit went without the indexes and they are there at the end', async () => {
    const seen = recordIndexAtCommits();
    await new Projector(events, readStore, [caseView], { batchSize: 2, commitEveryEvents: 2, ...quiet }).catchUp();
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every((used) => !used)).toBe(true);
    expect(await seeksIndex()).toBe(true);
    expect(await caseIdsFound()).toEqual(CASE_IDS.map((caseId) => [caseId]));
  });

  it('given a rebuild asked for, then the indexes go with the documents and come back when the rebuild reaches the head', async () => {
    const projector = new Projector(events, readStore, [caseView], quiet);
    await projector.catchUp();
    await projector.rebuild();
    expect(await seeksIndex()).toBe(false);
    await projector.catchUp();
    expect(await seeksIndex()).toBe(true);
    expect(await caseIdsFound()).toEqual(CASE_IDS.map((caseId) => [caseId]));
  });

  it('given the projector running in the background, then it builds the indexes once it reaches the head', async () => {
    const projector = new Projector(events, readStore, [caseView], { idleMs: 5, batchSize: 4, ...quiet });
    await projector.start();
    for (let attempt = 0; attempt < 400 && !(projector.status()[0].position === LAST_POSITION && (await seeksIndex())); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await projector.stop();
    expect(projector.status()[0]).toMatchObject({ state: 'running', position: LAST_POSITION });
    expect(await seeksIndex()).toBe(true);
  });

  it('given a load stopped after a commit (a crash), when the projector starts again, then it goes on with the indexes in place', async () => {
    await readStore.ensureCollections(caseView.collections);
    await readStore.deferIndexes([CASES_COLLECTION]);
    await readStore.commit(caseView.name, [], { version: caseView.version, position: 4 });
    const seen = recordIndexAtCommits();
    await new Projector(events, readStore, [caseView], { batchSize: 2, commitEveryEvents: 2, ...quiet }).catchUp();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((used) => used)).toBe(true);
  });

  it('given documents that break a unique index while it was left out, then the projection stops with the index error instead of going on', async () => {
    const projector = new Projector(events, readStore, [sameTeamProjection, caseView], quiet);
    await projector.catchUp();
    const [sameTeam, view] = projector.status();
    expect(sameTeam).toMatchObject({ state: 'failed', position: LAST_POSITION, failure: { error: expect.stringMatching(/UNIQUE/) } });
    expect(view).toMatchObject({ state: 'running', position: LAST_POSITION });
    expect(await seeksIndex()).toBe(true);
  });

  it('given documents that broke a unique index, when the projector starts again, then that projection stays failed, the others run, and a new version rebuilds it', async () => {
    await new Projector(events, readStore, [sameTeamProjection, caseView], quiet).catchUp();
    await appendCase(events, '00000000-0000-4000-8000-000000000004', HISTORIES.filed);
    const head = await events.headPosition();

    const restarted = new Projector(events, readStore, [sameTeamProjection, caseView], quiet);
    await restarted.catchUp();
    expect(restarted.status()).toEqual([
      expect.objectContaining({ name: 'same-team', state: 'failed', position: LAST_POSITION, failure: expect.objectContaining({ error: expect.stringMatching(/UNIQUE/) }) }),
      expect.objectContaining({ name: caseView.name, state: 'running', position: head }),
    ]);

    // A process that only reads (the API with PROJECTOR=external) still starts, and logs why reads scan.
    const logged: string[] = [];
    await new Projector(events, readStore, [sameTeamProjection, caseView], { log: (line) => logged.push(line) }).ensureCollections();
    expect(logged).toEqual([expect.stringMatching(/^projection same-team: its indexes cannot be built.*UNIQUE/)]);

    const fixed: Projection<{ member: { team: string } }> = { ...sameTeamProjection, version: 2, evolve: (_, event) => ({ member: { team: event.streamId } }) };
    const upgraded = new Projector(events, readStore, [fixed, caseView], quiet);
    await upgraded.catchUp();
    expect(upgraded.status()[0]).toMatchObject({ state: 'running', position: head });
    expect(await readStore.count(SAME_TEAM)).toBe(4);
  });
});
