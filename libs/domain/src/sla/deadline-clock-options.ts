import type { DeadlineLanguage } from './deadline-texts';
import type { SlaCalendar } from './pausable-clock';
import type { CaseUrgency, SlaPolicies } from './sla-policy';
import type { TermDayCalendar } from './term-days';

export interface DeadlineClockOptions {
  calendar: SlaCalendar;
  policies: SlaPolicies;
  /** The instant to read the clocks at; never read from a clock here. */
  now: string;
  /** Why the case is urgent, until the events carry it; null or absent when it is not. */
  urgency?: CaseUrgency;
  /** The language of the explanation's texts (default English, the code's; the API answers in Spanish unless asked). */
  language?: DeadlineLanguage;
  /** Given, the legal term lists the business days it counted and the weekends and holidays it skipped (`legal.days`). */
  dayCalendar?: TermDayCalendar;
}
