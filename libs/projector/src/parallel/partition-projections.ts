/**
 * Relative cost of rebuilding each projection alone: seconds for the first 100,000 events of the
 * benchmark's store, measured one projection at a time on 2026-12-03 at 14:20, after the outbox
 * stopped rendering at projection time (mean of two runs; docs/benchmarks.md). Only their ratios
 * matter; a projection not listed counts as the average.
 */
export const REBUILD_COST_HINTS: Readonly<Record<string, number>> = {
  'case-view': 5.9,
  'case-queues': 4.7,
  'case-timeline': 6.2,
  reports: 4.8,
  'sla-timers': 7.7,
  'mail-outbox': 4.9,
};

const AVERAGE_COST = Object.values(REBUILD_COST_HINTS).reduce((sum, cost) => sum + cost, 0) / Object.keys(REBUILD_COST_HINTS).length;

export function rebuildCostOf(name: string): number {
  return REBUILD_COST_HINTS[name] ?? AVERAGE_COST;
}

/**
 * Splits projections into at most `workers` groups of similar total cost (the costliest first, each
 * to the group with the least so far), one group per worker thread of a parallel rebuild. Each
 * group reads the events once for all its projections.
 */
export function partitionProjections(names: readonly string[], workers: number, costOf: (name: string) => number = rebuildCostOf): string[][] {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
  const unique = [...new Set(names)];
  const groups = Array.from({ length: Math.min(workers, unique.length) }, () => ({ names: [] as string[], cost: 0 }));
  const costliestFirst = unique.sort((a, b) => costOf(b) - costOf(a) || a.localeCompare(b));
  for (const name of costliestFirst) {
    const lightest = groups.reduce((least, group) => (group.cost < least.cost ? group : least));
    lightest.names.push(name);
    lightest.cost += costOf(name);
  }
  return groups.map((group) => group.names);
}
