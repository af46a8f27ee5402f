import { OPEN_STATUSES } from '@app/domain';
import type { BusinessCalendar } from '@app/domain';
import type { CaseView } from '@app/projections';

/** The legal term (Ley 1755 de 2015) of a case as `GET /cases/:id` shows it at the instant of the read. */
export interface LegalClockView {
  /** `paused`: an information request suspends it (art. 17); `stopped`: the case is over. */
  state: 'running' | 'paused' | 'stopped';
  /** Null while paused: it is known again the day after the information arrives. */
  dueAt: string | null;
  /** Business days left until the due date; while paused, those it restarts with (at least one). Null once stopped. */
  businessDaysLeft: number | null;
  /** Running past its due date. */
  overdue: boolean;
  /** While waiting on the customer: the end of the art. 17 date (tacit withdrawal), with the extra month if granted. */
  tacitWithdrawalAt: string | null;
}

/**
 * Read from the view's fields: paused only while awaiting information on a request that suspended the
 * term before it expired (views stored before issue 22 hold a v1 request, which did).
 */
export function legalClockOf(view: CaseView, now: Date, calendar: Pick<BusinessCalendar, 'businessDaysBetween'>): LegalClockView {
  const { internal } = view;
  const awaiting = view.status === 'awaiting_information';
  const tacitWithdrawalAt = awaiting ? (internal.tacitWithdrawalAt ?? null) : null;
  if (!OPEN_STATUSES.includes(view.status)) return { state: 'stopped', dueAt: view.dueAt, businessDaysLeft: null, overdue: false, tacitWithdrawalAt };
  const requestedAt = internal.informationRequestedAt;
  const paused = awaiting && (internal.legalTermSuspended ?? true) && requestedAt !== null && Date.parse(requestedAt) <= Date.parse(view.dueAt);
  if (paused) return { state: 'paused', dueAt: null, businessDaysLeft: Math.max(1, internal.remainingBusinessDays ?? 0), overdue: false, tacitWithdrawalAt };
  const nowIso = now.toISOString();
  return {
    state: 'running',
    dueAt: view.dueAt,
    businessDaysLeft: calendar.businessDaysBetween(nowIso, view.dueAt),
    overdue: now.getTime() > Date.parse(view.dueAt),
    tacitWithdrawalAt,
  };
}
