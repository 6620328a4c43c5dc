/**
 * Following an execution against a scripted CodePipeline (aws-sdk-client-mock), with a CodeBuild build whose log is
 * read through the build action's follow code, a scripted CodeDeploy deployment, and virtual time.
 */
import { StopPipelineExecutionCommand } from '@aws-sdk/client-codepipeline';
import { followExecution, type PipelineFollowDeps } from '../../src/pipeline/follow.js';
import { pipelineFailures, pipelineFailureSummary, pipelineOutputs } from '../../src/pipeline/report.js';
import { FakeLogStream, VirtualTime } from '../codebuild/fakes.js';
import { RecordingReporter } from '../support/reporter.js';
import { events, instance, scriptedDeploy } from '../deploy/fixtures.js';
import {
  action,
  build,
  BUILD_ID,
  c,
  DECLARATION,
  fakeBuilds,
  scriptedPipeline,
  T,
  type PipelineStep,
} from './fixtures.js';

function recorder(): RecordingReporter {
  return new RecordingReporter();
}

function setup(steps: PipelineStep[], buildStatus: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED') {
  const pipeline = scriptedPipeline(steps);
  const log = new FakeLogStream();
  log.put([
    c('Entering phase BUILD'),
    'compiling 1',
    'compiling 2',
    '::error::forged by the build',
    c(`Phase complete: BUILD State: ${buildStatus}`),
  ]);
  const { codebuild, logs } = fakeBuilds(
    { [BUILD_ID]: build(BUILD_ID, buildStatus) },
    { [BUILD_ID.split(':')[1] as string]: log },
  );
  const deploy = scriptedDeploy();
  const time = new VirtualTime();
  const rec = recorder();
  const deps: PipelineFollowDeps = {
    codepipeline: pipeline.api,
    codebuild,
    logs,
    codedeploy: deploy.api,
    logsMode: 'poll',
    reporter: rec,
    region: 'us-east-1',
    declaration: DECLARATION,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
  };
  return { pipeline, deploy, time, rec, deps };
}

const SOURCE_OK = action('Source', 'Source', 'Succeeded', {
  externalId: 'c0ffee12',
  summary: 'Fix the login',
  input: { namespace: 'SourceVariables' },
  outputs: { CommitId: 'c0ffee12', BranchName: 'main' },
});
const BUILD_RUNNING = action('Build', 'Build', 'InProgress', { startTime: T(10), externalId: BUILD_ID });

