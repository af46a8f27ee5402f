import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AnyRole, Public } from '../../auth/roles.decorator';
import { CaseIdParam } from '../../http/case-id.param';
import { ApiFilingNumberParam, FilingNumberParam, VerificationCode } from '../../http/customer-case-fields';
import { PUBLIC_THROTTLING } from '../../security/throttling.module';
import { seesNoPersonalData, timelineEntryWithoutFreeText } from '../../personal-data/report-consumer-view';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { CustomerTimelineDto, StaffTimelineDto } from './timeline.dto';
import { CustomerTimeline, GetCustomerTimelineQuery, GetTimelineQuery, StaffTimeline } from './timeline.queries';
import { ApiErrors } from '../../http/api-errors.decorator';

export class VerificationCodeQueryDto {
  @VerificationCode() code: string;
}

@Controller()
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get('cases/:id/timeline')
  @ApiTags('cases')
  @ApiErrors('CASE.NOT_FOUND')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Every step of the case: when, who, what, on which channel (customer-visible flag per entry)',
    description: 'For a `reporter` (and no other role) the descriptions that quote what staff wrote (a return reason, an extension reason) stop before the quote.',
  })
  @ApiResponse({ status: 200, type: StaffTimelineDto })
  async timeline(@CaseIdParam() caseId: string, @Query() query: FreshnessQueryDto, @CurrentActor() actor: Actor): Promise<StaffTimeline> {
    const timeline: StaffTimeline = await this.queries.execute(new GetTimelineQuery(caseId, query.minPosition));
    return seesNoPersonalData(actor) ? { ...timeline, entries: timeline.entries.map(timelineEntryWithoutFreeText) } : timeline;
  }

  @Get('public/cases/:filingNumber')
  @Public()
  @ApiTags('public')
  @ApiErrors('CASE.NOT_FOUND')
  @ApiOperation({
    summary: 'For the customer: the case as the tracking page shows it (status, due date, visible steps, responses, open information request, what they may do), given the verification code (404 otherwise)',
    description: `${PUBLIC_THROTTLING} From the read models: \`actions\` says which of the customer's commands the case's rules would accept now.`,
  })
  @ApiFilingNumberParam()
  @ApiResponse({ status: 200, type: CustomerTimelineDto })
  customerTimeline(@FilingNumberParam() filingNumber: string, @Query() query: VerificationCodeQueryDto): Promise<CustomerTimeline> {
    return this.queries.execute(new GetCustomerTimelineQuery(filingNumber, query.code));
  }
}
