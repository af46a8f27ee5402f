import { DateTime } from 'luxon';
import { resolveCalendarConfig } from './calendar-config';
import type { CalendarConfig, ResolvedCalendarConfig, TimeOfDay } from './calendar-config';
import { colombianHolidays } from './colombian-holidays';
import type { Holiday } from './colombian-holidays';
import { steadyOffsetZone, SteadyOffsetZone } from './steady-offset-zone';
import { addDays, assertIsoDate, isoWeekday, toIsoDate, yearOf } from './iso-date';
import type { IsoDate, IsoInstant } from './iso-date';

const SATURDAY = 6;
const MS_PER_HOUR = 3_600_000;
const INSTANT_WITH_OFFSET = /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i;

const MAX_CACHED_DEADLINES = 10_000;

/**
 * Business days and business hours in one zone (default: Colombia).
 * Pure: every instant comes in as an argument; outputs are ISO-8601 with the zone's offset.
 */
export class BusinessCalendar {
  private readonly config: ResolvedCalendarConfig;
  /** The configured zone, answering offsets without an Intl lookup where its rules are steady. */
  private readonly zone: SteadyOffsetZone;
  private readonly holidaysByYear = new Map<number, readonly Holiday[]>();
  private readonly deadlineByDate = new Map<string, IsoInstant>();
  private readonly holidayDatesByYear = new Map<number, ReadonlySet<IsoDate>>();

  /** @throws InvalidCalendarConfigError listing every problem of the config. */
  constructor(config: CalendarConfig = {}) {
    this.config = resolveCalendarConfig(config);
    this.zone = steadyOffsetZone(this.config.timeZone);
  }

  holidays(year: number): Holiday[] {
    return this.cachedHolidays(year).map((holiday) => ({ ...holiday }));
  }

  isHoliday(date: IsoDate): boolean {
    assertIsoDate(date, 'date');
    return this.isHolidayUnchecked(date);
  }

  /** Monday to Friday (and Saturday if configured) that is not a holiday. */
  isBusinessDay(date: IsoDate): boolean {
    assertIsoDate(date, 'date');
    return this.isBusinessDayUnchecked(date);
  }

  /** The first business day strictly after `date`. */
  nextBusinessDay(date: IsoDate): IsoDate {
    assertIsoDate(date, 'date');
    return this.nextBusinessDayUnchecked(date);
  }

  /** The calendar date of `instant` in the calendar's zone. */
  localDate(instant: IsoInstant): IsoDate {
    return toIsoDate(this.parseInstant(instant, 'instant'));
  }

  /**
   * The legal deadline of Ley 1755 de 2015: the end (23:59:59.999 local) of the Nth business day
   * strictly after the local date of `fromInstant`. The time of the filing does not matter, nor
   * whether the filing day was a business day.
   * @throws RangeError unless businessDays is a positive integer: a term of 0 days has no legal
   * meaning and more likely reveals a missing configuration than a same-day deadline.
   */
  addBusinessDays(fromInstant: IsoInstant, businessDays: number): IsoInstant {
    if (!Number.isInteger(businessDays) || businessDays < 1) {
      throw new RangeError(`businessDays must be a positive integer, got ${businessDays}`);
    }
    const from = this.localDate(fromInstant);
    const key = `${from}|${businessDays}`;
    let due = this.deadlineByDate.get(key);
    if (due === undefined) {
      let date = from;
      for (let counted = 0; counted < businessDays; counted++) date = this.nextBusinessDayUnchecked(date);
      due = this.format(this.startOfDay(date).endOf('day'));
      // Every filing of a day shares its deadlines: remember them (bounded, it is a plain cache).
      if (this.deadlineByDate.size >= MAX_CACHED_DEADLINES) this.deadlineByDate.clear();
      this.deadlineByDate.set(key, due);
    }
    return due;
  }

  /** Business days d with localDate(from) < d <= localDate(to); 0 when `to` is not after `from`. */
  businessDaysBetween(fromInstant: IsoInstant, toInstant: IsoInstant): number {
    const from = this.parseInstant(fromInstant, 'fromInstant');
    const to = this.parseInstant(toInstant, 'toInstant');
    if (to <= from) return 0;
    const lastDate = toIsoDate(to);
    let count = 0;
    for (let date = addDays(toIsoDate(from), 1); date <= lastDate; date = addDays(date, 1)) {
      if (this.isBusinessDayUnchecked(date)) count++;
    }
    return count;
  }

