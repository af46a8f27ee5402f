import { Body, Controller } from '@nestjs/common';
import { CaseCommandsGateway } from '../../command-handling/case-commands.gateway';
import { CommandResponseDto as Response, toCommandResponse } from '../../command-handling/command-response.dto';
import { transferNoticeToRead } from '@app/mail';
import type { PriorityReason } from '@app/domain';
import { CommandRoute } from '../../command-handling/command-route.decorator';
import { HttpCommand, HttpCommandHeaders as Headers } from '../../command-handling/http-command.decorator';
import { AppConfig, Catalog, customerSilenceRuleOf } from '@app/runtime';
import { ChangePriorityDto } from '../case-priority/case-priority.dto';
import { CATALOG_TYPIFICATION_ERRORS } from '../../catalog/catalog-typification-errors';
import { CaseIdParam as Id } from '../../http/case-id.param';
import * as Dto from './change-case.dto';
import { OpenCases } from '../file-case/open-cases';

/** Every command on an existing case: one route each, the decider says what the case's status allows. */
@Controller('cases')
export class ChangeCaseController {
  constructor(
    private readonly cases: CaseCommandsGateway,
    private readonly config: AppConfig,
    private readonly catalog: Catalog,
    private readonly openCases: OpenCases,
  ) {}

  @CommandRoute({ path: ':id/assignment', command: 'AssignCase', roles: ['supervisor'], response: Response, errors: ['USER.NOT_ASSIGNABLE'], summary: 'Assign or reassign the case to a backoffice agent: an active user with the backoffice role, else 422 USER.NOT_ASSIGNABLE (CaseAssigned)' })
  assign(@Id() id: string, @Body() body: Dto.AssignCaseDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'AssignCase', data: { backofficeId: body.backofficeId } }, body, headers);
  }

  @CommandRoute({ path: ':id/typification-review', command: 'ReviewTypification', roles: ['backoffice'], response: Response, summary: 'Confirm the typification (TypificationConfirmed) or return the case to its agent with a reason (CaseReturnedToAgent)' })
  reviewTypification(@Id() id: string, @Body() body: Dto.TypificationReviewDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'ReviewTypification', data: { consistent: body.consistent, reason: body.reason ?? null } }, body, headers);
  }

  @CommandRoute({ path: ':id/typification', command: 'RetypifyCase', roles: ['agent', 'supervisor'], response: Response, errors: [...CATALOG_TYPIFICATION_ERRORS, 'CASE.OPEN_CASE_EXISTS'], summary: 'Typify a case the customer filed on the web (any agent or supervisor; it then waits for distribution, its legal term still counted from the filing), or re-typify a returned case: the agent it was returned to (who typified it) or a supervisor, else 403 CASE.NOT_RETURNED_TO_ACTOR; it goes back to its backoffice agent (CaseTypified). The typology and motive must be in the catalog (GET /catalog); the petitioner\'s other open case of that typology: 409 CASE.OPEN_CASE_EXISTS unless distinctMatter' })
  async retypify(@Id() id: string, @Body() body: Dto.RetypifyCaseDto, @HttpCommand() headers: Headers): Promise<Response> {
    const { state: catalog } = await this.catalog.current();
    const distinctMatter = body.distinctMatter ?? false;
    const retypify = () => this.cases.execute(id, { type: 'RetypifyCase', data: { kind: body.kind, typology: body.typology, motive: body.motive, distinctMatter, catalog } }, body, headers);
    return toCommandResponse(await this.openCases.whenNoneOpenFor(id, body.typology, distinctMatter, retypify));
  }

  @CommandRoute({ path: ':id/priority', command: 'ChangePriority', roles: ['supervisor'], response: Response, summary: 'Mark an open case urgent with its reason (art. 20 Ley 1755, or the company\'s) or back to normal (CasePriorityChanged; normal again changes nothing): urgent cases go first in every queue and run on the urgent service targets' })
  changePriority(@Id() id: string, @Body() body: ChangePriorityDto, @HttpCommand() headers: Headers): Promise<Response> {
    const reason = body.reason ? ({ kind: body.reason.kind, code: body.reason.code } as PriorityReason) : null;
    return this.cases.change(id, { type: 'ChangePriority', data: { priority: body.priority, reason } }, body, headers);
  }


  @CommandRoute({
    path: ':id/information-requests', command: 'RequestInformation',
    roles: ['backoffice'],
    response: Response,
    summary:
      'Ask the customer for missing information (InformationRequested). Art. 17: a request within 10 business days of filing, before the legal term expired, suspends it; a later one pauses the company targets only. ' +
      'The event records the date the case closes without an answer: one month (tacit withdrawal), or the company silence rule (SLA_CUSTOMER_SILENCE_BUSINESS_DAYS) for kinds or typologies in SLA_OUTSIDE_LEY_1755',
  })
  requestInformation(@Id() id: string, @Body() body: Dto.InformationRequestDto, @HttpCommand() headers: Headers): Promise<Response> {
    const data = { message: body.message, customerSilenceRule: customerSilenceRuleOf(this.config) };
    return this.cases.change(id, { type: 'RequestInformation', data }, body, headers);
  }

  @CommandRoute({
    path: ':id/information-period-extension', command: 'ExtendInformationPeriod',
    roles: ['agent', 'backoffice', 'supervisor'],
    response: Response,
    summary:
      'Record that the petitioner asked (by any channel) for one more month to complete the information (art. 17): the tacit-withdrawal date moves one month (InformationPeriodExtended). ' +
      'Once per case waiting on the customer (409 CASE.WRONG_STATUS otherwise), before the withdrawal date (422 CASE.INFORMATION_PERIOD_ENDED), only once (422 CASE.INFORMATION_PERIOD_ALREADY_EXTENDED)',
  })
  extendInformationPeriod(@Id() id: string, @Body() body: Dto.InformationPeriodExtensionDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'ExtendInformationPeriod', data: { channel: body.channel } }, body, headers);
  }

  @CommandRoute({ path: ':id/information', command: 'ReceiveInformation', roles: ['backoffice', 'agent'], response: Response, summary: 'Record the information the customer sent; the clock resumes (InformationReceived)' })
  receiveInformation(@Id() id: string, @Body() body: Dto.InformationReceivedDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'ReceiveInformation', data: { summary: body.summary, channel: body.channel } }, body, headers);
  }

  @CommandRoute({
    path: ':id/responses', command: 'SendResponse',
    roles: ['backoffice'],
    response: Response,
    summary:
      'Send the response and mark the case resolved or pending, with the decision on the petition (favourable, partial, unfavourable) and, unless favourable, its reason (ResponseSent)',
  })
  respond(@Id() id: string, @Body() body: Dto.ResponseDto, @HttpCommand() headers: Headers): Promise<Response> {
    const data = { body: body.body, outcome: body.outcome, decision: body.decision, decisionReason: body.decisionReason ?? null };
    return this.cases.change(id, { type: 'SendResponse', data }, body, headers);
  }

  @CommandRoute({
    path: ':id/notes', command: 'AddInternalNote',
    roles: ['agent', 'backoffice', 'supervisor'],
    response: Response,
    summary:
      "Add an internal note to the case, for staff only (InternalNoteAdded): never in the customer's tracking or timeline, never emailed; shown in GET /cases/:id/conversation. " +
      'A note does not make anyone\'s If-Match revision stale',
  })
  addNote(@Id() id: string, @Body() body: Dto.InternalNoteDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'AddInternalNote', data: { text: body.text } }, body, headers);
  }

  @CommandRoute({ path: ':id/counter-replies', command: 'ReceiveCounterReply', roles: ['backoffice', 'agent'], response: Response, summary: 'Record a counter-reply; it reopens the case (CounterReplyReceived): by any channel within 3 business days of the response, after that only by phone (else 422 CASE.COUNTER_REPLY_WINDOW_CLOSED); a closed case is not reopened (409 CASE.CLOSED_NOT_REOPENED: file a new case citing its number)' })
  counterReply(@Id() id: string, @Body() body: Dto.CounterReplyDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'ReceiveCounterReply', data: { summary: body.summary, channel: body.channel } }, body, headers);
  }

  @CommandRoute({ path: ':id/extensions', command: 'ExtendDeadline', unreachable: ['notPositive'], roles: ['backoffice', 'supervisor'], response: Response, summary: 'Extend the deadline before it ends, with reasons, at most the original term again (DeadlineExtended)' })
  extend(@Id() id: string, @Body() body: Dto.ExtensionDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'ExtendDeadline', data: { businessDays: body.businessDays, reason: body.reason } }, body, headers);
  }

  @CommandRoute({
    path: ':id/transfer', command: 'TransferCase',
    roles: ['supervisor'],
    response: Dto.TransferResponseDto,
    summary:
      'Transfer the case to the competent entity (CaseTransferred, Ley 1755 de 2015 art. 21): the email outbox sends the petition to entityEmail and a copy to the petitioner; a verbal petition (phone, in person) is told at once with noticeToRead. Term: 5 business days from filing (transferDueAt in GET /cases/:id)',
  })
  async transfer(@Id() id: string, @Body() body: Dto.TransferDto, @HttpCommand() headers: Headers): Promise<Dto.TransferResponseDto> {
    const outcome = await this.cases.execute(id, { type: 'TransferCase', data: { entity: body.entity, entityEmail: body.entityEmail, reason: body.reason } }, body, headers);
    const transferred = outcome.events.find((event) => event.type === 'CaseTransferred');
    const toldAtOnce = transferred?.type === 'CaseTransferred' && transferred.data.toldAtOnce;
    return { ...toCommandResponse(outcome), toldAtOnce, noticeToRead: toldAtOnce ? transferNoticeToRead(transferred.data) : null };
  }

  @CommandRoute({ path: ':id/survey', command: 'AnswerSurvey', unreachable: ['invalidScore'], roles: ['agent'], response: Response, summary: 'Record the satisfaction survey the customer answered (SatisfactionSurveyAnswered)' })
  survey(@Id() id: string, @Body() body: Dto.SurveyDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'AnswerSurvey', data: { score: body.score, comment: body.comment ?? null, via: 'agent' } }, body, headers);
  }

  @CommandRoute({ path: ':id/quality-reviews', command: 'ReviewQuality', unreachable: ['invalidScore'], roles: ['quality'], response: Response, summary: 'Record a quality review of a handled case (QualityReviewed)' })
  reviewQuality(@Id() id: string, @Body() body: Dto.QualityReviewDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'ReviewQuality', data: { score: body.score, findings: body.findings } }, body, headers);
  }

  @CommandRoute({ path: ':id/closure', command: 'CloseCase', roles: ['supervisor'], response: Response, summary: 'Close the case (CaseClosed)' })
  close(@Id() id: string, @Body() body: Dto.ClosureDto, @HttpCommand() headers: Headers): Promise<Response> {
    return this.cases.change(id, { type: 'CloseCase', data: { reason: body.reason } }, body, headers);
  }
}
