import { Global, Module } from '@nestjs/common';
import { BusinessCalendar } from '@app/domain';
import { AppConfig, slaPoliciesOf } from '../config/app-config';
import { businessCalendarOf } from './business-calendar-of';
import { SLA_POLICIES } from './sla-policies.token';

@Global()
@Module({
  providers: [
    {
      provide: BusinessCalendar,
      inject: [AppConfig],
      useFactory: businessCalendarOf,
    },
    // Validated at start-up: a bad policy stops the process with every problem listed. A copy of its own:
    // the catalog (ADR 44) puts its typologies' targets into it.
    { provide: SLA_POLICIES, inject: [AppConfig], useFactory: (config: AppConfig) => ({ ...slaPoliciesOf(config) }) },
  ],
  exports: [BusinessCalendar, SLA_POLICIES],
})
export class CalendarModule {}
