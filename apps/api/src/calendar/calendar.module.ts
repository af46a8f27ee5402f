import { Global, Module } from '@nestjs/common';
import { BusinessCalendar } from '@app/domain';
import { AppConfig, slaPoliciesOf } from '../config/app-config';
import { SLA_POLICIES } from './sla-policies.token';
import { CalendarController } from './calendar.controller';

/** `CALENDAR_HOLIDAYS_ADD` entries look like `2027-07-12:Nuevo festivo`. */
function parseAddedHoliday(entry: string) {
  const [date, ...name] = entry.split(':');
  return { date, name: name.join(':').trim() || 'Festivo (configuración)' };
}

@Global()
@Module({
  controllers: [CalendarController],
  providers: [
    {
      provide: BusinessCalendar,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new BusinessCalendar({
          saturdayIsBusinessDay: config.CALENDAR_SATURDAY_IS_BUSINESS_DAY,
          businessHours: { start: config.CALENDAR_BUSINESS_HOURS_START, end: config.CALENDAR_BUSINESS_HOURS_END },
          holidayOverrides: { add: config.CALENDAR_HOLIDAYS_ADD.map(parseAddedHoliday), remove: config.CALENDAR_HOLIDAYS_REMOVE },
        }),
    },
    // Validated at start-up: a bad policy stops the process with every problem listed.
    { provide: SLA_POLICIES, inject: [AppConfig], useFactory: slaPoliciesOf },
  ],
  exports: [BusinessCalendar, SLA_POLICIES],
})
export class CalendarModule {}
