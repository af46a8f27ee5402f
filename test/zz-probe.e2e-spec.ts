import { randomUUID } from 'node:crypto';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { bearer, bearerWithRoles } from './support/actors';

describe('probe', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp({ clock }); });
  afterAll(() => t.close());
  it('probes', async () => {
    const filed = await t.http().post('/cases').set('Authorization', bearer('agent')).send(validFiling()).expect(201);
    const { caseId, filingNumber } = filed.body;
    const sup = bearer('supervisor');
    const names = ["toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable", "toLocaleString", "__defineGetter__", "__lookupGetter__", "constructor", "__proto__"];
    for (const n of names) {
      for (const base of ['/queues/unassigned?', `/cases/${caseId}?`, '/calendar/holidays?year=2026&', '/reports/monthly?month=2026-03&', `/public/cases/${filingNumber}?code=ABCD&`]) {
        const r = await t.http().get(`${base}${n}=1`).set('Authorization', sup);
        console.log('Q', base.slice(0, 20), n, r.status, JSON.stringify(r.body).slice(0, 150));
      }
      const rb = await t.http().post(`/cases/${caseId}/closure`).set('Authorization', sup).send(JSON.parse(`{"reason":"x","${n}":"1"}`)).set('If-Match', '"999"');
      console.log('B', n, rb.status, JSON.stringify(rb.body).slice(0, 150));
    }
    const r = await t.http().get(`/queues/backoffice/bo-bruno`).set('Authorization', bearer('backoffice'));
    console.log('own', r.status, JSON.stringify(r.body));
  });
});
