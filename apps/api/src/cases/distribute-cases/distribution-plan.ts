import { ownEntry } from '@app/projections';
import type { DistributionRule } from './distribute-cases.dto';

/**
 * Who gets each case, in order. Round-robin deals the cases in turn; least-loaded gives each case to
 * whoever has the fewest open cases so far (ties: the order the supervisor listed them).
 */
export function planDistribution(rule: DistributionRule, caseCount: number, backofficeIds: string[], openCases: Record<string, number>): string[] {
  if (rule === 'round-robin') return Array.from({ length: caseCount }, (_, index) => backofficeIds[index % backofficeIds.length]);
  const load = new Map(backofficeIds.map((id) => [id, ownEntry(openCases, id) ?? 0]));
  return Array.from({ length: caseCount }, () => {
    const [lightest] = [...load.entries()].reduce((best, entry) => (entry[1] < best[1] ? entry : best));
    load.set(lightest, load.get(lightest)! + 1);
    return lightest;
  });
}
