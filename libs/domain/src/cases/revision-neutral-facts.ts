import type { CaseEventType } from './case.events';

/**
 * docs/domain.md, The case's revision: a person holds a case at a revision (the ETag they read) and acts
 * on it with If-Match. For each event type: whether it changes something a person could act on
 * (true: their revision is stale after it), or is a fact the system records that no person's command
 * decides on (false: a delivery outcome, an overdue mark). Every type is named, so a new one cannot
 * be forgotten; `revision-neutral-facts.spec.ts` proves that no command's decision depends on the
 * `false` ones (ADR 21).
 */
const MOVES_A_PERSONS_REVISION: Record<CaseEventType, boolean> = {
  CaseFiled: true,
  CaseTypified: true,
  CaseResolvedAtFirstLine: true,
  CaseAssigned: true,
  TypificationConfirmed: true,
  CaseReturnedToAgent: true,
  InformationRequested: true,
  InformationPeriodExtended: true,
  InformationReceived: true,
  ResponseSent: true,
  // A staff note changes nothing anyone acts on: writing one must not make the assignee's response stale.
  InternalNoteAdded: false,
  CounterReplyReceived: true,
  DeadlineExtended: true,
  CaseTransferred: true,
  SatisfactionSurveyAnswered: true,
  QualityReviewed: true,
  CaseClosed: true,
  FirstResponseOverdue: false,
  ResolutionOverdue: false,
  CaseWithdrawn: true,
  CasePriorityChanged: true,
  EmailDelivered: false,
  EmailDeliveryFailed: false,
  CustomerEmailReceived: true,
  PetitionerDataErased: true,
};

/** The facts that do not make a person's revision stale: still recorded, shown in the timeline, reports and history. */
export const REVISION_NEUTRAL_FACT_TYPES: readonly CaseEventType[] = (Object.keys(MOVES_A_PERSONS_REVISION) as CaseEventType[]).filter(
  (type) => !MOVES_A_PERSONS_REVISION[type],
);

const NEUTRAL: ReadonlySet<string> = new Set(REVISION_NEUTRAL_FACT_TYPES);

/** True for a revision-neutral fact; false for any other type, an unknown one included. */
export function isRevisionNeutral(eventType: string): boolean {
  return NEUTRAL.has(eventType);
}

/**
 * The If-Match rule: a person who read the case at `heldRevision` may act on it at the stream's
 * current state when every event recorded after it is revision-neutral. `typesAfter` are the types
 * of the events after `heldRevision`, in order; a revision ahead of the stream never matches.
 */
export function isStillCurrent(heldRevision: number, currentRevision: number, typesAfter: readonly string[]): boolean {
  if (heldRevision > currentRevision) return false;
  return typesAfter.length === currentRevision - heldRevision && typesAfter.every(isRevisionNeutral);
}
