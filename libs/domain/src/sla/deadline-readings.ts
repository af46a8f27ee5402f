import type { CaseKind } from '../cases/case-kind';
import type {
  CaseTransfer,
  ClockStatus,
  DeadlineExplanation,
  DeadlineExtension,
  DeadlineReading,
  DeadlineStep,
  FirstResponseDeadline,
  InformationPause,
  StopReason,
} from './deadline-explanation';
import { dueInstantsAt } from './due-instants';
import type { CaseClocks } from './due-instants';
import { businessTimeBetween, consumedAt, isAfter, isPaused } from './pausable-clock';
import type { PausableClock, SlaCalendar } from './pausable-clock';
import type { CaseUrgency, SelectedSlaPolicy } from './sla-policy';
import { deadlineTexts } from './deadline-texts.catalog';
import type { DeadlineTexts, OverdueSubject } from './deadline-texts';

export type FoldedPause = Omit<InformationPause, 'tacitWithdrawalReached'>;

/** What replaying a case's history leaves behind, before reading it at an instant. */
export interface FoldedClocks extends CaseClocks {
  kind: CaseKind;
  typology: string | null;
  urgency: CaseUrgency;
  selected: SelectedSlaPolicy;
  termDays: number;
  extendedDays: number;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  stop: { reason: StopReason; at: string } | null;
  pauses: readonly FoldedPause[];
  extensions: readonly DeadlineExtension[];
  transfer: CaseTransfer | null;
  recordedDueAt: string;
  lastAt: string;
}

/**
 * Reads the clocks at `now`. A deadline met, or a case stopped, is read at that instant, so its
 * consumed time and its overdue flag no longer change as time goes by.
 */
export function readDeadlines(
  calendar: SlaCalendar,
  clocks: FoldedClocks,
  steps: readonly DeadlineStep[],
  now: string,
  texts: DeadlineTexts = deadlineTexts(),
): DeadlineExplanation {
  // Time never runs backwards: a `now` from a clock lagging behind the events reads at the last event.
  const asOf = isAfter(clocks.lastAt, now) ? clocks.lastAt : now;
  const stoppedAt = clocks.stop?.at ?? null;

  const resolutionReadAt = clocks.resolvedAt ?? stoppedAt ?? asOf;
  const dues = dueInstantsAt(calendar, clocks, resolutionReadAt);
  const legal = {
    kind: clocks.kind,
    termBusinessDays: clocks.termDays,
    extendedBusinessDays: clocks.extendedDays,
    recordedDueAt: clocks.recordedDueAt,
    receiptReading: calendar.receiptReading,
    paused: !clocks.stop && isPaused(clocks.legal),
    ...reading(calendar, clocks.legal, [clocks.legal], dues.legal, clocks.resolvedAt, resolutionReadAt),
  };
  const resolution = {
    target: clocks.resolution.target,
    companyDueAt: isPaused(clocks.resolution) ? null : dues.company,
    cappedByLegalDeadline: dues.resolution !== dues.company,
    ...reading(calendar, clocks.resolution, [clocks.resolution, clocks.legal], dues.resolution, clocks.resolvedAt, resolutionReadAt),
  };
  const firstResponse = readFirstResponse(calendar, clocks, clocks.firstRespondedAt ?? stoppedAt ?? asOf);

  const pauses = clocks.pauses.map((pause) => ({
    ...pause,
    tacitWithdrawalReached: calendar.localDate(pause.receivedAt ?? stoppedAt ?? asOf) > pause.tacitWithdrawalAfter,
  }));
  const overdueSteps = [
    overdueStep(texts, 'FirstResponseOverdue', firstResponse, 'firstResponse'),
    overdueStep(texts, 'ResolutionOverdue', resolution, 'resolution'),
    overdueStep(texts, 'LegalDeadlineOverdue', legal, 'legal'),
  ]
    // Once the SLA process has recorded the fact, its own step says so: no second, predicted one.
    .filter((step): step is DeadlineStep => step !== null && !steps.some((recorded) => recorded.event === step.event));

  return {
    asOf,
    status: statusOf(clocks, pauses),
    policy: { source: clocks.selected.source, typology: clocks.typology, urgency: clocks.urgency, priority: clocks.selected.policy.priority },
    firstResponse,
    resolution,
    legal,
    pauses,
    extensions: [...clocks.extensions],
    transfer: clocks.transfer,
    overdue: { firstResponse: firstResponse?.overdue ?? false, resolution: resolution.overdue, legal: legal.overdue },
    steps: mergeByInstant(steps, overdueSteps),
  };
}

