import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED_MARK, erasedPetitioner } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { AppConfig, mailDomainOf, mailSettingsOf, READ_MODEL_PROJECTIONS } from '@app/runtime';
import { createMailOutboxProjection, MailOutbox } from '@app/processes';
import { Projector } from '@app/projector';
import { READ_STORE, ReadStore } from '@app/read-store';
import { SqliteReadStore } from '@app/read-store/sqlite';
import { diffSnapshots, snapshotReadModels } from './support/read-model-snapshot';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { createAssignablePeople } from './support/assignable-people';
import { LogCapture } from './support/log-capture';
import { filesUnder, occurrences } from './support/byte-search';
import { mimeEmail } from './support/mime-email';

const SECRET = 'inbound-secret-that-is-long-enough-0123456789';
const ROSALBA = { fullName: 'Rosalba Quintero Vélez', documentType: 'CC', documentNumber: '5550001112', email: 'rosalba.quintero@example.com', phone: '+57 301 555 0101' };
const OTHER = { fullName: 'Ezequiel Barragán Ospina', documentType: 'CE', documentNumber: '7770002223', email: 'ezequiel.barragan@example.com', phone: '+57 302 777 0202' };
/** What must vanish: the petitioner's name, document number, email and phone (and their parts a signature would carry). */
const ROSALBA_DATA = [ROSALBA.fullName, ROSALBA.documentNumber, ROSALBA.email, ROSALBA.phone, 'rosalba.quintero', 'Quintero V'];
const ATTACHMENT_TEXT = 'Factura de Rosalba Quintero Vélez, CC 5550001112';

/** Every file under a directory, recursively (SQLite databases with their -wal and -shm, .eml, attachments, secrets). */
function customerEmail(filingNumber: string): string {
  return mimeEmail({
    from: 'Rosalba <rosalba.quintero@example.com>',
    subject: `Re: [${filingNumber}] Hemos radicado su reclamo`,
    messageId: 'reply-1@example.com',
    text: ['Adjunto la factura del cobro duplicado.', '', 'Rosalba Quintero Vélez', 'CC 5550001112 - +57 301 555 0101'],
    attachment: { name: 'factura.txt', contentType: 'text/plain', content: ATTACHMENT_TEXT },
  });
}

/**
 * Issue 7, crypto-shredding: after `POST /petitioners/:id/erasure`, the petitioner's name, document
 * number, email and phone occur nowhere — not in the event store, the read store, the key store (with
 * their WAL files), the outgoing mail, the attachments, nor the logs — while their cases still replay
 * with `[erased]` where the data was, another petitioner's data is intact, and the reports do not move.
 */
