import { BusinessCalendar } from '../calendar/business-calendar';
import { runningTransferTerm, transferDueAt } from './transfer-term';

const endOf = (date: string) => `${date}T23:59:59.999-05:00`;
const SATURDAY_FILING = '2026-03-07T11:00:00-05:00';

describe('transfer term (Ley 1755 de 2015, art. 21): 5 business days, counted from the receipt like every legal term', () => {
  it('given a filing on Saturday 7 March 2026 read as received that day, the term ends Friday 13 March', () => {
    expect(transferDueAt(new BusinessCalendar({ receiptReading: 'filing_day' }), SATURDAY_FILING)).toBe(endOf('2026-03-13'));
  });

  it('given the same filing read as received the next business day (Monday 9 March), the term ends Monday 16 March', () => {
    expect(transferDueAt(new BusinessCalendar({ receiptReading: 'next_business_day' }), SATURDAY_FILING)).toBe(endOf('2026-03-16'));
  });

  it('runs while the case is open and the term has not passed, and is gone after it', () => {
    const calendar = new BusinessCalendar({ receiptReading: 'next_business_day' });
    expect(runningTransferTerm(calendar, 'assigned', SATURDAY_FILING, '2026-03-16T20:00:00-05:00')).toBe(endOf('2026-03-16'));
    expect(runningTransferTerm(calendar, 'assigned', SATURDAY_FILING, '2026-03-17T08:00:00-05:00')).toBeNull();
    expect(runningTransferTerm(calendar, 'transferred', SATURDAY_FILING, '2026-03-09T08:00:00-05:00')).toBeNull();
  });
});
