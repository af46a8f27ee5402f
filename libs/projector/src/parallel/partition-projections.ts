/**
 * Relative cost of each projection's own work in a rebuild, the reading of the events left out (a
 * group reads them once for all its projections): how they were measured is in ADR 12. Only their
 * ratios matter; a projection not listed counts as the average.
 */
export const REBUILD_COST_HINTS: Readonly<Record<string, number>> = {
  'case-view': 2.65,
  'case-queues': 1.57,
  'case-timeline': 1.88,
  reports: 1.93,
  'sla-timers': 3.15,
  'mail-outbox': 2.15,
};

const AVERAGE_COST = Object.values(REBUILD_COST_HINTS).reduce((sum, cost) => sum + cost, 0) / Object.keys(REBUILD_COST_HINTS).length;

export function rebuildCostOf(name: string): number {
  return REBUILD_COST_HINTS[name] ?? AVERAGE_COST;
}

/** Up to this many projections the split is searched exhaustively (pruned: a few thousand steps); past it, the greedy split stands. */
const EXACT_SPLIT_UP_TO = 12;

/**
 * Splits projections into at most `workers` groups of similar total cost, one group per worker
 * thread of a parallel rebuild: the split whose costliest group costs least (searched; greedy
 * past EXACT_SPLIT_UP_TO projections: the costliest first, each to the group with the least so far).
 * Each group reads the events once for all its projections.
 */
export function partitionProjections(names: readonly string[], workers: number, costOf: (name: string) => number = rebuildCostOf): string[][] {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a positive integer, got ${workers}`);
  const costliestFirst = [...new Set(names)].sort((a, b) => costOf(b) - costOf(a) || a.localeCompare(b));
  const costs = costliestFirst.map(costOf);
  const groupCount = Math.min(workers, costs.length);
  let best = greedySplit(costs, groupCount);
  if (costs.length <= EXACT_SPLIT_UP_TO) best = searchSplit(costs, groupCount, best);
  const groups = Array.from({ length: groupCount }, () => [] as string[]);
  best.forEach((group, index) => groups[group].push(costliestFirst[index]));
  return groups.filter((group) => group.length > 0);
}

/** The group of each cost (costs sorted costliest first): each to the group with the least so far. */
function greedySplit(costs: readonly number[], groupCount: number): number[] {
  const loads = new Array<number>(groupCount).fill(0);
  return costs.map((cost) => {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] += cost;
    return lightest;
  });
}

/** A split whose costliest group costs less than `start`'s, if there is one (depth first, pruned). */
function searchSplit(costs: readonly number[], groupCount: number, start: number[]): number[] {
  const loads = new Array<number>(groupCount).fill(0);
  start.forEach((group, index) => (loads[group] += costs[index]));
  let best = start;
  let bestMax = Math.max(...loads);
  loads.fill(0);
  const split: number[] = [];
  const place = (index: number): void => {
    if (index === costs.length) {
      best = [...split];
      bestMax = Math.max(...loads);
      return;
    }
    for (let group = 0; group < groupCount; group++) {
      if (loads[group] + costs[index] >= bestMax) continue;
      split.push(group);
      loads[group] += costs[index];
      place(index + 1);
      loads[group] -= costs[index];
      split.pop();
      // Empty groups are alike: trying the first of them is enough.
      if (loads[group] === 0) break;
    }
  };
  place(0);
  return best;
}
