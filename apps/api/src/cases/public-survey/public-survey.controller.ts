import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/roles.decorator';
import { AnswerSurveyPubliclyCommand } from './public-survey.handler';
import { PublicSurveyDto, PublicSurveyResponseDto } from './public-survey.dto';
import { ApiFilingNumberParam, FilingNumberParam } from '../../http/customer-case-fields';
import { ApiErrors } from '../../http/api-errors.decorator';
import { commandErrorCodes } from '../../command-handling/command-route.decorator';
import { requestIdOf } from '../public-commands/customer-commands';
import { PUBLIC_THROTTLING } from '../../security/throttling.module';

/** The customer answers the satisfaction survey with the verification code (API.md: "the customer via /public"). */
@ApiTags('public')
@Controller('public/cases')
export class PublicSurveyController {
  constructor(private readonly bus: CommandBus) {}

  @Post(':filingNumber/survey')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'For the customer: answer the satisfaction survey of a case, given its verification code (SatisfactionSurveyAnswered, via public)',
    description:
      `${PUBLIC_THROTTLING} A wrong filing number or code is the same 404. ` +
      'The same answer sent again is answered as the first time and records nothing more; another answer once one is recorded is 409 CASE.SURVEY_ALREADY_ANSWERED. ' +
      'The case must be resolved (at first line or by a resolved response) or closed, else 409 CASE.WRONG_STATUS.',
  })
  @ApiFilingNumberParam()
  @ApiResponse({ status: 200, type: PublicSurveyResponseDto, description: 'Recorded' })
  @ApiErrors(...commandErrorCodes('AnswerSurvey', ['invalidScore']))
  @ApiResponse({ status: 404, description: 'No case with that filing number and verification code' })
  answer(@FilingNumberParam() filingNumber: string, @Body() body: PublicSurveyDto, @Req() request: { id?: unknown }): Promise<PublicSurveyResponseDto> {
    return this.bus.execute(new AnswerSurveyPubliclyCommand(filingNumber, body, requestIdOf(request)));
  }
}