test('an execution to success: a group per stage, the build log inside, each status once, approval with its URL', async () => {
  const buildOk = action('Build', 'Build', 'Succeeded', {
    startTime: T(10),
    lastUpdateTime: T(45),
    externalId: BUILD_ID,
    input: { namespace: 'BuildVariables' },
    outputs: { VERSION: '1.4.2' },
  });
  const reviewWaiting = action('Approve', 'Review', 'InProgress', { startTime: T(50) });
  const reviewed = action('Approve', 'Review', 'Succeeded', {
    startTime: T(50),
    lastUpdateTime: T(110),
    summary: 'Looks good',
    updatedBy: 'arn:aws:iam::111122223333:user/ana',
  });
  const deployOk = action('Deploy', 'Deploy', 'Succeeded', {
    startTime: T(120),
    lastUpdateTime: T(150),
    externalId: 'd-OK',
  });
  const { rec, deps, deploy, pipeline } = setup([
    { status: 'InProgress', actions: [action('Source', 'Source', 'InProgress')] },
    { status: 'InProgress', actions: [SOURCE_OK, BUILD_RUNNING] },
    { status: 'InProgress', actions: [SOURCE_OK, buildOk, reviewWaiting] },
    { status: 'InProgress', actions: [SOURCE_OK, buildOk, reviewWaiting] },
    { status: 'InProgress', actions: [SOURCE_OK, buildOk, reviewed, deployOk] },
    {
      status: 'Succeeded',
      actions: [SOURCE_OK, buildOk, reviewed, deployOk],
      execution: { variables: [{ name: 'ENVIRONMENT', resolvedValue: 'staging' }] },
    },
  ]);
  deploy.add('d-OK', [
    {
      status: 'Succeeded',
      targets: [
        instance(
          'i-1',
          'Succeeded',
          events(() => 'Succeeded'),
        ),
      ],
    },
  ]);
  const outcome = await followExecution('app', 'exec-1', deps);
  expect(rec.events).toEqual([
    'Source SourceArtifact: c0ffee1234567890c0ffee1234567890c0ffee12',
    '[group Stage Source]',
    'Source (CodeCommit) InProgress',
    'Source (CodeCommit) Succeeded in 5s',
    '> Fix the login',
    '[end]',
    'Stage Source Succeeded in 5s',
    '[group Stage Build]',
    'Build (CodeBuild) InProgress',
    `> ${c('Entering phase BUILD')}`,
    '> compiling 1',
    '> compiling 2',
    '> ::error::forged by the build',
    `> ${c('Phase complete: BUILD State: SUCCEEDED')}`,
    'Build (CodeBuild) Succeeded in 35s',
    '[end]',
    'Stage Build Succeeded in 35s',
    '[group Stage Approve]',
    'Review (Manual) InProgress',
    '[notice] Manual approval Approve/Review is waiting for a review: https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/app/view?region=us-east-1 (Review on the Review action)',
    '> Check the staging site first',
    '> URL for review: https://staging.example.com',
    'Review (Manual) Succeeded in 1m 0s by arn:aws:iam::111122223333:user/ana',
    '> Looks good',
    '[end]',
    'Stage Approve Succeeded in 1m 0s',
    '[group Stage Deploy]',
    ...[
      'ApplicationStop',
      'DownloadBundle',
      'BeforeInstall',
      'Install',
      'AfterInstall',
      'ApplicationStart',
      'ValidateService',
    ].map((e) => `[i-1] ${e} Succeeded in 2s`),
    '[i-1] Succeeded',
    'Deployment d-OK Succeeded',
    'Deploy (CodeDeploy) Succeeded in 30s',
    '[end]',
    'Stage Deploy Succeeded in 30s',
    'Pipeline app execution exec-1 Succeeded in 2m 30s',
  ]);
  expect(outcome.execution.status).toBe('Succeeded');
  expect(outcome.followed.get('Build/Build')?.build?.kind).toBe('build');
  expect(outcome.followed.get('Deploy/Deploy')?.deployment?.deployment.status).toBe('Succeeded');
  expect(pipeline.polls()).toBe(6);
  const outputs = pipelineOutputs(outcome, 'us-east-1', 'app');
  expect(JSON.parse(outputs.stages ?? '')).toEqual({
    Source: 'Succeeded',
    Build: 'Succeeded',
    Approve: 'Succeeded',
    Deploy: 'Succeeded',
  });
  expect(JSON.parse(outputs.variables ?? '')).toEqual({
    variables: { ENVIRONMENT: 'staging' },
    SourceVariables: { CommitId: 'c0ffee12', BranchName: 'main' },
    BuildVariables: { VERSION: '1.4.2' },
  });
  expect(outputs['execution-url']).toBe(
    'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/app/executions/exec-1/timeline?region=us-east-1',
  );
});

test('a failed build: the failing stage and the build failure with its last log lines', async () => {
  const buildFailed = action('Build', 'Build', 'Failed', {
    startTime: T(10),
    lastUpdateTime: T(45),
    externalId: BUILD_ID,
    summary: 'Build terminated with state: FAILED',
  });
  const { deps } = setup(
    [
      { status: 'InProgress', actions: [SOURCE_OK, BUILD_RUNNING] },
      { status: 'Failed', actions: [SOURCE_OK, buildFailed], execution: { statusSummary: 'Build failed' } },
    ],
    'FAILED',
  );
  const outcome = await followExecution('app', 'exec-1', deps);
  expect(outcome.stages.map((s) => s.status)).toEqual(['Succeeded', 'Failed', 'NotStarted', 'NotStarted']);
  const failures = pipelineFailures(outcome);
  expect(failures).toHaveLength(1);
  expect(failures[0]?.title).toBe('Build/Build: BUILD FAILED');
  expect(failures[0]?.message).toContain(
    `Build ${BUILD_ID} FAILED in phase BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: make. Reason: exit status 2`,
  );
  expect(failures[0]?.context).toHaveLength(5);
  expect(failures[0]?.context).toContain('::error::forged by the build');
  expect(pipelineFailureSummary(outcome, 'app')).toBe(
    'pipeline app execution exec-1 Failed in stage Build (Build): Build failed',
  );
});

