import { BusinessCalendar } from './business-calendar';

const colombia = new BusinessCalendar();
const withSaturdays = new BusinessCalendar({ saturdayIsBusinessDay: true });

describe('BusinessCalendar business days', () => {
  describe('holidays, isHoliday and isBusinessDay', () => {
    it('given the default config, when listing 2026, then it returns the 19 Colombian holidays', () => {
      expect(colombia.holidays(2026)).toHaveLength(19);
      expect(colombia.holidays(2025)).toHaveLength(17);
    });

    it('given the returned list is mutated, when listing again, then the cached list is intact', () => {
      colombia.holidays(2026).pop();
      colombia.holidays(2026)[0].date = '2026-01-02';
      expect(colombia.holidays(2026)[0]).toEqual({ date: '2026-01-01', name: 'Año Nuevo' });
      expect(colombia.holidays(2026)).toHaveLength(19);
    });

    it.each([
      ['2026-01-06', false, true, 'Reyes on a Tuesday moves away (Emiliani)'],
      ['2026-01-12', true, false, 'Reyes moved to Monday'],
      ['2026-03-19', false, true, 'San José on a Thursday moves away'],
      ['2026-04-02', true, false, 'Holy Thursday'],
      ['2026-04-03', true, false, 'Good Friday'],
      ['2026-04-05', false, false, 'Easter Sunday: not a holiday, still a Sunday'],
      ['2026-06-29', true, false, 'San Pedro already on Monday stays'],
      ['2026-07-09', false, true, 'Chiquinquirá on a Thursday moves away'],
      ['2026-07-13', true, false, 'Chiquinquirá moved to Monday'],
      ['2025-06-30', true, false, 'San Pedro and Sacred Heart together'],
      ['2026-04-24', false, true, 'an ordinary Friday'],
      ['2026-04-25', false, false, 'a Saturday'],
      ['2026-04-26', false, false, 'a Sunday'],
    ])('given %s, when asked, then isHoliday=%p and isBusinessDay=%p (%s)', (date, holiday, businessDay) => {
      expect(colombia.isHoliday(date)).toBe(holiday);
      expect(colombia.isBusinessDay(date)).toBe(businessDay);
    });

    it.each([
      ['2026-04-25', true, 'an ordinary Saturday'],
      ['2027-05-01', false, 'Labour Day on a Saturday'],
      ['2026-04-26', false, 'a Sunday, never'],
    ])('given saturdays are business days, when asking about %s, then isBusinessDay=%p (%s)', (date, expected) => {
      expect(withSaturdays.isBusinessDay(date)).toBe(expected);
    });

    it.each([
      ['2026-04-01', '2026-04-06', 'Holy Week: Thursday and Friday are holidays'],
      ['2026-01-09', '2026-01-13', 'a Friday before an Emiliani Monday'],
      ['2026-04-24', '2026-04-27', 'a Friday'],
      ['2026-12-31', '2027-01-04', 'the year boundary'],
    ])('given %s, when asking for the next business day, then it is %s (%s)', (date, expected) => {
      expect(colombia.nextBusinessDay(date)).toBe(expected);
    });
  });

  describe('localDate', () => {
    it.each([
      ['2026-04-21T04:30:00Z', '2026-04-20'],
      ['2026-04-21T05:00:00Z', '2026-04-21'],
      ['2026-04-20T23:59:59.999-05:00', '2026-04-20'],
      ['2026-04-21T01:00:00+02:00', '2026-04-20'],
    ])('given the instant %s, when reading its date in Bogotá, then it is %s', (instant, expected) => {
      expect(colombia.localDate(instant)).toBe(expected);
    });
  });

  describe('addBusinessDays (Ley 1755: from the day after filing, to the end of the Nth business day)', () => {
    it.each([
      ['2026-03-02T10:00:00-05:00', 15, '2026-03-24T23:59:59.999-05:00', 'a Monday, 15 days skip San José (23 March)'],
      ['2026-03-31T10:00:00-05:00', 15, '2026-04-23T23:59:59.999-05:00', '15 days across Holy Week'],
      ['2026-04-01T10:00:00-05:00', 1, '2026-04-06T23:59:59.999-05:00', 'Holy Wednesday: Thu, Fri holidays, then weekend'],
      ['2026-04-01T10:00:00-05:00', 15, '2026-04-24T23:59:59.999-05:00', '15 days from Holy Wednesday'],
      ['2026-05-04T10:00:00-05:00', 30, '2026-06-18T23:59:59.999-05:00', 'an inquiry: 30 days across Ascension, Corpus and Sacred Heart'],
      ['2026-04-20T10:00:00-05:00', 10, '2026-05-05T23:59:59.999-05:00', 'a request for documents: 10 days across Labour Day'],
      ['2026-01-09T10:00:00-05:00', 1, '2026-01-13T23:59:59.999-05:00', 'a Friday before Emiliani Monday 12 January'],
      ['2026-08-14T10:00:00-05:00', 1, '2026-08-18T23:59:59.999-05:00', 'a Friday before Emiliani Monday 17 August'],
      ['2025-06-27T10:00:00-05:00', 1, '2025-07-01T23:59:59.999-05:00', 'a Friday before 30 June 2025 (two holidays, one day)'],
      ['2025-06-27T10:00:00-05:00', 5, '2025-07-07T23:59:59.999-05:00', '30 June 2025 is skipped once, not twice'],
      ['2026-12-24T10:00:00-05:00', 5, '2027-01-04T23:59:59.999-05:00', 'the year boundary: 25 Dec and 1 Jan skipped'],
      ['2026-12-24T10:00:00-05:00', 10, '2027-01-12T23:59:59.999-05:00', 'the year boundary: Reyes 2027 moved to 11 January'],
    ])('given a filing at %s, when adding %i business days, then the deadline is %s (%s)', (from, days, expected) => {
      expect(colombia.addBusinessDays(from, days)).toBe(expected);
    });

    it.each([
      ['2026-04-20T06:00:00-05:00', 'before opening'],
      ['2026-04-20T23:00:00-05:00', 'at 23:00'],
      ['2026-04-21T04:59:59.999Z', 'in UTC, still the 20th in Bogotá'],
    ])('given a filing on Monday 20 April %s (%s), when adding 1 business day, then the deadline ends Tuesday', (from) => {
      expect(colombia.addBusinessDays(from, 1)).toBe('2026-04-21T23:59:59.999-05:00');
    });

    it.each([
      ['2026-05-01T10:00:00-05:00', false, '2026-05-04T23:59:59.999-05:00', 'on Labour Day (a Friday)'],
      ['2026-05-02T10:00:00-05:00', false, '2026-05-04T23:59:59.999-05:00', 'on a Saturday'],
      ['2026-05-03T10:00:00-05:00', false, '2026-05-04T23:59:59.999-05:00', 'on a Sunday'],
      ['2026-04-24T10:00:00-05:00', true, '2026-04-25T23:59:59.999-05:00', 'on a Friday'],
      ['2026-04-25T10:00:00-05:00', true, '2026-04-27T23:59:59.999-05:00', 'on a Saturday'],
      ['2027-04-30T10:00:00-05:00', true, '2027-05-03T23:59:59.999-05:00', 'before Labour Day on a Saturday'],
    ])(
      'given a filing at %s and saturdayIsBusinessDay=%p, when adding 1 business day, then the deadline is %s (%s)',
      (from, saturdayIsBusinessDay, expected) => {
        const calendar = saturdayIsBusinessDay ? withSaturdays : colombia;
        expect(calendar.addBusinessDays(from, 1)).toBe(expected);
      },
    );

    it('given an input in UTC, when adding business days, then the output carries the Bogotá offset', () => {
      expect(colombia.addBusinessDays('2026-03-31T15:00:00Z', 15)).toBe('2026-04-23T23:59:59.999-05:00');
    });

    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'given %p business days, when adding, then it throws a RangeError',
      (days) => {
        expect(() => colombia.addBusinessDays('2026-04-20T10:00:00-05:00', days)).toThrow(RangeError);
      },
    );
  });

  describe('businessDaysBetween (d with localDate(from) < d <= localDate(to))', () => {
    it.each([
      ['2026-04-20T10:00:00-05:00', '2026-04-23T16:00:00-05:00', 3, 'a counter-reply on the 3rd business day'],
      ['2026-04-20T10:00:00-05:00', '2026-04-24T08:00:00-05:00', 4, 'a counter-reply on the 4th business day'],
      ['2026-04-01T10:00:00-05:00', '2026-04-06T08:00:00-05:00', 1, 'across Holy Week'],
      ['2025-06-27T10:00:00-05:00', '2025-07-04T10:00:00-05:00', 4, 'across 30 June 2025'],
      ['2026-12-24T10:00:00-05:00', '2027-01-04T10:00:00-05:00', 5, 'across the year boundary'],
      ['2026-04-20T08:00:00-05:00', '2026-04-20T18:00:00-05:00', 0, 'on the same day'],
      ['2026-04-25T10:00:00-05:00', '2026-04-26T10:00:00-05:00', 0, 'over a weekend only'],
      ['2026-04-23T10:00:00-05:00', '2026-04-20T10:00:00-05:00', 0, 'backwards'],
      ['2026-04-21T04:30:00Z', '2026-04-21T05:00:00Z', 1, 'across Bogotá midnight written in UTC'],
    ])('given from %s and to %s, when counting, then it is %i (%s)', (from, to, expected) => {
      expect(colombia.businessDaysBetween(from, to)).toBe(expected);
    });

    it.each([
      ['2026-03-02T10:00:00-05:00', 15],
      ['2026-05-04T23:30:00-05:00', 30],
      ['2026-12-24T10:00:00Z', 10],
      ['2025-06-28T10:00:00-05:00', 7],
    ])('given a filing at %s and its %i-day deadline, when counting up to the deadline, then it gives the term back', (from, days) => {
      expect(colombia.businessDaysBetween(from, colombia.addBusinessDays(from, days))).toBe(days);
    });
  });

  describe('argument validation', () => {
    it.each([
      ['2026-04-20T10:00:00', 'no offset'],
      ['2026-04-20', 'a date, not an instant'],
      ['not a date', 'garbage'],
      ['2026-02-30T10:00:00Z', 'an impossible date'],
    ])('given the instant %p (%s), when reading it, then it throws a RangeError', (instant) => {
      expect(() => colombia.localDate(instant)).toThrow(RangeError);
      expect(() => colombia.addBusinessDays(instant, 1)).toThrow(/ISO-8601 instant with an offset or Z/);
    });

    it.each(['2026-4-20', '2026-02-30', '20260420', ''])('given the date %p, when asking about it, then it throws a RangeError', (date) => {
      expect(() => colombia.isBusinessDay(date)).toThrow(RangeError);
      expect(() => colombia.isHoliday(date)).toThrow(RangeError);
      expect(() => colombia.nextBusinessDay(date)).toThrow(RangeError);
    });
  });
});
