import { addDays, civilDateTime, toIsoDate } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import { INFORMATION_PERIOD_EXTENSION_MONTHS, TACIT_WITHDRAWAL_MONTHS } from '../sla/legal-terms';


/** The calendar arithmetic the art. 17 dates need (implemented by BusinessCalendar). */
export interface InformationPeriodCalendar {
  addBusinessDays(from: string, businessDays: number): string;
  localDate(instant: string): IsoDate;
  isBusinessDay(date: IsoDate): boolean;
  nextBusinessDay(date: IsoDate): IsoDate;
}

/** `months` calendar months after the request's local date; a term ending on a non-business day moves to the next one. */
export function tacitWithdrawalDate(calendar: InformationPeriodCalendar, requestedAt: string, months: number): IsoDate {
  const date = toIsoDate(civilDateTime(calendar.localDate(requestedAt)).plus({ months }));
  return calendar.isBusinessDay(date) ? date : calendar.nextBusinessDay(date);
}

/** The last instant of a business day, in the calendar's zone (the form the legal due instants take). */
export function endOfBusinessDate(calendar: InformationPeriodCalendar, date: IsoDate): string {
  // Noon of the day before: the first business day after it is `date` itself, whatever the zone's offset.
  return calendar.addBusinessDays(`${addDays(date, -1)}T12:00:00-05:00`, 1);
}

/** When a case waiting on the customer is tacitly withdrawn: after the end of this instant. */
export function tacitWithdrawalInstant(calendar: InformationPeriodCalendar, requestedAt: string, extended: boolean): string {
  const months = TACIT_WITHDRAWAL_MONTHS + (extended ? INFORMATION_PERIOD_EXTENSION_MONTHS : 0);
  return endOfBusinessDate(calendar, tacitWithdrawalDate(calendar, requestedAt, months));
}
