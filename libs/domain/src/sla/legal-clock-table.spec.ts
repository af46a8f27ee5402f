import { BusinessCalendar } from '../calendar/business-calendar';
import type { ReceiptReading } from '../calendar/calendar-config';
import type { CaseKind } from '../cases/case-kind';
import type { CaseCommand } from '../cases/case.commands';
import { createCaseDecider } from '../cases/case.decider';
import type { CaseEvent } from '../cases/case.events';
import type { CaseState } from '../cases/case.state';
import { foldEvents } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { actors, fileClaimCommand } from '../testing/case-histories';
import { computeDeadlines } from './deadline-clock';
import { DEFAULT_SLA_POLICIES } from './sla-policy';

/**
 * Issue 22: an independent table of deadline cases across 2025–2027, driven through the decider (and
 * checked against the deadline fold). Every expected date is counted BY HAND from the holidays of
 * docs/domain.md and colombian-holidays.spec.ts, never by the calendar code; the comment of each row is
 * the count. Holidays used:
 *   2025: 1/1 6/1 24/3 17/4 18/4 1/5 2/6 23/6 30/6 20/7(Sun) 7/8 18/8 13/10 3/11 17/11 8/12 25/12
 *   2026: 1/1 12/1 23/3 2/4 3/4 1/5 18/5 8/6 15/6 29/6 13/7 20/7 7/8 17/8 12/10 2/11 16/11 8/12 25/12
 *   2027: 1/1 11/1 22/3 25/3 26/3 1/5 10/5 31/5 7/6 5/7 12/7 20/7 7/8 16/8 18/10 1/11 15/11 8/12 25/12
 *   2028: 1/1(Sat) 10/1 (Reyes, 6 January moved to Monday)
 */

type Step =
  | { do: 'file'; at: string; kind?: CaseKind; typology?: string }
  | { do: 'progress'; at: string }
  | { do: 'request'; at: string; outsideLey1755?: string[] }
  | { do: 'receive'; at: string }
  | { do: 'extend'; at: string; days: number }
  | { do: 'extraMonth'; at: string }
  | { do: 'withdraw'; at: string; dueAt: string }
  | { do: 'closeSilent'; at: string; dueAt: string };

interface Row {
  name: string;
  reading?: ReceiptReading;
  steps: Step[];
  /** The legal due date the case holds after the last step (end of that day in Bogotá). */
  due?: string;
  /** The last step is refused with this code. */
  fails?: string;
  /** The last InformationRequested suspended the legal term. */
  suspends?: boolean;
  /** The end of this date is the tacit-withdrawal instant the case holds. */
  withdrawal?: string;
  /** The company silence rule closes it after the end of this date (null: the law alone). */
  silence?: string | null;
  /** The last step emitted this event. */
  emits?: string;
}

const T = (date: string, time = '10:00:00') => `${date}T${time}-05:00`;
const endOf = (date: string) => `${date}T23:59:59.999-05:00`;
const file = (date: string, kind: CaseKind = 'claim', time = '10:00:00', typology = 'billing'): Step => ({ do: 'file', at: T(date, time), kind, typology });
const progress = (date: string): Step => ({ do: 'progress', at: T(date, '09:00:00') });
const request = (date: string, time = '10:00:00', outsideLey1755?: string[]): Step => ({ do: 'request', at: T(date, time), outsideLey1755 });
const receive = (date: string, time = '10:00:00'): Step => ({ do: 'receive', at: T(date, time) });
const extend = (date: string, days: number, time = '10:00:00'): Step => ({ do: 'extend', at: T(date, time), days });
const extraMonth = (date: string, time = '10:00:00'): Step => ({ do: 'extraMonth', at: T(date, time) });

/** A claim filed Monday 2 March 2026 at 10:00, in progress the next morning. Due 24 March: 3–6 (4), 9–13 (9), 16–20 (14), [23 San José] 24 (15). */
const claimMarch2026 = [file('2026-03-02'), progress('2026-03-03')];

