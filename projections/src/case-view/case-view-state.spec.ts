import { CaseEvent, CaseState, evolveCase } from '@app/domain';
import { actors, assigned, caseFiled, caseTypified, confirmed, HISTORIES, informationRequested, respondedPending, respondedResolved, returned } from '@app/domain/testing/case-histories';
import { CaseSimulation } from '../../../bench/seed/case-simulation';
import type { ProjectionEvent } from '../projection';
import { recordCaseEvents } from '../testing/project';
import { stateOfView } from './case-view-state';
import type { CaseView } from './case-view';
import { caseViewProjection } from './case-view.projection';

const at = (day: number, time = '10:00:00') => `2026-03-${String(day).padStart(2, '0')}T${time}-05:00`;
const sla = { detectedBy: 'system:sla', detectedAt: at(20) };
const email = (sourceEventId: string) => ({ sourceEventId, sourceEventType: 'ResponseSent', messageId: `<${sourceEventId}@pqr.example.co>`, attempt: 1 });

const e = {
  reTypified: { type: 'CaseTypified', data: { kind: 'complaint', typology: 'service', motive: 'rude-staff', typifiedBy: actors.agent.id, legalTermDays: 15, dueAt: '2026-03-25T23:59:59.999-05:00' } },
  reassigned: { type: 'CaseAssigned', data: { backofficeId: 'bo-otro', previousBackofficeId: actors.backoffice.id, assignedBy: actors.supervisor.id, assignedAt: at(6) } },
  received: { type: 'InformationReceived', data: { summary: 'Factura', channel: 'email', receivedBy: actors.backoffice.id, receivedAt: at(7), dueAt: '2026-03-26T23:59:59.999-05:00' } },
  counterReply: { type: 'CounterReplyReceived', data: { summary: 'No estoy de acuerdo', channel: 'email', receivedBy: actors.backoffice.id, receivedAt: at(10), reopenedFor: 'x' } },
  extended: { type: 'DeadlineExtended', data: { businessDays: 5, reason: 'Pruebas', previousDueAt: '2026-03-24T23:59:59.999-05:00', dueAt: '2026-03-31T23:59:59.999-05:00', extendedBy: actors.backoffice.id, extendedAt: at(8) } },
  firstResponseOverdue: { type: 'FirstResponseOverdue', data: { dueAt: '2026-03-16T23:59:59.999-05:00', ...sla } },
  resolutionOverdue: { type: 'ResolutionOverdue', data: { dueAt: '2026-03-24T23:59:59.999-05:00', ...sla } },
  delivered: (id: string) => ({ type: 'EmailDelivered', data: { ...email(id), deliveredBy: 'system:mail', deliveredAt: at(9, '10:01:00') } }),
  deliveryFailed: { type: 'EmailDeliveryFailed', data: { ...email('ev-2'), error: 'timeout', nextAttemptAt: at(9, '10:05:00'), failedBy: 'system:mail', failedAt: at(9, '10:02:00') } },
  customerEmail: { type: 'CustomerEmailReceived', data: { messageId: null, subject: 'Re: su caso', body: 'Gracias', attachments: [], disposition: 'noted', counterReplyDeadline: null, receivedBy: 'system:mail', receivedAt: at(11) } },
  survey: { type: 'SatisfactionSurveyAnswered', data: { score: 4, comment: null, via: 'public', recordedBy: 'public', answeredAt: at(12) } },
  quality: { type: 'QualityReviewed', data: { score: 90, findings: 'Bien', reviewedBy: 'qa-1', reviewedAt: at(13) } },
  closed: { type: 'CaseClosed', data: { reason: 'Resuelto', closedBy: actors.supervisor.id, closedAt: at(14) } },
  withdrawn: { type: 'CaseWithdrawn', data: { reason: 'art. 17', informationRequestedAt: at(5), dueAt: '2026-04-06T23:59:59.999-05:00', withdrawnBy: 'system:sla', withdrawnAt: at(30) } },
  periodExtended: {
    type: 'InformationPeriodExtended',
    data: { channel: 'phone', informationRequestedAt: at(5), previousTacitWithdrawalAt: '2026-04-06T23:59:59.999-05:00', tacitWithdrawalAt: '2026-05-05T23:59:59.999-05:00', extendedBy: actors.agent.id, extendedAt: at(20) },
  },
  erased: { type: 'PetitionerDataErased', data: { petitionerId: 'p', withdrawnMessages: [], erasedBy: 'admin', erasedAt: at(15) } },
  urgent: { type: 'CasePriorityChanged', data: { priority: 'urgent', reason: { kind: 'legal', code: 'risk_to_life' }, changedBy: actors.supervisor.id, changedAt: at(4) } },
  normal: { type: 'CasePriorityChanged', data: { priority: 'normal', reason: null, changedBy: actors.supervisor.id, changedAt: at(6) } },
} as const;