describe('Crypto-shredding: erasing a petitioner leaves no byte of their personal data, and the history intact', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  const logs = new LogCapture();
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-shredding-'));
  let t: TestApp;
  let admin: string, agent: string, auditor: string, supervisor: string;
  const cases: Record<'first' | 'second' | 'other', { caseId: string; filingNumber: string; position: number }> = {} as never;
  let petitionerId: string;
  let reportBefore: unknown;
  let reportAfter: unknown;
  let closed = false;
  let filesBefore: { mail: number; attachments: number };
  let erasure: { status: number; body: Record<string, unknown> };

  const file = async (petitioner: Record<string, string>) => {
    // Rosalba's cases are one billing matter each: two open at once are distinct matters (one issue, one case).
    const response = await t.http().post('/cases').set('Authorization', agent).send({ ...validFiling(), petitioner, distinctMatter: true }).expect(201);
    return response.body as { caseId: string; filingNumber: string; position: number };
  };
  const transfer = (caseId: string) =>
    t.http().post(`/cases/${caseId}/transfer`).set('Authorization', supervisor).send({ entity: 'Superintendencia de Industria y Comercio', entityEmail: 'radicacion@sic.gov.co', reason: 'Competencia de la SIC' }).expect(200);
  const view = async (caseId: string, minPosition = 0) => (await t.http().get(`/cases/${caseId}`).query({ minPosition }).set('Authorization', admin).expect(200)).body;
  const report = async (minPosition: number) => (await t.http().get('/reports/monthly').query({ month: '2026-03', minPosition }).set('Authorization', supervisor).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ clock, dataDir, log: { level: 'trace', stream: logs }, config: { MAIL_OUTBOX: 'on', MAIL_TICK_MS: '3600000', MAIL_FROM: 'PQR <pqr@pqr.example.co>', INBOUND_EMAIL_SECRET: SECRET } });
    await createAssignablePeople(t);
    admin = t.token('adm-adela', 'admin');
    agent = t.token('agent-ana', 'agent');
    auditor = t.token('aud-aurora', 'auditor');
    supervisor = t.token('sup-sofia', 'supervisor');

    cases.first = await file(ROSALBA);
    cases.second = await file({ ...ROSALBA, documentNumber: '555-000-1112' }); // the same document, written another way
    cases.other = await file(OTHER);
    await view(cases.other.caseId, cases.other.position);
    // The customer writes back with her name, document and phone in the signature, and an attachment.
    const inbound = await t.http().post('/inbound/email').set('Content-Type', 'message/rfc822').set('X-Inbound-Secret', SECRET).send(Buffer.from(customerEmail(cases.first.filingNumber), 'utf8'));
    expect({ status: inbound.status, outcome: inbound.body.outcome }).toEqual({ status: 202, outcome: 'noted' });
    // A transfer (art. 21) sends her petition, with her data, to the competent entity: one more .eml, the entity's.
    await transfer(cases.second.caseId);
    // The outbox writes the acknowledgements (and the answer to the email) as .eml files; some stay pending.
    await t.app.get(MailOutbox).manager.runOnce();
    await file(ROSALBA).then((third) => Object.assign(cases, { third }));
    // Transferred too, its petition to the entity still pending: the erasure withdraws it, nothing of hers goes out.
    await transfer((cases as unknown as { third: { caseId: string } }).third.caseId);
    // Reads that show the data, as staff do (the access audit records them).
    petitionerId = (await view(cases.first.caseId)).petitionerId;
    reportBefore = await report(await t.headPosition());
    filesBefore = { mail: filesUnder(join(dataDir, 'mail')).length, attachments: filesUnder(join(dataDir, 'attachments')).length };
    erasure = await t.http().post(`/petitioners/${petitionerId}/erasure`).set('Authorization', admin);
    reportAfter = await report(erasure.body.position as number);
  }, 60_000);

  afterAll(async () => {
    if (!closed) await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('files the petitioner’s cases under one pseudonymous id, shown in the case view with the consent', async () => {
    expect(petitionerId).toMatch(/^[0-9a-f]{64}$/);
    expect((await view(cases.second.caseId)).petitionerId).toBe(petitionerId);
    expect((await view(cases.other.caseId)).petitionerId).not.toBe(petitionerId);
    expect((await view(cases.other.caseId)).consent).toEqual(validFiling().consent);
    // The three acknowledgements, and the second case's transfer (the copy to her, the petition to the entity), delivered; the fourth filing's stay pending.
    expect(filesBefore.mail).toBe(5);
    expect(filesBefore.attachments).toBe(1);
  });

  it('erases every case of the petitioner (200), destroying one key', () => {
    expect(erasure.status).toBe(200);
    expect(erasure.body).toMatchObject({ petitionerId, keysDestroyed: 1, readModelsPurged: true });
    const erased = erasure.body.cases as { caseId: string; outcome: string }[];
    expect(erased.map((entry) => entry.caseId).sort()).toEqual([cases.first.caseId, cases.second.caseId, (cases as never as Record<string, { caseId: string }>).third.caseId].sort());
    expect(erased.every((entry) => entry.outcome === 'erased')).toBe(true);
    // Her .eml files (acknowledgements, the answer to her email) and her attachment; the other petitioner's mail stays.
    expect(erasure.body.filesDeleted).toBe(filesBefore.mail - 1 + filesBefore.attachments);
    expect(filesUnder(join(dataDir, 'attachments'))).toEqual([]);
    expect(filesUnder(join(dataDir, 'mail')).map((path) => path.includes(cases.other.caseId))).toEqual([true]);
  });

  it('shows [erased] where the petitioner was, in the case view and in the raw history, which still replays', async () => {
    const position = erasure.body.position as number;
    const erasedView = await view(cases.first.caseId, position);
    expect(erasedView.petitioner).toEqual(erasedPetitioner());
    expect(erasedView).toMatchObject({ status: 'filed', filingNumber: cases.first.filingNumber, subject: ERASED_MARK, facts: ERASED_MARK, request: ERASED_MARK });
    const history = (await t.http().get(`/cases/${cases.first.caseId}/history`).set('Authorization', auditor).expect(200)).body.events as { type: string; data: Record<string, unknown> }[];
    expect(history[0].data.petitioner).toEqual(erasedPetitioner());
    expect(history[0].data).toMatchObject({ subject: ERASED_MARK, facts: ERASED_MARK, request: ERASED_MARK });
    expect(history.find((event) => event.type === 'CustomerEmailReceived')?.data).toMatchObject({ subject: ERASED_MARK, body: ERASED_MARK });
    expect(history[history.length - 1]).toMatchObject({ type: 'PetitionerDataErased', data: { petitionerId, erasedBy: 'adm-adela' } });
    const timeline = (await t.http().get(`/cases/${cases.first.caseId}/timeline`).set('Authorization', admin).expect(200)).body;
    expect(JSON.stringify(timeline)).toContain('Datos personales del peticionario suprimidos');
    // The case goes on: commands still work on it.
    await t.http().post(`/cases/${cases.first.caseId}/assignment`).set('Authorization', supervisor).send({ backofficeId: 'bo-beto' }).expect(200);
  });

  it('leaves the other petitioner’s data and the reports as they were', async () => {
    expect((await view(cases.other.caseId)).petitioner).toEqual(OTHER);
    expect(reportAfter).toEqual(reportBefore);
    expect(JSON.stringify(reportBefore)).toContain('billing');
  });

  it('answers a repeat with nothing more to do, an unknown petitioner with 404, a bad id with 400, and non-admins with 403', async () => {
    const again = await t.http().post(`/petitioners/${petitionerId}/erasure`).set('Authorization', admin).expect(200);
    expect(again.body.keysDestroyed).toBe(0);
    expect((again.body.cases as { outcome: string }[]).every((entry) => entry.outcome === 'already')).toBe(true);
    await t.http().post(`/petitioners/${'0'.repeat(64)}/erasure`).set('Authorization', admin).expect(404);
    const bad = await t.http().post('/petitioners/not-an-id/erasure').set('Authorization', admin).expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', reason: expect.any(String) }]);
    await t.http().post(`/petitioners/${petitionerId}/erasure`).set('Authorization', supervisor).expect(403);
  });

  it('rebuilds the read models from the events into what the live projector holds', async () => {
    const rebuiltFile = join(dataDir, 'rebuilt', 'read-models.sqlite');
    mkdirSync(join(dataDir, 'rebuilt'));
    const rebuilt = new SqliteReadStore({ filename: rebuiltFile });
    const events = t.app.get<EventStore>(EVENT_STORE);
    const head = await events.headPosition();
    await view(cases.first.caseId, head);
    const config = t.app.get(AppConfig);
    const projections = [...READ_MODEL_PROJECTIONS, createMailOutboxProjection({ ...mailSettingsOf(config), messageIdDomain: mailDomainOf(config) })];
    const projector = new Projector(events, rebuilt, projections, { batchSize: 7 });
    await projector.catchUp();
    await t.app.get(MailOutbox).manager.runOnce();
    const live = await snapshotReadModels(t.app.get<ReadStore>(READ_STORE), projections);
    expect(diffSnapshots(live, await snapshotReadModels(rebuilt, projections))).toEqual([]);
    await rebuilt.close();
    rmSync(join(dataDir, 'rebuilt'), { recursive: true, force: true });
  });

  it('leaves none of the petitioner’s name, document number, email and phone in any file under DATA_DIR (with the WAL files) nor in the logs', async () => {
    const others = occurrences([OTHER.fullName], filesUnder(dataDir), '');
    expect(others[OTHER.fullName].length).toBeGreaterThan(0); // the search finds what is there
    expect(occurrences([...ROSALBA_DATA, ATTACHMENT_TEXT], filesUnder(dataDir), logs.text)).toEqual(Object.fromEntries([...ROSALBA_DATA, ATTACHMENT_TEXT].map((value) => [value, []])));
    // Nor once the app has stopped (SQLite checkpoints its WAL files on close).
    await t.close();
    closed = true;
    expect(occurrences(ROSALBA_DATA, filesUnder(dataDir), logs.text)).toEqual(Object.fromEntries(ROSALBA_DATA.map((value) => [value, []])));
  });
});

