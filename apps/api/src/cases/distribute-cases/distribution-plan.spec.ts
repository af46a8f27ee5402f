import { planDistribution } from './distribution-plan';

describe('planDistribution', () => {
  it('given round-robin, deals the cases in turn', () => {
    expect(planDistribution('round-robin', 5, ['a', 'b'], { a: 9 })).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('given least-loaded, fills the lightest queue first and breaks ties in the listed order', () => {
    expect(planDistribution('least-loaded', 4, ['a', 'b', 'c'], { a: 2, b: 0, c: 1 })).toEqual(['b', 'b', 'c', 'a']);
  });
});
