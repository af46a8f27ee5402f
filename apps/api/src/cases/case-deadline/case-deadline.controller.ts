import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, DeadlineExplanation } from '@app/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AnyRole } from '../../auth/roles.decorator';
import { seesNoPersonalData } from '../../personal-data/report-consumer-view';
import { CaseIdParam } from '../../http/case-id.param';
import { CaseDeadlineQueryDto } from './case-deadline.dto';
import { DeadlineExplanationDto } from './case-deadline.response.dto';
import { GetCaseDeadlineQuery } from './case-deadline.query';
import { ApiErrors } from '../../http/api-errors.decorator';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseDeadlineController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/deadline')
  @AnyRole()
  @ApiOperation({
    summary: 'The case deadlines explained step by step: legal term, company targets, pauses, extensions, time consumed and remaining',
    description:
      'The step texts are in Spanish (es-CO) unless `?lang=en`; `legal.days` lists each business day the legal term counted ' +
      'and each weekend day and holiday (by name) it skipped, so an inspector can check the count by hand. ' +
      'For a `reporter` (and no other role) the reason of an extension, free text staff wrote, reads `[withheld]`.',
  })
  @ApiResponse({ status: 200, type: DeadlineExplanationDto })
  @ApiErrors('CASE.NOT_FOUND')
  deadline(@CaseIdParam() caseId: string, @Query() query: CaseDeadlineQueryDto, @CurrentActor() actor: Actor): Promise<DeadlineExplanation> {
    return this.queries.execute(new GetCaseDeadlineQuery(caseId, query.lang, seesNoPersonalData(actor)));
  }
}
