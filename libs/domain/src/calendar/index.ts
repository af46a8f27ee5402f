export { BusinessCalendar } from './business-calendar';
export { DEFAULT_BUSINESS_HOURS, DEFAULT_TIME_ZONE, InvalidCalendarConfigError, RECEIPT_READINGS } from './calendar-config';
export type { BusinessHours, CalendarConfig, ReceiptReading } from './calendar-config';
export { colombianHolidays, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './colombian-holidays';
export type { Holiday, HolidayOverrides } from './colombian-holidays';
export { easterSunday } from './easter';
export { addDays } from './iso-date';
export type { IsoDate, IsoInstant } from './iso-date';
export { daysInMonth } from './day-number';
