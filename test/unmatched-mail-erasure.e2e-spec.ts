import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseStreamId } from '@app/domain';
import { EVENT_STORE, EventStore, isEncryptedEnvelope } from '@app/event-store';
import { KEY_STORE, KeyStore } from '@app/key-store';
import { UNMATCHED_MAIL_STREAM, UnmatchedMailLog } from '@app/api';
import { bearer } from './support/actors';
import { ManualClock, startTestApp, TestApp, validFiling } from './support/test-app';
import { LogCapture } from './support/log-capture';
import { filesUnder, occurrences } from './support/byte-search';
import { mimeEmail } from './support/mime-email';

const SECRET = 'inbound-secret-for-the-unmatched-mail-0123456789';

/** An email naming no case, signed by its sender, with an attachment named after their document. */
function unmatchedEmail(nonce: string, sender: { name: string; document: string; phone: string; email: string }): { raw: string; texts: string[] } {
  const subject = `Consulta de ${sender.name}`;
  const attachmentName = `cedula-${sender.document}-${nonce}.txt`;
  const attachmentText = `Copia de la cédula ${sender.document} (${nonce})`;
  const raw = mimeEmail({
    from: `${sender.name} <${sender.email}>`,
    subject,
    messageId: `${nonce}@mail.example.org`,
    text: ['Quisiera saber cómo va mi reclamo; no recuerdo el radicado.', '', sender.name, `CC ${sender.document} - ${sender.phone}`],
    attachment: { name: attachmentName, contentType: 'text/plain', content: attachmentText },
  });
  return { raw, texts: [subject, sender.name, sender.document, sender.phone, sender.email, attachmentName, attachmentText] };
}

/** Each value with the files under DATA_DIR (paths relative to it) and the log holding it. */
function occurrencesUnder(values: string[], dataDir: string, logs: string): Record<string, string[]> {
  const found = occurrences(values, filesUnder(dataDir), logs);
  return Object.fromEntries(Object.entries(found).map(([value, files]) => [value, files.map((file) => (file === '<logs>' ? file : file.slice(dataDir.length + 1)))]));
}
const nowhere = (values: string[]) => Object.fromEntries(values.map((value) => [value, []]));

