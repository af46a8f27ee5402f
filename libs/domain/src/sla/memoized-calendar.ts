import type { SlaCalendar } from './pausable-clock';

const METHODS = ['addBusinessDays', 'businessDaysBetween', 'addBusinessHours', 'businessHoursBetween', 'localDate', 'isBusinessDay', 'nextBusinessDay', 'legalTermStart'] as const;

/** Answers by argument, one map level per argument (the arguments are instants, dates and counts). */
type Answers = Map<unknown, unknown>;

/** The map that holds the answers for these arguments but the last, its levels made where missing. */
function levelOf(root: Answers, args: unknown[]): Answers {
  let answers = root;
  for (let index = 0; index < args.length - 1; index++) {
    let next = answers.get(args[index]) as Answers | undefined;
    if (!next) answers.set(args[index], (next = new Map()));
    answers = next;
  }
  return answers;
}

/**
 * The same calendar, remembering its answers (they depend on the arguments only). Replaying a case's
 * history at each of its events asks the same questions again and again; the business-time
 * arithmetic is what costs. At most `maxEntries` answers are kept; then it starts afresh. Each method
 * has its own maps, looked up argument by argument: no key string is built for each question.
 */
export function memoizedSlaCalendar(calendar: SlaCalendar, maxEntries = 200_000): SlaCalendar {
  const roots: Answers[] = [];
  let entries = 0;
  const remember = (compute: (...args: unknown[]) => unknown) => {
    const root: Answers = new Map();
    roots.push(root);
    return (...args: unknown[]): unknown => {
      const last = args[args.length - 1];
      let answers = levelOf(root, args);
      if (answers.has(last)) return answers.get(last);
      const answer = compute(...args);
      if (entries >= maxEntries) {
        for (const each of roots) each.clear();
        entries = 0;
        answers = levelOf(root, args);
      }
      answers.set(last, answer);
      entries++;
      return answer;
    };
  };
  const memoized = {} as Record<(typeof METHODS)[number], unknown>;
  for (const method of METHODS) memoized[method] = remember((calendar[method] as (...args: unknown[]) => unknown).bind(calendar));
  return { ...memoized, receiptReading: calendar.receiptReading } as unknown as SlaCalendar;
}
