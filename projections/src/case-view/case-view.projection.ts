import { createHash } from 'node:crypto';
import { CASE_EVENT_TYPES, CaseState, Consent, erasedPetitioner, evolveCase } from '@app/domain';
import type { Doc, Projection, ProjectionEvent } from '../projection';

export const CASES_COLLECTION = 'cases';

/** The case as it stands, for `GET /cases/:id` and `GET /cases?filingNumber=`. */
export interface CaseView {
  caseId: string;
  filingNumber: string;
  status: CaseState['status'];
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
  lastResponse: { outcome: string; respondedAt: string; respondedBy: string } | null;
  counterReplyDeadline: string | null;
  firstLineResolution: string | null;
  transfer: { entity: string; reason: string } | null;
  closeReason: string | null;
  /** The due instants of the FirstResponseOverdue / ResolutionOverdue facts the SLA process recorded. */
  overdue: { firstResponse: string | null; resolution: string | null };
  /** Tacit withdrawal (art. 17), when it happened. */
  withdrawnAt: string | null;
  survey: { score: number; comment: string | null } | null;
  qualityReviews: number;
  revision: number;
  updatedAt: string;
  /** The decider's state, kept so that status rules live in one place (the domain). */
  state: CaseState;
  /** SHA-256 of the customer's verification code; never returned by the API. */
  verificationCodeHash: string;
}

export function hashVerificationCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}

export const caseViewProjection: Projection<'case'> = {
  name: 'case-view',
  version: 3,
  collections: [{ name: CASES_COLLECTION, indexes: [{ fields: ['filingNumber'], unique: true }, { fields: ['petitionerId'] }] }],
  handles: CASE_EVENT_TYPES,
  keysOf: (event) => ({ case: { collection: CASES_COLLECTION, id: caseIdOf(event) } }),
  evolve: ({ case: doc }, event) => {
    const view = evolveView(doc as CaseView | null, event);
    return view ? { case: view as unknown as Doc } : {};
  },
};

/** Every case event but CaseFiled lacks a caseId in its data: it is the stream's id. */
export function caseIdOf(event: { streamId: string }): string {
  const { streamId } = event;
  return streamId.startsWith('case-') ? streamId.slice(5) : streamId;
}

function evolveView(view: CaseView | null, event: ProjectionEvent): CaseView | null {
  if (event.type === 'CaseFiled') return filedView(event);
  if (!view) return null;
  const state = evolveCase(view.state, event);
  // A filed case never folds back to 'none'. Named keys, not a second spread: see evolveCase.
  if (state.status === 'none') return view;
  const next: CaseView = {
    ...view,
    state,
    status: state.status,
    revision: event.revision,
    updatedAt: event.metadata.occurredAt,
    assigneeId: state.assigneeId,
    dueAt: state.dueAt,
    extendedBusinessDays: state.extendedBusinessDays,
    legalTermDays: state.legalTermDays,
    typifiedBy: state.typifiedBy,
    kind: state.typification.kind,
    typology: state.typification.typology,
    motive: state.typification.motive,
    overdue: { firstResponse: state.sla.firstResponseOverdue, resolution: state.sla.resolutionOverdue },
  };
  switch (event.type) {
    case 'CaseReturnedToAgent':
      return { ...next, returnedTo: event.data.agentId, returnReason: event.data.reason };
    case 'CaseTypified':
      return { ...next, returnedTo: null, returnReason: null };
    case 'InformationRequested':
      return { ...next, informationRequested: event.data.message };
    case 'InformationReceived':
      return { ...next, informationRequested: null };
    case 'ResponseSent': {
      const { outcome, respondedAt, respondedBy, counterReplyDeadline } = event.data;
      return { ...next, lastResponse: { outcome, respondedAt, respondedBy }, counterReplyDeadline };
    }
    case 'CaseResolvedAtFirstLine':
      return { ...next, firstLineResolution: event.data.resolution };
    case 'CaseTransferred':
      return { ...next, transfer: { entity: event.data.entity, reason: event.data.reason } };
    case 'CaseClosed':
      return { ...next, closeReason: event.data.reason };
    case 'CaseWithdrawn':
      return { ...next, closeReason: event.data.reason, withdrawnAt: event.data.withdrawnAt };
    case 'SatisfactionSurveyAnswered':
      return { ...next, survey: { score: event.data.score, comment: event.data.comment } };
    case 'QualityReviewed':
      return { ...next, qualityReviews: view.qualityReviews + 1 };
    case 'PetitionerDataErased':
      // The same marker a replay reads from CaseFiled once the key is gone: live and rebuilt views agree.
      return { ...next, petitioner: { ...erasedPetitioner() } };
    default:
      return next;
  }
}

function filedView(event: Extract<ProjectionEvent, { type: 'CaseFiled' }>): CaseView {
  const d = event.data;
  const state = evolveCase({ status: 'none' }, event);
  return {
    caseId: d.caseId,
    filingNumber: d.filingNumber,
    status: state.status,
    kind: d.kind,
    typology: '',
    motive: '',
    channel: d.channel,
    subject: d.subject,
    facts: d.facts,
    request: d.request,
    attachments: d.attachments,
    relatedFilingNumber: d.relatedFilingNumber,
    petitionerId: d.petitionerId,
    petitioner: { ...d.petitioner },
    consent: d.consent ? { ...d.consent } : null,
    filedBy: d.filedBy,
    filedAt: d.filedAt,
    typifiedBy: d.filedBy,
    assigneeId: null,
    legalTermDays: d.legalTermDays,
    dueAt: d.dueAt,
    extendedBusinessDays: 0,
    returnedTo: null,
    returnReason: null,
    informationRequested: null,
    lastResponse: null,
    counterReplyDeadline: null,
    firstLineResolution: null,
    transfer: null,
    closeReason: null,
    overdue: { firstResponse: null, resolution: null },
    withdrawnAt: null,
    survey: null,
    qualityReviews: 0,
    revision: event.revision,
    updatedAt: event.metadata.occurredAt,
    state,
    verificationCodeHash: hashVerificationCode(d.verificationCode),
  };
}
