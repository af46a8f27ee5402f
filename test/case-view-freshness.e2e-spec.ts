import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer } from './support/actors';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';

/**
 * `GET /cases/:id?minPosition=` is made of two read models: the case view and, for `nextDeadline`, the
 * SLA timers. Here the timers are held back (they catch up once an hour): the answer waits for both,
 * so it never shows the deadline of before the client's own write.
 */
describe('GET /cases/:id?minPosition= waits for the read model of its next deadline too', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let dataDir: string;
  let t: TestApp | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'pqr-e2e-freshness-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 503 READ_MODEL.BEHIND while the SLA timers lag behind the filing, and the filing deadline once they catch up', async () => {
    t = await startTestApp({ clock, dataDir, config: { SLA_TICK_MS: '3600000' } });
    const filed = await t.http().post('/cases').set('Authorization', bearer('agent')).send(validFiling()).expect(201);
    const { caseId, position } = filed.body;

    const held = await t.http().get(`/cases/${caseId}`).query({ minPosition: position }).set('Authorization', bearer('backoffice'));
    expect({ status: held.status, code: held.body.code, nextDeadline: held.body.nextDeadline }).toEqual({ status: 503, code: 'READ_MODEL.BEHIND', nextDeadline: undefined });

    // The same data with the timers on their usual tick: they catch up, and so does the answer.
    await t.close();
    t = await startTestApp({ clock, dataDir });
    const caughtUp = await t.http().get(`/cases/${caseId}`).query({ minPosition: position }).set('Authorization', bearer('backoffice')).expect(200);
    expect(caughtUp.body.nextDeadline).toEqual({ kind: 'resolution', dueAt: '2026-03-03T13:00:00.000-05:00', overdue: false });
  });
});
