import { BusinessCalendar } from '../calendar/business-calendar';
import type { Channel } from '../cases/case-kind';
import { History } from './deadline-test-histories';
import { DEFAULT_SLA_POLICIES, validateSlaPolicies } from './sla-policy';

const endOf = (date: string) => `${date}T23:59:59.999-05:00`;

function policiesWith(typology: string, policy: object) {
  return validateSlaPolicies({ ...DEFAULT_SLA_POLICIES, byTypology: { ...DEFAULT_SLA_POLICIES.byTypology, [typology]: policy } });
}

describe('deadline clock: first response in business hours (Mon–Fri 08:00–17:00)', () => {
  it.each<[string, Channel, string, string, string]>([
    // Friday 2 h, Monday 9, Tuesday 9, Wednesday 4.
    ['2026-04-24T15:00:00-05:00', 'email', 'general-information', '2026-04-29T12:00:00.000-05:00', 'across a night and a weekend'],
    // Wednesday 1 h, Thursday 9, Labour Day and the weekend off, Monday 9, Tuesday 5.
    ['2026-04-29T16:00:00-05:00', 'web', 'general-information', '2026-05-05T13:00:00.000-05:00', 'across Labour Day and a weekend'],
    // Nothing runs on the holiday: Tuesday 9 h, Wednesday 3.
    ['2025-06-30T10:00:00-05:00', 'chat', 'billing', '2025-07-02T11:00:00.000-05:00', 'filed on the San Pedro / Sacred Heart holiday'],
    // Holy Thursday, Good Friday and the weekend off: Monday 9 h, Tuesday 9, Wednesday 6.
    ['2025-04-16T20:00:00-05:00', 'web', 'general-information', '2025-04-23T14:00:00.000-05:00', 'filed at night before Holy Week'],
    // Thursday 1 h, New Year's Day and the weekend off, Monday 9, Tuesday 2.
    ['2026-12-31T16:00:00-05:00', 'email', 'billing', '2027-01-05T10:00:00.000-05:00', 'across the 2026–2027 year boundary'],
  ])('given a case filed at %s on %s as %s, when reading, then the first response is due %s (%s)', (filedAt, channel, typology, dueAt) => {
    const deadlines = History.filed(filedAt, { channel, typology }).deadlinesAt(filedAt);
    expect(deadlines.firstResponse).toMatchObject({ dueAt, cappedByResolution: false, overdue: false });
  });

  it('given business hours 08:30–16:00, when a case is filed Friday at 15:00, then 24 business hours end Thursday at 09:00', () => {
    const shortDays = new BusinessCalendar({ businessHours: { start: '08:30', end: '16:00' } });
    const deadlines = History.filed('2026-04-24T15:00:00-05:00', { typology: 'general-information' }).deadlinesAt('2026-04-24T15:00:00-05:00', { calendar: shortDays });
    expect(deadlines.firstResponse?.dueAt).toBe('2026-04-30T09:00:00.000-05:00');
  });

  it.each<Channel>(['phone', 'in_person', 'letter', 'regulator'])('given a case filed on the %s channel, when reading, then there is no first-response target', (channel) => {
    const deadlines = History.filed('2026-04-24T15:00:00-05:00', { channel }).deadlinesAt('2026-05-24T15:00:00-05:00');
    expect(deadlines.firstResponse).toBeNull();
    expect(deadlines.overdue.firstResponse).toBe(false);
    expect(deadlines.steps[1].effect).toContain(`No first-response target on the ${channel} channel.`);
  });

  const generalInformation = () => History.filed('2026-04-24T15:00:00-05:00', { typology: 'general-information' }).inProgress('2026-04-27T09:00:00-05:00');

  it('given a first response before its due instant, when reading later, then it is met and not overdue', () => {
    const deadlines = generalInformation().responded('2026-04-28T10:00:00-05:00', 'pending').deadlinesAt('2026-06-01T10:00:00-05:00');
    expect(deadlines.firstResponse).toMatchObject({ metAt: '2026-04-28T10:00:00-05:00', overdue: false });
    expect(deadlines.status).toEqual({ state: 'running' });
  });

  it('given a first response half an hour late, when explaining, then FirstResponseOverdue comes before the response', () => {
    const deadlines = generalInformation().responded('2026-04-29T12:30:00-05:00', 'pending').deadlinesAt('2026-04-29T12:30:00-05:00');
    expect(deadlines.firstResponse).toMatchObject({ metAt: '2026-04-29T12:30:00-05:00', overdue: true });
    expect(deadlines.steps.slice(-2)).toEqual([
      {
        at: '2026-04-29T12:00:00.000-05:00',
        event: 'FirstResponseOverdue',
        effect: 'The first response was due by 2026-04-29T12:00:00.000-05:00; it was sent late, at 2026-04-29T12:30:00-05:00.',
      },
      {
        at: '2026-04-29T12:30:00-05:00',
        event: 'ResponseSent',
        effect:
          'First response, late (was due 2026-04-29T12:00:00.000-05:00). Outcome pending: the clocks keep running ' +
          '(resolution due 2026-05-05T09:00:00.000-05:00; legal deadline 2026-05-19T23:59:59.999-05:00).',
      },
    ]);
  });
});

