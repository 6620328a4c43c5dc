/** `aws-cicd pipeline` in-process, with every CodePipeline client mocked (aws-sdk-client-mock on the class). */
import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../support/cli.js';
import { action, DECLARATION, T } from '../pipeline/fixtures.js';

const SHA = 'c0ffee1234567890c0ffee1234567890c0ffee12';
const ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_EC2_METADATA_DISABLED: 'true',
};
const mock = mockClient(CodePipelineClient);

beforeEach(() => {
  mock.reset();
  mock.on(GetPipelineCommand).resolves({ pipeline: DECLARATION });
  mock.on(ListPipelineExecutionsCommand).resolves({
    pipelineExecutionSummaries: [
      {
        pipelineExecutionId: 'exec-1',
        status: 'Failed',
        startTime: T(0),
        sourceRevisions: [{ actionName: 'Source', revisionId: SHA }],
      },
    ],
  });
  mock.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: 'exec-2' });
});

function execution(status: string, actions: ReturnType<typeof action>[]) {
  mock.on(GetPipelineExecutionCommand).resolves({
    pipelineExecution: {
      pipelineName: 'app',
      pipelineVersion: 3,
      pipelineExecutionId: 'exec-1',
      status: status as never,
    },
  });
  mock.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: actions });
}

test("follows the commit's execution: stages on stderr, exit 0 on success", async () => {
  execution('Succeeded', [action('Source', 'Source', 'Succeeded')]);
  const run = await runCli(['pipeline', '--name', 'app', '--commit', SHA.slice(0, 8)], { env: ENV });
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(
    `aws-cicd: Following execution exec-1 of pipeline app (started by commit ${SHA.slice(0, 8)}):`,
  );
  // Piped: a stage's group has no header line; its actions' lines, then the stage's result line.
  expect(run.stderr).toContain(
    'aws-cicd: Source (CodeCommit) Succeeded in 5s\naws-cicd: Stage Source Succeeded in 5s\n',
  );
  expect(run.stderr).toContain('aws-cicd: Pipeline app execution exec-1 Succeeded in 5s');
  // The closing line: the table's footer.
  expect(run.stderr).toMatch(/aws-cicd: Pipeline app Succeeded in 5s\n$/);
});

test('a failed execution: the failing action and exit 1', async () => {
  execution('Failed', [
    action('Source', 'Source', 'Succeeded'),
    action('Build', 'Build', 'Failed', {
      output: { executionResult: { errorDetails: { code: 'JobFailed', message: 'Build project not found' } } },
    }),
  ]);
  const run = await runCli(['pipeline', '--name', 'app', '--commit', SHA], { env: ENV });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(
    'aws-cicd: error: Build/Build failed: Action Build/Build (CodeBuild) failed\nJobFailed: Build project not found\n',
  );
  expect(run.stderr).toContain('aws-cicd: error: pipeline app execution exec-1 Failed in stage Build (Build)\n');
});

test('--start --variable --no-wait: starts, prints the id, does not follow', async () => {
  // Its status is read once (the action's status output), not followed.
  mock.on(GetPipelineExecutionCommand).resolves({
    pipelineExecution: { pipelineName: 'app', pipelineExecutionId: 'exec-2', status: 'InProgress' },
  });
  const run = await runCli(['pipeline', '--name', 'app', '--start', '--variable', 'RELEASE=9', '--no-wait'], {
    env: ENV,
  });
  expect(run).toMatchObject({ code: 0, stdout: 'exec-2\n' });
  const input = mock.commandCalls(StartPipelineExecutionCommand)[0]?.args[0].input;
  expect(input).toMatchObject({ name: 'app', variables: [{ name: 'RELEASE', value: '9' }] });
  expect(input?.clientRequestToken).toMatch(/^[0-9a-f-]{36}$/);
  expect(mock.commandCalls(ListActionExecutionsCommand)).toEqual([]);
});

test('usage errors exit 2 before any call', async () => {
  expect((await runCli(['pipeline', '--commit', SHA], { env: ENV })).code).toBe(2);
  const run = await runCli(['pipeline', '--name', 'app', '--variable', 'A=1', '--commit', SHA], { env: ENV });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--variable applies to a new execution: add --start');
  expect((await runCli(['pipeline', '--name', 'app', '--start', '--commit', SHA], { env: ENV })).code).toBe(2);
  expect(mock.calls()).toEqual([]);
});

test('an unknown variable is refused with a suggestion, before the start', async () => {
  const run = await runCli(['pipeline', '--name', 'app', '--start', '--variable', 'RELASE=1'], { env: ENV });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain('--variable: pipeline "app" declares no variable RELASE; did you mean RELEASE?');
  expect(mock.commandCalls(StartPipelineExecutionCommand)).toEqual([]);
});

test('the command list shows pipeline and deploy', async () => {
  const run = await runCli(['--help']);
  expect(run.stdout).toMatch(/^ {2}pipeline +follow \(or start\) a CodePipeline execution/m);
  expect(run.stdout).toMatch(/^ {2}deploy +create a CodeDeploy deployment/m);
});
