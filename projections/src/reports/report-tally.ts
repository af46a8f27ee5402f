import type { ResponseDecision } from '@app/domain';
import { ownEntry } from '../keyed-counts';
import {
  AgentCountMap,
  bumpCount,
  bumpDecision,
  bumpType,
  CounterField,
  emptyReportDay,
  emptyReportMonthTotals,
  ReportDay,
  ReportMonthTotals,
  TypeCountMap,
  TypeCounts,
} from './report-day';

/**
 * Counts an event's figures in its day and in its month's totals alike, in place: both are drafts
 * (`DocKey.draft`), copied by the projector once per batch.
 */
export class ReportTally {
  private day: ReportDay | null = null;
  private month: ReportMonthTotals | null = null;

  constructor(
    private readonly date: string,
    private readonly dayBefore: ReportDay | null,
    private readonly monthBefore: ReportMonthTotals | null,
  ) {}

  /** The day's and the month's documents when the event counted something (every count changes both), else null. */
  get changed(): { day: ReportDay; month: ReportMonthTotals } | null {
    return this.day && this.month ? { day: this.day, month: this.month } : null;
  }

  add(field: CounterField, amount = 1): void {
    this.dayToChange()[field] += amount;
    this.monthToChange()[field] += amount;
  }

  bumpType(map: TypeCountMap, key: string, field: keyof TypeCounts, amount = 1): void {
    bumpType(this.dayToChange(), map, key, field, amount);
    bumpType(this.monthToChange(), map, key, field, amount);
  }

  bumpDecision(typology: string, decision: ResponseDecision, amount = 1): void {
    bumpDecision(this.dayToChange(), typology, decision, amount);
    bumpDecision(this.monthToChange(), typology, decision, amount);
  }

  /** One more for the agent; their first `resolvedByAgent` of the day is one more active day in the month. */
  bumpAgent(map: AgentCountMap, agentId: string): void {
    const day = this.dayToChange();
    const month = this.monthToChange();
    if (map === 'resolvedByAgent' && !ownEntry(day.resolvedByAgent, agentId)) bumpCount(month.activeDaysByAgent, agentId);
    bumpCount(day[map], agentId);
    bumpCount(month[map], agentId);
  }

  private dayToChange(): ReportDay {
    return (this.day ??= this.dayBefore ?? emptyReportDay(this.date));
  }

  private monthToChange(): ReportMonthTotals {
    return (this.month ??= this.monthBefore ?? emptyReportMonthTotals(this.date.slice(0, 7)));
  }
}
