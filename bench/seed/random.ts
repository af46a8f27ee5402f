import { SeededRandom } from '../../test/support/seeded-random';

/**
 * The test suites' seeded PRNG (mulberry32), so that a seed version always produces the same cases
 * (same ids, same histories, same times) and cached files can be regenerated identically.
 */
export class Random extends SeededRandom {
  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** A version-4-shaped UUID drawn from this generator (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = (digits: number) => {
      let out = '';
      for (let i = 0; i < digits; i++) out += Math.floor(this.next() * 16).toString(16);
      return out;
    };
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(this.next() * 4)]}${hex(3)}-${hex(12)}`;
  }
}
