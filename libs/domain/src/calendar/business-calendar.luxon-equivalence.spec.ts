import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import { BusinessCalendar } from './business-calendar';
import type { CalendarConfig } from './calendar-config';
import { colombianHolidays } from './colombian-holidays';

/*
 * The calendar computes with epoch milliseconds, day numbers and Bogotá's steady offset. This spec
 * checks it, answer for answer, against the luxon computation it replaced, kept here as the
 * reference: luxon DateTimes in the real IANA zone, ISO dates stepped with luxon.
 */
class LuxonReferenceCalendar {
  private readonly zone: IANAZone;
  private readonly opens: { hour: number; minute: number };
  private readonly closes: { hour: number; minute: number };
  private readonly holidayDatesByYear = new Map<number, Set<string>>();

  constructor(private readonly config: CalendarConfig) {
    this.zone = IANAZone.create(config.timeZone ?? 'America/Bogota');
    const [start, end] = [config.businessHours?.start ?? '08:00', config.businessHours?.end ?? '17:00'];
    this.opens = { hour: Number(start.slice(0, 2)), minute: Number(start.slice(3)) };
    this.closes = { hour: Number(end.slice(0, 2)), minute: Number(end.slice(3)) };
  }

  isBusinessDay(date: string): boolean {
    const weekday = DateTime.fromISO(date, { zone: 'utc' }).weekday;
    const workingWeekday = weekday < 6 || (weekday === 6 && this.config.saturdayIsBusinessDay === true);
    return workingWeekday && !this.holidayDates(Number(date.slice(0, 4))).has(date);
  }

  private holidayDates(year: number): Set<string> {
    let dates = this.holidayDatesByYear.get(year);
    if (!dates) this.holidayDatesByYear.set(year, (dates = new Set(colombianHolidays(year, this.config.holidayOverrides).map((holiday) => holiday.date))));
    return dates;
  }

  nextBusinessDay(date: string): string {
    let next = addDay(date);
    while (!this.isBusinessDay(next)) next = addDay(next);
    return next;
  }

  localDate(instant: string): string {
    return DateTime.fromISO(instant, { zone: this.zone }).toISODate()!;
  }

  addBusinessDays(from: string, days: number): string {
    let date = this.localDate(from);
    for (let counted = 0; counted < days; counted++) date = this.nextBusinessDay(date);
    return format(this.startOfDay(date).endOf('day'));
  }

  addBusinessHours(from: string, hours: number): string {
    let remainingMs = Math.round(hours * 3_600_000);
    let cursor: DateTime = DateTime.fromISO(from, { zone: this.zone });
    for (;;) {
      const date = cursor.toISODate()!;
      const closing = this.at(date, this.closes);
      if (!this.isBusinessDay(date) || cursor >= closing) {
        cursor = this.at(this.nextBusinessDay(date), this.opens);
        continue;
      }
      const start = DateTime.max(cursor, this.at(date, this.opens));
      const availableMs = closing.toMillis() - start.toMillis();
      if (remainingMs <= availableMs) return format(start.plus({ milliseconds: remainingMs }));
      remainingMs -= availableMs;
      cursor = this.at(this.nextBusinessDay(date), this.opens);
    }
  }

  businessHoursBetween(fromInstant: string, toInstant: string): number {
    const from = DateTime.fromISO(fromInstant, { zone: this.zone });
    const to = DateTime.fromISO(toInstant, { zone: this.zone });
    if (to <= from) return 0;
    let elapsedMs = 0;
    for (let date = from.toISODate()!; date <= to.toISODate()!; date = addDay(date)) {
      if (!this.isBusinessDay(date)) continue;
      const start = DateTime.max(from, this.at(date, this.opens));
      const end = DateTime.min(to, this.at(date, this.closes));
      elapsedMs += Math.max(0, end.toMillis() - start.toMillis());
    }
    return elapsedMs / 3_600_000;
  }

  private startOfDay(date: string): DateTime {
    return DateTime.fromISO(date, { zone: this.zone });
  }

  private at(date: string, time: { hour: number; minute: number }): DateTime {
    return this.startOfDay(date).set(time);
  }
}

const addDay = (date: string) => DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
const format = (instant: DateTime) => instant.toISO({ suppressMilliseconds: false })!;

/** Deterministic pseudo-random numbers (mulberry32), so that a failure can be replayed. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const OFFSETS_MINUTES = [-300, -300, -300, 0, -240, 60, 330];
const SPECIAL_LOCAL_TIMES = [
  '2024-03-27T16:59:59.999', // the eve of Holy Thursday
  '2025-04-16T12:00:00.000',
  '2026-04-01T17:00:00.000',
  '2027-03-24T08:00:00.000',
  '2028-04-12T23:59:59.999',
  '2026-01-09T16:30:00.000', // Friday before Reyes moved to Monday (Emiliani)
  '2027-06-25T10:00:00.000', // before Sagrado Corazón / San Pedro
  '2028-11-03T07:59:59.999', // before Todos los Santos on Monday
  '2024-12-31T16:00:00.000', // year boundaries
  '2025-12-31T23:59:59.999',
  '2027-12-31T00:00:00.000',
  '2028-12-29T16:59:00.000',
  '2026-04-25T10:00:00.000', // a Saturday
  '2026-04-26T03:00:00.000', // a Sunday night
];

/** Instants across 2024–2028 written in assorted ISO forms, plus the special cases above. */
function instants(random: () => number, count: number): string[] {
  const from = Date.UTC(2024, 0, 1, 5);
  const until = Date.UTC(2029, 0, 1, 5);
  const all = SPECIAL_LOCAL_TIMES.map((local) => `${local}-05:00`);
  for (let i = 0; i < count; i++) {
    const roundTo = [1, 1000, 60_000, 1_800_000][Math.floor(random() * 4)];
    const ms = Math.floor((from + random() * (until - from)) / roundTo) * roundTo;
    const zone = FixedOffsetZone.instance(OFFSETS_MINUTES[Math.floor(random() * OFFSETS_MINUTES.length)]);
    all.push(DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: random() < 0.5, suppressSeconds: random() < 0.2 })!);
  }
  return all;
}

