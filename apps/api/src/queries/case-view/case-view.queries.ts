import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BusinessCalendar, CaseErrors, runningTransferTerm } from '@app/domain';
import type { NextDeadline } from '@app/domain';
import { CASES_COLLECTION, CaseView, caseViewProjection } from '@app/projections';
import { SLA_TIMERS_COLLECTION, SLA_TIMERS_PROJECTION, SlaTimersDoc } from '@app/processes';
import { READ_STORE, ReadStore } from '@app/read-store';
import { Clock, ReadModelFreshness } from '@app/runtime';
import { legalClockOf } from './legal-clock';
import type { LegalClockView } from './legal-clock';

export type PublicCaseView = Omit<CaseView, 'internal' | 'verificationCodeHash' | 'search'> & {
  /** `GET /cases/:id` only: the SLA deadline the case must meet next (null while none runs), from the SLA timers read model. */
  nextDeadline?: (NextDeadline & { overdue: boolean }) | null;
  /** `GET /cases/:id` only: while the case is open and within it, the last instant to transfer it (art. 21, 5 business days); null otherwise. */
  transferDueAt?: string | null;
  /** `GET /cases/:id` only: true while an information request suspends the legal term (art. 17). */
  paused?: boolean;
  /** `GET /cases/:id` only: the legal term at the instant of the read. */
  legalClock?: LegalClockView;
};

/** What staff see of a case: everything but its internal facts, its search keys and the verification code's hash. */
export function toPublicCaseView(view: CaseView): PublicCaseView {
  const { internal: _internal, verificationCodeHash: _hash, search: _search, ...rest } = view;
  return rest;
}

export class GetCaseQuery {
  constructor(
    readonly caseId: string,
    readonly minPosition?: number,
  ) {}
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, PublicCaseView> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async execute({ caseId, minPosition }: GetCaseQuery): Promise<PublicCaseView> {
    // Both read models the answer is made of: the case from one, its next deadline from the other.
    await this.freshness.waitFor(minPosition, [caseViewProjection.name, SLA_TIMERS_PROJECTION]);
    const found = await this.readStore.get<CaseView>(CASES_COLLECTION, caseId);
    if (!found) throw CaseErrors.notFound();
    const timers = await this.readStore.get<SlaTimersDoc>(SLA_TIMERS_COLLECTION, caseId);
    const next = timers?.data.nextDeadline ?? null;
    const nextDeadline = next && { kind: next.kind, dueAt: next.dueAt, overdue: next.dueMs < this.clock.now().getTime() };
    const transferDueAt = runningTransferTerm(this.calendar, found.data.status, found.data.filedAt, this.clock.now().toISOString());
    const legalClock = legalClockOf(found.data, this.clock.now(), this.calendar);
    return { ...toPublicCaseView(found.data), nextDeadline, transferDueAt, paused: legalClock.state === 'paused', legalClock };
  }
}
