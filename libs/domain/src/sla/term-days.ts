import type { BusinessCalendar } from '../calendar/business-calendar';
import { addDays, yearOf } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';

/** What counting a term's days needs of the calendar (implemented by BusinessCalendar). */
export type TermDayCalendar = Pick<BusinessCalendar, 'localDate' | 'isBusinessDay' | 'holidays'>;

/** A day inside a term that was not counted: a weekend day or a holiday (with its name). */
export interface SkippedDay {
  date: IsoDate;
  reason: 'weekend' | 'holiday';
  holiday?: string;
}

/** The days of a term an inspector can check by hand: each business day counted, each day skipped between them. */
export interface TermDayCount {
  counted: IsoDate[];
  skipped: SkippedDay[];
}

/** A stretch the term ran: from an instant (counting starts the day after its local date) to an instant (its local date included), or on. */
export interface TermSpan {
  from: string;
  to: string | null;
}

/**
 * Lists the business days a term of `businessDays` counts over its running spans (Ley 1755 de 2015:
 * from the day after each start), and the weekends and holidays skipped between them. A closed span
 * counts up to its end's local date; the last open span counts what is left. Days after the last
 * counted one are not listed.
 */
export function countTermDays(calendar: TermDayCalendar, spans: readonly TermSpan[], businessDays: number): TermDayCount {
  const counted: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  const holidayNames = new Map<number, Map<IsoDate, string>>();
  for (const span of spans) {
    const last = span.to === null ? null : calendar.localDate(span.to);
    let pendingSkips: SkippedDay[] = [];
    for (let day = addDays(calendar.localDate(span.from), 1); counted.length < businessDays && (last === null || day <= last); day = addDays(day, 1)) {
      if (calendar.isBusinessDay(day)) {
        skipped.push(...pendingSkips);
        pendingSkips = [];
        counted.push(day);
        continue;
      }
      const holiday = holidayNameOf(calendar, holidayNames, day);
      pendingSkips.push(holiday === undefined ? { date: day, reason: 'weekend' } : { date: day, reason: 'holiday', holiday });
    }
    if (counted.length >= businessDays) break;
  }
  return { counted, skipped };
}

function holidayNameOf(calendar: TermDayCalendar, cache: Map<number, Map<IsoDate, string>>, date: IsoDate): string | undefined {
  const year = yearOf(date);
  let names = cache.get(year);
  if (names === undefined) {
    names = new Map(calendar.holidays(year).map((holiday) => [holiday.date, holiday.name]));
    cache.set(year, names);
  }
  return names.get(date);
}
