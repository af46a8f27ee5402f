import { JwtService } from '@nestjs/jwt';
import { expectApiError } from './support/expectations';
import { startTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

/** Tokens the JWT library alone accepted: without exp, living for a century, issued in the future. */
describe('Bearer tokens: exp required, lifetime capped by JWT_MAX_LIFETIME_HOURS, no iat/nbf in the future', () => {
  let t: TestApp;
  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: object) => `Bearer ${new JwtService({ secret: TEST_JWT_SECRET }).sign({ sub: 'ana', roles: ['agent'], ...claims }, { algorithm: 'HS256' })}`;
  const holidays = (authorization: string) => t.http().get('/calendar/holidays?year=2026').set('Authorization', authorization);

  beforeAll(async () => {
    t = await startTestApp({ config: { JWT_MAX_LIFETIME_HOURS: '2' } });
  });
  afterAll(() => t?.close());

  it('accepts a token living up to JWT_MAX_LIFETIME_HOURS, and one issued or starting within the clock skew', async () => {
    await holidays(sign({ iat: now(), exp: now() + 2 * 3600 })).expect(200);
    await holidays(sign({ iat: now() + 30, nbf: now() + 30, exp: now() + 3600 })).expect(200);
  });

  it.each([
    ['without exp', () => ({ iat: now() }), 'The token has no expiry (exp)'],
    ['valid for 100 years', () => ({ iat: now(), exp: now() + 100 * 365 * 86400 }), 'The token lives longer than 2 hours (JWT_MAX_LIFETIME_HOURS)'],
    ['valid for 100 years, without iat', () => ({ exp: now() + 100 * 365 * 86400 }), 'The token lives longer than 2 hours (JWT_MAX_LIFETIME_HOURS)'],
    ['living 3 hours where 2 are allowed', () => ({ iat: now(), exp: now() + 3 * 3600 }), 'The token lives longer than 2 hours (JWT_MAX_LIFETIME_HOURS)'],
    ['issued an hour in the future', () => ({ iat: now() + 3600, exp: now() + 7200 }), 'The token was issued in the future (iat)'],
    ['not valid for another hour (nbf)', () => ({ iat: now(), nbf: now() + 3600, exp: now() + 7200 }), 'The token is not valid yet (nbf)'],
    ['expired', () => ({ iat: now() - 7200, exp: now() - 3600 }), 'The token has expired'],
  ])('refuses a token %s with 401 AUTH.UNAUTHENTICATED and the reason', async (_name, claims, reason) => {
    const response = await holidays(sign(claims()));
    expectApiError(_name, response, 401, 'AUTH.UNAUTHENTICATED');
    expect(response.body.message).toBe(reason);
  });
});
