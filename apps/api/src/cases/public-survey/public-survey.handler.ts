import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { createHash, randomUUID } from 'node:crypto';
import type { Actor, SatisfactionSurveyAnswered } from '@app/domain';
import { READ_STORE, ReadStore } from '@app/read-store';
import { canonicalJson, ChangeCaseCommand, toCommandContext } from '@app/runtime';
import type { CommandOutcome } from '@app/runtime';
import { verifyCustomerCase } from '../../queries/timeline/timeline.queries';
import type { PublicSurveyDto, PublicSurveyResponseDto } from './public-survey.dto';

export class AnswerSurveyPubliclyCommand {
  constructor(
    readonly filingNumber: string,
    readonly body: PublicSurveyDto,
    /** The request id: the event's correlation id. */
    readonly requestId?: string,
  ) {}
}

/**
 * Checks the verification code as `GET /public/cases/:filingNumber` does, then records the answer
 * through the same command path as staff, as actor `customer:<filing number>` (no roles). The command
 * id comes from the answer itself: the same answer sent twice (a double click, a retry) records once.
 */
@CommandHandler(AnswerSurveyPubliclyCommand)
export class AnswerSurveyPubliclyHandler implements ICommandHandler<AnswerSurveyPubliclyCommand, PublicSurveyResponseDto> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly bus: CommandBus,
  ) {}

  async execute({ filingNumber, body, requestId }: AnswerSurveyPubliclyCommand): Promise<PublicSurveyResponseDto> {
    const { timeline } = await verifyCustomerCase(this.readStore, filingNumber, body.code);
    const answer = { score: body.score, comment: body.comment ?? null };
    const actor: Actor = { id: `customer:${filingNumber}`, roles: [] };
    const commandId = `public-survey:${createHash('sha256').update(canonicalJson(answer)).digest('base64url')}`;
    const context = toCommandContext({ actor, idempotencyKey: commandId, correlationId: requestId ?? randomUUID() }, 'AnswerSurvey', timeline.caseId, answer);
    const outcome = await this.bus.execute<ChangeCaseCommand, CommandOutcome>(
      new ChangeCaseCommand(timeline.caseId, { type: 'AnswerSurvey', data: { ...answer, via: 'public' } }, context),
    );
    const answered = outcome.events.find((event): event is SatisfactionSurveyAnswered => event.type === 'SatisfactionSurveyAnswered')!;
    return { filingNumber, score: answered.data.score, comment: answered.data.comment, answeredAt: answered.data.answeredAt };
  }
}
