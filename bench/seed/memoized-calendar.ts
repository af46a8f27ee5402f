import { BusinessCalendar, DeadlineCalendar } from '@app/domain';

const BOGOTA_OFFSET_MS = -5 * 3_600_000;

/**
 * The decider's calendar, memoized by local date: `addBusinessDays` depends only on the local date
 * of its start and the number of days, `businessDaysBetween` only on the two local dates (and on
 * whether `to` is after `from`). Every answer still comes from BusinessCalendar (luxon), computed
 * once per key: without this, luxon's date arithmetic is ~70 % of the seeding CPU time.
 *
 * Assumes the calendar's zone is America/Bogota (the default; fixed UTC−5, no daylight saving).
 */
export class MemoizedCalendar implements DeadlineCalendar {
  private readonly added = new Map<string, string>();
  private readonly between = new Map<string, number>();

  constructor(private readonly calendar = new BusinessCalendar()) {}

  addBusinessDays(from: string, businessDays: number): string {
    const key = `${localDate(from)}+${businessDays}`;
    let result = this.added.get(key);
    if (result === undefined) {
      result = this.calendar.addBusinessDays(from, businessDays);
      this.added.set(key, result);
    }
    return result;
  }

  businessDaysBetween(from: string, to: string): number {
    if (Date.parse(to) <= Date.parse(from)) return this.calendar.businessDaysBetween(from, to);
    const key = `${localDate(from)}..${localDate(to)}`;
    let result = this.between.get(key);
    if (result === undefined) {
      result = this.calendar.businessDaysBetween(from, to);
      this.between.set(key, result);
    }
    return result;
  }

  // Rarely asked (information requests, filings): answered by the calendar itself.
  legalTermStart(filedAt: string): string {
    return this.calendar.legalTermStart(filedAt);
  }

  localDate(instant: string): string {
    return this.calendar.localDate(instant);
  }

  isBusinessDay(date: string): boolean {
    return this.calendar.isBusinessDay(date);
  }

  nextBusinessDay(date: string): string {
    return this.calendar.nextBusinessDay(date);
  }
}

function localDate(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant; // let BusinessCalendar reject it
  return new Date(ms + BOGOTA_OFFSET_MS).toISOString().slice(0, 10);
}
