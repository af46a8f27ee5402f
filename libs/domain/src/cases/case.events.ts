import type { CaseKind, Channel, DocumentType, ResponseDecision, ResponseOutcome } from './case-kind';
import type { CasePriority, PriorityReason } from './case-priority';

/**
 * The petitioner's personal data (Ley 1581 de 2012). It lives ONLY here, in `CaseFiled.data.petitioner`,
 * so that it can be encrypted per petitioner and erased without touching any other event.
 */
export interface Petitioner {
  fullName: string;
  documentType: DocumentType;
  documentNumber: string;
  email: string;
  phone?: string;
  address?: string;
  company?: string;
}

/**
 * The petitioner's consent to the processing of their personal data (Ley 1581 de 2012, art. 9):
 * when it was given, through which channel, and which version of the company's data policy it accepted.
 */
export interface Consent {
  givenAt: string;
  channel: Channel;
  policyVersion: string;
}

export interface Typification {
  kind: CaseKind;
  typology: string;
  motive: string;
}

export interface AttachmentRef {
  name: string;
  contentType: string;
  size: number;
}

export type CaseFiled = {
  type: 'CaseFiled';
  data: {
    caseId: string;
    filingNumber: string;
    verificationCode: string;
    kind: CaseKind;
    channel: Channel;
    subject: string;
    facts: string;
    request: string;
    attachments: AttachmentRef[];
    relatedFilingNumber: string | null;
    filedBy: string;
    filedAt: string;
    legalTermDays: number;
    dueAt: string;
    /**
     * Pseudonymous and stable per person (an HMAC of document type and number, computed outside the
     * core): every case of one petitioner shares it, and so does the key their data is encrypted with.
     * Null for cases filed before schema version 2.
     */
    petitionerId: string | null;
    /**
     * Schema v3 (issue 28): a keyed hash of the petitioner's email (lowercased, trimmed), computed
     * outside the core like `petitionerId`: what `GET /cases?petitionerEmail=` matches on. Null for
     * earlier filings.
     */
    petitionerEmailId: string | null;
    petitioner: Petitioner;
    /** Null: filed before consent was recorded (schema version 1). */
    consent: Consent | null;
  };
};

export type CaseTypified = {
  type: 'CaseTypified';
  /**
   * v2 (issue 28): `distinctMatter`, the agent said the case is a matter apart from the petitioner's
   * open case of the same typology (one issue, one case); false for v1 typifications.
   */
  data: Typification & { typifiedBy: string; legalTermDays: number; dueAt: string; distinctMatter: boolean };
};

export type CaseResolvedAtFirstLine = {
  type: 'CaseResolvedAtFirstLine';
  data: { resolution: string; resolvedBy: string; resolvedAt: string };
};

export type CaseAssigned = {
  type: 'CaseAssigned';
  data: { backofficeId: string; previousBackofficeId: string | null; assignedBy: string; assignedAt: string };
};

export type TypificationConfirmed = {
  type: 'TypificationConfirmed';
  data: { confirmedBy: string; confirmedAt: string };
};

export type CaseReturnedToAgent = {
  type: 'CaseReturnedToAgent';
  data: { agentId: string; reason: string; returnedBy: string; returnedAt: string };
};

/**
 * v2 (issue 22): what the request did to the legal term and when the case closes without an answer.
 * `suspendsLegalTerm`: art. 17, only a request within 10 business days of filing, before the term
 * expired, suspends it. `tacitWithdrawalAt`: the end of the art. 17 date (one month, moved to a
 * business day); null for a v1 request (then computed as before). `customerSilenceDueAt`: the company's
 * silence rule, only for the kinds or typologies the company marks as outside Ley 1755; null otherwise.
 */
export type InformationRequested = {
  type: 'InformationRequested';
  data: {
    message: string;
    requestedBy: string;
    requestedAt: string;
    remainingBusinessDays: number;
    suspendsLegalTerm: boolean;
    tacitWithdrawalAt: string | null;
    customerSilenceDueAt: string | null;
  };
};

/** Art. 17: the petitioner asked (by `channel`) for one more month to complete the information; once per request. */
export type InformationPeriodExtended = {
  type: 'InformationPeriodExtended';
  data: {
    channel: Channel;
    informationRequestedAt: string;
    previousTacitWithdrawalAt: string;
    tacitWithdrawalAt: string;
    extendedBy: string;
    extendedAt: string;
  };
};

export type InformationReceived = {
  type: 'InformationReceived';
  data: { summary: string; channel: Channel; receivedBy: string; receivedAt: string; dueAt: string };
};

