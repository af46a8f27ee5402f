import { ownEntry } from '../keyed-counts';
import {
  AgentCountMap,
  bumpCount,
  bumpType,
  copyCounters,
  CounterField,
  emptyReportDay,
  emptyReportMonthTotals,
  ReportDay,
  ReportMonthTotals,
  TypeCountMap,
  TypeCounts,
} from './report-day';

/**
 * Counts an event's figures in its day and in its month's totals alike. Each is copied on its first
 * change only: many events count nothing, and a copy is most of the cost of counting.
 */
export class ReportTally {
  private day: ReportDay | null = null;
  private month: ReportMonthTotals | null = null;

  constructor(
    private readonly date: string,
    private readonly dayBefore: ReportDay | null,
    private readonly monthBefore: ReportMonthTotals | null,
  ) {}

  /** The day's and the month's new documents (every count changes both), or null when the event counted nothing. */
  get changed(): { day: ReportDay; month: ReportMonthTotals } | null {
    return this.day && this.month ? { day: this.day, month: this.month } : null;
  }

  add(field: CounterField, amount = 1): void {
    this.dayToChange()[field] += amount;
    this.monthToChange()[field] += amount;
  }

  bumpType(map: TypeCountMap, key: string, field: keyof TypeCounts): void {
    bumpType(this.dayToChange(), map, key, field);
    bumpType(this.monthToChange(), map, key, field);
  }

  /** One more for the agent; their first `resolvedByAgent` of the day is one more active day in the month. */
  bumpAgent(map: AgentCountMap, agentId: string): void {
    const day = this.dayToChange();
    const month = this.monthToChange();
    if (map === 'resolvedByAgent' && !ownEntry(day.resolvedByAgent, agentId)) month.activeDaysByAgent = bumpCount(month.activeDaysByAgent, agentId);
    day[map] = bumpCount(day[map], agentId);
    month[map] = bumpCount(month[map], agentId);
  }

  private dayToChange(): ReportDay {
    return (this.day ??= this.dayBefore ? copyCounters(this.dayBefore) : emptyReportDay(this.date));
  }

  private monthToChange(): ReportMonthTotals {
    return (this.month ??= this.monthBefore ? copyCounters(this.monthBefore) : emptyReportMonthTotals(this.date.slice(0, 7)));
  }
}
