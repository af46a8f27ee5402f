import type { CaseEvent } from '@app/domain';
import { CASE_ID, HISTORIES } from '@app/domain/testing/case-histories';
import { project, recordCaseEvents } from '../testing/project';
import { caseTimelineProjection, TIMELINES_COLLECTION } from './case-timeline.projection';

describe('case-timeline projection', () => {
  it('given a worked case, then every step is listed with who, when, channel and whether the customer sees it', () => {
    const timeline = project(caseTimelineProjection, recordCaseEvents(CASE_ID, HISTORIES.responded_resolved, 1, 'someone')).byCollection[TIMELINES_COLLECTION][CASE_ID] as {
      entries: { type: string; channel: string; customerVisible: boolean; actorId: string; at: string; description: string }[];
    };
    // The status is the case view's: the timeline keeps no case state (ADR 16).
    expect(Object.keys(timeline).sort()).toEqual(['caseId', 'entries', 'filingNumber', 'responses', 'verificationCodeHash']);
    expect(timeline.entries.map((e) => [e.type, e.channel, e.customerVisible])).toEqual([
      ['CaseFiled', 'phone', true],
      ['CaseTypified', 'internal', false],
      ['CaseAssigned', 'internal', false],
      ['TypificationConfirmed', 'internal', false],
      ['ResponseSent', 'email', true],
    ]);
    expect(timeline.entries[0]).toMatchObject({ actorId: 'someone', at: '2026-03-02T10:00:00-05:00', description: 'Caso radicado con el número 2026-000042' });
    expect(timeline.entries[4].description).toBe('Respuesta enviada al cliente (resuelto)');
  });

  it('given responses and a resolution at first line, then their texts oldest first; after an erasure every text reads [erased]', () => {
    const timelineOf = (history: CaseEvent[]) =>
      project(caseTimelineProjection, recordCaseEvents(CASE_ID, history)).byCollection[TIMELINES_COLLECTION][CASE_ID] as { responses: unknown[] };
    const reopened: CaseEvent[] = [
      ...HISTORIES.responded_pending,
      { type: 'ResponseSent', data: { body: 'Reversamos el cobro', outcome: 'resolved', decision: 'favourable', decisionReason: null, respondedBy: 'bo-beto', respondedAt: '2026-03-11T10:00:00-05:00', counterReplyDeadline: '2026-03-16T23:59:59.999-05:00' } },
    ];
    expect(timelineOf(reopened).responses).toEqual([
      { at: '2026-03-09T10:00:00-05:00', body: 'Estamos revisando', outcome: 'pending' },
      { at: '2026-03-11T10:00:00-05:00', body: 'Reversamos el cobro', outcome: 'resolved' },
    ]);
    expect(timelineOf(HISTORIES.resolved_first_line).responses).toEqual([{ at: '2026-03-02T10:00:00-05:00', body: 'Se explicó la tarifa', outcome: 'resolved' }]);
    expect(timelineOf(HISTORIES.in_progress).responses).toEqual([]);
    const erased: CaseEvent = { type: 'PetitionerDataErased', data: { petitionerId: 'p', withdrawnMessages: [], erasedBy: 'admin-ada', erasedAt: '2026-03-12T10:00:00-05:00' } };
    expect(timelineOf([...reopened, erased]).responses).toEqual([
      { at: '2026-03-09T10:00:00-05:00', body: '[erased]', outcome: 'pending' },
      { at: '2026-03-11T10:00:00-05:00', body: '[erased]', outcome: 'resolved' },
    ]);
  });

  it('given events of a case whose filing it never saw, then it keeps no timeline', () => {
    const [, ...afterFiling] = recordCaseEvents(CASE_ID, HISTORIES.responded_resolved);
    expect(project(caseTimelineProjection, afterFiling).byCollection[TIMELINES_COLLECTION] ?? {}).toEqual({});
  });

  it('given the same events twice, then no entry is repeated', () => {
    const events = recordCaseEvents(CASE_ID, HISTORIES.returned);
    const once = project(caseTimelineProjection, events);
    expect(project(caseTimelineProjection, events, once.documents).byCollection).toEqual(once.byCollection);
  });

  it('given the tacit withdrawal notified and a transfer sent, then the timeline shows both deliveries to the customer; other deliveries stay internal', () => {
    const delivered = (sourceEventType: string, addressee: 'petitioner' | 'entity'): CaseEvent =>
      ({ type: 'EmailDelivered', data: { sourceEventId: 'e', sourceEventType, messageId: 'm', attempt: 1, addressee, deliveredBy: 'system:mail', deliveredAt: '2026-04-07T10:00:00-05:00' } }) as CaseEvent;
    const withdrawn: CaseEvent = {
      type: 'CaseWithdrawn',
      data: { reason: 'art. 17', informationRequestedAt: '2026-03-05T10:00:00-05:00', dueAt: '2026-04-06T23:59:59.999-05:00', withdrawnBy: 'system:sla', withdrawnAt: '2026-04-07T00:00:01-05:00' },
    };
    const history = [...HISTORIES.awaiting_information, delivered('InformationRequested', 'petitioner'), withdrawn, delivered('CaseWithdrawn', 'petitioner'), delivered('CaseTransferred', 'entity')];
    const timeline = project(caseTimelineProjection, recordCaseEvents(CASE_ID, history)).byCollection[TIMELINES_COLLECTION][CASE_ID] as {
      entries: { type: string; customerVisible: boolean; description: string }[];
    };
    expect(timeline.entries.filter((entry) => entry.type === 'EmailDelivered').map((entry) => [entry.customerVisible, entry.description])).toEqual([
      [false, 'Correo enviado al cliente (InformationRequested)'],
      [true, 'Decisión de desistimiento tácito notificada al cliente por correo'],
      [true, 'Petición remitida por correo a la entidad competente (traslado, Ley 1755 de 2015, art. 21)'],
    ]);
  });
});

