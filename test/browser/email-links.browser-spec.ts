import type { Browser } from 'playwright-core';
import { renderMail } from '@app/mail';
import { CaseDriver } from '../support/case-driver';
import { TestApp, validFiling } from '../support/test-app';
import { closePage, launchChromium, newPage } from './support/chromium';
import { customerMailSamples, linksIn } from './support/customer-mail-samples';
import { credentialsIn, newestMailTo } from './support/mail-files';
import { enterCode, waitForHeading } from './support/portal-page';
import { startPortalHarness } from './support/portal-harness';
import { staffCommand } from './support/staff-api';

/** Issue 26, done when: every link in every customer email template resolves to a working page. */
describe('every link in every customer email opens a working portal page in Chromium', () => {
  const email = 'links.check@example.com';
  let t: TestApp;
  let browser: Browser;
  let links: string[];
  let credentials: { filingNumber: string; verificationCode: string };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startPortalHarness(), launchChromium()]);
    // A real case, closed (its survey can be answered), whose number and code the links and the pages use.
    const filed = await new CaseDriver(t).file({ ...validFiling(), petitioner: { ...validFiling().petitioner, email } });
    credentials = credentialsIn(await newestMailTo(t.dataDir, email, /Hemos radicado/));
    await staffCommand(t, 'supervisor', filed.caseId, 'closure', { reason: 'Atendido por teléfono' });
    const settings = { companyName: 'Servicios Públicos del Valle S.A.', publicBaseUrl: t.url, serviceLine: '601 555 0100' };
    const rendered = Object.values(customerMailSamples(credentials, settings))
      .flat()
      .map((draft) => renderMail(draft, { filingNumber: credentials.filingNumber, fullName: 'María Rojas' }, settings));
    links = [...new Set(rendered.flatMap(linksIn))].sort();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the templates link to the tracking page and the survey, all on the portal', () => {
    const tracking = `${t.url}/casos/${credentials.filingNumber}`;
    expect(links).toEqual(expect.arrayContaining([tracking, `${tracking}/encuesta`]));
    expect(links.filter((link) => !link.startsWith(`${t.url}/`))).toEqual([]);
  });

  /** What the page behind a link must show once the customer gives the code. */
  const expectedPage = (link: string): { h1: string | null; survey: boolean } => {
    const path = new URL(link).pathname;
    if (path === `/casos/${credentials.filingNumber}`) return { h1: `Caso ${credentials.filingNumber}`, survey: false };
    if (path === `/casos/${credentials.filingNumber}/encuesta`) return { h1: null, survey: true };
    throw new Error(`${link}: no portal page is known for this link`);
  };

  it('each link opens its page: 200, the code form, then the case or its survey, and no error', async () => {
    for (const link of links) {
      const page = await newPage(browser);
      try {
        const response = await page.goto(link);
        expect({ link, status: response?.status() }).toEqual({ link, status: 200 });
        await enterCode(page, credentials.verificationCode);
        const expected = expectedPage(link);
        if (expected.h1) await waitForHeading(page, expected.h1);
        if (expected.survey) await page.getByRole('group', { name: '¿Qué tan satisfecho está con la atención?' }).waitFor();
        expect({ link, h1: await page.locator('h1').count(), alerts: await page.getByRole('alert').filter({ hasText: /\S/ }).allInnerTexts() }).toEqual({ link, h1: 1, alerts: [] });
      } finally {
        await closePage(page);
      }
    }
  });
});
