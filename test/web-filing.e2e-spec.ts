import { MailOutbox } from '@app/processes';
import { bearer } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { SmtpMailbox } from './support/smtp-mailbox';
import { ManualClock, startTestApp, TestApp } from './support/test-app';
import { validWebFiling } from './support/valid-filing';

const COMPANY = 'Servicios Públicos del Valle S.A.';

/**
 * Issue 26 over HTTP: the customer files on the web (no token), gets the acknowledgement with the code
 * by email, an agent finds the case in the to-typify queue and typifies it, and the legal term still
 * counts from the filing; the customer then tracks it with the number and the code.
 */
describe('HTTP: filing on the web, untypified, typified by an agent', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z')); // Monday 10:00 in Bogotá
  const mailbox = new SmtpMailbox();
  let t: TestApp;
  let cases: CaseDriver;

  beforeAll(async () => {
    await mailbox.start();
    t = await startTestApp({
      clock,
      config: { MAIL_OUTBOX: 'on', MAIL_TICK_MS: '3600000', SMTP_URL: mailbox.url, MAIL_FROM: 'PQR <pqr@pqr.example.co>', MAIL_COMPANY_NAME: COMPANY },
    });
    cases = new CaseDriver(t);
  });
  afterAll(async () => {
    await t?.close();
    await mailbox.stop();
  });

  const deliver = () => t.app.get(MailOutbox).manager.runOnce();
  const toTypify = async (token = bearer('agent')) =>
    (await t.http().get('/queues/to-typify').query({ minPosition: await t.headPosition() }).set('Authorization', token).expect(200)).body as {
      items: Array<{ caseId: string; filingNumber: string; status: string; channel: string; kind: string; filedAt: string; dueAt: string }>;
    };

  let inquiry: { filingNumber: string; verificationCode: string; filedAt: string; dueAt: string };

  it('shows the form: the six kinds and the document types in Spanish, the policy naming the company, the limits, how to send documents', async () => {
    const form = (await t.http().get('/public/filing-form').expect(200)).body;
    expect(form.kinds).toEqual([
      { value: 'petition', label: 'Petición' },
      { value: 'complaint', label: 'Queja' },
      { value: 'claim', label: 'Reclamo' },
      { value: 'suggestion', label: 'Sugerencia' },
      { value: 'report', label: 'Denuncia' },
      { value: 'inquiry', label: 'Consulta' },
    ]);
    expect(form.documentTypes).toContainEqual({ value: 'CC', label: 'Cédula de ciudadanía' });
    expect(form.privacyPolicy).toEqual({ version: '2026-01', text: expect.stringContaining(`${COMPANY} tratará los datos personales`) });
    expect(form.limits).toMatchObject({ fullName: 200, subject: 200, facts: 10000, request: 5000 });
    expect(form.documentsByEmail).toContain('responda al correo de confirmación');
    // The OpenAPI document states the version a filing must accept (a generator then sends it).
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    expect(doc.components.schemas.WebConsentDto.properties.policyVersion).toMatchObject({ type: 'string', pattern: '^2026-01$' });
  });

  it('files once however often the form is sent with its Idempotency-Key: CaseFiled only, on the web, by the customer, due by the kind chosen', async () => {
    const body = { ...validWebFiling(), kind: 'inquiry', company: 'Rojas SAS' };
    // The catalog's seed (ADR 44) is all the store held before.
    const start = await t.headPosition();
    const sends = await Promise.all([1, 2, 3].map(() => t.http().post('/public/cases').set('Idempotency-Key', 'form-render-1').send(body)));
    expect(sends.map((response) => response.status)).toEqual([201, 201, 201]);
    expect(new Set(sends.map((response) => JSON.stringify(response.body))).size).toBe(1);
    inquiry = sends[0].body;
    // 30 business days for a consulta, from Monday 2 March 2026.
    expect(inquiry).toEqual({ filingNumber: expect.stringMatching(/^2026-\d{6}$/), verificationCode: expect.stringMatching(/^[A-Z2-9]{6}$/), filedAt: '2026-03-02T10:00:00.000-05:00', dueAt: '2026-04-16T23:59:59.999-05:00' });
    expect(await t.headPosition()).toBe(start + 1);
    // The receipt's link works at once: the filing answered once the tracking read models had the case.
    await t.http().get(`/public/cases/${inquiry.filingNumber}`).query({ code: inquiry.verificationCode }).expect(200);

    const [filed] = await cases.history(await cases.caseIdOf(inquiry.filingNumber));
    expect(filed).toMatchObject({ type: 'CaseFiled', data: { channel: 'web', filedBy: 'customer:web', consent: { channel: 'web', policyVersion: '2026-01', givenAt: '2026-03-02T10:00:00.000-05:00' } }, metadata: { actorId: 'customer:web' } });
    expect(filed.data.petitioner).toEqual({ fullName: 'María Fernanda Rojas', documentType: 'CC', documentNumber: '1020304050', email: 'maria.rojas@example.com', phone: '+57 300 123 4567', company: 'Rojas SAS' });
  });

  it('emails the acknowledgement with the filing number and the code, saying an agent will review it and naming no typology', async () => {
    expect((await deliver()).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    const [mail] = mailbox.inbox;
    expect(mail).toMatchObject({ to: ['maria.rojas@example.com'], subject: `[${inquiry.filingNumber}] Hemos radicado su consulta` });
    expect(mail.text).toContain(inquiry.verificationCode);
    expect(mail.text).toContain('Un asesor revisará su solicitud para clasificarla');
    expect(mail.text).toContain(`/casos/${inquiry.filingNumber}`);
    expect(mail.text).not.toMatch(/tipolog|tipific/i);
  });

  it('lists the untypified cases oldest first to agents and supervisors, not to backoffice agents', async () => {
    clock.set('2026-03-03T15:00:00Z');
    // A claim filed later is due sooner (15 business days): the queue still shows the older filing first.
    const claim = await cases.fileOnTheWeb();
    const queue = await toTypify();
    expect(queue.items.map((item) => item.filingNumber)).toEqual([inquiry.filingNumber, claim.filingNumber]);
    expect(queue.items[0]).toMatchObject({ status: 'to_typify', channel: 'web', kind: 'inquiry', dueAt: inquiry.dueAt });
    expect((await toTypify(bearer('supervisor'))).items).toHaveLength(2);
    await t.http().get('/queues/to-typify').set('Authorization', bearer('backoffice')).expect(403);
    const summary = await t.http().get('/queues/summary').query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
    expect(summary.body.queues).toMatchObject({ to_typify: 2, unassigned: 0 });
  });

  it('refuses to assign a case nobody typified (409 CASE.WRONG_STATUS)', async () => {
    const caseId = await cases.caseIdOf(inquiry.filingNumber);
    const response = await cases.command(caseId, 'assignment', 'supervisor', { backofficeId: 'bo-beto' });
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'CASE.WRONG_STATUS' });
  });

  it('any agent typifies it days later: the case waits for distribution, its legal term still counted from the filing', async () => {
    clock.set('2026-03-05T15:00:00Z');
    const caseId = await cases.caseIdOf(inquiry.filingNumber);
    const typified = await t.http().post(`/cases/${caseId}/typification`).set('Authorization', t.token('agent-luis', 'agent')).send({ kind: 'claim', typology: 'billing', motive: 'duplicate-charge' });
    expect(typified.status).toBe(200);
    const view = (await t.http().get(`/cases/${caseId}`).query({ minPosition: typified.body.position }).set('Authorization', bearer('supervisor')).expect(200)).body;
    // A claim: 15 business days from Monday 2 March (not from Thursday 5 March).
    expect(view).toMatchObject({ status: 'filed', kind: 'claim', typology: 'billing', typifiedBy: 'agent-luis', filedAt: inquiry.filedAt, dueAt: '2026-03-24T23:59:59.999-05:00' });
    expect((await toTypify()).items.map((item) => item.filingNumber)).not.toContain(inquiry.filingNumber);
    const unassigned = await t.http().get('/queues/unassigned').query({ minPosition: typified.body.position }).set('Authorization', bearer('supervisor')).expect(200);
    expect(unassigned.body.items.map((item: { filingNumber: string }) => item.filingNumber)).toEqual([inquiry.filingNumber]);
  });

  it('lets the customer track it with the filing number and the code', async () => {
    const tracked = await t.http().get(`/public/cases/${inquiry.filingNumber}`).query({ code: inquiry.verificationCode }).expect(200);
    expect(tracked.body).toMatchObject({ filingNumber: inquiry.filingNumber, status: 'filed' });
    expect(tracked.body.entries).toContainEqual(expect.objectContaining({ channel: 'web', description: `Caso radicado con el número ${inquiry.filingNumber}` }));
    await t.http().get(`/public/cases/${inquiry.filingNumber}`).query({ code: 'WRONG1' }).expect(404);
  });
});

describe('HTTP: filing on the web is throttled per client address like every /public route', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { PUBLIC_RATE_LIMIT: '2' } });
  });
  afterAll(() => t?.close());

  it('files the first two from one address within the minute, answers the third 429 and files nothing more', async () => {
    const statuses: number[] = [];
    const start = await t.headPosition();
    for (let i = 0; i < 3; i++) statuses.push((await t.http().post('/public/cases').send(validWebFiling())).status);
    expect(statuses).toEqual([201, 201, 429]);
    expect(await t.headPosition()).toBe(start + 2);
  });
});
