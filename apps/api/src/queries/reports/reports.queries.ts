import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  Report,
  REPORT_DAYS_COLLECTION,
  REPORT_MONTHS_COLLECTION,
  ReportDay,
  ReportMonth,
  ReportPeriod,
  reportsProjection,
  summarizeReport,
} from '@app/projections';
import { READ_STORE, ReadStore, StoredDocument } from '@app/read-store';
import { AppConfig } from '../../config/app-config';
import { ReadModelFreshness } from '../../read-side/read-model-freshness';

export class GetReportQuery {
  constructor(
    readonly period: ReportPeriod,
    readonly minPosition?: number,
  ) {}
}

/**
 * Reads the day documents of the period, plus the month documents before it for the running count
 * of open cases: a bounded number of documents, whatever the number of cases.
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
    const firstMonthDay = `${period.from.slice(0, 7)}-01`;
    const [days, earlierMonths] = await Promise.all([
      this.readAll<ReportDay>(REPORT_DAYS_COLLECTION, 'date', firstMonthDay, period.to),
      this.readAll<ReportMonth>(REPORT_MONTHS_COLLECTION, 'month', null, previousMonth(period.from)),
    ]);
    const openBefore =
      earlierMonths.reduce((total, month) => total + month.openDelta, 0) +
      days.filter((day) => day.date < period.from).reduce((total, day) => total + day.openDelta, 0);
    return summarizeReport(period, days, openBefore, this.config.REPORT_DAILY_TARGET);
  }

  private async readAll<T extends object>(collection: string, field: string, from: string | null, to: string): Promise<T[]> {
    const where = [
      ...(from ? [{ field, op: 'gte' as const, value: from }] : []),
      { field, op: 'lte' as const, value: to },
    ];
    const all: StoredDocument<T>[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.readStore.find<T>(collection, { where, sort: [{ field, direction: 'asc' }], limit: 1000, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all.map((document) => document.data);
  }
}

function previousMonth(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