const ROWS: Row[] = [
  // ---- Filing: the legal term of each kind, edge filings ----
  // 2–3 (2), 6–10 Oct (7), [13 Día de la Raza] 14–17 (11), 20–23 (15).
  { name: 'petition filed Wed 1 Oct 2025', steps: [file('2025-10-01', 'petition')], due: '2025-10-23' },
  // [23 San José] 24–27 (4), 30–31 (6), 1 Apr (7), [2–3 Holy Week] 6–10 (12), 13–15 (15).
  { name: 'claim filed Saturday 21 Mar 2026 (filing day)', steps: [file('2026-03-21', 'claim', '11:00:00')], due: '2026-04-15' },
  // Received Tue 24 (Mon 23 is a holiday): 25–27 (3), 30–31 (5), 1 Apr (6), 6–10 (11), 13–16 (15).
  { name: 'claim filed Saturday 21 Mar 2026 (next business day)', reading: 'next_business_day', steps: [file('2026-03-21', 'claim', '11:00:00')], due: '2026-04-16' },
  // After hours on Friday 20 Mar, counted from the filing day: as the Saturday filing, 24 Mar … 15 Apr.
  { name: 'claim filed Fri 20 Mar 2026 at 18:00 (filing day)', steps: [file('2026-03-20', 'claim', '18:00:00')], due: '2026-04-15' },
  // Received Tue 24 Mar: as above, 16 Apr.
  { name: 'claim filed Fri 20 Mar 2026 at 18:00 (next business day)', reading: 'next_business_day', steps: [file('2026-03-20', 'claim', '18:00:00')], due: '2026-04-16' },
  // 5–6 (2), 9–13 (7), 16–20 (12), [23] 24–26 (15).
  { name: 'complaint filed Wed 4 Mar 2026 at 17:30 (filing day)', steps: [file('2026-03-04', 'complaint', '17:30:00')], due: '2026-03-26' },
  // Received Thu 5 Mar: 6 (1), 9–13 (6), 16–20 (11), [23] 24–27 (15).
  { name: 'complaint filed Wed 4 Mar 2026 at 17:30 (next business day)', reading: 'next_business_day', steps: [file('2026-03-04', 'complaint', '17:30:00')], due: '2026-03-27' },
  // Within business hours (closing 17:00): received the same day, as under the filing-day reading.
  { name: 'complaint filed Wed 4 Mar 2026 at 16:59 (next business day)', reading: 'next_business_day', steps: [file('2026-03-04', 'complaint', '16:59:00')], due: '2026-03-26' },
  // 30 days: 16–19 Dec (4), 22–24 (7), [25] 26 (8), 29–31 (11), [1 Jan] 2 (12), 5–9 (17), [12 Reyes] 13–16 (21), 19–23 (26), 26–29 (30).
  { name: 'inquiry filed Mon 15 Dec 2025 (over New Year)', steps: [file('2025-12-15', 'inquiry')], due: '2026-01-29' },
  // 10 days over Holy Week 2027: [22 San José] 23–24 (2), [25–26] 29–31 (5), 1–2 Apr (7), 5–7 (10).
  { name: 'document request filed Fri 19 Mar 2027 (Holy Week)', steps: [file('2027-03-19', 'document_request')], due: '2027-04-07' },
  // Christmas Saturday 2027: 27–31 Dec (5), [1 Jan Sat] 3–7 (10), [10 Reyes] 11–14 (14), 17 (15).
  { name: 'complaint filed Saturday 25 Dec 2027 (a holiday)', steps: [file('2027-12-25', 'complaint', '12:00:00')], due: '2028-01-17' },
  // New Year's Eve 23:00: [1 Jan] 2 (1), 5–9 (6), [12] 13–16 (10), 19–23 (15).
  { name: 'report filed Wed 31 Dec 2025 at 23:00 (filing day)', steps: [file('2025-12-31', 'report', '23:00:00')], due: '2026-01-23' },
  // Received Fri 2 Jan 2026: 5–9 (5), 13–16 (9), 19–23 (14), 26 (15).
  { name: 'report filed Wed 31 Dec 2025 at 23:00 (next business day)', reading: 'next_business_day', steps: [file('2025-12-31', 'report', '23:00:00')], due: '2026-01-26' },
  // [25 Dec] 28–31 (4), [1 Jan] 4–8 (9), [11 Reyes] 12–15 (13), 18–19 (15).
  { name: 'formal petition filed Thu 24 Dec 2026', steps: [file('2026-12-24', 'formal_petition')], due: '2027-01-19' },
  // Holy Week 2025 [17–18 Apr]: 21–25 (5), 28–30 (8), [1 May] 2 (9), 5–9 (14), 12 (15).
  { name: 'suggestion filed Wed 16 Apr 2025 (Holy Week)', steps: [file('2025-04-16', 'suggestion')], due: '2025-05-12' },
  // [30 Jun San Pedro / Sacred Heart] 1–4 Jul (4), 7–11 (9), 14–18 (14), 21 (15) (20 July is a Sunday).
  { name: 'petition filed Fri 27 Jun 2025', steps: [file('2025-06-27', 'petition')], due: '2025-07-21' },
  // [18 May Ascension] 19–22 (4), 25–29 (9), 1–5 Jun (14), [8 Corpus] 9 (15).
  { name: 'claim filed Fri 15 May 2026', steps: [file('2026-05-15')], due: '2026-06-09' },
  // 30 days: [31 May] 1–4 Jun (4), [7] 8–11 (8), 14–18 (13), 21–25 (18), 28–30 (21), 1–2 Jul (23), [5] 6–9 (27), [12] 13–15 (30).
  { name: 'inquiry filed Fri 28 May 2027', steps: [file('2027-05-28', 'inquiry')], due: '2027-07-15' },

  // ---- Information requests (art. 17): within the 10 business days, later, after expiry ----
  // Asked 5 Mar: 12 left (6, 9–13, 16–20, 24); back 1 Apr, restarts 2 Apr: [2–3] 6–10 (5), 13–17 (10), 20–21 (12).
  { name: 'claim asked on 5 Mar 2026, information on 1 Apr (over Holy Week)', steps: [...claimMarch2026, request('2026-03-05'), receive('2026-04-01', '09:00:00')], due: '2026-04-21' },
  // The 10th business day after 2 Mar is 16 Mar: suspends, 5 left (17–20, 24); back 18 Mar, restarts 19: 19–20 (2), 24–26 (5).
  { name: 'claim asked on the 10th business day (16 Mar 2026)', steps: [...claimMarch2026, request('2026-03-16', '16:00:00'), receive('2026-03-18', '09:00:00')], due: '2026-03-26', suspends: true },
  // 17 Mar is the 11th business day: nothing suspended, still 24 Mar.
  { name: 'claim asked on the 11th business day (17 Mar 2026)', steps: [...claimMarch2026, request('2026-03-17'), receive('2026-03-20', '09:00:00')], due: '2026-03-24', suspends: false },
  { name: 'claim asked on the 11th business day, while waiting', steps: [...claimMarch2026, request('2026-03-17')], due: '2026-03-24', suspends: false, withdrawal: '2026-04-17' },
  // Asked after the term expired (24 Mar): never revived.
  { name: 'claim asked after expiry (25 Mar 2026), information on 27 Mar', steps: [...claimMarch2026, request('2026-03-25'), receive('2026-03-27')], due: '2026-03-24', suspends: false },
  { name: 'claim asked after expiry, then an extension on 30 Mar', steps: [...claimMarch2026, request('2026-03-25'), receive('2026-03-27'), extend('2026-03-30', 5)], fails: 'CASE.DEADLINE_PASSED' },
  // Issue 22: due 23 Oct 2025; asked 24 Oct, information 28 Oct: stays 23 Oct.
  { name: 'petition due 23 Oct 2025, asked 24 Oct, information 28 Oct', steps: [file('2025-10-01', 'petition'), progress('2025-10-02'), request('2025-10-24'), receive('2025-10-28')], due: '2025-10-23' },
  { name: 'petition due 23 Oct 2025, then an extension on 29 Oct', steps: [file('2025-10-01', 'petition'), progress('2025-10-02'), request('2025-10-24'), receive('2025-10-28'), extend('2025-10-29', 10)], fails: 'CASE.DEADLINE_PASSED' },
  // Document request due 16 Mar 2026 (3–6, 9–13, 16), asked on its last day: nothing left, one business day after the information (18 → 19 Mar).
  { name: 'document request asked on its last day', steps: [file('2026-03-02', 'document_request'), progress('2026-03-03'), request('2026-03-16'), receive('2026-03-18', '09:00:00')], due: '2026-03-19', suspends: true },
  // Filed Sat 21 Mar 2026: its 10 business days are 24–27, 30–31, 1, 6–8 Apr; asked 8 Apr: 5 left (9, 10, 13–15); back 20 Apr: 21–24 (4), 27 (5).
  { name: 'Saturday filing, asked on its 10th business day (8 Apr 2026)', steps: [file('2026-03-21', 'claim', '11:00:00'), progress('2026-03-24'), request('2026-04-08', '15:00:00'), receive('2026-04-20')], due: '2026-04-27', suspends: true },
  { name: 'Saturday filing, asked on 9 Apr 2026 (the 11th business day)', steps: [file('2026-03-21', 'claim', '11:00:00'), progress('2026-03-24'), request('2026-04-09'), receive('2026-04-20')], due: '2026-04-15', suspends: false },
  // Next-business-day reading: received 24 Mar, its 10 days run to 9 Apr (25–27, 30–31, 1, 6–9); due 16 Apr, 5 left (10, 13–16); back 20 Apr: 21–24, 27.
  { name: 'Saturday filing, asked 9 Apr 2026 (next business day reading: the 10th day)', reading: 'next_business_day', steps: [file('2026-03-21', 'claim', '11:00:00'), progress('2026-03-24'), request('2026-04-09'), receive('2026-04-20')], due: '2026-04-27', suspends: true },
  // Two requests: 13 left on 4 Mar (5–6, 9–13, 16–20, 24); back 6 Mar: 9–13 (5), 16–20 (10), 24–26 (13) → 26 Mar.
  // Asked again 11 Mar (within the 10 days): 10 left (12–13, 16–20, 24–26); back 18 Mar: 19–20 (2), 24–27 (6), 30–31 (8), 1 Apr (9), [2–3] 6 (10).
  {
    name: 'claim asked twice within the 10 days',
    steps: [...claimMarch2026, request('2026-03-04'), receive('2026-03-06'), request('2026-03-11'), receive('2026-03-18')],
    due: '2026-04-06',
  },
  // The second request on 17 Mar comes after the 10 days: the due date of the first restart (26 Mar) stays.
  { name: 'claim asked again after the 10 days', steps: [...claimMarch2026, request('2026-03-04'), receive('2026-03-06'), request('2026-03-17'), receive('2026-03-20')], due: '2026-03-26', suspends: false },

  // ---- Extensions (art. 14 par.) ----
  // From 24 Mar: 25–27 (3), 30–31 (5), 1 Apr (6), [2–3] 6–9 (10).
  { name: 'claim extended 10 days on 10 Mar 2026', steps: [...claimMarch2026, extend('2026-03-10', 10)], due: '2026-04-09' },
  // Then 5 more on 20 Mar: 10 (1), 13–16 (5).
  { name: 'claim extended 10 then 5 days (the limit)', steps: [...claimMarch2026, extend('2026-03-10', 10), extend('2026-03-20', 5)], due: '2026-04-16' },
  { name: 'claim extended 16 days (more than the original term)', steps: [...claimMarch2026, extend('2026-03-10', 16)], fails: 'CASE.EXTENSION_TOO_LONG' },
  { name: 'claim extended 10 then 6 days', steps: [...claimMarch2026, extend('2026-03-10', 10), extend('2026-03-20', 6)], fails: 'CASE.EXTENSION_TOO_LONG' },
  // On its last day, before midnight: 25–27, 30–31.
  { name: 'claim extended 5 days on its last day at 16:00', steps: [...claimMarch2026, extend('2026-03-24', 5, '16:00:00')], due: '2026-03-31' },
  { name: 'claim extended at midnight after its last day', steps: [...claimMarch2026, extend('2026-03-25', 5, '00:00:00')], fails: 'CASE.DEADLINE_PASSED' },
  // Due 7 Apr 2027; 10 more: 8–9 (2), 12–16 (7), 19–21 (10).
  { name: 'document request of Holy Week 2027 extended 10 days', steps: [file('2027-03-19', 'document_request'), extend('2027-04-01', 10)], due: '2027-04-21' },
  // Due 29 Jan 2026; 30 more: 30 (1), 2–6 Feb (6), 9–13 (11), 16–20 (16), 23–27 (21), 2–6 Mar (26), 9–12 (30).
  { name: 'inquiry over New Year extended 30 days', steps: [file('2025-12-15', 'inquiry'), extend('2026-01-20', 30)], due: '2026-03-12' },

  // ---- The customer's month, the extra month, tacit withdrawal ----
  // 5 Apr 2026 is a Sunday: Monday 6 Apr.
  { name: 'asked 5 Mar 2026: withdrawal date', steps: [...claimMarch2026, request('2026-03-05')], withdrawal: '2026-04-06', suspends: true, silence: null },
  // Two months: 5 May 2026, a Tuesday.
  { name: 'asked 5 Mar 2026, one more month asked on 20 Mar', steps: [...claimMarch2026, request('2026-03-05'), extraMonth('2026-03-20')], withdrawal: '2026-05-05', emits: 'InformationPeriodExtended' },
  { name: 'one more month asked on the withdrawal day itself (6 Apr 2026, 16:00)', steps: [...claimMarch2026, request('2026-03-05'), extraMonth('2026-04-06', '16:00:00')], withdrawal: '2026-05-05' },
  { name: 'one more month asked after the withdrawal date', steps: [...claimMarch2026, request('2026-03-05'), extraMonth('2026-04-07', '08:00:00')], fails: 'CASE.INFORMATION_PERIOD_ENDED' },
  { name: 'one more month asked twice', steps: [...claimMarch2026, request('2026-03-05'), extraMonth('2026-03-20'), extraMonth('2026-03-25')], fails: 'CASE.INFORMATION_PERIOD_ALREADY_EXTENDED' },
  { name: 'one more month on a case not waiting on the customer', steps: [...claimMarch2026, extraMonth('2026-03-05')], fails: 'CASE.WRONG_STATUS' },
  { name: 'withdrawn after the end of 6 Apr 2026', steps: [...claimMarch2026, request('2026-03-05'), { do: 'withdraw', at: T('2026-04-07', '00:00:00'), dueAt: endOf('2026-04-06') }], emits: 'CaseWithdrawn' },
  { name: 'withdrawal tried on 6 Apr 2026 at 23:00', steps: [...claimMarch2026, request('2026-03-05'), { do: 'withdraw', at: T('2026-04-06', '23:00:00'), dueAt: endOf('2026-04-06') }], fails: 'CASE.NOT_DUE_YET' },
  { name: 'withdrawal at the first month after the extra month', steps: [...claimMarch2026, request('2026-03-05'), extraMonth('2026-03-20'), { do: 'withdraw', at: T('2026-04-07', '00:00:00'), dueAt: endOf('2026-04-06') }], fails: 'CASE.TIMER_STALE' },
  { name: 'withdrawn after the extra month (end of 5 May 2026)', steps: [...claimMarch2026, request('2026-03-05'), extraMonth('2026-03-20'), { do: 'withdraw', at: T('2026-05-06', '00:00:00'), dueAt: endOf('2026-05-05') }], emits: 'CaseWithdrawn' },
  // 26 Mar 2027 is Good Friday: Monday 29 Mar. Two months: 26 Apr 2027, a Monday.
  { name: 'asked 26 Feb 2027 (a month later is Good Friday)', steps: [file('2027-02-22'), progress('2027-02-23'), request('2027-02-26')], withdrawal: '2027-03-29' },
  { name: 'asked 26 Feb 2027, one more month', steps: [file('2027-02-22'), progress('2027-02-23'), request('2027-02-26'), extraMonth('2027-03-10')], withdrawal: '2027-04-26' },
  // 30 Jan + 1 month is 28 Feb 2026 (a Saturday; February is short): Monday 2 Mar. Two months: 30 Mar, a Monday.
  { name: 'asked 30 Jan 2026 (February is short)', steps: [file('2026-01-26'), progress('2026-01-27'), request('2026-01-30')], withdrawal: '2026-03-02' },
  { name: 'asked 30 Jan 2026, one more month', steps: [file('2026-01-26'), progress('2026-01-27'), request('2026-01-30'), extraMonth('2026-02-10')], withdrawal: '2026-03-30' },
  // 29 Jun 2026 is San Pedro: Tuesday 30 Jun.
  { name: 'asked 29 May 2026 (a month later is a holiday)', steps: [file('2026-05-27'), progress('2026-05-28'), request('2026-05-29')], withdrawal: '2026-06-30' },
  // Over New Year: 23 Jan 2026 (a Friday); two months: 23 Feb, a Monday.
  { name: 'asked 23 Dec 2025, one more month', steps: [file('2025-12-22'), progress('2025-12-22'), request('2025-12-23'), extraMonth('2026-01-05')], withdrawal: '2026-02-23' },

  // ---- The company silence rule (2 business days) yields to the law ----
  // Outside Ley 1755 (typology billing): 6 (1), 9 (2).
  { name: 'billing claim the company marks outside Ley 1755, asked 5 Mar 2026', steps: [...claimMarch2026, request('2026-03-05', '10:00:00', ['billing'])], silence: '2026-03-09', withdrawal: '2026-04-06' },
  { name: 'billing claim outside the law, silent past 9 Mar', steps: [...claimMarch2026, request('2026-03-05', '10:00:00', ['billing']), { do: 'closeSilent', at: T('2026-03-10', '00:00:00'), dueAt: endOf('2026-03-09') }], emits: 'CaseClosed' },
  // Under the law (only complaints are outside): no company rule; the art. 17 date alone.
  { name: 'billing claim under Ley 1755 (only complaints are outside)', steps: [...claimMarch2026, request('2026-03-05', '10:00:00', ['complaint'])], silence: null, withdrawal: '2026-04-06' },
  { name: 'billing claim under Ley 1755, the company timer fires anyway', steps: [...claimMarch2026, request('2026-03-05', '10:00:00', ['complaint']), { do: 'closeSilent', at: T('2026-03-10', '00:00:00'), dueAt: endOf('2026-03-09') }], fails: 'CASE.TIMER_STALE' },
  // A suggestion outside the law by kind, asked 23 Dec 2025: 24 (1), [25] 26 (2).
  { name: 'suggestion outside the law by kind, asked 23 Dec 2025', steps: [file('2025-12-22', 'suggestion'), progress('2025-12-22'), request('2025-12-23', '10:00:00', ['suggestion'])], silence: '2025-12-26' },
  // The extra month replaces the company rule: the case waits for the new date.
  { name: 'billing claim outside the law granted one more month', steps: [...claimMarch2026, request('2026-03-05', '10:00:00', ['billing']), extraMonth('2026-03-06')], silence: null, withdrawal: '2026-05-05' },
];

