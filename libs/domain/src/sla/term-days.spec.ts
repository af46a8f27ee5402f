import { BusinessCalendar } from '../calendar/business-calendar';
import { countTermDays } from './term-days';

const calendar = new BusinessCalendar();

describe('countTermDays', () => {
  it('counts 15 business days from the day after filing and names the holidays and weekends skipped (Holy Week 2026)', () => {
    // Filed Monday 2026-03-30: Holy Thursday 04-02 and Good Friday 04-03 are holidays.
    const { counted, skipped } = countTermDays(calendar, [{ from: '2026-03-30T10:00:00-05:00', to: null }], 15);
    expect(counted).toEqual([
      '2026-03-31', '2026-04-01', '2026-04-06', '2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10',
      '2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16', '2026-04-17', '2026-04-20', '2026-04-21', '2026-04-22',
    ]);
    expect(skipped).toEqual([
      { date: '2026-04-02', reason: 'holiday', holiday: 'Jueves Santo' },
      { date: '2026-04-03', reason: 'holiday', holiday: 'Viernes Santo' },
      { date: '2026-04-04', reason: 'weekend' },
      { date: '2026-04-05', reason: 'weekend' },
      { date: '2026-04-11', reason: 'weekend' },
      { date: '2026-04-12', reason: 'weekend' },
      { date: '2026-04-18', reason: 'weekend' },
      { date: '2026-04-19', reason: 'weekend' },
    ]);
  });

  it('lists no day skipped after the last one counted', () => {
    // Filed Wednesday 2026-12-02: 2 business days are Thu 12-03 and Fri 12-04; the weekend after is not part of the term.
    expect(countTermDays(calendar, [{ from: '2026-12-02T09:00:00-05:00', to: null }], 2)).toEqual({ counted: ['2026-12-03', '2026-12-04'], skipped: [] });
  });

  it('stops counting while paused and goes on from the day after the restart', () => {
    // Filed Mon 2026-11-23; paused on Wed 11-25 (2 days counted: 11-24, 11-25); restarted Thu 12-03, counting from Fri 12-04;
    // Tue 12-08 is a holiday (Inmaculada Concepción).
    const spans = [
      { from: '2026-11-23T09:00:00-05:00', to: '2026-11-25T15:00:00-05:00' },
      { from: '2026-12-03T11:00:00-05:00', to: null },
    ];
    const { counted, skipped } = countTermDays(calendar, spans, 5);
    expect(counted).toEqual(['2026-11-24', '2026-11-25', '2026-12-04', '2026-12-07', '2026-12-09']);
    expect(skipped).toEqual([
      { date: '2026-12-05', reason: 'weekend' },
      { date: '2026-12-06', reason: 'weekend' },
      { date: '2026-12-08', reason: 'holiday', holiday: 'Inmaculada Concepción' },
    ]);
  });
});
