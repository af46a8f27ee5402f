/** How far ahead of ours the clock of whoever signed a token may run (`iat`, `nbf`). */
export const CLOCK_SKEW_SECONDS = 60;

export interface TokenTimes {
  exp?: unknown;
  iat?: unknown;
  nbf?: unknown;
}

/**
 * Why a token's times make it unacceptable, or undefined. The JWT library checks `exp` against the
 * clock; this adds what it lets through: a token without `exp` (valid forever), one that lives longer
 * than `maxLifetimeSeconds` (a 100-year `exp`), and one issued or valid only in the future.
 */
export function tokenTimesProblem(claims: TokenTimes, nowSeconds: number, maxLifetimeSeconds: number): string | undefined {
  const { exp, iat, nbf } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return 'The token has no expiry (exp)';
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) return 'The token has an invalid issue time (iat)';
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf))) return 'The token has an invalid start time (nbf)';
  if (iat !== undefined && iat > nowSeconds + CLOCK_SKEW_SECONDS) return 'The token was issued in the future (iat)';
  if (nbf !== undefined && nbf > nowSeconds + CLOCK_SKEW_SECONDS) return 'The token is not valid yet (nbf)';
  const tooLong = `The token lives longer than ${maxLifetimeSeconds / 3600} hours (JWT_MAX_LIFETIME_HOURS)`;
  // Issued long ago and valid long after: its lifetime counts from iat, whatever is left of it now.
  if (iat !== undefined && exp - iat > maxLifetimeSeconds) return tooLong;
  if (exp - nowSeconds > maxLifetimeSeconds + CLOCK_SKEW_SECONDS) return tooLong;
  return undefined;
}
