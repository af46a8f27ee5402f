import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/roles.decorator';
import { RequestValidationError } from '../../http/validation';
import { AnswerSurveyPubliclyCommand } from './public-survey.handler';
import { PublicSurveyDto, PublicSurveyResponseDto } from './public-survey.dto';
import { FILING_NUMBER_PATTERN } from '../../http/field.decorators';
import { ApiErrors } from '../../http/api-errors.decorator';
import { commandErrorCodes } from '../../command-handling/command-route.decorator';

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
      'Throttled per client address like every /public route. A wrong filing number or code is the same 404. ' +
      'The same answer sent again is answered as the first time and records nothing more; another answer once one is recorded is 409 CASE.SURVEY_ALREADY_ANSWERED. ' +
      'The case must be resolved (at first line or by a resolved response) or closed, else 409 CASE.WRONG_STATUS.',
  })
  @ApiParam({ name: 'filingNumber', example: '2026-000042', schema: { type: 'string', pattern: FILING_NUMBER_PATTERN } })
  @ApiResponse({ status: 200, type: PublicSurveyResponseDto, description: 'Recorded' })
  @ApiErrors(...commandErrorCodes('AnswerSurvey', ['invalidScore']))
  @ApiResponse({ status: 404, description: 'No case with that filing number and verification code' })
  @ApiResponse({ status: 429, description: 'Too many requests from this address (PUBLIC_RATE_LIMIT per minute)' })
  answer(@Param('filingNumber') filingNumber: string, @Body() body: PublicSurveyDto, @Req() request: { id?: unknown }): Promise<PublicSurveyResponseDto> {
    if (!/^\d{4}-\d{6}$/.test(filingNumber)) {
      throw new RequestValidationError([{ field: 'filingNumber', reason: 'filingNumber must look like 2026-000042' }]);
    }
    return this.bus.execute(new AnswerSurveyPubliclyCommand(filingNumber, body, typeof request.id === 'string' ? request.id : undefined));
  }
}
