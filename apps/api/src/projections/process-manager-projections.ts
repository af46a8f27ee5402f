import { BusinessCalendar, SlaPolicies } from '@app/domain';
import { createMailOutboxProjection, createSlaTimersProjection, Projection } from '@app/projections';
import { AppConfig, mailDomainOf, mailSettingsOf, slaPoliciesOf } from '../config/app-config';

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

/** What the business calendar is built from: a change rebuilds the timers. */
function calendarSettingsOf(config: AppConfig) {
  const { CALENDAR_SATURDAY_IS_BUSINESS_DAY, CALENDAR_BUSINESS_HOURS_START, CALENDAR_BUSINESS_HOURS_END, CALENDAR_HOLIDAYS_ADD, CALENDAR_HOLIDAYS_REMOVE } = config;
  const settings = { CALENDAR_SATURDAY_IS_BUSINESS_DAY, CALENDAR_BUSINESS_HOURS_START, CALENDAR_BUSINESS_HOURS_END, CALENDAR_HOLIDAYS_ADD, CALENDAR_HOLIDAYS_REMOVE };
  // The default reading leaves the fingerprint as it was: no rebuild of the timers on upgrade.
  return config.CALENDAR_RECEIPT_READING === 'filing_day' ? settings : { ...settings, CALENDAR_RECEIPT_READING: config.CALENDAR_RECEIPT_READING };
}

/** The SLA process manager's timers read model (`sla_timers`), as the configuration sets it up. */
export function slaTimersProjectionOf(config: AppConfig, calendar: BusinessCalendar, policies: SlaPolicies): Projection {
  return createSlaTimersProjection({ calendar, policies, customerSilenceBusinessDays: config.SLA_CUSTOMER_SILENCE_BUSINESS_DAYS }, calendarSettingsOf(config)) as Projection;
}

/** The email outbox read model (`mail_outbox`), as the configuration sets it up. */
export function mailOutboxProjectionOf(config: AppConfig): Projection {
  return createMailOutboxProjection({ ...mailSettingsOf(config), messageIdDomain: mailDomainOf(config) }) as Projection;
}

/**
 * Every projection the system keeps, each with its own checkpoint: the read models of ALL_PROJECTIONS
 * and those of the two process managers. What `npm run projections:rebuild` rebuilds.
 */
export function processManagerProjectionsOf(config: AppConfig): Projection[] {
  return [slaTimersProjectionOf(config, businessCalendarOf(config), slaPoliciesOf(config)), mailOutboxProjectionOf(config)];
}