const CONFIGS: [string, CalendarConfig][] = [
  ['the default calendar', {}],
  ['Saturdays as business days', { saturdayIsBusinessDay: true }],
  ['business hours 07:30–12:45', { businessHours: { start: '07:30', end: '12:45' } }],
  ['business hours 00:00–23:59 with Saturdays', { saturdayIsBusinessDay: true, businessHours: { start: '00:00', end: '23:59' } }],
  ['holiday overrides', { holidayOverrides: { add: [{ date: '2026-12-24', name: 'Nochebuena' }], remove: ['2027-01-11'] } }],
];

describe('BusinessCalendar against the luxon reference computation', () => {
  describe.each(CONFIGS)('given %s', (_name, config) => {
    const calendar = new BusinessCalendar(config);
    const reference = new LuxonReferenceCalendar(config);
    const random = randomSource(20_260_324);
    const sample = instants(random, 200);

    it('then addBusinessHours, addBusinessDays and localDate give the same texts for every instant and term', () => {
      const differences: string[] = [];
      for (const instant of sample) {
        const hours = [random() * 3, 1 + Math.floor(random() * 72), random() * 150][Math.floor(random() * 3)];
        const days = 1 + Math.floor(random() * 40);
        const expected = [reference.addBusinessHours(instant, hours), reference.addBusinessDays(instant, days), reference.localDate(instant)];
        const actual = [calendar.addBusinessHours(instant, hours), calendar.addBusinessDays(instant, days), calendar.localDate(instant)];
        if (actual.join() !== expected.join()) differences.push(`${instant} +${hours}h +${days}d: ${actual.join()} ≠ ${expected.join()}`);
      }
      expect(differences.slice(0, 5)).toEqual([]);
    });

    it('then businessHoursBetween gives the same hours from each instant to one up to 20 days later', () => {
      const differences = sample.flatMap((from) => {
        const to = DateTime.fromISO(from).plus({ milliseconds: Math.floor(random() * 20 * 86_400_000) }).toISO()!;
        const [actual, expected] = [calendar.businessHoursBetween(from, to), reference.businessHoursBetween(from, to)];
        return actual === expected ? [] : [`${from} → ${to}: ${actual} ≠ ${expected}`];
      });
      expect(differences.slice(0, 5)).toEqual([]);
    });

    it('then isBusinessDay and nextBusinessDay agree on every date of 2024–2028', () => {
      const differences: string[] = [];
      for (let date = '2024-01-01'; date < '2029-01-01'; date = addDay(date)) {
        const actual = `${calendar.isBusinessDay(date)} ${calendar.nextBusinessDay(date)}`;
        const expected = `${reference.isBusinessDay(date)} ${reference.nextBusinessDay(date)}`;
        if (actual !== expected) differences.push(`${date}: ${actual} ≠ ${expected}`);
      }
      expect(differences.slice(0, 5)).toEqual([]);
    });
  });

  it.each([
    ['1992-06-15T16:30:00-04:00', 'inside Bogotá daylight saving (1992–93): luxon answers'],
    ['1993-04-02T16:00:00-04:00', 'across the end of that daylight saving'],
    ['1994-01-03T16:00:00-05:00', 'at the start of the steady span'],
  ])('given %s (%s), then the answers equal the reference', (instant) => {
    const calendar = new BusinessCalendar();
    const reference = new LuxonReferenceCalendar({});
    for (const hours of [0.5, 3, 30]) expect(calendar.addBusinessHours(instant, hours)).toBe(reference.addBusinessHours(instant, hours));
    for (const days of [1, 15]) expect(calendar.addBusinessDays(instant, days)).toBe(reference.addBusinessDays(instant, days));
    expect(calendar.localDate(instant)).toBe(reference.localDate(instant));
  });

  it('given Madrid, a zone with daylight saving, then the answers equal the reference across its transitions', () => {
    const config = { timeZone: 'Europe/Madrid' };
    const calendar = new BusinessCalendar(config);
    const reference = new LuxonReferenceCalendar(config);
    for (const instant of ['2026-03-27T16:00:00+01:00', '2026-10-23T16:30:00+02:00', '2026-03-29T01:30:00Z']) {
      expect(calendar.addBusinessHours(instant, 5)).toBe(reference.addBusinessHours(instant, 5));
      expect(calendar.addBusinessDays(instant, 2)).toBe(reference.addBusinessDays(instant, 2));
    }
  });
});
