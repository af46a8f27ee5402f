import { freePort } from '../../support/api-process';
import { ConfigOverrides, startTestApp, TestApp } from '../../support/test-app';

/**
 * The system as `npm start` runs it, for a browser: createApp on a fresh embedded DATA_DIR, the
 * projector, the SLA process manager and the email outbox in-process, every email an .eml file under
 * DATA_DIR/mail whose links point back at this very server (MAIL_PUBLIC_BASE_URL), listening on
 * 127.0.0.1, serving the portal's build. `config` adds to or overrides that (a low PUBLIC_RATE_LIMIT for the throttle).
 */
export async function startPortalHarness(config: ConfigOverrides = {}): Promise<TestApp> {
  const port = await freePort();
  return startTestApp({
    port,
    config: {
      SLA_PROCESS_MANAGER: 'on',
      MAIL_OUTBOX: 'on',
      MAIL_TICK_MS: '100',
      MAIL_PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      // The build jest.browser.config.js's globalSetup made; unset (a suite run by another config), the installation's dist/portal.
      ...(process.env.PORTAL_DIR ? { PORTAL_DIR: process.env.PORTAL_DIR } : {}),
      ...config,
    },
  });
}
