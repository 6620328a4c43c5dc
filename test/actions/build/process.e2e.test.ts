/**
 * The build action as GitHub runs it: its own process (src/actions/build/index.ts under tsx), inputs from INPUT_*
 * variables, outputs, state and summary in the runner's files; SIGTERM cancels; the post step stops what was left.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Emulator } from '../../harness/aws/server.js';
import {
  awsEnv,
  createProject,
  gitRepo,
  splitWorkflowLog,
  startBuildEmulator,
  storedLog,
} from '../../codebuild/emulator-support.js';
import { actionEntry, startActionProcess, type ActionProcess } from '../../support/action-process.js';

const QUICK = `version: 0.2
env:
  exported-variables:
    - ARTIFACT_NAME
phases:
  build:
    commands:
      - echo building
      - export ARTIFACT_NAME=app-42.zip
`;

const SLOW = `version: 0.2
phases:
  build:
    commands:
      - echo started sleeping
      - sleep 60
`;

let emulator: Emulator;
let repo: ReturnType<typeof gitRepo>;
let work: string;

beforeAll(async () => {
  emulator = await startBuildEmulator({ liveTail: { updateIntervalMs: 250 } });
  repo = gitRepo({ 'buildspec.yml': QUICK, 'ci/slow.yml': SLOW });
  await createProject(emulator, 'app', repo.dir);
  work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-action-'));
});

afterAll(async () => {
  await emulator.close();
  repo.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** Starts the action's process with these inputs (and state, for the post step). */
function startStep(inputs: Record<string, string>, state: Record<string, string> = {}): ActionProcess {
  return startActionProcess(actionEntry('build'), {
    inputs,
    state,
    cwd: repo.dir,
    under: work,
    env: { ...awsEnv(emulator), GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit, GITHUB_EVENT_NAME: 'push' },
  });
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function running(id: string): boolean {
  const build = emulator.state.codebuild.build(id)?.build;
  return build?.currentPhase === 'BUILD';
}

test('outputs, state and summary files', async () => {
  const step = startStep({ 'project-name': 'app' });
  expect(await step.exit).toBe(0);
  const outputs = step.outputs();
  const id = outputs['build-id'] ?? '';
  expect(outputs).toMatchObject({
    'build-id': expect.stringMatching(/^app:[0-9a-f-]{36}$/),
    'build-number': expect.stringMatching(/^\d+$/),
    'build-status': 'SUCCEEDED',
    'failed-phase': '',
    'exported-variables': '{"ARTIFACT_NAME":"app-42.zip"}',
    ARTIFACT_NAME: 'app-42.zip',
    'artifacts-location': '',
  });
  expect(outputs['logs-url']).toMatch(/^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home/);
  expect(JSON.parse(outputs.phases ?? '').map((p: { phaseType: string }) => p.phaseType)).toContain('BUILD');
  expect(step.state()).toEqual({
    isPost: 'true',
    followed: JSON.stringify({ kind: 'build', id }),
    settled: 'true',
  });
  const summary = step.summary();
  expect(summary).toContain('## CodeBuild app: ✅ SUCCEEDED');
  expect(summary).toContain('```mermaid');
  expect(summary).toContain('| `ARTIFACT_NAME` | `app-42.zip` |');
  expect(splitWorkflowLog(step.log()).output).toEqual(storedLog(emulator, id));
});

test('SIGTERM stops the build (StopBuild) and fails the step', async () => {
  const step = startStep({ 'project-name': 'app', buildspec: 'ci/slow.yml' });
  let id = '';
  await until(() => {
    id = step.outputs()['build-id'] ?? '';
    return id !== '' && running(id) && step.log().includes('started sleeping');
  }, 'the build to run');
  step.child.kill('SIGTERM');
  const code = await step.exit;
  expect(code).toBe(1);
  expect(emulator.state.codebuild.build(id)?.build.buildStatus).toBe('STOPPED');
  expect(step.log()).toContain(`Cancelled: stopping build ${id}`);
  expect(step.log()).toMatch(/::error::the run was cancelled, so the build was stopped: build .* STOPPED/);
});

test('the post step stops a build the main step left running', async () => {
  const main = startStep({ 'project-name': 'app', buildspec: 'ci/slow.yml' });
  let id = '';
  await until(() => {
    id = main.outputs()['build-id'] ?? '';
    return id !== '' && running(id);
  }, 'the build to run');
  // The runner's last resort: the main step's process killed outright, no chance to clean up.
  main.child.kill('SIGKILL');
  await main.exit;
  expect(emulator.state.codebuild.build(id)?.build.buildStatus).toBe('IN_PROGRESS');

  const post = startStep({ 'project-name': 'app' }, main.state());
  expect(await post.exit).toBe(0);
  expect(post.log()).toContain(`The job ended while build ${id} was running: stopped it`);
  await emulator.state.codebuild.build(id)?.done;
  expect(emulator.state.codebuild.build(id)?.build.buildStatus).toBe('STOPPED');
});

test('the post step leaves a build started with wait: false alone', async () => {
  const main = startStep({ 'project-name': 'app', buildspec: 'ci/slow.yml', wait: 'false' });
  expect(await main.exit).toBe(0);
  const id = main.outputs()['build-id'] ?? '';
  const post = startStep({}, main.state());
  expect(await post.exit).toBe(0);
  expect(post.log()).toBe('');
  expect(emulator.state.codebuild.build(id)?.build.buildComplete).toBe(false);
  emulator.state.codebuild.build(id)?.stop();
});
