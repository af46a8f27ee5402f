import type { ReactNode } from 'react';

export interface SummaryItem {
  term: string;
  value: ReactNode;
  /** For the browser tests: the values they read (`data-testid`). */
  testId?: string;
  className?: string;
}

/** A few facts of a case as term and value (a description list). */
export function Summary({ items, className = 'summary' }: { items: SummaryItem[]; className?: string }) {
  return (
    <dl className={className}>
      {items.map((item) => (
        <div key={item.term}>
          <dt>{item.term}</dt>
          <dd className={item.className} data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
