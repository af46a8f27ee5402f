import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { CaseEvent } from '@app/domain';
import type { CaseTimeline } from '@app/projections';
import { Public } from '../../auth/roles.decorator';
import { commandErrorCodes } from '../../command-handling/command-route.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ApiFilingNumberParam, FilingNumberParam } from '../../http/customer-case-fields';
import { PUBLIC_THROTTLING } from '../../security/throttling.module';
import { CustomerCommands, requestIdOf } from './customer-commands';
import { PublicAnswerDto, PublicAnswerResponseDto } from './public-answers.dto';

/** What each answer records, and the step of the case it answers (the same text answering a later one is another command). */
const ANSWERS = {
  information: { command: 'ReceiveInformation', answering: 'InformationRequested', recorded: 'InformationReceived' },
  'counter-reply': { command: 'ReceiveCounterReply', answering: 'ResponseSent', recorded: 'CounterReplyReceived' },
} as const;

const SAME_TEXT_ONCE =
  'The same message sent again for the same request (or response) is answered as the first time and records nothing more. Recorded as `customer:<filing number>` on channel `web`.';

/**
 * The customer answers an information request or counter-replies on the web, as they would by email:
 * the decider decides, with the channel `web`.
 */
@ApiTags('public')
@Controller('public/cases')
export class PublicAnswersController {
  constructor(private readonly commands: CustomerCommands) {}

  @Post(':filingNumber/information')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'For the customer: send the information the company asked for, given the verification code (InformationReceived, channel web)',
    description: `${PUBLIC_THROTTLING} A wrong filing number or code is the same 404. The case must be waiting on the customer (else 409 CASE.WRONG_STATUS); the legal term resumes (art. 17). ${SAME_TEXT_ONCE}`,
  })
  @ApiFilingNumberParam()
  @ApiResponse({ status: 200, type: PublicAnswerResponseDto, description: 'Recorded' })
  @ApiErrors(...commandErrorCodes('ReceiveInformation', ['notAssignee']))
  information(@FilingNumberParam() filingNumber: string, @Body() body: PublicAnswerDto, @Req() request: { id?: unknown }): Promise<PublicAnswerResponseDto> {
    return this.answer('information', filingNumber, body, request);
  }

  @Post(':filingNumber/counter-replies')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'For the customer: counter-reply to the response, given the verification code (CounterReplyReceived, channel web; the case reopens)',
    description:
      `${PUBLIC_THROTTLING} A wrong filing number or code is the same 404. Within the counter-reply window only (3 business days after the response), ` +
      `else 422 CASE.COUNTER_REPLY_WINDOW_CLOSED (the phone line still takes it); a case not responded is 409 CASE.WRONG_STATUS, a closed one 409 CASE.CLOSED_NOT_REOPENED. ${SAME_TEXT_ONCE}`,
  })
  @ApiFilingNumberParam()
  @ApiResponse({ status: 200, type: PublicAnswerResponseDto, description: 'Recorded' })
  @ApiErrors(...commandErrorCodes('ReceiveCounterReply'))
  counterReply(@FilingNumberParam() filingNumber: string, @Body() body: PublicAnswerDto, @Req() request: { id?: unknown }): Promise<PublicAnswerResponseDto> {
    return this.answer('counter-reply', filingNumber, body, request);
  }

  private async answer(name: keyof typeof ANSWERS, filingNumber: string, body: PublicAnswerDto, request: { id?: unknown }): Promise<PublicAnswerResponseDto> {
    const { command, answering, recorded } = ANSWERS[name];
    const outcome = await this.commands.execute(
      filingNumber,
      body.code,
      (timeline) => ({
        name,
        payload: { type: command, data: { summary: body.message, channel: 'web' } },
        sameCommandAs: { message: body.message, answering: lastRevisionOf(timeline, answering) },
      }),
      requestIdOf(request),
    );
    const event = outcome.events.find((candidate): candidate is Extract<CaseEvent, { type: typeof recorded }> => candidate.type === recorded)!;
    return { filingNumber, receivedAt: event.data.receivedAt, status: outcome.status };
  }
}

/** The revision of the case's last event of a type (the request or response the customer answers). */
function lastRevisionOf(timeline: CaseTimeline, type: CaseEvent['type']): number | null {
  const revisions = timeline.entries.filter((entry) => entry.type === type).map((entry) => entry.revision);
  return revisions.length > 0 ? revisions[revisions.length - 1] : null;
}
