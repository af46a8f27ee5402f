import type { IsoDate } from '../calendar/iso-date';
import type { ReceiptReading } from '../calendar/calendar-config';
import type { CaseKind, Channel } from '../cases/case-kind';
import type { DueInstants } from './due-instants';
import type { CaseUrgency, SlaPolicySource, SlaPriority, SlaTarget } from './sla-policy';
import type { StopReason } from './deadline-explanation';

/** The languages the deadline explanation is written in: Spanish (es-CO) for inspectors and petitioners, English for the code's readers. */
export const DEADLINE_LANGUAGES = ['es', 'en'] as const;
export type DeadlineLanguage = (typeof DEADLINE_LANGUAGES)[number];

export interface PolicyText {
  source: SlaPolicySource;
  typology: string | null;
  urgency: CaseUrgency;
  priority: SlaPriority;
}

export interface TypifiedText {
  isFirst: boolean;
  kind: CaseKind;
  typology: string;
  motive: string;
  /** Set when the kind changed the legal term. */
  termChange: { termDays: number; previousTerm: number; legalDue: string } | null;
  policy: PolicyText;
  resolutionTarget: SlaTarget;
  dues: DueInstants;
  /** Null on a channel without a first-response target. */
  firstResponseTarget: SlaTarget | null;
  channel: Channel;
}

export interface ResponseText {
  first: boolean;
  resolved: boolean;
  at: string;
  dues: DueInstants;
}

export interface ExtensionText {
  businessDays: number;
  /** The reasons the extension gave the customer (art. 14 par.). */
  reason: string;
  /** The original legal term: an extension adds at most that much again. */
  termDays: number;
  previousDueAt: string;
  newDueAt: string;
  allowed: number;
  applied: number;
  beforeDeadline: boolean;
  withinLimit: boolean;
}

export interface TransferText {
  entity: string;
  termDays: number;
  dueAt: string;
  late: boolean;
}

/** A deadline the SLA process will find missed (the readings predict it), by what was due. */
export type OverdueSubject = 'firstResponse' | 'resolution' | 'legal';

/**
 * Every sentence of the deadline explanation, once per language: the fold and the readings say
 * what happened with facts, a catalog says it in words. Both catalogs implement this interface, so
 * a message missing in one language is a compile error.
 */
export interface DeadlineTexts {
  filed(facts: {
    kind: CaseKind;
    channel: Channel;
    nonBusinessDate: IsoDate | null;
    termDays: number;
    legalDue: string;
    /** The receipt reading in force; `receivedOn` when it moved the receipt to a later day. */
    receipt: { reading: ReceiptReading; receivedOn: IsoDate | null };
  }): string;
  secondFiling(): string;
  recordedNote(recordedDueAt: string): string;
  assigned(backofficeId: string): string;
  typificationConfirmed(): string;
  returned(agentId: string): string;
  typified(facts: TypifiedText): string;
  /** The case was marked urgent or back to normal: the policy now in force and its due instants. */
  priorityChanged(facts: { policy: PolicyText; dues: DueInstants }): string;
  resolvedAtFirstLine(): string;
  informationRequested(facts: {
    /** What the request did to the legal term: it had expired, it suspends it (art. 17), or it came too late to suspend it. */
    legal: 'expired' | 'suspended' | 'not_suspended';
    legalDueBefore: string;
    businessDaysLeft: number;
    companyExpired: boolean;
    tacitWithdrawalAfter: IsoDate;
    /** Set on a case the company marks outside Ley 1755: its silence rule closes it after this instant. */
    customerSilenceDueAt: string | null;
    requestedLate: boolean;
    requestTermDays: number;
    requestDue: string;
  }): string;
  informationPeriodExtended(facts: { channel: Channel; previous: IsoDate; next: IsoDate; silenceRuleDropped: boolean }): string;
  periodExtensionNotWaiting(): string;
  /** `legal`: the term restarts with what it had left, had expired before the request (never revived), or was never suspended. */
  informationReceived(facts: { legal: 'restarted' | 'expired' | 'not_suspended'; businessDaysLeft: number; dues: DueInstants; at: string; firstResponsePending: boolean }): string;
  noEffectNotWaiting(): string;
  noEffectStopped(): string;
  responseSent(facts: ResponseText): string;
  counterReplyRunning(): string;
  counterReplyReopened(facts: { legalDue: string; passed: boolean }): string;
  extended(facts: ExtensionText): string;
  transferred(facts: TransferText): string;
  closedAfterStop(stop: { reason: StopReason; at: string }): string;
  closed(): string;
  withdrawn(by: IsoDate | null): string;
  noEffectOnDeadlines(): string;
  overdueRecorded(dueAt: string): string;
  overduePredicted(facts: { subject: OverdueSubject; dueAt: string; metAt: string | null }): string;
  target(target: SlaTarget): string;
}
