import { IANAZone } from 'luxon';
import { holidayOverridesProblems } from './colombian-holidays';
import type { HolidayOverrides } from './colombian-holidays';

/** Opening and closing times, 'HH:mm' in the calendar's zone. */
export interface BusinessHours {
  start: string;
  end: string;
}

export interface CalendarConfig {
  /** IANA zone; default 'America/Bogota'. */
  timeZone?: string;
  /** Default false. When true, Saturdays have the same business hours as weekdays. */
  saturdayIsBusinessDay?: boolean;
  /** Default 08:00–17:00. */
  businessHours?: BusinessHours;
  holidayOverrides?: HolidayOverrides;
  /** When a filing on a non-business day or after business hours is received (docs/domain.md, Deadlines, Receipt); default 'filing_day'. */
  receiptReading?: ReceiptReading;
}

/**
 * `filing_day`: the legal terms count from the day after the filing, whatever its day or hour (the safe
 * side). `next_business_day`: a filing on a non-business day or after closing time is received the next
 * business day, and the terms count from the day after that (a reading of the Consejo de Estado).
 */
export const RECEIPT_READINGS = ['filing_day', 'next_business_day'] as const;
export type ReceiptReading = (typeof RECEIPT_READINGS)[number];

export const DEFAULT_TIME_ZONE = 'America/Bogota';
export const DEFAULT_BUSINESS_HOURS: Readonly<BusinessHours> = Object.freeze({ start: '08:00', end: '17:00' });

export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface ResolvedCalendarConfig {
  timeZone: string;
  saturdayIsBusinessDay: boolean;
  opensAt: TimeOfDay;
  closesAt: TimeOfDay;
  holidayOverrides: HolidayOverrides;
  receiptReading: ReceiptReading;
}

export class InvalidCalendarConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid calendar config: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarConfigError';
  }
}

const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Applies the defaults and reports every problem at once, so an operator fixes the config in one go. */
export function resolveCalendarConfig(config: CalendarConfig = {}): ResolvedCalendarConfig {
  const {
    timeZone = DEFAULT_TIME_ZONE,
    saturdayIsBusinessDay = false,
    businessHours = DEFAULT_BUSINESS_HOURS,
    holidayOverrides = {},
    receiptReading = 'filing_day',
  } = config;
  const problems: string[] = [];

  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    problems.push(`timeZone must be an IANA time zone such as 'America/Bogota', got ${JSON.stringify(timeZone)}`);
  }
  if (typeof saturdayIsBusinessDay !== 'boolean') {
    problems.push(`saturdayIsBusinessDay must be a boolean, got ${JSON.stringify(saturdayIsBusinessDay)}`);
  }
  const opensAt = parseTimeOfDay(businessHours?.start, 'businessHours.start', problems);
  const closesAt = parseTimeOfDay(businessHours?.end, 'businessHours.end', problems);
  if (opensAt && closesAt && minutesOf(opensAt) >= minutesOf(closesAt)) {
    problems.push(`businessHours.start (${businessHours.start}) must be before businessHours.end (${businessHours.end})`);
  }
  problems.push(...holidayOverridesProblems(holidayOverrides));
  if (!(RECEIPT_READINGS as readonly unknown[]).includes(receiptReading)) {
    problems.push(`receiptReading must be one of ${RECEIPT_READINGS.join(', ')}, got ${JSON.stringify(receiptReading)}`);
  }

  if (problems.length > 0 || !opensAt || !closesAt) throw new InvalidCalendarConfigError(problems);
  return { timeZone, saturdayIsBusinessDay, opensAt, closesAt, holidayOverrides: copyOf(holidayOverrides), receiptReading };
}

/** A private copy, so that mutating the caller's object cannot desynchronise cached holidays. */
function copyOf({ add, remove }: HolidayOverrides): HolidayOverrides {
  return { add: add?.map(({ date, name }) => ({ date, name })), remove: remove && [...remove] };
}

function parseTimeOfDay(value: unknown, what: string, problems: string[]): TimeOfDay | undefined {
  const match = typeof value === 'string' ? TIME_OF_DAY_PATTERN.exec(value) : null;
  if (!match) {
    problems.push(`${what} must be a time 'HH:mm' from 00:00 to 23:59, got ${JSON.stringify(value)}`);
    return undefined;
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

function minutesOf({ hour, minute }: TimeOfDay): number {
  return hour * 60 + minute;
}
