/**
 * `npm run test:browser`: the customer portal in real Chromium (test/browser/**, `*.browser-spec.ts`).
 * The default config's pattern (`.spec.ts`, `.e2e-spec.ts`) does not match these files, so `npm test` needs no browser.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testRegex: '.*\\.browser-spec\\.ts$',
  // The portal is built once per run, from the sources under test, and served from that build.
  globalSetup: '<rootDir>/test/browser/support/portal-build-setup.ts',
  globalTeardown: '<rootDir>/test/browser/support/portal-build-teardown.ts',
  testTimeout: 120000,
};
