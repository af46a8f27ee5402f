import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { caseStreamId } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { MailOutbox } from '@app/processes';
import { SmtpMailbox } from './support/smtp-mailbox';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';

const SECRET = 'inbound-secret-for-the-mail-gateway-0123456789';
const PETITIONER = validFiling().petitioner;
const fixture = (name: string, values: Record<string, string>) =>
  Object.entries({ NONCE: 'n1', IN_REPLY_TO: '<none@example.com>', ...values }).reduce(
    (text, [key, value]) => text.split(`{{${key}}}`).join(value),
    readFileSync(join(__dirname, 'fixtures', 'inbound', name), 'latin1'),
  );

/**
 * The email channel inside the API (PROJECTOR=in-process), over HTTP and a real SMTP server on
 * loopback, with a clock the test moves: the outbox delivers when the test asks it to tick (its
 * background loop ticks hourly here), and the customer's emails come back through POST /inbound/email.
 */
describe('HTTP: the email channel — customer messages out, customer emails back into their case', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z')); // Monday 10:00 in Bogotá
  const mailbox = new SmtpMailbox();
  let t: TestApp;
  let agent: string, supervisor: string, backoffice: string, auditor: string;

  beforeAll(async () => {
    await mailbox.start();
    t = await startTestApp({
      clock,
      config: { MAIL_OUTBOX: 'on', MAIL_TICK_MS: '3600000', SMTP_URL: mailbox.url, MAIL_FROM: 'PQR <pqr@pqr.example.co>', INBOUND_EMAIL_SECRET: SECRET, MAIL_SERVICE_LINE: '601 555 0100' },
    });
    await createAssignablePeople(t);
    agent = t.token('agent-ana', 'agent');
    supervisor = t.token('sup-sofia', 'supervisor');
    backoffice = t.token('bo-beto', 'backoffice');
    auditor = t.token('aud-aurora', 'auditor');
  });
  afterAll(async () => {
    await t?.close();
    await mailbox.stop();
  });

  const deliver = () => t.app.get(MailOutbox).manager.runOnce();
  const at = (instant: string) => clock.set(instant);
  const command = async (caseId: string, path: string, token: string, body: object) => {
    const response = await t.http().post(`/cases/${caseId}/${path}`).set('Authorization', token).send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ status: 200 });
    return response.body.position as number;
  };
  const history = async (caseId: string) => t.app.get<EventStore>(EVENT_STORE).readStream(caseStreamId(caseId));
  const caseView = async (caseId: string, minPosition: number) =>
    (await t.http().get(`/cases/${caseId}`).query({ minPosition }).set('Authorization', backoffice).expect(200)).body;
  const postEmail = (raw: string, secret: string | null = SECRET) => {
    const request = t.http().post('/inbound/email').set('Content-Type', 'message/rfc822');
    return (secret === null ? request : request.set('X-Inbound-Secret', secret)).send(Buffer.from(raw, 'latin1'));
  };
  const fileInProgress = async () => {
    // One petitioner for every case here: each is a matter apart (one issue, one case).
    const filed = await t.http().post('/cases').set('Authorization', agent).send({ ...validFiling(), petitioner: PETITIONER, distinctMatter: true }).expect(201);
    const caseId = filed.body.caseId as string;
    await command(caseId, 'assignment', supervisor, { backofficeId: 'bo-beto' });
    const position = await command(caseId, 'typification-review', backoffice, { consistent: true });
    await caseView(caseId, position); // the read models know the filing number before the customer writes
    return { caseId, filingNumber: filed.body.filingNumber as string };
  };

  let main: { caseId: string; filingNumber: string };

  it('filing: the acknowledgement reaches the petitioner with the filing number in the subject', async () => {
    main = await fileInProgress();
    expect((await deliver()).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    expect(mailbox.inbox).toHaveLength(1);
    expect(mailbox.inbox[0]).toMatchObject({ to: [PETITIONER.email], subject: `[${main.filingNumber}] Hemos radicado su reclamo` });
    expect(mailbox.inbox[0].messageId).toMatch(/@pqr\.example\.co>$/);
  });

  it('a reply to the information request, with quoted history, threaded by In-Reply-To: InformationReceived with the customer\'s own words', async () => {
    at('2026-03-03T15:00:00Z');
    await command(main.caseId, 'information-requests', backoffice, { message: 'Envíe el número de la factura' });
    await deliver();
    const request = mailbox.inbox[1];
    expect(request.subject).toContain(`[${main.filingNumber}]`);

    at('2026-03-04T14:15:00Z');
    const raw = fixture('reply-quoted.eml', { FILING: main.filingNumber, IN_REPLY_TO: request.messageId });
    const response = await postEmail(raw).expect(202);
    expect(response.body).toMatchObject({ outcome: 'information', caseId: main.caseId, replayed: false });
    expect((await caseView(main.caseId, response.body.position)).status).toBe('in_progress');
    const received = (await history(main.caseId)).filter((event) => event.type === 'InformationReceived');
    expect(received).toHaveLength(1);
    expect(received[0].data).toMatchObject({ channel: 'email', receivedBy: 'system:mail' });
    expect(received[0].data.summary).toContain('El número de la factura es 778899');
    expect(received[0].data.summary).not.toContain('Para continuar con su caso');

    // The gateway posts the same message again: the first result, nothing appended.
    const head = await t.headPosition();
    expect((await postEmail(raw).expect(202)).body).toMatchObject({ outcome: 'information', replayed: true });
    expect(await t.headPosition()).toBe(head);
  });

  it('an HTML-only reply within the 3 business days after the response: CounterReplyReceived, the case reopens', async () => {
    at('2026-03-04T20:00:00Z');
    await command(main.caseId, 'responses', backoffice, { body: 'Reversamos el cobro duplicado.', outcome: 'resolved', decision: 'favourable' });
    expect((await deliver()).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    at('2026-03-05T15:00:00Z');
    const response = await postEmail(fixture('html-only.eml', { FILING: main.filingNumber })).expect(202);
    expect(response.body).toMatchObject({ outcome: 'counter_reply', caseId: main.caseId });
    expect((await caseView(main.caseId, response.body.position)).status).toBe('in_progress');
    const [email] = (await history(main.caseId)).filter((event) => event.type === 'CustomerEmailReceived' && event.data.disposition === 'counter_reply');
    expect(email.data.body).toContain('el cobro sigue en la factura de marzo');
    expect(email.data.body).toContain('Quedo atenta & agradezco su ayuda.');
    expect(email.data.body).not.toContain('Respuesta anterior');
  });

  it('an ISO-8859-1 email after the window: a note on the case, and an automatic answer pointing to the service line', async () => {
    at('2026-03-05T20:00:00Z');
    await command(main.caseId, 'responses', backoffice, { body: 'Corregimos la factura de marzo.', outcome: 'resolved', decision: 'favourable' });
    expect((await deliver()).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    at('2026-03-16T15:00:00Z'); // the window closed on Tuesday 10 March
    const before = mailbox.inbox.length;
    const response = await postEmail(fixture('iso-8859-1.eml', { FILING: main.filingNumber })).expect(202);
    expect(response.body).toMatchObject({ outcome: 'late', caseId: main.caseId });
    const [late] = (await history(main.caseId)).filter((event) => event.type === 'CustomerEmailReceived' && event.data.disposition === 'late');
    expect(late.data).toMatchObject({ subject: `Re: [${main.filingNumber}] Sigo sin solución`, body: 'Señores, la solución no llegó. ¿Qué debo hacer?' });
    expect((await caseView(main.caseId, response.body.position)).status).toBe('responded');

    expect((await deliver()).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    const answer = mailbox.inbox[mailbox.inbox.length - 1];
    expect(mailbox.inbox.length).toBe(before + 1);
    expect(answer.to).toEqual([PETITIONER.email]);
    expect(answer.subject).toBe(`[${main.filingNumber}] Hemos recibido su mensaje`);
    expect(answer.text).toContain('601 555 0100');
    expect(answer.text).toContain(`citando el número ${main.filingNumber}`);
  });

  it('attachments are kept: name, type and size in the event, the content under DATA_DIR/attachments/<petitionerId>', async () => {
    const other = await fileInProgress();
    const petitionerId = (await history(other.caseId))[0].data.petitionerId as string;
    const response = await postEmail(fixture('with-attachments.eml', { FILING: other.filingNumber })).expect(202);
    expect(response.body).toMatchObject({ outcome: 'noted', caseId: other.caseId });
    const [email] = (await history(other.caseId)).filter((event) => event.type === 'CustomerEmailReceived');
    const attachments = email.data.attachments as Array<{ name: string; contentType: string; size: number; storageKey: string }>;
    expect(attachments.map(({ name, contentType }) => ({ name, contentType }))).toEqual([
      { name: 'factura-febrero.pdf', contentType: 'application/pdf' },
      { name: 'captura.png', contentType: 'image/png' },
    ]);
    for (const attachment of attachments) {
      const file = join(t.dataDir, 'attachments', petitionerId, attachment.storageKey);
      expect(existsSync(file)).toBe(true);
      expect(readFileSync(file).length).toBe(attachment.size);
    }
    expect(readFileSync(join(t.dataDir, 'attachments', petitionerId, attachments[0].storageKey), 'latin1')).toContain('factura 778899');
  });

  it('an unknown filing number goes to the unmatched queue; a supervisor reads it (paged) and attaches it to its case', async () => {
    const response = await postEmail(fixture('unknown-filing-number.eml', {})).expect(202);
    expect(response.body).toEqual({ outcome: 'unmatched', unmatchedId: expect.any(String) });
    const second = await postEmail(fixture('unknown-filing-number.eml', { NONCE: 'n2' })).expect(202);
    const queue = await t.http().get('/mail/unmatched').set('Authorization', supervisor).expect(200);
    expect(queue.body).toEqual({
      items: [
        expect.objectContaining({ unmatchedId: response.body.unmatchedId, subject: 'Re: [1999-999999] Consulta', body: 'Quisiera saber el estado de mi solicitud.' }),
        expect.objectContaining({ unmatchedId: second.body.unmatchedId }),
      ],
      nextCursor: null,
    });
    expect(JSON.stringify(queue.body)).not.toContain('alguien@example.org');
    const first = await t.http().get('/mail/unmatched?limit=1').set('Authorization', supervisor).expect(200);
    expect(first.body.items.map((item: { unmatchedId: string }) => item.unmatchedId)).toEqual([response.body.unmatchedId]);
    const next = await t.http().get('/mail/unmatched').query({ limit: 1, cursor: first.body.nextCursor }).set('Authorization', supervisor).expect(200);
    expect(next.body).toEqual({ items: [expect.objectContaining({ unmatchedId: second.body.unmatchedId })], nextCursor: null });
    for (const cursor of ['garbage', Buffer.from('-1').toString('base64url'), Buffer.from('1.5').toString('base64url')]) {
      const bad = await t.http().get('/mail/unmatched').query({ cursor }).set('Authorization', supervisor);
      expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION.FAILED' });
    }
    await t.http().get('/mail/unmatched').set('Authorization', backoffice).expect(403);

    const attached = await t.http().post(`/mail/unmatched/${response.body.unmatchedId}/case`).set('Authorization', supervisor).send({ caseId: main.caseId }).expect(200);
    expect(attached.body).toMatchObject({ caseId: main.caseId });
    const [attachedEmail] = (await history(main.caseId)).filter((event) => event.type === 'CustomerEmailReceived' && event.data.subject === 'Re: [1999-999999] Consulta');
    expect(attachedEmail.data.body).toBe('Quisiera saber el estado de mi solicitud.');
    expect((await t.http().get('/mail/unmatched').set('Authorization', supervisor).expect(200)).body.items.map((item: { unmatchedId: string }) => item.unmatchedId)).toEqual([
      second.body.unmatchedId,
    ]);
    const again = await t.http().post(`/mail/unmatched/${response.body.unmatchedId}/case`).set('Authorization', supervisor).send({ caseId: main.caseId });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'MAIL.ALREADY_ATTACHED' });
    const unknown = await t.http().post(`/mail/unmatched/${main.caseId}/case`).set('Authorization', supervisor).send({ caseId: main.caseId });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'MAIL.UNMATCHED_NOT_FOUND' });
  });

  it('a forged request without the secret, or with a wrong one, gets 401 and appends nothing', async () => {
    const head = await t.headPosition();
    const raw = fixture('iso-8859-1.eml', { FILING: main.filingNumber, NONCE: 'forged' });
    for (const secret of [null, 'wrong-secret', `${SECRET}x`]) {
      const response = await postEmail(raw, secret);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
    }
    // A staff token is no substitute for the secret.
    await t.http().post('/inbound/email').set('Authorization', auditor).set('Content-Type', 'message/rfc822').send(raw).expect(401);
    expect(await t.headPosition()).toBe(head);
  });

  it('the case has each message delivered once, and no address in any event but CaseFiled (Ley 1581)', async () => {
    const events = await history(main.caseId);
    const delivered = events.filter((event) => event.type === 'EmailDelivered').map((event) => event.data.sourceEventType);
    expect(delivered).toEqual(['CaseFiled', 'InformationRequested', 'ResponseSent', 'ResponseSent', 'CustomerEmailReceived']);
    // The email attached from the queue came after the window too: its answer is pending in the outbox (with the second case's acknowledgement).
    const pending = await deliver();
    expect(pending.filter((delivery) => delivery.caseId === main.caseId).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    expect(pending.map((delivery) => delivery.outcome)).toEqual(['delivered', 'delivered']);
    for (const event of events.filter((candidate) => candidate.type !== 'CaseFiled')) {
      expect(JSON.stringify(event.data)).not.toContain(PETITIONER.email);
    }
  });
});
