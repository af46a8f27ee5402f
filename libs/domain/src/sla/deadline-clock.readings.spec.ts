import { HISTORIES } from '../testing/case-histories';
import { computeDeadlines } from './deadline-clock';
import { calendar, History } from './deadline-test-histories';
import { DEFAULT_SLA_POLICIES } from './sla-policy';

/** A claim filed by phone on Monday 2 March 2026 at 10:00, due the end of 24 March (23 March is San José). */
const claim = () => History.filed('2026-03-02T10:00:00-05:00', { channel: 'phone' });
const inProgress = () => claim().inProgress('2026-03-03T09:00:00-05:00');

describe('deadline clock: business time consumed and remaining at now (nine business hours a day)', () => {
  it.each<[string, string, object, object, () => History]>([
    // 3–6, 9–10 March used; 11–13, 16–20, 24 left. Hours: 7 on the 2nd, 9 × 5, 4 on the 10th; 5 on the 10th and 9 × 9 left.
    ['running', '2026-03-10T12:00:00-05:00', { businessDays: 6, businessHours: 56 }, { businessDays: 9, businessHours: 86 }, () => claim()],
    // Stopped on 5 March at 10:00 with 12 days left; remaining as if the information arrived now.
    ['paused', '2026-03-30T10:00:00-05:00', { businessDays: 3, businessHours: 27 }, { businessDays: 12, businessHours: 115 }, () => inProgress().informationRequested('2026-03-05T10:00:00-05:00')],
    // Restarted 1 April 09:00 (due 21 April): 6–8 April used since; 8 + 27 hours.
    [
      'restarted',
      '2026-04-08T17:00:00-05:00',
      { businessDays: 6, businessHours: 62 },
      { businessDays: 9, businessHours: 81 },
      () => inProgress().informationRequested('2026-03-05T10:00:00-05:00').informationReceived('2026-04-01T09:00:00-05:00'),
    ],
    // Resolved 9 March at 10:00: read at that instant whatever now is.
    ['resolved', '2026-06-01T10:00:00-05:00', { businessDays: 5, businessHours: 45 }, { businessDays: 10, businessHours: 97 }, () => inProgress().responded('2026-03-09T10:00:00-05:00', 'resolved')],
    // 7 + 9 × 15 + 1 hour on the 25th.
    ['overdue', '2026-03-25T09:00:00-05:00', { businessDays: 16, businessHours: 143 }, { businessDays: 0, businessHours: 0 }, () => claim()],
  ])('given a %s claim, when read at %s, then the legal clock has consumed %j and has %j left', (_state, now, consumed, remaining, build) => {
    const legal = build().deadlinesAt(now).legal;
    expect(legal.consumed).toEqual(consumed);
    expect(legal.remaining).toEqual(remaining);
  });

  it('given a running claim, when read on any business day before the deadline, then consumed and remaining days add up to the term', () => {
    for (const now of ['2026-03-02T12:00:00-05:00', '2026-03-13T09:00:00-05:00', '2026-03-23T10:00:00-05:00', '2026-03-24T16:00:00-05:00']) {
      const { consumed, remaining } = claim().deadlinesAt(now).legal;
      expect(consumed.businessDays + remaining.businessDays).toBe(15);
    }
  });

  it('given an overdue claim, when explained, then the overdue flags are set and LegalDeadlineOverdue closes the steps', () => {
    const deadlines = claim().deadlinesAt('2026-03-25T09:00:00-05:00');
    expect(deadlines.overdue).toEqual({ firstResponse: false, resolution: true, legal: true });
    expect(deadlines.steps[deadlines.steps.length - 1]).toEqual({
      at: '2026-03-24T23:59:59.999-05:00',
      event: 'LegalDeadlineOverdue',
      effect: 'The legal deadline (Ley 1755 de 2015, art. 14) was due by 2026-03-24T23:59:59.999-05:00; it was not resolved in time.',
    });
  });

  it('given a now earlier than the last event, when reading, then the reading is at the last event: time does not run backwards', () => {
    const deadlines = inProgress().responded('2026-03-09T10:00:00-05:00', 'pending').deadlinesAt('2026-03-09T09:59:59-05:00');
    expect(deadlines.asOf).toBe('2026-03-09T10:00:00-05:00');
  });
});