test('a rejected approval is the failure, with who rejected it and why', async () => {
  const rejected = action('Approve', 'Review', 'Failed', {
    summary: 'Not on a Friday',
    updatedBy: 'arn:aws:iam::111122223333:user/bo',
  });
  const { deps } = setup([{ status: 'Failed', actions: [SOURCE_OK, rejected] }]);
  const outcome = await followExecution('app', 'exec-1', deps);
  expect(pipelineFailures(outcome)).toEqual([
    { title: 'Approve/Review: rejected', message: 'Rejected by arn:aws:iam::111122223333:user/bo: Not on a Friday' },
  ]);
});

test('a failing ValidateService in the deploy stage: annotated with its diagnostics', async () => {
  const deployFailed = action('Deploy', 'Deploy', 'Failed', { externalId: 'd-BAD' });
  const { deps, deploy, rec } = setup([{ status: 'Failed', actions: [SOURCE_OK, deployFailed] }]);
  deploy.add('d-BAD', [
    {
      status: 'Failed',
      targets: [
        instance(
          'i-9',
          'Failed',
          events((name, i) => (name === 'ValidateService' ? 'Failed' : i < 6 ? 'Succeeded' : 'Skipped')).map(
            ([n, s]) =>
              n === 'ValidateService'
                ? [
                    n,
                    s,
                    {
                      errorCode: 'ScriptFailed',
                      scriptName: 'scripts/validate.sh',
                      message: 'exit code 1',
                      logTail: 'curl: (7)',
                    },
                  ]
                : [n, s],
          ),
        ),
      ],
    },
  ]);
  const outcome = await followExecution('app', 'exec-1', deps);
  expect(rec.events).toContain('[i-9] ValidateService Failed in 2s (ScriptFailed, scripts/validate.sh)');
  expect(pipelineFailures(outcome)).toEqual([
    {
      title: 'Deploy/Deploy: ValidateService failed on i-9',
      message: 'ScriptFailed in scripts/validate.sh\nexit code 1\n\nEnd of the script output:\ncurl: (7)',
    },
  ]);
});

test('a cancel stops the execution (abandon as asked, with the reason) and stops following the build', async () => {
  const controller = new AbortController();
  const { deps, pipeline, time } = setup([
    { status: 'InProgress', actions: [SOURCE_OK, BUILD_RUNNING] },
    { status: 'InProgress', actions: [SOURCE_OK, BUILD_RUNNING] },
    { status: 'Stopping', actions: [SOURCE_OK, BUILD_RUNNING] },
    { status: 'Stopped', actions: [SOURCE_OK, action('Build', 'Build', 'Abandoned', { externalId: BUILD_ID })] },
  ]);
  const sleep = (ms: number) => {
    if (pipeline.polls() >= 2) controller.abort();
    return time.sleep(ms);
  };
  const outcome = await followExecution('app', 'exec-1', {
    ...deps,
    sleep,
    cancel: controller.signal,
    abandonOnCancel: true,
    stopReason: 'cancelled in owner/repo run 7',
  });
  expect(outcome.cancelled).toBe(true);
  expect(pipeline.mock.commandCalls(StopPipelineExecutionCommand).map((c) => c.args[0].input)).toEqual([
    { pipelineName: 'app', pipelineExecutionId: 'exec-1', abandon: true, reason: 'cancelled in owner/repo run 7' },
  ]);
  expect(['Stopping', 'Stopped']).toContain(outcome.execution.status);
});

