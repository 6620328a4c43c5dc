/**
 * The build action brings a build's results back (issue 15): reports read once after the build (nock'd CodeBuild),
 * artifacts downloaded (an in-memory S3): outputs, annotations, job summary, fail-on-test-failures.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAction } from '../../../src/actions/build/main.js';
import type { DownloadRequest, S3DownloadApi } from '../../../src/aws/s3-read.js';
import { createBuildClients } from '../../../src/codebuild/clients.js';
import { UserError } from '../../../src/core/errors.js';
import { writeZip } from '../../../src/runner/zip.js';
import { fakeOptions, useNock } from '../../aws/fake-aws.js';
import { awsErrorBody, serveAws, type Handler } from '../../codebuild/nock-aws.js';
import { VirtualTime } from '../../codebuild/fakes.js';
import { runActionInProcess } from '../../support/action.js';

useNock();

const ID = 'app:0b5c2f3e-1111-2222-3333-444455556666';
const T0 = 1_700_000_000;
const REPORT = 'arn:aws:codebuild:us-east-1:111122223333:report/app-unit:r-1';
const COVERAGE = 'arn:aws:codebuild:us-east-1:111122223333:report/app-cov:r-2';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-results-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function finished(status: string, extra: Record<string, unknown> = {}) {
  return {
    id: ID,
    arn: `arn:aws:codebuild:us-east-1:111122223333:build/${ID}`,
    buildNumber: 3,
    projectName: 'app',
    startTime: T0,
    endTime: T0 + 30,
    buildStatus: status,
    buildComplete: true,
    currentPhase: 'COMPLETED',
    phases: [{ phaseType: 'BUILD', phaseStatus: status, startTime: T0, endTime: T0 + 20, durationInSeconds: 20 }],
    ...extra,
  };
}

const REPORTS = {
  BatchGetReports: () => ({
    reports: [
      {
        arn: REPORT,
        type: 'TEST',
        reportGroupArn: 'arn:aws:codebuild:us-east-1:111122223333:report-group/app-unit',
        status: 'FAILED',
        testSummary: { total: 3, statusCounts: { SUCCEEDED: 2, FAILED: 1 }, durationInNanoSeconds: 2_000_000_000 },
      },
      {
        arn: COVERAGE,
        type: 'CODE_COVERAGE',
        reportGroupArn: 'arn:aws:codebuild:us-east-1:111122223333:report-group/app-cov',
        status: 'SUCCEEDED',
        codeCoverageSummary: { lineCoveragePercentage: 75, linesCovered: 3, linesMissed: 1 },
      },
    ],
  }),
  DescribeTestCases: (input: Record<string, unknown>) => ({
    testCases:
      (input.filter as { status?: string } | undefined)?.status === 'FAILED'
        ? [
            {
              reportArn: REPORT,
              prefix: 'CalcTest',
              name: 'divides',
              status: 'FAILED',
              message: 'expected 2 but was 3\n  at src/calc.ts:7:1',
            },
          ]
        : [],
  }),
};

class Bucket implements S3DownloadApi {
  readonly objects = new Map<string, Buffer>();
  async downloadFile(request: DownloadRequest) {
    const body = this.objects.get(request.key);
    if (body === undefined) {
      throw new UserError(`reading s3://${request.bucket}/${request.key}: the object does not exist (NoSuchKey)`);
    }
    await writeFile(request.file, body);
    return { bytes: body.length };
  }
  async listObjects() {
    return [];
  }
}

async function run(
  inputs: Record<string, string>,
  build: Record<string, unknown>,
  s3: S3DownloadApi = new Bucket(),
  handlers: Record<string, Handler> = {},
) {
  const time = new VirtualTime();
  const calls = serveAws({
    StartBuild: () => ({ build: { ...finished('IN_PROGRESS'), buildComplete: false } }),
    BatchGetBuilds: () => ({ builds: [build] }),
    ...REPORTS,
    ...handlers,
  });
  const result = await runActionInProcess(
    buildAction({
      clients: { ...createBuildClients(fakeOptions()), artifacts: async () => s3 },
      idempotencyToken: () => 'token-1',
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
    }),
    {
      inputs: { 'project-name': 'app', logs: 'off', ...inputs },
      env: { GITHUB_SHA: 'cafe1234', GITHUB_WORKSPACE: dir, GITHUB_EVENT_NAME: 'push' },
    },
  );
  return { ...result, calls: calls.map((c) => c.operation), requests: calls };
}

test('reports: outputs, the failed test as an annotation on its file, tables and the case in the summary', async () => {
  const r = await run({}, finished('SUCCEEDED', { reportArns: [REPORT, COVERAGE] }));
  expect(r.calls).toEqual(['StartBuild', 'BatchGetBuilds', 'BatchGetReports', 'DescribeTestCases']);
  expect(r.requests.slice(2).map((c) => c.input)).toEqual([
    { reportArns: [REPORT, COVERAGE] },
    { reportArn: REPORT, maxResults: 100, filter: { status: 'FAILED' } },
  ]);
  expect(JSON.parse(r.outputs['test-summary'] ?? '')).toEqual({
    total: 3,
    SUCCEEDED: 2,
    FAILED: 1,
    SKIPPED: 0,
    ERROR: 0,
    UNKNOWN: 0,
  });
  expect(JSON.parse(r.outputs.coverage ?? '')).toEqual({ 'app-cov': { line: 75 } });
  expect(r.stdout).toContain(
    '::error file=src/calc.ts,line=7,title=app-unit%3A divides::CalcTest › divides failed: expected 2 but was 3\n',
  );
  expect(r.summary).toContain('| app-unit | ❌ FAILED | 3 | 2 | 1 | 0 | 0 | 2s |');
  expect(r.summary).toContain('| app-cov | ✅ SUCCEEDED | 75.0% (3/4 lines) |  |');
  expect(r.summary).toContain('- ❌ **divides** in `CalcTest` (app-unit, FAILED)');
  // fail-on-test-failures defaults to false: the build's SUCCEEDED stands.
  expect(r.code).toBe(0);
});

test('fail-on-test-failures: true fails the step naming the failed test', async () => {
  const r = await run({ 'fail-on-test-failures': 'true' }, finished('SUCCEEDED', { reportArns: [REPORT] }));
  expect(r.code).toBe(1);
  expect(r.errors.at(-1)).toBe('fail-on-test-failures: 1 test failed or errored in app-unit: CalcTest › divides');
});

test('without reportArns no report call; a FAILED build keeps its own failure', async () => {
  const r = await run({ 'fail-on-test-failures': 'true' }, finished('FAILED'));
  expect(r.calls).toEqual(['StartBuild', 'BatchGetBuilds']);
  expect(r.outputs['test-summary']).toBeUndefined();
  expect(r.code).toBe(1);
  expect(r.errors.at(-1)).toMatch(/^Build app:0b5c.* FAILED in phase BUILD/);
});

test('download-artifacts: unpacked into the folder (relative to the workspace), paths as outputs', async () => {
  const s3 = new Bucket();
  const zip = path.join(dir, 'a.zip');
  await writeZip(zip, [{ name: 'app.js', source: { kind: 'buffer', data: Buffer.from('ok') } }]);
  s3.objects.set('app/out.zip', readFileSync(zip));
  await writeZip(zip, [{ name: 'index.md', source: { kind: 'buffer', data: Buffer.from('# d') } }]);
  s3.objects.set('app/docs.zip', readFileSync(zip));
  const r = await run(
    { 'download-artifacts': 'got' },
    finished('FAILED', {
      artifacts: { location: 'arn:aws:s3:::art/app/out.zip' },
      secondaryArtifacts: [{ artifactIdentifier: 'docs', location: 'arn:aws:s3:::art/app/docs.zip' }],
    }),
    s3,
  );
  const got = path.join(dir, 'got');
  expect(r.outputs['artifacts-path']).toBe(got);
  expect(JSON.parse(r.outputs['secondary-artifacts-paths'] ?? '')).toEqual({ docs: path.join(got, 'docs') });
  expect(readFileSync(path.join(got, 'app.js'), 'utf8')).toBe('ok');
  expect(readFileSync(path.join(got, 'docs/index.md'), 'utf8')).toBe('# d');
});

test('reports that cannot be read: a warning; with fail-on-test-failures the step fails, once', async () => {
  const denied = {
    BatchGetReports: () => [
      400,
      awsErrorBody('AccessDeniedException', 'User: x is not authorized to perform: codebuild:BatchGetReports'),
    ],
  };
  const warned = await run({}, finished('SUCCEEDED', { reportArns: [REPORT] }), new Bucket(), denied);
  expect(warned.code).toBe(0);
  expect(warned.stdout).toMatch(
    /::warning::the build's test reports could not be read: BatchGetReports .*codebuild:BatchGetReports/,
  );
  const failed = await run(
    { 'fail-on-test-failures': 'true' },
    finished('SUCCEEDED', { reportArns: [REPORT] }),
    new Bucket(),
    denied,
  );
  expect(failed.code).toBe(1);
  expect(failed.errors).toHaveLength(1);
  expect(failed.errors[0]).toMatch(/^fail-on-test-failures: the build's test reports could not be read: /);
});

test('an artifact that cannot be downloaded fails a build that succeeded, once', async () => {
  const r = await run(
    { 'download-artifacts': 'nothing-here' },
    finished('SUCCEEDED', { artifacts: { location: 'arn:aws:s3:::art/app/gone.zip' } }),
  );
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([
    'downloading the artifacts: reading s3://art/app/gone.zip: the object does not exist (NoSuchKey)',
  ]);
});
