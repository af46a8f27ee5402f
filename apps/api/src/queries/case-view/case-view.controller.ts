import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AuditsPersonalDataAccess } from '../../access-audit/audits-personal-data.decorator';
import { AnyRole } from '../../auth/roles.decorator';
import { ETagInterceptor } from '../../command-handling/etag.interceptor';
import { ApiErrorDto } from '../../http/api-error.dto';
import { CaseIdParam } from '../../http/case-id.param';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { CaseViewDto, CaseViewPageDto } from './case-view.dto';
import { FindCasesByFilingNumberQuery, GetCaseQuery, PublicCaseView } from './case-view.queries';

export class FilingNumberQueryDto extends FreshnessQueryDto {
  @ApiProperty({ example: '2026-000042', pattern: '^\\d{4}-\\d{6}$' })
  @Matches(/^\d{4}-\d{6}$/, { message: 'filingNumber must look like 2026-000042' })
  filingNumber: string;
}

@ApiTags('cases')
@ApiBearerAuth()
@AnyRole()
@Controller('cases')
export class CaseViewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AuditsPersonalDataAccess((page) => (page as { items: PublicCaseView[] }).items.map((item) => item.caseId))
  @ApiOperation({ summary: 'Find a case by its filing number (radicado)' })
  @ApiResponse({ status: 200, type: CaseViewPageDto })
  findByFilingNumber(@Query() query: FilingNumberQueryDto): Promise<{ items: PublicCaseView[]; nextCursor: null }> {
    return this.queries.execute(new FindCasesByFilingNumberQuery(query.filingNumber, query.minPosition));
  }

  @Get(':id')
  @UseInterceptors(ETagInterceptor)
  @AuditsPersonalDataAccess((view) => [(view as PublicCaseView).caseId])
  @ApiOperation({ summary: 'The case as it stands: status, typification, assignee, deadlines (ETag: its revision)' })
  @ApiResponse({ status: 200, type: CaseViewDto, description: 'ETag: the revision' })
  @ApiResponse({ status: 404, type: ApiErrorDto })
  get(@CaseIdParam() caseId: string, @Query() query: FreshnessQueryDto): Promise<PublicCaseView> {
    return this.queries.execute(new GetCaseQuery(caseId, query.minPosition));
  }
}
