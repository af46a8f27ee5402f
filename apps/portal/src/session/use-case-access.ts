import { useCallback, useEffect, useState } from 'react';
import type { PublicCase } from '../api/contract';
import { getCase } from '../api/public-api';
import { WRONG_CODE, type Problem } from '../api/problems';
import { forgetCode, knownCode, rememberCode } from './known-codes';

export interface CaseAccess {
  /** The code the API accepted for this filing number, and the case it showed. */
  access: { code: string; view: PublicCase } | null;
  problem: Problem | null;
  loading: boolean;
  /** Tries a code the customer typed; keeps it for the tab once the API accepts it. */
  tryCode: (code: string) => Promise<void>;
  /** Reads the case again (after the customer sent something). */
  reload: () => Promise<void>;
}

/** A page of one case: opens with the code kept for this tab, or waits for the customer to type one. */
export function useCaseAccess(filingNumber: string): CaseAccess {
  const [access, setAccess] = useState<CaseAccess['access']>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(() => knownCode(filingNumber) !== null);

  const load = useCallback(
    async (code: string) => {
      setLoading(true);
      const result = await getCase(filingNumber, code);
      setLoading(false);
      if (result.ok) {
        rememberCode(filingNumber, code);
        setAccess({ code, view: result.data });
        setProblem(null);
        return;
      }
      setProblem(result.problem);
      // A code the API no longer accepts is forgotten; a throttle or an outage leaves what the page shows.
      if (result.problem.message === WRONG_CODE) {
        if (knownCode(filingNumber) === code) forgetCode(filingNumber);
        setAccess(null);
      }
    },
    [filingNumber],
  );

  useEffect(() => {
    const code = knownCode(filingNumber);
    if (code) void load(code);
  }, [filingNumber, load]);

  const reload = useCallback(async () => {
    if (access) await load(access.code);
  }, [access, load]);

  return { access, problem, loading, tryCode: load, reload };
}
