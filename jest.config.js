/**
 * Jest 30 in ESM mode; ts-jest transpiles each file on its own (tsconfig isolatedModules; type errors are `npm run
 * build`'s job). Three tiers, each runnable alone (`npm test -- --selectProjects unit`, or `npm run test:unit`):
 *   unit         pure modules and fakes (aws-sdk-client-mock, nock, virtual time): `*.test.ts`
 *   integration  real parts: the AWS emulator, git and a Git HTTP server, docker-registry, buildah, awscli and
 *                botocore, real builds and processes: `*.int.test.ts`
 *   e2e          our entry points as processes (the actions, the CLI, the standalone emulator): `*.e2e.test.ts`
 */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
};

export default {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'],
    },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.int.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.test.ts'] },
  ],
  testTimeout: 30000,
  // Each test file gets a fresh worker process: nock and the SDK patch Node's http globally, and a patch left by
  // one file must never reach another's real loopback connections (seen as ECONNRESET against the emulator).
  maxWorkers: 2,
  workerIdleMemoryLimit: '1MB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
};
