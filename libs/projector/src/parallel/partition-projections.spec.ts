import { partitionProjections, REBUILD_COST_HINTS, rebuildCostOf } from './partition-projections';

describe('partitionProjections', () => {
  const all = ['case-view', 'case-queues', 'case-timeline', 'reports', 'sla-timers', 'mail-outbox'];
  const costOfGroup = (group: string[]) => group.reduce((sum, name) => sum + rebuildCostOf(name), 0);

  it('gives every projection to exactly one of the workers', () => {
    const groups = partitionProjections(all, 2);
    expect(groups).toHaveLength(2);
    expect(groups.flat().sort()).toEqual([...all].sort());
  });

  it('balances the measured costs: the six projections split into two groups within 10 % of each other', () => {
    const [first, second] = partitionProjections(all, 2).map(costOfGroup);
    expect(Math.abs(first - second) / Math.max(first, second)).toBeLessThan(0.1);
  });

  it('never starts more workers than projections, and names each projection once', () => {
    expect(partitionProjections(['reports', 'case-view', 'reports'], 8)).toEqual([['case-view'], ['reports']]);
    expect(partitionProjections([], 2)).toEqual([]);
  });

  it('counts a projection without a measured cost as the average', () => {
    expect(partitionProjections(['a', 'b', 'c', 'd'], 2, () => 1).map((group) => group.length)).toEqual([2, 2]);
    const measured = Object.values(REBUILD_COST_HINTS);
    expect(rebuildCostOf('not-measured')).toBeCloseTo(measured.reduce((sum, cost) => sum + cost, 0) / measured.length);
    expect(rebuildCostOf('not-measured')).toBeGreaterThan(Math.min(...measured));
    expect(rebuildCostOf('not-measured')).toBeLessThan(Math.max(...measured));
  });

  it('finds the most even split where filling the lightest group first does not', () => {
    const cost: Record<string, number> = { a: 3, b: 3, c: 2, d: 2, e: 2 };
    const groups = partitionProjections(Object.keys(cost), 2, (name) => cost[name]);
    expect(groups.map((group) => group.reduce((sum, name) => sum + cost[name], 0)).sort()).toEqual([6, 6]);
  });

  it('refuses a worker count that is not a positive integer', () => {
    expect(() => partitionProjections(all, 0)).toThrow(RangeError);
    expect(() => partitionProjections(all, 1.5)).toThrow('workers must be a positive integer, got 1.5');
  });
});
