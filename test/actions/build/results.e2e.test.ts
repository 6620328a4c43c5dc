/**
 * A build's results come back (issue 15), end to end: the emulator a user starts by hand (`npm run emulator`, its own
 * process) runs a project with a ZIP artifact in S3 and a JUnit report group whose file holds one failing test among
 * three; the build action, run as GitHub runs it (its own process), downloads the artifact into the folder, reads the
 * report back and reports it: `test-summary`, an `::error` annotation on the failing test, the job summary.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { awsEnv, createProject, gitRepo, splitWorkflowLog } from '../../codebuild/emulator-support.js';
import { startEmulatorProcess, type EmulatorProcess } from '../../harness/aws/process.js';
import { actionEntry, startActionProcess } from '../../support/action-process.js';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

const JUNIT = `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="calc" tests="3" failures="1" errors="0" skipped="0" time="0.6">
  <testcase classname="CalcTest" name="adds" time="0.1"/>
  <testcase classname="CalcTest" name="divides_by_zero_is_refused" time="0.3">
    <failure message="expected an error, got Infinity at src/calc.js:12">AssertionError: expected an error, got Infinity
    at src/calc.js:12:5</failure>
  </testcase>
  <testcase classname="CalcTest" name="subtracts" time="0.2"/>
</testsuite>
`;

const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p out/bin
      - echo "the app" > out/app.txt
      - printf '#!/bin/sh\\necho run\\n' > out/bin/run.sh && chmod +x out/bin/run.sh
reports:
  unit:
    files:
      - reports/junit.xml
    file-format: JUNITXML
artifacts:
  files:
    - 'out/**/*'
`;

let emulator: EmulatorProcess;
let repo: ReturnType<typeof gitRepo>;
let work: string;

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  const s3 = new S3Client({ endpoint: emulator.url, region: 'us-east-1', credentials, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'results-artifacts' }));
  s3.destroy();
  repo = gitRepo({ 'buildspec.yml': BUILDSPEC, 'reports/junit.xml': JUNIT });
  await createProject(emulator, 'results', repo.dir, {
    artifacts: { type: 'S3', location: 'results-artifacts', path: 'builds', name: 'app.zip', packaging: 'ZIP' },
  });
  work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-results-e2e-'));
}, 90_000);

afterAll(async () => {
  const code = await emulator?.stop();
  repo?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
  expect(code).toBe(0);
});

test('the artifact unpacked in the folder, test-summary, the failing test annotated and in the summary', async () => {
  const folder = path.join(work, 'downloaded');
  const step = startActionProcess(actionEntry('build'), {
    inputs: { 'project-name': 'results', 'download-artifacts': folder },
    cwd: repo.dir,
    under: work,
    timeoutMs: 80_000,
    env: awsEnv(emulator, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_SHA: repo.commit,
      GITHUB_EVENT_NAME: 'push',
    }),
  });
  const code = await step.exit;
  const log = step.log();
  const outputs = step.outputs();
  // The build succeeds (a failed test does not fail it; fail-on-test-failures is false by default).
  expect({ code, status: outputs['build-status'], log: code === 0 ? '' : `${log}\n${emulator.stderr()}` }).toEqual({
    code: 0,
    status: 'SUCCEEDED',
    log: '',
  });

  expect(outputs['artifacts-path']).toBe(folder);
  expect(readFileSync(path.join(folder, 'out/app.txt'), 'utf8')).toBe('the app\n');
  expect(readFileSync(path.join(folder, 'out/bin/run.sh'), 'utf8')).toBe('#!/bin/sh\necho run\n');

  const summary = JSON.parse(outputs['test-summary'] ?? '') as Record<string, number>;
  expect(summary).toEqual({ total: 3, SUCCEEDED: 2, FAILED: 1, SKIPPED: 0, ERROR: 0, UNKNOWN: 0 });
  expect(outputs['test-summary']).toContain('"FAILED":1');

  const errors = splitWorkflowLog(log).commands.filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain('divides_by_zero_is_refused');
  expect(errors[0]).toMatch(/^::error file=src\/calc\.js,line=12,title=results-unit%3A divides_by_zero_is_refused::/);

  const markdown = step.summary();
  expect(markdown).toContain('| results-unit | ❌ FAILED | 3 | 2 | 1 | 0 | 0 |');
  expect(markdown).toContain('**divides_by_zero_is_refused** in `CalcTest`');
}, 90_000);
