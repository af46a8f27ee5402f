import type { CaseEvent } from '../cases/case.events';
import { computeDeadlines } from './deadline-clock';
import { calendar, History } from './deadline-test-histories';
import { DEFAULT_SLA_POLICIES } from './sla-policy';

const endOf = (date: string) => `${date}T23:59:59.999-05:00`;

/** A claim filed on Monday 2 March 2026 at 10:00, due the end of 24 March (23 March is San José). */
const claimInProgress = () => History.filed('2026-03-02T10:00:00-05:00').inProgress('2026-03-03T09:00:00-05:00');

describe('deadline clock: information requests pause the clocks (Ley 1755 de 2015, art. 17)', () => {
  it('given a claim in progress, when information is requested, then the legal clock stops with the business days left and no due instant', () => {
    const deadlines = claimInProgress().informationRequested('2026-03-05T10:00:00-05:00').deadlinesAt('2026-03-20T10:00:00-05:00');
    expect(deadlines.status).toEqual({ state: 'paused', since: '2026-03-05T10:00:00-05:00' });
    expect(deadlines.legal).toMatchObject({ dueAt: null, overdue: false });
    expect(deadlines.pauses).toEqual([
      {
        requestedAt: '2026-03-05T10:00:00-05:00',
        receivedAt: null,
        businessDaysLeft: 12,
        pausedLegalClock: true,
        requestedLate: false,
        tacitWithdrawalAfter: '2026-04-06',
        tacitWithdrawalReached: false,
        customerSilenceDueAt: null,
        periodExtended: null,
      },
    ]);
  });

  it.each([
    // 6–20 March 2026 gone by 5 March; restarts 2 April: Holy Thursday and Good Friday, then 6–10, 13–17, 20–21 April.
    ['2026-03-02T10:00:00-05:00', '2026-03-05T10:00:00-05:00', '2026-04-01T09:00:00-05:00', 12, '2026-04-21', 'over Holy Week 2026'],
    // Due 9 July 2025; 4 days used (17–20 June); arrives on the 30 June holiday, restarts 1 July: 1–4, 7–11, 14–15 July.
    ['2025-06-16T09:00:00-05:00', '2025-06-20T15:00:00-05:00', '2025-06-30T10:00:00-05:00', 11, '2025-07-15', 'arriving on the San Pedro / Sacred Heart holiday'],
  ])('given a claim filed at %s, when information is asked at %s and arrives at %s, then %p days are left and it is due the end of %s (%s)', (filedAt, requestedAt, receivedAt, daysLeft, dueDate) => {
    const inProgress = History.filed(filedAt).inProgress(requestedAt);
    const deadlines = inProgress.informationRequested(requestedAt).informationReceived(receivedAt).deadlinesAt(receivedAt);
    expect(deadlines.pauses[0]).toMatchObject({ businessDaysLeft: daysLeft, receivedAt, pausedLegalClock: true });
    expect(deadlines.legal.dueAt).toBe(endOf(dueDate));
    expect(deadlines.status).toEqual({ state: 'running' });
  });

  it('given a document request asked on its last day (the 10th business day, within art. 17), when the information arrives, then it restarts with one business day', () => {
    // Filed Monday 2 March 2026: 3–6, 9–13, 16 March are its 10 days; asked on the 16th, nothing left; arrives 18 March: due the 19th.
    const history = History.filed('2026-03-02T10:00:00-05:00', { kind: 'document_request' }).inProgress('2026-03-03T09:00:00-05:00');
    const deadlines = history.informationRequested('2026-03-16T10:00:00-05:00').informationReceived('2026-03-18T09:00:00-05:00').deadlinesAt('2026-03-18T09:00:00-05:00');
    expect(deadlines.pauses[0]).toMatchObject({ businessDaysLeft: 0, pausedLegalClock: true, requestedLate: false });
    expect(deadlines.legal.dueAt).toBe(endOf('2026-03-19'));
  });

  it('given a request 11 business days after filing, when explaining, then it is late and does not suspend the legal term (art. 17 allows 10)', () => {
    const deadlines = claimInProgress().informationRequested('2026-03-17T10:00:00-05:00').informationReceived('2026-03-20T09:00:00-05:00').deadlinesAt('2026-03-20T09:00:00-05:00');
    expect(deadlines.pauses[0]).toMatchObject({ requestedLate: true, pausedLegalClock: false, businessDaysLeft: 0 });
    // Not suspended: still the end of 24 March (the 23rd is San José).
    expect(deadlines.legal.dueAt).toBe(endOf('2026-03-24'));
    expect(deadlines.steps.find((step) => step.event === 'InformationRequested')?.effect).toContain(
      'Information requested after the 10 business days art. 17 allows (until 2026-03-16T23:59:59.999-05:00): the legal term is not suspended',
    );
  });

  it('given a request on the 10th business day after filing, when explaining, then it is not late', () => {
    const deadlines = claimInProgress().informationRequested('2026-03-16T16:00:00-05:00').deadlinesAt('2026-03-16T16:00:00-05:00');
    expect(deadlines.pauses[0].requestedLate).toBe(false);
  });

  it('given a request after the legal deadline, when explaining, then the expired term does not pause and the case stays overdue', () => {
    const history = claimInProgress().informationRequested('2026-03-25T10:00:00-05:00').informationReceived('2026-03-27T10:00:00-05:00');
    const deadlines = history.deadlinesAt('2026-03-27T12:00:00-05:00');
    expect(deadlines.status).toEqual({ state: 'running' });
    expect(deadlines.pauses[0]).toMatchObject({ pausedLegalClock: false, businessDaysLeft: 0 });
    // An expired term is never revived: the decider records the same deadline.
    expect(deadlines.legal).toMatchObject({ dueAt: endOf('2026-03-24'), overdue: true, recordedDueAt: endOf('2026-03-24') });
    const received = deadlines.steps.find((step) => step.event === 'InformationReceived');
    expect(received?.effect).toContain('the legal deadline 2026-03-24T23:59:59.999-05:00 had passed before the request and is not revived');
    expect(received?.effect).not.toContain('The event records');
  });

  it.each([
    ['2026-04-06T23:00:00-05:00', false],
    ['2026-04-07T08:00:00-05:00', true],
  ])('given information asked on 5 March 2026 (a month later is Sunday 5 April), when reading at %s, then tacit withdrawal reached is %p', (now, reached) => {
    const deadlines = claimInProgress().informationRequested('2026-03-05T10:00:00-05:00').deadlinesAt(now);
    expect(deadlines.pauses[0]).toMatchObject({ tacitWithdrawalAfter: '2026-04-06', tacitWithdrawalReached: reached });
  });

  it('given information asked on 26 Feb 2027, when a month later is Good Friday, then the customer has until Monday 29 March', () => {
    const deadlines = History.filed('2027-02-22T10:00:00-05:00').inProgress('2027-02-23T09:00:00-05:00').informationRequested('2027-02-26T10:00:00-05:00').deadlinesAt('2027-03-01T10:00:00-05:00');
    expect(deadlines.pauses[0].tacitWithdrawalAfter).toBe('2027-03-29');
  });

  it('given a billing case on email, when paused for two days, then the company targets in business hours restart with the hours left', () => {
    // 12 business hours from 10:00 Monday; 5 used by 15:00; 7 left from 16:00 Wednesday: 1 hour, then 6 on Thursday.
    const history = History.filed('2026-03-02T10:00:00-05:00', { channel: 'email', typology: 'billing' })
      .inProgress('2026-03-02T11:00:00-05:00')
      .informationRequested('2026-03-02T15:00:00-05:00')
      .informationReceived('2026-03-04T16:00:00-05:00');
    const deadlines = history.deadlinesAt('2026-03-04T16:00:00-05:00');
    expect(deadlines.resolution.dueAt).toBe('2026-03-05T14:00:00.000-05:00');
    expect(deadlines.firstResponse?.dueAt).toBe('2026-03-05T14:00:00.000-05:00');
    // Asked on the filing day, all 15 days are left: 5–6, 9–13, 16–20, 24–26 March.
    expect(deadlines.legal.dueAt).toBe(endOf('2026-03-26'));
  });

  it('given a company target already missed, when information is requested, then that target does not pause', () => {
    const history = History.filed('2026-03-02T10:00:00-05:00', { typology: 'billing' }).inProgress('2026-03-03T09:00:00-05:00').informationRequested('2026-03-04T10:00:00-05:00');
    const deadlines = history.deadlinesAt('2026-03-05T10:00:00-05:00');
    expect(deadlines.status.state).toBe('paused');
    expect(deadlines.resolution).toMatchObject({ dueAt: '2026-03-03T13:00:00.000-05:00', overdue: true });
    expect(deadlines.steps.find((step) => step.event === 'InformationRequested')?.effect).toContain('The company resolution target had already passed: it does not pause.');
  });

  it('given a request on a case the company marks outside Ley 1755, when explained, then the step states the date its silence rule closes the case', () => {
    const events = claimInProgress()
      .informationRequested('2026-03-05T10:00:00-05:00')
      .events.map((event) => (event.type === 'InformationRequested' ? ({ ...event, data: { ...event.data, customerSilenceDueAt: endOf('2026-03-09') } } as CaseEvent) : event));
    const deadlines = computeDeadlines(events, { calendar, policies: DEFAULT_SLA_POLICIES, now: '2026-03-06T10:00:00-05:00' });
    expect(deadlines.pauses[0].customerSilenceDueAt).toBe(endOf('2026-03-09'));
    expect(deadlines.steps.find((step) => step.event === 'InformationRequested')?.effect).toContain('its silence rule closes it after 2026-03-09T23:59:59.999-05:00');
  });

  it('given the petitioner asked for one more month, when explained, then the withdrawal date moves and the step says from when to when', () => {
    const extended: CaseEvent = {
      type: 'InformationPeriodExtended',
      data: {
        channel: 'phone',
        informationRequestedAt: '2026-03-05T10:00:00-05:00',
        previousTacitWithdrawalAt: endOf('2026-04-06'),
        tacitWithdrawalAt: endOf('2026-05-05'),
        extendedBy: 'agent-ana',
        extendedAt: '2026-03-20T10:00:00-05:00',
      },
    };
    const history = claimInProgress().informationRequested('2026-03-05T10:00:00-05:00').withEvent(extended);
    const deadlines = history.deadlinesAt('2026-04-10T10:00:00-05:00');
    expect(deadlines.pauses[0]).toMatchObject({ tacitWithdrawalAfter: '2026-05-05', tacitWithdrawalReached: false, periodExtended: { at: '2026-03-20T10:00:00-05:00', channel: 'phone', previousTacitWithdrawalAfter: '2026-04-06' } });
    expect(deadlines.steps.find((step) => step.event === 'InformationPeriodExtended')?.effect).toContain('from the end of 2026-04-06 to the end of 2026-05-05');
  });
});
