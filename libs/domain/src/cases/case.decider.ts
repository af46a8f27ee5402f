import type { Decider } from '../shared/decider';
import type { Actor } from '../shared/actor';
import {
  COUNTER_REPLY_WINDOW_BUSINESS_DAYS,
  FIRST_LINE_RESOLVABLE_KINDS,
  LEGAL_TERM_BUSINESS_DAYS,
  VERBAL_CHANNELS,
} from './case-kind';
import type * as C from './case.commands';
import type { CaseEvent, CustomerEmailDisposition } from './case.events';
import { CaseErrors } from './case.errors';
import { OPEN_STATUSES } from './case.state';
import type { CaseState, CaseStatus, FiledCase } from './case.state';
import { evolveCase } from './case.evolve';
import { requireStatus } from './case-status.guard';
import { closeCaseAutomatically, recordOverdue, withdrawCase } from './case-sla.decider';
import { recordEmailOutcome } from './case-mail.decider';
import { erasePetitionerData } from './case-personal-data.decider';
import { tacitWithdrawalInstant } from './information-period';
import { changePriority, priorityAtFiling } from './case-priority.decider';
import { requireInCatalog } from '../catalog/catalog-typification';
import type { InformationPeriodCalendar } from './information-period';
import { INFORMATION_REQUEST_TERM_BUSINESS_DAYS } from '../sla/legal-terms';

/** The calendar arithmetic the decider needs (implemented by the Colombian BusinessCalendar). */
export interface DeadlineCalendar extends InformationPeriodCalendar {
  /** End of the Nth business day counted from the day after `from`'s local date. */
  addBusinessDays(from: string, businessDays: number): string;
  /** Business days d with localDate(from) < d <= localDate(to). */
  businessDaysBetween(from: string, to: string): number;
  /** The instant the legal terms count from (the receipt reading in force: the filing itself, or the next business day). */
  legalTermStart(filedAt: string): string;
}

export type CaseDecider = Decider<C.CaseCommand, CaseEvent, CaseState>;

const EMAIL_SUMMARY_LENGTH = 2000;
const SURVEY_STATUSES: readonly CaseStatus[] = ['resolved_first_line', 'responded', 'closed'];
const QUALITY_REVIEW_STATUSES: readonly CaseStatus[] = ['resolved_first_line', 'responded', 'closed', 'transferred'];
const EXTENSION_STATUSES: readonly CaseStatus[] = ['filed', 'assigned', 'returned', 'in_progress', 'responded'];
// An untypified web filing may be closed (a duplicate, an abuse) or transferred (art. 21) before anyone typifies it.
const CLOSABLE_STATUSES: readonly CaseStatus[] = ['to_typify', 'filed', 'assigned', 'returned', 'in_progress', 'awaiting_information', 'responded'];
const TRANSFERABLE_STATUSES: readonly CaseStatus[] = ['to_typify', 'filed', 'assigned', 'returned', 'in_progress', 'awaiting_information'];
const ASSIGNABLE_STATUSES: readonly CaseStatus[] = ['filed', 'assigned', 'returned', 'in_progress', 'awaiting_information', 'responded'];

export function createCaseDecider(calendar: DeadlineCalendar): CaseDecider {
  return {
    initialState: () => ({ status: 'none' }),
    evolve: evolveCase,
    decide: (command, state) => decideCase(calendar, command, state),
  };
}

