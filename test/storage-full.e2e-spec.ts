import type Database from 'better-sqlite3';
import { KEY_STORE } from '@app/key-store';
import { startTestApp, TestApp, validFiling } from './support/test-app';

/** The key store's own SQLite connection: `max_page_count` caps its file, as a full disk would (SQLITE_FULL). */
function keyStoreDatabase(t: TestApp): Database.Database {
  return (t.app.get(KEY_STORE) as unknown as { db: Database.Database }).db;
}

describe('a full disk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ log: { level: 'silent' } });
  });
  afterAll(() => t.close());

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
    const refused = responses.filter((response) => response.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of refused) {
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, code: 'STORE.UNAVAILABLE' });
      expect(response.headers['retry-after']).toBe('5');
    }
    expect(await t.headPosition()).toBe(before + 2 * (responses.length - refused.length));

    keys.pragma('max_page_count = 1073741823');
    const again = await t.http().post('/cases').set('Authorization', agent).send(filings[filings.length - 1]);
    expect(again.status).toBe(201);
  });
});
