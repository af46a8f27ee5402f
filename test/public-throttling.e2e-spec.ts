import { bearer } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { expectApiError } from './support/expectations';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 26: /public/* is throttled per client address and per filing number, each limit on its own
 * (docs/adr/0035-public-throttling-per-address-and-case.md). The addresses come from X-Forwarded-For
 * (TRUST_PROXY=true), as behind a proxy.
 */
describe('HTTP: throttling of /public per address and per filing number', () => {
  const ADDRESS_LIMIT = 3;
  const CASE_LIMIT = 5;
  let t: TestApp;
  /** A case the tests read with its right code; `victim`, one an attacker goes after. */
  let known: { filingNumber: string; code: string };
  let victim: { filingNumber: string; code: string };

  beforeAll(async () => {
    t = await startTestApp({ config: { PUBLIC_RATE_LIMIT: String(ADDRESS_LIMIT), PUBLIC_CASE_RATE_LIMIT: String(CASE_LIMIT), TRUST_PROXY: 'true' } });
    const cases = new CaseDriver(t);
    const customerCase = async () => {
      const { caseId, filingNumber } = await cases.file();
      return { filingNumber, code: String((await cases.history(caseId))[0].data.verificationCode) };
    };
    known = await customerCase();
    victim = await customerCase();
    await t.http().get('/queues/summary').query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
  });
  afterAll(() => t?.close());

  const from = (address: string) => ({
    track: (filingNumber: string, code = 'ZZZZZZ') => t.http().get(`/public/cases/${filingNumber}`).query({ code }).set('X-Forwarded-For', address),
    inform: (filingNumber: string) => t.http().post(`/public/cases/${filingNumber}/information`).set('X-Forwarded-For', address).send({ code: 'ZZZZZZ', message: 'Hola' }),
    survey: (filingNumber: string) => t.http().post(`/public/cases/${filingNumber}/survey`).set('X-Forwarded-For', address).send({ code: 'ZZZZZZ', score: 5 }),
  });

  it(`lets one address send PUBLIC_RATE_LIMIT (${ADDRESS_LIMIT}) requests a minute over every /public route and case together; other addresses go on`, async () => {
    const office = from('203.0.113.10');
    const statuses = [(await office.track('2026-100001')).status, (await office.inform('2026-100002')).status, (await office.survey('2026-100003')).status];
    expect(statuses).toEqual([404, 404, 404]);
    const throttled = await office.track('2026-100004');
    expectApiError('the address over its limit, on a case it never asked about', throttled, 429, 'REQUEST.TOO_MANY');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Another client, even on a case the first one asked about, is not held back by it.
    expect((await from('203.0.113.11').track(known.filingNumber, known.code)).status).toBe(200);
    expect((await from('203.0.113.11').track('2026-100001')).status).toBe(404);
  });

  it(`lets one filing number take PUBLIC_CASE_RATE_LIMIT (${CASE_LIMIT}) requests a minute from all addresses together, wrong codes included; other cases go on`, async () => {
    const target = '2026-200001';
    const guesses = [];
    for (const address of ['198.51.100.1', '198.51.100.1', '198.51.100.1', '198.51.100.2', '198.51.100.2']) guesses.push((await from(address).track(target)).status);
    expect(guesses).toEqual([404, 404, 404, 404, 404]);
    // A fresh address, under its own limit, is refused on that case only (with the standard Retry-After).
    const refused = await from('198.51.100.3').inform(target);
    expectApiError('the case over its limit', refused, 429, 'REQUEST.TOO_MANY');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['retry-after-case']).toBeUndefined();
    expect((await from('198.51.100.3').track(known.filingNumber, known.code)).status).toBe(200);
  });

  it('does not let one address lock a customer out of their case: what its own limit refuses does not count against the case', async () => {
    const attacker = from('192.0.2.66');
    const statuses = [];
    for (let i = 0; i < CASE_LIMIT * 2; i++) statuses.push((await attacker.track(victim.filingNumber)).status);
    expect(statuses).toEqual([...Array(ADDRESS_LIMIT).fill(404), ...Array(CASE_LIMIT * 2 - ADDRESS_LIMIT).fill(429)]);
    expect((await from('192.0.2.77').track(victim.filingNumber, victim.code)).status).toBe(200);
  });
});
