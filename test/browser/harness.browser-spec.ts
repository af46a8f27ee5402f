import type { Browser, Page } from 'playwright-core';
import { CaseDriver } from '../support/case-driver';
import { TestApp, validFiling } from '../support/test-app';
import { closePage, launchChromium, newPage } from './support/chromium';
import { credentialsIn, newestMailTo } from './support/mail-files';
import { checkAtEveryWidth } from './support/page-checks';
import { startPortalHarness } from './support/portal-harness';

/** The browser suite's own tools, proven on what the API serves without the portal. */
describe('browser harness: the real system, Chromium, axe and the mail files', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startPortalHarness(), launchChromium()]);
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => closePage(page));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('opens a page the system serves (its OpenAPI docs) in Chromium', async () => {
    const response = await page.goto(`${t.url}/docs`);
    expect(response?.status()).toBe(200);
    await page.locator('.swagger-ui').first().waitFor();
  });

  it('reports a serious or critical WCAG violation at both widths, and none on a clean page', async () => {
    await page.setContent('<html lang="es-CO"><head><title>Prueba</title></head><body><main><h1>Prueba</h1><img src="data:image/png;base64,"></main></body></html>');
    const violations = await checkAtEveryWidth(page);
    expect(violations.map(({ width, rule, impact }) => ({ width, rule, impact }))).toEqual([
      { width: 360, rule: 'image-alt', impact: 'critical' },
      { width: 1280, rule: 'image-alt', impact: 'critical' },
    ]);
    await page.setContent('<html lang="es-CO"><head><title>Prueba</title></head><body><main><h1>Prueba</h1><img alt="Logo" src="data:image/png;base64,"></main></body></html>');
    expect(await checkAtEveryWidth(page)).toEqual([]);
  });

  it('reads the acknowledgement the outbox wrote as an .eml file: number, code, and links back to this server', async () => {
    const email = 'harness.check@example.com';
    const filed = await new CaseDriver(t).file({ ...validFiling(), petitioner: { ...validFiling().petitioner, email } });
    const acknowledgement = await newestMailTo(t.dataDir, email, /Hemos radicado/);
    const credentials = credentialsIn(acknowledgement);
    expect(credentials.filingNumber).toBe(filed.filingNumber);
    expect(credentials.verificationCode).toMatch(/^[A-Za-z0-9]{4,12}$/);
    expect(acknowledgement.text).toContain(`${t.url}/casos/${filed.filingNumber}`);
  });
});
