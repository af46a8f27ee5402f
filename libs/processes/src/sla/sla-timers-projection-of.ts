import { BusinessCalendar, SlaPolicies } from '@app/domain';
import type { Projection } from '@app/projections';
import type { AppConfig } from '@app/runtime/config/app-config';
import { createSlaTimersProjection } from './sla-timers.projection';

/** What the business calendar is built from: a change rebuilds the timers. */
function calendarSettingsOf(config: AppConfig) {
  const { CALENDAR_SATURDAY_IS_BUSINESS_DAY, CALENDAR_BUSINESS_HOURS_START, CALENDAR_BUSINESS_HOURS_END, CALENDAR_HOLIDAYS_ADD, CALENDAR_HOLIDAYS_REMOVE } = config;
  const settings = { CALENDAR_SATURDAY_IS_BUSINESS_DAY, CALENDAR_BUSINESS_HOURS_START, CALENDAR_BUSINESS_HOURS_END, CALENDAR_HOLIDAYS_ADD, CALENDAR_HOLIDAYS_REMOVE };
  // The default reading leaves the fingerprint as it was: no rebuild of the timers on upgrade.
  return config.CALENDAR_RECEIPT_READING === 'filing_day' ? settings : { ...settings, CALENDAR_RECEIPT_READING: config.CALENDAR_RECEIPT_READING };
}

/** The SLA process manager's timers read model (`sla_timers`), as the configuration sets it up. */
export function slaTimersProjectionOf(config: AppConfig, calendar: BusinessCalendar, policies: SlaPolicies): Projection {
  return createSlaTimersProjection({ calendar, policies, customerSilenceBusinessDays: config.SLA_CUSTOMER_SILENCE_BUSINESS_DAYS }, calendarSettingsOf(config));
}
