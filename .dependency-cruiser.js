/**
 * The layering's nevers (docs/architecture.md), checked by dependency-cruiser:
 * `npm run layering`, and on every `npm test` by test/layering.spec.ts. Paths are the resolved
 * files, relative to the directory it runs in.
 */
const PROJECTIONS = '^(projections/|libs/processes/src/.+\\.projection\\.ts$)';
/** Their tests may run them over a real store. */
const TESTS = '(\\.spec\\.ts$|/testing/)';
/** Store drivers: the adapters' files and folders (src/sqlite*, src/mongodb*, src/eventstoredb*) and the client libraries they load. */
const STORE_ADAPTERS = '^(libs/(event-store|read-store|key-store)/src/(sqlite|mongodb|eventstoredb)|node_modules/(better-sqlite3|mongodb|@eventstore/db-client)/)';
/** The API's public entry (@app/api): createApp and what its own tests and benchmarks read. */
const API_ENTRY = '^apps/api/src/index\\.ts$';
const MAIL_TRANSPORTS = '^(libs/mail/src/transport/|node_modules/nodemailer/)';
const BARRELS = '^libs/(event-store|read-store|key-store|mail)/src/index\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-no-other-part',
      comment: 'The domain is pure: it imports only itself (and npm packages).',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^(apps|libs|projections|scripts|bench|test)/', pathNot: '^libs/domain/' },
    },
    {
      name: 'projections-reach-no-store-adapter',
      comment: 'A projection loads no store driver, not even through a barrel: ports only.',
      severity: 'error',
      from: { path: PROJECTIONS, pathNot: TESTS },
      to: { path: STORE_ADAPTERS, reachable: true },
    },
    {
      name: 'projections-reach-no-mail-transport',
      comment: 'A projection loads no mail transport (nor nodemailer), not even through a barrel.',
      severity: 'error',
      from: { path: PROJECTIONS, pathNot: TESTS },
      to: { path: MAIL_TRANSPORTS, reachable: true },
    },
    {
      name: 'event-store-and-read-store-apart',
      comment: 'The event store and the read store never import each other.',
      severity: 'error',
      from: { path: '^libs/(event-store|read-store)/' },
      to: { path: '^libs/(event-store|read-store)/', pathNot: '^libs/$1/' },
    },
    {
      name: 'apps-never-import-apps',
      comment: 'What two apps share lives in a library (@app/runtime).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'only-apps-import-apps',
      comment: 'Libraries, projections and scripts import @app/* only, never an app.',
      severity: 'error',
      from: { path: '^(libs|projections|scripts)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'tests-and-benchmarks-reach-the-api-by-its-entry',
      comment: 'test/ and bench/ import @app/*; of the apps, only the API\'s entry (@app/api: apps/api/src/index.ts), to build the HTTP app as npm start does.',
      severity: 'error',
      from: { path: '^(test|bench)/' },
      to: { path: '^apps/', pathNot: API_ENTRY },
    },
    {
      name: 'the-portal-reaches-only-the-contract',
      comment: 'The customer portal (apps/portal) runs in the browser: of the repository it imports only the API\'s generated contract (@app/api-contract, types).',
      severity: 'error',
      from: { path: '^apps/portal/' },
      to: { path: '^(apps|libs|projections|scripts|bench|test)/', pathNot: '^(apps/portal/|libs/api-contract/)' },
    },
    {
      name: 'barrels-export-no-drivers',
      comment: 'A barrel (@app/event-store, @app/read-store, @app/key-store, @app/mail) exports ports and pure helpers; drivers come from sub-entries.',
      severity: 'error',
      from: { path: BARRELS },
      to: { path: `${STORE_ADAPTERS}|${MAIL_TRANSPORTS}` },
    },
    {
      name: 'no-circular',
      comment: 'No import circles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The fixture tree that proves each rule fires (test/layering.spec.ts) breaks them on purpose.
    exclude: { path: ['^dist/', '^test/fixtures/layering/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
