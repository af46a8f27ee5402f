import type { CaseKind } from '../cases/case-kind';
import { computeDeadlines } from './deadline-clock';
import { calendar, History } from './deadline-test-histories';
import { DEFAULT_SLA_POLICIES } from './sla-policy';
import { BusinessCalendar } from '../calendar/business-calendar';

const endOf = (date: string) => `${date}T23:59:59.999-05:00`;

describe('deadline clock: the legal term (Ley 1755 de 2015, art. 14), from the day after filing', () => {
  it.each<[string, CaseKind, string, string]>([
    // 8–11, 14–16, 21–25, 28–30 April: Holy Thursday and Good Friday (17–18) do not count.
    ['2025-04-07T10:00:00-05:00', 'claim', '2025-04-30', 'Holy Week 2025'],
    // 23 June Corpus Christi; 30 June San Pedro and Sacred Heart on one Monday, a single day off.
    ['2025-06-20T16:30:00-05:00', 'document_request', '2025-07-08', 'the 2025 San Pedro / Sacred Heart collision'],
    // 25 Dec, 1 Jan and Reyes Magos moved to Monday 12 Jan 2026.
    ['2025-12-15T09:00:00-05:00', 'inquiry', '2026-01-29', 'the 2025–2026 year boundary with Emiliani Reyes Magos'],
    // Counting starts on Sunday; Monday 23 March is San José; 2–3 April Holy Thursday and Good Friday.
    ['2026-03-21T11:00:00-05:00', 'claim', '2026-04-15', 'a filing on a Saturday before an Emiliani Monday and Holy Week'],
    // Filed on Inmaculada Concepción; Christmas on Friday.
    ['2026-12-08T15:00:00-05:00', 'complaint', '2026-12-30', 'a filing on a holiday'],
    // 13 July Virgen de Chiquinquirá (Ley 2578 de 2026) and 20 July Independence.
    ['2026-07-10T12:00:00-05:00', 'claim', '2026-08-04', 'the new Chiquinquirá holiday next to 20 July'],
    // Filed at night on 31 Dec: 1 Jan and Reyes Magos (Monday 11 Jan 2027) are off.
    ['2026-12-31T23:30:00-05:00', 'petition', '2027-01-25', 'a filing at night on the eve of the 2026–2027 year boundary'],
    ['2027-01-04T00:00:00-05:00', 'petition', '2027-01-26', 'a filing at midnight: the day still does not count'],
    // 22 March San José; 25–26 March Holy Thursday and Good Friday 2027.
    ['2027-03-15T08:00:00-05:00', 'claim', '2027-04-08', 'Holy Week 2027 after an Emiliani Monday'],
    // 5 July San Pedro and 12 July Chiquinquirá, both Emiliani Mondays.
    ['2027-06-30T10:00:00-05:00', 'document_request', '2027-07-16', 'two Emiliani Mondays in a row'],
    // 22:00 on Monday in Bogotá is already Tuesday in UTC: the local date decides.
    ['2026-03-03T03:00:00Z', 'claim', '2026-03-24', 'a filing given in UTC late on Monday'],
  ])('given a case filed at %s as %s, when reading its legal deadline, then it is the end of %s (%s)', (filedAt, kind, dueDate) => {
    const deadlines = History.filed(filedAt, { kind }).deadlinesAt(filedAt);
    expect(deadlines.legal).toMatchObject({ kind, dueAt: endOf(dueDate), overdue: false });
    expect(deadlines.legal.termBusinessDays).toBe({ claim: 15, complaint: 15, petition: 15, document_request: 10, inquiry: 30 }[kind as string]);
  });

  it('given a case filed on a Saturday, when explaining, then the first step says it was filed on a non-business day', () => {
    const [filed] = History.filed('2026-03-21T11:00:00-05:00').deadlinesAt('2026-03-21T11:00:00-05:00').steps;
    expect(filed).toEqual({
      at: '2026-03-21T11:00:00-05:00',
      event: 'CaseFiled',
      effect: 'Filed as claim on the email channel on a non-business day (2026-03-21): the legal term is 15 business days from the day after filing (receipt reading: filing_day, counted from the day of filing whatever its day or hour), due 2026-04-15T23:59:59.999-05:00.',
    });
  });

  it.each<[CaseKind, number, string]>([
    ['document_request', 10, '2026-03-16'],
    ['inquiry', 30, '2026-04-16'],
  ])('given a claim filed on 2 March 2026, when re-typified as %s, then the term becomes %p days from the filing, due the end of %s', (kind, term, dueDate) => {
    const history = History.filed('2026-03-02T10:00:00-05:00').assigned('2026-03-03T09:00:00-05:00').returned('2026-03-04T09:00:00-05:00').retypified('2026-03-04T11:00:00-05:00', kind);
    const deadlines = history.deadlinesAt('2026-03-05T08:00:00-05:00');
    expect(deadlines.legal).toMatchObject({ kind, termBusinessDays: term, dueAt: endOf(dueDate) });
    expect(deadlines.steps[deadlines.steps.length - 1]).toMatchObject({ at: '2026-03-04T09:00:00-05:00', event: 'CaseTypified' });
    expect(deadlines.steps[deadlines.steps.length - 1].effect).toContain(`The legal term becomes ${term} business days (it was 15), still counted from the filing: due ${endOf(dueDate)}.`);
  });

  it('given a history that does not start with CaseFiled, when computing, then it is refused', () => {
    const [, typified] = History.filed('2026-03-02T10:00:00-05:00').events;
    expect(() => computeDeadlines([typified], { calendar, policies: DEFAULT_SLA_POLICIES, now: '2026-03-02T10:00:00-05:00' })).toThrow(RangeError);
    expect(() => computeDeadlines([], { calendar, policies: DEFAULT_SLA_POLICIES, now: '2026-03-02T10:00:00-05:00' })).toThrow(RangeError);
  });

  it('given a now that is not an instant, when computing, then it is refused', () => {
    expect(() => History.filed('2026-03-02T10:00:00-05:00').deadlinesAt('yesterday')).toThrow(RangeError);
  });

  it('names the receipt reading in force: filing_day by default, next_business_day when configured (the term counts from the receipt)', () => {
    const saturday = History.filed('2026-03-21T11:00:00-05:00');
    const byFilingDay = saturday.deadlinesAt('2026-03-21T11:00:00-05:00');
    expect(byFilingDay.legal.receiptReading).toBe('filing_day');
    const nextBusinessDay = saturday.deadlinesAt('2026-03-21T11:00:00-05:00', { calendar: new BusinessCalendar({ receiptReading: 'next_business_day' }) });
    expect(nextBusinessDay.legal.receiptReading).toBe('next_business_day');
    // Received Tuesday 24 March (Monday 23 is San José): 25–27, 30–31, 1, 6–10, 13–16 April.
    expect(nextBusinessDay.legal.dueAt).toBe(endOf('2026-04-16'));
    expect(nextBusinessDay.steps[0].effect).toContain('receipt reading: next_business_day');
    expect(nextBusinessDay.steps[0].effect).toContain('received 2026-03-24');
  });
});
