import { OPEN_STATUSES } from '../cases/case.state';
import type { CaseStatus } from '../cases/case.state';
import { TRANSFER_TERM_BUSINESS_DAYS } from './legal-terms';

/** The calendar arithmetic the transfer term needs (the Colombian BusinessCalendar). */
export interface TransferTermCalendar {
  addBusinessDays(from: string, businessDays: number): string;
  /** The instant the legal terms count from (the receipt reading in force). */
  legalTermStart(filedAt: string): string;
}

/** Art. 21: the last instant to transfer a wrongly addressed petition, 5 business days counted from the receipt, as every legal term. */
export function transferDueAt(calendar: TransferTermCalendar, filedAt: string): string {
  return calendar.addBusinessDays(calendar.legalTermStart(filedAt), TRANSFER_TERM_BUSINESS_DAYS);
}

/**
 * The transfer term a case still runs: its due instant while the case is open and the term has not
 * passed; null once the case is over (transferred or not) or the term is gone (a later transfer is late).
 */
export function runningTransferTerm(calendar: TransferTermCalendar, status: CaseStatus, filedAt: string, now: string): string | null {
  if (!OPEN_STATUSES.includes(status)) return null;
  const dueAt = transferDueAt(calendar, filedAt);
  return Date.parse(now) <= Date.parse(dueAt) ? dueAt : null;
}
