import { CASE_ID, HISTORIES, caseFiled, assigned, confirmed, respondedResolved, caseTypified } from '@app/domain/testing/case-histories';
import { project, recordCaseEvents } from '../testing/project';
import { hashVerificationCode } from '../verification-code';
import { CASES_COLLECTION, caseViewProjection } from './case-view.projection';

describe('case-view projection', () => {
  it('given a filing with an email id, then the search keys hold it, the case open, and the filing and due instants as numbers', () => {
    const filed = { ...caseFiled, data: { ...caseFiled.data, petitionerEmailId: 'e'.repeat(64) } } as typeof caseFiled;
    const view = project(caseViewProjection, recordCaseEvents(CASE_ID, [filed, caseTypified])).byCollection[CASES_COLLECTION][CASE_ID];
    expect(view.search).toEqual({ petitionerEmailId: 'e'.repeat(64), open: 1, filedMs: Date.parse(view.filedAt as string), dueMs: Date.parse('2026-03-24T23:59:59.999-05:00') });
  });

  it('given a case transferred, then it is no longer open; given the petitioner erased, then the email id is gone', () => {
    const transferred = project(caseViewProjection, recordCaseEvents(CASE_ID, HISTORIES.transferred)).byCollection[CASES_COLLECTION][CASE_ID];
    expect(transferred.search).toMatchObject({ open: 0 });
    const filed = { ...caseFiled, data: { ...caseFiled.data, petitionerEmailId: 'e'.repeat(64) } } as typeof caseFiled;
    const erased = { type: 'PetitionerDataErased', data: { petitionerId: 'p', withdrawnMessages: [], erasedBy: 'adm-adela', erasedAt: '2026-03-10T10:00:00-05:00' } } as unknown as typeof caseFiled;
    const view = project(caseViewProjection, recordCaseEvents(CASE_ID, [filed, caseTypified, erased])).byCollection[CASES_COLLECTION][CASE_ID];
    expect(view.search).toMatchObject({ petitionerEmailId: null, open: 1 });
  });

  it('given a filed and typified case, then the view shows its facts, typification and deadline', () => {
    const { byCollection } = project(caseViewProjection, recordCaseEvents(CASE_ID, HISTORIES.filed));
    expect(byCollection[CASES_COLLECTION][CASE_ID]).toMatchObject({
      caseId: CASE_ID,
      filingNumber: '2026-000042',
      status: 'filed',
      kind: 'claim',
      typology: 'billing',
      motive: 'duplicate-charge',
      channel: 'phone',
      assigneeId: null,
      dueAt: '2026-03-24T23:59:59.999-05:00',
      revision: 1,
      verificationCodeHash: hashVerificationCode('K7P2QX'),
    });
  });

  it('given a case answered as resolved, then the view shows the assignee and the last response', () => {
    const events = recordCaseEvents(CASE_ID, [caseFiled, caseTypified, assigned, confirmed, respondedResolved]);
    const view = project(caseViewProjection, events).byCollection[CASES_COLLECTION][CASE_ID];
    expect(view).toMatchObject({
      status: 'responded',
      assigneeId: 'bo-beto',
      lastResponse: { outcome: 'resolved', respondedBy: 'bo-beto', respondedAt: '2026-03-09T10:00:00-05:00' },
      counterReplyDeadline: '2026-03-12T23:59:59.999-05:00',
      revision: 4,
    });
  });

  it('given SLA facts, then the view shows the overdue deadlines and a tacit withdrawal', () => {
    const sla = { detectedBy: 'system:sla', detectedAt: '2026-03-03T13:00:01-05:00' };
    const withdrawn = {
      type: 'CaseWithdrawn',
      data: { withdrawnAt: '2026-04-07T00:00:01-05:00', reason: 'art. 17', informationRequestedAt: '2026-03-05T10:00:00-05:00', dueAt: '2026-04-06T23:59:59.999-05:00', withdrawnBy: 'system:sla' },
    } as const;
    const events = recordCaseEvents(CASE_ID, [
      ...HISTORIES.in_progress,
      { type: 'ResolutionOverdue', data: { dueAt: '2026-03-03T13:00:00.000-05:00', ...sla } },
      ...HISTORIES.awaiting_information.slice(-1),
      withdrawn,
    ]);
    expect(project(caseViewProjection, events).byCollection[CASES_COLLECTION][CASE_ID]).toMatchObject({
      status: 'withdrawn',
      overdue: { firstResponse: null, resolution: '2026-03-03T13:00:00.000-05:00' },
      withdrawnAt: '2026-04-07T00:00:01-05:00',
      closeReason: 'art. 17',
    });
  });

  it('given the same events twice, then the documents are the same as once', () => {
    const events = recordCaseEvents(CASE_ID, HISTORIES.returned);
    const once = project(caseViewProjection, events);
    const twice = project(caseViewProjection, events, once.documents);
    expect(twice.byCollection).toEqual(once.byCollection);
  });

  it('given events of a case never filed (a foreign stream), then no document is created', () => {
    const events = recordCaseEvents(CASE_ID, [assigned]);
    expect(project(caseViewProjection, events).byCollection).toEqual({});
  });
});
