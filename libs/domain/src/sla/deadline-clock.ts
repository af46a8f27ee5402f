import type { CaseEvent } from '../cases/case.events';
import type { DeadlineExplanation } from './deadline-explanation';
import { DeadlineFold } from './deadline-fold';
import { readDeadlines } from './deadline-readings';
import type { SlaCalendar } from './pausable-clock';
import type { CaseUrgency, SlaPolicies } from './sla-policy';

export interface DeadlineClockOptions {
  calendar: SlaCalendar;
  policies: SlaPolicies;
  /** The instant to read the clocks at; never read from a clock here. */
  now: string;
  /** Why the case is urgent, until the events carry it; null or absent when it is not. */
  urgency?: CaseUrgency;
}

/**
 * Replays one case's history (in order) into its deadlines: legal, company resolution and first
 * response, with a step-by-step explanation. Pure: the same history, options and `now` give the same answer.
 */
export function computeDeadlines(events: readonly CaseEvent[], options: DeadlineClockOptions): DeadlineExplanation {
  if (Number.isNaN(Date.parse(options.now))) throw new RangeError(`now must be an ISO-8601 instant, got ${JSON.stringify(options.now)}`);
  const fold = foldDeadlines(events, options);
  return readDeadlines(options.calendar, fold.clocks, fold.steps, options.now);
}

/** The clocks (and explained steps) of a case history, before they are read at an instant. */
export function foldDeadlines(events: readonly CaseEvent[], options: Omit<DeadlineClockOptions, 'now'>): DeadlineFold {
  const [first, ...rest] = events;
  if (first?.type !== 'CaseFiled') throw new RangeError('computeDeadlines needs a case history that starts with CaseFiled');
  const fold = new DeadlineFold(first.data, options);
  for (const event of rest) fold.apply(event);
  return fold;
}
