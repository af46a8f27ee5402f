import type { IsoDate } from '../calendar/iso-date';
import { LEGAL_TERM_BUSINESS_DAYS } from '../cases/case-kind';
import type { CaseKind } from '../cases/case-kind';
import type * as E from '../cases/case.events';
import type { CaseEvent } from '../cases/case.events';
import type { DeadlineClockOptions } from './deadline-clock-options';
import type { CaseTransfer, DeadlineExtension, DeadlineStep, StopReason } from './deadline-explanation';
import type { FoldedClocks, FoldedPause } from './deadline-readings';
import { dueInstantsAt } from './due-instants';
import type { DueInstants } from './due-instants';
import { INFORMATION_REQUEST_TERM_BUSINESS_DAYS, TACIT_WITHDRAWAL_MONTHS, TRANSFER_TERM_BUSINESS_DAYS } from './legal-terms';
import { transferDueAt } from './transfer-term';
import { tacitWithdrawalDate } from '../cases/information-period';
import { dueAt, isAfter, isOverdueAt, leftBeforeRunningSpan, pauseClock, resumeClock, startClock, withTarget } from './pausable-clock';
import type { PausableClock, SlaCalendar } from './pausable-clock';
import { selectSlaPolicy } from './sla-policy';
import type { CaseUrgency, SelectedSlaPolicy, SlaPolicies, SlaTarget } from './sla-policy';
import { deadlineTexts } from './deadline-texts.catalog';
import type { DeadlineLanguage, DeadlineTexts, PolicyText } from './deadline-texts';

const days = (amount: number): SlaTarget => ({ amount, unit: 'business_days' });

/**
 * The clock options but `now` (a fold reads the events' instants only); `explain: false` folds the clocks without
 * writing the explanation (default: explained); `language`: the explanation's (default English).
 */
export type DeadlineFoldOptions = Omit<DeadlineClockOptions, 'now'> & { explain?: boolean; language?: DeadlineLanguage };

/** What the fold reads of the filing after it started the clocks. */
export type FiledClockFacts = Pick<E.CaseFiled['data'], 'channel' | 'filedAt'>;

/**
 * Everything a fold has gathered but its explanation (plain JSON): kept between events, it lets the
 * fold go on with the next event without replaying the history (see `DeadlineFold.resume`).
 */
export interface DeadlineFoldSnapshot {
  /** Only what the fold reads later: a snapshot kept per open case carries no facts, subject or request. */
  filed: FiledClockFacts;
  kind: CaseKind;
  typology: string | null;
  /** Absent in snapshots taken before issue 28: the fold's options say. */
  urgency?: CaseUrgency;
  selected: SelectedSlaPolicy;
  termDays: number;
  extendedDays: number;
  legal: PausableClock;
  resolution: PausableClock;
  firstResponse: PausableClock | null;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  stop: { reason: StopReason; at: string } | null;
  pauses: FoldedPause[];
  extensions: DeadlineExtension[];
  transfer: CaseTransfer | null;
  recordedDueAt: string;
  lastAt: string;
}

/** Replays a case's events into its clocks, writing down what each event did to them. */
export class DeadlineFold {
  readonly steps: DeadlineStep[] = [];
  // Not readonly: `resume` sets them too.
  private calendar: SlaCalendar;
  private policies: SlaPolicies;
  private urgency: CaseUrgency;
  private filed: FiledClockFacts;
  private kind: CaseKind;
  private typology: string | null = null;
  private selected: SelectedSlaPolicy;
  private termDays: number;
  private extendedDays = 0;
  private legal: PausableClock;
  private resolution: PausableClock;
  private firstResponse: PausableClock | null;
  private firstRespondedAt: string | null = null;
  private resolvedAt: string | null = null;
  private stop: { reason: StopReason; at: string } | null = null;
  private pauses: FoldedPause[] = [];
  private extensions: DeadlineExtension[] = [];
  private transfer: CaseTransfer | null = null;
  private recordedDueAt: string;
  private lastAt: string;
  /** False: no explanation is written (the SLA timers need the clocks only, and the texts cost calendar arithmetic). */
  private explaining: boolean;
  private texts: DeadlineTexts;