describe('deadline clock: company resolution targets, capped by the legal deadline', () => {
  it('given a 48-hour target on a claim, when reading, then it is well before the legal deadline and not capped', () => {
    const deadlines = History.filed('2026-04-24T15:00:00-05:00', { typology: 'general-information' }).deadlinesAt('2026-04-24T15:00:00-05:00');
    // 2 + 9 × 5 (27–30 April, 4 May) + 1 on Tuesday 5 May; legal: 27–30 April, 4–8, 11–15 and 19 May (18 May is Ascension).
    expect(deadlines.resolution).toMatchObject({ dueAt: '2026-05-05T09:00:00.000-05:00', companyDueAt: '2026-05-05T09:00:00.000-05:00', cappedByLegalDeadline: false });
    expect(deadlines.legal.dueAt).toBe(endOf('2026-05-19'));
  });

  it('given a 20-business-day company target on a 15-day claim, when reading, then the legal deadline caps it', () => {
    const policies = policiesWith('warranty', { priority: 'low', firstResponse: { amount: 24, unit: 'business_hours' }, resolution: { amount: 20, unit: 'business_days' } });
    const deadlines = History.filed('2026-03-02T10:00:00-05:00', { typology: 'warranty' }).deadlinesAt('2026-03-02T10:00:00-05:00', { policies });
    expect(deadlines.resolution).toMatchObject({ companyDueAt: endOf('2026-03-31'), dueAt: endOf('2026-03-24'), cappedByLegalDeadline: true });
    expect(deadlines.steps[1].effect).toContain(
      "Policy 'warranty' (priority low): resolution within 20 business days, due 2026-03-24T23:59:59.999-05:00 " +
        '(capped by the legal deadline; the company target alone gives 2026-03-31T23:59:59.999-05:00).',
    );
  });

  it('given a first response in days and a resolution in hours, when reading, then the first response is capped by the resolution', () => {
    const policies = policiesWith('billing', { priority: 'high', firstResponse: { amount: 2, unit: 'business_days' }, resolution: { amount: 4, unit: 'business_hours' } });
    const deadlines = History.filed('2026-04-20T09:00:00-05:00').deadlinesAt('2026-04-20T09:00:00-05:00', { policies });
    expect(deadlines.firstResponse).toMatchObject({ dueAt: '2026-04-20T13:00:00.000-05:00', cappedByResolution: true });
  });

  it('given a feature question filed as a document request, when reading, then 5 business days come before the 10-day legal term', () => {
    const deadlines = History.filed('2026-03-02T10:00:00-05:00', { kind: 'document_request', typology: 'feature-question' }).deadlinesAt('2026-03-02T10:00:00-05:00');
    expect(deadlines.resolution).toMatchObject({ dueAt: endOf('2026-03-09'), cappedByLegalDeadline: false });
    expect(deadlines.legal.dueAt).toBe(endOf('2026-03-16'));
    expect(deadlines.policy).toEqual({ source: 'typology', typology: 'feature-question', urgency: null, priority: 'low' });
  });

  it.each([
    ['2026-04-21T11:00:00-05:00', false],
    ['2026-04-21T14:00:00-05:00', true],
  ])('given a billing case due 12:00 the next day, when resolved at %s, then the resolution overdue flag is %p and the clocks stop', (resolvedAt, overdue) => {
    const deadlines = History.filed('2026-04-20T09:00:00-05:00', { typology: 'billing' }).inProgress('2026-04-20T10:00:00-05:00').responded(resolvedAt, 'resolved').deadlinesAt('2026-05-20T09:00:00-05:00');
    expect(deadlines.resolution).toMatchObject({ dueAt: '2026-04-21T12:00:00.000-05:00', metAt: resolvedAt, overdue });
    expect(deadlines.overdue).toEqual({ firstResponse: overdue, resolution: overdue, legal: false });
    expect(deadlines.status).toEqual({ state: 'stopped', reason: 'resolved', at: resolvedAt });
  });

  it('given a typology without a policy, when reading, then the default policy applies and the step says so', () => {
    const deadlines = History.filed('2026-04-20T09:00:00-05:00', { typology: 'warranty' }).deadlinesAt('2026-04-20T09:00:00-05:00');
    expect(deadlines.policy).toEqual({ source: 'default', typology: 'warranty', urgency: null, priority: 'medium' });
    expect(deadlines.steps[1].effect).toContain("No policy for 'warranty': the default policy applies (priority medium)");
  });
});

