import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId, MAIL_ACTOR_ID } from '@app/domain';
import { actors, consent, petitioner, PETITIONER_ID } from '@app/domain/testing/case-histories';
import { EventStore, EventStoreUnavailableError } from '@app/event-store';
import { EmlFileMailTransport, MailTransport, SmtpMailTransport } from '@app/mail/transport';
import { ManualClock, sendAs } from '@app/runtime';
import { createMailOutboxProjection } from './mail-outbox.projection';
import { MailCommandSender, MailOutboxProcessManager } from './mail-outbox-process-manager';
import { CommandPath, startCommandPath } from '../../../../test/support/command-path';
import { SmtpMailbox } from '../../../../test/support/smtp-mailbox';
import { createAssignablePeople } from '../../../../test/support/assignable-people';
import type { CaseCommandInput } from '@app/runtime';

const CASE_ID = '5a1a0000-0000-4000-8000-0000000000e1';
const FILED_AT = '2026-03-02T10:00:00-05:00'; // Monday
const FILING_NUMBER = '2026-000007';
const settings = { companyName: 'Servicios Públicos del Valle S.A.', publicBaseUrl: 'https://pqr.example.co', serviceLine: '601 555 0100', messageIdDomain: 'pqr.example.co' };
const DAY = 24 * 3600_000;

interface MailRun {
  manager: MailOutboxProcessManager;
  path: CommandPath;
}

