import type { Channel, ResponseOutcome } from './case-kind';
import type { Typification } from './case.events';
import type { CasePriority } from './case-priority';

/** What the SLA facts of a case need from its history (the deadlines themselves depend on configuration). */
export interface CaseSlaFacts {
  /** The first response (or a resolution at first line); never reset. */
  firstRespondedAt: string | null;
  /** The resolved response; a counter-reply that reopens the case resets it. */
  resolvedAt: string | null;
  /** The due instant of the recorded FirstResponseOverdue, if any. */
  firstResponseOverdue: string | null;
  /** The due instant of the recorded ResolutionOverdue, if any. */
  resolutionOverdue: string | null;
}

export const NO_SLA_FACTS: CaseSlaFacts = { firstRespondedAt: null, resolvedAt: null, firstResponseOverdue: null, resolutionOverdue: null };

/** What every filed case knows, whatever its status. */
export interface CaseFacts {
  caseId: string;
  filingNumber: string;
  filedAt: string;
  filedBy: string;
  /** The filing channel (a verbal petition is told of a transfer at once). */
  channel: Channel;
  typification: Typification;
  /** The agent who typified last: a returned case goes back to them. */
  typifiedBy: string;
  legalTermDays: number;
  dueAt: string;
  extendedBusinessDays: number;
  assigneeId: string | null;
  surveyAnswered: boolean;
  sla: CaseSlaFacts;
  /** The source events whose customer message was delivered (EmailDelivered.sourceEventId). */
  emailsDelivered: readonly string[];
  /** The counter-reply deadline of the last response, kept after the case closes (a late email is told when it was). */
  lastCounterReplyDeadline: string | null;
  /** Pseudonymous id of the petitioner (null for filings before schema version 2). */
  petitionerId: string | null;
  /** PetitionerDataErased was recorded. */
  petitionerErased: boolean;
  /** The last CasePriorityChanged's priority; normal when none. */
  priority: CasePriority;
}

type Assigned = { assigneeId: string };

/** The fields only a case in one status has, by status. */
export type ReturnedFields = { returnedTo: string; returnReason: string };
export type AwaitingInformationFields = {
  remainingBusinessDays: number;
  informationRequestedAt: string;
  /** Art. 17: the request suspended the legal term (made within 10 business days of filing, before it expired). */
  legalTermSuspended: boolean;
  /** The end of the art. 17 date, as extended; null for a v1 request (the SLA timers compute it as before). */
  tacitWithdrawalAt: string | null;
  /** The company's silence rule (outside Ley 1755 only); null when the law alone governs. */
  customerSilenceDueAt: string | null;
  /** The petitioner's extra month (art. 17) was granted. */
  informationPeriodExtended: boolean;
};
export type RespondedFields = { outcome: ResponseOutcome; counterReplyDeadline: string };
export type ClosedFields = { closeReason: string };

export type CaseState =
  | { status: 'none' }
  /** Filed on the web by the customer, without a typification: an agent typifies it (the legal term runs from the filing). */
  | (CaseFacts & { status: 'to_typify' })
  | (CaseFacts & { status: 'filed' })
  | (CaseFacts & Assigned & { status: 'assigned' })
  | (CaseFacts & Assigned & { status: 'returned' } & ReturnedFields)
  | (CaseFacts & Assigned & { status: 'in_progress' })
  | (CaseFacts & Assigned & { status: 'awaiting_information' } & AwaitingInformationFields)
  | (CaseFacts & Assigned & { status: 'responded' } & RespondedFields)
  | (CaseFacts & { status: 'resolved_first_line' })
  | (CaseFacts & { status: 'transferred' })
  | (CaseFacts & { status: 'closed' } & ClosedFields)
  | (CaseFacts & { status: 'withdrawn' });

export type CaseStatus = CaseState['status'];
export type FiledCase = Exclude<CaseState, { status: 'none' }>;

export const CASE_STATUSES: readonly CaseStatus[] = [
  'none',
  'to_typify',
  'filed',
  'assigned',
  'returned',
  'in_progress',
  'awaiting_information',
  'responded',
  'resolved_first_line',
  'transferred',
  'closed',
  'withdrawn',
];

/** Statuses in which the case still waits on the company or the customer. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'to_typify',
  'filed',
  'assigned',
  'returned',
  'in_progress',
  'awaiting_information',
  'responded',
];