describe('deadline clock: status of the clock', () => {
  it('given a resolved claim, when the customer counter-replies after the legal deadline, then the clocks run again and it is overdue', () => {
    const history = inProgress().responded('2026-03-20T10:00:00-05:00', 'resolved').counterReplied('2026-03-26T10:00:00-05:00');
    const deadlines = history.deadlinesAt('2026-03-27T10:00:00-05:00');
    expect(deadlines.status).toEqual({ state: 'running' });
    expect(deadlines.legal).toMatchObject({ dueAt: '2026-03-24T23:59:59.999-05:00', metAt: null, overdue: true });
    expect(deadlines.steps.find((step) => step.event === 'CounterReplyReceived')?.effect).toContain('It has already passed: the case is overdue again.');
  });

  it('given a resolved claim, when the customer counter-replies in time, then the clocks run again against the same deadline', () => {
    const deadlines = inProgress().responded('2026-03-10T10:00:00-05:00', 'resolved').counterReplied('2026-03-12T10:00:00-05:00').deadlinesAt('2026-03-13T10:00:00-05:00');
    expect(deadlines.status).toEqual({ state: 'running' });
    expect(deadlines.legal).toMatchObject({ dueAt: '2026-03-24T23:59:59.999-05:00', overdue: false });
  });

  it('given a claim closed before its deadline, when read months later, then the clocks stopped at the closure', () => {
    const deadlines = claim().closed('2026-03-10T10:00:00-05:00').deadlinesAt('2026-06-01T10:00:00-05:00');
    expect(deadlines.status).toEqual({ state: 'stopped', reason: 'closed', at: '2026-03-10T10:00:00-05:00' });
    expect(deadlines.legal).toMatchObject({ overdue: false, metAt: null, consumed: { businessDays: 6, businessHours: 54 } });
  });

  it('given a resolved claim later closed, when explained, then the stop reason stays resolved', () => {
    const deadlines = inProgress().responded('2026-03-10T10:00:00-05:00', 'resolved').closed('2026-03-16T10:00:00-05:00').deadlinesAt('2026-03-20T10:00:00-05:00');
    expect(deadlines.status).toEqual({ state: 'stopped', reason: 'resolved', at: '2026-03-10T10:00:00-05:00' });
    expect(deadlines.steps[deadlines.steps.length - 1].effect).toBe('Case closed; its clocks had already stopped (resolved at 2026-03-10T10:00:00-05:00).');
  });

  it('given an inquiry resolved at first line, when explained, then it is stopped as resolved and nothing is overdue', () => {
    const deadlines = computeDeadlines(HISTORIES.resolved_first_line, { calendar, policies: DEFAULT_SLA_POLICIES, now: '2026-06-01T10:00:00-05:00' });
    expect(deadlines.status).toEqual({ state: 'stopped', reason: 'resolved', at: '2026-03-02T10:00:00-05:00' });
    expect(deadlines.legal).toMatchObject({ dueAt: '2026-04-16T23:59:59.999-05:00', metAt: '2026-03-02T10:00:00-05:00', overdue: false });
    expect(deadlines.overdue).toEqual({ firstResponse: false, resolution: false, legal: false });
  });
});

