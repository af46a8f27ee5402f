import { easterSunday } from './easter';

describe('easterSunday', () => {
  it.each([
    [1984, '1984-04-22'],
    [2008, '2008-03-23'], // earliest in this century
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'], // earliest possible date
  ])('given the year %i, when computing Easter, then it is Sunday %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});
