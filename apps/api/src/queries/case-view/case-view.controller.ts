import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditsPersonalDataAccess } from '../../access-audit/audits-personal-data.decorator';
import type { Actor } from '@app/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AnyRole } from '../../auth/roles.decorator';
import { ETagInterceptor } from '../../command-handling/etag.interceptor';
import { CaseIdParam } from '../../http/case-id.param';
import { caseViewWithoutPersonalData, seesNoPersonalData } from '../../personal-data/report-consumer-view';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { CaseViewDto } from './case-view.dto';
import { GetCaseQuery, PublicCaseView } from './case-view.queries';
import { CaseSearchPageDto, CaseSearchQueryDto } from '../case-search/case-search.dto';
import { CaseSearchPage, SearchCasesQuery } from '../case-search/case-search.query';
import { ApiErrors } from '../../http/api-errors.decorator';

const CASE_SEARCH_DESCRIPTION =
  'Every filter given must hold. The petitioner is matched through keyed hashes of the document (petitionerDocumentType with petitionerDocument) ' +
  'or of the email, as at filing, never on stored clear data; their cases come open first. Newest filed first unless `sort` says otherwise; ' +
  '`nextCursor` pages on (a cursor belongs to its filters: another is 400).';

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
  @AuditsPersonalDataAccess((page) => (page as CaseSearchPage).items.map((item) => item.caseId))
  @ApiOperation({ summary: 'Find cases: by filing number (radicado), petitioner (document or email), status, kind, typology, channel, assignee, filing and due dates, overdue; paged with cursors', description: `${CASE_SEARCH_DESCRIPTION} ${CASE_READ_ROLES}` })
  @ApiResponse({ status: 200, type: CaseSearchPageDto })
  async search(@Query() query: CaseSearchQueryDto, @CurrentActor() actor: Actor): Promise<CaseSearchPage> {
    const page: CaseSearchPage = await this.queries.execute(new SearchCasesQuery(query));
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
