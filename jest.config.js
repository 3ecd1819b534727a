/** @type {import('jest').Config} */
const swc = JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'));

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  setupFiles: ['reflect-metadata'],
  // A pricing plugin's `require('tariff/pricing')` is the engine under test, as src/pricing-plugins.ts
  // makes it in a running server (jest resolves modules without Node's resolver).
  moduleNameMapper: { '^tariff/pricing$': '<rootDir>/src/pricing/index.ts' },
  // Generous: a test that hangs fails late, but one slowed by a busy machine (CI shares two cores) does not fail.
  testTimeout: 90_000,
  // Files run in a worker process that is replaced once it holds more than this after a file: in
  // one long-lived process, what each file leaves behind (its PGlite, its app) added up until the
  // heap ran out two hours into the suite, slowing every file near the limit before it did.
  workerIdleMemoryLimit: '1GB',
};
