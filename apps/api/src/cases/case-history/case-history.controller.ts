import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditsPersonalDataAccess } from '../../access-audit/audits-personal-data.decorator';
import { Roles } from '../../auth/roles.decorator';
import { CaseIdParam } from '../../http/case-id.param';
import { CaseHistoryDto, CaseHistoryQueryDto } from './case-history.dto';
import { GetCaseHistoryQuery } from './case-history.query';
import { ApiErrors } from '../../http/api-errors.decorator';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class CaseHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/history')
  @Roles('auditor', 'admin')
  @AuditsPersonalDataAccess((history) => [(history as CaseHistoryDto).caseId])
  @ApiOperation({
    summary:
      'The raw events of the case from the event store, with metadata; ?asOf= adds the state at that instant; ' +
      '?verify=true adds `integrity`: whether the hash chain of the stored events is intact, or the first broken revision; ' +
      'events the read models saw that the stream no longer holds (a cut tail) are reported as `truncated`, each listed in `missing` ' +
      '(with verify=true, a case whose stream was emptied is reported rather than 404)',
  })
  @ApiResponse({ status: 200, type: CaseHistoryDto })
  @ApiErrors('CASE.NOT_FOUND')
  history(@CaseIdParam() caseId: string, @Query() query: CaseHistoryQueryDto): Promise<CaseHistoryDto> {
    return this.queries.execute(new GetCaseHistoryQuery(caseId, query.asOf, query.verify === true));
  }
}
