import { CASE_EVENT_SCHEMA_VERSIONS, CaseEventType } from '@app/domain';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

describe('HTTP: a PQR through its whole lifecycle', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  let t: TestApp;
  let agent: string, supervisor: string, backoffice: string, auditor: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await createAssignablePeople(t);
    agent = t.token('agent-ana', 'agent');
    supervisor = t.token('sup-sofia', 'supervisor');
    backoffice = t.token('bo-beto', 'backoffice');
    auditor = t.token('aud-aurora', 'auditor');
  });
  afterAll(() => t.close());

  it('records every step as an event with its actor, in order', async () => {
    const filed = await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201);
    expect(filed.body).toEqual({
      caseId: expect.any(String),
      filingNumber: '2026-000001',
      dueAt: '2026-03-24T23:59:59.999-05:00',
      revision: 1,
      position: expect.any(Number),
    });
    expect(filed.headers.etag).toBe('"1"');
    const id = filed.body.caseId as string;

    const step = async (path: string, token: string, body: object, at: string, revision: number) => {
      clock.set(at);
      const response = await t.http().post(`/cases/${id}/${path}`).set('Authorization', token).set('If-Match', `"${revision}"`).send(body);
      expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: 200 });
      expect(response.headers.etag).toBe(`"${response.body.revision}"`);
      return response.body.revision as number;
    };

    let revision = 1;
    revision = await step('assignment', supervisor, { backofficeId: 'bo-beto' }, '2026-03-02T16:00:00Z', revision);
    revision = await step('typification-review', backoffice, { consistent: false, reason: 'Es una queja por la atención' }, '2026-03-03T14:00:00Z', revision);
    revision = await step('typification', agent, { kind: 'complaint', typology: 'general-information', motive: 'rude-staff' }, '2026-03-03T15:00:00Z', revision);
    revision = await step('typification-review', backoffice, { consistent: true }, '2026-03-03T16:00:00Z', revision);
    revision = await step('information-requests', backoffice, { message: 'Por favor adjunte la factura de febrero' }, '2026-03-04T14:00:00Z', revision);
    revision = await step('information', backoffice, { summary: 'Factura recibida por correo', channel: 'email' }, '2026-03-05T14:00:00Z', revision);
    revision = await step('responses', backoffice, { body: 'Estamos validando con facturación', outcome: 'pending', decision: 'favourable' }, '2026-03-06T14:00:00Z', revision);
    revision = await step('counter-replies', agent, { summary: 'El cliente insiste en la reversión', channel: 'phone' }, '2026-03-09T14:00:00Z', revision);
    revision = await step('responses', backoffice, { body: 'Reversamos el cobro duplicado', outcome: 'resolved', decision: 'favourable' }, '2026-03-10T14:00:00Z', revision);
    expect(revision).toBe(10);

    const history = await t.http().get(`/cases/${id}/history`).set('Authorization', auditor).expect(200);
    expect(history.body.events.map((e: { type: string; metadata: { actorId: string } }) => [e.type, e.metadata.actorId])).toEqual([
      ['CaseFiled', 'agent-ana'],
      ['CaseTypified', 'agent-ana'],
      ['CaseAssigned', 'sup-sofia'],
      ['CaseReturnedToAgent', 'bo-beto'],
      ['CaseTypified', 'agent-ana'],
      ['TypificationConfirmed', 'bo-beto'],
      ['InformationRequested', 'bo-beto'],
      ['InformationReceived', 'bo-beto'],
      ['ResponseSent', 'bo-beto'],
      ['CounterReplyReceived', 'agent-ana'],
      ['ResponseSent', 'bo-beto'],
    ]);
    const revisions = history.body.events.map((e: { revision: number }) => e.revision);
    expect(revisions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const positions = history.body.events.map((e: { position: number }) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const event of history.body.events) {
      expect(event.metadata).toMatchObject({ eventId: expect.any(String), schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[event.type as CaseEventType], correlationId: expect.any(String), causationId: expect.any(String), occurredAt: expect.any(String) });
    }
    expect(history.body.events[10].data).toMatchObject({ outcome: 'resolved', counterReplyDeadline: '2026-03-13T23:59:59.999-05:00' });

    const asOf = await t.http().get(`/cases/${id}/history`).query({ asOf: '2026-03-04T10:00:00-05:00' }).set('Authorization', auditor).expect(200);
    expect(asOf.body.events).toHaveLength(7);
    expect(asOf.body.state).toMatchObject({ status: 'awaiting_information', assigneeId: 'bo-beto', typification: { kind: 'complaint', typology: 'general-information', motive: 'rude-staff' } });
  });

  it('resolves a consulta at first line and still records it', async () => {
    const body = { ...validFiling(), kind: 'inquiry', firstLineResolution: { resolution: 'Se explicó el plan tarifario' } };
    const filed = await t.http().post('/cases').set('Authorization', agent).send(body).expect(201);
    const history = await t.http().get(`/cases/${filed.body.caseId}/history`).set('Authorization', auditor).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['CaseFiled', 'CaseTypified', 'CaseResolvedAtFirstLine']);
  });

  it('does not use up a filing number on a filing the domain refuses', async () => {
    const first = await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201);
    const refused = { ...validFiling(), firstLineResolution: { resolution: 'Un reclamo no se resuelve en primera línea' } };
    await t.http().post('/cases').set('Authorization', agent).send(refused).expect(422);
    const next = await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201);
    const sequence = (filing: string) => Number(filing.split('-')[1]);
    expect(sequence(next.body.filingNumber)).toBe(sequence(first.body.filingNumber) + 1);
  });

  it('explains the deadlines of a case step by step', async () => {
    clock.set('2026-03-02T15:00:00Z');
    const filed = await t.http().post('/cases').set('Authorization', agent).send(validFiling()).expect(201);
    clock.set('2026-03-10T15:00:00Z');
    const deadline = await t.http().get(`/cases/${filed.body.caseId}/deadline`).set('Authorization', backoffice).expect(200);
    expect(deadline.body).toMatchObject({
      legal: { dueAt: '2026-03-24T23:59:59.999-05:00', recordedDueAt: '2026-03-24T23:59:59.999-05:00', overdue: false },
      policy: expect.objectContaining({ typology: 'billing' }),
    });
    expect(deadline.body.steps.length).toBeGreaterThanOrEqual(2);
    // Spanish unless asked: filed Monday 2026-03-02, 15 business days from Tuesday 03-03 end on Tuesday 03-24.
    expect(deadline.body.steps[0].effect).toContain('el término legal es de 15 días hábiles');
    expect(deadline.body.steps[0].effect).toContain('vence el martes, 24 de marzo de 2026');
    expect(deadline.body.legal.days.counted).toHaveLength(15);
    expect(deadline.body.legal.days.counted[14]).toBe('2026-03-24');
    const english = await t.http().get(`/cases/${filed.body.caseId}/deadline?lang=en`).set('Authorization', backoffice).expect(200);
    expect(english.body.steps[0].effect).toContain('the legal term is 15 business days');
    await t.http().get(`/cases/${filed.body.caseId}/deadline?lang=fr`).set('Authorization', backoffice).expect(400);
    await t.http().get('/cases/00000000-0000-4000-8000-000000000000/deadline').set('Authorization', backoffice).expect(404);
  });

  it('serves the Colombian calendar', async () => {
    const holidays = await t.http().get('/calendar/holidays?year=2025').set('Authorization', agent).expect(200);
    expect(holidays.body.holidays).toHaveLength(17);
    const deadline = await t.http().get('/calendar/deadline').query({ from: '2026-03-02T10:00:00-05:00', businessDays: 15 }).set('Authorization', agent).expect(200);
    expect(deadline.body.dueAt).toBe('2026-03-24T23:59:59.999-05:00');
  });

  it('answers health and OpenAPI without a token', async () => {
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', eventStore: { status: 'up' } });
    const docs = await t.http().get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/cases', '/cases/{id}/assignment', '/cases/{id}/history', '/calendar/deadline']));
  });
});
