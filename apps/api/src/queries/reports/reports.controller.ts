import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { lastDayOf, Report } from '@app/projections';
import { Roles } from '../../auth/roles.decorator';
import { RequestValidationError } from '../../http/validation';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { ReportDto } from './reports.dto';
import { GetReportQuery } from './reports.queries';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class MonthlyReportQueryDto extends FreshnessQueryDto {
  @ApiProperty({ example: '2026-03', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must look like 2026-03' })
  month: string;
}

export class RangeReportQueryDto extends FreshnessQueryDto {
  @ApiProperty({ example: '2026-03-01', format: 'date', description: 'First day (Bogotá), inclusive' }) @Matches(DATE, { message: 'from must be a date like 2026-03-01' })
  from: string;

  @ApiProperty({ example: '2026-03-31', format: 'date', description: 'Last day (Bogotá), inclusive' }) @Matches(DATE, { message: 'to must be a date like 2026-03-31' })
  to: string;
}

const MAX_DAYS = 366 * 3;

/** `2026-02-30` matches the pattern but is no day: it must come back unchanged from a real date. */
function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

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
    for (const field of ['from', 'to'] as const) {
      if (!isRealDate(query[field])) throw new RequestValidationError([{ field, reason: `${field} must be a real date` }]);
    }
    const days = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (days < 0) throw new RequestValidationError([{ field: 'to', reason: 'to must not be before from' }]);
    if (days > MAX_DAYS) throw new RequestValidationError([{ field: 'to', reason: `a report covers at most ${MAX_DAYS} days` }]);
    return this.queries.execute(new GetReportQuery({ from: query.from, to: query.to }, query.minPosition));
  }
}
