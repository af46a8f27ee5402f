import type { ResponseOutcome } from './case-kind';
import type { Typification } from './case.events';

/** What every filed case knows, whatever its status. */
export interface CaseFacts {
  caseId: string;
  filingNumber: string;
  filedAt: string;
  filedBy: string;
  typification: Typification;
  /** The agent who typified last: a returned case goes back to them. */
  typifiedBy: string;
  legalTermDays: number;
  dueAt: string;
  extendedBusinessDays: number;
  assigneeId: string | null;
  surveyAnswered: boolean;
}

type Assigned = { assigneeId: string };

export type CaseState =
  | { status: 'none' }
  | (CaseFacts & { status: 'filed' })
  | (CaseFacts & Assigned & { status: 'assigned' })
  | (CaseFacts & Assigned & { status: 'returned'; returnedTo: string; returnReason: string })
  | (CaseFacts & Assigned & { status: 'in_progress' })
  | (CaseFacts & Assigned & { status: 'awaiting_information'; remainingBusinessDays: number })
  | (CaseFacts & Assigned & { status: 'responded'; outcome: ResponseOutcome; counterReplyDeadline: string })
  | (CaseFacts & { status: 'resolved_first_line' })
  | (CaseFacts & { status: 'transferred' })
  | (CaseFacts & { status: 'closed'; closeReason: string });

export type CaseStatus = CaseState['status'];
export type FiledCase = Exclude<CaseState, { status: 'none' }>;

export const CASE_STATUSES: readonly CaseStatus[] = [
  'none',
  'filed',
  'assigned',
  'returned',
  'in_progress',
  'awaiting_information',
  'responded',
  'resolved_first_line',
  'transferred',
  'closed',
];

/** Statuses in which the case still waits on the company or the customer. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'filed',
  'assigned',
  'returned',
  'in_progress',
  'awaiting_information',
  'responded',
];
