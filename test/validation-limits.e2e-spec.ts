import { monitorEventLoopDelay } from 'node:perf_hooks';
import { bearer } from './support/actors';
import { expectValidationError } from './support/expectations';
import { startTestApp, TestApp, validFiling } from './support/test-app';

/** Validation that held the event loop for 22-44 s, and 400s of 34 MB. */
describe('Validation: size limits before every other check, bounded answers', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers POST /cases/distribution with 100,000 backofficeIds (889 KB) with a small 400 on the array size, and /health sent alongside is answered', async () => {
    const backofficeIds = Array.from({ length: 100_000 }, (_, i) => `b${i}`);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const distribution = t.http().post('/cases/distribution').set('Authorization', bearer('supervisor')).send({ rule: 'round-robin', backofficeIds }).then((response) => response);
    const health = t.http().get('/health').then((response) => response);
    const [refused, healthy] = await Promise.all([distribution, health]);
    delay.disable();

    expectValidationError('100k backofficeIds', refused, 'backofficeIds');
    expect(refused.body.details).toEqual([{ field: 'backofficeIds', reason: 'backofficeIds must contain no more than 200 elements (it has 100000)' }]);
    expect(refused.text.length).toBeLessThan(1000);
    expect(healthy.status).toBe(200);
    // A generous bound (the quadratic check held it 22-44 s): parsing 889 KB of JSON takes milliseconds.
    expect(delay.max / 1e6).toBeLessThan(1500);
  });

  it('answers 50,000 attachments with one problem, not one per item (a 34 MB answer before)', async () => {
    const response = await t.http().post('/cases').set('Authorization', bearer('agent')).send({ ...validFiling(), attachments: Array.from({ length: 50_000 }, () => ({})) });
    expectValidationError('50k attachments', response, 'attachments');
    expect(response.body.details).toHaveLength(1);
    expect(response.text.length).toBeLessThan(1000);
  });

  it('lists at most 20 problems of a request with many, and says how many more', async () => {
    const attachments = Array.from({ length: 50 }, () => ({ name: 7, contentType: 7, size: 'big' }));
    const response = await t.http().post('/cases').set('Authorization', bearer('agent')).send({ ...validFiling(), attachments });
    expectValidationError('50 bad attachments', response, 'attachments.0.name');
    expect(response.body.details).toHaveLength(20);
    expect(response.body.message).toMatch(/\(and 130 more problems not listed\)$/);
  });
});
