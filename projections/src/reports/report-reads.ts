import { addDays, daysInMonth } from '@app/domain';
import type { ReportPeriod } from './report-summary';

/** Which documents make up a report: whole months from their totals, the other days one by one. */
export interface ReportReads {
  /** The first and last whole month of the period (inclusive), read from their totals; null when there is none. */
  months: { from: string; to: string } | null;
  /** The days of the period outside whole months (inclusive ranges). */
  days: ReportPeriod[];
  /** The days of the first month before the period: their openDelta is part of the count of open cases it starts with. */
  daysBefore: ReportPeriod | null;
  /** The open-case counts of every month up to this one (inclusive) are also part of it. */
  monthsBeforeUpTo: string;
}

/** Plans the reads of a report for the period, whose dates (`2026-03-01`) are real and in order. */
export function planReportReads({ from, to }: ReportPeriod): ReportReads {
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const startsOnFirst = from === firstDayOf(fromMonth);
  const endsOnLast = to === lastDayOf(toMonth);
  const firstWhole = startsOnFirst ? fromMonth : monthAfter(fromMonth);
  const lastWhole = endsOnLast ? toMonth : monthBefore(toMonth);
  const daysBefore = startsOnFirst ? null : { from: firstDayOf(fromMonth), to: addDays(from, -1) };
  const monthsBeforeUpTo = monthBefore(fromMonth);
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }], daysBefore, monthsBeforeUpTo };
  const days: ReportPeriod[] = [];
  if (!startsOnFirst) days.push({ from, to: lastDayOf(fromMonth) });
  if (!endsOnLast) days.push({ from: firstDayOf(toMonth), to });
  return { months: { from: firstWhole, to: lastWhole }, days, daysBefore, monthsBeforeUpTo };
}

/** The last day of a month (`2026-02` → `2026-02-28`). */
export function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return `${month}-${daysInMonth(year, monthNumber)}`;
}

function firstDayOf(month: string): string {
  return `${month}-01`;
}

function monthAfter(month: string): string {
  return addDays(lastDayOf(month), 1).slice(0, 7);
}

function monthBefore(month: string): string {
  return addDays(firstDayOf(month), -1).slice(0, 7);
}
