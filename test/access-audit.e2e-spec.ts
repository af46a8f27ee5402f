import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { bearer } from './support/actors';
import { CaseDriver, DrivenCase } from './support/case-driver';
import { ManualClock, startTestApp, TestApp } from './support/test-app';

/** Ley 1581 de 2012: access to personal data is auditable. Who saw a petitioner's data, when, on which case, through which route. */
describe('Access audit: staff reads of personal data, queryable by auditors', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-access-audit-'));
  let t: TestApp;
  let filed: DrivenCase;
  let other: DrivenCase;

  beforeAll(async () => {
    t = await startTestApp({ clock, dataDir });
    const cases = new CaseDriver(t);
    filed = await cases.file();
    other = await cases.file();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const accessLog = async (caseId: string, app = t) => {
    const response = await app.http().get(`/audit/access?caseId=${caseId}`).set('Authorization', bearer('auditor'));
    expect(response.status).toBe(200);
    return response.body as { items: Array<{ at: string; actorId: string; actorRoles: string[]; route: string; requestId: string }>; nextCursor: string | null };
  };

  it('records each staff read that shows the petitioner (case view, filing-number search, history), with who, when, route and request id', async () => {
    clock.set('2026-03-03T14:00:00Z');
    // Read-your-writes: the projector runs in the background, so the first read waits for both filings.
    const minPosition = await t.headPosition();
    const view = await t.http().get(`/cases/${filed.caseId}`).query({ minPosition }).set('Authorization', bearer('backoffice')).set('X-Request-Id', 'req-view-1').expect(200);
    expect(view.body.petitioner.fullName).toBe('María Fernanda Rojas');
    clock.set('2026-03-03T15:00:00Z');
    await t.http().get(`/cases?filingNumber=${filed.filingNumber}`).set('Authorization', bearer('agent')).set('X-Request-Id', 'req-search-1').expect(200);
    clock.set('2026-03-03T16:00:00Z');
    await t.http().get(`/cases/${filed.caseId}/history`).set('Authorization', bearer('admin')).set('X-Request-Id', 'req-history-1').expect(200);

    expect(await accessLog(filed.caseId)).toEqual({
      items: [
        { at: '2026-03-03T09:00:00.000-05:00', actorId: 'bo-beto', actorRoles: ['backoffice'], route: 'GET /cases/:id', requestId: 'req-view-1' },
        { at: '2026-03-03T10:00:00.000-05:00', actorId: 'agent-ana', actorRoles: ['agent'], route: 'GET /cases', requestId: 'req-search-1' },
        { at: '2026-03-03T11:00:00.000-05:00', actorId: 'adm-adela', actorRoles: ['admin'], route: 'GET /cases/:id/history', requestId: 'req-history-1' },
      ],
      nextCursor: null,
    });
    // Another case's log is its own.
    expect((await accessLog(other.caseId)).items).toEqual([]);
  });

  it('records nothing for reads that show no personal data, that find nothing, or that are refused', async () => {
    const before = (await accessLog(filed.caseId)).items.length;
    await t.http().get(`/cases/${filed.caseId}/timeline`).set('Authorization', bearer('quality')).expect(200);
    await t.http().get(`/cases/${filed.caseId}/deadline`).set('Authorization', bearer('supervisor')).expect(200);
    await t.http().get(`/cases/${filed.caseId}`).set('Authorization', bearer('agent')).query({ unknown: 1 }).expect(400);
    await t.http().get(`/cases/${filed.caseId}`).expect(401);
    await t.http().get(`/cases/${filed.caseId}/history`).set('Authorization', bearer('agent')).expect(403);
    await t.http().get(`/cases/${randomUUID()}`).set('Authorization', bearer('agent')).expect(404);
    await t.http().get('/cases?filingNumber=1999-999999').set('Authorization', bearer('agent')).expect(200);
    expect((await accessLog(filed.caseId)).items.length).toBe(before);
  });

  it('keeps the audit in the event store, in its own stream per case, apart from the case history', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const audit = await store.readStream(`access-${filed.caseId}`);
    expect(audit.length).toBeGreaterThanOrEqual(3);
    expect(audit[0]).toMatchObject({ type: 'PersonalDataAccessed', data: { caseId: filed.caseId, route: 'GET /cases/:id' }, metadata: { actorId: 'bo-beto' } });
    const history = await new CaseDriver(t).history(filed.caseId);
    expect(history.map((event) => event.type)).not.toContain('PersonalDataAccessed');
  });

  it('pages with limit and cursor, oldest first', async () => {
    const all = (await accessLog(filed.caseId)).items;
    const first = await t.http().get(`/audit/access?caseId=${filed.caseId}&limit=2`).set('Authorization', bearer('auditor')).expect(200);
    expect(first.body.items).toEqual(all.slice(0, 2));
    const second = await t.http().get(`/audit/access?caseId=${filed.caseId}&limit=2&cursor=${first.body.nextCursor}`).set('Authorization', bearer('auditor')).expect(200);
    expect(second.body.items).toEqual(all.slice(2, 4));
    // A cursor is good for its own case only.
    await t.http().get(`/audit/access?caseId=${other.caseId}&limit=2&cursor=${first.body.nextCursor}`).set('Authorization', bearer('auditor')).expect(400);
  });

  it('survives a restart (durable, like every event)', async () => {
    const before = (await accessLog(filed.caseId)).items;
    await t.close();
    t = await startTestApp({ clock, dataDir });
    expect((await accessLog(filed.caseId)).items).toEqual(before);
  });
});
