import type { BusinessCalendar } from '../calendar/business-calendar';
import type { SlaTarget } from './sla-policy';

/** The calendar arithmetic the deadline clock needs (implemented by BusinessCalendar). */
export type SlaCalendar = Pick<
  BusinessCalendar,
  | 'addBusinessDays'
  | 'businessDaysBetween'
  | 'addBusinessHours'
  | 'businessHoursBetween'
  | 'localDate'
  | 'isBusinessDay'
  | 'nextBusinessDay'
  | 'legalTermStart'
  | 'receiptReading'
>;

export interface BusinessTime {
  businessDays: number;
  businessHours: number;
}

interface RunningSpan {
  from: string;
  to: string | null;
}

/**
 * A budget of business time (the target) that runs in spans: it stops while paused and restarts
 * with what was left. Days count like the legal term, from the day after the span starts;
 * hours count inside business hours from the instant it starts.
 */
export interface PausableClock {
  target: SlaTarget;
  spans: RunningSpan[];
}

export function startClock(target: SlaTarget, at: string): PausableClock {
  return { target, spans: [{ from: at, to: null }] };
}

export function withTarget(clock: PausableClock, target: SlaTarget): PausableClock {
  return { ...clock, target };
}

export function isPaused(clock: PausableClock): boolean {
  return lastSpan(clock).to !== null;
}

export function pauseClock(clock: PausableClock, at: string): PausableClock {
  if (isPaused(clock)) return clock;
  return { ...clock, spans: [...clock.spans.slice(0, -1), { from: lastSpan(clock).from, to: at }] };
}

export function resumeClock(clock: PausableClock, at: string): PausableClock {
  if (!isPaused(clock)) return clock;
  return { ...clock, spans: [...clock.spans, { from: at, to: null }] };
}

/** Null while paused: the due instant depends on when the clock restarts. */
export function dueAt(calendar: SlaCalendar, clock: PausableClock): string | null {
  const running = lastSpan(clock);
  return running.to === null ? dueCountingFrom(calendar, clock, running.from) : null;
}

/** The due instant, or for a paused clock the one it would have if it restarted at `at`. */
export function projectedDueAt(calendar: SlaCalendar, clock: PausableClock, at: string): string {
  return dueAt(calendar, clock) ?? dueCountingFrom(calendar, clock, at);
}

/** What is left of the target, in its own unit, before the running span. */
export function leftBeforeRunningSpan(calendar: SlaCalendar, clock: PausableClock): number {
  const spent = clock.spans
    .filter((span) => span.to !== null)
    .reduce((sum, span) => sum + measure(calendar, clock, span.from, span.to!), 0);
  return clock.target.amount - spent;
}

export function isOverdueAt(calendar: SlaCalendar, clock: PausableClock, at: string): boolean {
  const due = dueAt(calendar, clock);
  return due !== null && isAfter(at, due);
}

export function consumedAt(calendar: SlaCalendar, clock: PausableClock, asOf: string): BusinessTime {
  return clock.spans.reduce(
    (sum, span) => {
      const to = span.to === null || isAfter(span.to, asOf) ? asOf : span.to;
      return {
        businessDays: sum.businessDays + calendar.businessDaysBetween(span.from, to),
        businessHours: sum.businessHours + calendar.businessHoursBetween(span.from, to),
      };
    },
    { businessDays: 0, businessHours: 0 },
  );
}

export function businessTimeBetween(calendar: SlaCalendar, from: string, to: string): BusinessTime {
  return { businessDays: calendar.businessDaysBetween(from, to), businessHours: calendar.businessHoursBetween(from, to) };
}

export function isAfter(a: string, b: string): boolean {
  // Instants written alike (same length, same UTC offset) compare as text: the SLA timers compare
  // instants for every event, and parsing them was a twentieth of their time.
  if (writtenAlike(a, b)) return a > b;
  return Date.parse(a) > Date.parse(b);
}

/** ISO-8601 instants of the same length ending in the same offset (`-05:00`, `Z`): their text sorts as they do. */
function writtenAlike(a: string, b: string): boolean {
  const length = a.length;
  if (length !== b.length || length < 20) return false;
  if (a.charCodeAt(length - 1) === 90 && b.charCodeAt(length - 1) === 90) return true; // 'Z'
  for (let index = length - 6; index < length; index++) if (a.charCodeAt(index) !== b.charCodeAt(index)) return false;
  return a.charCodeAt(length - 3) === 58; // ':' of ±HH:MM
}

export function earliest(a: string, b: string): string {
  return isAfter(a, b) ? b : a;
}

function dueCountingFrom(calendar: SlaCalendar, clock: PausableClock, start: string): string {
  const left = leftBeforeRunningSpan(calendar, clock);
  // As the decider does on InformationReceived: a restarted legal term gets at least its next business day.
  if (clock.target.unit === 'business_days') return calendar.addBusinessDays(start, Math.max(1, left));
  return left > 0 ? calendar.addBusinessHours(start, left) : start;
}

function measure(calendar: SlaCalendar, clock: PausableClock, from: string, to: string): number {
  return clock.target.unit === 'business_days' ? calendar.businessDaysBetween(from, to) : calendar.businessHoursBetween(from, to);
}

function lastSpan(clock: PausableClock): RunningSpan {
  return clock.spans[clock.spans.length - 1];
}
