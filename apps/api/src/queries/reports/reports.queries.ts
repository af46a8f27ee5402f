import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  planReportReads,
  Report,
  REPORT_DAYS_COLLECTION,
  REPORT_MONTH_TOTALS_COLLECTION,
  REPORT_MONTHS_COLLECTION,
  ReportDay,
  ReportMonth,
  ReportMonthTotals,
  ReportPeriod,
  reportsProjection,
  summarizeReport,
} from '@app/projections';
import { findEvery, READ_STORE, ReadStore } from '@app/read-store';
import { AppConfig, ReadModelFreshness } from '@app/runtime';

export class GetReportQuery {
  constructor(
    readonly period: ReportPeriod,
    readonly minPosition?: number,
  ) {}
}

/**
 * Reads the totals of the period's whole months and its other days, plus the open-case counts before
 * it: a bounded number of documents, whatever the number of cases (one totals document for a month's report).
 */
@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery, Report> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    private readonly freshness: ReadModelFreshness,
    private readonly config: AppConfig,
  ) {}

  async execute({ period, minPosition }: GetReportQuery): Promise<Report> {
    await this.freshness.waitFor(minPosition, [reportsProjection.name]);
    const reads = planReportReads(period);
    const none = Promise.resolve([]);
    const [months, days, daysBefore, monthsBefore] = await Promise.all([
      reads.months ? this.readAll<ReportMonthTotals>(REPORT_MONTH_TOTALS_COLLECTION, 'month', reads.months.from, reads.months.to) : none,
      Promise.all(reads.days.map((range) => this.readDays(range))),
      reads.daysBefore ? this.readDays(reads.daysBefore) : none,
      this.readAll<ReportMonth>(REPORT_MONTHS_COLLECTION, 'month', null, reads.monthsBeforeUpTo),
    ]);
    const openBefore = sumOpenDelta(monthsBefore) + sumOpenDelta(daysBefore);
    return summarizeReport(period, [...months, ...days.flat()], openBefore, this.config.REPORT_DAILY_TARGET);
  }

  private readDays({ from, to }: ReportPeriod): Promise<ReportDay[]> {
    return this.readAll<ReportDay>(REPORT_DAYS_COLLECTION, 'date', from, to);
  }

  private async readAll<T extends object>(collection: string, field: string, from: string | null, to: string): Promise<T[]> {
    const where = [
      ...(from ? [{ field, op: 'gte' as const, value: from }] : []),
      { field, op: 'lte' as const, value: to },
    ];
    return findEvery<T>(this.readStore, collection, { where, sort: [{ field, direction: 'asc' }] });
  }
}

function sumOpenDelta(counts: Array<{ openDelta: number }>): number {
  return counts.reduce((total, count) => total + count.openDelta, 0);
}
