import { DateTime } from 'luxon';
import { civilDateOf, dayNumberOf, daysInMonth, isoWeekdayOf } from './day-number';
import type { DayNumber } from './day-number';

/** A calendar date without time or zone: 'YYYY-MM-DD'. */
export type IsoDate = string;

/** An ISO-8601 instant with an explicit offset or Z, e.g. '2026-04-01T09:30:00-05:00'. */
export type IsoInstant = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/*
 * Calendar dates are handled as midnight UTC: day arithmetic on them never meets a
 * daylight-saving gap, whatever zone the calendar is configured with.
 */
export function civilDateTime(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && dayNumberOfIsoDate(value) !== undefined;
}

export function assertIsoDate(value: unknown, what: string): asserts value is IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${what} must be a real calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
  }
}

export function toIsoDate(dateTime: DateTime): IsoDate {
  const date = dateTime.toISODate();
  if (date === null) throw new RangeError(`Invalid date: ${dateTime.invalidExplanation ?? 'unknown reason'}`);
  return date;
}

/** The day number of a real calendar date 'YYYY-MM-DD'; undefined for anything else. */
export function dayNumberOfIsoDate(date: string): DayNumber | undefined {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberOf(year, month, day);
}

/** 'YYYY-MM-DD'; years outside 0–9999 get luxon's expanded form ('+010000-01-01'). */
export function isoDateOf(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilDateOf(dayNumber);
  if (year < 0 || year > 9999) return toIsoDate(DateTime.utc(year, month, day));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const dayNumber = dayNumberOfIsoDate(date);
  if (dayNumber === undefined || !Number.isInteger(days)) return toIsoDate(civilDateTime(date).plus({ days }));
  return isoDateOf(dayNumber + days);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const dayNumber = dayNumberOfIsoDate(date);
  return dayNumber === undefined ? civilDateTime(date).weekday : isoWeekdayOf(dayNumber);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function pad(value: number, digits: number): string {
  return String(value).padStart(digits, '0');
}