/**
 * v2 (issue 28): the decision on the petition and its reason. A v1 response recorded neither: both null
 * (not recorded), never guessed.
 */
export type ResponseSent = {
  type: 'ResponseSent';
  data: {
    body: string;
    outcome: ResponseOutcome;
    decision: ResponseDecision | null;
    decisionReason: string | null;
    respondedBy: string;
    respondedAt: string;
    counterReplyDeadline: string;
  };
};

/** A staff member's note on the case, for staff only: never shown to the customer, never emailed. */
export type InternalNoteAdded = {
  type: 'InternalNoteAdded';
  data: { text: string; writtenBy: string; writtenAt: string };
};

export type CounterReplyReceived = {
  type: 'CounterReplyReceived';
  data: { summary: string; channel: Channel; receivedBy: string; receivedAt: string; reopenedFor: string };
};

export type DeadlineExtended = {
  type: 'DeadlineExtended';
  data: { businessDays: number; reason: string; previousDueAt: string; dueAt: string; extendedBy: string; extendedAt: string };
};

/**
 * Ley 1755 de 2015, art. 21: the petition goes to the competent entity (the outbox sends it to
 * `entityEmail`, with a copy to the petitioner). `toldAtOnce`: the petition was verbal (phone, in
 * person), so the petitioner is told at once, by the staff member in contact with them (the transfer's
 * response carries the text to read). Schema v1 recorded neither: null address, not told at once.
 */
export type CaseTransferred = {
  type: 'CaseTransferred';
  data: { entity: string; entityEmail: string | null; reason: string; toldAtOnce: boolean; transferredBy: string; transferredAt: string };
};

export type SatisfactionSurveyAnswered = {
  type: 'SatisfactionSurveyAnswered';
  data: { score: number; comment: string | null; via: 'agent' | 'public'; recordedBy: string; answeredAt: string };
};

export type QualityReviewed = {
  type: 'QualityReviewed';
  data: { score: number; findings: string; reviewedBy: string; reviewedAt: string };
};

export type CaseClosed = {
  type: 'CaseClosed';
  data: { reason: string; closedBy: string; closedAt: string };
};

/** The SLA process manager found the first response not sent by its due instant (company target, capped by the resolution due). */
export type FirstResponseOverdue = {
  type: 'FirstResponseOverdue';
  data: { dueAt: string; detectedBy: string; detectedAt: string };
};

/** The SLA process manager found the case not resolved by its resolution due (company target capped by the legal deadline). */
export type ResolutionOverdue = {
  type: 'ResolutionOverdue';
  data: { dueAt: string; detectedBy: string; detectedAt: string };
};

/** Ley 1755 de 2015, art. 17: no answer to the information request by the end of its term (`dueAt`): the petition is tacitly withdrawn. */
export type CaseWithdrawn = {
  type: 'CaseWithdrawn';
  data: { reason: string; informationRequestedAt: string; dueAt: string; withdrawnBy: string; withdrawnAt: string };
};

/**
 * Who a message is addressed to: the petitioner (every customer message), or the competent entity
 * a transfer sends the petition to (art. 21). One message per (source event, addressee).
 */
export const EMAIL_ADDRESSEES = ['petitioner', 'entity'] as const;
export type EmailAddressee = (typeof EMAIL_ADDRESSEES)[number];

/** Which customer message a delivery attempt is about: the case event that asked for it. */
export interface EmailRef {
  /** The eventId of the case event the message announces (CaseFiled, ResponseSent, ...). */
  sourceEventId: string;
  sourceEventType: string;
  /** Stable per (case, source event): a resend after a crash carries the same id. */
  messageId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Schema v2; v1 attempts were all the petitioner's. */
  addressee: EmailAddressee;
}

/**
 * How `emailsDelivered` names a delivered message: the source event's id for the petitioner's
 * (as before schema v2), `<id>:entity` for the petition a transfer sent the competent entity.
 */
export function deliveredMessageKey({ sourceEventId, addressee }: Pick<EmailRef, 'sourceEventId' | 'addressee'>): string {
  return addressee === 'entity' ? `${sourceEventId}:entity` : sourceEventId;
}

/** The email outbox handed the customer's message to the mail transport. No address: it stays in CaseFiled. */
export type EmailDelivered = {
  type: 'EmailDelivered';
  data: EmailRef & { deliveredBy: string; deliveredAt: string };
};

/** One delivery attempt failed; the outbox tries again at `nextAttemptAt` (backoff). */
export type EmailDeliveryFailed = {
  type: 'EmailDeliveryFailed';
  data: EmailRef & { error: string; nextAttemptAt: string; failedBy: string; failedAt: string };
};

