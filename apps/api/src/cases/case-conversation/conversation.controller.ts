import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditsPersonalDataAccess } from '../../access-audit/audits-personal-data.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { CaseIdParam } from '../../http/case-id.param';
import { NoQueryDto } from '../../directory/directory.dto';
import { ConversationDto } from './conversation.dto';
import { GetConversationQuery } from './conversation.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class ConversationController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/conversation')
  @Roles('agent', 'backoffice', 'supervisor', 'quality', 'auditor', 'admin')
  @AuditsPersonalDataAccess((conversation) => [(conversation as ConversationDto).caseId])
  @ApiOperation({
    summary:
      "The case's whole thread in order: the facts and the request, information requested and received, responses with their decision, the customer's emails, " +
      'counter-replies, internal notes and quality findings, each marked customer-visible or not; decrypted, in the access audit; `[erased]` after erasure. ' +
      'For staff who read personal data (a reporter reads the counts, not the thread)',
  })
  @ApiResponse({ status: 200, type: ConversationDto })
  @ApiErrors('CASE.NOT_FOUND')
  // The query is validated (no parameter is taken): an unknown one is 400 before the read is audited.
  conversation(@CaseIdParam() caseId: string, @Query() _query: NoQueryDto): Promise<ConversationDto> {
    return this.queries.execute(new GetConversationQuery(caseId));
  }
}