const PEMBERTHY = { fullName: 'Epifanio Pemberthy Ossa', documentType: 'CC', documentNumber: '73829104657', email: 'epifanio.pemberthy@example.com', phone: '+57 312 999 0001' };
const NEIGHBOUR = { fullName: 'Clemencia Arboleda Ruiz', documentType: 'CC', documentNumber: '41112223334', email: 'clemencia.arboleda@example.com', phone: '+57 313 444 0002' };
/** What staff and the customer copy into the free texts: every piece of her data, and the surname alone. */
const PEMBERTHY_DATA = [PEMBERTHY.fullName, PEMBERTHY.documentNumber, PEMBERTHY.email, PEMBERTHY.phone, 'Pemberthy', 'epifanio.pemberthy'];
const COPIED = `${PEMBERTHY.fullName}, CC ${PEMBERTHY.documentNumber}, ${PEMBERTHY.email}, ${PEMBERTHY.phone}`;
const ID_CARD_NAME = `cedula-${PEMBERTHY.documentNumber}-Pemberthy.pdf`;
/** The same file sent by two petitioners: one copy each, so erasing one leaves the other's. */
const SHARED_FILE = 'Factura 0001 del plan hogar, febrero de 2026';
const RECEIPT_FILE = 'Recibo de pago 0002, marzo de 2026';