const SILENCE_DAYS = 2;

function commandOf(step: Step): CaseCommand {
  const base = { at: step.at };
  switch (step.do) {
    case 'file': {
      const filing = fileClaimCommand({ kind: step.kind ?? 'claim', typology: step.typology ?? 'billing' }) as Extract<CaseCommand, { type: 'FileCase' }>;
      return { ...filing, at: step.at, data: { ...filing.data, consent: { givenAt: step.at, channel: 'phone', policyVersion: '2026-01' } } };
    }
    case 'progress':
      return { type: 'AssignCase', data: { backofficeId: actors.backoffice.id }, actor: actors.supervisor, ...base };
    case 'request':
      return {
        type: 'RequestInformation',
        data: { message: 'Adjunte la factura', customerSilenceRule: step.outsideLey1755 ? { businessDays: SILENCE_DAYS, outsideLey1755: step.outsideLey1755 } : null },
        actor: actors.backoffice,
        ...base,
      };
    case 'receive':
      return { type: 'ReceiveInformation', data: { summary: 'Factura', channel: 'email' }, actor: actors.backoffice, ...base };
    case 'extend':
      return { type: 'ExtendDeadline', data: { businessDays: step.days, reason: 'Concepto técnico' }, actor: actors.supervisor, ...base };
    case 'extraMonth':
      return { type: 'ExtendInformationPeriod', data: { channel: 'phone' }, actor: actors.agent, ...base };
    case 'withdraw':
      return { type: 'WithdrawCase', data: { informationRequestedAt: '', dueAt: step.dueAt }, actor: { id: 'system:sla', roles: [] }, ...base };
    case 'closeSilent':
      return { type: 'CloseCaseAutomatically', data: { rule: 'customer_silent', dueAt: step.dueAt, informationRequestedAt: '' }, actor: { id: 'system:sla', roles: [] }, ...base };
  }
}