/** An attachment kept by the API: its content lies under DATA_DIR, named by `storageKey` (its SHA-256). */
export interface StoredAttachmentRef extends AttachmentRef {
  storageKey: string;
}

/** What the customer's email did to the case (issue 6, docs/domain.md lifecycle steps 5 and 7). */
export const CUSTOMER_EMAIL_DISPOSITIONS = ['information', 'counter_reply', 'late', 'noted'] as const;
export type CustomerEmailDisposition = (typeof CUSTOMER_EMAIL_DISPOSITIONS)[number];

/**
 * An email from the customer, threaded into the case: `information` (came with InformationReceived),
 * `counter_reply` (with CounterReplyReceived), `late` (after the counter-reply window: the customer is
 * answered to call the service line or file a new case), `noted` (kept on the case, nothing else).
 * No sender address: the case's address is in CaseFiled.
 */
export type CustomerEmailReceived = {
  type: 'CustomerEmailReceived';
  data: {
    messageId: string | null;
    subject: string;
    body: string;
    attachments: StoredAttachmentRef[];
    disposition: CustomerEmailDisposition;
    /** For `late`: the window that had closed. */
    counterReplyDeadline: string | null;
    receivedBy: string;
    receivedAt: string;
  };
};

/**
 * The petitioner asked for their personal data to be suppressed (Ley 1581 de 2012, art. 8 e, 15): the
 * key that encrypted it is destroyed, and each of their cases records this fact. The history still
 * replays: the petitioner's data reads as `[erased]` from then on. `withdrawnMessages`: the source
 * event ids of the customer messages of the case (the outbox forgets them, delivered or not).
 */
export type PetitionerDataErased = {
  type: 'PetitionerDataErased';
  data: { petitionerId: string; withdrawnMessages: string[]; erasedBy: string; erasedAt: string };
};

/**
 * The case was marked urgent (with its reason: art. 20, or the company's) or back to normal: at filing by
 * the agent (the filing's last event), later by a supervisor. Urgent cases go first in every queue and run
 * on the urgent service targets. `reason` is null for `normal`.
 */
export type CasePriorityChanged = {
  type: 'CasePriorityChanged';
  data: { priority: CasePriority; reason: PriorityReason | null; changedBy: string; changedAt: string };
};

export type CaseEvent =
  | CaseFiled
  | CaseTypified
  | CaseResolvedAtFirstLine
  | CaseAssigned
  | TypificationConfirmed
  | CaseReturnedToAgent
  | InformationRequested
  | InformationPeriodExtended
  | InformationReceived
  | ResponseSent
  | InternalNoteAdded
  | CounterReplyReceived
  | DeadlineExtended
  | CaseTransferred
  | SatisfactionSurveyAnswered
  | QualityReviewed
  | CaseClosed
  | FirstResponseOverdue
  | ResolutionOverdue
  | CaseWithdrawn
  | EmailDelivered
  | EmailDeliveryFailed
  | CustomerEmailReceived
  | PetitionerDataErased
  | CasePriorityChanged;

export type CaseEventType = CaseEvent['type'];

/** The schema version each event type is written with today. Bump with an upcaster, never in place. */
export const CASE_EVENT_SCHEMA_VERSIONS: Record<CaseEventType, number> = {
  CaseFiled: 3,
  CaseTypified: 2,
  CaseResolvedAtFirstLine: 1,
  CaseAssigned: 1,
  TypificationConfirmed: 1,
  CaseReturnedToAgent: 1,
  InformationRequested: 2,
  InformationPeriodExtended: 1,
  InformationReceived: 1,
  ResponseSent: 2,
  InternalNoteAdded: 1,
  CounterReplyReceived: 1,
  DeadlineExtended: 1,
  CaseTransferred: 2,
  SatisfactionSurveyAnswered: 1,
  QualityReviewed: 1,
  CaseClosed: 1,
  FirstResponseOverdue: 1,
  ResolutionOverdue: 1,
  CaseWithdrawn: 1,
  EmailDelivered: 2,
  EmailDeliveryFailed: 2,
  CustomerEmailReceived: 1,
  PetitionerDataErased: 1,
  CasePriorityChanged: 1,
};

export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSIONS) as CaseEventType[];

const CASE_STREAM_PREFIX = 'case-';

export function caseStreamId(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId}`;
}

/** The case id of a case's stream (the inverse of `caseStreamId`); any other stream id as it is. */
export function caseIdOfStream(streamId: string): string {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : streamId;
}
