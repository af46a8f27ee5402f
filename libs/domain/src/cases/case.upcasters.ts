import { upcast, UpcasterRegistry } from '../shared/upcasting';
import { CASE_EVENT_SCHEMA_VERSIONS, CaseEvent } from './case.events';

/** Upcasters of the case events, per type and stored schema version. */
export const CASE_EVENT_UPCASTERS: UpcasterRegistry = {
  CaseFiled: {
    // v2 (issue 7): the pseudonymous petitioner id and the consent. A v1 filing recorded neither.
    1: (data) => ({ ...data, petitionerId: null, consent: null }),
    // v3 (issue 28): the keyed hash of the email the search matches on; earlier filings have none.
    2: (data) => ({ ...data, petitionerEmailId: null }),
  },
  // v2 (issue 28): a v1 typification never claimed a distinct matter.
  CaseTypified: { 1: (data) => ({ ...data, distinctMatter: false }) },
  CaseTransferred: {
    // v2 (issue 22, art. 21): the entity's email address the petition is sent to, and whether the petitioner was told at once.
    1: (data) => ({ ...data, entityEmail: null, toldAtOnce: false }),
  },
  // v2 (issue 22): a transfer writes to the competent entity too; every v1 attempt was the petitioner's message.
  EmailDelivered: { 1: (data) => ({ ...data, addressee: 'petitioner' }) },
  EmailDeliveryFailed: { 1: (data) => ({ ...data, addressee: 'petitioner' }) },
  // v2 (issue 28): a v1 response recorded no decision; null says "not recorded", never a guess.
  ResponseSent: { 1: (data) => ({ ...data, decision: null, decisionReason: null }) },
  InformationRequested: {
    // v2 (issue 22): a v1 request suspended the legal term (unless it had expired) and its closing dates came from the configuration.
    1: (data) => ({ ...data, suspendsLegalTerm: true, tacitWithdrawalAt: null, customerSilenceDueAt: null }),
  },
};

export function isCaseEventType(type: string): type is CaseEvent['type'] {
  return Object.prototype.hasOwnProperty.call(CASE_EVENT_SCHEMA_VERSIONS, type);
}

/** A stored case event brought to the schema the code reads today. */
export function upcastCaseEvent(type: CaseEvent['type'], storedVersion: number, data: Record<string, unknown>): CaseEvent {
  return { type, data: upcast(CASE_EVENT_UPCASTERS, type, storedVersion, CASE_EVENT_SCHEMA_VERSIONS[type], data) } as CaseEvent;
}
