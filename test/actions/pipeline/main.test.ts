/** The pipeline action's glue: inputs → find/start → follow → outputs, state, summary, annotations, failure. */
import {
  GetPipelineCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { pipelineAction } from '../../../src/actions/pipeline/main.js';
import type { CodeBuildReportsApi } from '../../../src/aws/codebuild.js';
import type { PipelineClients } from '../../../src/pipeline/clients.js';
import { runActionInProcess, type ActionRun } from '../../support/action.js';
import { serviceError } from '../../aws/fake-aws.js';
import { FakeLogStream, VirtualTime } from '../../codebuild/fakes.js';
import { splitWorkflowLog } from '../../codebuild/emulator-support.js';
import { scriptedDeploy } from '../../deploy/fixtures.js';
import {
  action,
  build,
  BUILD_ID,
  c,
  fakeBuilds,
  scriptedPipeline,
  T,
  type PipelineStep,
} from '../../pipeline/fixtures.js';

const SHA = 'c0ffee1234567890c0ffee1234567890c0ffee12';
const ENV = {
  GITHUB_SHA: SHA,
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '77',
  AWS_REGION: 'us-east-1',
};

const SOURCE_OK = action('Source', 'Source', 'Succeeded', {
  externalId: SHA,
  input: { namespace: 'SourceVariables' },
  outputs: { CommitId: SHA },
});
const BUILD_RUNNING = action('Build', 'Build', 'InProgress', { startTime: T(10), externalId: BUILD_ID });

function setup(
  steps: PipelineStep[],
  inputs: Record<string, string>,
  buildStatus: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED',
  reports?: { readonly api: CodeBuildReportsApi; readonly arns: string[] },
) {
  const pipeline = scriptedPipeline(steps);
  pipeline.executions = [
    {
      pipelineExecutionId: 'exec-1',
      status: 'InProgress',
      startTime: T(0),
      sourceRevisions: [{ actionName: 'Source', revisionId: SHA }],
    },
  ];
  const log = new FakeLogStream();
  log.put([
    c('Entering phase BUILD'),
    'make: *** [all] Error 2',
    '::add-mask::forged',
    c(`Phase complete: BUILD State: ${buildStatus}`),
  ]);
  const builds = fakeBuilds(
    { [BUILD_ID]: { ...build(BUILD_ID, buildStatus), ...(reports ? { reportArns: reports.arns } : {}) } },
    { [BUILD_ID.split(':')[1] as string]: log },
  );
  const deploy = scriptedDeploy();
  const clients: PipelineClients = {
    codepipeline: pipeline.api,
    codebuild: builds.codebuild,
    ...(reports ? { reports: reports.api } : {}),
    logs: builds.logs,
    codedeploy: deploy.api,
    dispose: () => undefined,
  };
  const time = new VirtualTime();
  const result: { run?: ActionRun } = {};
  return {
    pipeline,
    stdout: () => result.run?.stdout ?? '',
    get outputs() {
      return result.run?.outputs ?? {};
    },
    /** The messages of every error annotation; the step's failure is the last. */
    get errors() {
      return result.run?.errors ?? [];
    },
    /** The step's failure: the last error annotation, when the step failed (the runtime writes it last). */
    get failed(): string[] {
      const run = result.run;
      return run === undefined || run.code === 0 ? [] : run.errors.slice(-1);
    },
    get state() {
      return result.run?.state ?? {};
    },
    get summary() {
      return result.run?.summary ?? '';
    },
    get code() {
      return result.run?.code;
    },
    async run() {
      result.run = await runActionInProcess(
        pipelineAction({ clients, token: () => 'token-1', clock: time.clock, sleep: time.sleep, random: () => 0.5 }),
        { inputs, env: ENV },
      );
      return result.run;
    },
  };
}

test("follows the commit's execution to success: groups, fenced build output, outputs, state, summary", async () => {
  const buildOk = action('Build', 'Build', 'Succeeded', {
    startTime: T(10),
    lastUpdateTime: T(40),
    externalId: BUILD_ID,
    input: { namespace: 'BuildVariables' },
    outputs: { VERSION: '2.0' },
  });
  const a = setup(
    [
      { status: 'InProgress', actions: [SOURCE_OK, BUILD_RUNNING] },
      { status: 'Succeeded', actions: [SOURCE_OK, buildOk] },
    ],
    { 'pipeline-name': 'app', logs: 'poll' },
  );
  await a.run();
  expect(a.failed).toEqual([]);
  const log = splitWorkflowLog(a.stdout());
  expect(log.commands).toEqual(['::group::Stage Source', '::endgroup::', '::group::Stage Build', '::endgroup::']);
  // The build's own "::add-mask::" line is output, never a command.
  expect(log.output).toContain('::add-mask::forged');
  expect(log.plain).toContain(
    'Following execution exec-1 of pipeline app (started by commit c0ffee1234567890c0ffee1234567890c0ffee12): ' +
      'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/app/executions/exec-1/timeline?region=us-east-1',
  );
  expect(log.plain).toContain('Stage Build Succeeded in 30s');
  expect(a.outputs).toEqual({
    'execution-id': 'exec-1',
    'execution-url':
      'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/app/executions/exec-1/timeline?region=us-east-1',
    status: 'Succeeded',
    stages: '{"Source":"Succeeded","Build":"Succeeded","Approve":"NotStarted","Deploy":"NotStarted"}',
    variables: JSON.stringify({ SourceVariables: { CommitId: SHA }, BuildVariables: { VERSION: '2.0' } }),
  });
  expect(a.state).toEqual({
    isPost: 'true',
    followed: JSON.stringify({ pipeline: 'app', executionId: 'exec-1', abandon: false }),
    settled: 'true',
  });
  expect(a.summary).toContain('## CodePipeline app: ✅ Succeeded');
  expect(a.summary).toContain('```mermaid');
});

test('a failed build: an error annotation with the failed phase and last lines, and the step fails', async () => {
  const buildFailed = action('Build', 'Build', 'Failed', {
    startTime: T(10),
    lastUpdateTime: T(40),
    externalId: BUILD_ID,
  });
  const a = setup(
    [
      { status: 'InProgress', actions: [SOURCE_OK, BUILD_RUNNING] },
      { status: 'Failed', actions: [SOURCE_OK, buildFailed] },
    ],
    { 'pipeline-name': 'app', logs: 'poll' },
    'FAILED',
  );
  await a.run();
  expect(a.failed).toEqual(['pipeline app execution exec-1 Failed in stage Build (Build)']);
  // The build's annotation, then the step's failure.
  const errors = splitWorkflowLog(a.stdout()).commands.filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(2);
  expect(errors[1]).toBe('::error::pipeline app execution exec-1 Failed in stage Build (Build)');
  expect(errors[0]).toMatch(/^::error title=Build\/Build%3A BUILD FAILED::Build app-build:.* FAILED in phase BUILD/);
  expect(errors[0]).toContain('Last 4 lines of the log:%0A');
  expect(a.outputs.status).toBe('Failed');
  expect(a.state.settled).toBe('true');
});

test("the CodeBuild action's test reports: read once after the execution, in the summary and as annotations", async () => {
  const arn = 'arn:aws:codebuild:us-east-1:111122223333:report/app-build-unit:r-1';
  const calls: string[] = [];
  const api: CodeBuildReportsApi = {
    async getReports(arns) {
      calls.push(`BatchGetReports ${arns.join(',')}`);
      return [
        {
          arn,
          type: 'TEST',
          reportGroupArn: 'arn:aws:codebuild:us-east-1:111122223333:report-group/app-build-unit',
          status: 'FAILED',
          testSummary: { total: 2, statusCounts: { SUCCEEDED: 1, FAILED: 1 }, durationInNanoSeconds: 1e9 },
        },
      ];
    },
    async describeTestCases(reportArn, options) {
      calls.push(`DescribeTestCases ${options.status ?? ''}`);
      return { items: [{ reportArn, name: 'rounds', prefix: 'MathTest', status: 'FAILED', message: 'off by one' }] };
    },
    async describeCodeCoverages() {
      throw new Error('not expected');
    },
  };
  const buildOk = action('Build', 'Build', 'Succeeded', {
    startTime: T(10),
    lastUpdateTime: T(40),
    externalId: BUILD_ID,
  });
  const a = setup(
    [
      { status: 'InProgress', actions: [SOURCE_OK, BUILD_RUNNING] },
      { status: 'Succeeded', actions: [SOURCE_OK, buildOk] },
    ],
    { 'pipeline-name': 'app', logs: 'off' },
    'SUCCEEDED',
    { api, arns: [arn] },
  );
  await a.run();
  expect(a.code).toBe(0);
  expect(calls).toEqual([`BatchGetReports ${arn}`, 'DescribeTestCases FAILED']);
  expect(a.summary).toContain('| Build/Build/app-build-unit | ❌ FAILED | 2 | 1 | 1 | 0 | 0 | 1s |');
  expect(a.summary).toContain('- ❌ **rounds** in `MathTest` (Build/Build/app-build-unit, FAILED)');
  expect(a.errors).toEqual(['MathTest › rounds failed: off by one']);
});

test('start: true with variables and a source revision; clientRequestToken sent', async () => {
  const a = setup([{ status: 'Succeeded', actions: [SOURCE_OK] }], {
    'pipeline-name': 'app',
    start: 'true',
    variables: 'RELEASE=1.2.3\nENVIRONMENT=prod',
    'source-revisions': `Source=${SHA}`,
  });
  await a.run();
  expect(a.failed).toEqual([]);
  expect(a.pipeline.mock.commandCalls(StartPipelineExecutionCommand)[0]?.args[0].input).toEqual({
    name: 'app',
    clientRequestToken: 'token-1',
    variables: [
      { name: 'RELEASE', value: '1.2.3' },
      { name: 'ENVIRONMENT', value: 'prod' },
    ],
    sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: SHA }],
  });
  expect(splitWorkflowLog(a.stdout()).plain[0]).toMatch(/^Started execution exec-1 of pipeline app: https:/);
});

