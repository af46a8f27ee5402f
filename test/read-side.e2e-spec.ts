import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

/** The seed lifecycle again, reading every read model after each step (with ?minPosition= to read our own writes). */
describe('HTTP: queues, summary, timeline, public view and report follow the lifecycle', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let t: TestApp;
  let agent: string, supervisor: string, backoffice: string, reporter: string;
  let caseId: string, filingNumber: string, code: string;
  let revision = 0;
  let position = 0;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await createAssignablePeople(t);
    agent = t.token('agent-ana', 'agent');
    supervisor = t.token('sup-sofia', 'supervisor');
    backoffice = t.token('bo-beto', 'backoffice');
    reporter = t.token('rep-rita', 'reporter');
  });
  afterAll(() => t.close());

  const get = async (path: string, token: string, expected = 200) => {
    const response = await t.http().get(path).query({ minPosition: position }).set('Authorization', token);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: expected });
    return response.body;
  };
  const command = async (path: string, token: string, body: object, at: string) => {
    clock.set(at);
    const response = await t.http().post(`/cases/${caseId}/${path}`).set('Authorization', token).set('If-Match', `"${revision}"`).send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status: 200 });
    revision = response.body.revision;
    position = response.body.position;
  };
  const queueIds = async (path: string, token = supervisor) => (await get(path, token)).items.map((item: { caseId: string }) => item.caseId);
  const summary = () => get('/queues/summary', supervisor);
  const timelineTypes = async () => (await get(`/cases/${caseId}/timeline`, agent)).entries.map((e: { type: string }) => e.type);

  it('filed: the case is unassigned, in the summary, on the timeline and visible to the customer with its code', async () => {
    const filed = await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201);
    ({ caseId, filingNumber, revision, position } = filed.body);
    const view = await get(`/cases/${caseId}`, backoffice);
    expect(view).toMatchObject({ caseId, filingNumber, status: 'filed', typology: 'billing', petitioner: { fullName: 'María Fernanda Rojas' } });
    expect(view.internal).toBeUndefined();
    expect(view.verificationCodeHash).toBeUndefined();
    expect((await get(`/cases?filingNumber=${filingNumber}`, agent)).items.map((c: { caseId: string }) => c.caseId)).toEqual([caseId]);
    expect(await queueIds('/queues/unassigned')).toEqual([caseId]);
    expect(await summary()).toEqual({ queues: { to_typify: 0, unassigned: 1, backoffice: 0, returned: 0, awaiting_customer: 0 }, byBackoffice: {}, byReturnedAgent: {} });

    const history = await t.http().get(`/cases/${caseId}/history`).set('Authorization', t.token('aud', 'auditor')).expect(200);
    code = history.body.events[0].data.verificationCode;
    const publicView = await t.http().get(`/public/cases/${filingNumber}`).query({ code }).expect(200);
    expect(publicView.body).toEqual({
      filingNumber,
      status: 'filed',
      statusLabel: 'Radicado',
      kind: 'claim',
      kindLabel: 'Reclamo',
      filedAt: '2026-03-02T10:00:00.000-05:00',
      dueAt: '2026-03-24T23:59:59.999-05:00',
      entries: [{ at: expect.any(String), channel: 'phone', description: `Caso radicado con el número ${filingNumber}` }],
      responses: [],
      informationRequest: null,
      counterReplyDeadline: null,
      actions: { answerInformation: false, counterReply: false, answerSurvey: false },
    });
    expect(JSON.stringify(publicView.body)).not.toContain('agent-ana');
    await t.http().get(`/public/cases/${filingNumber}`).query({ code: 'WRONG1' }).expect(404);
  });

  it('assigned: it moves to the backoffice queue of its agent', async () => {
    await command('assignment', supervisor, { backofficeId: 'bo-beto' }, '2026-03-02T16:00:00Z');
    expect(await queueIds('/queues/unassigned')).toEqual([]);
    expect(await queueIds('/queues/backoffice/bo-beto', backoffice)).toEqual([caseId]);
    expect((await summary()).byBackoffice).toEqual({ 'bo-beto': 1 });
    await get('/queues/backoffice/bo-beto', t.token('bo-carla', 'backoffice'), 403);
  });

  it('returned to the agent: it is in the agent\'s returned queue; re-typified, back with its backoffice agent', async () => {
    await command('typification-review', backoffice, { consistent: false, reason: 'Es una queja' }, '2026-03-03T14:00:00Z');
    expect(await queueIds('/queues/returned/agent-ana', agent)).toEqual([caseId]);
    expect(await summary()).toMatchObject({ queues: { returned: 1, backoffice: 0 }, byReturnedAgent: { 'agent-ana': 1 } });
    await command('typification', agent, { kind: 'complaint', typology: 'general-information', motive: 'rude-staff' }, '2026-03-03T15:00:00Z');
    expect(await queueIds('/queues/returned/agent-ana', agent)).toEqual([]);
    expect(await queueIds('/queues/backoffice/bo-beto', backoffice)).toEqual([caseId]);
  });

  it('information requested: it waits on the customer and the legal clock stops (not at risk)', async () => {
    await command('typification-review', backoffice, { consistent: true }, '2026-03-03T16:00:00Z');
    await command('information-requests', backoffice, { message: 'Adjunte la factura' }, '2026-03-04T14:00:00Z');
    expect(await queueIds('/queues/awaiting-customer', backoffice)).toEqual([caseId]);
    expect(await queueIds('/queues/at-risk?withinHours=720')).toEqual([]);
    await command('information', backoffice, { summary: 'Factura recibida', channel: 'email' }, '2026-03-05T14:00:00Z');
    expect(await queueIds('/queues/at-risk?withinHours=720')).toEqual([caseId]);
    expect(await queueIds('/queues/at-risk?withinHours=1')).toEqual([]);
  });

  it('responded pending, counter-reply, responded resolved: timeline, public view and the month report say so', async () => {
    await command('responses', backoffice, { body: 'Estamos validando', outcome: 'pending', decision: 'favourable' }, '2026-03-06T14:00:00Z');
    await command('counter-replies', agent, { summary: 'Insiste', channel: 'phone' }, '2026-03-09T14:00:00Z');
    await command('responses', backoffice, { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable' }, '2026-03-10T14:00:00Z');
    expect(await timelineTypes()).toEqual([
      'CaseFiled', 'CaseTypified', 'CaseAssigned', 'CaseReturnedToAgent', 'CaseTypified', 'TypificationConfirmed',
      'InformationRequested', 'InformationReceived', 'ResponseSent', 'CounterReplyReceived', 'ResponseSent',
    ]);
    const publicView = await t.http().get(`/public/cases/${filingNumber}`).query({ code }).expect(200);
    expect(publicView.body.status).toBe('responded');
    expect(publicView.body.entries).toHaveLength(6);
    expect(await queueIds('/queues/backoffice/bo-beto', backoffice)).toEqual([]);
    expect(await queueIds('/queues/awaiting-customer', backoffice)).toEqual([caseId]);

    const report = await get('/reports/monthly?month=2026-03', reporter);
    expect(report).toMatchObject({
      filed: 1,
      resolvedAtFirstLine: 0,
      resolvedByBackoffice: 1,
      // Answered pending, then reopened and resolved: counted resolved only (issue 22).
      respondedPending: 0,
      reopened: 0,
      pendingAtEnd: 0,
      byTypology: { billing: { filed: 1, resolved: 0 }, 'general-information': { filed: 0, resolved: 1 } },
      byChannel: { phone: { filed: 1, resolved: 1 } },
      deadlines: { met: 1, missed: 0, complianceRate: 1 },
      returnsToAgent: { 'agent-ana': 1 },
      backofficeProductivity: [{ backofficeId: 'bo-beto', resolved: 1, activeDays: 1, dailyTarget: 55, meetsTarget: false }],
    });
    expect(await get('/reports?from=2026-03-01&to=2026-03-05', reporter)).toMatchObject({ filed: 1, pendingAtEnd: 1, resolvedByBackoffice: 0 });
    // February's loose days, March from its month totals: the same figures as the month alone.
    const { from: _from, to: _to, ...march } = report;
    expect(await get('/reports?from=2026-02-15&to=2026-03-31', reporter)).toEqual({ from: '2026-02-15', to: '2026-03-31', ...march });
    expect(await get('/reports?from=2026-03-02&to=2026-04-30', reporter)).toMatchObject({ filed: 1, resolvedByBackoffice: 1, pendingAtEnd: 0 });
  });

  it('distributes unassigned cases by rule', async () => {
    const filed = [];
    for (let i = 0; i < 3; i++) filed.push((await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201)).body);
    position = Math.max(...filed.map((f) => f.position));
    const response = await t.http().post('/cases/distribution').query({ minPosition: position }).set('Authorization', supervisor)
      .send({ rule: 'least-loaded', backofficeIds: ['bo-beto', 'bo-carla'] }).expect(200);
    expect(response.body.assigned.map((a: { backofficeId: string }) => a.backofficeId)).toEqual(['bo-beto', 'bo-carla', 'bo-beto']);
    position = response.body.position;
    expect((await summary()).byBackoffice).toEqual({ 'bo-beto': 2, 'bo-carla': 1 });
  });
});
