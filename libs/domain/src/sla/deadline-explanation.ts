import type { IsoDate } from '../calendar/iso-date';
import type { ReceiptReading } from '../calendar/calendar-config';
import type { CaseKind, Channel } from '../cases/case-kind';
import type { BusinessTime } from './pausable-clock';
import type { TermDayCount } from './term-days';
import type { CaseUrgency, SlaPolicySource, SlaPriority, SlaTarget } from './sla-policy';

export type StopReason = 'resolved' | 'closed' | 'transferred' | 'withdrawn';

export type ClockStatus =
  | { state: 'running' }
  | { state: 'paused'; since: string }
  | { state: 'stopped'; reason: StopReason; at: string };

/** One deadline read at the explanation's instant, or at the instant it was met or the case stopped. */
export interface DeadlineReading {
  /** Null while paused: it is known again when the clock restarts. */
  dueAt: string | null;
  metAt: string | null;
  consumed: BusinessTime;
  /** Until the due instant; while paused, as if the clock restarted at the reading instant. */
  remaining: BusinessTime;
  overdue: boolean;
}

export interface LegalDeadline extends DeadlineReading {
  kind: CaseKind;
  termBusinessDays: number;
  extendedBusinessDays: number;
  /** The latest dueAt the events carry; a step explains any difference with dueAt. */
  recordedDueAt: string;
  /** The business days the term counted so far and the weekends and holidays skipped between them (when the explanation was asked with a day calendar). */
  days?: TermDayCount;
  /** How a filing on a non-business day or after hours is received (docs/domain.md, Deadlines, Receipt). */
  receiptReading: ReceiptReading;
  /** An information request suspends the legal term now (art. 17): `dueAt` is null, `remaining` counts as if it restarted. */
  paused: boolean;
}

export interface ResolutionDeadline extends DeadlineReading {
  target: SlaTarget;
  /** The company's own due instant, before the legal deadline caps it. */
  companyDueAt: string | null;
  cappedByLegalDeadline: boolean;
}

export interface FirstResponseDeadline extends DeadlineReading {
  target: SlaTarget;
  /** A resolved response is also a first response, so the first one is never due after the resolution. */
  cappedByResolution: boolean;
}

export interface AppliedPolicy {
  source: SlaPolicySource;
  typology: string | null;
  urgency: CaseUrgency;
  priority: SlaPriority;
}

/** Art. 17: a request for missing information stops the legal clock until the information arrives. */
export interface InformationPause {
  requestedAt: string;
  receivedAt: string | null;
  /** Legal business days left when the clock stopped; it restarts with them the day after the information arrives. */
  businessDaysLeft: number;
  /** False when the request came after the legal deadline (an expired term does not pause) or after the 10 business days of art. 17. */
  pausedLegalClock: boolean;
  /** The request is due within 10 business days of filing. */
  requestedLate: boolean;
  /** With no answer by the end of this date (one month, moved to a business day; two with the extra month), the petition is tacitly withdrawn. */
  tacitWithdrawalAfter: IsoDate;
  /** The company's silence rule (only for kinds or typologies outside Ley 1755): the case is closed after this instant; null when the law alone governs. */
  customerSilenceDueAt: string | null;
  /** Art. 17: the petitioner asked for one more month. */
  periodExtended: { at: string; channel: Channel; previousTacitWithdrawalAfter: IsoDate } | null;
  tacitWithdrawalReached: boolean;
}

/** Art. 14 par.: notified before the deadline, adding at most the original term again. */
export interface DeadlineExtension {
  at: string;
  reason: string;
  requestedBusinessDays: number;
  /** What the law allowed of it: nothing when late, at most what was left of the original term again. */
  appliedBusinessDays: number;
  beforeDeadline: boolean;
  withinLimit: boolean;
  previousDueAt: string | null;
  dueAt: string | null;
}

/** Art. 21: a case sent to the competent entity ends our legal clock; it is due within 5 business days of filing. */
export interface CaseTransfer {
  at: string;
  entity: string;
  dueAt: string;
  late: boolean;
}

export interface DeadlineStep {
  at: string;
  event: string;
  effect: string;
}

export interface DeadlineExplanation {
  /** The instant of the readings: `now`, or the last event's instant if the clock that gave `now` lags behind. */
  asOf: string;
  status: ClockStatus;
  policy: AppliedPolicy;
  /** Null on channels without a first-response target. */
  firstResponse: FirstResponseDeadline | null;
  resolution: ResolutionDeadline;
  legal: LegalDeadline;
  pauses: InformationPause[];
  extensions: DeadlineExtension[];
  transfer: CaseTransfer | null;
  overdue: { firstResponse: boolean; resolution: boolean; legal: boolean };
  steps: DeadlineStep[];
}
