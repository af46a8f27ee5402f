import { BusinessCalendar } from '../calendar';
import { deciderSpec } from '../testing/given-when-then';
import { actors, caseFiled, command, consent, fileClaimCommand, HISTORIES, march2026, petitioner, PETITIONER_ID } from '../testing/case-histories';
import type { Actor } from '../shared/actor';
import type { CaseEvent } from './case.events';
import { createCaseDecider } from './case.decider';
import { upcastCaseEvent } from './case.upcasters';
import { CASE_PERSONAL_DATA_POLICY, ERASED_MARK, erasedPetitioner, isErasedPetitioner } from './personal-data';
import { CASE_EVENT_SHAPES } from './case-event-shapes';

const decider = createCaseDecider(new BusinessCalendar());
const spec = deciderSpec(decider);
const admin: Actor = { id: 'adm-adela', roles: ['admin'] };

const filing = fileClaimCommand;

const erase = (petitionerId = PETITIONER_ID, withdrawnMessages: string[] = ['event-1']) =>
  command('ErasePetitionerData', { petitionerId, withdrawnMessages }, admin, march2026(20));

describe('Consent (Ley 1581 de 2012, art. 9): a case is filed only with it, recorded on the filing', () => {
  it('given no case, when filed with consent, then CaseFiled records when, through which channel and under which policy it was given, and the petitioner id', () => {
    const [filed] = spec.given([]).when(filing()).thenEmits();
    expect(filed).toMatchObject({ type: 'CaseFiled', data: { consent, petitionerId: PETITIONER_ID, petitioner } });
  });

  it('given no case, when filed without consent, then it is refused (422 CASE.CONSENT_REQUIRED)', () => {
    spec.given([]).when(filing({ consent: undefined })).thenFails('CASE.CONSENT_REQUIRED');
    spec.given([]).when(filing({ consent: null })).thenFails('CASE.CONSENT_REQUIRED');
  });

  it('given a CaseFiled stored with schema version 1, when read, then consent reads as not recorded and the petitioner id as unknown', () => {
    const { consent: _consent, petitionerId: _id, ...v1 } = (caseFiled as Extract<CaseEvent, { type: 'CaseFiled' }>).data;
    const read = upcastCaseEvent('CaseFiled', 1, v1 as unknown as Record<string, unknown>);
    expect(read).toEqual({ type: 'CaseFiled', data: { ...v1, consent: null, petitionerId: null } });
    const state = decider.evolve(decider.initialState(), read);
    expect(state).toMatchObject({ status: 'to_typify', petitionerId: null, petitionerErased: false });
  });
});

/**
 * The text fields of the case events that are not free text: ids, instants, codes and enumerations,
 * and the competent entity of a transfer (an institution, with its filing address). Every other text
 * field is written by or about the petitioner and must be in CASE_PERSONAL_DATA_POLICY (issue 23).
 */
const STRUCTURED_TEXT = /(At|By|Id|Deadline|For)$|^(caseId|filingNumber|verificationCode|kind|channel|typology|motive|relatedFilingNumber|outcome|decision|messageId|disposition|via|sourceEventType|addressee|entity|entityEmail|priority)$/;

describe('Which event fields are encrypted under the petitioner’s key (issue 23, ADR 25)', () => {
  it('every text field of every case event is either structured or named by the policy (a new free text cannot be forgotten)', () => {
    const rules = CASE_PERSONAL_DATA_POLICY.rules as Record<string, { fields: readonly string[] }>;
    const unprotected = Object.entries(CASE_EVENT_SHAPES).flatMap(([type, shape]) =>
      Object.entries(shape)
        .filter(([field, check]) => (check === 'text' || check === 'textOrNull') && !STRUCTURED_TEXT.test(field) && !rules[type]?.fields.includes(field))
        .map(([field]) => `${type}.${field}`),
    );
    expect(unprotected).toEqual([]);
    expect(Object.keys(rules).sort()).toEqual(
      [
        'CaseClosed', 'CaseFiled', 'CaseResolvedAtFirstLine', 'CaseReturnedToAgent', 'CaseTransferred', 'CaseWithdrawn', 'CounterReplyReceived', 'CustomerEmailReceived',
        'DeadlineExtended', 'EmailDeliveryFailed', 'InformationReceived', 'InformationRequested', 'InternalNoteAdded', 'QualityReviewed', 'ResponseSent', 'SatisfactionSurveyAnswered',
      ],
    );
  });
});

