/**
 * The pipeline action as GitHub runs it: its own process (src/actions/pipeline/index.ts under tsx), inputs from
 * INPUT_* variables, outputs and state in the runner's files; SIGTERM stops the execution it follows, and the post step
 * stops one the main step left running.
 */
import { CodeBuildClient, CreateProjectCommand } from '@aws-sdk/client-codebuild';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { CodePipelineClient, CreatePipelineCommand } from '@aws-sdk/client-codepipeline';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  codeBuildStage,
  codeCommitSourceStage,
  pipelineDeclaration,
} from '../../harness/aws/codepipeline/declarations.js';
import type { Emulator } from '../../harness/aws/server.js';
import { awsEnv, ROLE, startBuildEmulator } from '../../codebuild/emulator-support.js';
import { clientConfig } from '../../emulator/helpers.js';
import { actionEntry, startActionProcess, type ActionProcess } from '../../support/action-process.js';

const SLOW = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo started sleeping\n      - sleep 60\n';

let emulator: Emulator;
let work: string;
let head = '';

beforeAll(async () => {
  emulator = await startBuildEmulator({ liveTail: { updateIntervalMs: 250 } });
  const codecommit = new CodeCommitClient(clientConfig(emulator));
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
  codecommit.destroy();
  work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-pipeline-process-'));
  const clone = path.join(work, 'clone');
  execFileSync('git', ['clone', '-q', emulator.state.codecommit.path('app'), clone], { stdio: 'ignore' });
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', clone, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
      encoding: 'utf8',
    }).trim();
  git('checkout', '-q', '-b', 'main');
  writeFileSync(path.join(clone, 'buildspec.yml'), SLOW);
  git('add', '-A');
  git('commit', '-q', '-m', 'slow build');
  git('push', '-q', 'origin', 'main');
  head = git('rev-parse', 'HEAD');
  const codebuild = new CodeBuildClient(clientConfig(emulator));
  await codebuild.send(
    new CreateProjectCommand({
      name: 'slow',
      source: { type: 'CODEPIPELINE' },
      artifacts: { type: 'CODEPIPELINE' },
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL',
      },
      serviceRole: ROLE,
    }),
  );
  codebuild.destroy();
});

afterAll(async () => {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
});

/** A pipeline whose build sleeps a minute; CreatePipeline starts its first execution. */
async function slowPipeline(name: string): Promise<void> {
  const client = new CodePipelineClient(clientConfig(emulator));
  await client.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration(name, [
        codeCommitSourceStage({ repository: 'app' }),
        codeBuildStage({ project: 'slow' }),
      ]),
    }),
  );
  client.destroy();
}

function startStep(inputs: Record<string, string>, state: Record<string, string> = {}): ActionProcess {
  return startActionProcess(actionEntry('pipeline'), {
    inputs,
    state,
    cwd: work,
    under: work,
    env: {
      ...awsEnv(emulator),
      GITHUB_WORKSPACE: work,
      GITHUB_SHA: head,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_RUN_ID: '3',
    },
  });
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const statusOf = (pipeline: string, id: string): string | undefined =>
  emulator.state.codepipeline.executions(pipeline).find((e) => e.id === id)?.status;

test('SIGTERM stops the execution (StopPipelineExecution) and fails the step', async () => {
  await slowPipeline('term');
  const step = startStep({ 'pipeline-name': 'term' });
  await until(() => step.log().includes('started sleeping'), 'the build to run');
  const id = step.outputs()['execution-id'] ?? '';
  step.child.kill('SIGTERM');
  await until(() => statusOf('term', id) === 'Stopping', 'the execution to be stopping');
  expect(await step.exit).toBe(1);
  expect(step.log()).toContain(`Cancelled: stopping execution ${id} of term (the actions in progress finish first)`);
  expect(step.log()).toMatch(
    /::error::the run was cancelled, so the execution was stopped: pipeline term execution \S+ Stopping/,
  );
});

test('the post step stops an execution the main step left running', async () => {
  await slowPipeline('left');
  const main = startStep({ 'pipeline-name': 'left', 'abandon-on-cancel': 'true' });
  await until(() => main.log().includes('started sleeping'), 'the build to run');
  main.child.kill('SIGKILL');
  await main.exit;
  const state = main.state();
  const { executionId } = JSON.parse(state.followed ?? '{}') as { executionId: string };
  expect(statusOf('left', executionId)).toBe('InProgress');
  const post = startStep({}, state);
  expect(await post.exit).toBe(0);
  expect(post.log()).toContain(
    `The job ended while execution ${executionId} of left was running: stopped it (actions in progress abandoned)`,
  );
  expect(statusOf('left', executionId)).toBe('Stopped');
});
