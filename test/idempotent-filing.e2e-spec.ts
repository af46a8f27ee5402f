import { bearer } from './support/actors';
import { startTestApp, TestApp, validFiling } from './support/test-app';

describe('Idempotent filing: retries of one filing allocate no filing number', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('given 100 concurrent filings with one Idempotency-Key, one case is filed, and the next distinct filing gets the next number', async () => {
    const body = validFiling();
    const file = (key?: string, filing: object = body) => {
      const request = t.http().post('/cases').set('Authorization', bearer('agent'));
      return (key ? request.set('Idempotency-Key', key) : request).send(filing);
    };
    // The catalog's seed (ADR 44) is all the store held before.
    const start = await t.headPosition();
    const retries = await Promise.all(Array.from({ length: 100 }, () => file('one-filing-100-retries')));

    const results = retries.map((response) => ({ status: response.status, caseId: response.body.caseId, filingNumber: response.body.filingNumber }));
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    expect(results[0]).toEqual({ status: 201, caseId: expect.any(String), filingNumber: expect.stringMatching(/^\d{4}-\d{6}$/) });
    // CaseFiled and CaseTypified, once.
    expect(await t.headPosition()).toBe(start + 2);

    // Another petitioner's: the same one's second billing claim would be CASE.OPEN_CASE_EXISTS.
    const next = await file(undefined, validFiling());
    expect(next.status).toBe(201);
    const [year, number] = results[0].filingNumber.split('-');
    expect(next.body.filingNumber).toBe(`${year}-${String(Number(number) + 1).padStart(6, '0')}`);
  });
});
