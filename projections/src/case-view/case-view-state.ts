import type { AwaitingInformationFields, CaseFacts, CaseKind, Channel, ClosedFields, FiledCase, RespondedFields, ReturnedFields } from '@app/domain';
import type { CaseView, CaseViewInternals } from './case-view';

/**
 * The decider's state of the case the view shows, folded again from the view's fields and its
 * `internal` ones: the next event is evolved from it, so that the status rules live in the domain
 * only, without a second copy of the state in every stored view (ADR 20). The spec checks it against
 * `evolveCase` after every event of every history it folds.
 */
export function stateOfView(view: CaseView): FiledCase {
  const { internal } = view;
  // One literal, then the status's own fields: no facts object built and then copied, at every event.
  const state: CaseFacts & Pick<FiledCase, 'status'> & Partial<ReturnedFields & AwaitingInformationFields & RespondedFields & ClosedFields> = {
    status: view.status,
    caseId: view.caseId,
    filingNumber: view.filingNumber,
    filedAt: view.filedAt,
    filedBy: view.filedBy,
    channel: view.channel as Channel,
    typification: { kind: view.kind as CaseKind, typology: view.typology, motive: view.motive },
    typifiedBy: view.typifiedBy,
    legalTermDays: view.legalTermDays,
    dueAt: view.dueAt,
    extendedBusinessDays: view.extendedBusinessDays,
    assigneeId: view.assigneeId,
    surveyAnswered: view.survey !== null,
    sla: {
      firstRespondedAt: internal.firstRespondedAt,
      resolvedAt: internal.resolvedAt,
      firstResponseOverdue: view.overdue.firstResponse,
      resolutionOverdue: view.overdue.resolution,
    },
    emailsDelivered: internal.emailsDelivered,
    lastCounterReplyDeadline: view.counterReplyDeadline,
    petitionerId: view.petitionerId ?? null,
    petitionerErased: internal.petitionerErased,
    priority: view.priority ?? 'normal',
  };
  // In these statuses the view always has them (the spec folds every status).
  switch (view.status) {
    case 'returned':
      state.returnedTo = view.returnedTo!;
      state.returnReason = view.returnReason!;
      break;
    case 'awaiting_information':
      state.remainingBusinessDays = internal.remainingBusinessDays!;
      state.informationRequestedAt = internal.informationRequestedAt!;
      // Views stored before issue 22 lack these: their request was a v1 one (it suspended the term, dates from the configuration).
      state.legalTermSuspended = internal.legalTermSuspended ?? true;
      state.tacitWithdrawalAt = internal.tacitWithdrawalAt ?? null;
      state.customerSilenceDueAt = internal.customerSilenceDueAt ?? null;
      state.informationPeriodExtended = internal.informationPeriodExtended ?? false;
      break;
    case 'responded':
      state.outcome = view.lastResponse!.outcome;
      state.counterReplyDeadline = view.counterReplyDeadline!;
      break;
    case 'closed':
      state.closeReason = view.closeReason!;
      break;
  }
  return state as FiledCase;
}

/** What the state holds that the view's own fields do not show; the previous object when nothing changed (most events). */
export function internalsOf(state: FiledCase, previous: CaseViewInternals | null): CaseViewInternals {
  const { firstRespondedAt, resolvedAt } = state.sla;
  const awaiting = state.status === 'awaiting_information';
  const informationRequestedAt = awaiting ? state.informationRequestedAt : null;
  const remainingBusinessDays = awaiting ? state.remainingBusinessDays : null;
  const legalTermSuspended = awaiting ? state.legalTermSuspended : null;
  const tacitWithdrawalAt = awaiting ? state.tacitWithdrawalAt : null;
  const customerSilenceDueAt = awaiting ? state.customerSilenceDueAt : null;
  const informationPeriodExtended = awaiting ? state.informationPeriodExtended : null;
  if (
    previous &&
    previous.firstRespondedAt === firstRespondedAt &&
    previous.resolvedAt === resolvedAt &&
    previous.emailsDelivered === state.emailsDelivered &&
    previous.petitionerErased === state.petitionerErased &&
    previous.informationRequestedAt === informationRequestedAt &&
    previous.remainingBusinessDays === remainingBusinessDays &&
    previous.legalTermSuspended === legalTermSuspended &&
    previous.tacitWithdrawalAt === tacitWithdrawalAt &&
    previous.customerSilenceDueAt === customerSilenceDueAt &&
    previous.informationPeriodExtended === informationPeriodExtended
  ) {
    return previous;
  }
  return {
    firstRespondedAt,
    resolvedAt,
    emailsDelivered: state.emailsDelivered,
    petitionerErased: state.petitionerErased,
    informationRequestedAt,
    remainingBusinessDays,
    legalTermSuspended,
    tacitWithdrawalAt,
    customerSilenceDueAt,
    informationPeriodExtended,
  };
}
