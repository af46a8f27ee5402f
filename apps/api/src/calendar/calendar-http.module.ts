import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';

/** The calendar's HTTP side; the calendar itself (CalendarModule in @app/runtime) serves the projector too, which has no HTTP. */
@Module({ controllers: [CalendarController] })
export class CalendarHttpModule {}
