import { CASE_EVENT_TYPES, ERASED_MARK, erasedPetitioner, evolveCase, FiledCase, OPEN_STATUSES } from '@app/domain';
import { caseIdOf, opensCase } from '../case-keys';
import { defineProjection, ProjectionEvent } from '../projection';
import { hashVerificationCode } from '../verification-code';
import type { CaseSearchKeys, CaseView } from './case-view';
import { internalsOf, stateOfView } from './case-view-state';

export const CASES_COLLECTION = 'cases';

/**
 * What `GET /cases` answers from (ADR 42): the filing number and the petitioner's keys look one up;
 * each filter a desk uses alone has an index whose tail is the newest-first order it is paged by, and a
 * petitioner's cases are read open first.
 */
const CASE_SEARCH_INDEXES = [
  { fields: ['filingNumber'], unique: true },
  { fields: ['petitionerId', 'search.open', 'search.filedMs'] },
  { fields: ['search.petitionerEmailId', 'search.open', 'search.filedMs'] },
  { fields: ['search.filedMs'] },
  { fields: ['status', 'search.filedMs'] },
  { fields: ['kind', 'search.filedMs'] },
  { fields: ['typology', 'search.filedMs'] },
  { fields: ['channel', 'search.filedMs'] },
  { fields: ['assigneeId', 'search.filedMs'] },
  { fields: ['priority', 'search.filedMs'] },
  { fields: ['search.open', 'search.dueMs'] },
];

export const caseViewProjection = defineProjection<{ case: CaseView }>({
  name: 'case-view',
  /** 6: every free text about the petitioner reads [erased] after PetitionerDataErased. 7: priority. 8: the search keys (ADR 42). */
  version: 8,
  collections: [{ name: CASES_COLLECTION, indexes: CASE_SEARCH_INDEXES }],
  handles: CASE_EVENT_TYPES,
  keysOf: (event) => ({ case: { collection: CASES_COLLECTION, id: caseIdOf(event), created: opensCase(event) } }),
  evolve: ({ case: view }, event) => {
    const next = evolveView(view, event);
    return next ? { case: next } : {};
  },
});

