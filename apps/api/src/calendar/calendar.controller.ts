import { Controller, Get, Query } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BusinessCalendar } from '@app/domain';
import { AnyRole } from '../auth/roles.decorator';
import { DeadlineDto, DeadlineQueryDto, HolidaysDto, HolidaysQueryDto } from './calendar.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@AnyRole()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: BusinessCalendar) {}

  @Get('holidays')
  @ApiOperation({ summary: 'Colombian holidays of a year (Ley 51 de 1983 and later laws, with configured additions and removals)' })
  @ApiResponse({ status: 200, type: HolidaysDto })
  holidays(@Query() query: HolidaysQueryDto): HolidaysDto {
    return { year: query.year, holidays: this.calendar.holidays(query.year) };
  }

  @Get('deadline')
  @ApiOperation({ summary: 'The due instant counted in business days (America/Bogota, skipping holidays) from the day after `from`' })
  @ApiResponse({ status: 200, type: DeadlineDto })
  deadline(@Query() query: DeadlineQueryDto): DeadlineDto {
    try {
      return { from: query.from, businessDays: query.businessDays, dueAt: this.calendar.addBusinessDays(query.from, query.businessDays) };
    } catch (error) {
      if (error instanceof RangeError) throw new RequestValidationError([{ field: 'from', reason: error.message }]);
      throw error;
    }
  }
}
