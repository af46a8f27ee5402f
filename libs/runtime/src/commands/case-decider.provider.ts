import { BusinessCalendar, createCaseDecider } from '@app/domain';

export const CASE_DECIDER = Symbol('CASE_DECIDER');

export const caseDeciderProvider = {
  provide: CASE_DECIDER,
  inject: [BusinessCalendar],
  useFactory: (calendar: BusinessCalendar) => createCaseDecider(calendar),
};
