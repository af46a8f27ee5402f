import { caseFiled, caseTypified } from '@app/domain/testing/case-histories';
import { HIDDEN_CLASSES_OF_ONE_SHAPE, hiddenClassCount } from '@app/domain/testing/hidden-classes';
import type { RecordedEvent } from '@app/event-store';
import { shapeViolationOf, toAnyProjectionEvent, toProjectionEvent } from './to-projection-event';

const recorded = (position: number, type: string, data: unknown, schemaVersion = 1): RecordedEvent =>
  JSON.parse(
    JSON.stringify({ streamId: `case-${position}`, revision: 1, position, type, data, metadata: { eventId: `e-${position}`, schemaVersion, actorId: 'a', occurredAt: '2026-03-02T10:00:00-05:00' }, recordedAt: '2026-03-02T15:00:00.000Z' }),
  );

describe('toProjectionEvent', () => {
  it('gives the event its stream, case, revision, position and metadata, upcast to the schema of today', () => {
    const { petitionerId: _id, consent: _consent, ...v1Data } = caseFiled.data as Record<string, unknown>;
    const event = toProjectionEvent(recorded(7, 'CaseFiled', v1Data));
    expect(event).toEqual({
      type: 'CaseFiled',
      data: { ...v1Data, petitionerId: null, consent: null },
      streamId: 'case-7',
      caseId: '7',
      revision: 1,
      position: 7,
      metadata: expect.objectContaining({ eventId: 'e-7', actorId: 'a' }),
    });
  });

  it('skips what is not a case event', () => {
    expect(toProjectionEvent(recorded(1, 'SomethingElse', {}))).toBeNull();
  });

  it('reads events of one type alike (every projection reads each of them)', () => {
    const events = Array.from({ length: 20 }, (_, index) => toProjectionEvent(recorded(index + 1, caseTypified.type, caseTypified.data))!);
    expect(hiddenClassCount(events)).toBeLessThanOrEqual(HIDDEN_CLASSES_OF_ONE_SHAPE);
  });
});

describe('toAnyProjectionEvent', () => {
  const created = { userId: 'bo-beto', displayName: 'Beto', email: 'beto@empresa.co', roles: ['backoffice'], teamIds: [] };

  it('reads a directory event with its stream, revision, position and metadata, and no case', () => {
    const event = toAnyProjectionEvent({ ...recorded(3, 'UserCreated', created), streamId: 'user-bo-beto' });
    expect(event).toEqual({ type: 'UserCreated', data: created, streamId: 'user-bo-beto', caseId: undefined, revision: 1, position: 3, metadata: expect.objectContaining({ actorId: 'a' }) });
    expect(shapeViolationOf(event!)).toBeUndefined();
  });

  it('reads case events as toProjectionEvent does, and skips any other', () => {
    expect(toAnyProjectionEvent(recorded(5, caseTypified.type, caseTypified.data))).toEqual(toProjectionEvent(recorded(5, caseTypified.type, caseTypified.data)));
    expect(toAnyProjectionEvent(recorded(1, 'CaseAccessed', {}))).toBeNull();
  });
});
