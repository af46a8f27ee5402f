import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AuditsPersonalDataAccess } from '../../access-audit/audits-personal-data.decorator';
import type { Actor } from '@app/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AnyRole } from '../../auth/roles.decorator';
import { ETagInterceptor } from '../../command-handling/etag.interceptor';
import { CaseIdParam } from '../../http/case-id.param';
import { caseViewWithoutPersonalData, seesNoPersonalData } from '../../personal-data/report-consumer-view';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { CaseViewDto, CaseViewPageDto } from './case-view.dto';
import { FindCasesByFilingNumberQuery, GetCaseQuery, PublicCaseView } from './case-view.queries';
import { FILING_NUMBER_PATTERN } from '../../http/field.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';

export class FilingNumberQueryDto extends FreshnessQueryDto {
  @ApiProperty({ example: '2026-000042', pattern: FILING_NUMBER_PATTERN })
  @Matches(/^\d{4}-\d{6}$/, { message: 'filingNumber must look like 2026-000042' })
  filingNumber: string;
}

const CASE_READ_ROLES =
  'Shows the petitioner and what they wrote: the read is recorded in the access audit. A `reporter` (and no other role) gets the case ' +
  'with the petitioner and every free text (subject, facts, request, attachment names, reasons, survey comment) as `[withheld]`, the pseudonymous ' +
  '`petitionerId` only; nothing is shown, so nothing is recorded.';

@ApiTags('cases')
@ApiBearerAuth()
@AnyRole()
@Controller('cases')
export class CaseViewController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @AuditsPersonalDataAccess((page) => (page as { items: PublicCaseView[] }).items.map((item) => item.caseId))
  @ApiOperation({ summary: 'Find a case by its filing number (radicado)', description: CASE_READ_ROLES })
  @ApiResponse({ status: 200, type: CaseViewPageDto })
  async findByFilingNumber(@Query() query: FilingNumberQueryDto, @CurrentActor() actor: Actor): Promise<{ items: PublicCaseView[]; nextCursor: null }> {
    const page: { items: PublicCaseView[]; nextCursor: null } = await this.queries.execute(new FindCasesByFilingNumberQuery(query.filingNumber, query.minPosition));
    return seesNoPersonalData(actor) ? { ...page, items: page.items.map(caseViewWithoutPersonalData) } : page;
  }

  @Get(':id')
  @UseInterceptors(ETagInterceptor)
  @AuditsPersonalDataAccess((view) => [(view as PublicCaseView).caseId])
  @ApiOperation({ summary: 'The case as it stands: status, typification, assignee, deadlines (ETag: its revision)', description: CASE_READ_ROLES })
  @ApiResponse({ status: 200, type: CaseViewDto, description: 'ETag: the revision' })
  @ApiErrors('CASE.NOT_FOUND')
  async get(@CaseIdParam() caseId: string, @Query() query: FreshnessQueryDto, @CurrentActor() actor: Actor): Promise<PublicCaseView> {
    const view: PublicCaseView = await this.queries.execute(new GetCaseQuery(caseId, query.minPosition));
    return seesNoPersonalData(actor) ? caseViewWithoutPersonalData(view) : view;
  }
}