describe("Erasure of a petitioner's personal data (suppression, crypto-shredding)", () => {
  it('given a filed case, when its petitioner is erased, then PetitionerDataErased names the petitioner, the messages withdrawn, who and when', () => {
    spec.given(HISTORIES.filed).when(erase()).then([
      { type: 'PetitionerDataErased', data: { petitionerId: PETITIONER_ID, withdrawnMessages: ['event-1'], erasedBy: admin.id, erasedAt: march2026(20) } },
    ]);
  });

  it.each(Object.keys(HISTORIES).filter((name) => name !== 'none'))('given a case %s, the erasure is allowed whatever the status', (name) => {
    const [event] = spec.given(HISTORIES[name as keyof typeof HISTORIES]).when(erase()).thenEmits();
    expect(event.type).toBe('PetitionerDataErased');
  });

  it('given an erased case, when erased again, then it is refused as done (CASE.PETITIONER_ALREADY_ERASED) and the status did not move', () => {
    const [erased] = spec.given(HISTORIES.in_progress).when(erase()).thenEmits();
    spec.given([...HISTORIES.in_progress, erased]).when(erase()).thenFails('CASE.PETITIONER_ALREADY_ERASED');
    const state = [...HISTORIES.in_progress, erased].reduce(decider.evolve, decider.initialState());
    expect(state).toMatchObject({ status: 'in_progress', petitionerErased: true });
  });

  it("given another petitioner's case, when erased by this petitioner's id, then it is refused (CASE.OTHER_PETITIONER)", () => {
    spec.given(HISTORIES.filed).when(erase('f'.repeat(64))).thenFails('CASE.OTHER_PETITIONER');
  });

  it('given a returned or a closed case, when its petitioner is erased, then the state holds the reason as [erased] (what a replay reads once the key is gone)', () => {
    const erasedEvent: CaseEvent = { type: 'PetitionerDataErased', data: { petitionerId: PETITIONER_ID, withdrawnMessages: [], erasedBy: admin.id, erasedAt: march2026(20) } };
    const fold = (history: CaseEvent[]) => [...history, erasedEvent].reduce(decider.evolve, decider.initialState());
    expect(fold(HISTORIES.returned)).toMatchObject({ status: 'returned', returnReason: ERASED_MARK, petitionerErased: true });
    expect(fold(HISTORIES.closed)).toMatchObject({ status: 'closed', closeReason: ERASED_MARK, petitionerErased: true });
    expect(fold(HISTORIES.assigned)).not.toHaveProperty('returnReason');
  });

  it('given no case, when erased, then CASE.NOT_FOUND', () => {
    spec.given([]).when(erase()).thenFails('CASE.NOT_FOUND');
  });

  it('the erased petitioner reads [erased] in every field, and the policy names the personal fields of the case events', () => {
    expect(erasedPetitioner()).toEqual({ fullName: ERASED_MARK, documentType: ERASED_MARK, documentNumber: ERASED_MARK, email: ERASED_MARK });
    expect(isErasedPetitioner(erasedPetitioner())).toBe(true);
    expect(isErasedPetitioner(petitioner)).toBe(false);
    expect(CASE_PERSONAL_DATA_POLICY.rules.CaseFiled.fields).toEqual(['petitioner', 'subject', 'facts', 'request', 'attachments[].name']);
    expect(CASE_PERSONAL_DATA_POLICY.rules.CustomerEmailReceived.fields).toEqual(['subject', 'body', 'attachments[].name']);
    expect(CASE_PERSONAL_DATA_POLICY.erasedValue('CustomerEmailReceived', 'attachments[].name')).toBe(ERASED_MARK);
    expect(CASE_PERSONAL_DATA_POLICY.erasedValue('CustomerEmailReceived', 'body')).toBe(ERASED_MARK);
    expect(CASE_PERSONAL_DATA_POLICY.erasedValue('CaseFiled', 'petitioner')).toEqual(erasedPetitioner());
  });
});
