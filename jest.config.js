/** Jest 30 in ESM mode; ts-jest transpiles each file on its own (tsconfig isolatedModules; type errors are `npm run build`'s job). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 30000,
  // Each test file gets a fresh worker process: nock and the SDK patch Node's http globally, and a patch left by
  // one file must never reach another's real loopback connections (seen as ECONNRESET against the emulator).
  maxWorkers: 2,
  workerIdleMemoryLimit: '1MB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
