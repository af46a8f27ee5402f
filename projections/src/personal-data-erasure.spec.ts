import { actors, assigned, caseFiled, caseTypified, confirmed, DUE_AT, informationRequested, PETITIONER_ID, returned } from '@app/domain/testing/case-histories';
import { CASE_PERSONAL_DATA_POLICY, CaseEvent } from '@app/domain';
import { mapPersonalValues } from '@app/event-store';
import { CUSTOMER_MAIL_EVENT_TYPES } from '@app/mail';
import type { ProjectionEvent } from './projection';
import { EVERY_PROJECTION } from '@app/runtime/projections/testing/every-projection';
import { project, recordCaseEvents, withEventIds } from './testing/project';

/** What staff and the customer copied into the free texts: the petitioner's name, document, email and phone. */
const COPIED = ['Epifanio Pemberthy Ossa', '73829104657', 'epifanio.pemberthy@example.com', '+57 312 999 0001'];
const copied = (label: string) => `${label}: ${COPIED.join(' / ')}`;
const on = (day: number) => `2026-03-${String(day).padStart(2, '0')}T10:00:00-05:00`;

const filedWithCopies = {
  ...caseFiled,
  data: {
    ...caseFiled.data,
    subject: copied('Asunto'),
    facts: copied('Hechos'),
    request: copied('Solicitud'),
    attachments: [{ name: `cedula-${COPIED[1]}-Pemberthy.pdf`, contentType: 'application/pdf', size: 10 }],
  },
} as CaseEvent;
const extended = { type: 'DeadlineExtended', data: { businessDays: 5, reason: copied('Prórroga'), previousDueAt: DUE_AT, dueAt: '2026-03-31T23:59:59.999-05:00', extendedBy: actors.backoffice.id, extendedAt: on(6) } } as CaseEvent;
const withdrawn = { ...informationRequested, data: { ...informationRequested.data, message: copied('Solicitud de información') } } as CaseEvent;
const returnedWithCopy = { ...returned, data: { ...returned.data, reason: copied('Devuelto') } } as CaseEvent;
const retypified = { ...caseTypified, data: { ...caseTypified.data, typifiedBy: actors.agent.id } } as CaseEvent;
const reviewed = { type: 'QualityReviewed', data: { score: 3, findings: copied('Hallazgo'), reviewedBy: actors.quality.id, reviewedAt: on(7) } } as CaseEvent;
const survey = { type: 'SatisfactionSurveyAnswered', data: { score: 4, comment: copied('Comentario'), via: 'agent', recordedBy: actors.agent.id, answeredAt: on(8) } } as CaseEvent;
const responded = { type: 'ResponseSent', data: { body: copied('Respuesta'), outcome: 'resolved', decision: 'favourable', decisionReason: null, respondedBy: actors.backoffice.id, respondedAt: on(7), counterReplyDeadline: '2026-03-10T23:59:59.999-05:00' } } as CaseEvent;
const closed = { type: 'CaseClosed', data: { reason: copied('Cierre'), closedBy: actors.supervisor.id, closedAt: on(9) } } as CaseEvent;
const erased = (day: number) => ({ type: 'PetitionerDataErased', data: { petitionerId: PETITIONER_ID, withdrawnMessages: [], erasedBy: 'adm-adela', erasedAt: on(day) } }) as CaseEvent;

/** Open cases (returned; extended and awaiting information) and a closed one, each with every text copied. */
const HISTORIES_WITH_COPIES: CaseEvent[][] = [
  [filedWithCopies, caseTypified, assigned, returnedWithCopy, erased(12)],
  [filedWithCopies, caseTypified, assigned, returnedWithCopy, retypified, assigned, confirmed, extended, withdrawn, reviewed, erased(12)],
  [filedWithCopies, caseTypified, assigned, returnedWithCopy, retypified, assigned, confirmed, extended, responded, reviewed, survey, closed, erased(12)],
];

function recorded(history: CaseEvent[], index: number): ProjectionEvent[] {
  const caseId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
  const events = withEventIds(recordCaseEvents(caseId, history, 1 + index * 100), (event) => `event-${index}-${event.revision}`);
  // As the erasure records it: the customer messages of the case are withdrawn from the outbox.
  const mailTypes: ReadonlySet<string> = new Set(CUSTOMER_MAIL_EVENT_TYPES);
  const withdrawnMessages = events.filter((event) => mailTypes.has(event.type)).map((event) => String(event.metadata.eventId));
  return events.map((event) => (event.type === 'PetitionerDataErased' ? ({ ...event, data: { ...event.data, withdrawnMessages } } as ProjectionEvent) : event));
}

/** The events as the store reads them once the key is destroyed: each encrypted value reads [erased]. */
function asReadAfterErasure(event: ProjectionEvent): ProjectionEvent {
  const rule = (CASE_PERSONAL_DATA_POLICY.rules as Record<string, { fields: readonly string[]; petitionerFrom: 'stream' | 'data.petitionerId' }>)[event.type];
  if (!rule) return event;
  const data = mapPersonalValues(rule, event.data as Record<string, unknown>, (_value, _path, field) => CASE_PERSONAL_DATA_POLICY.erasedValue(event.type, field));
  return (data ? { ...event, data } : event) as ProjectionEvent;
}

describe('Read models after a petitioner is erased (issue 23)', () => {
  const live = HISTORIES_WITH_COPIES.flatMap(recorded);
  const replayed = live.map(asReadAfterErasure);

  it.each(EVERY_PROJECTION.map((projection) => [projection.name, projection] as const))('%s keeps none of the texts copied about the petitioner once it applied PetitionerDataErased', (_name, projection) => {
    const stored = JSON.stringify(project(projection, live).byCollection);
    for (const value of COPIED) expect({ value, found: stored.includes(value) }).toEqual({ value, found: false });
  });

  it.each(EVERY_PROJECTION.map((projection) => [projection.name, projection] as const))('%s rebuilt from the events with the key gone gives the documents it holds live', (_name, projection) => {
    expect(project(projection, replayed).byCollection).toEqual(project(projection, live).byCollection);
  });

  it('the case view, the timeline, the queues and the timers held the texts before the erasure (the test sees them)', () => {
    const beforeErasure = HISTORIES_WITH_COPIES.map((history) => history.slice(0, -1)).flatMap(recorded);
    const held = EVERY_PROJECTION.filter((projection) => JSON.stringify(project(projection, beforeErasure).byCollection).includes(COPIED[0])).map((projection) => projection.name);
    expect(held).toEqual(expect.arrayContaining(['case-view', 'case-timeline', 'case-queues', 'sla-timers']));
  });
});