/** Ley 1581 de 2012: an email that belongs to no case yet is personal data too, erasable on its own. */
describe('Unmatched mail: encrypted under a key of its own, moved under the petitioner\'s key when attached, erasable by itself', () => {
  const clock = new ManualClock(new Date('2026-03-04T16:00:00Z'));
  const logs = new LogCapture();
  const dataDir = mkdtempSync(join(tmpdir(), 'pqr-unmatched-'));
  let t: TestApp;
  const ERASED_SENDER = { name: 'Gumersinda Ospitia Leal', document: '84736251009', phone: '+57 320 888 4411', email: 'gumersinda.ospitia@example.org' };
  const ATTACHED_SENDER = { name: 'Anacleto Buriticá Mesa', document: '91827364550', phone: '+57 315 222 9933', email: 'anacleto.buritica@example.org' };

  beforeAll(async () => {
    t = await startTestApp({ clock, dataDir, log: { level: 'trace', stream: logs }, config: { INBOUND_EMAIL_SECRET: SECRET } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (raw: string) => {
    const response = await t.http().post('/inbound/email').set('Content-Type', 'message/rfc822').set('X-Inbound-Secret', SECRET).send(Buffer.from(raw, 'utf8'));
    expect({ status: response.status, outcome: response.body.outcome }).toEqual({ status: 202, outcome: 'unmatched' });
    return response.body.unmatchedId as string;
  };
  const queue = async () => (await t.http().get('/mail/unmatched').set('Authorization', bearer('supervisor')).expect(200)).body.items as Array<Record<string, unknown>>;

  it('stores subject, body and attachment names encrypted: the event store holds none of them, the supervisor still reads them', async () => {
    const email = unmatchedEmail('first', ERASED_SENDER);
    const unmatchedId = await post(email.raw);
    const [event] = await t.app.get<EventStore>(EVENT_STORE).readStream(UNMATCHED_MAIL_STREAM);
    expect(event.metadata.schemaVersion).toBe(2);
    expect(isEncryptedEnvelope(event.data.content)).toBe(true);
    expect([event.data.subject, event.data.body, event.data.attachments]).toEqual([undefined, undefined, undefined]);
    // Only the attachment's own file holds its content (deleted at erasure); nothing else anywhere.
    const [, , , , , attachmentName, attachmentText] = email.texts;
    const found = occurrencesUnder(email.texts, dataDir, logs.text);
    const outsideAttachmentFiles = Object.fromEntries(Object.entries(found).map(([text, files]) => [text, files.filter((file) => !file.startsWith('attachments/'))]));
    expect(outsideAttachmentFiles).toEqual(nowhere(email.texts));
    expect(found[attachmentText].map((file) => file.startsWith('attachments/'))).toEqual([true]);

    expect(await queue()).toEqual([
      expect.objectContaining({ unmatchedId, subject: `Consulta de ${ERASED_SENDER.name}`, erased: null, attachments: [expect.objectContaining({ name: attachmentName })] }),
    ]);
    expect((await queue())[0].body).toContain(ERASED_SENDER.document);
  });

  it('an admin erases it on its own: the queue shows it erased, and no byte of its text is left under DATA_DIR or in the logs', async () => {
    const email = unmatchedEmail('first', ERASED_SENDER);
    const [{ unmatchedId }] = await queue();
    clock.set('2026-03-05T15:00:00Z');
    const notAdmin = await t.http().post(`/mail/unmatched/${unmatchedId}/erasure`).set('Authorization', bearer('supervisor'));
    expect(notAdmin.status).toBe(403);
    const erased = await t.http().post(`/mail/unmatched/${unmatchedId}/erasure`).set('Authorization', bearer('admin')).expect(200);
    expect(erased.body).toEqual({ unmatchedId, erasedAt: '2026-03-05T10:00:00.000-05:00', filesDeleted: 1, already: false });

    expect(await queue()).toEqual([
      expect.objectContaining({ unmatchedId, subject: '[erased]', body: '[erased]', attachments: [], erased: { erasedBy: 'adm-adela', erasedAt: '2026-03-05T10:00:00.000-05:00' } }),
    ]);
    expect(occurrencesUnder(email.texts, dataDir, logs.text)).toEqual(nowhere(email.texts));

    const again = await t.http().post(`/mail/unmatched/${unmatchedId}/erasure`).set('Authorization', bearer('admin')).expect(200);
    expect(again.body).toEqual({ unmatchedId, erasedAt: '2026-03-05T10:00:00.000-05:00', filesDeleted: 0, already: true });
    const filed = await t.http().post('/cases').set('Authorization', bearer('agent')).send(validFiling()).expect(201);
    const attach = await t.http().post(`/mail/unmatched/${unmatchedId}/case`).set('Authorization', bearer('supervisor')).send({ caseId: filed.body.caseId });
    expect({ status: attach.status, code: attach.body.code }).toEqual({ status: 409, code: 'MAIL.UNMATCHED_ERASED' });
    const unknown = await t.http().post(`/mail/unmatched/${filed.body.caseId}/erasure`).set('Authorization', bearer('admin'));
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'MAIL.UNMATCHED_NOT_FOUND' });
  });

  it("attached to a case, its content is recorded on the case under the petitioner's key and its own key is destroyed", async () => {
    const email = unmatchedEmail('second', ATTACHED_SENDER);
    const unmatchedId = await post(email.raw);
    const filed = await t.http().post('/cases').set('Authorization', bearer('agent')).send(validFiling()).expect(201);
    const caseId = filed.body.caseId as string;
    await t.http().post(`/mail/unmatched/${unmatchedId}/case`).set('Authorization', bearer('supervisor')).send({ caseId }).expect(200);

    const store = t.app.get<EventStore>(EVENT_STORE);
    const received = (await store.readStream(caseStreamId(caseId))).find((event) => event.type === 'CustomerEmailReceived');
    expect(received?.data.subject).toBe(`Consulta de ${ATTACHED_SENDER.name}`);
    const [queued] = (await store.readStream(UNMATCHED_MAIL_STREAM)).filter((event) => event.data.unmatchedId === unmatchedId && event.type === 'UnmatchedEmailReceived');
    const envelope = queued.data.content as { keyId: string };
    expect((await t.app.get<KeyStore>(KEY_STORE).findKeys([envelope.keyId])).size).toBe(0);
    const { emails } = await t.app.get(UnmatchedMailLog).list();
    expect(emails.find((candidate) => candidate.unmatchedId === unmatchedId)).toMatchObject({ subject: '[erased]', body: '[erased]', attachedTo: { caseId } });
    expect((await queue()).map((item) => item.unmatchedId)).not.toContain(unmatchedId);
  });
});
