import { resolveCalendarConfig } from './calendar-config';
import type { CalendarConfig, ReceiptReading, ResolvedCalendarConfig, TimeOfDay } from './calendar-config';
import { colombianHolidays } from './colombian-holidays';
import type { Holiday } from './colombian-holidays';
import { steadyOffsetZone } from './steady-offset-zone';
import { assertIsoDate, dayNumberOfIsoDate, isoDateOf, yearOf } from './iso-date';
import type { IsoDate, IsoInstant } from './iso-date';
import { isoWeekdayOf } from './day-number';
import type { DayNumber } from './day-number';
import { WallClock } from './wall-clock';

const SATURDAY = 6;
const MS_PER_HOUR = 3_600_000;
const INSTANT_WITH_OFFSET = /T.*(Z|[+-]\d{2}(:?\d{2})?)$/i;

const MAX_CACHED_DEADLINES = 10_000;
/** About 55 years of days: a caller asking about arbitrary dates (GET /calendar/deadline) cannot grow it without bound. */
const MAX_CACHED_DAYS = 20_000;

/**
 * Business days and business hours in one zone (default: Colombia).
 * Pure: every instant comes in as an argument; outputs are ISO-8601 with the zone's offset.
 */
export class BusinessCalendar {
  private readonly config: ResolvedCalendarConfig;
  /** Instants to and from wall-clock times of the configured zone. */
  private readonly clock: WallClock;
  private readonly holidaysByYear = new Map<number, readonly Holiday[]>();
  private readonly deadlineByDate = new Map<string, IsoInstant>();
  private readonly holidayDatesByYear = new Map<number, ReadonlySet<IsoDate>>();
  private readonly isBusinessDayByDayNumber = new Map<DayNumber, boolean>();

  /** @throws InvalidCalendarConfigError listing every problem of the config. */
  constructor(config: CalendarConfig = {}) {
    this.config = resolveCalendarConfig(config);
    this.clock = new WallClock(steadyOffsetZone(this.config.timeZone));
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
    return this.isBusinessDayNumber(dayNumberOfIsoDate(date)!);
  }

  /** The first business day strictly after `date`. */
  nextBusinessDay(date: IsoDate): IsoDate {
    assertIsoDate(date, 'date');
    return isoDateOf(this.nextBusinessDayNumber(dayNumberOfIsoDate(date)!));
  }

  /** The calendar date of `instant` in the calendar's zone. */
  localDate(instant: IsoInstant): IsoDate {
    return isoDateOf(this.clock.localDayOf(this.parseInstant(instant, 'instant')));
  }

  /** The receipt reading in force (docs/domain.md, Deadlines, Receipt). */
  get receiptReading(): ReceiptReading {
    return this.config.receiptReading;
  }

  /**
   * The instant the legal terms of a filing count from: the filing itself ('filing_day'), or under
   * 'next_business_day', for a filing on a non-business day or at or after closing time, the opening
   * of the next business day.
   */
  legalTermStart(filedAt: IsoInstant): IsoInstant {
    const instant = this.parseInstant(filedAt, 'filedAt');
    if (this.config.receiptReading === 'filing_day') return filedAt;
    const day = this.clock.localDayOf(instant);
    if (this.isBusinessDayNumber(day) && instant < this.clock.at(day, this.config.closesAt)) return filedAt;
    return this.clock.format(this.clock.at(this.nextBusinessDayNumber(day), this.config.opensAt));
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
    const from = this.clock.localDayOf(this.parseInstant(fromInstant, 'instant'));
    const key = `${from}|${businessDays}`;
    let due = this.deadlineByDate.get(key);
    if (due === undefined) {
      let day = from;
      for (let counted = 0; counted < businessDays; counted++) day = this.nextBusinessDayNumber(day);
      due = this.clock.format(this.clock.endOfDay(day));
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
    const lastDay = this.clock.localDayOf(to);
    let count = 0;
    for (let day = this.clock.localDayOf(from) + 1; day <= lastDay; day++) {
      if (this.isBusinessDayNumber(day)) count++;
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
      const day = this.clock.localDayOf(cursor);
      const closing = this.clock.at(day, this.config.closesAt);
      if (!this.isBusinessDayNumber(day) || cursor >= closing) {
        cursor = this.clock.at(this.nextBusinessDayNumber(day), this.config.opensAt);
        continue;
      }
      const start = Math.max(cursor, this.clock.at(day, this.config.opensAt));
      const availableMs = closing - start;
      if (remainingMs <= availableMs) return this.clock.format(start + remainingMs);
      remainingMs -= availableMs;
      cursor = this.clock.at(this.nextBusinessDayNumber(day), this.config.opensAt);
    }
  }

  /** Business hours elapsed from `fromInstant` to `toInstant`; 0 when `to` is not after `from`. */
  businessHoursBetween(fromInstant: IsoInstant, toInstant: IsoInstant): number {
    const from = this.parseInstant(fromInstant, 'fromInstant');
    const to = this.parseInstant(toInstant, 'toInstant');
    if (to <= from) return 0;
    const lastDay = this.clock.localDayOf(to);
    let elapsedMs = 0;
    for (let day = this.clock.localDayOf(from); day <= lastDay; day++) {
      if (!this.isBusinessDayNumber(day)) continue;
      const start = Math.max(from, this.clock.at(day, this.config.opensAt));
      const end = Math.min(to, this.clock.at(day, this.config.closesAt));
      elapsedMs += Math.max(0, end - start);
    }
    return elapsedMs / MS_PER_HOUR;
  }

  private isBusinessDayNumber(day: DayNumber): boolean {
    let answer = this.isBusinessDayByDayNumber.get(day);
    if (answer === undefined) {
      const weekday = isoWeekdayOf(day);
      const isWorkingWeekday = weekday < SATURDAY || (weekday === SATURDAY && this.config.saturdayIsBusinessDay);
      // A holiday lookup for an unsupported year throws, and is then not remembered.
      answer = isWorkingWeekday && !this.isHolidayUnchecked(isoDateOf(day));
      if (this.isBusinessDayByDayNumber.size >= MAX_CACHED_DAYS) this.isBusinessDayByDayNumber.clear();
      this.isBusinessDayByDayNumber.set(day, answer);
    }
    return answer;
  }

  private nextBusinessDayNumber(day: DayNumber): DayNumber {
    let next = day + 1;
    while (!this.isBusinessDayNumber(next)) next++;
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

  private parseInstant(instant: IsoInstant, what: string): number {
    const epochMs = typeof instant === 'string' && INSTANT_WITH_OFFSET.test(instant) ? this.clock.parse(instant) : NaN;
    if (Number.isNaN(epochMs)) {
      throw new RangeError(`${what} must be an ISO-8601 instant with an offset or Z, got ${JSON.stringify(instant)}`);
    }
    return epochMs;
  }
}