/** Histories that between them take every event type, from every status it can come in. */
const LIVES: Record<string, readonly CaseEvent[]> = {
  ...HISTORIES,
  returnedAndRetypified: [...HISTORIES.returned, e.reassigned, returned, e.reTypified, confirmed] as CaseEvent[],
  informationRoundTrip: [...HISTORIES.awaiting_information, e.extended, e.received, e.firstResponseOverdue, respondedPending, e.delivered('ev-1'), e.deliveryFailed, e.delivered('ev-2')] as CaseEvent[],
  reopened: [...HISTORIES.responded_resolved, e.customerEmail, e.counterReply, e.resolutionOverdue, respondedResolved, e.survey, e.quality, e.closed, e.erased] as CaseEvent[],
  withdrawn: [...HISTORIES.awaiting_information, e.withdrawn, e.survey] as CaseEvent[],
  extraMonth: [...HISTORIES.awaiting_information, e.periodExtended, e.received] as CaseEvent[],
  resolvedAtFirstLine: [...HISTORIES.resolved_first_line, e.survey, e.erased] as CaseEvent[],
  transferred: [...HISTORIES.transferred, e.quality, e.closed] as CaseEvent[],
  urgentAndBack: [...HISTORIES.assigned, e.urgent, confirmed, informationRequested, e.normal, e.urgent] as CaseEvent[],
  // Events the decider would refuse (a history altered by hand): evolve leaves the state as it is.
  outOfOrder: [caseFiled, caseTypified, confirmed, informationRequested, respondedResolved, e.counterReply, returned, assigned, confirmed] as CaseEvent[],
};

/** As the view is stored and read back. */
const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every event's view, folded back to a state, against the state evolveCase folds from the events. */
function foldBoth(events: ProjectionEvent[]): { fromView: CaseState; fromEvents: CaseState }[] {
  let view: CaseView | null = null;
  let state: CaseState = { status: 'none' };
  return events.flatMap((event) => {
    const evolved = caseViewProjection.evolve({ case: view && roundTrip(view) }, event).case;
    if (evolved) view = evolved;
    state = evolveCase(state, event);
    return view ? [{ fromView: roundTrip(stateOfView(roundTrip(view))), fromEvents: roundTrip(state) }] : [];
  });
}

describe('stateOfView', () => {
  it.each(Object.entries(LIVES).filter(([, events]) => events.length > 0))('given the history %s, then after each event the view folds back to the state evolveCase gives', (_name, events) => {
    const steps = foldBoth(recordCaseEvents('0b7f6c1e-9d4a-4c55-8f0e-3a1b2c3d4e5f', [...events]));
    expect(steps).toHaveLength(events.length);
    for (const { fromView, fromEvents } of steps) expect(fromView).toStrictEqual(fromEvents);
  });

  it('given the lives of simulated cases decided by the real decider, then after each event the view folds back to the state evolveCase gives', () => {
    const simulation = new CaseSimulation({ name: 'case-view-state', seed: 20_261_206, cases: 400, startDate: '2026-01-01', months: 2, staff: { agents: 4, backoffice: 6, supervisors: 1, quality: 1 } });
    const types = new Set<string>();
    let cases = 0;
    for (let history = simulation.nextCaseHistory(); history; history = simulation.nextCaseHistory()) {
      const events = history.flatMap(({ events }) => events);
      events.forEach(({ type }) => types.add(type));
      const steps = foldBoth(recordCaseEvents(history[0].streamId.replace(/^case-/, ''), events));
      for (const { fromView, fromEvents } of steps) expect(fromView).toStrictEqual(fromEvents);
      cases++;
    }
    expect(cases).toBe(400);
    // The lives took the decider through its commands, not only the filing.
    expect([...types].sort()).toEqual(expect.arrayContaining(['CaseAssigned', 'CaseClosed', 'CaseReturnedToAgent', 'CounterReplyReceived', 'DeadlineExtended', 'InformationReceived', 'InformationRequested', 'ResponseSent', 'SatisfactionSurveyAnswered']));
  });
});
