import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CASE_PERSONAL_DATA_POLICY, ERASED_MARK, erasedPetitioner } from '@app/domain';
import { SqliteKeyStore } from '@app/key-store/sqlite';
import type { NewEvent } from '../event-store.port';
import { SqliteEventStore } from '../sqlite-event-store.adapter';
import { createTempDatabase } from '../testing/temp-database';
import { isEncryptedEnvelope } from './envelope-cipher';
import { PersonalDataProtectingEventStore } from './personal-data-protecting-event-store';

const petitioner = { fullName: 'Rosalba Quintero Vélez', documentType: 'CC', documentNumber: '5550001112', email: 'rosalba.quintero@example.com', phone: '+57 301 555 0101' };
const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  type,
  data,
  metadata: { eventId: randomUUID(), schemaVersion: 2, correlationId: 'c', causationId: 'c', actorId: 'agent-ana', occurredAt: '2026-03-02T10:00:00-05:00' },
});
const filed = (petitionerId: string) => event('CaseFiled', { caseId: 'x', petitionerId, petitioner, subject: 'Cobro duplicado' });
const email = () => event('CustomerEmailReceived', { subject: 'Re: radicado', body: 'Adjunto la factura.\nRosalba Quintero Vélez', attachments: [] });

describe('PersonalDataProtectingEventStore', () => {
  let database: { filename: string; remove(): void };
  let inner: SqliteEventStore;
  let keys: SqliteKeyStore;
  let store: PersonalDataProtectingEventStore;

  beforeEach(() => {
    database = createTempDatabase();
    inner = new SqliteEventStore({ filename: database.filename });
    keys = new SqliteKeyStore({ filename: join(dirname(database.filename), 'keys.sqlite') });
    store = new PersonalDataProtectingEventStore(inner, keys, CASE_PERSONAL_DATA_POLICY);
  });

  afterEach(async () => {
    await store.close();
    await keys.close();
    database.remove();
  });

  it('stores the petitioner and the customer’s words as AES-256-GCM envelopes, and reads them back in plain', async () => {
    await store.appendToStream('case-1', [filed('p-1'), email()], { expectedRevision: 'no_stream' });
    await store.appendToStream('case-1', [email()], { expectedRevision: 1 });
    const stored = await inner.readStream('case-1');
    expect(isEncryptedEnvelope(stored[0].data.petitioner)).toBe(true);
    expect(stored[0].data).toMatchObject({ petitionerId: 'p-1' });
    expect(isEncryptedEnvelope(stored[0].data.subject)).toBe(true);
    expect(isEncryptedEnvelope(stored[1].data.body)).toBe(true);
    expect(isEncryptedEnvelope(stored[2].data.subject)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('Rosalba');

    const [plainFiled, plainEmail, laterEmail] = await store.readStream('case-1');
    expect(plainFiled.data.petitioner).toEqual(petitioner);
    expect(plainEmail.data).toMatchObject({ subject: 'Re: radicado', body: 'Adjunto la factura.\nRosalba Quintero Vélez' });
    expect(laterEmail.data.body).toContain('Rosalba');
    expect((await store.readAll()).map((recorded) => recorded.data.subject)).toEqual(['Cobro duplicado', 'Re: radicado', 'Re: radicado']);
  });

  it('gives every case of one petitioner the same key, and reads [erased] once that key is destroyed, whatever the read', async () => {
    await store.appendToStream('case-1', [filed('p-1')], { expectedRevision: 'no_stream' });
    await store.appendToStream('case-2', [filed('p-1'), email()], { expectedRevision: 'no_stream' });
    await store.appendToStream('case-3', [filed('p-2')], { expectedRevision: 'no_stream' });
    const keyIds = (await inner.readAll()).filter((recorded) => recorded.type === 'CaseFiled').map((recorded) => (recorded.data.petitioner as { keyId: string }).keyId);
    expect(keyIds[0]).toBe(keyIds[1]);
    expect(keyIds[2]).not.toBe(keyIds[0]);

    await keys.destroyKeysOf('p-1');
    const all = await store.readAll();
    expect(all.map((recorded) => recorded.data.petitioner ?? recorded.data.body)).toEqual([erasedPetitioner(), erasedPetitioner(), ERASED_MARK, petitioner]);
    expect((await store.readStream('case-2'))[1].data.subject).toBe(ERASED_MARK);
  });

  it('encrypts every free text the policy names, and each attachment name in a list, under the case petitioner’s key; erased, each reads [erased]', async () => {
    const copied = 'Rosalba Quintero Vélez CC 5550001112 rosalba.quintero@example.com +57 301 555 0101';
    const filedWithAll = event('CaseFiled', {
      caseId: 'x',
      petitionerId: 'p-1',
      petitioner,
      subject: `Cobro a ${copied}`,
      facts: `Hechos: ${copied}`,
      request: `Solicito: ${copied}`,
      attachments: [{ name: 'cedula-5550001112-Quintero.pdf', contentType: 'application/pdf', size: 10 }],
    });
    const mail = event('CustomerEmailReceived', { subject: 'Re', body: copied, attachments: [{ name: 'cedula-5550001112-Quintero.pdf', contentType: 'application/pdf', size: 10, storageKey: 'a'.repeat(64) }] });
    const texts = [
      event('InformationRequested', { message: `Escriba a ${copied}` }),
      event('ResponseSent', { body: `Señora ${copied}`, outcome: 'resolved' }),
      event('QualityReviewed', { score: 4, findings: `Citó a ${copied}` }),
      event('DeadlineExtended', { businessDays: 5, reason: `Por ${copied}` }),
      event('CaseClosed', { reason: `Cerrado con ${copied}`, closedBy: 'agent-ana' }),
      event('SatisfactionSurveyAnswered', { score: 5, comment: null }),
    ];
    await store.appendToStream('case-1', [filedWithAll], { expectedRevision: 'no_stream' });
    await store.appendToStream('case-1', [mail], { expectedRevision: 0 });
    await store.appendToStream('case-1', texts, { expectedRevision: 1 });

    const stored = await inner.readStream('case-1');
    for (const value of [petitioner.fullName, petitioner.documentNumber, petitioner.email, petitioner.phone]) expect(JSON.stringify(stored)).not.toContain(value);
    expect(stored[1].data.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf', size: 10, storageKey: 'a'.repeat(64), name: expect.objectContaining({ alg: 'A256GCM' }) })]);
    expect(stored[7].data).toMatchObject({ score: 5, comment: null });
    const keyIds = new Set([stored[0].data.petitioner, stored[2].data.message, stored[6].data.reason].map((envelope) => (envelope as { keyId: string }).keyId));
    expect(keyIds.size).toBe(1);

    const plain = await store.readStream('case-1');
    expect(plain.map((recorded) => recorded.data)).toEqual([filedWithAll, mail, ...texts].map((original) => original.data));

    await keys.destroyKeysOf('p-1');
    const erased = await store.readStream('case-1');
    expect(erased[0].data).toMatchObject({ subject: ERASED_MARK, facts: ERASED_MARK, request: ERASED_MARK, attachments: [{ name: ERASED_MARK, contentType: 'application/pdf', size: 10 }] });
    expect(erased[1].data).toMatchObject({ body: ERASED_MARK, attachments: [{ name: ERASED_MARK, storageKey: 'a'.repeat(64) }] });
    expect(erased.slice(2).map((recorded) => recorded.data.message ?? recorded.data.body ?? recorded.data.findings ?? recorded.data.reason ?? recorded.data.comment)).toEqual([
      ERASED_MARK,
      ERASED_MARK,
      ERASED_MARK,
      ERASED_MARK,
      ERASED_MARK,
      null,
    ]);
  });

  it('refuses an envelope moved to another event (authenticated with its event id and field)', async () => {
    await store.appendToStream('case-1', [filed('p-1'), filed('p-1')], { expectedRevision: 'no_stream' });
    const [first] = await inner.readStream('case-1');
    await inner.appendToStream('case-9', [{ ...event('CaseFiled', { ...first.data }) }], { expectedRevision: 'no_stream' });
    await expect(store.readStream('case-9')).rejects.toThrow();
  });

  it('leaves events without personal data, and legacy events without a petitioner id, as they are', async () => {
    await store.appendToStream('case-1', [event('CaseFiled', { caseId: 'x', petitioner })], { expectedRevision: 'no_stream' });
    await store.appendToStream('access-1', [event('PersonalDataAccessed', { caseId: 'x', route: 'GET /cases/:id' })], { expectedRevision: 'any' });
    expect((await inner.readStream('case-1'))[0].data.petitioner).toEqual(petitioner);
    expect((await store.readStream('access-1'))[0].data).toEqual({ caseId: 'x', route: 'GET /cases/:id' });
  });

  it('forwards the other methods; the hash chain covers the stored envelopes, so an erasure leaves the history intact', async () => {
    await store.appendToStream('case-1', [filed('p-1'), email()], { expectedRevision: 'no_stream' });
    expect(await store.headPosition()).toBe(2);
    await expect(store.ping()).resolves.toBeUndefined();
    expect(await store.verifyStream('case-1')).toEqual({ intact: true, events: 2 });
    await keys.destroyKeysOf('p-1');
    expect(await store.verifyStream('case-1')).toEqual({ intact: true, events: 2 });
  });

  it('leaves no personal data in the event store files (database and WAL)', async () => {
    await store.appendToStream('case-1', [filed('p-1'), email()], { expectedRevision: 'no_stream' });
    const directory = dirname(database.filename);
    for (const name of readdirSync(directory)) {
      const bytes = readFileSync(join(directory, name));
      for (const value of [petitioner.fullName, petitioner.documentNumber, petitioner.email, petitioner.phone]) expect({ name, found: bytes.includes(Buffer.from(value)) }).toEqual({ name, found: false });
    }
  });
});
