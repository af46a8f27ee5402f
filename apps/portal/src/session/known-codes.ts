/**
 * Verification codes the API accepted, per filing number, for this browser tab only
 * (sessionStorage): the customer types a code once per visit, and nothing outlives the tab.
 */
const key = (filingNumber: string) => `pqr-portal.code.${filingNumber}`;

export function knownCode(filingNumber: string): string | null {
  try {
    return window.sessionStorage.getItem(key(filingNumber));
  } catch {
    return null;
  }
}

export function rememberCode(filingNumber: string, code: string): void {
  try {
    window.sessionStorage.setItem(key(filingNumber), code);
  } catch {
    // Storage refused (private mode, quota): the customer types the code again on the next page.
  }
}

export function forgetCode(filingNumber: string): void {
  try {
    window.sessionStorage.removeItem(key(filingNumber));
  } catch {
    // Nothing was kept.
  }
}
