import type Database from 'better-sqlite3';
import { EVENT_STORE } from '@app/event-store';
import { KEY_STORE } from '@app/key-store';
import { READ_STORE } from '@app/read-store';
import { startTestApp, TestApp, validFiling } from './support/test-app';

/** The key store's own SQLite connection: `max_page_count` caps its file, as a full disk would (SQLITE_FULL). */
function keyStoreDatabase(t: TestApp): Database.Database {
  return (t.app.get(KEY_STORE) as unknown as { db: Database.Database }).db;
}

/** The event store's SQLite connection, under its decorators (metrics, personal data): each keeps the store it wraps as `inner`. */
function eventStoreDatabase(t: TestApp): Database.Database {
  let store = t.app.get(EVENT_STORE) as unknown as { inner?: unknown; db?: Database.Database };
  while (!store.db && store.inner) store = store.inner as typeof store;
  return store.db!;
}

describe('a full disk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ log: { level: 'silent' } });
  });
  afterAll(() => t.close());

  /** Some filings were refused with 503 STORE.UNAVAILABLE and Retry-After, and only the accepted ones appended (two events each). */
  async function expectSomeRefusedAsUnavailable(responses: Array<{ status: number; body: unknown; headers: Record<string, string> }>, before: number): Promise<void> {
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, code: 'STORE.UNAVAILABLE' });
      expect(response.headers['retry-after']).toBe('5');
    }
    expect(await t.headPosition()).toBe(before + 2 * (responses.length - refused.length));
  }

  it('given the key store cannot grow, when a new petitioner files, then 503 STORE.UNAVAILABLE with Retry-After, and nothing is appended', async () => {
    const agent = t.token('agent-ana', 'agent');
    const keys = keyStoreDatabase(t);
    const pages = keys.pragma('page_count', { simple: true }) as number;
    keys.pragma(`max_page_count = ${pages}`);
    // One more key would need more pages than the file may have: SQLite answers SQLITE_FULL.
    const filings = Array.from({ length: 50 }, (_, index) => ({
      ...validFiling(),
      petitioner: { ...validFiling().petitioner, documentNumber: String(9000000000 + index) },
    }));
    const before = await t.headPosition();
    const responses = [];
    for (const filing of filings) responses.push(await t.http().post('/cases').set('Authorization', agent).send(filing));
    await expectSomeRefusedAsUnavailable(responses, before);

    keys.pragma('max_page_count = 1073741823');
    const again = await t.http().post('/cases').set('Authorization', agent).send(filings[filings.length - 1]);
    expect(again.status).toBe(201);
  });

  it('given the event store cannot grow, when a case is filed, then 503 STORE.UNAVAILABLE with Retry-After, and it files once there is room', async () => {
    const agent = t.token('agent-ana', 'agent');
    const events = eventStoreDatabase(t);
    events.pragma(`max_page_count = ${events.pragma('page_count', { simple: true }) as number}`);
    const before = await t.headPosition();
    const responses = [];
    for (let count = 0; count < 50; count++) responses.push(await t.http().post('/cases').set('Authorization', agent).send({ ...validFiling(), facts: 'Hechos. '.repeat(400) }));
    await expectSomeRefusedAsUnavailable(responses, before);
    events.pragma('max_page_count = 1073741823');
    await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201);
  });
});

describe('a full disk under the read models', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ log: { level: 'silent' } });
  });
  afterAll(() => t.close());

  const health = async () => (await t.http().get('/health')).body as { status: string; projections: { name: string; state: string }[] };
  async function until(condition: () => Promise<boolean>): Promise<void> {
    for (let attempt = 0; attempt < 1000 && !(await condition()); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  it('given the read store cannot grow, then /health is red (503) while the projections retry, and green again once there is room, with every event projected', async () => {
    const readModels = (t.app.get(READ_STORE) as unknown as { db: Database.Database }).db;
    const agent = t.token('agent-ana', 'agent');
    await until(async () => (await health()).status === 'ok');
    readModels.pragma(`max_page_count = ${readModels.pragma('page_count', { simple: true }) as number}`);
    // The file may have free pages left: file until the projections need more than it has.
    const retrying = async () => (await health()).projections.some((projection) => projection.state === 'retrying');
    let filed: { body: { caseId: string; position: number } } | undefined;
    for (let count = 0; count < 200 && !(await retrying()); count++) {
      filed = await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201);
      await until(async () => (await retrying()) || (await t.http().get('/health')).body.projections.every((p: { position: number }) => p.position >= filed!.body.position));
    }
    const red = await t.http().get('/health');
    expect(red.status).toBe(503);
    expect(red.body.projections).toEqual(expect.arrayContaining([expect.objectContaining({ state: 'retrying' })]));

    readModels.pragma('max_page_count = 1073741823');
    await until(async () => (await health()).status === 'ok');
    expect((await t.http().get('/health')).status).toBe(200);
    await t.http().get(`/cases/${filed!.body.caseId}?minPosition=${filed!.body.position}`).set('Authorization', t.token('sup', 'supervisor')).expect(200);
  });
});
