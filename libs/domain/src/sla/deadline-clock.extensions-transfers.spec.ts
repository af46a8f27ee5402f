import type { CaseEvent } from '../cases/case.events';
import { History } from './deadline-test-histories';

const endOf = (date: string) => `${date}T23:59:59.999-05:00`;

/** A claim filed on Monday 2 March 2026, due the end of 24 March (23 March is San José). */
const claimInProgress = () => History.filed('2026-03-02T10:00:00-05:00').inProgress('2026-03-03T09:00:00-05:00');

/** An extension the decider would refuse: only an altered or legacy history carries one. */
function handMadeExtension(extendedAt: string, businessDays: number, previousDueAt: string, dueAt: string): CaseEvent {
  return { type: 'DeadlineExtended', data: { businessDays, reason: 'r', previousDueAt, dueAt, extendedBy: 'sup-sofia', extendedAt } };
}

describe('deadline clock: extensions (Ley 1755 de 2015, art. 14 par.)', () => {
  it('given a claim before its deadline, when extended by its whole term, then the deadline moves 15 business days past the old one', () => {
    const deadlines = claimInProgress().extended('2026-03-20T10:00:00-05:00', 15).deadlinesAt('2026-03-25T10:00:00-05:00');
    // 25–27, 30–31 March, 1 April, 6–10 and 13–16 April: Holy Thursday and Good Friday do not count.
    expect(deadlines.extensions).toEqual([
      {
        at: '2026-03-20T10:00:00-05:00',
        reason: 'Concepto técnico',
        requestedBusinessDays: 15,
        appliedBusinessDays: 15,
        beforeDeadline: true,
        withinLimit: true,
        previousDueAt: endOf('2026-03-24'),
        dueAt: endOf('2026-04-16'),
      },
    ]);
    expect(deadlines.legal).toMatchObject({ dueAt: endOf('2026-04-16'), extendedBusinessDays: 15, overdue: false });
  });

  it('given two extensions that add up to exactly the original term, when explaining, then both apply and none is left', () => {
    const deadlines = claimInProgress().extended('2026-03-10T10:00:00-05:00', 10).extended('2026-03-20T10:00:00-05:00', 5).deadlinesAt('2026-03-20T10:00:00-05:00');
    expect(deadlines.extensions.map((extension) => [extension.dueAt, extension.withinLimit])).toEqual([
      [endOf('2026-04-09'), true],
      [endOf('2026-04-16'), true],
    ]);
    expect(deadlines.steps[deadlines.steps.length - 1].effect).toBe(
      'Deadline extended by 5 business days (art. 14 par.): legal deadline 2026-04-09T23:59:59.999-05:00 → 2026-04-16T23:59:59.999-05:00; 0 more may still be added. Reason given: "Concepto técnico".',
    );
  });

  it('given 10 days already added, when an extension of 6 more is recorded, then only the 5 the law allows apply', () => {
    const history = claimInProgress().extended('2026-03-10T10:00:00-05:00', 10).withEvent(handMadeExtension('2026-03-20T10:00:00-05:00', 6, endOf('2026-04-09'), endOf('2026-04-17')));
    const deadlines = history.deadlinesAt('2026-03-20T10:00:00-05:00');
    expect(deadlines.extensions[1]).toMatchObject({ requestedBusinessDays: 6, appliedBusinessDays: 5, withinLimit: false, beforeDeadline: true, dueAt: endOf('2026-04-16') });
    expect(deadlines.legal).toMatchObject({ dueAt: endOf('2026-04-16'), extendedBusinessDays: 15, recordedDueAt: endOf('2026-04-17') });
    expect(deadlines.steps[deadlines.steps.length - 1].effect).toBe(
      'Extension of 6 business days exceeds what the law still allowed (5, the original 15 at most): only 5 apply; ' +
        'legal deadline 2026-04-09T23:59:59.999-05:00 → 2026-04-16T23:59:59.999-05:00. Reason given: "r". The event records the legal deadline as 2026-04-17T23:59:59.999-05:00.',
    );
  });

  it.each([
    ['2026-03-24T23:59:59.999-05:00', 'at the very instant of the deadline'],
    ['2026-03-25T08:00:00-05:00', 'the morning after the deadline'],
  ])('given an extension recorded %s (%s), when explaining, then it has no effect and the case is overdue', (extendedAt) => {
    const history = claimInProgress().withEvent(handMadeExtension(extendedAt, 5, endOf('2026-03-24'), endOf('2026-03-31')));
    const deadlines = history.deadlinesAt('2026-03-25T09:00:00-05:00');
    expect(deadlines.extensions[0]).toMatchObject({ beforeDeadline: false, appliedBusinessDays: 0, dueAt: endOf('2026-03-24') });
    expect(deadlines.legal).toMatchObject({ dueAt: endOf('2026-03-24'), overdue: true });
  });

  it('given a paused and restarted claim, when extended, then the extension counts from the restarted deadline', () => {
    const history = claimInProgress().informationRequested('2026-03-05T10:00:00-05:00').informationReceived('2026-04-01T09:00:00-05:00').extended('2026-04-10T10:00:00-05:00', 5);
    // From 21 April: 22–24 and 27–28 April.
    expect(history.deadlinesAt('2026-04-10T10:00:00-05:00').legal.dueAt).toBe(endOf('2026-04-28'));
  });
});

describe('deadline clock: transfers (Ley 1755 de 2015, art. 21)', () => {
  it('given a claim transferred the day after filing, when explaining, then the legal clock ends on time and stays read at the transfer', () => {
    const deadlines = History.filed('2026-03-02T10:00:00-05:00', { channel: 'phone' }).transferred('2026-03-03T10:00:00-05:00').deadlinesAt('2026-06-01T10:00:00-05:00');
    expect(deadlines.transfer).toEqual({ at: '2026-03-03T10:00:00-05:00', entity: 'SIC', dueAt: endOf('2026-03-09'), late: false });
    expect(deadlines.status).toEqual({ state: 'stopped', reason: 'transferred', at: '2026-03-03T10:00:00-05:00' });
    expect(deadlines.legal).toMatchObject({ overdue: false, metAt: null, consumed: { businessDays: 1, businessHours: 9 } });
  });

  it.each([
    ['2025-12-24T16:00:00-05:00', false, 'on the fifth business day'],
    ['2025-12-26T09:00:00-05:00', true, 'after Christmas, past the fifth business day'],
  ])('given a case filed Wednesday 17 Dec 2025, when transferred at %s, then late is %p (%s)', (transferredAt, late) => {
    const deadlines = History.filed('2025-12-17T10:00:00-05:00').transferred(transferredAt).deadlinesAt(transferredAt);
    // 18–19 and 22–24 December.
    expect(deadlines.transfer).toMatchObject({ dueAt: endOf('2025-12-24'), late });
    expect(deadlines.steps[deadlines.steps.length - 1].effect).toContain(late ? 'Late: art. 21 asks for it within 5 business days of filing' : 'On time');
  });

  it('given a case awaiting information, when transferred, then the clock stops as transferred', () => {
    const history = claimInProgress().informationRequested('2026-03-05T10:00:00-05:00').transferred('2026-03-06T10:00:00-05:00');
    expect(history.deadlinesAt('2026-03-10T10:00:00-05:00').status).toEqual({ state: 'stopped', reason: 'transferred', at: '2026-03-06T10:00:00-05:00' });
  });
});
