import { deliveredMessageKey } from './case.events';
import type { CaseEvent } from './case.events';
import { NO_SLA_FACTS } from './case.state';
import { ERASED_MARK } from './personal-data';
import type { CaseFacts, CaseSlaFacts, CaseState, FiledCase } from './case.state';


/**
 * Applies one event. Events are facts already decided, so evolve never refuses one; an event that
 * makes no sense for the current state (impossible unless the history was altered) leaves it as is.
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseFiled') {
    const d = event.data;
    // A filing typified by staff comes with its CaseTypified (same command), which makes it `filed`.
    return {
      status: 'to_typify',
      caseId: d.caseId,
      filingNumber: d.filingNumber,
      filedAt: d.filedAt,
      filedBy: d.filedBy,
      channel: d.channel,
      typification: { kind: d.kind, typology: '', motive: '' },
      typifiedBy: d.filedBy,
      legalTermDays: d.legalTermDays,
      dueAt: d.dueAt,
      extendedBusinessDays: 0,
      assigneeId: null,
      surveyAnswered: false,
      sla: NO_SLA_FACTS,
      emailsDelivered: [],
      lastCounterReplyDeadline: null,
      petitionerId: d.petitionerId ?? null,
      petitionerErased: false,
      priority: 'normal',
    };
  }
  if (state.status === 'none') return state;
  return evolveFiled(state, event);
}

/**
 * A status's own keys come before `...facts`: on Node 20, a spread followed by keys its source lacks
 * gives every result a hidden class of its own, and the projections that fold this for every event
 * then read the states through V8's slowest path (measured: 7 µs per event instead of 1.7).
 */
