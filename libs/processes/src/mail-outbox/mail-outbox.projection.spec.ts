import { erasedPetitioner } from '@app/domain';
import type { CaseEvent } from '@app/domain';
import { HISTORIES, petitioner } from '@app/domain/testing/case-histories';
import { project, recordCaseEvents, withEventIds } from '@app/projections/testing/project';
import type { ProjectionEvent } from '@app/projections';
import { createMailOutboxProjection, MAIL_OUTBOX_COLLECTION, MailOutboxMessageDoc, MailRecipientDoc, renderEntityMessage, renderOutboxMessage } from './mail-outbox.projection';

const CASE_ID = '00000000-0000-4000-8000-0000000000bb';
const projectionSettings = {
  companyName: 'Servicios Públicos del Valle S.A.',
  publicBaseUrl: 'https://pqr.example.co',
  serviceLine: '601 555 0100',
  messageIdDomain: 'pqr.example.co',
};
const projection = createMailOutboxProjection(projectionSettings);
const withIds = (events: ProjectionEvent[]) => withEventIds(events, (event) => `evt-${event.revision}`);
const outbox = (history: CaseEvent[]) => project(projection, withIds(recordCaseEvents(CASE_ID, history))).byCollection[MAIL_OUTBOX_COLLECTION] ?? {};
const messages = (history: CaseEvent[]) =>
  Object.values(outbox(history)).filter((doc): doc is MailOutboxMessageDoc => doc.kind === 'message');
const attempt = (type: 'EmailDelivered' | 'EmailDeliveryFailed', attemptNumber: number): CaseEvent =>
  (type === 'EmailDelivered'
    ? { type, data: { sourceEventId: 'evt-0', sourceEventType: 'CaseFiled', messageId: 'm', attempt: attemptNumber, deliveredBy: 'system:mail', deliveredAt: '2026-03-03T10:00:00-05:00' } }
    : {
        type,
        data: { sourceEventId: 'evt-0', sourceEventType: 'CaseFiled', messageId: 'm', attempt: attemptNumber, error: 'down', nextAttemptAt: '2026-03-03T11:00:00-05:00', failedBy: 'system:mail', failedAt: '2026-03-03T10:00:00-05:00' },
      }) as CaseEvent;