function decideCase(calendar: DeadlineCalendar, command: C.CaseCommand, state: CaseState): CaseEvent[] {
  if (command.type === 'FileCase') return fileCase(calendar, command, state);
  if (state.status === 'none') throw CaseErrors.notFound();
  switch (command.type) {
    case 'AssignCase':
      return assignCase(command, state);
    case 'ReviewTypification':
      return reviewTypification(command, state);
    case 'RetypifyCase':
      return retypifyCase(calendar, command, state);
    case 'RequestInformation':
      return requestInformation(calendar, command, state);
    case 'ExtendInformationPeriod':
      return extendInformationPeriod(calendar, command, state);
    case 'ReceiveInformation':
      return receiveInformation(calendar, command, state);
    case 'SendResponse':
      return sendResponse(calendar, command, state);
    case 'AddInternalNote':
      return addInternalNote(command);
    case 'ReceiveCounterReply':
      return receiveCounterReply(command, state);
    case 'ExtendDeadline':
      return extendDeadline(calendar, command, state);
    case 'TransferCase':
      return transferCase(command, state);
    case 'AnswerSurvey':
      return answerSurvey(command, state);
    case 'ReviewQuality':
      return reviewQuality(command, state);
    case 'CloseCase':
      return closeCase(command, state);
    case 'RecordFirstResponseOverdue':
    case 'RecordResolutionOverdue':
      return recordOverdue(command, state);
    case 'CloseCaseAutomatically':
      return closeCaseAutomatically(command, state);
    case 'WithdrawCase':
      return withdrawCase(command, state);
    case 'RecordEmailDelivered':
    case 'RecordEmailDeliveryFailed':
      return recordEmailOutcome(command, state);
    case 'ReceiveCustomerEmail':
      return receiveCustomerEmail(calendar, command, state);
    case 'ErasePetitionerData':
      return erasePetitionerData(command, state);
    case 'ChangePriority':
      return changePriority(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${(unknown as { type: string }).type}`);
    }
  }
}

/** A backoffice agent works only the cases assigned to them; supervisors and admins may act on any. */
function requireAssigneeIfBackoffice(actor: Actor, state: { assigneeId: string | null }): void {
  const actsForAnyone = actor.roles.includes('supervisor') || actor.roles.includes('admin');
  if (actor.roles.includes('backoffice') && !actsForAnyone && state.assigneeId !== actor.id) throw CaseErrors.notAssignee();
}

/** A filing without typology and motive (the customer's, on the web) records CaseFiled only: the case waits to be typified. */
function fileCase(calendar: DeadlineCalendar, command: C.FileCase, state: CaseState): CaseEvent[] {
  if (state.status !== 'none') throw CaseErrors.alreadyFiled();
  const d = command.data;
  const resolvesAtFirstLine = Boolean(d.firstLineResolution);
  if (!d.consent) throw CaseErrors.consentRequired();
  const typified = Boolean(d.typology) && Boolean(d.motive);
  if (!typified && (Boolean(d.typology) || Boolean(d.motive) || resolvesAtFirstLine)) throw CaseErrors.typificationIncomplete();
  if (resolvesAtFirstLine && !FIRST_LINE_RESOLVABLE_KINDS.includes(d.kind)) throw CaseErrors.firstLineNotAllowed(d.kind);
  if (typified && d.catalog) requireInCatalog(d.catalog, { typology: d.typology!, motive: d.motive! });
  const priority = priorityAtFiling(command);
  const legalTermDays = LEGAL_TERM_BUSINESS_DAYS[d.kind];
  const dueAt = calendar.addBusinessDays(calendar.legalTermStart(command.at), legalTermDays);
  const events: CaseEvent[] = [
    {
      type: 'CaseFiled',
      data: {
        caseId: d.caseId,
        filingNumber: d.filingNumber,
        verificationCode: d.verificationCode,
        kind: d.kind,
        channel: d.channel,
        subject: d.subject,
        facts: d.facts,
        request: d.request,
        attachments: d.attachments,
        relatedFilingNumber: d.relatedFilingNumber ?? null,
        filedBy: command.actor.id,
        filedAt: command.at,
        legalTermDays,
        dueAt,
        petitionerId: d.petitionerId,
        petitionerEmailId: d.petitionerEmailId ?? null,
        petitioner: d.petitioner,
        consent: { givenAt: d.consent.givenAt, channel: d.consent.channel, policyVersion: d.consent.policyVersion },
      },
    },
  ];
  if (!typified) return priority ? [...events, priority] : events;
  events.push({
    type: 'CaseTypified',
    data: { kind: d.kind, typology: d.typology!, motive: d.motive!, typifiedBy: command.actor.id, legalTermDays, dueAt, distinctMatter: d.distinctMatter ?? false },
  });
  if (d.firstLineResolution) {
    events.push({
      type: 'CaseResolvedAtFirstLine',
      data: { resolution: d.firstLineResolution.resolution, resolvedBy: command.actor.id, resolvedAt: command.at },
    });
  }
  // Last: the filing's other events keep their places (CaseTypified right after CaseFiled).
  if (priority) events.push(priority);
  return events;
}

function assignCase(command: C.AssignCase, state: FiledCase): CaseEvent[] {
  requireStatus(state, ASSIGNABLE_STATUSES, command);
  if (state.assigneeId === command.data.backofficeId) throw CaseErrors.alreadyAssignedTo(command.data.backofficeId);
  return [
    {
      type: 'CaseAssigned',
      data: {
        backofficeId: command.data.backofficeId,
        previousBackofficeId: state.assigneeId,
        assignedBy: command.actor.id,
        assignedAt: command.at,
      },
    },
  ];
}

function reviewTypification(command: C.ReviewTypification, state: FiledCase): CaseEvent[] {
  requireStatus(state, ['assigned'], command);
  requireAssigneeIfBackoffice(command.actor, state);
  if (command.data.consistent) {
    return [{ type: 'TypificationConfirmed', data: { confirmedBy: command.actor.id, confirmedAt: command.at } }];
  }
  const reason = command.data.reason?.trim();
  if (!reason) throw CaseErrors.reasonRequired();
  return [
    {
      type: 'CaseReturnedToAgent',
      data: { agentId: state.typifiedBy, reason, returnedBy: command.actor.id, returnedAt: command.at },
    },
  ];
}

/**
 * An untypified web filing is typified by any agent (it then waits for distribution). docs/domain.md step 4: a
 * returned case went back to the agent who typified it; they (or a supervisor) re-typify it, not any agent.
 * Either way the legal term still counts from the filing, with the term of the kind now given.
 */
function retypifyCase(calendar: DeadlineCalendar, command: C.RetypifyCase, state: FiledCase): CaseEvent[] {
  requireStatus(state, ['to_typify', 'returned'], command);
  const actsForAnyone = command.actor.roles.includes('supervisor') || command.actor.roles.includes('admin');
  if (state.status === 'returned' && !actsForAnyone && command.actor.id !== state.returnedTo) throw CaseErrors.notReturnedToActor(state.returnedTo);
  const { kind, typology, motive, catalog, distinctMatter } = command.data;
  // A retired typology stays valid for the case that has it (a returned case re-typified with it).
  if (catalog) requireInCatalog(catalog, { typology, motive }, state.status === 'returned' ? state.typification : null);
  const legalTermDays = LEGAL_TERM_BUSINESS_DAYS[kind];
  const dueAt = calendar.addBusinessDays(calendar.legalTermStart(state.filedAt), legalTermDays + state.extendedBusinessDays);
  return [{ type: 'CaseTypified', data: { kind, typology, motive, typifiedBy: command.actor.id, legalTermDays, dueAt, distinctMatter: distinctMatter ?? false } }];
}

/**
 * Art. 17: only a request made within 10 business days of the receipt, before the legal term expired,
 * suspends it; a later one pauses the company targets only. The event records when the case closes
 * without an answer: the art. 17 date, or the company's silence rule for a case outside Ley 1755.
 */
function requestInformation(calendar: DeadlineCalendar, command: C.RequestInformation, state: FiledCase): CaseEvent[] {
  requireStatus(state, ['in_progress'], command);
  requireAssigneeIfBackoffice(command.actor, state);
  const remainingBusinessDays = calendar.businessDaysBetween(command.at, state.dueAt);
  const requestDue = calendar.addBusinessDays(calendar.legalTermStart(state.filedAt), INFORMATION_REQUEST_TERM_BUSINESS_DAYS);
  const suspendsLegalTerm = !isLater(command.at, state.dueAt) && !isLater(command.at, requestDue);
  const rule = command.data.customerSilenceRule;
  const { kind, typology } = state.typification;
  const outsideLey1755 = Boolean(rule && rule.businessDays > 0 && (rule.outsideLey1755.includes(kind) || rule.outsideLey1755.includes(typology)));
  return [
    {
      type: 'InformationRequested',
      data: {
        message: command.data.message,
        requestedBy: command.actor.id,
        requestedAt: command.at,
        remainingBusinessDays,
        suspendsLegalTerm,
        tacitWithdrawalAt: tacitWithdrawalInstant(calendar, command.at, false),
        customerSilenceDueAt: outsideLey1755 ? calendar.addBusinessDays(command.at, rule!.businessDays) : null,
      },
    },
  ];
}

/** Art. 17: the petitioner may ask for one more month, once, while the first has not ended. */
function extendInformationPeriod(calendar: DeadlineCalendar, command: C.ExtendInformationPeriod, state: FiledCase): CaseEvent[] {
  requireStatus(state, ['awaiting_information'], command);
  if (state.informationPeriodExtended) throw CaseErrors.informationPeriodAlreadyExtended();
  const previousTacitWithdrawalAt = state.tacitWithdrawalAt ?? tacitWithdrawalInstant(calendar, state.informationRequestedAt, false);
  if (isLater(command.at, previousTacitWithdrawalAt)) throw CaseErrors.informationPeriodEnded(previousTacitWithdrawalAt);
  return [
    {
      type: 'InformationPeriodExtended',
      data: {
        channel: command.data.channel,
        informationRequestedAt: state.informationRequestedAt,
        previousTacitWithdrawalAt,
        tacitWithdrawalAt: tacitWithdrawalInstant(calendar, state.informationRequestedAt, true),
        extendedBy: command.actor.id,
        extendedAt: command.at,
      },
    },
  ];
}

/**
 * Art. 17: the term resumes the day after the information arrives, with the days that were left (at
 * least one when it was asked for on the last day). A term the request did not suspend, or that had
 * already expired, is never revived: the due date stays.
 */
function receiveInformation(calendar: DeadlineCalendar, command: C.ReceiveInformation, state: FiledCase): CaseEvent[] {
  requireStatus(state, ['awaiting_information'], command);
  requireAssigneeIfBackoffice(command.actor, state);
  const resumes = state.legalTermSuspended && !isLater(state.informationRequestedAt, state.dueAt);
  const dueAt = resumes ? calendar.addBusinessDays(command.at, Math.max(1, state.remainingBusinessDays)) : state.dueAt;
  return [
    {
      type: 'InformationReceived',
      data: { summary: command.data.summary, channel: command.data.channel, receivedBy: command.actor.id, receivedAt: command.at, dueAt },
    },
  ];
}

function isLater(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

/** Any staff member who works cases may note something on a case, in any status: it changes nothing of the case. */
function addInternalNote(command: C.AddInternalNote): CaseEvent[] {
  if (!command.data.text.trim()) throw CaseErrors.noteEmpty();
  return [{ type: 'InternalNoteAdded', data: { text: command.data.text, writtenBy: command.actor.id, writtenAt: command.at } }];
}

function sendResponse(calendar: DeadlineCalendar, command: C.SendResponse, state: FiledCase): CaseEvent[] {
  requireStatus(state, ['in_progress', 'responded'], command);
  if (state.status === 'responded' && state.outcome === 'resolved') throw CaseErrors.responseAlreadyFinal();
  requireAssigneeIfBackoffice(command.actor, state);
  const { decision } = command.data;
  const decisionReason = command.data.decisionReason?.trim() || null;
  if (decision !== 'favourable' && !decisionReason) throw CaseErrors.decisionReasonRequired(decision);
  return [
    {
      type: 'ResponseSent',
      data: {
        body: command.data.body,
        outcome: command.data.outcome,
        decision,
        decisionReason,
        respondedBy: command.actor.id,
        respondedAt: command.at,
        counterReplyDeadline: calendar.addBusinessDays(command.at, COUNTER_REPLY_WINDOW_BUSINESS_DAYS),
      },
    },
  ];
}

/**
 * docs/domain.md step 7: the customer counter-replies by email within 3 business days; after that only
 * through the phone line, which still reopens the case. A closed case is not reopened (docs/domain.md: a
 * new case cites the old number), whether a person closed it or the window elapsed without a
 * counter-reply: by then the customer had the whole window and the case's outcome stands.
 */
function receiveCounterReply(command: C.ReceiveCounterReply, state: FiledCase): CaseEvent[] {
  if (state.status === 'closed') throw CaseErrors.closedNotReopened(state.filingNumber);
  requireStatus(state, ['responded'], command);
  if (command.data.channel !== 'phone' && Date.parse(command.at) > Date.parse(state.counterReplyDeadline)) {
    throw CaseErrors.counterReplyWindowClosed(state.counterReplyDeadline);
  }
  return [
    {
      type: 'CounterReplyReceived',
      data: {
        summary: command.data.summary,
        channel: command.data.channel,
        receivedBy: command.actor.id,
        receivedAt: command.at,
        reopenedFor: state.assigneeId,
      },
    },
  ];
}

/** Art. 14 par.: notified before the deadline, with reasons, adding at most the original term again. */
function extendDeadline(calendar: DeadlineCalendar, command: C.ExtendDeadline, state: FiledCase): CaseEvent[] {
  requireStatus(state, EXTENSION_STATUSES, command);
  requireAssigneeIfBackoffice(command.actor, state);
  const { businessDays, reason } = command.data;
  if (!Number.isInteger(businessDays) || businessDays < 1) throw CaseErrors.notPositive('businessDays');
  if (Date.parse(command.at) >= Date.parse(state.dueAt)) throw CaseErrors.deadlinePassed(state.dueAt);
  const allowed = state.legalTermDays - state.extendedBusinessDays;
  if (businessDays > allowed) throw CaseErrors.extensionTooLong(allowed);
  return [
    {
      type: 'DeadlineExtended',
      data: {
        businessDays,
        reason,
        previousDueAt: state.dueAt,
        dueAt: calendar.addBusinessDays(state.dueAt, businessDays),
        extendedBy: command.actor.id,
        extendedAt: command.at,
      },
    },
  ];
}

/** Art. 21: the petition goes to the competent entity's address; a verbal one is told at once. */
function transferCase(command: C.TransferCase, state: FiledCase): CaseEvent[] {
  requireStatus(state, TRANSFERABLE_STATUSES, command);
  const { entity, entityEmail, reason } = command.data;
  const toldAtOnce = VERBAL_CHANNELS.includes(state.channel);
  return [{ type: 'CaseTransferred', data: { entity, entityEmail, reason, toldAtOnce, transferredBy: command.actor.id, transferredAt: command.at } }];
}

function answerSurvey(command: C.AnswerSurvey, state: FiledCase): CaseEvent[] {
  requireStatus(state, SURVEY_STATUSES, command);
  if (state.status === 'responded' && state.outcome !== 'resolved') throw CaseErrors.wrongStatus(command.type, state.status);
  if (state.surveyAnswered) throw CaseErrors.surveyAlreadyAnswered();
  requireScore(command.data.score, 1, 5);
  return [
    {
      type: 'SatisfactionSurveyAnswered',
      data: {
        score: command.data.score,
        comment: command.data.comment ?? null,
        via: command.data.via,
        recordedBy: command.actor.id,
        answeredAt: command.at,
      },
    },
  ];
}

function reviewQuality(command: C.ReviewQuality, state: FiledCase): CaseEvent[] {
  requireStatus(state, QUALITY_REVIEW_STATUSES, command);
  requireScore(command.data.score, 0, 100);
  return [
    {
      type: 'QualityReviewed',
      data: { score: command.data.score, findings: command.data.findings, reviewedBy: command.actor.id, reviewedAt: command.at },
    },
  ];
}

function closeCase(command: C.CloseCase, state: FiledCase): CaseEvent[] {
  requireStatus(state, CLOSABLE_STATUSES, command);
  return [{ type: 'CaseClosed', data: { reason: command.data.reason, closedBy: command.actor.id, closedAt: command.at } }];
}

/**
 * The customer's email threads into the case: while the case waits on the customer it is the
 * information asked for; within the counter-reply window, a counter-reply (the case reopens); after
 * the window, or once the case is over, a note the customer is answered (call the service line or
 * file a new case citing the number); any other time, a note on the open case.
 */
function receiveCustomerEmail(calendar: DeadlineCalendar, command: C.ReceiveCustomerEmail, state: FiledCase): CaseEvent[] {
  const { messageId, subject, body, attachments, automatic } = command.data;
  const context = { actor: command.actor, at: command.at };
  const summary = emailSummary(subject, body);
  const noted = (disposition: CustomerEmailDisposition, counterReplyDeadline: string | null = null): CaseEvent => ({
    type: 'CustomerEmailReceived',
    data: { messageId, subject, body, attachments, disposition, counterReplyDeadline, receivedBy: command.actor.id, receivedAt: command.at },
  });
  if (state.status === 'awaiting_information') {
    return [...receiveInformation(calendar, { ...context, type: 'ReceiveInformation', data: { summary, channel: 'email' } }, state), noted('information')];
  }
  if (state.status === 'responded' && Date.parse(command.at) <= Date.parse(state.counterReplyDeadline)) {
    return [...receiveCounterReply({ ...context, type: 'ReceiveCounterReply', data: { summary, channel: 'email' } }, state), noted('counter_reply')];
  }
  const windowClosed = state.status === 'responded' || !OPEN_STATUSES.includes(state.status);
  if (windowClosed && state.lastCounterReplyDeadline && !automatic) return [noted('late', state.lastCounterReplyDeadline)];
  return [noted('noted')];
}

/** What InformationReceived / CounterReplyReceived say of an email: its subject and the start of its text. */
function emailSummary(subject: string, body: string): string {
  const text = `${subject.trim()}\n\n${body.trim()}`.trim();
  return text.length > EMAIL_SUMMARY_LENGTH ? `${text.slice(0, EMAIL_SUMMARY_LENGTH - 1)}…` : text;
}

function requireScore(score: number, min: number, max: number): void {
  if (!Number.isInteger(score) || score < min || score > max) throw CaseErrors.invalidScore(min, max);
}
