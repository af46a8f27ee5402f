import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH names another build. Nothing is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium, or an error that says how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable`);
  }
  // The pages under test are our own; CI containers (root, no user namespaces) cannot start Chromium's sandbox.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

/** A page in a context of its own (fresh sessionStorage; axe needs a context it can open pages in), in Spanish (Colombia). */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'es-CO', viewport: { width: 1280, height: 800 } });
  // A missing element fails the test in seconds, naming the locator, rather than at Jest's timeout.
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Closes the page's context with it. */
export const closePage = (page: Page) => page.context().close();
