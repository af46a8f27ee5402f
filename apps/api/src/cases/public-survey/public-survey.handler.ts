import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { SatisfactionSurveyAnswered } from '@app/domain';
import { CustomerCommands } from '../public-commands/customer-commands';
import type { PublicSurveyDto, PublicSurveyResponseDto } from './public-survey.dto';

export class AnswerSurveyPubliclyCommand {
  constructor(
    readonly filingNumber: string,
    readonly body: PublicSurveyDto,
    /** The request id: the event's correlation id. */
    readonly requestId?: string,
  ) {}
}

/** The survey as the customer answers it (`via: public`): the same answer sent twice records once. */
@CommandHandler(AnswerSurveyPubliclyCommand)
export class AnswerSurveyPubliclyHandler implements ICommandHandler<AnswerSurveyPubliclyCommand, PublicSurveyResponseDto> {
  constructor(private readonly commands: CustomerCommands) {}

  async execute({ filingNumber, body, requestId }: AnswerSurveyPubliclyCommand): Promise<PublicSurveyResponseDto> {
    const answer = { score: body.score, comment: body.comment ?? null };
    const outcome = await this.commands.execute(
      filingNumber,
      body.code,
      () => ({ name: 'survey', payload: { type: 'AnswerSurvey', data: { ...answer, via: 'public' } }, sameCommandAs: answer }),
      requestId,
    );
    const answered = outcome.events.find((event): event is SatisfactionSurveyAnswered => event.type === 'SatisfactionSurveyAnswered')!;
    return { filingNumber, score: answered.data.score, comment: answered.data.comment, answeredAt: answered.data.answeredAt };
  }
}