function evolveView(view: CaseView | null, event: ProjectionEvent): CaseView | null {
  if (event.type === 'CaseFiled') return filedView(event);
  if (!view) return null;
  // A filed case never folds back to 'none'.
  const state = evolveCase(stateOfView(view), event) as FiledCase;
  // Every field named, no spread of the view (ADR 20). The type requires every field, so a new one
  // cannot be forgotten here.
  const next: CaseView = {
    caseId: view.caseId,
    filingNumber: view.filingNumber,
    status: state.status,
    kind: state.typification.kind,
    typology: state.typification.typology,
    motive: state.typification.motive,
    channel: view.channel,
    subject: view.subject,
    facts: view.facts,
    request: view.request,
    attachments: view.attachments,
    relatedFilingNumber: view.relatedFilingNumber,
    petitionerId: view.petitionerId,
    petitioner: view.petitioner,
    consent: view.consent,
    filedBy: view.filedBy,
    filedAt: view.filedAt,
    typifiedBy: state.typifiedBy,
    assigneeId: state.assigneeId,
    legalTermDays: state.legalTermDays,
    dueAt: state.dueAt,
    extendedBusinessDays: state.extendedBusinessDays,
    returnedTo: view.returnedTo,
    returnReason: view.returnReason,
    informationRequested: view.informationRequested,
    lastResponse: view.lastResponse,
    counterReplyDeadline: state.lastCounterReplyDeadline,
    firstLineResolution: view.firstLineResolution,
    transfer: view.transfer,
    closeReason: view.closeReason,
    overdue: { firstResponse: state.sla.firstResponseOverdue, resolution: state.sla.resolutionOverdue },
    withdrawnAt: view.withdrawnAt,
    survey: view.survey,
    qualityReviews: view.qualityReviews,
    priority: state.priority,
    urgencyReason: view.urgencyReason ?? null,
    revision: event.revision,
    updatedAt: event.metadata.occurredAt,
    search: searchKeys(state, view.search.petitionerEmailId, view.filedAt),
    internal: internalsOf(state, view.internal),
    verificationCodeHash: view.verificationCodeHash,
  };
  // `next` is this call's own copy: the event's own fields are set on it, not copied into a third object.
  switch (event.type) {
    case 'CaseReturnedToAgent':
      next.returnedTo = event.data.agentId;
      next.returnReason = event.data.reason;
      break;
    case 'CaseTypified':
      next.returnedTo = null;
      next.returnReason = null;
      break;
    case 'InformationRequested':
      next.informationRequested = event.data.message;
      break;
    case 'InformationReceived':
      next.informationRequested = null;
      break;
    case 'ResponseSent': {
      const { outcome, respondedAt, respondedBy } = event.data;
      next.lastResponse = { outcome, respondedAt, respondedBy };
      break;
    }
    case 'CaseResolvedAtFirstLine':
      next.firstLineResolution = event.data.resolution;
      break;
    case 'CaseTransferred':
      next.transfer = { entity: event.data.entity, entityEmail: event.data.entityEmail, reason: event.data.reason, toldAtOnce: event.data.toldAtOnce, transferredAt: event.data.transferredAt };
      break;
    case 'CaseClosed':
      next.closeReason = event.data.reason;
      break;
    case 'CaseWithdrawn':
      next.closeReason = event.data.reason;
      next.withdrawnAt = event.data.withdrawnAt;
      break;
    case 'SatisfactionSurveyAnswered':
      next.survey = { score: event.data.score, comment: event.data.comment };
      break;
    case 'QualityReviewed':
      next.qualityReviews = view.qualityReviews + 1;
      break;
    case 'CasePriorityChanged':
      next.urgencyReason = event.data.reason;
      break;
    case 'PetitionerDataErased':
      eraseTexts(next);
      break;
  }
  return next;
}

/**
 * The same markers a replay reads once the key is gone (every free text about the petitioner is
 * encrypted under it, CASE_PERSONAL_DATA_POLICY): live and rebuilt views agree.
 */
function eraseTexts(view: CaseView): void {
  const erased = (text: string | null) => (text === null ? null : ERASED_MARK);
  view.petitioner = { ...erasedPetitioner() };
  view.subject = ERASED_MARK;
  view.facts = ERASED_MARK;
  view.request = ERASED_MARK;
  view.attachments = view.attachments.map((attachment) => ({ ...(attachment as object), name: ERASED_MARK }));
  view.returnReason = erased(view.returnReason);
  view.informationRequested = erased(view.informationRequested);
  view.firstLineResolution = erased(view.firstLineResolution);
  view.transfer = view.transfer && { ...view.transfer, reason: ERASED_MARK };
  view.closeReason = erased(view.closeReason);
  view.survey = view.survey && { score: view.survey.score, comment: erased(view.survey.comment) };
}

function filedView(event: Extract<ProjectionEvent, { type: 'CaseFiled' }>): CaseView {
  const d = event.data;
  const state = evolveCase({ status: 'none' }, event) as FiledCase;
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
    priority: 'normal',
    urgencyReason: null,
    revision: event.revision,
    updatedAt: event.metadata.occurredAt,
    search: searchKeys(state, d.petitionerEmailId, d.filedAt),
    internal: internalsOf(state, null),
    verificationCodeHash: hashVerificationCode(d.verificationCode),
  };
}

function searchKeys(state: FiledCase, petitionerEmailId: string | null, filedAt: string): CaseSearchKeys {
  return {
    petitionerEmailId: state.petitionerErased ? null : petitionerEmailId,
    open: OPEN_STATUSES.includes(state.status) ? 1 : 0,
    filedMs: Date.parse(filedAt),
    dueMs: Date.parse(state.dueAt),
  };
}
