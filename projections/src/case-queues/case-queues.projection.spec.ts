import { CASE_ID, HISTORIES } from '@app/domain/testing/case-histories';
import type { CaseEvent } from '@app/domain';
import { project, recordCaseEvents } from '../testing/project';
import { QUEUE_ITEMS_COLLECTION, QUEUE_SUMMARY_COLLECTION, QUEUE_SUMMARY_ID, caseQueuesProjection } from './case-queues.projection';

const OTHER_CASE = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function queuesAfter(history: keyof typeof HISTORIES, other: keyof typeof HISTORIES = 'filed') {
  const events = [...recordCaseEvents(CASE_ID, HISTORIES[history], 1), ...recordCaseEvents(OTHER_CASE, HISTORIES[other], 100)];
  return project(caseQueuesProjection, events).byCollection;
}

describe('case-queues projection', () => {
  it.each([
    ['to_typify', 'to_typify', { to_typify: 1, unassigned: 1, backoffice: 0, returned: 0, awaiting_customer: 0 }, {}, {}],
    ['filed', 'unassigned', { to_typify: 0, unassigned: 2, backoffice: 0, returned: 0, awaiting_customer: 0 }, {}, {}],
    ['assigned', 'backoffice', { to_typify: 0, unassigned: 1, backoffice: 1, returned: 0, awaiting_customer: 0 }, { 'bo-beto': 1 }, {}],
    ['returned', 'returned', { to_typify: 0, unassigned: 1, backoffice: 0, returned: 1, awaiting_customer: 0 }, {}, { 'agent-ana': 1 }],
    ['awaiting_information', 'awaiting_customer', { to_typify: 0, unassigned: 1, backoffice: 0, returned: 0, awaiting_customer: 1 }, {}, {}],
    ['responded_pending', 'backoffice', { to_typify: 0, unassigned: 1, backoffice: 1, returned: 0, awaiting_customer: 0 }, { 'bo-beto': 1 }, {}],
    ['responded_resolved', 'awaiting_customer', { to_typify: 0, unassigned: 1, backoffice: 0, returned: 0, awaiting_customer: 1 }, {}, {}],
  ] as const)('given a case %s and another just filed, then it sits in %s and the summary counts both', (history, queue, queues, byBackoffice, byReturnedAgent) => {
    const collections = queuesAfter(history);
    expect(collections[QUEUE_ITEMS_COLLECTION][CASE_ID]).toMatchObject({ queue, filingNumber: '2026-000042' });
    expect(collections[QUEUE_SUMMARY_COLLECTION][QUEUE_SUMMARY_ID]).toEqual({ queues, byBackoffice, byReturnedAgent });
  });

  it('given a case to typify, when an agent typifies it, then it leaves to_typify for unassigned', () => {
    const typified: CaseEvent = { type: 'CaseTypified', data: { kind: 'claim', typology: 'billing', motive: 'duplicate-charge', typifiedBy: 'agent-luis', legalTermDays: 15, dueAt: '2026-03-24T23:59:59.999-05:00', distinctMatter: false } };
    const events = recordCaseEvents(CASE_ID, [...HISTORIES.to_typify, typified], 1);
    const collections = project(caseQueuesProjection, events).byCollection;
    expect(collections[QUEUE_ITEMS_COLLECTION][CASE_ID]).toMatchObject({ queue: 'unassigned', status: 'filed', typology: 'billing', channel: 'web' });
    expect(collections[QUEUE_SUMMARY_COLLECTION][QUEUE_SUMMARY_ID]).toMatchObject({ queues: { to_typify: 0, unassigned: 1 } });
  });

  it.each(['closed', 'transferred', 'resolved_first_line'] as const)('given a case %s, then it leaves every queue', (history) => {
    const collections = queuesAfter(history);
    expect(collections[QUEUE_ITEMS_COLLECTION][CASE_ID]).toBeUndefined();
    expect(collections[QUEUE_SUMMARY_COLLECTION][QUEUE_SUMMARY_ID]).toMatchObject({ queues: { to_typify: 0, unassigned: 1, backoffice: 0, returned: 0, awaiting_customer: 0 } });
  });

  it('marks the queues where the legal clock runs, for the at-risk query', () => {
    expect(queuesAfter('to_typify')[QUEUE_ITEMS_COLLECTION][CASE_ID]).toMatchObject({ clockRunning: true, channel: 'web', dueAt: '2026-03-24T23:59:59.999-05:00' });
    expect(queuesAfter('assigned')[QUEUE_ITEMS_COLLECTION][CASE_ID]).toMatchObject({ clockRunning: true, dueAt: '2026-03-24T23:59:59.999-05:00' });
    expect(queuesAfter('awaiting_information')[QUEUE_ITEMS_COLLECTION][CASE_ID]).toMatchObject({ clockRunning: false });
  });

  it('given backoffice agents named like members of Object.prototype, then each is counted as any other agent', () => {
    const agents = ['constructor', '__proto__', '__proto__', 'toString'];
    const events = agents.flatMap((backofficeId, index) => {
      const history = HISTORIES.assigned.map((e) => (e.type === 'CaseAssigned' ? ({ ...e, data: { ...e.data, backofficeId } } as CaseEvent) : e));
      return recordCaseEvents(`00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, history, 100 * (index + 1));
    });
    const summary = project(caseQueuesProjection, events).byCollection[QUEUE_SUMMARY_COLLECTION][QUEUE_SUMMARY_ID] as { byBackoffice: object };
    const stored = JSON.parse(JSON.stringify(summary)) as { byBackoffice: object };
    expect(Object.entries(stored.byBackoffice).sort()).toEqual([['__proto__', 2], ['constructor', 1], ['toString', 1]]);
  });

  it('given the same events twice, then the counts do not double', () => {
    const events = recordCaseEvents(CASE_ID, HISTORIES.responded_pending);
    const once = project(caseQueuesProjection, events);
    expect(project(caseQueuesProjection, events, once.documents).byCollection).toEqual(once.byCollection);
  });
});
