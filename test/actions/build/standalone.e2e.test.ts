/**
 * The build action against the emulator a user starts by hand (`npm run emulator`, its own process, default options),
 * the action run as GitHub runs it (its own process, INPUT_* variables, the runner's command files): the build runs
 * the project's buildspec for real, every line its commands print reaches the step's log, its exported variable is an
 * output, and SIGTERM to the step stops the build.
 */
import { BatchGetBuildsCommand, CodeBuildClient, type Build } from '@aws-sdk/client-codebuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { awsEnv, codeBuildClient, createProject, gitRepo, splitWorkflowLog } from '../../codebuild/emulator-support.js';
import { startEmulatorProcess, type EmulatorProcess } from '../../harness/aws/process.js';
import { actionEntry, startActionProcess, type ActionProcess } from '../../support/action-process.js';

/** What the build's commands print, line by line. */
const PRINTED = [
  'standalone / installing tools',
  'standalone / compiling 1 of 2',
  'standalone / compiling 2 of 2',
  'standalone / tests passed',
  'standalone / packaged',
];

const BUILDSPEC = `version: 0.2
env:
  exported-variables:
    - RELEASE_NAME
phases:
  install:
    commands:
      - echo "${PRINTED[0]}"
  build:
    commands:
      - printf '%s\\n' "${PRINTED[1]}" "${PRINTED[2]}"
      - echo "${PRINTED[3]}"
      - export RELEASE_NAME=app-$CODEBUILD_BUILD_NUMBER-standalone
  post_build:
    commands:
      - echo "${PRINTED[4]}"
`;

const SLOW = `version: 0.2
phases:
  build:
    commands:
      - echo started sleeping
      - sleep 120
`;

let emulator: EmulatorProcess;
let codebuild: CodeBuildClient;
let repo: ReturnType<typeof gitRepo>;
let work: string;

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  codebuild = codeBuildClient(emulator);
  repo = gitRepo({ 'buildspec.yml': BUILDSPEC, 'ci/slow.yml': SLOW });
  await createProject(emulator, 'standalone', repo.dir);

  work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-standalone-action-'));
}, 90_000);

afterAll(async () => {
  codebuild?.destroy();
  const code = await emulator?.stop();
  repo?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
  expect(code).toBe(0);
});

function startStep(inputs: Record<string, string>): ActionProcess {
  return startActionProcess(actionEntry('build'), {
    inputs,
    cwd: repo.dir,
    under: work,
    timeoutMs: 90_000,
    env: awsEnv(emulator, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_SHA: repo.commit,
      GITHUB_EVENT_NAME: 'push',
    }),
  });
}

async function build(id: string): Promise<Build | undefined> {
  return (await codebuild.send(new BatchGetBuildsCommand({ ids: [id] }))).builds?.[0];
}

async function until(check: () => boolean | Promise<boolean>, what: string, step: ActionProcess): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}; step log:\n${step.log()}\nemulator stderr:\n${emulator.stderr()}`);
}

test('the build runs its buildspec: every printed line in the step log, the exported variable an output', async () => {
  const step = startStep({ 'project-name': 'standalone' });
  const code = await step.exit;
  const outputs = step.outputs();
  expect({ code, status: outputs['build-status'], log: code === 0 ? '' : step.log() }).toEqual({
    code: 0,
    status: 'SUCCEEDED',
    log: '',
  });
  const printed = splitWorkflowLog(step.log()).output;
  for (const line of PRINTED) expect(printed).toContain(line);
  const number = outputs['build-number'] ?? '';
  expect(number).toMatch(/^\d+$/);
  expect(outputs.RELEASE_NAME).toBe(`app-${number}-standalone`);
  expect(JSON.parse(outputs['exported-variables'] ?? '')).toEqual({ RELEASE_NAME: `app-${number}-standalone` });
}, 90_000);

test('SIGTERM to the step stops the build in the emulator', async () => {
  const step = startStep({ 'project-name': 'standalone', buildspec: 'ci/slow.yml' });
  let id = '';
  await until(
    async () => {
      id = step.outputs()['build-id'] ?? '';
      return id !== '' && step.log().includes('started sleeping') && (await build(id))?.currentPhase === 'BUILD';
    },
    'the slow build to run',
    step,
  );
  step.child.kill('SIGTERM');
  let ended: Build | undefined;
  await until(
    async () => {
      ended = await build(id);
      return ended?.buildStatus !== 'IN_PROGRESS';
    },
    'the build to end',
    step,
  );
  expect({ status: ended?.buildStatus, complete: ended?.buildComplete }).toEqual({ status: 'STOPPED', complete: true });
  expect(await step.exit).toBe(1);
}, 90_000);
