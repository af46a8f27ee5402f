import { BusinessCalendar } from './business-calendar';

const colombia = new BusinessCalendar(); // 08:00–17:00, nine hours a day
const shortDay = new BusinessCalendar({ businessHours: { start: '08:30', end: '16:00' } });
const withSaturdays = new BusinessCalendar({ saturdayIsBusinessDay: true });

describe('BusinessCalendar business hours', () => {
  describe('addBusinessHours', () => {
    it.each([
      ['2026-04-20T09:00:00-05:00', 3, '2026-04-20T12:00:00.000-05:00', 'inside one day'],
      ['2026-04-20T08:00:00-05:00', 0.25, '2026-04-20T08:15:00.000-05:00', 'a fraction of an hour'],
      ['2026-04-20T15:00:00-05:00', 3, '2026-04-21T09:00:00.000-05:00', 'across a night'],
      ['2026-04-24T16:00:00-05:00', 2, '2026-04-27T09:00:00.000-05:00', 'across a weekend'],
      ['2026-04-30T16:30:00-05:00', 1.5, '2026-05-04T09:00:00.000-05:00', 'across Labour Day and a weekend'],
      ['2026-04-01T12:00:00-05:00', 12, '2026-04-06T15:00:00.000-05:00', 'across Holy Thursday, Good Friday and a weekend'],
      ['2026-04-20T06:00:00-05:00', 1, '2026-04-20T09:00:00.000-05:00', 'from before opening'],
      ['2026-04-20T18:00:00-05:00', 1, '2026-04-21T09:00:00.000-05:00', 'from after closing'],
      ['2026-04-20T17:00:00-05:00', 1, '2026-04-21T09:00:00.000-05:00', 'from exactly closing time'],
      ['2026-05-01T10:00:00-05:00', 1, '2026-05-04T09:00:00.000-05:00', 'from a holiday'],
      ['2026-04-25T10:00:00-05:00', 1, '2026-04-27T09:00:00.000-05:00', 'from a Saturday'],
      ['2026-04-20T08:00:00-05:00', 9, '2026-04-20T17:00:00.000-05:00', 'a full day ends at closing, not next opening'],
      ['2026-04-20T16:00:00-05:00', 10, '2026-04-21T17:00:00.000-05:00', 'ending exactly at the next closing'],
      ['2026-04-20T10:00:00-05:00', 12, '2026-04-21T13:00:00.000-05:00', 'a 12-hour service target'],
      ['2026-04-20T08:00:00-05:00', 48, '2026-04-27T11:00:00.000-05:00', 'a 48-hour service target: five full days and three hours'],
      ['2026-04-20T14:00:00Z', 1, '2026-04-20T10:00:00.000-05:00', 'an input in UTC comes out in Bogotá time'],
    ])('given %s, when adding %p business hours, then it is %s (%s)', (from, hours, expected) => {
      expect(colombia.addBusinessHours(from, hours)).toBe(expected);
    });

    it('given business hours 08:30–16:00, when adding 3 hours at 15:00, then it ends 10:30 next day', () => {
      expect(shortDay.addBusinessHours('2026-04-20T15:00:00-05:00', 3)).toBe('2026-04-21T10:30:00.000-05:00');
    });

    it('given saturdays are business days, when adding 2 hours on Friday at 16:00, then it ends Saturday 09:00', () => {
      expect(withSaturdays.addBusinessHours('2026-04-24T16:00:00-05:00', 2)).toBe('2026-04-25T09:00:00.000-05:00');
    });

    it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('given %p hours, when adding, then it throws a RangeError', (hours) => {
      expect(() => colombia.addBusinessHours('2026-04-20T10:00:00-05:00', hours)).toThrow(RangeError);
    });
  });

  describe('businessHoursBetween', () => {
    it.each([
      ['2026-04-20T09:00:00-05:00', '2026-04-20T12:30:00-05:00', 3.5, 'inside one day'],
      ['2026-04-20T15:00:00-05:00', '2026-04-21T09:00:00-05:00', 3, 'across a night'],
      ['2026-04-24T16:00:00-05:00', '2026-04-27T09:00:00-05:00', 2, 'across a weekend'],
      ['2026-04-30T16:30:00-05:00', '2026-05-04T09:00:00-05:00', 1.5, 'across Labour Day and a weekend'],
      ['2026-04-20T00:00:00-05:00', '2026-04-27T00:00:00-05:00', 45, 'a whole week'],
      ['2026-04-20T18:00:00-05:00', '2026-04-21T07:00:00-05:00', 0, 'a night outside business hours'],
      ['2026-04-20T10:00:00-05:00', '2026-04-20T10:00:00-05:00', 0, 'the same instant'],
      ['2026-04-21T10:00:00-05:00', '2026-04-20T10:00:00-05:00', 0, 'backwards'],
      ['2026-04-20T14:00:00Z', '2026-04-20T16:00:00-05:00', 7, 'mixed offsets'],
    ])('given from %s and to %s, when measuring, then it is %p business hours (%s)', (from, to, expected) => {
      expect(colombia.businessHoursBetween(from, to)).toBe(expected);
    });

    it.each([
      ['2026-04-20T15:00:00-05:00', 3],
      ['2026-04-01T12:00:00-05:00', 12],
      ['2026-04-20T06:00:00-05:00', 0.75],
      ['2026-12-24T16:00:00-05:00', 48],
      ['2026-04-20T08:00:00-05:00', 9],
    ])('given %s plus %p business hours, when measuring back, then it gives the same hours', (from, hours) => {
      expect(colombia.businessHoursBetween(from, colombia.addBusinessHours(from, hours))).toBe(hours);
    });
  });
});