  /**
   * Adds `hours` of business time (fractions allowed, counted to the millisecond) that only runs
   * inside business hours on business days. Outside them the count starts at the next opening;
   * a result exactly at closing time is that closing time, not the next opening.
   * @throws RangeError unless hours is a positive finite number.
   */
  addBusinessHours(fromInstant: IsoInstant, hours: number): IsoInstant {
    if (!Number.isFinite(hours) || hours <= 0) {
      throw new RangeError(`hours must be a positive finite number, got ${hours}`);
    }
    let remainingMs = Math.round(hours * MS_PER_HOUR);
    let cursor = this.parseInstant(fromInstant, 'fromInstant');
    for (;;) {
      const date = toIsoDate(cursor);
      const closing = this.at(date, this.config.closesAt);
      if (!this.isBusinessDayUnchecked(date) || cursor >= closing) {
        cursor = this.at(this.nextBusinessDayUnchecked(date), this.config.opensAt);
        continue;
      }
      const start = DateTime.max(cursor, this.at(date, this.config.opensAt));
      const availableMs = closing.toMillis() - start.toMillis();
      if (remainingMs <= availableMs) return this.format(start.plus({ milliseconds: remainingMs }));
      remainingMs -= availableMs;
      cursor = this.at(this.nextBusinessDayUnchecked(date), this.config.opensAt);
    }
  }

  /** Business hours elapsed from `fromInstant` to `toInstant`; 0 when `to` is not after `from`. */
  businessHoursBetween(fromInstant: IsoInstant, toInstant: IsoInstant): number {
    const from = this.parseInstant(fromInstant, 'fromInstant');
    const to = this.parseInstant(toInstant, 'toInstant');
    if (to <= from) return 0;
    const lastDate = toIsoDate(to);
    let elapsedMs = 0;
    for (let date = toIsoDate(from); date <= lastDate; date = addDays(date, 1)) {
      if (!this.isBusinessDayUnchecked(date)) continue;
      const start = DateTime.max(from, this.at(date, this.config.opensAt));
      const end = DateTime.min(to, this.at(date, this.config.closesAt));
      elapsedMs += Math.max(0, end.toMillis() - start.toMillis());
    }
    return elapsedMs / MS_PER_HOUR;
  }

  private isBusinessDayUnchecked(date: IsoDate): boolean {
    const weekday = isoWeekday(date);
    const isWorkingWeekday = weekday < SATURDAY || (weekday === SATURDAY && this.config.saturdayIsBusinessDay);
    return isWorkingWeekday && !this.isHolidayUnchecked(date);
  }

  private nextBusinessDayUnchecked(date: IsoDate): IsoDate {
    let next = addDays(date, 1);
    while (!this.isBusinessDayUnchecked(next)) next = addDays(next, 1);
    return next;
  }

  private isHolidayUnchecked(date: IsoDate): boolean {
    const year = yearOf(date);
    let dates = this.holidayDatesByYear.get(year);
    if (!dates) {
      dates = new Set(this.cachedHolidays(year).map((holiday) => holiday.date));
      this.holidayDatesByYear.set(year, dates);
    }
    return dates.has(date);
  }

  private cachedHolidays(year: number): readonly Holiday[] {
    let holidays = this.holidaysByYear.get(year);
    if (!holidays) {
      holidays = colombianHolidays(year, this.config.holidayOverrides);
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }

  private parseInstant(instant: IsoInstant, what: string): DateTime {
    const parsed =
      typeof instant === 'string' && INSTANT_WITH_OFFSET.test(instant)
        ? DateTime.fromISO(instant, { zone: this.zone })
        : undefined;
    if (!parsed?.isValid) {
      throw new RangeError(`${what} must be an ISO-8601 instant with an offset or Z, got ${JSON.stringify(instant)}`);
    }
    return parsed;
  }

  private startOfDay(date: IsoDate): DateTime {
    return DateTime.fromISO(date, { zone: this.zone });
  }

  private at(date: IsoDate, time: TimeOfDay): DateTime {
    return this.startOfDay(date).set({ hour: time.hour, minute: time.minute });
  }

  private format(instant: DateTime): IsoInstant {
    return instant.toISO({ suppressMilliseconds: false }) as IsoInstant;
  }
}
