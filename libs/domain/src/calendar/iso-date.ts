import { DateTime } from 'luxon';

/** A calendar date without time or zone: 'YYYY-MM-DD'. */
export type IsoDate = string;

/** An ISO-8601 instant with an explicit offset or Z, e.g. '2026-04-01T09:30:00-05:00'. */
export type IsoInstant = string;

const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/*
 * Calendar dates are handled as midnight UTC: day arithmetic on them never meets a
 * daylight-saving gap, whatever zone the calendar is configured with.
 */
export function civilDateTime(date: IsoDate): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE_PATTERN.test(value) && civilDateTime(value).isValid;
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

export function addDays(date: IsoDate, days: number): IsoDate {
  return toIsoDate(civilDateTime(date).plus({ days }));
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return civilDateTime(date).weekday;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
