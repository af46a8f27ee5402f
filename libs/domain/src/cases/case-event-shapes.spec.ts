import { HISTORIES } from '../testing/case-histories';
import { caseEventShapeViolation } from './case-event-shapes';
import { upcastCaseEvent } from './case.upcasters';

describe('caseEventShapeViolation', () => {
  it('given every event of the shared histories, then none breaks its shape', () => {
    for (const event of Object.values(HISTORIES).flat()) expect(caseEventShapeViolation(event.type, event.data)).toBeUndefined();
  });

  it('given a CaseFiled of schema version 1 upcast to today, then it holds its shape', () => {
    const { petitionerId: _id, consent: _consent, ...v1 } = HISTORIES.filed[0].data as unknown as Record<string, unknown>;
    const upcast = upcastCaseEvent('CaseFiled', 1, v1);
    expect(caseEventShapeViolation(upcast.type, upcast.data)).toBeUndefined();
  });

  it('given a CaseFiled of schema version 2 upcast to today, then it holds its shape with no email id', () => {
    const { petitionerEmailId: _emailId, ...v2 } = HISTORIES.filed[0].data as unknown as Record<string, unknown>;
    const upcast = upcastCaseEvent('CaseFiled', 2, v2);
    expect(caseEventShapeViolation(upcast.type, upcast.data)).toBeUndefined();
    expect(upcast.data).toMatchObject({ petitionerEmailId: null });
  });

  it('given a CaseTypified of schema version 1 upcast to today, then it never claimed a distinct matter', () => {
    const { distinctMatter: _distinct, ...v1 } = HISTORIES.filed.find((event) => event.type === 'CaseTypified')!.data as unknown as Record<string, unknown>;
    const upcast = upcastCaseEvent('CaseTypified', 1, v1);
    expect(caseEventShapeViolation(upcast.type, upcast.data)).toBeUndefined();
    expect(upcast.data).toMatchObject({ distinctMatter: false });
  });

  it('given a CaseAssigned with empty data, then it names the first missing field', () => {
    expect(caseEventShapeViolation('CaseAssigned', {})).toEqual({ field: 'backofficeId', problem: 'is missing (a string)' });
  });

  it('given a field of the wrong kind, then it names the field and what it must be', () => {
    const assigned = { backofficeId: 'bo-1', previousBackofficeId: 7, assignedBy: 'sup', assignedAt: '2026-03-02T10:00:00-05:00' };
    expect(caseEventShapeViolation('CaseAssigned', assigned)).toEqual({ field: 'previousBackofficeId', problem: 'must be a string or null' });
    expect(caseEventShapeViolation('QualityReviewed', { score: 'high', findings: '', reviewedBy: 'q', reviewedAt: 'x' })).toEqual({ field: 'score', problem: 'must be a number' });
  });

  it('given data that is not an object, then the data itself is named', () => {
    expect(caseEventShapeViolation('CaseClosed', null)).toEqual({ field: 'data', problem: 'must be an object' });
    expect(caseEventShapeViolation('CaseClosed', [])).toEqual({ field: 'data', problem: 'must be an object' });
  });
});