describe('mail outbox projection', () => {
  it('turns the filing into a pending acknowledgement, with a stable Message-ID and where to read its source event back', () => {
    const [ack] = messages(HISTORIES.in_progress);
    expect(ack).toEqual({
      kind: 'message',
      caseId: CASE_ID,
      filingNumber: '2026-000042',
      status: 'pending',
      sourceEventId: 'evt-0',
      sourceEventType: 'CaseFiled',
      addressee: 'petitioner',
      sourceRevision: 0,
      sourceAtMs: Date.parse('2026-03-02T10:00:00-05:00'),
      messageId: `<pqr.${CASE_ID}.evt-0@pqr.example.co>`,
      attempts: 0,
      lastError: null,
      nextAttemptMs: Date.parse('2026-03-02T10:00:00-05:00'),
    });
  });

  it('renders a message when it is sent, from its source event and the recipient: the number in the subject, the name in the greeting', () => {
    const recorded = withIds(recordCaseEvents(CASE_ID, HISTORIES.responded_pending));
    const recipient = outbox(HISTORIES.responded_pending)[`recipient:${CASE_ID}`] as MailRecipientDoc;
    const ack = renderOutboxMessage(recorded[0], recipient, projectionSettings);
    expect(ack?.subject).toBe('[2026-000042] Hemos radicado su reclamo');
    expect(ack?.text).toContain(`Estimado(a) ${petitioner.fullName}:`);
    const response = recorded.find((event) => event.type === 'ResponseSent')!;
    expect(renderOutboxMessage(response, recipient, projectionSettings)?.text).toContain('Estamos revisando');
    expect(renderOutboxMessage(recorded.find((event) => event.type === 'CaseAssigned')!, recipient, projectionSettings)).toBeNull();
  });

  it('internal events send nothing; a response and a closing each get their message', () => {
    expect(messages(HISTORIES.in_progress).map((message) => message.sourceEventType)).toEqual(['CaseFiled']);
    expect(messages(HISTORIES.responded_pending).map((message) => message.sourceEventType)).toEqual(['CaseFiled', 'ResponseSent']);
    expect(messages(HISTORIES.closed).map((message) => message.sourceEventType)).toEqual(['CaseFiled', 'CaseClosed']);
  });

  it('a failed attempt moves the next attempt; a delivery keeps no address and no content', () => {
    const [failed] = messages([...HISTORIES.filed, attempt('EmailDeliveryFailed', 1)]);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'down', nextAttemptMs: Date.parse('2026-03-03T11:00:00-05:00') });
    const [delivered] = messages([...HISTORIES.filed, attempt('EmailDeliveryFailed', 1), attempt('EmailDelivered', 2)]);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, nextAttemptMs: null });
    expect(JSON.stringify(delivered)).not.toContain(petitioner.email);
    expect(JSON.stringify(delivered)).not.toContain(petitioner.fullName);
  });

  it('names only the documents an event can read or change: none for an internal event', () => {
    const recorded = withIds(recordCaseEvents(CASE_ID, [...HISTORIES.in_progress, attempt('EmailDelivered', 1)]));
    const keysOf = (type: string) => Object.keys(projection.keysOf(recorded.find((event) => event.type === type)!)).sort();
    expect(keysOf('CaseFiled')).toEqual(['message', 'recipient']);
    expect(keysOf('CaseAssigned')).toEqual([]);
    expect(keysOf('TypificationConfirmed')).toEqual([]);
    expect(keysOf('EmailDelivered')).toEqual(['message']);
    expect(projection.keysOf(recorded.find((event) => event.type === 'EmailDelivered')!).message?.id).toBe('message:evt-0');
  });

  it("gets a new version (a rebuild) for a new sender's domain only: the other settings are read when a message is sent", () => {
    const versionWith = (changes: Partial<typeof projectionSettings>) => createMailOutboxProjection({ ...projectionSettings, ...changes }).version;
    expect(versionWith({ companyName: 'Otra Empresa S.A.', publicBaseUrl: 'https://otra.example.co', serviceLine: '601 000 0000' })).toBe(projection.version);
    expect(versionWith({ messageIdDomain: 'otra.example.co' })).not.toBe(projection.version);
  });

  it('a replayed failure changes nothing (idempotent)', () => {
    const once = messages([...HISTORIES.filed, attempt('EmailDeliveryFailed', 1)]);
    expect(messages([...HISTORIES.filed, attempt('EmailDeliveryFailed', 1), attempt('EmailDeliveryFailed', 1)])).toEqual(once);
  });

  it('keeps the address and the name in the one recipient document, and in no message', () => {
    const docs = outbox(HISTORIES.responded_pending);
    expect(docs[`recipient:${CASE_ID}`]).toEqual({ kind: 'recipient', caseId: CASE_ID, filingNumber: '2026-000042', fullName: petitioner.fullName, email: petitioner.email });
    const messageText = JSON.stringify(messages(HISTORIES.responded_pending));
    expect(messageText).not.toContain(petitioner.email);
    expect(messageText).not.toContain(petitioner.fullName);
  });

  describe('a transfer (art. 21): the petition to the competent entity and the copy to the petitioner', () => {
    const delivery = (addressee: 'petitioner' | 'entity'): CaseEvent =>
      ({
        type: 'EmailDelivered',
        data: { sourceEventId: 'evt-2', sourceEventType: 'CaseTransferred', messageId: 'm', attempt: 1, addressee, deliveredBy: 'system:mail', deliveredAt: '2026-03-03T10:00:00-05:00' },
      }) as CaseEvent;
    const byId = (history: CaseEvent[]) => outbox(history) as Record<string, MailOutboxMessageDoc>;

    it('owes two messages with Message-IDs of their own, neither holding an address', () => {
      const docs = byId(HISTORIES.transferred);
      expect(docs['message:evt-2']).toMatchObject({ sourceEventType: 'CaseTransferred', addressee: 'petitioner', status: 'pending', messageId: `<pqr.${CASE_ID}.evt-2@pqr.example.co>` });
      expect(docs['message:evt-2:entity']).toMatchObject({ sourceEventType: 'CaseTransferred', addressee: 'entity', status: 'pending', messageId: `<pqr.${CASE_ID}.evt-2.entity@pqr.example.co>` });
      expect(JSON.stringify(docs['message:evt-2:entity'])).not.toContain('radicacion@sic.gov.co');
    });

    it('marks each delivered by its own EmailDelivered', () => {
      const docs = byId([...HISTORIES.transferred, delivery('entity')]);
      expect(docs['message:evt-2:entity'].status).toBe('delivered');
      expect(docs['message:evt-2'].status).toBe('pending');
      expect(byId([...HISTORIES.transferred, delivery('entity'), delivery('petitioner')])['message:evt-2'].status).toBe('delivered');
    });

    it('owes the entity nothing for a transfer recorded without an address (schema v1)', () => {
      const [filed, typified, transfer] = HISTORIES.transferred as Array<Extract<CaseEvent, { type: 'CaseTransferred' }>>;
      const v1 = { ...transfer, data: { ...transfer.data, entityEmail: null } };
      expect(Object.keys(outbox([filed, typified, v1]))).not.toContain('message:evt-2:entity');
    });

    it('renders the petition for the entity from the transfer and the filing: to its address, with the petition, never once the petitioner is erased', () => {
      const recorded = withIds(recordCaseEvents(CASE_ID, HISTORIES.transferred));
      const filing = (recorded[0] as Extract<ProjectionEvent, { type: 'CaseFiled' }>).data;
      const mail = renderEntityMessage(recorded[2], filing, projectionSettings);
      expect(mail?.to).toBe('radicacion@sic.gov.co');
      expect(mail?.text).toContain(filing.facts);
      expect(mail?.text).toContain(petitioner.documentNumber);
      expect(renderEntityMessage(recorded[2], { ...filing, petitioner: erasedPetitioner() }, projectionSettings)).toBeNull();
    });

    it('a suppression withdraws both: the petition to the entity holds the petitioner data too', () => {
      const erased: CaseEvent = { type: 'PetitionerDataErased', data: { petitionerId: 'p', withdrawnMessages: ['evt-0', 'evt-2'], erasedBy: 'admin', erasedAt: '2026-03-04T10:00:00-05:00' } };
      const docs = outbox([...HISTORIES.transferred, erased]);
      expect(Object.keys(docs)).toEqual([]);
    });
  });
});

