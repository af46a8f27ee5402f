import { BusinessCalendar } from '../calendar/business-calendar';
import { memoizedSlaCalendar } from './memoized-calendar';
import type { SlaCalendar } from './pausable-clock';

/** The real calendar, counting the calls that reach it. */
function countingCalendar() {
  const real = new BusinessCalendar();
  const calls: string[] = [];
  const counted = new Proxy(real, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return value.apply(target, args);
      };
    },
  });
  return { real, calls, counted: counted as SlaCalendar };
}

describe('memoizedSlaCalendar', () => {
  it('given questions asked twice, then the answers are the calendar’s and each reaches it once', () => {
    const { real, calls, counted } = countingCalendar();
    const memoized = memoizedSlaCalendar(counted);
    for (let round = 0; round < 2; round++) {
      expect(memoized.addBusinessDays('2026-03-02T10:00:00-05:00', 15)).toBe(real.addBusinessDays('2026-03-02T10:00:00-05:00', 15));
      expect(memoized.addBusinessDays('2026-03-02T10:00:00-05:00', 10)).toBe(real.addBusinessDays('2026-03-02T10:00:00-05:00', 10));
      expect(memoized.businessHoursBetween('2026-03-02T10:00:00-05:00', '2026-03-04T16:00:00-05:00')).toBe(real.businessHoursBetween('2026-03-02T10:00:00-05:00', '2026-03-04T16:00:00-05:00'));
      expect(memoized.isBusinessDay('2026-03-23')).toBe(false); // San José, moved to Monday
      expect(memoized.localDate('2026-03-02T03:00:00Z')).toBe('2026-03-01');
    }
    expect(calls).toEqual(['addBusinessDays', 'addBusinessDays', 'businessHoursBetween', 'isBusinessDay', 'localDate']);
  });

  it('given the same arguments to two methods, then each method answers for itself', () => {
    const { counted } = countingCalendar();
    const memoized = memoizedSlaCalendar(counted);
    expect(memoized.addBusinessDays('2026-03-02T10:00:00-05:00', 1)).not.toBe(memoized.addBusinessHours('2026-03-02T10:00:00-05:00', 1));
  });

  it('given more questions than it keeps, then it starts afresh and still answers right', () => {
    const { real, calls, counted } = countingCalendar();
    const memoized = memoizedSlaCalendar(counted, 2);
    const days = ['2026-03-02', '2026-03-03', '2026-03-04'];
    for (const day of days) expect(memoized.nextBusinessDay(day)).toBe(real.nextBusinessDay(day));
    expect(memoized.nextBusinessDay('2026-03-04')).toBe(real.nextBusinessDay('2026-03-04'));
    expect(memoized.nextBusinessDay('2026-03-02')).toBe(real.nextBusinessDay('2026-03-02'));
    expect(calls).toHaveLength(4);
  });
});
