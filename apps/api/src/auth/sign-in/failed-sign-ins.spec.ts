import { validateAppConfig } from '@app/runtime';
import { FailedSignIns } from './failed-sign-ins';

const config = validateAppConfig({ SIGN_IN_FAILURES_PER_ACCOUNT: '3', SIGN_IN_FAILURES_PER_ADDRESS: '5', SIGN_IN_FAILURE_WINDOW_MINUTES: '15' });
const minute = 60_000;
const t0 = Date.parse('2026-03-02T15:00:00Z');

describe('failed sign-ins (per account, per address, sliding window)', () => {
  it('lets an account fail up to its limit, then refuses until the oldest failure leaves the window', () => {
    const failures = new FailedSignIns(config);
    for (let i = 0; i < 3; i++) {
      expect(failures.retryAfterSeconds('user:ana', '10.0.0.1', t0 + i * minute)).toBe(0);
      failures.record('user:ana', '10.0.0.1', t0 + i * minute);
    }
    // From any address: the account is what is guessed at.
    expect(failures.retryAfterSeconds('user:ana', '10.0.0.9', t0 + 3 * minute)).toBe(12 * 60);
    expect(failures.retryAfterSeconds('user:ana', '10.0.0.9', t0 + 15 * minute + 1)).toBe(0);
    expect(failures.retryAfterSeconds('user:beto', '10.0.0.9', t0 + 3 * minute)).toBe(0);
  });

  it('counts an address over every account it tries', () => {
    const failures = new FailedSignIns(config);
    for (let i = 0; i < 5; i++) failures.record(`email:guess-${i}@x.co`, '10.0.0.2', t0);
    expect(failures.retryAfterSeconds('user:ana', '10.0.0.2', t0 + minute)).toBe(14 * 60);
    expect(failures.retryAfterSeconds('user:ana', '10.0.0.3', t0 + minute)).toBe(0);
  });

  it('a success clears its account, and takes back only its own attempt from its address', () => {
    const failures = new FailedSignIns(config);
    for (let i = 0; i < 4; i++) failures.record('user:ana', '10.0.0.4', t0 + i);
    const success = failures.record('user:ana', '10.0.0.4', t0 + 10);
    expect(failures.retryAfterSeconds('user:beto', '10.0.0.4', t0 + 11)).toBeGreaterThan(0);
    failures.succeeded('user:ana', '10.0.0.4', success);
    expect(failures.retryAfterSeconds('user:ana', '10.0.0.5', t0 + 11)).toBe(0);
    expect(failures.retryAfterSeconds('user:beto', '10.0.0.4', t0 + 11)).toBe(0);
    failures.record('user:carla', '10.0.0.4', t0 + 12);
    expect(failures.retryAfterSeconds('user:beto', '10.0.0.4', t0 + 13)).toBeGreaterThan(0);
  });

  it('counts attempts sent all at once: each is recorded before its password is checked', () => {
    const failures = new FailedSignIns(config);
    const allowed = Array.from({ length: 10 }, () => {
      if (failures.retryAfterSeconds('user:ana', '10.0.0.6', t0) > 0) return false;
      failures.record('user:ana', '10.0.0.6', t0);
      return true;
    });
    expect(allowed.filter(Boolean)).toHaveLength(3);
  });
});