test('a missing pipeline and a denied call are clear failures, before anything else', async () => {
  const a = setup([], { 'pipeline-name': 'nope' });
  await a.run();
  expect(a.failed[0]).toMatch(
    /^CodePipeline pipeline "nope" not found \(.*\); check the pipeline name and the AWS region$/,
  );
  const b = setup([], { 'pipeline-name': 'app' });
  b.pipeline.mock
    .on(ListPipelineExecutionsCommand)
    .rejects(
      serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/ci/s is not authorized to perform: codepipeline:ListPipelineExecutions on resource: arn:aws:codepipeline:us-east-1:111122223333:app',
      ),
    );
  await b.run();
  expect(b.failed[0]).toContain(
    'ListPipelineExecutions app: missing IAM permission codepipeline:ListPipelineExecutions on arn:aws:codepipeline:us-east-1:111122223333:app',
  );
});

test('without codepipeline:GetPipeline: a warning, and the execution is still followed', async () => {
  const a = setup([{ status: 'Succeeded', actions: [SOURCE_OK] }], { 'pipeline-name': 'app' });
  a.pipeline.mock
    .on(GetPipelineCommand)
    .rejects(serviceError('AccessDeniedException', 'User: x is not authorized to perform: codepipeline:GetPipeline'));
  await a.run();
  expect(a.failed).toEqual([]);
  expect(
    splitWorkflowLog(a.stdout()).commands.some((l) =>
      l.startsWith('::warning::cannot read the structure of pipeline app'),
    ),
  ).toBe(true);
  expect(a.outputs.stages).toBe('{"Source":"Succeeded"}');
});

