import { businessCalendarOf } from '../calendar/business-calendar-of';
import { customerSilenceRuleOf, validateAppConfig } from './app-config';

describe('configuration of the legal clock (issue 22)', () => {
  it('by default: the company silence rule covers no kind or typology, and the terms count from the day of filing', () => {
    const config = validateAppConfig({});
    expect(customerSilenceRuleOf(config)).toEqual({ businessDays: 2, outsideLey1755: [] });
    expect(businessCalendarOf(config).receiptReading).toBe('filing_day');
  });

  it('reads SLA_OUTSIDE_LEY_1755 as a comma list of kinds and typologies', () => {
    const config = validateAppConfig({ SLA_OUTSIDE_LEY_1755: 'suggestion, general-information' });
    expect(customerSilenceRuleOf(config).outsideLey1755).toEqual(['suggestion', 'general-information']);
  });

  it('CALENDAR_RECEIPT_READING=next_business_day: a Saturday filing counts from Monday', () => {
    const calendar = businessCalendarOf(validateAppConfig({ CALENDAR_RECEIPT_READING: 'next_business_day' }));
    expect(calendar.receiptReading).toBe('next_business_day');
    expect(calendar.legalTermStart('2026-03-07T11:00:00-05:00')).toBe('2026-03-09T08:00:00.000-05:00');
  });

  it.each([
    ['CALENDAR_RECEIPT_READING', 'monday'],
    ['SLA_OUTSIDE_LEY_1755', 'billing;claims'],
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => validateAppConfig({ [name]: value })).toThrow(name);
  });
});