describe('email outbox, delivering to a real SMTP server on loopback', () => {
  let dir: string;
  let clock: ManualClock;
  let mailbox: SmtpMailbox;
  let running: MailRun[] = [];
  const transports: MailTransport[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pqr-mail-'));
    clock = new ManualClock(new Date(FILED_AT));
    mailbox = new SmtpMailbox();
    await mailbox.start();
  });
  afterEach(async () => {
    for (const run of running) await run.path.close();
    running = [];
    for (const transport of transports.splice(0)) transport.close();
    await mailbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startRun(
    options: { transport?: MailTransport; send?: (real: MailCommandSender) => MailCommandSender; events?: (real: EventStore) => EventStore } = {},
  ): Promise<MailRun> {
    const path = await startCommandPath(dir, clock);
    const transport = options.transport ?? new SmtpMailTransport(mailbox.url, { timeoutMs: 5_000 });
    transports.push(transport);
    const real = sendAs(path.bus, { id: MAIL_ACTOR_ID, roles: [] });
    const manager = new MailOutboxProcessManager(options.events ? options.events(path.events) : path.events, path.readStore, createMailOutboxProjection(settings), {
      now: () => clock.now(),
      send: options.send ? options.send(real) : real,
      transport,
      from: 'PQR Servicios del Valle <pqr@pqr.example.co>',
      settings,
      acting: true,
      maxAgeMs: 7 * DAY,
      retry: { firstDelayMs: 60_000, maxDelayMs: 3_600_000 },
      log: () => {},
    });
    const run = { manager, path };
    running.push(run);
    return run;
  }

  async function act(run: MailRun, at: string, command: CaseCommandInput, actor = actors.backoffice): Promise<void> {
    clock.set(at);
    const context = { actor, requestHash: `h-${at}-${command.type}`, correlationId: 'test' };
    if (command.type === 'AssignCase') await createAssignablePeople(run.path.directory);
    await run.path.commands.execute(CASE_ID, command, context);
  }

  async function fileAndStart(run: MailRun): Promise<void> {
    const data = {
      caseId: CASE_ID, filingNumber: FILING_NUMBER, verificationCode: 'QW7E2R', kind: 'claim', typology: 'billing', motive: 'duplicate-charge',
      channel: 'phone', subject: 'Cobro duplicado', facts: 'Dos cobros en febrero', request: 'Reversar', attachments: [], petitionerId: PETITIONER_ID, petitioner, consent,
    };
    await act(run, FILED_AT, { type: 'FileCase', data } as CaseCommandInput, actors.agent);
    await act(run, '2026-03-02T11:00:00-05:00', { type: 'AssignCase', data: { backofficeId: actors.backoffice.id } }, actors.supervisor);
    await act(run, '2026-03-02T12:00:00-05:00', { type: 'ReviewTypification', data: { consistent: true } });
  }

  async function mailFacts() {
    const events = await running[0].path.events.readStream(caseStreamId(CASE_ID));
    return events.filter((event) => event.type.startsWith('Email')).map((event) => ({ type: event.type, commandId: event.metadata.commandId, data: event.data }));
  }

  const subjects = () => mailbox.inbox.map((mail) => mail.subject);

  it('the whole lifecycle: one message per step, to the petitioner, with the filing number in the subject', async () => {
    const run = await startRun();
    await fileAndStart(run);
    await act(run, '2026-03-03T09:00:00-05:00', { type: 'RequestInformation', data: { message: 'Envíe la factura de febrero' } });
    await act(run, '2026-03-04T09:00:00-05:00', { type: 'ReceiveInformation', data: { summary: 'Factura recibida', channel: 'email' } });
    await act(run, '2026-03-05T09:00:00-05:00', { type: 'ExtendDeadline', data: { businessDays: 5, reason: 'Se requiere concepto del área de facturación' } });
    await act(run, '2026-03-06T09:00:00-05:00', { type: 'SendResponse', data: { body: 'Reversamos el cobro duplicado.', outcome: 'resolved', decision: 'favourable' } });
    await act(run, '2026-03-06T10:00:00-05:00', { type: 'CloseCase', data: { reason: 'Resuelto' } }, actors.supervisor);
    expect((await run.manager.runOnce()).map((delivery) => delivery.outcome)).toEqual(Array(5).fill('delivered'));
    expect(await run.manager.runOnce()).toEqual([]);

    expect(subjects()).toEqual([
      `[${FILING_NUMBER}] Hemos radicado su reclamo`,
      expect.stringMatching(new RegExp(`^\\[${FILING_NUMBER}\\] `)),
      expect.stringMatching(new RegExp(`^\\[${FILING_NUMBER}\\] `)),
      expect.stringMatching(new RegExp(`^\\[${FILING_NUMBER}\\] `)),
      expect.stringMatching(new RegExp(`^\\[${FILING_NUMBER}\\] `)),
    ]);
    expect(mailbox.transmissions).toHaveLength(5);
    for (const mail of mailbox.inbox) {
      expect(mail.to).toEqual([petitioner.email]);
      expect(mail.messageId).toMatch(new RegExp(`^<pqr\\.${CASE_ID}\\.[0-9a-f-]+@pqr\\.example\\.co>$`));
      expect(mail.html).toContain('<html lang="es-CO">');
    }
    const [ack, request, extension, response, closure] = mailbox.inbox;
    expect(ack.text).toContain('QW7E2R');
    expect(request.text).toContain('Envíe la factura de febrero');
    expect(extension.text).toContain('Se requiere concepto del área de facturación');
    expect(response.text).toContain('Reversamos el cobro duplicado.');
    expect(closure.text).toContain(`https://pqr.example.co/casos/${FILING_NUMBER}/encuesta`);

    const facts = await mailFacts();
    expect(facts.map((fact) => fact.type)).toEqual(Array(5).fill('EmailDelivered'));
    expect(facts.map((fact) => fact.data.sourceEventType)).toEqual(['CaseFiled', 'InformationRequested', 'DeadlineExtended', 'ResponseSent', 'CaseClosed']);
    for (const fact of facts) expect(fact.commandId).toBe(`mail:${fact.data.sourceEventId}:delivered`);
    // Ley 1581: the address stays in CaseFiled and the outbox; no delivery event names it.
    expect(JSON.stringify(facts)).not.toContain(petitioner.email);
  });

  it('the event store down when a message is rendered (its source event is read back): nothing sent or recorded, sent at the next tick', async () => {
    let down = false;
    const run = await startRun({ events: (real) => withReadStreamDown(real, () => down) });
    await fileAndStart(run);
    await run.manager.catchUp();
    down = true;
    expect((await run.manager.runOnce()).map(({ outcome, error }) => ({ outcome, error }))).toEqual([{ outcome: 'unrecorded', error: 'event store down' }]);
    expect(mailbox.transmissions).toHaveLength(0);
    expect(await mailFacts()).toEqual([]);
    down = false;
    expect((await run.manager.runOnce()).map(({ outcome, attempt }) => ({ outcome, attempt }))).toEqual([{ outcome: 'delivered', attempt: 1 }]);
    expect(subjects()).toEqual([`[${FILING_NUMBER}] Hemos radicado su reclamo`]);
  });

  it('a transfer (art. 21) sends the petition to the entity address and a copy to the petitioner, each recorded as delivered', async () => {
    const run = await startRun();
    await fileAndStart(run);
    await run.manager.runOnce();
    await act(run, '2026-03-03T09:00:00-05:00', { type: 'TransferCase', data: { entity: 'Superintendencia de Servicios Públicos', entityEmail: 'radicacion@sspd.gov.co', reason: 'Competencia de la SSPD' } }, actors.supervisor);
    expect((await run.manager.runOnce()).map(({ addressee, outcome }) => [addressee, outcome])).toEqual([['petitioner', 'delivered'], ['entity', 'delivered']]);
    expect(await run.manager.runOnce()).toEqual([]);

    const [, copy, petition] = mailbox.inbox;
    expect(copy.to).toEqual([petitioner.email]);
    expect(copy.text).toContain('trasladado a Superintendencia de Servicios Públicos');
    expect(copy.text).toContain('radicacion@sspd.gov.co');
    expect(petition.to).toEqual(['radicacion@sspd.gov.co']);
    expect(petition.subject).toBe(`[${FILING_NUMBER}] Traslado por competencia de la petición radicada con el número ${FILING_NUMBER}`);
    for (const expected of ['Señores Superintendencia de Servicios Públicos:', 'Competencia de la SSPD', 'Cobro duplicado', 'Dos cobros en febrero', 'Reversar', petitioner.fullName, petitioner.documentNumber]) {
      expect(petition.text).toContain(expected);
    }
    expect(petition.messageId).toMatch(new RegExp(`^<pqr\\.${CASE_ID}\\.[0-9a-f-]+\\.entity@pqr\\.example\\.co>$`));
    expect(petition.messageId).not.toBe(copy.messageId);

    const transferFacts = (await mailFacts()).filter((fact) => fact.data.sourceEventType === 'CaseTransferred');
    expect(transferFacts.map((fact) => [fact.type, fact.data.addressee, fact.commandId])).toEqual([
      ['EmailDelivered', 'petitioner', `mail:${transferFacts[0].data.sourceEventId}:delivered`],
      ['EmailDelivered', 'entity', `mail:${transferFacts[0].data.sourceEventId}:entity:delivered`],
    ]);
    expect(JSON.stringify(transferFacts)).not.toMatch(/@example|@sspd/);
  });

  it('a tacit withdrawal (art. 17) is notified to the petitioner: why, since when, the recurso de reposición; the case records the delivery', async () => {
    const run = await startRun();
    await fileAndStart(run);
    await act(run, '2026-03-03T09:00:00-05:00', { type: 'RequestInformation', data: { message: 'Envíe la factura de febrero' } });
    await run.manager.runOnce();
    const requested = (await run.path.events.readStream(caseStreamId(CASE_ID))).find((event) => event.type === 'InformationRequested')!;
        // A month after 3 March is Good Friday 3 April 2026, a holiday: the term ends on Monday the 6th.
    expect(requested.data.tacitWithdrawalAt).toBe('2026-04-06T23:59:59.999-05:00');
    const withdrawal = { informationRequestedAt: String(requested.data.requestedAt), dueAt: String(requested.data.tacitWithdrawalAt) };
    await act(run, '2026-04-07T09:00:00-05:00', { type: 'WithdrawCase', data: withdrawal }, { id: 'system:sla', roles: [] });
    expect((await run.manager.runOnce()).map(({ outcome }) => outcome)).toEqual(['delivered']);

    const notice = mailbox.inbox[mailbox.inbox.length - 1];
    expect(notice.to).toEqual([petitioner.email]);
    expect(notice.subject).toBe(`[${FILING_NUMBER}] Desistimiento tácito de su solicitud`);
    expect(notice.text).toContain('El 3 de marzo de 2026 le solicitamos información');
    expect(notice.text).toContain('recurso de reposición');
    expect(notice.text).toContain(`nueva solicitud citando el número ${FILING_NUMBER}`);
    const [delivered] = (await mailFacts()).filter((fact) => fact.data.sourceEventType === 'CaseWithdrawn');
    expect(delivered).toMatchObject({ type: 'EmailDelivered', data: { addressee: 'petitioner', messageId: notice.messageId } });
  });

  it('a case resolved at first line: the acknowledgement says so, with the resolution and the survey, and promises no due date', async () => {
    const run = await startRun();
    const data = {
      caseId: CASE_ID, filingNumber: FILING_NUMBER, verificationCode: 'QW7E2R', kind: 'inquiry', typology: 'general-information', motive: 'tariff',
      channel: 'phone', subject: 'Tarifa del plan', facts: 'Pregunta por la tarifa', request: 'Conocer la tarifa', attachments: [], petitionerId: PETITIONER_ID, petitioner, consent,
      firstLineResolution: { resolution: 'Se explicó la tarifa vigente del plan.' },
    };
    await act(run, FILED_AT, { type: 'FileCase', data } as CaseCommandInput, actors.agent);
    expect((await run.manager.runOnce()).map(({ outcome }) => outcome)).toEqual(['delivered']);
    const [ack] = mailbox.inbox;
    expect(ack.subject).toBe(`[${FILING_NUMBER}] Hemos resuelto su consulta`);
    expect(ack.text).toContain('> Se explicó la tarifa vigente del plan.');
    expect(ack.text).toContain(`https://pqr.example.co/casos/${FILING_NUMBER}/encuesta`);
    expect(ack.text).not.toContain('Fecha máxima de respuesta');
    expect(ack.text).not.toContain('30 días hábiles');
  });

  it('SMTP down: EmailDeliveryFailed with the next attempt (backoff); delivered once the server is up, not before the next attempt', async () => {
    const run = await startRun();
    await mailbox.stop();
    await fileAndStart(run);
    const [failed] = await run.manager.runOnce();
    expect(failed).toMatchObject({ outcome: 'failed', attempt: 1 });
    expect(await run.manager.runOnce()).toEqual([]); // the next attempt is a minute away

    clock.set('2026-03-02T12:01:00-05:00');
    expect((await run.manager.runOnce()).map((delivery) => delivery.outcome)).toEqual(['failed']); // still down
    clock.set('2026-03-02T12:02:30-05:00');
    expect(await run.manager.runOnce()).toEqual([]); // the second wait is two minutes

    await mailbox.start();
    clock.set('2026-03-02T12:03:00-05:00');
    expect((await run.manager.runOnce()).map(({ outcome, attempt }) => ({ outcome, attempt }))).toEqual([{ outcome: 'delivered', attempt: 3 }]);
    expect(mailbox.inbox.map((mail) => mail.subject)).toEqual([`[${FILING_NUMBER}] Hemos radicado su reclamo`]);
    const facts = await mailFacts();
    expect(facts.map((fact) => [fact.type, fact.data.attempt, fact.data.nextAttemptAt ?? null])).toEqual([
      ['EmailDeliveryFailed', 1, '2026-03-02T17:01:00.000Z'],
      ['EmailDeliveryFailed', 2, '2026-03-02T17:03:00.000Z'],
      ['EmailDelivered', 3, null],
    ]);
    expect(String(facts[0].data.error)).toMatch(/ECONNREFUSED|connect/i);
  });

  it('killed between sending and recording, restarted: sent again with the same Message-ID, the customer has one message, one EmailDelivered', async () => {
    let crashed = false;
    const first = await startRun({
      send: () => async () => {
        crashed = true;
        throw new Error('killed before recording');
      },
    });
    await fileAndStart(first);
    await first.manager.runOnce();
    expect(crashed).toBe(true);
    expect(mailbox.transmissions).toHaveLength(1);
    await first.path.close();

    const second = await startRun();
    expect((await second.manager.runOnce()).map((delivery) => delivery.outcome)).toEqual(['delivered']);
    expect(await second.manager.runOnce()).toEqual([]);
    expect(mailbox.transmissions.map((mail) => mail.messageId)).toEqual([mailbox.transmissions[0].messageId, mailbox.transmissions[0].messageId]);
    expect(mailbox.inbox).toHaveLength(1);
    running = running.filter((run) => run !== first);
    expect((await mailFacts()).map((fact) => fact.type)).toEqual(['EmailDelivered']);
  });

  it('two outboxes by mistake: the deterministic command id and the decider make one EmailDelivered', async () => {
    const a = await startRun();
    const b = await startRun();
    await fileAndStart(a);
    const outcomes = (await Promise.all([a.manager.runOnce(), b.manager.runOnce()])).flat().map((delivery) => delivery.outcome);
    expect(outcomes.filter((outcome) => outcome === 'delivered').length).toBeGreaterThanOrEqual(1);
    expect(mailbox.inbox).toHaveLength(1);
    expect((await mailFacts()).map((fact) => fact.type)).toEqual(['EmailDelivered']);
  });

  it('the embedded default writes each message as <Message-ID>.eml under DATA_DIR/mail, once', async () => {
    const mailDir = join(dir, 'mail');
    const run = await startRun({ transport: new EmlFileMailTransport(mailDir) });
    await fileAndStart(run);
    await run.manager.runOnce();
    const files = readdirSync(mailDir);
    expect(files).toEqual([`pqr.${CASE_ID}.${(await mailFacts())[0].data.sourceEventId}@pqr.example.co.eml`]);
    await new EmlFileMailTransport(mailDir).deliver({ from: 'a@b.co', to: petitioner.email, subject: 'x', text: 'x', html: 'x', messageId: `<${files[0].replace(/\.eml$/, '')}>` });
    expect(readdirSync(mailDir)).toHaveLength(1);
  });

  it('a message older than the horizon is not sent (a first start on an old history mails nobody)', async () => {
    const run = await startRun();
    await fileAndStart(run);
    clock.set('2026-03-20T12:00:00-05:00');
    expect(await run.manager.runOnce()).toEqual([]);
    expect(mailbox.transmissions).toHaveLength(0);
  });
});

/** The store, with readStream failing as an unavailable store does while `isDown()`. */
function withReadStreamDown(real: EventStore, isDown: () => boolean): EventStore {
  return new Proxy(real, {
    get(target, key) {
      if (key === 'readStream' && isDown()) return () => Promise.reject(new EventStoreUnavailableError('event store down'));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
