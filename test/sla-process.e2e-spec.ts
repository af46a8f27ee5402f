import { ManualClock, startTestApp, TestApp } from './support/test-app';
import { simulatedTime } from './support/simulated-time';

/**
 * The SLA process manager inside the API (PROJECTOR=in-process), over HTTP, with a clock the test
 * moves. After each move the test asks the process for one tick (`runOnce`; the background loop
 * ticks only hourly here), so the outcome never depends on how long anything takes.
 */
describe('HTTP: the SLA process manager closes silent cases and records overdue facts as simulated time passes', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z')); // Monday 10:00 in Bogotá
  let t: TestApp;
  let agent: string, supervisor: string, backoffice: string, reporter: string, auditor: string;

  beforeAll(async () => {
    // The background loop ticks once at start-up, then only every hour: each tick of the test is its own.
    // The company marks billing cases as outside Ley 1755: its silence rule (2 business days) closes them.
    t = await startTestApp({ clock, config: { SLA_PROCESS_MANAGER: 'on', SLA_TICK_MS: '3600000', SLA_OUTSIDE_LEY_1755: 'billing' } });
    agent = t.token('agent-ana', 'agent');
    supervisor = t.token('sup-sofia', 'supervisor');
    backoffice = t.token('bo-beto', 'backoffice');
    reporter = t.token('rep-rita', 'reporter');
    auditor = t.token('aud-aurora', 'auditor');
  });
  afterAll(() => t.close());
  let time: ReturnType<typeof simulatedTime>;
  beforeAll(() => {
    time = simulatedTime(t, clock, { agent, supervisor, backoffice });
  });

  const ids = (page: { items: { caseId: string }[] }) => page.items.map((item) => item.caseId);

  let silent: string;

  it('information requested: the case waits on the customer, its clocks paused (not at risk)', async () => {
    silent = await time.fileInProgress('2026-03-02T15:00:00Z');
    await time.command(silent, 'information-requests', backoffice, { message: 'Adjunte la factura de febrero' }, '2026-03-02T16:00:00Z');
    await time.passTimeTo('2026-03-02T16:00:01Z');
    expect(ids(await time.get('/queues/awaiting-customer', supervisor))).toEqual([silent]);
    expect(ids(await time.get('/queues/at-risk?withinHours=720', supervisor))).toEqual([]);
    expect(await time.get(`/cases/${silent}`, backoffice)).toMatchObject({ status: 'awaiting_information', nextDeadline: null });
  });

  it('two business days later, still within the second one: nothing happens', async () => {
    expect(await time.passTimeTo('2026-03-05T04:59:59Z')).toEqual([]); // Wednesday 23:59:59 in Bogotá
    expect((await time.get(`/cases/${silent}`, backoffice)).status).toBe('awaiting_information');
  });

  it('once the two business days have passed: the case closes by itself, and the queues, history and report show it', async () => {
    const fired = await time.passTimeTo('2026-03-05T05:00:00Z'); // Thursday 00:00 in Bogotá
    expect(fired.map(({ caseId, timer, outcome }) => ({ caseId, kind: timer.kind, outcome }))).toEqual([
      { caseId: silent, kind: 'customer_silence', outcome: 'appended' },
    ]);

    const view = await time.get(`/cases/${silent}`, backoffice);
    expect(view).toMatchObject({ status: 'closed', closeReason: 'The customer did not answer the information request in time (company rule)' });
    expect(ids(await time.get('/queues/awaiting-customer', supervisor))).toEqual([]);
    expect(await time.get('/queues/summary', supervisor)).toEqual({ queues: { to_typify: 0, unassigned: 0, backoffice: 0, returned: 0, awaiting_customer: 0 }, byBackoffice: {}, byReturnedAgent: {} });
    expect(await time.get('/reports/monthly?month=2026-03', reporter)).toMatchObject({ filed: 1, closed: 1, pendingAtEnd: 0 });

    const history = async () => (await t.http().get(`/cases/${silent}/history`).set('Authorization', auditor).expect(200)).body.events as { type: string; metadata: object }[];
    const closed = (await history()).find((event) => event.type === 'CaseClosed')!;
    expect(closed.metadata).toMatchObject({ actorId: 'system:sla', commandId: `sla:${silent}:customer_silence:2026-03-04T23:59:59.999-05:00` });
    const timeline = await time.get(`/cases/${silent}/timeline`, agent);
    expect(timeline.entries.map((entry: { type: string }) => entry.type).slice(-1)).toEqual(['CaseClosed']);

    // Nothing fires twice, whatever time does next.
    expect(await time.passTimeTo('2026-06-01T15:00:00Z')).toEqual([]);
    expect((await history()).filter((event) => event.type === 'CaseClosed')).toHaveLength(1);
  });

  it('a case left unanswered is at risk before its deadline, then ResolutionOverdue surfaces in the view and the report', async () => {
    // Billing: 12 business hours (08:00-17:00) from Monday 1 June 10:00 → Tuesday 2 June 13:00.
    const late = await time.fileInProgress('2026-06-01T15:00:00Z');
    await time.passTimeTo('2026-06-01T15:00:01Z');
    const atRisk = await time.get('/queues/at-risk?withinHours=48', supervisor);
    expect(atRisk.items).toEqual([expect.objectContaining({ caseId: late, overdue: false, deadline: { kind: 'resolution', dueAt: '2026-06-02T13:00:00.000-05:00' } })]);
    expect(ids(await time.get('/queues/at-risk?withinHours=1', supervisor))).toEqual([]);

    const fired = await time.passTimeTo('2026-06-02T18:00:01Z');
    expect(fired.map(({ timer, outcome }) => ({ kind: timer.kind, outcome }))).toEqual([{ kind: 'resolution', outcome: 'appended' }]);
    expect(await time.get(`/cases/${late}`, backoffice)).toMatchObject({
      status: 'in_progress',
      overdue: { firstResponse: null, resolution: '2026-06-02T13:00:00.000-05:00' },
      nextDeadline: { kind: 'resolution', dueAt: '2026-06-02T13:00:00.000-05:00', overdue: true },
    });
    expect((await time.get('/queues/at-risk?withinHours=0', supervisor)).items).toEqual([expect.objectContaining({ caseId: late, overdue: true })]);

    await time.command(late, 'responses', backoffice, { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable' }, '2026-06-03T15:00:00Z');
    await time.passTimeTo('2026-06-03T15:00:01Z');
    expect(ids(await time.get('/queues/at-risk?withinHours=720', supervisor))).toEqual([]);
    expect((await time.get('/reports/monthly?month=2026-06', reporter)).deadlines).toEqual({ met: 0, missed: 1, complianceRate: 0, firstResponsesOverdue: 0 });
  });
});