/** Runs the steps through the decider; the SLA commands name the case's current request. */
function run(row: Row): { events: CaseEvent[]; last: CaseEvent[]; error: unknown; calendar: BusinessCalendar } {
  const calendar = new BusinessCalendar({ receiptReading: row.reading ?? 'filing_day' });
  const decider = createCaseDecider(calendar);
  const events: CaseEvent[] = [];
  let last: CaseEvent[] = [];
  for (const [index, step] of row.steps.entries()) {
    const state = foldEvents(decider, events);
    let command = commandOf(step);
    if (command.type === 'WithdrawCase' || command.type === 'CloseCaseAutomatically') {
      const requestedAt = state.status === 'awaiting_information' ? state.informationRequestedAt : '';
      command = { ...command, data: { ...command.data, informationRequestedAt: requestedAt } } as CaseCommand;
    }
    const emitted: CaseEvent[] = [];
    try {
      emitted.push(...decider.decide(command, state));
      // "progress" is the assignment and the confirmation of the typification.
      if (step.do === 'progress') {
        emitted.push(...decider.decide({ type: 'ReviewTypification', data: { consistent: true }, actor: actors.backoffice, at: step.at }, foldEvents(decider, [...events, ...emitted])));
      }
    } catch (error) {
      if (index === row.steps.length - 1) return { events, last, error, calendar };
      throw error;
    }
    events.push(...emitted);
    last = emitted;
  }
  return { events, last, error: null, calendar };
}

