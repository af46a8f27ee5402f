/** One Jest run for unit, contract and end-to-end suites. */
module.exports = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/projections', '<rootDir>/test'],
  moduleNameMapper: {
    '^@app/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
    '^@app/event-store(|/.*)$': '<rootDir>/libs/event-store/src$1',
    '^@app/read-store(|/.*)$': '<rootDir>/libs/read-store/src$1',
    '^@app/projections(|/.*)$': '<rootDir>/projections/src$1',
    '^@app/projector(|/.*)$': '<rootDir>/libs/projector/src$1',
    '^@app/key-store(|/.*)$': '<rootDir>/libs/key-store/src$1',
    '^@app/storage-kit(|/.*)$': '<rootDir>/libs/storage-kit/src$1',
    '^@app/mail(|/.*)$': '<rootDir>/libs/mail/src$1',
    '^@app/metrics(|/.*)$': '<rootDir>/libs/metrics/src$1',
    '^@app/runtime(|/.*)$': '<rootDir>/libs/runtime/src$1',
    '^@app/processes(|/.*)$': '<rootDir>/libs/processes/src$1',
    // The API's public entry only (apps/api/src/index.ts), for its end-to-end tests: no deep imports.
    '^@app/api$': '<rootDir>/apps/api/src',
    '^@app/api-contract$': '<rootDir>/libs/api-contract/src',
  },
  testTimeout: 60000,
};
