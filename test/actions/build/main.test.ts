/** The build action's glue over scripted CodeBuild and CloudWatch Logs HTTP endpoints (nock). */
import { buildAction } from '../../../src/actions/build/main.js';
import type { BuildDeps } from '../../../src/codebuild/build.js';
import { runActionInProcess, type ActionRun } from '../../support/action.js';
import { createBuildClients } from '../../../src/codebuild/clients.js';
import { fakeOptions, useNock } from '../../aws/fake-aws.js';
import { awsErrorBody, serveAws, type Handler } from '../../codebuild/nock-aws.js';
import { splitWorkflowLog } from '../../codebuild/emulator-support.js';
import { VirtualTime } from '../../codebuild/fakes.js';

useNock();

const ID = 'app:0b5c2f3e-1111-2222-3333-444455556666';
const ARN = `arn:aws:codebuild:us-east-1:111122223333:build/${ID}`;
const T0 = 1_700_000_000;
const c = (text: string): string => `[Container] 2023/11/14 22:13:20.000000 ${text}`;

const LOG = [
  c('Entering phase BUILD'),
  c('Running command make'),
  ...Array.from({ length: 25 }, (_, i) => `compiling ${i + 1}`),
  '::error::forged',
  c('Command did not exit successfully make exit status 2'),
  c('Phase complete: BUILD State: FAILED'),
  c(
    'Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: make. Reason: exit status 2',
  ),
];

function build(overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    arn: ARN,
    buildNumber: 12,
    projectName: 'app',
    startTime: T0,
    buildStatus: 'IN_PROGRESS',
    buildComplete: false,
    currentPhase: 'QUEUED',
    phases: [{ phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: T0, endTime: T0, durationInSeconds: 0 }],
    logs: { cloudWatchLogs: { status: 'ENABLED' } },
    ...overrides,
  };
}

const LOGS = {
  groupName: '/aws/codebuild/app',
  streamName: ID.split(':')[1],
  cloudWatchLogsArn: `arn:aws:logs:us-east-1:111122223333:log-group:/aws/codebuild/app:log-stream:${ID.split(':')[1]}`,
  cloudWatchLogs: { status: 'ENABLED' },
};

const FAILED = build({
  buildStatus: 'FAILED',
  buildComplete: true,
  currentPhase: 'COMPLETED',
  endTime: T0 + 40,
  logs: LOGS,
  phases: [
    { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: T0, endTime: T0, durationInSeconds: 0 },
    {
      phaseType: 'BUILD',
      phaseStatus: 'FAILED',
      startTime: T0 + 5,
      endTime: T0 + 35,
      durationInSeconds: 30,
      contexts: [
        {
          statusCode: 'COMMAND_EXECUTION_ERROR',
          message: 'Error while executing command: make. Reason: exit status 2',
        },
      ],
    },
    { phaseType: 'COMPLETED', startTime: T0 + 40 },
  ],
  exportedEnvironmentVariables: [{ name: 'VERSION', value: '9' }],
});

/** GetLogEvents over LOG, 10 events a page, tokens f/<index>. */
const getLogEvents: Handler = (input) => {
  const token = input.nextToken as string | undefined;
  const start = token === undefined ? 0 : Number(token.slice(2));
  const page = LOG.slice(start, start + 10);
  return {
    events: page.map((message, i) => ({ timestamp: (T0 + 10) * 1000 + start + i, message, ingestionTime: 1 })),
    nextForwardToken: `f/${start + page.length}`,
  };
};

/** The action over the nock'd endpoints, with virtual time; `run()` runs its main step. */
function action(inputs: Record<string, string>, extra: Partial<BuildDeps> & { signal?: AbortSignal } = {}) {
  const time = new VirtualTime();
  const { signal, ...deps } = extra;
  const result: { run?: ActionRun } = {};
  const a = {
    deps: {},
    stdout: () => result.run?.stdout ?? '',
    get outputs() {
      return result.run?.outputs ?? {};
    },
    get failed() {
      return result.run?.errors ?? [];
    },
    get state() {
      return result.run?.state ?? {};
    },
    async run() {
      result.run = await runActionInProcess(
        buildAction({
          clients: createBuildClients(fakeOptions()),
          idempotencyToken: () => 'token-1',
          clock: time.clock,
          sleep: time.sleep,
          random: () => 0.5,
          ...deps,
        }),
        {
          inputs,
          env: { GITHUB_SHA: 'cafe1234', GITHUB_WORKSPACE: '/nonexistent', GITHUB_EVENT_NAME: 'push' },
          ...(signal !== undefined ? { signal } : {}),
        },
      );
      return result.run;
    },
  };
  return a;
}

