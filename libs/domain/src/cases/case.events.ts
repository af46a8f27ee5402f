import type { CaseKind, Channel, DocumentType, ResponseOutcome } from './case-kind';

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
    petitioner: Petitioner;
  };
};

export type CaseTypified = {
  type: 'CaseTypified';
  data: Typification & { typifiedBy: string; legalTermDays: number; dueAt: string };
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

export type InformationRequested = {
  type: 'InformationRequested';
  data: { message: string; requestedBy: string; requestedAt: string; remainingBusinessDays: number };
};

export type InformationReceived = {
  type: 'InformationReceived';
  data: { summary: string; channel: Channel; receivedBy: string; receivedAt: string; dueAt: string };
};

export type ResponseSent = {
  type: 'ResponseSent';
  data: { body: string; outcome: ResponseOutcome; respondedBy: string; respondedAt: string; counterReplyDeadline: string };
};

export type CounterReplyReceived = {
  type: 'CounterReplyReceived';
  data: { summary: string; channel: Channel; receivedBy: string; receivedAt: string; reopenedFor: string };
};

export type DeadlineExtended = {
  type: 'DeadlineExtended';
  data: { businessDays: number; reason: string; previousDueAt: string; dueAt: string; extendedBy: string; extendedAt: string };
};

export type CaseTransferred = {
  type: 'CaseTransferred';
  data: { entity: string; reason: string; transferredBy: string; transferredAt: string };
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

export type CaseEvent =
  | CaseFiled
  | CaseTypified
  | CaseResolvedAtFirstLine
  | CaseAssigned
  | TypificationConfirmed
  | CaseReturnedToAgent
  | InformationRequested
  | InformationReceived
  | ResponseSent
  | CounterReplyReceived
  | DeadlineExtended
  | CaseTransferred
  | SatisfactionSurveyAnswered
  | QualityReviewed
  | CaseClosed;

export type CaseEventType = CaseEvent['type'];

/** The schema version each event type is written with today. Bump with an upcaster, never in place. */
export const CASE_EVENT_SCHEMA_VERSIONS: Record<CaseEventType, number> = {
  CaseFiled: 1,
  CaseTypified: 1,
  CaseResolvedAtFirstLine: 1,
  CaseAssigned: 1,
  TypificationConfirmed: 1,
  CaseReturnedToAgent: 1,
  InformationRequested: 1,
  InformationReceived: 1,
  ResponseSent: 1,
  CounterReplyReceived: 1,
  DeadlineExtended: 1,
  CaseTransferred: 1,
  SatisfactionSurveyAnswered: 1,
  QualityReviewed: 1,
  CaseClosed: 1,
};

export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSIONS) as CaseEventType[];

export function caseStreamId(caseId: string): string {
  return `case-${caseId}`;
}