function emailWithAttachment(from: string, filingNumber: string, messageId: string, signature: string, attachmentName: string): string {
  return mimeEmail({
    from: `<${from}>`,
    subject: `Re: [${filingNumber}] Solicitud de información`,
    messageId: `${messageId}@example.com`,
    text: ['Adjunto lo que me pidieron.', '', signature],
    attachment: { name: attachmentName, contentType: 'application/pdf', content: SHARED_FILE },
  });
}

/**
 * Issue 23, the free mode: staff copy the petitioner's name, document number, email and phone into
 * every free text (facts, request, a response, an information request, a return, an extension, a
 * quality finding, a closing reason) and the customer signs her email and names her attachment with
 * them. After the erasure none of it is in any file under DATA_DIR nor in the logs, her history still
 * replays and verifies intact, and another petitioner who sent the same file keeps it.
 */
describe('Crypto-shredding, free mode: personal data copied into every free text is erased too', () => {
  const clock = new ManualClock(new Date('2026-03-02T15:00:00Z'));
  const logs = new LogCapture();
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-shredding-free-'));
  let t: TestApp;
  let tokens: Record<'admin' | 'agent' | 'auditor' | 'supervisor' | 'backoffice' | 'quality', string>;
  let caseId: string;
  let neighbourCaseId: string;
  let petitionerId: string;
  let neighbourId: string;
  let sharedKey: string;
  let receiptKey: string;
  let receiptCopied: string;
  let erasure: { status: number; body: Record<string, unknown> };
  let closed = false;

  const step = async (path: string, token: string, body: object) => {
    const response = await t.http().post(`/cases/${caseId}/${path}`).set('Authorization', token).send(body);
    expect({ path, status: response.status, body: response.body }).toMatchObject({ path, status: 200 });
  };
  const inbound = (raw: string) => t.http().post('/inbound/email').set('Content-Type', 'message/rfc822').set('X-Inbound-Secret', SECRET).send(Buffer.from(raw, 'utf8'));
  const history = async (id: string, query: Record<string, string> = {}) =>
    (await t.http().get(`/cases/${id}/history`).query(query).set('Authorization', tokens.auditor).expect(200)).body as { events: { type: string; data: Record<string, unknown> }[]; integrity?: unknown };

  beforeAll(async () => {
    t = await startTestApp({ clock, dataDir, log: { level: 'trace', stream: logs }, config: { MAIL_OUTBOX: 'on', MAIL_TICK_MS: '3600000', MAIL_FROM: 'PQR <pqr@pqr.example.co>', INBOUND_EMAIL_SECRET: SECRET } });
    await createAssignablePeople(t);
    tokens = {
      admin: t.token('adm-adela', 'admin'),
      agent: t.token('agent-ana', 'agent'),
      auditor: t.token('aud-aurora', 'auditor'),
      supervisor: t.token('sup-sofia', 'supervisor'),
      backoffice: t.token('bo-beto', 'backoffice'),
      quality: t.token('qa-quique', 'quality'),
    };
    const filing = {
      ...validFiling(),
      petitioner: PEMBERTHY,
      subject: `Cobro a ${PEMBERTHY.fullName}`,
      facts: `La señora ${COPIED} reporta un cobro duplicado.`,
      request: `Reversar el cobro y escribir a ${PEMBERTHY.email} o llamar al ${PEMBERTHY.phone}`,
      attachments: [{ name: ID_CARD_NAME, contentType: 'application/pdf', size: 1234 }],
    };
    const filed = await t.http().post('/cases').set('Authorization', tokens.agent).send(filing).expect(201);
    caseId = filed.body.caseId;
    const neighbour = await t.http().post('/cases').set('Authorization', tokens.agent).send({ ...validFiling(), petitioner: NEIGHBOUR }).expect(201);
    neighbourCaseId = neighbour.body.caseId;
    await step('assignment', tokens.supervisor, { backofficeId: 'bo-beto' });
    await step('typification-review', tokens.backoffice, { consistent: false, reason: `Revisar con ${COPIED}` });
    await step('typification', tokens.agent, { kind: 'claim', typology: 'billing', motive: 'duplicate-charge' });
    await step('typification-review', tokens.backoffice, { consistent: true });
    await step('extensions', tokens.backoffice, { businessDays: 5, reason: `Se requiere validar con ${COPIED}` });
    await step('information-requests', tokens.backoffice, { message: `Señora ${COPIED}: adjunte su cédula` });
    const filingNumber = (await t.http().get(`/cases/${caseId}`).query({ minPosition: await t.headPosition() }).set('Authorization', tokens.admin).expect(200)).body.filingNumber;
    const neighbourFilingNumber = neighbour.body.filingNumber;
    const hers = await inbound(emailWithAttachment(PEMBERTHY.email, filingNumber, 'pemberthy-1', COPIED, ID_CARD_NAME));
    expect({ status: hers.status, outcome: hers.body.outcome }).toEqual({ status: 202, outcome: 'information' });
    const theirs = await inbound(emailWithAttachment(NEIGHBOUR.email, neighbourFilingNumber, 'arboleda-1', NEIGHBOUR.fullName, 'factura.pdf'));
    expect(theirs.status).toBe(202);
    // An email that names no case, attached by a supervisor to hers: its file is copied into her directory.
    const receipt = emailWithAttachment('pagos@example.com', '1999-999999', 'receipt-1', 'Pagos', 'recibo.pdf').replace(SHARED_FILE, RECEIPT_FILE);
    const unmatched = await inbound(receipt);
    expect(unmatched.body.outcome).toBe('unmatched');
    await t.http().post(`/mail/unmatched/${unmatched.body.unmatchedId}/case`).set('Authorization', tokens.supervisor).send({ caseId }).expect(200);
    const attached = (await history(caseId)).events.filter((event) => event.type === 'CustomerEmailReceived').at(-1)!;
    receiptKey = (attached.data.attachments as { storageKey: string }[])[0].storageKey;
    receiptCopied = readFileSync(join(dataDir, 'attachments', (await history(caseId)).events[0].data.petitionerId as string, receiptKey), 'utf8');
    await step('notes', tokens.agent, { text: `${COPIED} llamó de nuevo` });
    await step('responses', tokens.backoffice, {
      body: `Apreciada ${COPIED}: reversamos el cobro.`, outcome: 'resolved', decision: 'partial', decisionReason: `El recargo a ${COPIED} sí procedía`,
    });
    await step('quality-reviews', tokens.quality, { score: 90, findings: `La respuesta a ${COPIED} fue correcta` });
    await step('closure', tokens.supervisor, { reason: `Cerrado a pedido de ${COPIED}` });
    await t.app.get(MailOutbox).manager.runOnce();
    const views = async (id: string) => (await t.http().get(`/cases/${id}`).query({ minPosition: await t.headPosition() }).set('Authorization', tokens.admin).expect(200)).body;
    petitionerId = (await views(caseId)).petitionerId;
    neighbourId = (await views(neighbourCaseId)).petitionerId;
    const received = (await history(neighbourCaseId)).events.find((event) => event.type === 'CustomerEmailReceived');
    sharedKey = (received!.data.attachments as { storageKey: string }[])[0].storageKey;
    erasure = await t.http().post(`/petitioners/${petitionerId}/erasure`).set('Authorization', tokens.admin);
  }, 60_000);

  afterAll(async () => {
    if (!closed) await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('erases her case, and her attachments directory only: the neighbour who sent the same file keeps it', () => {
    expect(erasure.status).toBe(200);
    expect(erasure.body).toMatchObject({ petitionerId, keysDestroyed: 1, readModelsPurged: true });
    expect(existsSync(join(dataDir, 'attachments', petitionerId))).toBe(false);
    expect(readFileSync(join(dataDir, 'attachments', neighbourId, sharedKey), 'utf8')).toContain(SHARED_FILE);
    // The unmatched email's file was moved into her directory when attached to her case (the queued copy went
    // with the email's key): gone with her directory, no copy left anywhere.
    expect(receiptCopied).toContain(RECEIPT_FILE);
    expect(filesUnder(join(dataDir, 'attachments')).filter((path) => path.endsWith(receiptKey))).toEqual([]);
  });

  it('her history still replays, with [erased] in every free text, and verifies intact', async () => {
    const { events, integrity } = await history(caseId, { verify: 'true' });
    expect(integrity).toEqual({ intact: true, events: events.length });
    const byType = (type: string) => events.filter((event) => event.type === type).map((event) => event.data);
    expect(byType('CaseFiled')[0]).toMatchObject({ subject: ERASED_MARK, facts: ERASED_MARK, request: ERASED_MARK, attachments: [{ name: ERASED_MARK, contentType: 'application/pdf', size: 1234 }] });
    expect(byType('CaseReturnedToAgent')[0]).toMatchObject({ reason: ERASED_MARK });
    expect(byType('DeadlineExtended')[0]).toMatchObject({ reason: ERASED_MARK, businessDays: 5 });
    expect(byType('InformationRequested')[0]).toMatchObject({ message: ERASED_MARK });
    expect(byType('InformationReceived')[0]).toMatchObject({ summary: ERASED_MARK });
    expect(byType('CustomerEmailReceived')[0]).toMatchObject({ subject: ERASED_MARK, body: ERASED_MARK, attachments: [{ name: ERASED_MARK, storageKey: sharedKey }] });
    expect(byType('ResponseSent')[0]).toMatchObject({ body: ERASED_MARK, outcome: 'resolved', decision: 'partial', decisionReason: ERASED_MARK });
    expect(byType('InternalNoteAdded')[0]).toMatchObject({ text: ERASED_MARK, writtenBy: 'agent-ana' });
    expect(byType('QualityReviewed')[0]).toMatchObject({ findings: ERASED_MARK, score: 90 });
    expect(byType('CaseClosed')[0]).toMatchObject({ reason: ERASED_MARK });
    const view = (await t.http().get(`/cases/${caseId}`).set('Authorization', tokens.admin).expect(200)).body;
    expect(view).toMatchObject({ status: 'closed', subject: ERASED_MARK, facts: ERASED_MARK, closeReason: ERASED_MARK, petitioner: erasedPetitioner() });
  });

  it('her conversation still reads in order, [erased] in every text and subject, the decision kept (issue 28)', async () => {
    const { entries } = (await t.http().get(`/cases/${caseId}/conversation`).set('Authorization', tokens.supervisor).expect(200)).body as {
      entries: { kind: string; subject: string | null; text: string; attachments: { name: string }[]; response: { decision: string; decisionReason: string } | null }[];
    };
    expect(entries.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['facts', 'request', 'information_requested', 'customer_email', 'internal_note', 'response', 'quality_finding']));
    expect(entries.filter((entry) => entry.text !== ERASED_MARK)).toEqual([]);
    expect(entries.filter((entry) => entry.subject !== null && entry.subject !== ERASED_MARK)).toEqual([]);
    expect(entries.flatMap((entry) => entry.attachments).filter((attachment) => attachment.name !== ERASED_MARK)).toEqual([]);
    expect(entries.find((entry) => entry.kind === 'response')!.response).toEqual({ outcome: 'resolved', decision: 'partial', decisionReason: ERASED_MARK });
  });

  it('rebuilds the read models from the events, with her key gone, into what the live projector holds', async () => {
    const rebuiltDir = mkdtempSync(join(tmpdir(), 'pqr-shredding-rebuilt-'));
    const rebuilt = new SqliteReadStore({ filename: join(rebuiltDir, 'read-models.sqlite') });
    const events = t.app.get<EventStore>(EVENT_STORE);
    await t.http().get(`/cases/${caseId}`).query({ minPosition: await events.headPosition() }).set('Authorization', tokens.admin).expect(200);
    const config = t.app.get(AppConfig);
    const projections = [...READ_MODEL_PROJECTIONS, createMailOutboxProjection({ ...mailSettingsOf(config), messageIdDomain: mailDomainOf(config) })];
    await new Projector(events, rebuilt, projections, { batchSize: 7 }).catchUp();
    await t.app.get(MailOutbox).manager.runOnce();
    const live = await snapshotReadModels(t.app.get<ReadStore>(READ_STORE), projections);
    expect(diffSnapshots(live, await snapshotReadModels(rebuilt, projections))).toEqual([]);
    await rebuilt.close();
    rmSync(rebuiltDir, { recursive: true, force: true });
  });

  it('leaves none of her name, document number, email and phone in any file under DATA_DIR (with the WAL and shm files) nor in the logs', async () => {
    expect(occurrences([NEIGHBOUR.fullName], filesUnder(dataDir), '')[NEIGHBOUR.fullName].length).toBeGreaterThan(0); // the search finds what is there
    const none = Object.fromEntries(PEMBERTHY_DATA.map((value) => [value, []]));
    expect(occurrences(PEMBERTHY_DATA, filesUnder(dataDir), logs.text)).toEqual(none);
    await t.close();
    closed = true;
    expect(occurrences(PEMBERTHY_DATA, filesUnder(dataDir), logs.text)).toEqual(none);
  });
});
