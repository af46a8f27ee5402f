import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { surveyUrl, trackingUrl } from '@app/mail';
import { buildPortal, typecheckPortal } from './support/portal-build';
import { startTestApp, TestApp } from './support/test-app';

const REPO = join(__dirname, '..');
const PAGES = ['/', '/radicar', '/casos/2026-000001', '/casos/2026-000001/encuesta'];

/**
 * The customer portal (apps/portal) as `npm start` serves it: built by Vite, served by the API
 * process at the site root for its own pages only, every API path still the API's JSON; and typed
 * against the generated contract, so that a contract change fails its build.
 */
describe('the customer portal served by the API', () => {
  let buildDir: string;
  let t: TestApp;

  beforeAll(async () => {
    buildDir = mkdtempSync(join(tmpdir(), 'pqr-portal-'));
    const build = buildPortal(buildDir);
    if (build.status !== 0) throw new Error(`vite build failed:\n${build.output}`);
    t = await startTestApp({ config: { PORTAL_DIR: buildDir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(buildDir, { recursive: true, force: true });
  });

  it.each(PAGES)('answers %s with the portal page (index.html, Spanish, its scripts from self only)', async (path) => {
    const response = await t.http().get(path).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<html lang="es-CO">');
    expect(response.text).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(response.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('answers the links the customer emails carry (tracking and survey) with the portal', async () => {
    const settings = { companyName: 'Servicio de Atención al Cliente', publicBaseUrl: `${t.url}/`, serviceLine: '01 8000 000 000' };
    for (const link of [trackingUrl(settings, '2026-000042'), surveyUrl(settings, '2026-000042')]) {
      const response = await fetch(link);
      expect({ link, status: response.status, type: response.headers.get('content-type') }).toEqual({ link, status: 200, type: expect.stringMatching(/^text\/html/) });
    }
  });

  it('serves the assets index.html names with their content types', async () => {
    const html = (await t.http().get('/').expect(200)).text;
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    const types = await Promise.all(assets.map(async (asset) => [asset.split('.').pop(), (await t.http().get(asset).expect(200)).headers['content-type']]));
    expect(Object.fromEntries(types)).toEqual({ js: expect.stringMatching(/^(text|application)\/javascript/), css: expect.stringMatching(/^text\/css/) });
  });

  it.each([
    ['GET', '/no-such-page', 404, 'ROUTE.NOT_FOUND'],
    ['GET', '/assets/no-such-file.js', 404, 'ROUTE.NOT_FOUND'],
    ['POST', '/radicar', 404, 'ROUTE.NOT_FOUND'],
    ['GET', '/public/cases/2026-000001?code=ABCD1234', 404, 'CASE.NOT_FOUND'],
    ['GET', '/cases', 401, undefined],
  ] as const)('leaves %s %s to the API: %i JSON', async (method, path, status, code) => {
    const response = await (method === 'GET' ? t.http().get(path) : t.http().post(path)).expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    if (code) expect(response.body.code).toBe(code);
  });

  it.each([
    ['/radicar/', '/radicar'],
    ['/casos/2026-000001/encuesta/?origen=correo', '/casos/2026-000001/encuesta?origen=correo'],
  ])('sends %s to the page without the trailing slash (308 to %s)', async (path, location) => {
    expect((await t.http().get(path).expect(308)).headers.location).toBe(location);
  });

  it('leaves /docs, /health and /metrics to the API', async () => {
    expect((await t.http().get('/docs/').expect(200)).text).toContain('swagger');
    expect((await t.http().get('/health').expect(200)).headers['content-type']).toMatch(/^application\/json/);
    expect((await t.http().get('/metrics')).headers['content-type']).not.toMatch(/^text\/html/);
  });
});

describe('the portal type-checks against the generated contract', () => {
  it('as the contract stands (tsc --noEmit -p apps/portal)', () => {
    const check = typecheckPortal();
    expect({ status: check.status, output: check.output }).toEqual({ status: 0, output: '' });
  });

  it('and fails when the contract changes under it (the survey answer loses its score)', () => {
    const dir = mkdtempSync(join(REPO, 'apps', 'portal', '.contract-change-'));
    try {
      const generated = readFileSync(join(REPO, 'libs/api-contract/src/pqr-api.ts'), 'utf8');
      const changed = generated.replace(/(PublicSurveyDto: \{[\s\S]*?)score: number;/, '$1rating: number;');
      expect(changed).not.toBe(generated);
      writeFileSync(join(dir, 'pqr-api.ts'), changed);
      writeFileSync(join(dir, 'index.ts'), "export type { components, operations, paths } from './pqr-api';\n");
      const portal = relative(dir, join(REPO, 'apps', 'portal'));
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ extends: `${portal}/tsconfig.json`, compilerOptions: { baseUrl: portal, paths: { '@app/api-contract': [relative(join(REPO, 'apps', 'portal'), dir)] } }, include: [`${portal}/src`] }),
      );
      const check = typecheckPortal(join(dir, 'tsconfig.json'));
      expect(check.status).not.toBe(0);
      expect(check.output).toMatch(/survey-page\.tsx.*'score'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
