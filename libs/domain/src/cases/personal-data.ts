import type { Petitioner } from './case.events';

/** What stands where a petitioner's personal data was, once it has been erased (crypto-shredding). */
export const ERASED_MARK = '[erased]';

/** The petitioner of a case whose personal data was erased: every field the marker. */
export function erasedPetitioner(): Petitioner {
  return { fullName: ERASED_MARK, documentType: ERASED_MARK as Petitioner['documentType'], documentNumber: ERASED_MARK, email: ERASED_MARK };
}

export function isErasedPetitioner(petitioner: Pick<Petitioner, 'email'> | null | undefined): boolean {
  return petitioner?.email === ERASED_MARK;
}

/**
 * Where the case events hold personal data, for the event store's encrypting decorator: the
 * petitioner of CaseFiled (keyed by its petitionerId), and every free text written by or about the
 * petitioner (keyed by the case's petitioner, named by the stream's first event): staff may copy a
 * name, a document number, an address into any of them, and the customer signs their emails.
 * Attachment names too (`cedula-<document>-<surname>.pdf`). Structurally a PersonalDataPolicy.
 * Once the key is destroyed each reads as `[erased]` (a string, so the event shapes still hold).
 * docs/adr/0025-every-free-text-under-the-petitioners-key.md.
 */
export const CASE_PERSONAL_DATA_POLICY = {
  rules: {
    CaseFiled: { fields: ['petitioner', 'subject', 'facts', 'request', 'attachments[].name'], petitionerFrom: 'data.petitionerId' },
    CaseResolvedAtFirstLine: { fields: ['resolution'], petitionerFrom: 'stream' },
    CaseReturnedToAgent: { fields: ['reason'], petitionerFrom: 'stream' },
    InformationRequested: { fields: ['message'], petitionerFrom: 'stream' },
    InformationReceived: { fields: ['summary'], petitionerFrom: 'stream' },
    ResponseSent: { fields: ['body', 'decisionReason'], petitionerFrom: 'stream' },
    InternalNoteAdded: { fields: ['text'], petitionerFrom: 'stream' },
    CounterReplyReceived: { fields: ['summary'], petitionerFrom: 'stream' },
    DeadlineExtended: { fields: ['reason'], petitionerFrom: 'stream' },
    CaseTransferred: { fields: ['reason'], petitionerFrom: 'stream' },
    SatisfactionSurveyAnswered: { fields: ['comment'], petitionerFrom: 'stream' },
    QualityReviewed: { fields: ['findings'], petitionerFrom: 'stream' },
    CaseClosed: { fields: ['reason'], petitionerFrom: 'stream' },
    CaseWithdrawn: { fields: ['reason'], petitionerFrom: 'stream' },
    CustomerEmailReceived: { fields: ['subject', 'body', 'attachments[].name'], petitionerFrom: 'stream' },
    // A mail server's refusal often quotes the recipient's address.
    EmailDeliveryFailed: { fields: ['error'], petitionerFrom: 'stream' },
  },
  erasedValue: (_eventType: string, field: string): unknown => (field === 'petitioner' ? erasedPetitioner() : ERASED_MARK),
} as const;
