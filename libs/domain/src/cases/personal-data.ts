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
 * petitioner of CaseFiled (keyed by its petitionerId), and the customer's own words in an email
 * (a signature carries their name; keyed by the case's petitioner). Structurally a PersonalDataPolicy.
 */
export const CASE_PERSONAL_DATA_POLICY = {
  rules: {
    CaseFiled: { fields: ['petitioner'], petitionerFrom: 'data.petitionerId' },
    CustomerEmailReceived: { fields: ['subject', 'body'], petitionerFrom: 'stream' },
  },
  erasedValue: (_eventType: string, field: string): unknown => (field === 'petitioner' ? erasedPetitioner() : ERASED_MARK),
} as const;
