import { HISTORIES } from '../testing/case-histories';
import { HIDDEN_CLASSES_OF_ONE_SHAPE as AT_MOST, hiddenClassCount } from '../testing/hidden-classes';
import type { CaseEvent } from './case.events';
import { evolveCase } from './case.evolve';
import type { CaseState } from './case.state';

const CASES = 20;

describe('evolveCase: one hidden class per history, not one per case (every projection folds it for every event)', () => {
  /** The same history folded for many cases, its events parsed afresh each time as a store returns them. */
  const foldedManyTimes = (events: CaseEvent[]) =>
    Array.from({ length: CASES }, () => (JSON.parse(JSON.stringify(events)) as CaseEvent[]).reduce(evolveCase, { status: 'none' } as CaseState));

  it.each(Object.entries(HISTORIES).filter(([, events]) => events.length > 0))('%s', (_name, events) => {
    const states = foldedManyTimes(events);
    expect(hiddenClassCount(states)).toBeLessThanOrEqual(AT_MOST);
    expect(hiddenClassCount(states.map((state) => (state.status === 'none' ? {} : state.sla)))).toBeLessThanOrEqual(AT_MOST);
  });

  it('a re-typified returned case, a reopened one and an extended one too', () => {
    const [filed, typified, assigned, returned] = HISTORIES.returned;
    const reopened: CaseEvent = {
      type: 'CounterReplyReceived',
      data: { summary: 'No estoy de acuerdo', channel: 'email', receivedBy: 'bo-beto', receivedAt: '2026-03-10T10:00:00-05:00', reopenedFor: 'resolution' },
    };
    const extended: CaseEvent = {
      type: 'DeadlineExtended',
      data: { businessDays: 5, reason: 'Pruebas', previousDueAt: '2026-03-24T23:59:59.999-05:00', dueAt: '2026-03-31T23:59:59.999-05:00', extendedBy: 'bo-beto', extendedAt: '2026-03-11T10:00:00-05:00' },
    };
    for (const history of [[filed, typified, assigned, returned, typified], [...HISTORIES.responded_resolved, reopened], [...HISTORIES.in_progress, extended]]) {
      expect(hiddenClassCount(foldedManyTimes(history))).toBeLessThanOrEqual(AT_MOST);
    }
  });
});
