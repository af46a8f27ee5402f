/**
 * `npm run test:browser`: the customer portal in real Chromium (test/browser/**, `*.browser-spec.ts`).
 * The default config's pattern (`.spec.ts`, `.e2e-spec.ts`) does not match these files, so `npm test` needs no browser.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testRegex: '.*\\.browser-spec\\.ts$',
  testTimeout: 120000,
};