test('no execution for the commit within the wait: the step fails saying so', async () => {
  const a = setup([], { 'pipeline-name': 'app', 'wait-for-execution-seconds': '10' });
  a.pipeline.executions = [];
  await a.run();
  expect(a.failed[0]).toMatch(
    new RegExp(
      `^no execution of pipeline app for commit ${SHA} appeared within 10 s\\. The pipeline has no executions\\.`,
    ),
  );
  expect(splitWorkflowLog(a.stdout()).plain).toContain(
    `No execution of pipeline app for commit ${SHA} yet; waiting up to 10 s for one to appear`,
  );
});

test('wait: false sets the id, url and status, and leaves the execution to a later step', async () => {
  const a = setup([{ status: 'InProgress', actions: [SOURCE_OK] }], { 'pipeline-name': 'app', wait: 'false' });
  await a.run();
  expect(a.outputs).toMatchObject({ 'execution-id': 'exec-1', status: 'InProgress' });
  expect(a.state.followed).toBeUndefined();
  expect(a.summary).toBe('');
});

test('superseded: a warning, not a failure', async () => {
  const a = setup([{ status: 'Superseded', actions: [SOURCE_OK] }], { 'pipeline-name': 'app' });
  await a.run();
  expect(a.failed).toEqual([]);
  expect(splitWorkflowLog(a.stdout()).commands).toContain(
    '::warning::execution exec-1 of app was superseded by a newer execution, which carries its changes on; the newer run reports the result',
  );
});

test('inputs: variables without start, and execution-id with a commit, are refused', async () => {
  const a = setup([], { 'pipeline-name': 'app', variables: 'A=1' });
  await a.run();
  expect(a.failed).toEqual(['input "variables" applies to a new execution: add input "start"']);
  const b = setup([], { 'pipeline-name': 'app', 'execution-id': 'e', commit: SHA });
  await b.run();
  expect(b.failed).toEqual([
    'input "execution-id" follows a given execution: leave out input "start" and input "commit"',
  ]);
  const d = setup([], { 'pipeline-name': 'app', start: 'true', commit: SHA });
  await d.run();
  expect(d.failed).toEqual([
    `input "commit" finds the execution a commit started; to start one at a commit, give input "source-revisions" <SourceActionName>=${SHA}`,
  ]);
});
