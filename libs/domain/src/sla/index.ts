export * from './sla-policy';
export * from './deadline-explanation';
export * from './legal-terms';
export { computeDeadlines } from './deadline-clock';
export type { DeadlineClockOptions } from './deadline-clock';
export { formatTarget } from './deadline-fold';
export type { BusinessTime, SlaCalendar } from './pausable-clock';
export * from './sla-timers';
export { memoizedSlaCalendar } from './memoized-calendar';
