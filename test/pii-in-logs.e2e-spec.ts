import { EVENT_STORE, EventStore } from '@app/event-store';
import { bearer, bearerWithRoles } from './support/actors';
import { KeepAliveClient, keepAliveClient } from './support/keep-alive-client';
import { runLifecycleWorkload, WorkloadResult } from './support/lifecycle-workload';
import { ManualClock, startTestApp, TestApp } from './support/test-app';
import { LogCapture } from './support/log-capture';

/** Personal data (Ley 1581 de 2012) is never written to logs: a whole lifecycle, read every way staff and customers read it. */
describe('Logs: structured JSON, with request ids, and no personal data', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  const logs = new LogCapture();
  let t: TestApp;
  let client: KeepAliveClient;
  let workload: WorkloadResult;
  /** Each petitioner's personal data, and each case's verification code, as filed. */
  const secrets = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({ clock, log: { level: 'trace', stream: logs } });
    client = keepAliveClient(t.url, 8);
    workload = await runLifecycleWorkload({ seed: 7, cases: 30, concurrency: 8, firstDay: '2026-03-02', filingDays: 5, client, clock });
    const store = t.app.get<EventStore>(EVENT_STORE);
    for (const event of await store.readAll()) {
      if (event.type !== 'CaseFiled') continue;
      const { petitioner, verificationCode } = event.data as { petitioner: Record<string, string>; verificationCode: string };
      for (const value of Object.values(petitioner)) if (value.length >= 4 && !['CC', 'CE', 'NIT', 'PA'].includes(value)) secrets.add(value);
      secrets.add(verificationCode);
    }
    // Every read that shows personal data or takes a secret, for each case; and personal data sent where it does not belong.
    for (const walk of workload.cases) {
      const history = await client.get(`/cases/${walk.caseId}/history`).set('Authorization', bearer('auditor'));
      const filed = history.body.events[0].data as { verificationCode: string; petitioner: { email: string; documentNumber: string } };
      await client.get(`/cases/${walk.caseId}`).set('Authorization', bearer('backoffice'));
      await client.get(`/cases?filingNumber=${walk.filingNumber}`).set('Authorization', bearer('agent'));
      await client.get(`/cases/${walk.caseId}/timeline`).set('Authorization', bearer('quality'));
      await client.get(`/public/cases/${walk.filingNumber}?code=${filed.verificationCode}`);
      await client.get(`/public/cases/${walk.filingNumber}?code=${filed.verificationCode.toLowerCase()}`);
      await client.get(`/cases?filingNumber=${encodeURIComponent(filed.petitioner.email)}`).set('Authorization', bearer('agent'));
      await client.get(`/cases?${encodeURIComponent(filed.petitioner.documentNumber)}`).set('Authorization', bearer('agent'));
      await client.get(`/audit/access?caseId=${walk.caseId}`).set('Authorization', bearer('auditor'));
    }
    // Refused filings carrying personal data (a bad email, an unknown field) and a request with a forged token.
    const bad = { kind: 'claim', petitioner: { fullName: 'Rosalba Quintero Vélez', documentNumber: '5550001112', email: 'rosalba.quintero@example.com' } };
    secrets.add('Rosalba Quintero Vélez').add('5550001112').add('rosalba.quintero@example.com');
    await client.post('/cases').set('Authorization', bearer('agent')).send(bad);
    await client.post('/cases').set('Authorization', bearerWithRoles('agent-ana', 'reporter')).send(bad);
    await client.post('/cases').set('Content-Type', 'application/json').send('{"petitioner": {"fullName": "Rosalba Quintero Vélez"');
  }, 120_000);
  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  it('ran the whole lifecycle (the logs cover filing, every step, and every read)', () => {
    expect(workload.unexpected).toEqual([]);
    expect(Object.keys(workload.accepted)).toEqual(expect.arrayContaining(['file', 'assign', 'respondResolved']));
    expect(secrets.size).toBeGreaterThan(60);
  });

  it('writes one JSON object per line, each request with its id, method, redacted URL, status and actor', () => {
    const entries = logs.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = entries.filter((entry) => entry.req !== undefined && entry.res !== undefined);
    expect(requests.length).toBeGreaterThan(workload.sent);
    for (const entry of requests.slice(0, 50)) {
      expect(entry).toMatchObject({ level: expect.any(Number), time: expect.any(Number), req: { id: expect.any(String), method: expect.any(String), url: expect.any(String) }, res: { statusCode: expect.any(Number) }, responseTime: expect.any(Number) });
    }
    expect(requests.some((entry) => entry.actorId === 'aud-aurora')).toBe(true);
    expect(requests.some((entry) => String((entry.req as { url: string }).url).includes('code=[Redacted]'))).toBe(true);
  });

  it('contains none of the personal data filed, no verification code and no token', () => {
    const output = logs.lines.join('\n');
    const found = [...secrets].filter((secret) => output.includes(secret) || output.includes(encodeURIComponent(secret)));
    expect({ personalDataInLogs: found }).toEqual({ personalDataInLogs: [] });
    expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(output).not.toMatch(/[Bb]earer /);
  });
});
