import type { CasePriority, Consent, FiledCase, PriorityReason, ResponseOutcome } from '@app/domain';

/** The case as it stands, for `GET /cases/:id` and `GET /cases?filingNumber=`. */
export interface CaseView {
  caseId: string;
  filingNumber: string;
  status: FiledCase['status'];
  kind: string;
  typology: string;
  motive: string;
  channel: string;
  subject: string;
  facts: string;
  request: string;
  attachments: unknown[];
  relatedFilingNumber: string | null;
  /** Pseudonymous (HMAC of the document): what an admin erases by (`POST /petitioners/:id/erasure`); null before schema v2. */
  petitionerId: string | null;
  /** `[erased]` in every field once the petitioner's data was erased. */
  petitioner: Record<string, unknown>;
  /** The consent recorded with the filing; null for filings before it was recorded. */
  consent: Consent | null;
  filedBy: string;
  filedAt: string;
  typifiedBy: string;
  assigneeId: string | null;
  legalTermDays: number;
  dueAt: string;
  extendedBusinessDays: number;
  returnedTo: string | null;
  returnReason: string | null;
  informationRequested: string | null;
  lastResponse: { outcome: ResponseOutcome; respondedAt: string; respondedBy: string } | null;
  /** The counter-reply deadline of the last response, kept after the case closes. */
  counterReplyDeadline: string | null;
  firstLineResolution: string | null;
  /** Art. 21: where the petition went (`entityEmail`: the outbox sent it there; null for transfers before it was recorded) and whether the petitioner, who petitioned by voice, was told at once. */
  transfer: { entity: string; entityEmail: string | null; reason: string; toldAtOnce: boolean; transferredAt: string } | null;
  closeReason: string | null;
  /** The due instants of the FirstResponseOverdue / ResolutionOverdue facts the SLA process recorded. */
  overdue: { firstResponse: string | null; resolution: string | null };
  /** Tacit withdrawal (art. 17), when it happened. */
  withdrawnAt: string | null;
  survey: { score: number; comment: string | null } | null;
  qualityReviews: number;
  /** Urgent cases go first in every queue; absent in views stored before issue 28 (normal). */
  priority?: CasePriority;
  /** Why the case is urgent (null when normal). */
  urgencyReason?: PriorityReason | null;
  revision: number;
  updatedAt: string;
  /** What `GET /cases` filters and sorts on (ADR 42): never returned by the API. */
  search: CaseSearchKeys;
  /** What the decider's state holds beyond the fields above: never returned by the API. */
  internal: CaseViewInternals;
  /** SHA-256 of the customer's verification code; never returned by the API. */
  verificationCodeHash: string;
}

/**
 * The case view's search fields, indexed (ADR 42): numbers where the API's own strings would not
 * order (instants with and without milliseconds), keyed hashes where the clear value must not be a key.
 */
export interface CaseSearchKeys {
  /** Keyed hash of the petitioner's email (CaseFiled v3); null before it, and once the petitioner's data was erased. */
  petitionerEmailId: string | null;
  /** 1 while the case is open (OPEN_STATUSES), else 0: a number, so that it sorts and pages ("open first"). */
  open: 0 | 1;
  filedMs: number;
  dueMs: number;
}

/**
 * The decider's facts about the case that the view's own fields do not show, kept so that the next
 * event is evolved from the state folded back from the view (`stateOfView`, ADR 20): the status
 * rules live in the domain only, and the view does not store a second copy of the state.
 */
export interface CaseViewInternals {
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  /** The source events whose customer message was delivered. */
  emailsDelivered: readonly string[];
  petitionerErased: boolean;
  /** While awaiting information only (null otherwise): when it was asked for, and the business days then left. */
  informationRequestedAt: string | null;
  remainingBusinessDays: number | null;
  /** While awaiting information only (null otherwise, and absent in views stored before issue 22): what the request recorded. */
  legalTermSuspended?: boolean | null;
  tacitWithdrawalAt?: string | null;
  customerSilenceDueAt?: string | null;
  informationPeriodExtended?: boolean | null;
}