test('start, follow, report: the StartBuild request, grouped lines, outputs and the failure', async () => {
  const calls = serveAws({
    StartBuild: () => ({ build: build() }),
    BatchGetBuilds: (_input, n) =>
      n === 0 ? { builds: [build({ currentPhase: 'BUILD', logs: LOGS })] } : { builds: [FAILED] },
    GetLogEvents: getLogEvents,
  });
  const a = action({
    'project-name': 'app',
    buildspec: 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n',
    env: 'STAGE=prod',
    'env-secrets-manager': 'TOKEN=app/token:token',
    'compute-type': 'BUILD_GENERAL1_LARGE',
    logs: 'poll',
  });
  await a.run();

  expect(calls[0]).toEqual({
    operation: 'StartBuild',
    input: {
      projectName: 'app',
      sourceVersion: 'cafe1234',
      buildspecOverride: 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n',
      environmentVariablesOverride: [
        { name: 'STAGE', value: 'prod', type: 'PLAINTEXT' },
        { name: 'TOKEN', value: 'app/token:token', type: 'SECRETS_MANAGER' },
      ],
      computeTypeOverride: 'BUILD_GENERAL1_LARGE',
      idempotencyToken: 'token-1',
    },
  });
  expect(calls.filter((x) => x.operation === 'StartLiveTail')).toEqual([]);

  const log = splitWorkflowLog(a.stdout());
  expect(log.output).toEqual(LOG);
  expect(log.commands.filter((c) => !c.startsWith('::error'))).toEqual(['::group::BUILD', '::endgroup::']);
  expect(log.plain).toContain(
    `Started build ${ID} #12 of app: https://us-east-1.console.aws.amazon.com/codesuite/codebuild/111122223333/projects/app/build/${encodeURIComponent(ID)}/?region=us-east-1`,
  );

  expect(a.outputs).toMatchObject({
    'build-id': ID,
    'build-number': '12',
    'build-status': 'FAILED',
    'failed-phase': 'BUILD',
    'exported-variables': '{"VERSION":"9"}',
    VERSION: '9',
  });
  expect(a.outputs['logs-url']).toBe(
    `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fapp/log-events/${ID.split(':')[1]}`,
  );
  expect(a.failed).toEqual([
    [
      `Build ${ID} FAILED in phase BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: make. Reason: exit status 2`,
      '',
      'Last 20 lines of the log:',
      ...LOG.slice(-20),
    ].join('\n'),
  ]);
  expect(a.state).toEqual({ isPost: 'true', followed: JSON.stringify({ kind: 'build', id: ID }), settled: 'true' });
});

test('logs: off reads no log and prints the phases from the status', async () => {
  const calls = serveAws({
    StartBuild: () => ({ build: build() }),
    BatchGetBuilds: () => ({ builds: [FAILED] }),
  });
  const a = action({ 'project-name': 'app', logs: 'off' });
  await a.run();
  expect(calls.map((x) => x.operation)).toEqual(['StartBuild', 'BatchGetBuilds']);
  expect(splitWorkflowLog(a.stdout()).plain).toEqual(
    expect.arrayContaining(['BUILD…', 'BUILD FAILED in 30s', 'COMPLETED…']),
  );
});

test('a missing permission while following names the action', async () => {
  serveAws({
    StartBuild: () => ({ build: build() }),
    BatchGetBuilds: () => [
      400,
      awsErrorBody(
        'AccessDeniedException',
        'User: x is not authorized to perform: codebuild:BatchGetBuilds on resource: y',
      ),
    ],
  });
  const a = action({ 'project-name': 'app' });
  await a.run();
  expect(a.failed).toEqual([
    `BatchGetBuilds ${ID}: missing IAM permission codebuild:BatchGetBuilds on y (AccessDeniedException: User: x is not authorized to perform: codebuild:BatchGetBuilds on resource: y)`,
  ]);
});

test('cancelled: StopBuild at once, the build followed to STOPPED, the step fails saying so', async () => {
  const controller = new AbortController();
  const stopped = build({
    buildStatus: 'STOPPED',
    buildComplete: true,
    currentPhase: 'COMPLETED',
    phases: [{ phaseType: 'BUILD', phaseStatus: 'STOPPED', startTime: T0, endTime: T0 + 3, durationInSeconds: 3 }],
  });
  let stopRequested = false;
  const calls = serveAws({
    StartBuild: () => {
      controller.abort();
      return { build: build() };
    },
    StopBuild: () => {
      stopRequested = true;
      return { build: build() };
    },
    BatchGetBuilds: () => ({ builds: [stopRequested ? stopped : build({ currentPhase: 'BUILD' })] }),
  });
  const a = action({ 'project-name': 'app', logs: 'off' }, { signal: controller.signal });
  await a.run();
  expect(calls.find((x) => x.operation === 'StopBuild')?.input).toEqual({ id: ID });
  expect(splitWorkflowLog(a.stdout()).plain).toContain(`Cancelled: stopping build ${ID}`);
  expect(a.failed).toEqual([`the run was cancelled, so the build was stopped: build ${ID} STOPPED in BUILD`]);
  expect(a.outputs['build-status']).toBe('STOPPED');
});

test('attach with build-id: nothing is started', async () => {
  const calls = serveAws({ BatchGetBuilds: () => ({ builds: [FAILED] }), GetLogEvents: getLogEvents });
  const a = action({ 'build-id': ARN, logs: 'poll' });
  await a.run();
  expect(calls.some((x) => x.operation === 'StartBuild')).toBe(false);
  expect(calls[0]).toEqual({ operation: 'BatchGetBuilds', input: { ids: [ID] } });
  expect(splitWorkflowLog(a.stdout()).output).toEqual(LOG);
  expect(a.outputs['build-status']).toBe('FAILED');
});