  /** The filing's facts the clocks start from (nothing about the petitioner). */
  constructor(filed: Pick<E.CaseFiled['data'], 'kind' | 'channel' | 'filedAt' | 'dueAt'>, options: DeadlineFoldOptions) {
    this.explaining = options.explain ?? true;
    this.texts = deadlineTexts(options.language);
    this.calendar = options.calendar;
    this.policies = options.policies;
    this.urgency = options.urgency ?? null;
    this.filed = { channel: filed.channel, filedAt: filed.filedAt };
    this.kind = filed.kind;
    this.termDays = LEGAL_TERM_BUSINESS_DAYS[filed.kind];
    this.selected = selectSlaPolicy(this.policies, null, this.urgency);
    // The receipt reading in force says from when the legal term counts (docs/domain.md, Deadlines, Receipt).
    this.legal = startClock(days(this.termDays), this.calendar.legalTermStart(filed.filedAt));
    this.resolution = startClock(this.selected.policy.resolution, filed.filedAt);
    const hasFirstResponseTarget = this.policies.firstResponseChannels.includes(filed.channel);
    this.firstResponse = hasFirstResponseTarget ? startClock(this.selected.policy.firstResponse, filed.filedAt) : null;
    this.recordedDueAt = filed.dueAt;
    this.lastAt = filed.filedAt;
    this.step(filed.filedAt, 'CaseFiled', () => {
      const filingDate = this.calendar.localDate(filed.filedAt);
      const nonBusinessDate = this.calendar.isBusinessDay(filingDate) ? null : filingDate;
      const legalDue = this.dues(filed.filedAt).legal;
      const start = this.calendar.legalTermStart(filed.filedAt);
      const receipt = { reading: this.calendar.receiptReading, receivedOn: start !== filed.filedAt ? this.calendar.localDate(start) : null };
      return this.texts.filed({ kind: filed.kind, channel: filed.channel, nonBusinessDate, termDays: this.termDays, legalDue, receipt }) + this.recordedNote(filed.dueAt);
    });
  }

  /**
   * A fold that goes on from a snapshot, with the same options (calendar, policies, urgency) as the
   * fold it was taken from: applying the next events gives the clocks a replay of the whole history
   * gives. Its explanation starts empty. The snapshot is copied, never changed.
   */
  static resume(snapshot: DeadlineFoldSnapshot, options: DeadlineFoldOptions): DeadlineFold {
    // Field by field, in the order they are declared. `Object.assign` of a spread was V8's slow path:
    // 7 % of the SLA timers' catch-up, which resumes a fold per event (21 → 16 µs per event).
    const fold = Object.create(DeadlineFold.prototype) as DeadlineFold;
    (fold as { steps: DeadlineStep[] }).steps = [];
    fold.calendar = options.calendar;
    fold.policies = options.policies;
    fold.urgency = options.urgency ?? null;
    fold.filed = snapshot.filed;
    fold.kind = snapshot.kind;
    fold.typology = snapshot.typology;
    fold.urgency = snapshot.urgency ?? options.urgency ?? null;
    fold.selected = snapshot.selected;
    fold.termDays = snapshot.termDays;
    fold.extendedDays = snapshot.extendedDays;
    fold.legal = snapshot.legal;
    fold.resolution = snapshot.resolution;
    fold.firstResponse = snapshot.firstResponse;
    fold.firstRespondedAt = snapshot.firstRespondedAt;
    fold.resolvedAt = snapshot.resolvedAt;
    fold.stop = snapshot.stop;
    fold.pauses = snapshot.pauses.map((pause) => ({ ...pause }));
    fold.extensions = snapshot.extensions.map((extension) => ({ ...extension }));
    fold.transfer = snapshot.transfer;
    fold.recordedDueAt = snapshot.recordedDueAt;
    fold.lastAt = snapshot.lastAt;
    fold.explaining = options.explain ?? true;
    fold.texts = deadlineTexts(options.language);
    return fold;
  }

