import type { SimulationProfile } from './case-simulation';

const STAFF = { agents: 40, backoffice: 60, supervisors: 6, quality: 4 };

/**
 * ~1,000,000 events: 152,000 cases filed over 18 months (≈ 280 a day), each living its full life
 * (≈ 6.6 events per case), appended in simulated-time order so that cases interleave as in production.
 */
export const CATCH_UP_PROFILE: SimulationProfile = {
  name: 'catchup-1m-events',
  seed: 20_260_301,
  cases: 152_000,
  startDate: '2025-01-01',
  months: 18,
  staff: STAFF,
};

/**
 * Short histories for the query benchmark's read models: after the filing (CaseFiled + CaseTypified,
 * or + CaseResolvedAtFirstLine) a case gets 0 to 3 more commands, so most cases stay open and
 * fill the queues: the worst case for queue pages (see docs/benchmarks.md, "Read side").
 */
export function shortHistoryProfile(cases: number): SimulationProfile {
  return {
    name: `short-histories-${cases}`,
    seed: 20_260_302,
    cases,
    startDate: '2025-01-01',
    months: 18,
    staff: STAFF,
    historyCap: [
      [0, 35],
      [1, 35],
      [2, 20],
      [3, 10],
    ],
  };
}
