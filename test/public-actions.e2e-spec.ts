import { bearer } from './support/actors';
import { CaseDriver, CaseStage, DrivenCase } from './support/case-driver';
import { ManualClock, startTestApp, TestApp } from './support/test-app';

/** Monday 2 March 2026, 10:00 in Bogotá. */
const FILED_AT = '2026-03-02T15:00:00Z';

/** Issue 26: what the customer's tracking page reads, and the information and counter-reply the customer sends from it. */
describe('HTTP: the customer on the web (tracking, information, counter-reply)', () => {
  const clock = new ManualClock(new Date(FILED_AT));
  let t: TestApp;
  let cases: CaseDriver;

  beforeAll(async () => {
    t = await startTestApp({ clock });
    cases = new CaseDriver(t);
  });
  afterAll(() => t.close());
  afterEach(() => clock.set(FILED_AT));

  /** A case at `stage` as its customer knows it, once the read models have it (the customer reads them). */
  async function customerCase(stage: CaseStage): Promise<DrivenCase & { code: string }> {
    const driven = await cases.caseAt(stage);
    const code = String((await cases.history(driven.caseId))[0].data.verificationCode);
    await settled();
    return { ...driven, code };
  }

  async function settled(): Promise<void> {
    await t.http().get('/queues/summary').query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
  }

  const track = (filingNumber: string, code: string) => t.http().get(`/public/cases/${filingNumber}`).query({ code });
  const send = (filingNumber: string, route: 'information' | 'counter-replies', body: object) => t.http().post(`/public/cases/${filingNumber}/${route}`).send(body);

  describe('GET /public/cases/:filingNumber', () => {
    it('shows a case waiting on the customer with the request, when to answer by, and that they may answer it', async () => {
      const { filingNumber, code } = await customerCase('awaiting_information');
      const response = await track(filingNumber, code);
      expect({ status: response.status, body: response.body }).toEqual({
        status: 200,
        body: {
          filingNumber,
          status: 'awaiting_information',
          statusLabel: 'En espera de su información',
          kind: 'claim',
          kindLabel: 'Reclamo',
          filedAt: '2026-03-02T10:00:00.000-05:00',
          dueAt: null,
          entries: [
            { at: '2026-03-02T10:00:00.000-05:00', channel: 'phone', description: `Caso radicado con el número ${filingNumber}` },
            { at: '2026-03-02T10:00:00.000-05:00', channel: 'email', description: 'Se solicitó información adicional al cliente' },
          ],
          responses: [],
          // A month after the request, moved past Holy Thursday and Good Friday (2 and 3 April 2026).
          informationRequest: { requestedAt: '2026-03-02T10:00:00.000-05:00', message: 'Adjunte la factura de febrero', answerBy: '2026-04-06T23:59:59.999-05:00' },
          counterReplyDeadline: null,
          actions: { answerInformation: true, counterReply: false, answerSurvey: false },
        },
      });
    });

    it('shows the response the customer was sent, the counter-reply deadline, and the counter-reply and survey as possible', async () => {
      const { filingNumber, code } = await customerCase('responded_resolved');
      const { body } = await track(filingNumber, code).expect(200);
      expect(body).toMatchObject({
        status: 'responded',
        statusLabel: 'Respondido',
        // 15 business days, 23 March (San José) a holiday.
        dueAt: '2026-03-24T23:59:59.999-05:00',
        responses: [{ at: '2026-03-02T10:00:00.000-05:00', body: 'Reversamos el cobro duplicado', outcome: 'resolved' }],
        informationRequest: null,
        counterReplyDeadline: expect.stringMatching(/^2026-03-05T23:59:59/),
        actions: { answerInformation: false, counterReply: true, answerSurvey: true },
      });
    });

    it('after an erasure of the petitioner, shows the responses as [erased]', async () => {
      const { caseId, filingNumber, code } = await customerCase('responded_resolved');
      const view = await t.http().get(`/cases/${caseId}`).set('Authorization', bearer('supervisor')).expect(200);
      await t.http().post(`/petitioners/${view.body.petitionerId}/erasure`).set('Authorization', bearer('admin')).expect(200);
      await settled();
      expect((await track(filingNumber, code).expect(200)).body.responses).toEqual([{ at: '2026-03-02T10:00:00.000-05:00', body: '[erased]', outcome: 'resolved' }]);
    });
  });

  describe('POST /public/cases/:filingNumber/information', () => {
    it('records the information on channel web as the customer; the case goes back to work; the same message again records nothing more', async () => {
      const { caseId, filingNumber, code } = await customerCase('awaiting_information');
      const message = 'Factura 12345 de febrero, adjunta por correo';
      const first = await send(filingNumber, 'information', { code, message });
      expect({ status: first.status, body: first.body }).toEqual({ status: 200, body: { filingNumber, receivedAt: '2026-03-02T10:00:00.000-05:00', status: 'in_progress' } });
      const head = await t.headPosition();
      const again = await send(filingNumber, 'information', { code, message });
      expect({ status: again.status, body: again.body }).toEqual({ status: 200, body: first.body });
      expect(await t.headPosition()).toBe(head);

      const received = (await cases.history(caseId)).at(-1)!;
      expect(received).toMatchObject({
        type: 'InformationReceived',
        data: { summary: message, channel: 'web', receivedBy: `customer:${filingNumber}` },
        metadata: { actorId: `customer:${filingNumber}`, actorRoles: [] },
      });
      await settled();
      const tracked = (await track(filingNumber, code).expect(200)).body;
      expect(tracked).toMatchObject({ status: 'in_progress', informationRequest: null, actions: { answerInformation: false } });
      expect(tracked.entries.at(-1)).toEqual({ at: '2026-03-02T10:00:00.000-05:00', channel: 'web', description: 'Se recibió la información solicitada' });
      // Another message once the information arrived: the case no longer waits on the customer.
      const late = await send(filingNumber, 'information', { code, message: 'Otra cosa' });
      expect({ status: late.status, code: late.body.code }).toEqual({ status: 409, code: 'CASE.WRONG_STATUS' });
    });

    it('records the same text again when it answers a later request', async () => {
      const { caseId, filingNumber, code } = await customerCase('awaiting_information');
      const message = 'Ya la envié por correo';
      await send(filingNumber, 'information', { code, message }).expect(200);
      const asked = await cases.command(caseId, 'information-requests', 'backoffice', { message: 'La factura llegó ilegible; envíela de nuevo' });
      expect(asked.status).toBe(200);
      await t.http().get(`/cases/${caseId}`).query({ minPosition: asked.body.position }).set('Authorization', bearer('supervisor')).expect(200);
      await send(filingNumber, 'information', { code, message }).expect(200);
      expect((await cases.history(caseId)).filter((event) => event.type === 'InformationReceived')).toHaveLength(2);
    });

    it('answers a wrong code and an unknown number with the same 404, appending nothing', async () => {
      const { filingNumber, code } = await customerCase('awaiting_information');
      const head = await t.headPosition();
      for (const [number, tried] of [[filingNumber, code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ'], ['1999-999999', code]]) {
        const response = await send(number, 'information', { code: tried, message: 'Hola' });
        expect({ status: response.status, body: response.body }).toEqual({
          status: 404,
          body: { statusCode: 404, code: 'CASE.NOT_FOUND', message: 'No case with that filing number and verification code' },
        });
      }
      expect(await t.headPosition()).toBe(head);
    });
  });

  describe('POST /public/cases/:filingNumber/counter-replies', () => {
    it('records a counter-reply within the window on channel web; the case reopens', async () => {
      const { caseId, filingNumber, code } = await customerCase('responded_resolved');
      clock.set('2026-03-05T20:00:00Z');
      const response = await send(filingNumber, 'counter-replies', { code, message: 'No estoy de acuerdo: el cobro sigue en la factura' });
      expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { filingNumber, receivedAt: '2026-03-05T15:00:00.000-05:00', status: 'in_progress' } });
      expect((await cases.history(caseId)).at(-1)).toMatchObject({ type: 'CounterReplyReceived', data: { channel: 'web', receivedBy: `customer:${filingNumber}` } });
    });

    it('answers once the tracking read shows it: the page read straight after offers no second counter-reply', async () => {
      const { filingNumber, code } = await customerCase('responded_resolved');
      clock.set('2026-03-05T20:00:00Z');
      await send(filingNumber, 'counter-replies', { code, message: 'Sigo sin ver el reverso del cobro' }).expect(200);
      const page = await track(filingNumber, code).expect(200);
      expect({ status: page.body.status, actions: page.body.actions }).toEqual({
        status: 'in_progress',
        actions: { answerInformation: false, counterReply: false, answerSurvey: false },
      });
    });

    it('refuses it after the window (422 CASE.COUNTER_REPLY_WINDOW_CLOSED), before a response (409 CASE.WRONG_STATUS), and on a closed case (409 CASE.CLOSED_NOT_REOPENED)', async () => {
      const responded = await customerCase('responded_pending');
      const notResponded = await customerCase('in_progress');
      const closed = await customerCase('closed');
      clock.set('2026-03-06T15:00:00Z');
      const head = await t.headPosition();
      const refusals = [];
      for (const { filingNumber, code } of [responded, notResponded, closed]) {
        const response = await send(filingNumber, 'counter-replies', { code, message: 'No estoy de acuerdo' });
        refusals.push([response.status, response.body.code]);
      }
      expect(refusals).toEqual([
        [422, 'CASE.COUNTER_REPLY_WINDOW_CLOSED'],
        [409, 'CASE.WRONG_STATUS'],
        [409, 'CASE.CLOSED_NOT_REOPENED'],
      ]);
      expect(await t.headPosition()).toBe(head);
      expect((await track(responded.filingNumber, responded.code).expect(200)).body.actions).toEqual({ answerInformation: false, counterReply: false, answerSurvey: false });
    });
  });

  describe('bad input: 400 naming the field, nothing appended', () => {
    it.each(['information', 'counter-replies'] as const)('%s', async (route) => {
      const { filingNumber, code } = await customerCase(route === 'information' ? 'awaiting_information' : 'responded_pending');
      const head = await t.headPosition();
      const cases400: [string, object, string][] = [
        [filingNumber, { code, message: 'x'.repeat(5001) }, 'message'],
        [filingNumber, { code, message: '' }, 'message'],
        [filingNumber, { code, message: 'con \u0000 nulo' }, 'message'],
        [filingNumber, { code, message: 42 }, 'message'],
        [filingNumber, { message: 'Hola' }, 'code'],
        [filingNumber, { code: 'no-code!', message: 'Hola' }, 'code'],
        [filingNumber, { code, message: 'Hola', channel: 'phone' }, 'channel'],
        ['2026-42', { code, message: 'Hola' }, 'filingNumber'],
      ];
      for (const [number, body, field] of cases400) {
        const response = await send(number, route, body);
        expect({ body, status: response.status, fields: [...new Set(response.body.details?.map((detail: { field: string }) => detail.field))] }).toEqual({ body, status: 400, fields: [field] });
      }
      expect(await t.headPosition()).toBe(head);
    });
  });
});
