import { JwtService } from '@nestjs/jwt';
import { signToken, tokenLifetimeSeconds } from './sign-token';

describe('npm run token: --hours within JWT_MAX_LIFETIME_HOURS', () => {
  it('defaults to the maximum lifetime and accepts up to it', () => {
    expect(tokenLifetimeSeconds(undefined, 12)).toBe(12 * 3600);
    expect(tokenLifetimeSeconds('0.5', 12)).toBe(1800);
    expect(tokenLifetimeSeconds('8', 8)).toBe(8 * 3600);
  });

  it('refuses more hours than the API accepts, and hours that are no positive number', () => {
    expect(() => tokenLifetimeSeconds('13', 12)).toThrow('--hours may be at most 12 (JWT_MAX_LIFETIME_HOURS)');
    expect(() => tokenLifetimeSeconds('876000', 12)).toThrow('at most 12');
    expect(() => tokenLifetimeSeconds('0', 12)).toThrow('--hours must be a positive number');
    expect(() => tokenLifetimeSeconds('soon', 12)).toThrow('--hours must be a positive number');
  });

  it('signs iat and an exp that many seconds later', () => {
    const secret = 'a-secret-that-is-long-enough-for-hs256-0123456789';
    const claims = new JwtService({ secret }).verify(signToken(secret, 'ana', ['agent'], 1800));
    expect(claims.exp - claims.iat).toBe(1800);
  });
});
