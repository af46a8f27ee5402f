import { earliest, projectedDueAt } from './pausable-clock';
import type { PausableClock, SlaCalendar } from './pausable-clock';

export interface CaseClocks {
  legal: PausableClock;
  /** The company resolution target. */
  resolution: PausableClock;
  /** Null on channels without a first-response target. */
  firstResponse: PausableClock | null;
}

export interface DueInstants {
  legal: string;
  /** The company resolution target alone. */
  company: string;
  /** The company target capped by the legal deadline: the legal deadline always caps the company's targets. */
  resolution: string;
  firstResponseTarget: string | null;
  /** A resolved response is also a first response, so the first one is never due after the resolution. */
  firstResponse: string | null;
}

/** The due instants at `at`; a paused clock gives the one it would have if it restarted then. */
export function dueInstantsAt(calendar: SlaCalendar, clocks: CaseClocks, at: string): DueInstants {
  const legal = projectedDueAt(calendar, clocks.legal, at);
  const company = projectedDueAt(calendar, clocks.resolution, at);
  const resolution = earliest(company, legal);
  const firstResponseTarget = clocks.firstResponse && projectedDueAt(calendar, clocks.firstResponse, at);
  const firstResponse = firstResponseTarget && earliest(firstResponseTarget, resolution);
  return { legal, company, resolution, firstResponseTarget, firstResponse };
}
