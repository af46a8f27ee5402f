import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

/** Monday 2 March 2026, 10:00 in Bogotá. */
const FILED_AT = '2026-03-02T15:00:00Z';

/** Issue 22 §3: the seed's rules kept over HTTP (returned cases, the phone line after the window). */
describe('HTTP: the seed rules', () => {
  const clock = new ManualClock(new Date(FILED_AT));
  let t: TestApp;
  let agent: string, otherAgent: string, supervisor: string, backoffice: string;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    await createAssignablePeople(t);
    agent = t.token('agent-ana', 'agent');
    otherAgent = t.token('agent-luis', 'agent');
    supervisor = t.token('sup-sofia', 'supervisor');
    backoffice = t.token('bo-beto', 'backoffice');
  });
  afterAll(() => t.close());
  afterEach(() => clock.set(FILED_AT));

  async function file(body: object = validFiling(), token = agent): Promise<{ caseId: string; filingNumber: string; position: number }> {
    const response = await t.http().post('/cases').set('Authorization', token).send(body);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body;
  }

  async function command(caseId: string, path: string, token: string, body: object, at?: string) {
    if (at) clock.set(at);
    return t.http().post(`/cases/${caseId}/${path}`).set('Authorization', token).send(body);
  }

  async function ok(caseId: string, path: string, token: string, body: object, at?: string) {
    const response = await command(caseId, path, token, body, at);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: 200 });
    return response.body as { revision: number; position: number };
  }

  async function returnedCase(): Promise<string> {
    const { caseId } = await file();
    await ok(caseId, 'assignment', supervisor, { backofficeId: 'bo-beto' });
    await ok(caseId, 'typification-review', backoffice, { consistent: false, reason: 'Es una queja por la atención' });
    return caseId;
  }

  const retypification = { kind: 'complaint', typology: 'general-information', motive: 'rude-staff' };

  describe('a returned case is re-typified by the agent who typified it, or a supervisor', () => {
    it('refuses another agent with 403 CASE.NOT_RETURNED_TO_ACTOR and appends nothing', async () => {
      const caseId = await returnedCase();
      const before = await t.headPosition();
      const response = await command(caseId, 'typification', otherAgent, retypification);
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 403,
        body: { code: 'CASE.NOT_RETURNED_TO_ACTOR', details: { returnedTo: 'agent-ana' } },
      });
      expect(await t.headPosition()).toBe(before);
    });

    it('takes it from the agent it was returned to, and the case goes back to its backoffice agent', async () => {
      const caseId = await returnedCase();
      const { position } = await ok(caseId, 'typification', agent, retypification);
      const view = await t.http().get(`/cases/${caseId}`).query({ minPosition: position }).set('Authorization', supervisor).expect(200);
      expect(view.body).toMatchObject({ status: 'assigned', assigneeId: 'bo-beto' });
    });

    it('takes it from a supervisor', async () => {
      const caseId = await returnedCase();
      await ok(caseId, 'typification', supervisor, retypification);
    });
  });

  describe('round-robin distribution rotates across calls, and across restarts', () => {
    it('gives two single-case calls to two different agents, and a new app on the same DATA_DIR goes on with the third', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'pqr-round-robin-'));
      const distributeOne = async (app: TestApp) => {
        const filed = await app.http().post('/cases').set('Authorization', app.token('agent-ana', 'agent')).send(validFiling()).expect(201);
        const response = await app.http().post('/cases/distribution').query({ minPosition: filed.body.position }).set('Authorization', app.token('sup-sofia', 'supervisor'))
          .send({ rule: 'round-robin', backofficeIds: ['backoffice-1', 'backoffice-2', 'backoffice-3'] });
        expect({ status: response.status, assigned: response.body.assigned?.length }).toEqual({ status: 200, assigned: 1 });
        return response.body.assigned[0].backofficeId as string;
      };
      try {
        const first = await startTestApp({ clock, dataDir });
        await createAssignablePeople(first, ['backoffice-1', 'backoffice-2', 'backoffice-3']);
        const served = [await distributeOne(first), await distributeOne(first)];
        await first.close();
        const restarted = await startTestApp({ clock, dataDir });
        served.push(await distributeOne(restarted));
        await restarted.close();
        expect(served).toEqual(['backoffice-1', 'backoffice-2', 'backoffice-3']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });

  describe('a cited earlier case (relatedFilingNumber) must exist', () => {
    it('refuses a number no case was filed with: 422 CASE.RELATED_NOT_FOUND naming it, nothing appended, no number used up', async () => {
      const before = await file();
      const head = await t.headPosition();
      const response = await t.http().post('/cases').set('Authorization', agent).send({ ...validFiling(), relatedFilingNumber: '2025-000041' });
      expect({ status: response.status, body: response.body }).toMatchObject({
        status: 422,
        body: { code: 'CASE.RELATED_NOT_FOUND', details: { relatedFilingNumber: '2025-000041' } },
      });
      expect(await t.headPosition()).toBe(head);
      const after = await file();
      expect(Number(after.filingNumber.slice(5))).toBe(Number(before.filingNumber.slice(5)) + 1);
    });

    it('accepts a case filed a moment ago, and records the citation', async () => {
      const earlier = await file();
      const response = await t.http().post('/cases').set('Authorization', agent).send({ ...validFiling(), relatedFilingNumber: earlier.filingNumber });
      expect({ status: response.status }).toEqual({ status: 201 });
      const history = await t.http().get(`/cases/${response.body.caseId}/history`).set('Authorization', t.token('aud-aurora', 'auditor')).expect(200);
      expect(history.body.events[0].data.relatedFilingNumber).toBe(earlier.filingNumber);
    });

    it('never refuses a case the read models have not caught up with: 503 READ_MODEL.BEHIND while they lag, 201 once they have it', async () => {
      // No projector runs: the case view can never show the case filed here.
      const dataDir = mkdtempSync(join(tmpdir(), 'pqr-e2e-'));
      const lagging = await startTestApp({ clock, dataDir, config: { PROJECTOR: 'external' } });
      let projecting: TestApp | undefined;
      let laggingOpen = true;
      try {
        const filer = lagging.token('agent-ana', 'agent');
        const earlier = await lagging.http().post('/cases').set('Authorization', filer).send(validFiling()).expect(201);
        const cite = (app: TestApp) => app.http().post('/cases').set('Authorization', filer).send({ ...validFiling(), relatedFilingNumber: earlier.body.filingNumber });
        const behind = await cite(lagging);
        expect({ status: behind.status, code: behind.body.code }).toEqual({ status: 503, code: 'READ_MODEL.BEHIND' });
        // One API per DATA_DIR: the lagging one stops, an API that projects starts on the same DATA_DIR and catches up;
        // then the same citation is accepted.
        await lagging.close();
        laggingOpen = false;
        projecting = await startTestApp({ clock, dataDir });
        await projecting.http().get('/cases').query({ filingNumber: earlier.body.filingNumber, minPosition: earlier.body.position }).set('Authorization', filer).expect(200);
        expect((await cite(projecting)).status).toBe(201);
      } finally {
        await projecting?.close();
        if (laggingOpen) await lagging.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });

  describe('the customer answers the survey through /public with the verification code', () => {
    const auditor = () => t.token('aud-aurora', 'auditor');

    async function resolvedCase(): Promise<{ caseId: string; filingNumber: string; code: string }> {
      const { caseId, filingNumber } = await file();
      await ok(caseId, 'assignment', supervisor, { backofficeId: 'bo-beto' });
      await ok(caseId, 'typification-review', backoffice, { consistent: true });
      const { position } = await ok(caseId, 'responses', backoffice, { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable' });
      // The customer reads the code from the filing's email; the read models have the case by then.
      await t.http().get(`/cases/${caseId}`).query({ minPosition: position }).set('Authorization', supervisor).expect(200);
      const history = await t.http().get(`/cases/${caseId}/history`).set('Authorization', auditor()).expect(200);
      return { caseId, filingNumber, code: String(history.body.events[0].data.verificationCode) };
    }

    const answer = (filingNumber: string, body: object) => t.http().post(`/public/cases/${filingNumber}/survey`).send(body);

    it('records it without a token, via public, as the customer', async () => {
      const { caseId, filingNumber, code } = await resolvedCase();
      const response = await answer(filingNumber, { code, score: 5, comment: 'Muy buena atención' });
      expect({ status: response.status, body: response.body }).toEqual({
        status: 200,
        body: { filingNumber, score: 5, comment: 'Muy buena atención', answeredAt: expect.stringMatching(/-05:00$/) },
      });
      const history = await t.http().get(`/cases/${caseId}/history`).set('Authorization', auditor()).expect(200);
      const survey = history.body.events.at(-1);
      expect(survey).toMatchObject({ type: 'SatisfactionSurveyAnswered', data: { score: 5, via: 'public', recordedBy: `customer:${filingNumber}` }, metadata: { actorId: `customer:${filingNumber}` } });
    });

    it('answers a wrong code and an unknown number with the same 404, and appends nothing', async () => {
      const { filingNumber, code } = await resolvedCase();
      const head = await t.headPosition();
      const wrongCode = await answer(filingNumber, { code: code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ', score: 4 });
      const unknownNumber = await answer('1999-999999', { code, score: 4 });
      for (const response of [wrongCode, unknownNumber]) {
        expect({ status: response.status, body: response.body }).toEqual({
          status: 404,
          body: { statusCode: 404, code: 'CASE.NOT_FOUND', message: 'No case with that filing number and verification code' },
        });
      }
      expect(await t.headPosition()).toBe(head);
    });

    it('takes the same answer twice as once; another answer then is 409 CASE.SURVEY_ALREADY_ANSWERED', async () => {
      const { filingNumber, code } = await resolvedCase();
      const first = await answer(filingNumber, { code, score: 3 });
      const head = await t.headPosition();
      const again = await answer(filingNumber, { code, score: 3 });
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
      expect(await t.headPosition()).toBe(head);
      const other = await answer(filingNumber, { code, score: 1 });
      expect({ status: other.status, code: other.body.code }).toEqual({ status: 409, code: 'CASE.SURVEY_ALREADY_ANSWERED' });
    });

    it('refuses a case not resolved yet (409 CASE.WRONG_STATUS) and bad input (400 naming the field)', async () => {
      const { caseId, filingNumber } = await file();
      const history = await t.http().get(`/cases/${caseId}/history`).set('Authorization', auditor()).expect(200);
      const code = String(history.body.events[0].data.verificationCode);
      await t.http().get('/cases').query({ filingNumber, minPosition: await t.headPosition() }).set('Authorization', supervisor).expect(200);
      const early = await answer(filingNumber, { code, score: 4 });
      expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'CASE.WRONG_STATUS' });
      for (const [body, field] of [[{ code, score: 6 }, 'score'], [{ score: 4 }, 'code'], [{ code, score: 4, via: 'agent' }, 'via']] as const) {
        const response = await answer(filingNumber, body);
        expect({ status: response.status, fields: [...new Set(response.body.details?.map((detail: { field: string }) => detail.field))] }).toEqual({ status: 400, fields: [field] });
      }
      const badNumber = await answer('2026-42', { code, score: 4 });
      expect({ status: badNumber.status, field: badNumber.body.details?.[0]?.field }).toEqual({ status: 400, field: 'filingNumber' });
    });

    it('is throttled like every /public route (PUBLIC_RATE_LIMIT)', async () => {
      const throttled = await startTestApp({ clock, config: { PUBLIC_RATE_LIMIT: '2' } });
      try {
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await throttled.http().post('/public/cases/1999-999999/survey').send({ code: 'ABCDEF', score: 4 })).status);
        expect(statuses).toEqual([404, 404, 429]);
      } finally {
        await throttled.close();
      }
    });
  });

  describe('reports: a reopened case is not counted both resolved and pending', () => {
    it('counts the month by where each case stands, and the agents add up to the total', async () => {
      const reporter = t.token('rep-rita', 'reporter');
      // June 2026, which no other test of this file touches: Monday 1st to Thursday 4th.
      const june = (day: number) => `2026-06-0${day}T15:00:00Z`;
      clock.set(june(1));
      const reopenedThenPending = (await file()).caseId;
      const reopenedThenResolvedByAnother = (await file()).caseId;
      for (const caseId of [reopenedThenPending, reopenedThenResolvedByAnother]) {
        await ok(caseId, 'assignment', supervisor, { backofficeId: 'bo-beto' }, june(1));
        await ok(caseId, 'typification-review', backoffice, { consistent: true }, june(1));
        await ok(caseId, 'responses', backoffice, { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable' }, june(2));
        await ok(caseId, 'counter-replies', agent, { summary: 'No está de acuerdo', channel: 'email' }, june(3));
      }
      await ok(reopenedThenPending, 'responses', backoffice, { body: 'Seguimos validando', outcome: 'pending', decision: 'favourable' }, june(4));
      await ok(reopenedThenResolvedByAnother, 'assignment', supervisor, { backofficeId: 'bo-carla' }, june(4));
      const { position } = await ok(reopenedThenResolvedByAnother, 'responses', t.token('bo-carla', 'backoffice'), { body: 'Reversado', outcome: 'resolved', decision: 'favourable' }, june(4));

      const report = (await t.http().get('/reports/monthly').query({ month: '2026-06', minPosition: position }).set('Authorization', reporter).expect(200)).body;
      expect(report).toMatchObject({ filed: 2, resolvedByBackoffice: 1, respondedPending: 1, reopened: 2 });
      const perAgent = Object.fromEntries(report.backofficeProductivity.map((agentRow: { backofficeId: string; resolved: number }) => [agentRow.backofficeId, agentRow.resolved]));
      expect(perAgent).toEqual({ 'bo-beto': 0, 'bo-carla': 1 });
    });
  });

  describe('the phone line after the counter-reply window', () => {
    /** A case answered on Monday 9 March: the window closes at the end of Thursday 12 March. */
    async function respondedCase(outcome: 'resolved' | 'pending'): Promise<string> {
      const { caseId } = await file();
      await ok(caseId, 'assignment', supervisor, { backofficeId: 'bo-beto' });
      await ok(caseId, 'typification-review', backoffice, { consistent: true });
      await ok(caseId, 'responses', backoffice, { body: 'Respuesta', outcome, decision: 'favourable' }, '2026-03-09T15:00:00Z');
      return caseId;
    }

    it.each(['pending', 'resolved'] as const)('records a phone counter-reply after the window on a case answered %s, and the case reopens with its agent', async (outcome) => {
      const caseId = await respondedCase(outcome);
      const { position } = await ok(caseId, 'counter-replies', agent, { summary: 'Llamó: no está de acuerdo', channel: 'phone' }, '2026-03-18T15:00:00Z');
      const view = await t.http().get(`/cases/${caseId}`).query({ minPosition: position }).set('Authorization', supervisor).expect(200);
      expect(view.body).toMatchObject({ status: 'in_progress', assigneeId: 'bo-beto' });
      const timeline = await t.http().get(`/cases/${caseId}/timeline`).query({ minPosition: position }).set('Authorization', supervisor).expect(200);
      expect(timeline.body.entries.at(-1)).toMatchObject({ type: 'CounterReplyReceived', channel: 'phone' });
    });

    it('still refuses an email counter-reply after the window: 422 CASE.COUNTER_REPLY_WINDOW_CLOSED', async () => {
      const caseId = await respondedCase('pending');
      const response = await command(caseId, 'counter-replies', agent, { summary: 'Correo tardío', channel: 'email' }, '2026-03-18T15:00:00Z');
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 422, code: 'CASE.COUNTER_REPLY_WINDOW_CLOSED' });
    });

    it('does not reopen a closed case: 409 CASE.CLOSED_NOT_REOPENED naming the number a new case cites', async () => {
      const caseId = await respondedCase('resolved');
      await ok(caseId, 'closure', supervisor, { reason: 'Sin contrarespuesta en el plazo' }, '2026-03-13T15:00:00Z');
      const response = await command(caseId, 'counter-replies', agent, { summary: 'Llamó', channel: 'phone' }, '2026-03-18T15:00:00Z');
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'CASE.CLOSED_NOT_REOPENED' });
      expect(response.body.details.filingNumber).toMatch(/^2026-\d{6}$/);
    });
  });
});
