import { BusinessCalendar } from '../calendar';
import { deciderSpec } from '../testing/given-when-then';
import { actors, command, fileClaimCommand, HISTORIES, march2026 } from '../testing/case-histories';
import type { CaseEvent } from './case.events';
import { createCaseDecider } from './case.decider';
import { evolveCase } from './case.evolve';
import { foldEvents } from '../shared/decider';

const decider = createCaseDecider(new BusinessCalendar());
const spec = deciderSpec(decider);
const at = march2026(3);
const urgentBy = (actorId: string, changedAt: string, reason: object = { kind: 'legal', code: 'risk_to_life' }): CaseEvent => ({
  type: 'CasePriorityChanged',
  data: { priority: 'urgent', reason, changedBy: actorId, changedAt },
} as CaseEvent);
const markUrgent = (reason: object | null) => command('ChangePriority', { priority: 'urgent', reason } as never, actors.supervisor, at);

describe('case decider: priority (art. 20 Ley 1755, the company urgent reasons)', () => {
  it('given an agent filing urgent with a legal reason, when filed, then CasePriorityChanged comes last of the filing', () => {
    const events = spec.given([]).when(fileClaimCommand({ urgency: { kind: 'legal', code: 'risk_to_life' } })).thenEmits();
    expect(events.map((event) => event.type)).toEqual(['CaseFiled', 'CaseTypified', 'CasePriorityChanged']);
    expect(events[2]).toEqual(urgentBy(actors.agent.id, (events[0].data as { filedAt: string }).filedAt));
  });

  it('given a normal filing, when filed, then no priority event', () => {
    expect(spec.given([]).when(fileClaimCommand()).thenEmits().map((event) => event.type)).toEqual(['CaseFiled', 'CaseTypified']);
  });

  it.each([
    ['a legal kind with a company code', { kind: 'legal', code: 'platform_down' }],
    ['a company kind with a legal code', { kind: 'company', code: 'risk_to_life' }],
    ['an unknown code', { kind: 'company', code: 'ceo_asked' }],
  ])('given %s, when filing urgent, then 422 CASE.URGENCY_REASON_REQUIRED', (_name, reason) => {
    spec.given([]).when(fileClaimCommand({ urgency: reason as never })).thenFails('CASE.URGENCY_REASON_REQUIRED');
  });

  it('given an open case, when a supervisor marks it urgent for a company reason, then CasePriorityChanged', () => {
    spec.given(HISTORIES.assigned).when(markUrgent({ kind: 'company', code: 'billing_stopped' })).then([urgentBy(actors.supervisor.id, at, { kind: 'company', code: 'billing_stopped' })]);
  });

  it('given an open case, when marked urgent without a reason, then 422 CASE.URGENCY_REASON_REQUIRED', () => {
    spec.given(HISTORIES.assigned).when(markUrgent(null)).thenFails('CASE.URGENCY_REASON_REQUIRED');
  });

  it('given an urgent case, when put back to normal, then CasePriorityChanged without a reason; normal again changes nothing', () => {
    const urgent = [...HISTORIES.assigned, urgentBy(actors.supervisor.id, march2026(2))];
    const normal = command('ChangePriority', { priority: 'normal' }, actors.supervisor, at);
    spec.given(urgent).when(normal).then([{ type: 'CasePriorityChanged', data: { priority: 'normal', reason: null, changedBy: actors.supervisor.id, changedAt: at } }]);
    spec.given(HISTORIES.assigned).when(normal).then([]);
  });

  it.each(['closed', 'transferred', 'resolved_first_line'] as const)('given a %s case, when marked urgent, then 409 CASE.WRONG_STATUS', (name) => {
    spec.given(HISTORIES[name]).when(markUrgent({ kind: 'legal', code: 'fundamental_right' })).thenFails('CASE.WRONG_STATUS');
  });

  it('folds the priority into the case state', () => {
    const state = foldEvents({ initialState: () => ({ status: 'none' as const }), evolve: evolveCase, decide: () => [] }, [...HISTORIES.assigned, urgentBy(actors.supervisor.id, at)]);
    expect(state).toMatchObject({ status: 'assigned', priority: 'urgent' });
  });
});
