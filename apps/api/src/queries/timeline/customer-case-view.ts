import { CASE_STATUS_LABELS, caseKindLabel, CASE_KINDS, customerActions } from '@app/domain';
import type { Actor, CaseDecider, CaseKind } from '@app/domain';
import { stateOfView } from '@app/projections';
import type { CaseTimeline, CaseView } from '@app/projections';
import type { LegalClockView } from '../case-view/legal-clock';
import type { CustomerTimelineDto } from './timeline.dto';

/** What the customer's tracking page shows (`GET /public/cases/:filingNumber`): the DTO its OpenAPI document describes. */
export type CustomerTimeline = CustomerTimelineDto;

/** The actor of every web command of the customer: the case's own customer, with no staff role. */
export function customerActor(filingNumber: string): Actor {
  return { id: `customer:${filingNumber}`, roles: [] };
}

/**
 * The tracking page from the two read models of the case: the steps and responses from its timeline,
 * everything else from its view; the actions are what the decider would accept now, asked of the
 * decider itself on the state folded back from the view (ADR 20).
 */
export function customerTimelineOf(timeline: CaseTimeline, view: CaseView, legalClock: LegalClockView, decider: CaseDecider, at: string): CustomerTimeline {
  const { internal } = view;
  const awaiting = view.status === 'awaiting_information' && internal.informationRequestedAt !== null;
  return {
    filingNumber: timeline.filingNumber,
    status: view.status,
    statusLabel: CASE_STATUS_LABELS[view.status],
    kind: view.kind,
    kindLabel: (CASE_KINDS as readonly string[]).includes(view.kind) ? caseKindLabel(view.kind as CaseKind) : view.kind,
    filedAt: view.filedAt,
    dueAt: legalClock.state === 'running' ? legalClock.dueAt : null,
    entries: timeline.entries.filter((entry) => entry.customerVisible).map(({ at: entryAt, channel, description }) => ({ at: entryAt, channel, description })),
    responses: timeline.responses,
    informationRequest: awaiting
      ? { requestedAt: internal.informationRequestedAt!, message: view.informationRequested ?? '', answerBy: earliest(internal.customerSilenceDueAt, internal.tacitWithdrawalAt) }
      : null,
    counterReplyDeadline: view.status === 'responded' ? view.counterReplyDeadline : null,
    actions: customerActions(decider, stateOfView(view), customerActor(view.filingNumber), at),
  };
}

/** The earlier of two instants, either of which may be unknown. */
function earliest(a: string | null | undefined, b: string | null | undefined): string | null {
  if (!a || !b) return a ?? b ?? null;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}