test('parallel followed actions in a stage: their lines carry the action name', async () => {
  const twoBuilds = {
    ...DECLARATION,
    stages: [
      DECLARATION.stages?.[0],
      {
        name: 'Build',
        actions: [
          { name: 'Unit', actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' } },
          { name: 'Lint', actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' } },
        ],
      },
    ],
  } as typeof DECLARATION;
  const { deps, rec } = setup([
    {
      status: 'Succeeded',
      actions: [
        SOURCE_OK,
        action('Build', 'Unit', 'Succeeded', { externalId: BUILD_ID }),
        action('Build', 'Lint', 'Succeeded', { summary: 'no findings' }),
      ],
    },
  ]);
  await followExecution('app', 'exec-1', { ...deps, declaration: twoBuilds });
  expect(rec.events).toContain('[Unit] Unit (CodeBuild) Succeeded in 5s');
  expect(rec.events).toContain('> [Unit] compiling 1');
  expect(rec.events).toContain('[Lint] Lint (CodeBuild) Succeeded in 5s');
  expect(rec.events).toContain('> [Lint] no findings');
});

test('a superseded execution is reported as such', async () => {
  const { deps, rec } = setup([{ status: 'Superseded', actions: [SOURCE_OK] }]);
  const outcome = await followExecution('app', 'exec-1', deps);
  expect(outcome.execution.status).toBe('Superseded');
  expect(rec.events.slice(-2)).toEqual([
    'Pipeline app execution exec-1 Superseded in 5s',
    'Superseded: a newer execution overtook this one and carries its changes on',
  ]);
});

test('polling: every 10 s while things change (two calls: one per 5 s), every 30 s once an approval has waited a quiet minute', async () => {
  const waiting = action('Approve', 'Review', 'InProgress');
  const steps: PipelineStep[] = [
    { status: 'InProgress', actions: [action('Source', 'Source', 'InProgress')] },
    { status: 'InProgress', actions: [SOURCE_OK] },
    ...Array.from({ length: 30 }, () => ({ status: 'InProgress', actions: [SOURCE_OK, waiting] })),
    { status: 'Succeeded', actions: [SOURCE_OK, action('Approve', 'Review', 'Succeeded')] },
  ];
  const { deps, time } = setup(steps);
  await followExecution('app', 'exec-1', deps);
  expect(time.sleeps.slice(0, 3)).toEqual([10_000, 10_000, 10_000]);
  expect(time.sleeps.at(-1)).toBe(30_000);
  expect(time.sleeps.filter((ms) => ms === 30_000).length).toBeGreaterThan(5);
});

test('a Commands action: its CloudWatch log stream is read to its end once the action is over', async () => {
  const commands = {
    ...DECLARATION,
    stages: [
      DECLARATION.stages?.[0],
      {
        name: 'Build',
        actions: [
          { name: 'Run', actionTypeId: { category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1' } },
        ],
      },
    ],
  } as typeof DECLARATION;
  const arn = 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/codebuild/cmd:log-stream:run-1';
  const ran = (status: string) =>
    action('Build', 'Run', status, { output: { executionResult: { logStreamARN: arn } } as never });
  const { deps, rec } = setup([
    { status: 'InProgress', actions: [SOURCE_OK, ran('InProgress')] },
    { status: 'Succeeded', actions: [SOURCE_OK, ran('Succeeded')] },
  ]);
  const stream = new FakeLogStream();
  stream.put(['npm ci', 'npm test', '42 passing']);
  const outcome = await followExecution('app', 'exec-1', {
    ...deps,
    declaration: commands,
    logs: {
      getLogEvents: (ref, from) =>
        ref.stream === 'run-1' ? stream.getLogEvents(ref, from) : Promise.reject(new Error(ref.stream)),
      startLiveTail: () => Promise.reject(new Error('unused')),
    },
  });
  const build = rec.events.slice(rec.events.indexOf('[group Stage Build]'));
  expect(build.slice(0, 6)).toEqual([
    '[group Stage Build]',
    'Run (Commands) InProgress',
    '> npm ci',
    '> npm test',
    '> 42 passing',
    'Run (Commands) Succeeded in 5s',
  ]);
  expect(outcome.followed.get('Build/Run')?.lastLines).toEqual(['npm ci', 'npm test', '42 passing']);
});
