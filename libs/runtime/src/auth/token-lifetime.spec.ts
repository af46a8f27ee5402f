import { CLOCK_SKEW_SECONDS, tokenTimesProblem } from './token-lifetime';

describe('tokenTimesProblem: what the JWT library lets through', () => {
  const now = 1_800_000_000;
  const max = 12 * 3600;

  it('accepts a token issued now for at most the maximum lifetime, and one without iat expiring within it', () => {
    expect(tokenTimesProblem({ iat: now, exp: now + max }, now, max)).toBeUndefined();
    expect(tokenTimesProblem({ exp: now + 60 }, now, max)).toBeUndefined();
    expect(tokenTimesProblem({ iat: now - 3600, nbf: now - 3600, exp: now + 60 }, now, max)).toBeUndefined();
  });

  it('accepts iat and nbf up to the clock skew ahead of our clock', () => {
    expect(tokenTimesProblem({ iat: now + CLOCK_SKEW_SECONDS, nbf: now + CLOCK_SKEW_SECONDS, exp: now + 3600 }, now, max)).toBeUndefined();
  });

  it('refuses a token without exp, or with one that is not a number', () => {
    expect(tokenTimesProblem({ iat: now }, now, max)).toBe('The token has no expiry (exp)');
    expect(tokenTimesProblem({ iat: now, exp: '9999999999' }, now, max)).toBe('The token has no expiry (exp)');
  });

  it('refuses a lifetime over the maximum: a 100-year exp, with or without iat, and an old iat with a far exp', () => {
    const tooLong = 'The token lives longer than 12 hours (JWT_MAX_LIFETIME_HOURS)';
    expect(tokenTimesProblem({ iat: now, exp: now + 100 * 365 * 86400 }, now, max)).toBe(tooLong);
    expect(tokenTimesProblem({ exp: now + 100 * 365 * 86400 }, now, max)).toBe(tooLong);
    expect(tokenTimesProblem({ iat: now - 30 * 86400, exp: now + 3600 }, now, max)).toBe(tooLong);
    expect(tokenTimesProblem({ iat: now, exp: now + max + 1 }, now, max)).toBe(tooLong);
  });

  it('refuses iat or nbf further in the future than the clock skew', () => {
    expect(tokenTimesProblem({ iat: now + CLOCK_SKEW_SECONDS + 1, exp: now + 3600 }, now, max)).toBe('The token was issued in the future (iat)');
    expect(tokenTimesProblem({ iat: now, nbf: now + 3600, exp: now + 7200 }, now, max)).toBe('The token is not valid yet (nbf)');
    expect(tokenTimesProblem({ iat: 'soon', exp: now + 60 }, now, max)).toBe('The token has an invalid issue time (iat)');
  });
});
