import { lastDayOf, planReportReads } from './report-reads';

describe('planReportReads', () => {
  it('given a whole month, then it reads that month’s totals and the open counts of the months before', () => {
    expect(planReportReads({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ months: { from: '2026-03', to: '2026-03' }, days: [], daysBefore: null, monthsBeforeUpTo: '2026-02' });
  });

  it('given a range starting and ending mid-month, then it reads the loose days at both ends and the whole months between', () => {
    expect(planReportReads({ from: '2026-03-15', to: '2026-06-10' })).toEqual({
      months: { from: '2026-04', to: '2026-05' },
      days: [
        { from: '2026-03-15', to: '2026-03-31' },
        { from: '2026-06-01', to: '2026-06-10' },
      ],
      daysBefore: { from: '2026-03-01', to: '2026-03-14' },
      monthsBeforeUpTo: '2026-02',
    });
  });

  it('given a range inside one month, or across two without a whole one, then it reads days only', () => {
    expect(planReportReads({ from: '2026-03-02', to: '2026-03-05' })).toMatchObject({ months: null, days: [{ from: '2026-03-02', to: '2026-03-05' }] });
    expect(planReportReads({ from: '2026-03-20', to: '2026-04-10' })).toMatchObject({ months: null, days: [{ from: '2026-03-20', to: '2026-04-10' }] });
  });

  it('given a range over the new year ending on the last of February, then the months wrap and February ends on the 28th', () => {
    expect(planReportReads({ from: '2025-12-02', to: '2026-02-28' })).toEqual({
      months: { from: '2026-01', to: '2026-02' },
      days: [{ from: '2025-12-02', to: '2025-12-31' }],
      daysBefore: { from: '2025-12-01', to: '2025-12-01' },
      monthsBeforeUpTo: '2025-11',
    });
    expect(planReportReads({ from: '2026-01-01', to: '2026-01-31' }).monthsBeforeUpTo).toBe('2025-12');
  });

  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
  ])('given %s, then its last day is %s', (month, last) => {
    expect(lastDayOf(month)).toBe(last);
  });
});