  /** What the fold has gathered, as plain JSON (the clocks are replaced, never changed; the pauses are copied). */
  snapshot(): DeadlineFoldSnapshot {
    return {
      filed: this.filed,
      kind: this.kind,
      typology: this.typology,
      urgency: this.urgency,
      selected: this.selected,
      termDays: this.termDays,
      extendedDays: this.extendedDays,
      legal: this.legal,
      resolution: this.resolution,
      firstResponse: this.firstResponse,
      firstRespondedAt: this.firstRespondedAt,
      resolvedAt: this.resolvedAt,
      stop: this.stop,
      pauses: this.pauses.map((pause) => ({ ...pause })),
      extensions: [...this.extensions],
      transfer: this.transfer,
      recordedDueAt: this.recordedDueAt,
      lastAt: this.lastAt,
    };
  }

  get clocks(): FoldedClocks {
    return {
      kind: this.kind,
      typology: this.typology,
      urgency: this.urgency,
      selected: this.selected,
      termDays: this.termDays,
      extendedDays: this.extendedDays,
      legal: this.legal,
      resolution: this.resolution,
      firstResponse: this.firstResponse,
      firstRespondedAt: this.firstRespondedAt,
      resolvedAt: this.resolvedAt,
      stop: this.stop,
      pauses: this.pauses,
      extensions: this.extensions,
      transfer: this.transfer,
      recordedDueAt: this.recordedDueAt,
      lastAt: this.lastAt,
    };
  }

