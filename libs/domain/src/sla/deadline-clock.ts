import type { CaseEvent } from '../cases/case.events';
import type { DeadlineClockOptions } from './deadline-clock-options';
import type { DeadlineExplanation } from './deadline-explanation';
import { DeadlineFold } from './deadline-fold';
import { readDeadlines } from './deadline-readings';
import { deadlineTexts } from './deadline-texts.catalog';
import { countTermDays } from './term-days';

/**
 * Replays one case's history (in order) into its deadlines: legal, company resolution and first
 * response, with a step-by-step explanation. Pure: the same history, options and `now` give the same answer.
 */
export function computeDeadlines(events: readonly CaseEvent[], options: DeadlineClockOptions): DeadlineExplanation {
  if (Number.isNaN(Date.parse(options.now))) throw new RangeError(`now must be an ISO-8601 instant, got ${JSON.stringify(options.now)}`);
  const fold = foldDeadlines(events, options);
  const explanation = readDeadlines(options.calendar, fold.clocks, fold.steps, options.now, deadlineTexts(options.language));
  if (!options.dayCalendar) return explanation;
  const { legal, termDays, extendedDays } = fold.clocks;
  return { ...explanation, legal: { ...explanation.legal, days: countTermDays(options.dayCalendar, legal.spans, termDays + extendedDays) } };
}

/** The clocks (and explained steps) of a case history, before they are read at an instant. */
export function foldDeadlines(events: readonly CaseEvent[], options: Omit<DeadlineClockOptions, 'now'>): DeadlineFold {
  const [first, ...rest] = events;
  if (first?.type !== 'CaseFiled') throw new RangeError('computeDeadlines needs a case history that starts with CaseFiled');
  const fold = new DeadlineFold(first.data, options);
  for (const event of rest) fold.apply(event);
  return fold;
}