describe('deadline clock: urgent cases', () => {
  it('given a feature question on chat when the whole platform is down, when reading, then the urgent policy applies', () => {
    const deadlines = History.filed('2026-04-24T16:30:00-05:00', { channel: 'chat', typology: 'feature-question' }).deadlinesAt('2026-04-24T16:30:00-05:00', { urgency: 'platform_down' });
    expect(deadlines.policy).toEqual({ source: 'urgent', typology: 'feature-question', urgency: 'platform_down', priority: 'urgent' });
    // Half an hour on Friday, then Monday from 08:00.
    expect(deadlines.firstResponse?.dueAt).toBe('2026-04-27T08:30:00.000-05:00');
    expect(deadlines.resolution.dueAt).toBe('2026-04-27T10:30:00.000-05:00');
    expect(deadlines.steps[1].effect).toContain('Urgent (platform_down): the urgent policy applies whatever the typology (priority urgent)');
  });

  it('given no urgency, when the same case is read, then its own low-priority policy applies', () => {
    const deadlines = History.filed('2026-04-24T16:30:00-05:00', { channel: 'chat', typology: 'feature-question' }).deadlinesAt('2026-04-24T16:30:00-05:00', { urgency: null });
    expect(deadlines.policy.priority).toBe('low');
  });
});

describe('deadline clock: the case marked urgent by its events (CasePriorityChanged)', () => {
  const filedAt = '2026-04-24T16:30:00-05:00';
  const urgent = (changedAt: string) => ({
    type: 'CasePriorityChanged' as const,
    data: { priority: 'urgent' as const, reason: { kind: 'legal' as const, code: 'risk_to_life' as const }, changedBy: 'sup-sofia', changedAt },
  });

  it('given a feature question marked urgent at filing (art. 20), when reading, then the urgent targets apply from the filing', () => {
    const deadlines = History.filed(filedAt, { channel: 'chat', typology: 'feature-question' }).withEvent(urgent(filedAt)).deadlinesAt(filedAt);
    expect(deadlines.policy).toEqual({ source: 'urgent', typology: 'feature-question', urgency: 'risk_to_life', priority: 'urgent' });
    expect(deadlines.resolution.dueAt).toBe('2026-04-27T10:30:00.000-05:00');
    expect(deadlines.steps.at(-1)?.effect).toContain('Priority changed');
  });

  it('given an urgent case put back to normal, when reading, then its own policy applies again', () => {
    const normal = { type: 'CasePriorityChanged' as const, data: { priority: 'normal' as const, reason: null, changedBy: 'sup-sofia', changedAt: filedAt } };
    const deadlines = History.filed(filedAt, { channel: 'chat', typology: 'feature-question' }).withEvent(urgent(filedAt)).withEvent(normal).deadlinesAt(filedAt);
    expect(deadlines.policy).toMatchObject({ source: 'typology', priority: 'low', urgency: null });
  });
});
