import type { SlaCalendar } from './pausable-clock';

const METHODS = ['addBusinessDays', 'businessDaysBetween', 'addBusinessHours', 'businessHoursBetween', 'localDate', 'isBusinessDay', 'nextBusinessDay'] as const;

/**
 * The same calendar, remembering its answers (they depend on the arguments only). Replaying a case's
 * history at each of its events asks the same questions again and again; the business-time
 * arithmetic is what costs. At most `maxEntries` answers are kept; then it starts afresh.
 */
export function memoizedSlaCalendar(calendar: SlaCalendar, maxEntries = 200_000): SlaCalendar {
  const answers = new Map<string, unknown>();
  const remember = <A extends unknown[], R>(name: string, compute: (...args: A) => R) =>
    (...args: A): R => {
      const key = `${name}|${args.join('|')}`;
      if (answers.has(key)) return answers.get(key) as R;
      const answer = compute(...args);
      if (answers.size >= maxEntries) answers.clear();
      answers.set(key, answer);
      return answer;
    };
  const memoized = {} as Record<(typeof METHODS)[number], unknown>;
  for (const method of METHODS) memoized[method] = remember(method, (calendar[method] as (...args: unknown[]) => unknown).bind(calendar));
  return memoized as unknown as SlaCalendar;
}
