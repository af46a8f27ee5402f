import { request as httpRequest } from 'node:http';
import { bearer } from './support/actors';
import { CaseDriver } from './support/case-driver';
import { expectApiError, expectValidationError } from './support/expectations';
import { startTestApp, TestApp, validFiling } from './support/test-app';

/** Sends a raw GET through Node's http client (supertest refuses some of what a hostile client sends). */
function rawGet(url: string, path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('HTTP: hardening (headers, limits, request ids, throttling of /public)', () => {
  const PUBLIC_RATE_LIMIT = 5;
  let t: TestApp;
  let filing: { filingNumber: string; code: string };

  beforeAll(async () => {
    t = await startTestApp({ config: { PUBLIC_RATE_LIMIT: String(PUBLIC_RATE_LIMIT) } });
    const cases = new CaseDriver(t);
    const { caseId, filingNumber } = await cases.file();
    filing = { filingNumber, code: String((await cases.history(caseId))[0].data.verificationCode) };
    // The public view comes from the background projector: wait for it on a staff route (those are not throttled).
    await t.http().get('/queues/summary').query({ minPosition: await t.headPosition() }).set('Authorization', bearer('supervisor')).expect(200);
  });
  afterAll(() => t?.close());

  it('sends helmet security headers on the API, and no X-Powered-By', async () => {
    const response = await t.http().get('/calendar/holidays?year=2026').set('Authorization', bearer('agent')).expect(200);
    expect(response.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'strict-transport-security': expect.stringContaining('max-age='),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
    // The Swagger UI keeps the other headers, without the CSP that would block its bootstrap script.
    const docs = await t.http().get('/docs').redirects(1).expect(200);
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    expect(docs.headers['content-security-policy']).toBeUndefined();
  });

  it('gives every request an id (X-Request-Id), taking a well-formed one from the client, and commands pass it on to their events', async () => {
    const generated = await t.http().get('/health').expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.http().get('/health').set('X-Request-Id', 'client-req-42').expect(200);
    expect(given.headers['x-request-id']).toBe('client-req-42');
    const refused = await t.http().get('/health').set('X-Request-Id', 'x'.repeat(201)).expect(200);
    expect(refused.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // A command's events carry it as their correlation id (unless X-Correlation-Id says otherwise).
    const filed = await t.http().post('/cases').set('Authorization', bearer('agent')).set('X-Request-Id', 'req-file-7').send(validFiling()).expect(201);
    expect((await new CaseDriver(t).history(filed.body.caseId))[0].metadata.correlationId).toBe('req-file-7');
  });

  it('refuses a body over 1 MB with 413 and JSON nested deeper than the limit with 400, appending nothing', async () => {
    const before = await t.headPosition();
    const large = await t.http().post('/cases').set('Authorization', bearer('agent')).send({ ...validFiling(), facts: 'x'.repeat(1_100_000) });
    expectApiError('1.1 MB body', large, 413, 'REQUEST.TOO_LARGE');
    const deep = JSON.stringify({ ...validFiling(), petitioner: { ...validFiling().petitioner, company: JSON.parse('{"a":'.repeat(12) + '1' + '}'.repeat(12)) } });
    expectValidationError('12 levels deep', await t.http().post('/cases').set('Authorization', bearer('agent')).set('Content-Type', 'application/json').send(deep), 'petitioner.company.a.a.a.a.a.a');
    expect(await t.headPosition()).toBe(before);
  });

  it('answers a URL over 16 KB with 431 in the error shape (Node refuses it before Express)', async () => {
    const response = await rawGet(t.url, `/calendar/holidays?year=2026&padding=${'x'.repeat(20_000)}`);
    expect(response).toEqual({ status: 431, body: { statusCode: 431, code: 'REQUEST.HEADERS_TOO_LARGE', message: expect.any(String) } });
  });

  it(`throttles /public/* to PUBLIC_RATE_LIMIT requests a minute per address (here ${PUBLIC_RATE_LIMIT}), then 429; staff routes are not throttled`, async () => {
    const url = `/public/cases/${filing.filingNumber}?code=${filing.code}`;
    const statuses: number[] = [];
    for (let i = 0; i < PUBLIC_RATE_LIMIT; i++) statuses.push((await t.http().get(url)).status);
    expect(statuses).toEqual(Array(PUBLIC_RATE_LIMIT).fill(200));
    const throttled = await t.http().get(url);
    expectApiError('one over the limit', throttled, 429, 'REQUEST.TOO_MANY');
    // The standard header (RFC 9110), not the throttler's name-suffixed one.
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.headers['retry-after-public']).toBeUndefined();
    // Wrong codes count too: guessing codes is what the limit is for.
    expect((await t.http().get(`/public/cases/${filing.filingNumber}?code=ZZZZZZ`)).status).toBe(429);
    for (let i = 0; i < PUBLIC_RATE_LIMIT * 3; i++) {
      expect((await t.http().get('/calendar/holidays?year=2026').set('Authorization', bearer('reporter'))).status).toBe(200);
    }
  });
});