function readFirstResponse(calendar: SlaCalendar, clocks: FoldedClocks, readAt: string): FirstResponseDeadline | null {
  if (!clocks.firstResponse) return null;
  const dues = dueInstantsAt(calendar, clocks, readAt);
  return {
    target: clocks.firstResponse.target,
    cappedByResolution: dues.firstResponse !== dues.firstResponseTarget,
    ...reading(calendar, clocks.firstResponse, [clocks.firstResponse, clocks.resolution, clocks.legal], dues.firstResponse!, clocks.firstRespondedAt, readAt),
  };
}

/** `dueAt` is shown only when one of the clocks that decide it runs; a paused due depends on the restart. */
function reading(
  calendar: SlaCalendar,
  clock: PausableClock,
  decidingClocks: PausableClock[],
  projectedDue: string,
  metAt: string | null,
  readAt: string,
): DeadlineReading {
  return {
    ...dueStatus(decidingClocks, projectedDue, metAt, readAt),
    consumed: consumedAt(calendar, clock, readAt),
    remaining: businessTimeBetween(calendar, readAt, projectedDue),
  };
}

export type DueStatus = Pick<DeadlineReading, 'dueAt' | 'metAt' | 'overdue'>;

function dueStatus(decidingClocks: PausableClock[], projectedDue: string, metAt: string | null, readAt: string): DueStatus {
  return { dueAt: decidingClocks.every(isPaused) ? null : projectedDue, metAt, overdue: isAfter(readAt, projectedDue) };
}

/**
 * Only the due instants, met or not, read at the last event (or where met or stopped): what the SLA
 * timers need, without the business time consumed and remaining (costly calendar arithmetic).
 */
export function readDueStatus(calendar: SlaCalendar, clocks: FoldedClocks): { firstResponse: DueStatus | null; resolution: DueStatus } {
  const stoppedAt = clocks.stop?.at ?? null;
  const resolutionReadAt = clocks.resolvedAt ?? stoppedAt ?? clocks.lastAt;
  const resolutionDues = dueInstantsAt(calendar, clocks, resolutionReadAt);
  const resolution = dueStatus([clocks.resolution, clocks.legal], resolutionDues.resolution, clocks.resolvedAt, resolutionReadAt);
  if (!clocks.firstResponse) return { firstResponse: null, resolution };
  const readAt = clocks.firstRespondedAt ?? stoppedAt ?? clocks.lastAt;
  const due = (readAt === resolutionReadAt ? resolutionDues : dueInstantsAt(calendar, clocks, readAt)).firstResponse!;
  return { firstResponse: dueStatus([clocks.firstResponse, clocks.resolution, clocks.legal], due, clocks.firstRespondedAt, readAt), resolution };
}

function statusOf(clocks: FoldedClocks, pauses: InformationPause[]): ClockStatus {
  if (clocks.stop) return { state: 'stopped', ...clocks.stop };
  const openPause = pauses.find((pause) => pause.receivedAt === null && pause.pausedLegalClock);
  return openPause ? { state: 'paused', since: openPause.requestedAt } : { state: 'running' };
}

/** The events a process manager will emit (FirstResponseOverdue, ...), shown where they belong in time. */
function overdueStep(texts: DeadlineTexts, event: string, deadline: DeadlineReading | null, subject: OverdueSubject): DeadlineStep | null {
  if (!deadline?.overdue || deadline.dueAt === null) return null;
  return { at: deadline.dueAt, event, effect: texts.overduePredicted({ subject, dueAt: deadline.dueAt, metAt: deadline.metAt }) };
}

function mergeByInstant(steps: readonly DeadlineStep[], inserted: DeadlineStep[]): DeadlineStep[] {
  const merged = [...steps];
  for (const step of inserted) {
    const index = merged.findIndex((existing) => isAfter(existing.at, step.at));
    merged.splice(index === -1 ? merged.length : index, 0, step);
  }
  return merged;
}