describe('the legal clock, a table of deadline cases across 2025–2027 counted by hand (issue 22)', () => {
  it('has at least 40 cases', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_name, row) => {
    const { events, last, error, calendar } = run(row);
    if (row.fails) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(row.fails);
      return;
    }
    expect(error).toBeNull();
    const state = events.reduce<CaseState>((current, event) => createCaseDecider(calendar).evolve(current, event), { status: 'none' });
    if (state.status === 'none') throw new Error('not filed');
    if (row.emits) expect(last.map((event) => event.type)).toContain(row.emits);
    if (row.due) {
      expect(state.dueAt).toBe(endOf(row.due));
      // The deadline fold agrees with the decider (and shows the term paused while a request suspends it).
      const lastAt = row.steps[row.steps.length - 1].at;
      const deadlines = computeDeadlines(events, { calendar, policies: DEFAULT_SLA_POLICIES, now: lastAt });
      if (deadlines.legal.paused) expect(state.status).toBe('awaiting_information');
      else expect(deadlines.legal.dueAt).toBe(endOf(row.due));
    }
    const requests = events.filter((event): event is Extract<CaseEvent, { type: 'InformationRequested' }> => event.type === 'InformationRequested');
    if (row.suspends !== undefined) expect(requests[requests.length - 1].data.suspendsLegalTerm).toBe(row.suspends);
    if (row.withdrawal !== undefined) {
      expect(state.status).toBe('awaiting_information');
      if (state.status === 'awaiting_information') expect(state.tacitWithdrawalAt).toBe(endOf(row.withdrawal));
    }
    if (row.silence !== undefined && state.status === 'awaiting_information') {
      expect(state.customerSilenceDueAt).toBe(row.silence === null ? null : endOf(row.silence));
    }
  });
});
