import { BusinessCalendar } from '@app/domain';
import type { AppConfig } from '../config/app-config';

/** `CALENDAR_HOLIDAYS_ADD` entries look like `2027-07-12:Nuevo festivo`. */
function parseAddedHoliday(entry: string) {
  const [date, ...name] = entry.split(':');
  return { date, name: name.join(':').trim() || 'Festivo (configuración)' };
}

/** The business calendar the configuration describes. */
export function businessCalendarOf(config: AppConfig): BusinessCalendar {
  return new BusinessCalendar({
    saturdayIsBusinessDay: config.CALENDAR_SATURDAY_IS_BUSINESS_DAY,
    businessHours: { start: config.CALENDAR_BUSINESS_HOURS_START, end: config.CALENDAR_BUSINESS_HOURS_END },
    holidayOverrides: { add: config.CALENDAR_HOLIDAYS_ADD.map(parseAddedHoliday), remove: config.CALENDAR_HOLIDAYS_REMOVE },
    receiptReading: config.CALENDAR_RECEIPT_READING,
  });
}
