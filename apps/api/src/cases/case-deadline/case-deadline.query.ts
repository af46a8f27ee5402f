import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BusinessCalendar, CaseErrors, caseStreamId, computeDeadlines, DeadlineExplanation, DeadlineLanguage, SlaPolicies } from '@app/domain';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { SLA_POLICIES } from '../../calendar/sla-policies.token';
import { toCaseEvent, toOffsetIso } from '../../command-handling/case-event';
import { eventWithoutFreeText } from '../../personal-data/report-consumer-view';
import { Clock } from '../../storage/clock';

export class GetCaseDeadlineQuery {
  constructor(
    readonly caseId: string,
    readonly language: DeadlineLanguage = 'es',
    /** A report consumer's read: free text (an extension's reason) withheld. */
    readonly withoutFreeText = false,
  ) {}
}

/** "Why is this case late": the deadlines folded from the case's own events, explained step by step. */
@QueryHandler(GetCaseDeadlineQuery)
export class GetCaseDeadlineHandler implements IQueryHandler<GetCaseDeadlineQuery, DeadlineExplanation> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SLA_POLICIES) private readonly policies: SlaPolicies,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async execute({ caseId, language, withoutFreeText }: GetCaseDeadlineQuery): Promise<DeadlineExplanation> {
    const recorded = await this.store.readStream(caseStreamId(caseId));
    if (recorded.length === 0) throw CaseErrors.notFound();
    const now = toOffsetIso(this.clock.now());
    const events = recorded.map(toCaseEvent);
    return computeDeadlines(withoutFreeText ? events.map(eventWithoutFreeText) : events, { calendar: this.calendar, dayCalendar: this.calendar, policies: this.policies, now, language });
  }
}