function evolveFiled(state: FiledCase, event: CaseEvent): CaseState {
  const facts = stripStatusFields(state);
  switch (event.type) {
    case 'CaseFiled':
      return state;
    case 'CaseTypified': {
      const { kind, typology, motive, typifiedBy, legalTermDays, dueAt } = event.data;
      const typification = { kind, typology, motive };
      // Re-typifying a returned case sends it back to its backoffice agent for verification.
      if (state.status === 'returned') return { status: 'assigned', ...facts, typification, typifiedBy, legalTermDays, dueAt, assigneeId: state.assigneeId };
      // The first typification (with the filing, or of a web filing later) leaves it waiting for distribution.
      if (state.status === 'to_typify') return { status: 'filed', ...facts, typification, typifiedBy, legalTermDays, dueAt };
      return { ...state, typification, typifiedBy, legalTermDays, dueAt };
    }
    case 'CaseResolvedAtFirstLine': {
      const at = event.data.resolvedAt;
      return { status: 'resolved_first_line', ...facts, sla: { ...facts.sla, firstRespondedAt: facts.sla.firstRespondedAt ?? at, resolvedAt: at } };
    }
    case 'CaseAssigned': {
      const assigneeId = event.data.backofficeId;
      if (state.status === 'filed') return { status: 'assigned', ...facts, assigneeId };
      return { ...state, assigneeId } as CaseState;
    }
    case 'TypificationConfirmed':
      return state.assigneeId ? { status: 'in_progress', ...facts, assigneeId: state.assigneeId } : state;
    case 'CaseReturnedToAgent':
      return state.assigneeId
        ? { status: 'returned', returnedTo: event.data.agentId, returnReason: event.data.reason, ...facts, assigneeId: state.assigneeId }
        : state;
    case 'InformationRequested':
      return state.assigneeId
        ? {
            status: 'awaiting_information',
            remainingBusinessDays: event.data.remainingBusinessDays,
            informationRequestedAt: event.data.requestedAt,
            legalTermSuspended: event.data.suspendsLegalTerm,
            tacitWithdrawalAt: event.data.tacitWithdrawalAt,
            customerSilenceDueAt: event.data.customerSilenceDueAt,
            informationPeriodExtended: false,
            ...facts,
            assigneeId: state.assigneeId,
          }
        : state;
    case 'InformationPeriodExtended':
      // The customer's extra month replaces any company silence rule: the case waits for the new date.
      return state.status === 'awaiting_information'
        ? { ...state, tacitWithdrawalAt: event.data.tacitWithdrawalAt, customerSilenceDueAt: null, informationPeriodExtended: true }
        : state;
    case 'InformationReceived':
      return state.assigneeId ? { status: 'in_progress', ...facts, assigneeId: state.assigneeId, dueAt: event.data.dueAt } : state;
    case 'ResponseSent':
      return state.assigneeId
        ? {
            status: 'responded',
            outcome: event.data.outcome,
            counterReplyDeadline: event.data.counterReplyDeadline,
            ...facts,
            sla: respondedSla(facts.sla, event.data.respondedAt, event.data.outcome === 'resolved'),
            assigneeId: state.assigneeId,
            lastCounterReplyDeadline: event.data.counterReplyDeadline,
          }
        : state;
    case 'CounterReplyReceived':
      return state.assigneeId ? { status: 'in_progress', ...facts, sla: { ...facts.sla, resolvedAt: null }, assigneeId: state.assigneeId } : state;
    case 'DeadlineExtended':
      return { ...state, dueAt: event.data.dueAt, extendedBusinessDays: state.extendedBusinessDays + event.data.businessDays };
    case 'CaseTransferred':
      return { status: 'transferred', ...facts };
    case 'SatisfactionSurveyAnswered':
      return { ...state, surveyAnswered: true };
    case 'QualityReviewed':
      return state;
    case 'CaseClosed':
      return { status: 'closed', closeReason: event.data.reason, ...facts };
    case 'FirstResponseOverdue':
      return { ...state, sla: { ...state.sla, firstResponseOverdue: event.data.dueAt } };
    case 'ResolutionOverdue':
      return { ...state, sla: { ...state.sla, resolutionOverdue: event.data.dueAt } };
    case 'CaseWithdrawn':
      return { status: 'withdrawn', ...facts };
    case 'EmailDelivered':
      return { ...state, emailsDelivered: [...(state.emailsDelivered ?? []), deliveredMessageKey(event.data)] };
    case 'EmailDeliveryFailed':
    case 'CustomerEmailReceived':
    case 'InternalNoteAdded':
      return state;
    case 'CasePriorityChanged':
      return { ...state, priority: event.data.priority };
    case 'PetitionerDataErased':
      // The reasons were written about the petitioner: a replay reads them as [erased] once the key is gone.
      return {
        ...state,
        petitionerErased: true,
        ...('returnReason' in state ? { returnReason: ERASED_MARK } : {}),
        ...('closeReason' in state ? { closeReason: ERASED_MARK } : {}),
      } as FiledCase;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The facts without the fields that belong to one status only (`CaseFacts` names every field: none is forgotten). */
function stripStatusFields(state: FiledCase): CaseFacts {
  return {
    caseId: state.caseId,
    filingNumber: state.filingNumber,
    filedAt: state.filedAt,
    filedBy: state.filedBy,
    channel: state.channel,
    typification: state.typification,
    typifiedBy: state.typifiedBy,
    legalTermDays: state.legalTermDays,
    dueAt: state.dueAt,
    extendedBusinessDays: state.extendedBusinessDays,
    assigneeId: state.assigneeId,
    surveyAnswered: state.surveyAnswered,
    sla: state.sla,
    // Case states stored before issue 6 (in read models) lack the field.
    emailsDelivered: state.emailsDelivered ?? [],
    lastCounterReplyDeadline: state.lastCounterReplyDeadline ?? null,
    // Case states stored before issue 7 (in read models) lack these.
    petitionerId: state.petitionerId ?? null,
    petitionerErased: state.petitionerErased ?? false,
    // Case states stored before issue 28 (in read models) lack it.
    priority: state.priority ?? 'normal',
  };
}

function respondedSla(sla: CaseSlaFacts, at: string, resolved: boolean): CaseSlaFacts {
  return { ...sla, firstRespondedAt: sla.firstRespondedAt ?? at, resolvedAt: resolved ? at : sla.resolvedAt };
}