describe('deadline clock: why is this case late, step by step', () => {
  it('given a billing claim paused over Holy Week and resolved a day late, when explained, then every step says what it did to the clocks', () => {
    const history = History.filed('2026-03-02T10:00:00-05:00', { typology: 'billing' })
      .inProgress('2026-03-03T09:00:00-05:00')
      .informationRequested('2026-03-05T10:00:00-05:00')
      .informationReceived('2026-04-01T09:00:00-05:00')
      .responded('2026-04-22T10:00:00-05:00', 'resolved');
    const twelveHoursDue = '2026-03-03T13:00:00.000-05:00';
    expect(history.deadlinesAt('2026-04-30T10:00:00-05:00').steps).toEqual([
      {
        at: '2026-03-02T10:00:00-05:00',
        event: 'CaseFiled',
        effect: 'Filed as claim on the email channel: the legal term is 15 business days from the day after filing (receipt reading: filing_day, counted from the day of filing whatever its day or hour), due 2026-03-24T23:59:59.999-05:00.',
      },
      {
        at: '2026-03-02T10:00:00-05:00',
        event: 'CaseTypified',
        effect: `Typified as claim / billing / motive. Policy 'billing' (priority high): resolution within 12 business hours, due ${twelveHoursDue}. First response within 12 business hours, due ${twelveHoursDue}.`,
      },
      { at: '2026-03-03T09:00:00-05:00', event: 'CaseAssigned', effect: 'Assigned to bo-beto: no effect on the clocks.' },
      { at: '2026-03-03T09:00:00-05:00', event: 'TypificationConfirmed', effect: 'Typification confirmed: no effect on the clocks.' },
      { at: twelveHoursDue, event: 'FirstResponseOverdue', effect: `The first response was due by ${twelveHoursDue}; it was sent late, at 2026-04-22T10:00:00-05:00.` },
      { at: twelveHoursDue, event: 'ResolutionOverdue', effect: `The company resolution target was due by ${twelveHoursDue}; it was resolved late, at 2026-04-22T10:00:00-05:00.` },
      {
        at: '2026-03-05T10:00:00-05:00',
        event: 'InformationRequested',
        effect:
          'Information requested from the customer (art. 17): the legal clock stops with 12 business days left. ' +
          'The company resolution target had already passed: it does not pause. Without an answer by the end of 2026-04-06 the petition is tacitly withdrawn (art. 17; the petitioner may ask for one more month).',
      },
      {
        at: '2026-04-01T09:00:00-05:00',
        event: 'InformationReceived',
        effect:
          'Information received: the legal clock restarts the day after with the 12 business days left, due 2026-04-21T23:59:59.999-05:00; ' +
          `resolution due ${twelveHoursDue} (already passed); first response due ${twelveHoursDue} (already passed).`,
      },
      {
        at: '2026-04-21T23:59:59.999-05:00',
        event: 'LegalDeadlineOverdue',
        effect: 'The legal deadline (Ley 1755 de 2015, art. 14) was due by 2026-04-21T23:59:59.999-05:00; it was resolved late, at 2026-04-22T10:00:00-05:00.',
      },
      {
        at: '2026-04-22T10:00:00-05:00',
        event: 'ResponseSent',
        effect: `First response, late (was due ${twelveHoursDue}). Resolved: company target late (was due ${twelveHoursDue}), legal deadline late (was due 2026-04-21T23:59:59.999-05:00); the clocks stop.`,
      },
    ]);
  });

  it('given a survey and a quality review, when explained, then they have no effect on the deadlines', () => {
    const history = History.filed('2026-03-02T10:00:00-05:00')
      .withEvent({ type: 'SatisfactionSurveyAnswered', data: { score: 5, comment: null, via: 'public', recordedBy: 'public', answeredAt: '2026-03-03T10:00:00-05:00' } })
      .withEvent({ type: 'QualityReviewed', data: { score: 90, findings: 'ok', reviewedBy: 'qa-quique', reviewedAt: '2026-03-04T10:00:00-05:00' } });
    const steps = history.deadlinesAt('2026-03-04T10:00:00-05:00').steps.filter((step) => step.event === 'SatisfactionSurveyAnswered' || step.event === 'QualityReviewed');
    expect(steps.map((step) => step.effect)).toEqual(['No effect on the deadlines.', 'No effect on the deadlines.']);
  });
});
