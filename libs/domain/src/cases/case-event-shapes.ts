import type { CaseEvent, CaseEventType } from './case.events';

/**
 * What a field of an event's data must hold. Deliberately coarse (JSON types, not formats or enums):
 * it catches data that is missing or of the wrong kind (a hand-edited or half-written event), which
 * projections would otherwise fold into `undefined`s silently, and costs a few `typeof` per field.
 */
export type FieldCheck = 'text' | 'textOrNull' | 'number' | 'boolean' | 'object' | 'objectOrNull' | 'list';

type ShapeOf<E extends CaseEvent> = { readonly [K in keyof E['data']]-?: FieldCheck };
type CaseEventShapes = { readonly [T in CaseEventType]: ShapeOf<Extract<CaseEvent, { type: T }>> };

const EMAIL_REF = { sourceEventId: 'text', sourceEventType: 'text', messageId: 'text', attempt: 'number', addressee: 'text' } as const;

/** Every field of today's schema of each case event type (the compiler keeps this list complete). */
export const CASE_EVENT_SHAPES: CaseEventShapes = {
  CaseFiled: {
    caseId: 'text', filingNumber: 'text', verificationCode: 'text', kind: 'text', channel: 'text', subject: 'text', facts: 'text', request: 'text',
    attachments: 'list', relatedFilingNumber: 'textOrNull', filedBy: 'text', filedAt: 'text', legalTermDays: 'number', dueAt: 'text',
    petitionerId: 'textOrNull', petitionerEmailId: 'textOrNull', petitioner: 'object', consent: 'objectOrNull',
  },
  CaseTypified: { kind: 'text', typology: 'text', motive: 'text', typifiedBy: 'text', legalTermDays: 'number', dueAt: 'text', distinctMatter: 'boolean' },
  CaseResolvedAtFirstLine: { resolution: 'text', resolvedBy: 'text', resolvedAt: 'text' },
  CaseAssigned: { backofficeId: 'text', previousBackofficeId: 'textOrNull', assignedBy: 'text', assignedAt: 'text' },
  TypificationConfirmed: { confirmedBy: 'text', confirmedAt: 'text' },
  CaseReturnedToAgent: { agentId: 'text', reason: 'text', returnedBy: 'text', returnedAt: 'text' },
  InformationRequested: {
    message: 'text', requestedBy: 'text', requestedAt: 'text', remainingBusinessDays: 'number', suspendsLegalTerm: 'boolean', tacitWithdrawalAt: 'textOrNull',
    customerSilenceDueAt: 'textOrNull',
  },
  InformationPeriodExtended: {
    channel: 'text', informationRequestedAt: 'text', previousTacitWithdrawalAt: 'text', tacitWithdrawalAt: 'text', extendedBy: 'text', extendedAt: 'text',
  },
  InformationReceived: { summary: 'text', channel: 'text', receivedBy: 'text', receivedAt: 'text', dueAt: 'text' },
  ResponseSent: { body: 'text', outcome: 'text', decision: 'textOrNull', decisionReason: 'textOrNull', respondedBy: 'text', respondedAt: 'text', counterReplyDeadline: 'text' },
  InternalNoteAdded: { text: 'text', writtenBy: 'text', writtenAt: 'text' },
  CounterReplyReceived: { summary: 'text', channel: 'text', receivedBy: 'text', receivedAt: 'text', reopenedFor: 'text' },
  DeadlineExtended: { businessDays: 'number', reason: 'text', previousDueAt: 'text', dueAt: 'text', extendedBy: 'text', extendedAt: 'text' },
  CaseTransferred: { entity: 'text', entityEmail: 'textOrNull', reason: 'text', toldAtOnce: 'boolean', transferredBy: 'text', transferredAt: 'text' },
  SatisfactionSurveyAnswered: { score: 'number', comment: 'textOrNull', via: 'text', recordedBy: 'text', answeredAt: 'text' },
  QualityReviewed: { score: 'number', findings: 'text', reviewedBy: 'text', reviewedAt: 'text' },
  CaseClosed: { reason: 'text', closedBy: 'text', closedAt: 'text' },
  FirstResponseOverdue: { dueAt: 'text', detectedBy: 'text', detectedAt: 'text' },
  ResolutionOverdue: { dueAt: 'text', detectedBy: 'text', detectedAt: 'text' },
  CaseWithdrawn: { reason: 'text', informationRequestedAt: 'text', dueAt: 'text', withdrawnBy: 'text', withdrawnAt: 'text' },
  EmailDelivered: { ...EMAIL_REF, deliveredBy: 'text', deliveredAt: 'text' },
  EmailDeliveryFailed: { ...EMAIL_REF, error: 'text', nextAttemptAt: 'text', failedBy: 'text', failedAt: 'text' },
  CustomerEmailReceived: {
    messageId: 'textOrNull', subject: 'text', body: 'text', attachments: 'list', disposition: 'text', counterReplyDeadline: 'textOrNull',
    receivedBy: 'text', receivedAt: 'text',
  },
  PetitionerDataErased: { petitionerId: 'text', withdrawnMessages: 'list', erasedBy: 'text', erasedAt: 'text' },
  CasePriorityChanged: { priority: 'text', reason: 'objectOrNull', changedBy: 'text', changedAt: 'text' },
};

/** The shapes as arrays, walked for every event a projector reads. */
const COMPILED = new Map<string, ReadonlyArray<readonly [string, FieldCheck]>>(
  Object.entries(CASE_EVENT_SHAPES).map(([type, shape]) => [type, Object.entries(shape) as [string, FieldCheck][]]),
);

function holds(check: FieldCheck, value: unknown): boolean {
  switch (check) {
    case 'text':
      return typeof value === 'string';
    case 'textOrNull':
      return value === null || typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'objectOrNull':
      return value === null || (typeof value === 'object' && !Array.isArray(value));
    case 'list':
      return Array.isArray(value);
  }
}

const EXPECTED: Record<FieldCheck, string> = {
  text: 'a string',
  textOrNull: 'a string or null',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  objectOrNull: 'an object or null',
  list: 'an array',
};

/** What is wrong with a case event's data (upcast to today's schema): the first field that breaks its shape; undefined when none. */
export function caseEventShapeViolation(type: CaseEventType, data: unknown): { field: string; problem: string } | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { field: 'data', problem: 'must be an object' };
  const fields = COMPILED.get(type);
  if (!fields) return { field: 'type', problem: `unknown case event type ${type}` };
  for (const [field, check] of fields) {
    const value = (data as Record<string, unknown>)[field];
    if (!holds(check, value)) return { field, problem: value === undefined ? `is missing (${EXPECTED[check]})` : `must be ${EXPECTED[check]}` };
  }
  return undefined;
}
