import { Controller, Get, Query } from '@nestjs/common';
import { RequestValidationError } from '@app/runtime';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CalendarDate, MONTH_PATTERN } from '../../http/field.decorators';
import { lastDayOf, Report } from '@app/projections';
import { Roles } from '../../auth/roles.decorator';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { ReportDto } from './reports.dto';
import { GetReportQuery } from './reports.queries';

export class MonthlyReportQueryDto extends FreshnessQueryDto {
  @ApiProperty({ example: '2026-03', pattern: MONTH_PATTERN }) @Matches(new RegExp(MONTH_PATTERN), { message: 'month must look like 2026-03 (years 1000-9999)' })
  month: string;
}

export class RangeReportQueryDto extends FreshnessQueryDto {
  @CalendarDate({ example: '2026-03-01', description: 'First day (Bogotá), inclusive' })
  from: string;

  @CalendarDate({ example: '2026-03-31', description: 'Last day (Bogotá), inclusive' })
  to: string;
}

const MAX_DAYS = 366 * 3;

@ApiTags('reports')
@ApiBearerAuth()
@Roles('reporter', 'supervisor')
@Controller('reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('monthly')
  @ApiOperation({ summary: "The month's report: by typology, kind and channel; resolved at first line vs backoffice; pending; deadlines; averages; returns to agent; productivity; satisfaction" })
  @ApiResponse({ status: 200, type: ReportDto })
  monthly(@Query() query: MonthlyReportQueryDto): Promise<Report> {
    return this.queries.execute(new GetReportQuery({ from: `${query.month}-01`, to: lastDayOf(query.month) }, query.minPosition));
  }

  @Get()
  @ApiOperation({ summary: 'The same report for any range of days (at most three years)' })
  @ApiResponse({ status: 200, type: ReportDto })
  range(@Query() query: RangeReportQueryDto): Promise<Report> {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days < 0) throw new RequestValidationError([{ field: 'to', reason: 'to must not be before from' }]);
    if (days > MAX_DAYS) throw new RequestValidationError([{ field: 'to', reason: `a report covers at most ${MAX_DAYS} days` }]);
    return this.queries.execute(new GetReportQuery({ from: query.from, to: query.to }, query.minPosition));
  }
}
