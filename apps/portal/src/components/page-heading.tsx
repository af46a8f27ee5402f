import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one h1. It takes the focus when it appears (a new page, or a receipt replacing its
 * form), so a screen reader announces where the customer is after each navigation.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
