import { planDistribution } from './distribution-plan';

describe('planDistribution', () => {
  it('given round-robin, deals the cases in turn', () => {
    expect(planDistribution('round-robin', 5, ['a', 'b'], { a: 9 })).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('given least-loaded and agents named like members of Object.prototype, then their loads are their counts', () => {
    const openCases = JSON.parse('{"__proto__": 3, "toString": 1}') as Record<string, number>;
    expect(planDistribution('least-loaded', 3, ['__proto__', 'constructor', 'toString'], openCases)).toEqual(['constructor', 'constructor', 'toString']);
  });

  it('given least-loaded, fills the lightest queue first and breaks ties in the listed order', () => {
    expect(planDistribution('least-loaded', 4, ['a', 'b', 'c'], { a: 2, b: 0, c: 1 })).toEqual(['b', 'b', 'c', 'a']);
  });
});
