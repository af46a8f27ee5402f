import type { CaseCommandType } from './case.commands';
import { CaseErrors } from './case.errors';
import type { DomainError, DomainErrorKind } from '../shared/domain-error';

export type CaseErrorName = keyof typeof CaseErrors;

/**
 * Every error the case decider can raise for each command, by its `CaseErrors` name: the one list
 * the HTTP layer documents each command route's error answers from. The decider specs check that
 * every failure they assert is listed here for its command.
 */
export const CASE_COMMAND_ERRORS: { readonly [Type in CaseCommandType]: readonly CaseErrorName[] } = {
  FileCase: ['alreadyFiled', 'consentRequired', 'typificationIncomplete', 'firstLineNotAllowed', 'urgencyReasonRequired'],
  AssignCase: ['notFound', 'wrongStatus', 'alreadyAssignedTo'],
  ReviewTypification: ['notFound', 'wrongStatus', 'notAssignee', 'reasonRequired'],
  RetypifyCase: ['notFound', 'wrongStatus', 'notReturnedToActor'],
  RequestInformation: ['notFound', 'wrongStatus', 'notAssignee'],
  ExtendInformationPeriod: ['notFound', 'wrongStatus', 'informationPeriodAlreadyExtended', 'informationPeriodEnded'],
  ReceiveInformation: ['notFound', 'wrongStatus', 'notAssignee'],
  SendResponse: ['notFound', 'wrongStatus', 'responseAlreadyFinal', 'notAssignee', 'decisionReasonRequired'],
  AddInternalNote: ['notFound', 'noteEmpty'],
  ReceiveCounterReply: ['notFound', 'closedNotReopened', 'wrongStatus', 'counterReplyWindowClosed'],
  ExtendDeadline: ['notFound', 'wrongStatus', 'notAssignee', 'notPositive', 'deadlinePassed', 'extensionTooLong'],
  TransferCase: ['notFound', 'wrongStatus'],
  AnswerSurvey: ['notFound', 'wrongStatus', 'surveyAlreadyAnswered', 'invalidScore'],
  ReviewQuality: ['notFound', 'wrongStatus', 'invalidScore'],
  CloseCase: ['notFound', 'wrongStatus'],
  RecordFirstResponseOverdue: ['notFound', 'wrongStatus', 'slaFactAlreadyRecorded', 'notDueYet', 'deadlineMet'],
  RecordResolutionOverdue: ['notFound', 'wrongStatus', 'slaFactAlreadyRecorded', 'notDueYet', 'deadlineMet'],
  CloseCaseAutomatically: ['notFound', 'wrongStatus', 'timerStale', 'notDueYet'],
  WithdrawCase: ['notFound', 'wrongStatus', 'timerStale', 'notDueYet'],
  RecordEmailDelivered: ['notFound', 'emailAlreadyDelivered', 'notPositive'],
  RecordEmailDeliveryFailed: ['notFound', 'emailAlreadyDelivered', 'notPositive'],
  ReceiveCustomerEmail: ['notFound', 'notAssignee'],
  ErasePetitionerData: ['notFound', 'otherPetitioner', 'petitionerAlreadyErased'],
  ChangePriority: ['notFound', 'wrongStatus', 'urgencyReasonRequired'],
};

/** One case error as a client sees it: its stable code, its kind (the HTTP status) and its message, with `…` for the figures. */
export interface CaseErrorSample {
  code: string;
  kind: DomainErrorKind;
  message: string;
}

export function caseErrorSample(name: CaseErrorName): CaseErrorSample {
  const factory = CaseErrors[name] as (...figures: string[]) => DomainError;
  const error = factory(...Array.from({ length: factory.length }, () => '…'));
  return { code: error.code, kind: error.kind, message: error.message };
}

/** The codes a command can fail with. */
export function caseCommandErrorCodes(type: CaseCommandType): string[] {
  return CASE_COMMAND_ERRORS[type].map((name) => caseErrorSample(name).code);
}
