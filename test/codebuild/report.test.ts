/** Outputs, failure messages, the job summary, and console links of builds and batch builds. */
import type { StatusType } from '@aws-sdk/client-codebuild';
import type { Build, BuildBatch } from '../../src/aws/codebuild.js';
import { childStatusLine } from '../../src/codebuild/batch.js';
import type { FollowResult } from '../../src/codebuild/context.js';
import { buildLogsUrl, idFromArn, logStreamOf } from '../../src/codebuild/links.js';
import { failures, failureSummary, resultOutputs, summaryMarkdown } from '../../src/codebuild/report.js';

const ID = 'app:1234';
const t = (s: number): Date => new Date(1_700_000_000_000 + s * 1000);

const build = (status: StatusType, extra: Partial<Build> = {}): Build => ({
  id: ID,
  arn: `arn:aws:codebuild:eu-west-1:111122223333:build/${ID}`,
  projectName: 'app',
  buildNumber: 3,
  buildStatus: status,
  buildComplete: true,
  startTime: t(0),
  endTime: t(75),
  phases: [
    { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: t(0), endTime: t(0) },
    {
      phaseType: 'BUILD',
      phaseStatus: status,
      startTime: t(5),
      endTime: t(70),
      durationInSeconds: 65,
      contexts:
        status === 'SUCCEEDED'
          ? [{ statusCode: '', message: '' }]
          : [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: make' }],
    },
    { phaseType: 'COMPLETED', startTime: t(75) },
  ],
  exportedEnvironmentVariables: [
    { name: 'VERSION', value: '2' },
    { name: 'build-status', value: 'not an output' },
  ],
  artifacts: { location: 'arn:aws:s3:::bucket/app.zip' },
  ...extra,
});

const single = (b: Build, lastLines: string[] = []): FollowResult => ({
  kind: 'build',
  outcome: { build: b, lastLines },
  cancelled: false,
  statusCalls: 1,
});

test('outputs of a build: exported variables one by one, reserved names not overwritten', () => {
  expect(resultOutputs(single(build('SUCCEEDED')))).toEqual({
    'build-number': '3',
    'build-status': 'SUCCEEDED',
    'failed-phase': '',
    'exported-variables': '{"VERSION":"2","build-status":"not an output"}',
    'artifacts-location': 'arn:aws:s3:::bucket/app.zip',
    phases: JSON.stringify([
      { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: t(0).toISOString(), endTime: t(0).toISOString() },
      {
        phaseType: 'BUILD',
        phaseStatus: 'SUCCEEDED',
        startTime: t(5).toISOString(),
        endTime: t(70).toISOString(),
        durationInSeconds: 65,
      },
      { phaseType: 'COMPLETED', startTime: t(75).toISOString() },
    ]),
    VERSION: '2',
  });
});

test('a failure: phase, context, last lines', () => {
  const result = single(build('FAILED'), ['a', 'b']);
  expect(failures(result)).toEqual([
    {
      title: 'BUILD FAILED',
      message: `Build ${ID} FAILED in phase BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: make`,
      // The Reporter shows them (the job log's annotation: `Last 2 lines of the log:`, a pipe: after the error).
      context: ['a', 'b'],
    },
  ]);
  expect(failureSummary(result)).toBe(
    `build ${ID} FAILED in BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: make`,
  );
  expect(failures(single(build('SUCCEEDED')))).toEqual([]);
});

test('the summary: status, duration, links, phase table, gantt, exported variables', () => {
  const md = summaryMarkdown(single(build('SUCCEEDED')));
  expect(md).toContain('## CodeBuild app: ✅ SUCCEEDED');
  expect(md).toContain('**Duration** 1m 15s');
  expect(md).toContain(
    `[Console](https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/111122223333/projects/app/build/app%3A1234/?region=eu-west-1)`,
  );
  expect(md).toContain(
    '[Logs](https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fapp/log-events/1234)',
  );
  expect(md).toContain('| BUILD | ✅ SUCCEEDED | 1m 5s |  |');
  expect(md).toContain('  BUILD : done, 1700000005000, 1700000070000');
  expect(md).toContain('| `VERSION` | `2` |');
});

describe('batch', () => {
  const batch: BuildBatch = {
    id: 'app:b1',
    arn: 'arn:aws:codebuild:eu-west-1:111122223333:build-batch/app:b1',
    projectName: 'app',
    buildBatchNumber: 4,
    buildBatchStatus: 'FAILED',
    complete: true,
    startTime: t(0),
    endTime: t(90),
    phases: [{ phaseType: 'IN_PROGRESS', phaseStatus: 'FAILED', startTime: t(1), endTime: t(89) }],
  };
  const result: FollowResult = {
    kind: 'batch',
    batch,
    children: [
      { identifier: 'one', build: build('SUCCEEDED', { id: 'app:c1' }), lastLines: [] },
      { identifier: 'two', build: build('FAILED', { id: 'app:c2' }), lastLines: ['boom'] },
    ],
    cancelled: false,
    statusCalls: 3,
  };

  test('outputs, failures per child, summary with a row per build', () => {
    expect(resultOutputs(result)).toMatchObject({
      'build-number': '4',
      'build-status': 'FAILED',
      'failed-phase': 'two:BUILD',
      'exported-variables': JSON.stringify({
        one: { VERSION: '2', 'build-status': 'not an output' },
        two: { VERSION: '2', 'build-status': 'not an output' },
      }),
    });
    expect(failures(result).map((f) => f.title)).toEqual(['two: BUILD FAILED']);
    expect(failureSummary(result)).toBe('batch build app:b1 FAILED (failed: two)');
    const md = summaryMarkdown(result);
    expect(md).toContain('## CodeBuild batch app: ❌ FAILED');
    expect(md).toMatch(/\| two \| FAILED \| 1m 15s \| BUILD \| \[log\]\(https:/);
  });

  test('a status line per child', () => {
    expect(childStatusLine('two', build('FAILED'))).toBe(
      '[two] FAILED in 1m 15s: BUILD FAILED (COMMAND_EXECUTION_ERROR: Error while executing command: make)',
    );
    expect(childStatusLine('one', build('SUCCEEDED'))).toBe('[one] SUCCEEDED in 1m 15s');
  });
});

test('log streams: named by BatchGetBuilds, predicted right after StartBuild, none when disabled', () => {
  const named = build('IN_PROGRESS', {
    logs: {
      groupName: '/custom',
      streamName: 'pre/1234',
      cloudWatchLogsArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/custom:log-stream:pre/1234',
    },
  });
  expect(logStreamOf(named)).toEqual({
    group: '/custom',
    stream: 'pre/1234',
    groupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/custom',
  });
  const fresh = build('IN_PROGRESS', {
    logs: { cloudWatchLogs: { status: 'ENABLED', groupName: '/g', streamName: 'pre' } },
  });
  expect(logStreamOf(fresh)).toBeUndefined();
  expect(logStreamOf(fresh, { predict: true })).toEqual({
    group: '/g',
    stream: 'pre/1234',
    groupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:/g',
  });
  expect(
    logStreamOf(build('IN_PROGRESS', { logs: { cloudWatchLogs: { status: 'DISABLED' } } }), { predict: true }),
  ).toBeUndefined();
  expect(buildLogsUrl(build('IN_PROGRESS', { logs: { cloudWatchLogs: { status: 'DISABLED' } } }))).toMatch(
    /\/build\/app%3A1234\//,
  );
  expect(idFromArn('arn:aws:codebuild:eu-west-1:1:build-batch/app:b1')).toBe('app:b1');
  expect(idFromArn('app:1')).toBe('app:1');
});
