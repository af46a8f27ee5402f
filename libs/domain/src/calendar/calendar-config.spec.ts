import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { BusinessCalendar } from './business-calendar';
import { CalendarConfig, InvalidCalendarConfigError, resolveCalendarConfig } from './calendar-config';

describe('calendar config', () => {
  it('given no config, when resolving, then Bogotá, no Saturdays and 08:00–17:00 apply', () => {
    expect(resolveCalendarConfig()).toEqual({
      timeZone: 'America/Bogota',
      saturdayIsBusinessDay: false,
      receiptReading: 'filing_day',
      opensAt: { hour: 8, minute: 0 },
      closesAt: { hour: 17, minute: 0 },
      holidayOverrides: { add: undefined, remove: undefined },
    });
  });

  it.each<[string, CalendarConfig, RegExp]>([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, /timeZone must be an IANA time zone .* got "Mars\/Olympus_Mons"/],
    ['start after end', { businessHours: { start: '17:00', end: '08:00' } }, /businessHours.start \(17:00\) must be before businessHours.end \(08:00\)/],
    ['start equal to end', { businessHours: { start: '08:00', end: '08:00' } }, /must be before businessHours.end/],
    ['an hour without leading zero', { businessHours: { start: '8:00', end: '17:00' } }, /businessHours.start must be a time 'HH:mm' .* got "8:00"/],
    ['24:00', { businessHours: { start: '08:00', end: '24:00' } }, /businessHours.end must be a time 'HH:mm' .* got "24:00"/],
    ['a malformed added holiday', { holidayOverrides: { add: [{ date: '2026-13-01', name: 'X' }] } }, /holidayOverrides.add\[0\].date must be 'YYYY-MM-DD', got "2026-13-01"/],
    ['a malformed removed holiday', { holidayOverrides: { remove: ['13/07/2026'] } }, /holidayOverrides.remove\[0\] must be 'YYYY-MM-DD', got "13\/07\/2026"/],
    ['a non-boolean Saturday flag', { saturdayIsBusinessDay: 'yes' as unknown as boolean }, /saturdayIsBusinessDay must be a boolean/],
  ])('given %s, when constructing a calendar, then it throws InvalidCalendarConfigError naming the problem', (_case, config, message) => {
    expect(() => new BusinessCalendar(config)).toThrow(InvalidCalendarConfigError);
    expect(() => new BusinessCalendar(config)).toThrow(message);
  });

  it('given several problems, when constructing a calendar, then the error lists them all', () => {
    const config = { timeZone: 'Nowhere', businessHours: { start: '9', end: '17:00' }, holidayOverrides: { remove: ['x'] } };
    const error = captureError(() => new BusinessCalendar(config));
    expect(error).toBeInstanceOf(InvalidCalendarConfigError);
    expect((error as InvalidCalendarConfigError).problems).toHaveLength(3);
  });

  it('given overrides in the config, when the caller mutates them later, then the calendar keeps the original ones', () => {
    const holidayOverrides = { remove: ['2026-07-13'] };
    const calendar = new BusinessCalendar({ holidayOverrides });
    holidayOverrides.remove.pop();
    expect(calendar.isHoliday('2026-07-13')).toBe(false);
  });

  describe('holiday overrides in the calendar', () => {
    const courtStruckDownChiquinquira = new BusinessCalendar({
      holidayOverrides: { remove: ['2026-07-13'], add: [{ date: '2026-03-10', name: 'Día cívico' }] },
    });

    it('given a removed holiday, when filing the Friday before, then the Monday counts', () => {
      expect(courtStruckDownChiquinquira.addBusinessDays('2026-07-10T10:00:00-05:00', 1)).toBe('2026-07-13T23:59:59.999-05:00');
      expect(new BusinessCalendar().addBusinessDays('2026-07-10T10:00:00-05:00', 1)).toBe('2026-07-14T23:59:59.999-05:00');
    });

    it('given an added holiday, when filing the day before, then it is skipped', () => {
      expect(courtStruckDownChiquinquira.isHoliday('2026-03-10')).toBe(true);
      expect(courtStruckDownChiquinquira.addBusinessDays('2026-03-09T10:00:00-05:00', 1)).toBe('2026-03-11T23:59:59.999-05:00');
    });
  });
});

describe('purity', () => {
  it('given the calendar sources, when scanned, then none of them reads the clock', () => {
    const sources = readdirSync(__dirname).filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'));
    const clockReads = /Date\.now\(|new Date\(\s*\)|DateTime\.(now|local)\(\s*\)/;
    expect(sources.filter((file) => clockReads.test(readFileSync(join(__dirname, file), 'utf8')))).toEqual([]);
  });
});

function captureError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
