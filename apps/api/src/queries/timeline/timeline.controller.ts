import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type { Actor } from '@app/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AnyRole, Public } from '../../auth/roles.decorator';
import { CaseIdParam } from '../../http/case-id.param';
import { RequestValidationError } from '../../http/validation';
import { seesNoPersonalData, timelineEntryWithoutFreeText } from '../../personal-data/report-consumer-view';
import { FreshnessQueryDto } from '../../read-side/list-query.dto';
import { CustomerTimelineDto, StaffTimelineDto } from './timeline.dto';
import { CustomerTimeline, GetCustomerTimelineQuery, GetTimelineQuery, StaffTimeline } from './timeline.queries';
import { ApiErrors } from '../../http/api-errors.decorator';

export class VerificationCodeQueryDto {
  @ApiProperty({ description: 'The verification code sent to the customer with the filing number', example: 'K7P2QX', pattern: '^[A-Za-z0-9]{4,12}$' })
  @IsString() @Matches(/^[A-Za-z0-9]{4,12}$/, { message: 'code must be the verification code sent to the customer' })
  code: string;
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
  @ApiOperation({ summary: 'For the customer: status and the customer-visible steps, given the verification code (404 otherwise)' })
  @ApiResponse({ status: 200, type: CustomerTimelineDto })
  customerTimeline(@Param('filingNumber') filingNumber: string, @Query() query: VerificationCodeQueryDto): Promise<CustomerTimeline> {
    if (!/^\d{4}-\d{6}$/.test(filingNumber)) {
      throw new RequestValidationError([{ field: 'filingNumber', reason: 'filingNumber must look like 2026-000042' }]);
    }
    return this.queries.execute(new GetCustomerTimelineQuery(filingNumber, query.code));
  }
}
