import { DomainError } from '../shared/domain-error';
import type { CaseStatus } from './case.state';

/** Stable error codes of the case aggregate; clients switch on `code`, never on the message. */
export const CaseErrors = {
  notFound: () => new DomainError('CASE.NOT_FOUND', 'The case does not exist', 'not_found'),
  alreadyFiled: () => new DomainError('CASE.ALREADY_FILED', 'The case was already filed', 'conflict'),
  wrongStatus: (command: string, status: CaseStatus) =>
    new DomainError('CASE.WRONG_STATUS', `${command} is not allowed while the case is ${status}`, 'conflict', { status }),
  notAssignee: () =>
    new DomainError('CASE.NOT_ASSIGNEE', 'Only the backoffice agent the case is assigned to may do this', 'forbidden'),
  alreadyAssignedTo: (backofficeId: string) =>
    new DomainError('CASE.ALREADY_ASSIGNED', `The case is already assigned to ${backofficeId}`, 'conflict'),
  firstLineNotAllowed: (kind: string) =>
    new DomainError('CASE.FIRST_LINE_NOT_ALLOWED', `A ${kind} cannot be resolved at first line; file it instead`, 'rule'),
  reasonRequired: () =>
    new DomainError('CASE.REASON_REQUIRED', 'A typification found inconsistent must say why', 'rule'),
  counterReplyWindowClosed: (deadline: string) =>
    new DomainError(
      'CASE.COUNTER_REPLY_WINDOW_CLOSED',
      `The counter-reply window closed at ${deadline}; the customer must call the service line or file a new case`,
      'rule',
      { counterReplyDeadline: deadline },
    ),
  notReturnedToActor: (agentId: string) =>
    new DomainError('CASE.NOT_RETURNED_TO_ACTOR', `The case was returned to ${agentId}: only they or a supervisor may re-typify it`, 'forbidden', { returnedTo: agentId }),
  closedNotReopened: (filingNumber: string) =>
    new DomainError(
      'CASE.CLOSED_NOT_REOPENED',
      `The case is closed and is not reopened; file a new case citing ${filingNumber} as relatedFilingNumber`,
      'conflict',
      { filingNumber },
    ),
  openCaseExists: (filingNumber: string, caseId: string) =>
    new DomainError(
      'CASE.OPEN_CASE_EXISTS',
      `The petitioner already has the open case ${filingNumber} of this typology: work on it, or say the new contact is a distinct matter (distinctMatter: true)`,
      'conflict',
      { filingNumber, caseId },
    ),
  relatedNotFound: (relatedFilingNumber: string) =>
    new DomainError('CASE.RELATED_NOT_FOUND', `No case was filed with the number ${relatedFilingNumber}`, 'rule', { relatedFilingNumber }),
  responseAlreadyFinal: () =>
    new DomainError('CASE.RESPONSE_ALREADY_FINAL', 'The case was already answered as resolved', 'conflict'),
  deadlinePassed: (dueAt: string) =>
    new DomainError('CASE.DEADLINE_PASSED', `An extension must be notified before the deadline (${dueAt})`, 'rule', { dueAt }),
  extensionTooLong: (maxBusinessDays: number) =>
    new DomainError(
      'CASE.EXTENSION_TOO_LONG',
      `Extensions may add at most the original term again: ${maxBusinessDays} more business day(s) at most`,
      'rule',
      { maxBusinessDays },
    ),
  surveyAlreadyAnswered: () =>
    new DomainError('CASE.SURVEY_ALREADY_ANSWERED', 'The satisfaction survey was already answered', 'conflict'),
  invalidScore: (min: number, max: number) =>
    new DomainError('CASE.INVALID_SCORE', `The score must be an integer from ${min} to ${max}`, 'rule'),
  notDueYet: (dueAt: string) => new DomainError('CASE.NOT_DUE_YET', `Nothing is due before ${dueAt}`, 'rule', { dueAt }),
  deadlineMet: (dueAt: string, metAt: string) =>
    new DomainError('CASE.DEADLINE_MET', `The deadline ${dueAt} was met at ${metAt}`, 'conflict', { dueAt, metAt }),
  slaFactAlreadyRecorded: (fact: string, dueAt: string) =>
    new DomainError('CASE.SLA_FACT_ALREADY_RECORDED', `${fact} was already recorded (due ${dueAt})`, 'conflict', { dueAt }),
  timerStale: (expected: string, actual: string | null) =>
    new DomainError('CASE.TIMER_STALE', `The timer was set for ${expected}; the case now stands at ${actual ?? 'nothing'}`, 'conflict', { expected, actual }),
  emailAlreadyDelivered: (sourceEventId: string) =>
    new DomainError('CASE.EMAIL_ALREADY_DELIVERED', `The message for event ${sourceEventId} was already delivered`, 'conflict', { sourceEventId }),
  urgencyReasonRequired: () =>
    new DomainError(
      'CASE.URGENCY_REASON_REQUIRED',
      'An urgent case needs its reason: legal (art. 20: risk_to_life, risk_to_safety, fundamental_right) or company (platform_down, billing_stopped, announced_special_process)',
      'rule',
    ),
  typificationIncomplete: () =>
    new DomainError(
      'CASE.TYPIFICATION_INCOMPLETE',
      'A filing is typified with both typology and motive, or with neither (a web filing an agent typifies later); a resolution at first line needs them',
      'rule',
    ),
  consentRequired: () =>
    new DomainError(
      'CASE.CONSENT_REQUIRED',
      "A case is filed only with the petitioner's consent to the processing of their personal data (Ley 1581 de 2012): record when, through which channel and under which policy version it was given",
      'rule',
    ),
  otherPetitioner: () =>
    new DomainError('CASE.OTHER_PETITIONER', 'The case was filed by another petitioner', 'rule'),
  petitionerAlreadyErased: () =>
    new DomainError('CASE.PETITIONER_ALREADY_ERASED', "The petitioner's personal data was already erased", 'conflict'),
  informationPeriodAlreadyExtended: () =>
    new DomainError('CASE.INFORMATION_PERIOD_ALREADY_EXTENDED', 'The petitioner already had one more month to complete the information (art. 17 allows it once)', 'rule'),
  informationPeriodEnded: (tacitWithdrawalAt: string) =>
    new DomainError(
      'CASE.INFORMATION_PERIOD_ENDED',
      `The period to complete the information ended at ${tacitWithdrawalAt}: it can no longer be extended`,
      'rule',
      { tacitWithdrawalAt },
    ),
  noteEmpty: () => new DomainError('CASE.NOTE_EMPTY', 'An internal note says something: its text is blank', 'rule'),
  decisionReasonRequired: (decision: string) =>
    new DomainError('CASE.DECISION_REASON_REQUIRED', `A ${decision} decision states its reason (decisionReason)`, 'rule', { decision }),
  notPositive: (field: string) => new DomainError('CASE.INVALID_VALUE', `${field} must be a positive integer`, 'rule'),
};