  apply(event: CaseEvent): void {
    switch (event.type) {
      case 'CaseFiled':
        return this.step(event.data.filedAt, event.type, () => this.texts.secondFiling());
      case 'CaseTypified':
        return this.typified(event.data);
      case 'CaseResolvedAtFirstLine':
        return this.resolvedAtFirstLine(event.data.resolvedAt);
      case 'CaseAssigned':
        return this.step(event.data.assignedAt, event.type, () => this.texts.assigned(event.data.backofficeId));
      case 'TypificationConfirmed':
        return this.step(event.data.confirmedAt, event.type, () => this.texts.typificationConfirmed());
      case 'CaseReturnedToAgent':
        return this.step(event.data.returnedAt, event.type, () => this.texts.returned(event.data.agentId));
      case 'InformationRequested':
        return this.informationRequested(event.data);
      case 'InformationPeriodExtended':
        return this.informationPeriodExtended(event.data);
      case 'InformationReceived':
        return this.informationReceived(event.data);
      case 'ResponseSent':
        return this.responseSent(event.data);
      case 'CounterReplyReceived':
        return this.counterReplyReceived(event.data.receivedAt);
      case 'DeadlineExtended':
        return this.deadlineExtended(event.data);
      case 'CaseTransferred':
        return this.transferred(event.data);
      case 'SatisfactionSurveyAnswered':
        return this.step(event.data.answeredAt, event.type, () => this.texts.noEffectOnDeadlines());
      case 'QualityReviewed':
        return this.step(event.data.reviewedAt, event.type, () => this.texts.noEffectOnDeadlines());
      case 'CaseClosed':
        return this.closed(event.data.closedAt);
      case 'FirstResponseOverdue':
      case 'ResolutionOverdue':
        return this.step(event.data.detectedAt, event.type, () => this.texts.overdueRecorded(event.data.dueAt));
      case 'CaseWithdrawn':
        return this.withdrawn(event.data.withdrawnAt);
      case 'CasePriorityChanged':
        return this.priorityChanged(event.data);
      case 'EmailDelivered':
      case 'EmailDeliveryFailed':
      case 'CustomerEmailReceived':
      case 'PetitionerDataErased':
      case 'InternalNoteAdded':
        // Emails, staff notes (and the suppression of personal data) move no deadline by themselves (InformationReceived, CounterReplyReceived do); left out of the explanation.
        return;
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  }

  private typified(d: E.CaseTypified['data']): void {
    // CaseTypified carries no instant: the first one comes with the filing, a later one after a return.
    const at = this.lastAt;
    const isFirst = this.typology === null;
    const previousTerm = this.termDays;
    const kindChanged = d.kind !== this.kind;
    if (kindChanged) {
      this.kind = d.kind;
      this.termDays = LEGAL_TERM_BUSINESS_DAYS[d.kind];
      this.legal = withTarget(this.legal, days(this.termDays + this.extendedDays));
    }
    this.typology = d.typology;
    this.selected = selectSlaPolicy(this.policies, d.typology, this.urgency);
    const { policy } = this.selected;
    this.resolution = withTarget(this.resolution, policy.resolution);
    if (this.firstResponse) this.firstResponse = withTarget(this.firstResponse, policy.firstResponse);
    this.recordedDueAt = d.dueAt;
    this.step(at, 'CaseTypified', () => {
      // Every due instant depends on its own clock only: read after all the changes, they are those of each step.
      const dues = this.dues(at);
      const text = this.texts.typified({
        isFirst,
        kind: d.kind,
        typology: d.typology,
        motive: d.motive,
        termChange: kindChanged ? { termDays: this.termDays, previousTerm, legalDue: dues.legal } : null,
        policy: this.policyText(),
        resolutionTarget: policy.resolution,
        dues,
        firstResponseTarget: this.firstResponse ? policy.firstResponse : null,
        channel: this.filed.channel,
      });
      return text + this.recordedNote(d.dueAt);
    });
  }

  /** The urgent policy applies from the filing whatever the typology (its targets count from the filing, like a typology's). */
  private priorityChanged(d: E.CasePriorityChanged['data']): void {
    this.urgency = d.priority === 'urgent' && d.reason ? d.reason.code : null;
    this.selected = selectSlaPolicy(this.policies, this.typology, this.urgency);
    const { policy } = this.selected;
    this.resolution = withTarget(this.resolution, policy.resolution);
    if (this.firstResponse) this.firstResponse = withTarget(this.firstResponse, policy.firstResponse);
    this.step(d.changedAt, 'CasePriorityChanged', () => this.texts.priorityChanged({ policy: this.policyText(), dues: this.dues(d.changedAt) }));
  }

  private resolvedAtFirstLine(at: string): void {
    this.firstRespondedAt ??= at;
    this.resolvedAt = at;
    this.stop = { reason: 'resolved', at };
    this.step(at, 'CaseResolvedAtFirstLine', () => this.texts.resolvedAtFirstLine());
  }

  private informationRequested(d: E.InformationRequested['data']): void {
    const at = d.requestedAt;
    if (this.stop) return this.step(at, 'InformationRequested', () => this.texts.noEffectStopped());
    const legalDueBefore = this.dues(at).legal;
    const legalExpired = isOverdueAt(this.calendar, this.legal, at);
    const companyExpired = isOverdueAt(this.calendar, this.resolution, at);
    const requestDue = this.calendar.addBusinessDays(this.calendar.legalTermStart(this.filed.filedAt), INFORMATION_REQUEST_TERM_BUSINESS_DAYS);
    const requestedLate = isAfter(at, requestDue);
    // Art. 17: only a request within 10 business days of filing suspends the legal term (a v1 request did, unless the term had expired).
    const suspendsLegal = !legalExpired && d.suspendsLegalTerm;
    if (suspendsLegal) this.legal = pauseClock(this.legal, at);
    if (!companyExpired) this.resolution = pauseClock(this.resolution, at);
    if (this.firstResponse && !this.firstRespondedAt && !isOverdueAt(this.calendar, this.firstResponse, at)) {
      this.firstResponse = pauseClock(this.firstResponse, at);
    }
    const pause: FoldedPause = {
      requestedAt: at,
      receivedAt: null,
      businessDaysLeft: suspendsLegal ? leftBeforeRunningSpan(this.calendar, this.legal) : 0,
      pausedLegalClock: suspendsLegal,
      requestedLate,
      tacitWithdrawalAfter: d.tacitWithdrawalAt ? this.calendar.localDate(d.tacitWithdrawalAt) : tacitWithdrawalDate(this.calendar, at, TACIT_WITHDRAWAL_MONTHS),
      customerSilenceDueAt: d.customerSilenceDueAt,
      periodExtended: null,
    };
    this.pauses.push(pause);
    this.step(at, 'InformationRequested', () =>
      this.texts.informationRequested({
        legal: legalExpired ? 'expired' : suspendsLegal ? 'suspended' : 'not_suspended',
        legalDueBefore,
        businessDaysLeft: pause.businessDaysLeft,
        companyExpired,
        tacitWithdrawalAfter: pause.tacitWithdrawalAfter,
        customerSilenceDueAt: d.customerSilenceDueAt,
        requestedLate,
        requestTermDays: INFORMATION_REQUEST_TERM_BUSINESS_DAYS,
        requestDue,
      }),
    );
  }

  private informationPeriodExtended(d: E.InformationPeriodExtended['data']): void {
    const at = d.extendedAt;
    const pause = this.pauses.find((candidate) => candidate.receivedAt === null && candidate.requestedAt === d.informationRequestedAt);
    if (!pause || this.stop) return this.step(at, 'InformationPeriodExtended', () => this.texts.periodExtensionNotWaiting());
    const previous = pause.tacitWithdrawalAfter;
    pause.tacitWithdrawalAfter = this.calendar.localDate(d.tacitWithdrawalAt);
    pause.periodExtended = { at, channel: d.channel, previousTacitWithdrawalAfter: previous };
    const silenceRuleDropped = pause.customerSilenceDueAt !== null;
    pause.customerSilenceDueAt = null;
    const next = pause.tacitWithdrawalAfter;
    this.step(at, 'InformationPeriodExtended', () => this.texts.informationPeriodExtended({ channel: d.channel, previous, next, silenceRuleDropped }));
  }

  private informationReceived(d: E.InformationReceived['data']): void {
    const at = d.receivedAt;
    const pause = this.pauses.find((candidate) => candidate.receivedAt === null);
    if (!pause || this.stop) return this.step(at, 'InformationReceived', () => this.texts.noEffectNotWaiting());
    pause.receivedAt = at;
    this.legal = resumeClock(this.legal, at);
    this.resolution = resumeClock(this.resolution, at);
    if (this.firstResponse) this.firstResponse = resumeClock(this.firstResponse, at);
    this.recordedDueAt = d.dueAt;
    this.step(at, 'InformationReceived', () => {
      const firstResponsePending = this.firstResponse !== null && !this.firstRespondedAt;
      const dues = this.dues(at);
      const legal = pause.pausedLegalClock ? 'restarted' : isAfter(pause.requestedAt, dues.legal) ? 'expired' : 'not_suspended';
      return this.texts.informationReceived({ legal, businessDaysLeft: pause.businessDaysLeft, dues, at, firstResponsePending }) + this.recordedNote(d.dueAt);
    });
  }

  private responseSent(d: E.ResponseSent['data']): void {
    const at = d.respondedAt;
    const first = !this.firstRespondedAt;
    this.firstRespondedAt ??= at;
    if (d.outcome === 'resolved') {
      this.resolvedAt = at;
      this.stop = { reason: 'resolved', at };
    }
    // A response moves no clock: the due instants are the same before and after it.
    this.step(at, 'ResponseSent', () => this.texts.responseSent({ first, resolved: d.outcome === 'resolved', at, dues: this.dues(at) }));
  }

  private counterReplyReceived(at: string): void {
    if (this.stop?.reason !== 'resolved') return this.step(at, 'CounterReplyReceived', () => this.texts.counterReplyRunning());
    this.stop = null;
    this.resolvedAt = null;
    const legalDue = this.dues(at).legal;
    this.step(at, 'CounterReplyReceived', () => this.texts.counterReplyReopened({ legalDue, passed: isAfter(at, legalDue) }));
  }

  private deadlineExtended(d: E.DeadlineExtended['data']): void {
    const at = d.extendedAt;
    const previousDueAt = this.dues(at).legal;
    // The decider refuses an extension at or after the deadline, and more than the original term again.
    const beforeDeadline = isAfter(previousDueAt, at);
    const allowed = Math.max(0, this.termDays - this.extendedDays);
    const withinLimit = d.businessDays <= allowed;
    const applied = beforeDeadline ? Math.min(d.businessDays, allowed) : 0;
    this.extendedDays += applied;
    this.legal = withTarget(this.legal, days(this.termDays + this.extendedDays));
    const newDueAt = this.dues(at).legal;
    this.extensions.push({ at, reason: d.reason, requestedBusinessDays: d.businessDays, appliedBusinessDays: applied, beforeDeadline, withinLimit, previousDueAt, dueAt: newDueAt });
    this.recordedDueAt = d.dueAt;
    const termDays = this.termDays;
    this.step(
      at,
      'DeadlineExtended',
      () => this.texts.extended({ businessDays: d.businessDays, reason: d.reason, termDays, previousDueAt, newDueAt, allowed, applied, beforeDeadline, withinLimit }) + this.recordedNote(d.dueAt),
    );
  }

  private transferred(d: E.CaseTransferred['data']): void {
    const at = d.transferredAt;
    const transferDue = transferDueAt(this.calendar, this.filed.filedAt);
    this.transfer = { at, entity: d.entity, dueAt: transferDue, late: isAfter(at, transferDue) };
    this.stop ??= { reason: 'transferred', at };
    const { late } = this.transfer;
    this.step(at, 'CaseTransferred', () => this.texts.transferred({ entity: d.entity, termDays: TRANSFER_TERM_BUSINESS_DAYS, dueAt: transferDue, late }));
  }

  private closed(at: string): void {
    const stop = this.stop;
    if (stop) return this.step(at, 'CaseClosed', () => this.texts.closedAfterStop(stop));
    this.stop = { reason: 'closed', at };
    this.step(at, 'CaseClosed', () => this.texts.closed());
  }

  private withdrawn(at: string): void {
    this.stop ??= { reason: 'withdrawn', at };
    const pause = this.pauses[this.pauses.length - 1];
    const by = pause ? pause.tacitWithdrawalAfter : null;
    this.step(at, 'CaseWithdrawn', () => this.texts.withdrawn(by));
  }

  /** Moves `lastAt` and, when explaining, writes the step (its text is only computed then). */
  private step(at: string, event: string, effect: () => string): void {
    if (isAfter(at, this.lastAt)) this.lastAt = at;
    if (this.explaining) this.steps.push({ at, event, effect: effect() });
  }

  private dues(at: string): DueInstants {
    return dueInstantsAt(this.calendar, { legal: this.legal, resolution: this.resolution, firstResponse: this.firstResponse }, at);
  }

  private policyText(): PolicyText {
    return { source: this.selected.source, typology: this.typology, urgency: this.urgency, priority: this.selected.policy.priority };
  }

  /** Names the decider's recorded deadline where this explanation deliberately differs from it. */
  private recordedNote(recorded: string): string {
    const computed = dueAt(this.calendar, this.legal);
    return computed !== null && Date.parse(computed) !== Date.parse(recorded) ? this.texts.recordedNote(recorded) : '';
  }
}

export { formatTarget } from './deadline-texts.en';
