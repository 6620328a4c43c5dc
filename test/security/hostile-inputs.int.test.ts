/**
 * Hostile values for every input of every action (action.yml is the list): shell metacharacters, newlines, forged
 * workflow commands, a huge value, values of the wrong type. Each action runs as its own process, the way GitHub's
 * runner starts it, with every other input at a working value. The answer must be a clear error (an `::error::`
 * annotation, no stack trace) or the value taken as a literal: never a command executed, never a workflow command
 * forged, never a crash or a hang.
 */
import { CreateRepositoryCommand, CodeCommitClient } from '@aws-sdk/client-codecommit';
import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient, CreatePipelineCommand } from '@aws-sdk/client-codepipeline';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Emulator } from '../harness/aws/server.js';
import { approvalStage, codeCommitSourceStage, pipelineDeclaration } from '../harness/aws/codepipeline/declarations.js';
import { awsEnv, createProject, gitRepo, startBuildEmulator } from '../codebuild/emulator-support.js';
import { buildahSandbox, imageToolsMissing, type BuildahSandbox } from '../harness/images.js';
import { startRegistry, type TestRegistry } from '../harness/registry.js';
import { startCodeCommitGitServer, type GitServer } from '../harness/git-server.js';
import { ActionRunner, loadActions, withDefaults, type ActionDefinition } from './action-process.js';
import { readCommandFile } from '../support/action-process.js';
import { forgedCommands, interpretWorkflowLog } from './workflow-log-model.js';

const MARKER = 'INJECTED';

/** A value that tries everything at once; `canary` is created if any part of it ever reaches a shell. */
function hostile(canary: string): string {
  const touch = `touch ${canary}`;
  return [
    `v$(${touch})\`${touch}\`;${touch}|${touch}&&${touch} --upload-pack=${touch} -oProxyCommand=${touch}`,
    `::warning::${MARKER}`,
    `::set-output name=${MARKER}::1`,
    `::add-mask::${MARKER}-mask`,
    `::stop-commands::${MARKER}`,
    `%0A::error::${MARKER}`,
    `##[warning]${MARKER}`,
    `text ##[set-output name=${MARKER};]1`,
    `NAME=${MARKER}$(${touch})`,
  ].join('\n');
}

/** 100 KB (a Linux environment string holds at most 128 KB), ending in a forged command. */
function huge(canary: string): string {
  return 'A'.repeat(100_000) + '\n' + hostile(canary);
}

let runner: ActionRunner;
let emulator: Emulator;
let repo: ReturnType<typeof gitRepo>;
let localSource: string;
let deployBundle: string;
let gitServer: GitServer;
let imageContext: string;
let imageSandbox: BuildahSandbox | undefined;
let imageRegistry: TestRegistry | undefined;
let imageSandboxEnv: NodeJS.ProcessEnv = {};

/** Per action: the inputs that make a run do real work, and its environment. */
const contexts: Record<string, () => { inputs: Record<string, string>; env: NodeJS.ProcessEnv; cwd: string }> = {
  build: () => ({
    // wait: false keeps a run short; the log path is covered by the forged-log test below.
    inputs: { 'project-name': 'app', wait: 'false' },
    env: {
      ...awsEnv(emulator),
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_SHA: repo.commit,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo/app',
    },
    cwd: repo.dir,
  }),
  local: () => ({
    inputs: { source: localSource, artifacts: path.join(localSource, 'out') },
    env: { ...awsEnv(emulator), GITHUB_WORKSPACE: localSource },
    cwd: localSource,
  }),
  pipeline: () => ({
    inputs: { 'pipeline-name': 'pipe', start: 'true', wait: 'false' },
    env: { ...awsEnv(emulator), GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit, GITHUB_REPOSITORY: 'octo/app' },
    cwd: repo.dir,
  }),
  mirror: () => ({
    inputs: { repository: 'mirror-target', source: repo.dir },
    env: {
      ...awsEnv(emulator),
      HOME: runner.directory,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(runner.directory, 'gitconfig'),
      CODE_COMMIT_ENDPOINT: gitServer.url,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_SHA: repo.commit,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'octo/app',
    },
    cwd: repo.dir,
  }),
  image: () => ({
    // A tiny image built for real with buildah in a private storage; nothing is pushed.
    inputs: { repository: 'app-image', context: imageContext, push: 'false', engine: 'buildah' },
    env: {
      ...awsEnv(emulator),
      ...imageSandboxEnv,
      GITHUB_WORKSPACE: imageContext,
      GITHUB_SHA: repo.commit,
      GITHUB_REF: 'refs/heads/main',
    },
    cwd: imageContext,
  }),
  deploy: () => ({
    inputs: { application: 'web', 'deployment-group': 'grp', folder: deployBundle, bucket: 'bundles', wait: 'false' },
    env: { ...awsEnv(emulator), GITHUB_WORKSPACE: runner.directory, GITHUB_SHA: repo.commit },
    cwd: runner.directory,
  }),
};

/** AWS resources the contexts above use, made with the real SDK clients. */
async function seedAws(): Promise<void> {
  const config = {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const codecommit = new CodeCommitClient(config);
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'app' }));
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'mirror-target' }));
  gitServer = await startCodeCommitGitServer(emulator);
  writeFileSync(path.join(runner.directory, 'gitconfig'), '');
  codecommit.destroy();
  execFileSync('git', ['-C', repo.dir, 'push', '-q', emulator.state.codecommit.path('app'), 'HEAD:refs/heads/main']);
  const pipelines = new CodePipelineClient(config);
  await pipelines.send(
    new CreatePipelineCommand({
      pipeline: pipelineDeclaration('pipe', [codeCommitSourceStage({ repository: 'app' }), approvalStage()], {
        pipelineType: 'V2',
        variables: [{ name: 'stage', defaultValue: 'dev' }],
      }),
    }),
  );
  pipelines.destroy();
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'bundles' }));
  s3.destroy();
  const codedeploy = new CodeDeployClient(config);
  await codedeploy.send(new CreateApplicationCommand({ applicationName: 'web', computePlatform: 'Server' }));
  emulator.state.codedeploy.registerInstance('web-1', { tags: { group: 'grp' } });
  await codedeploy.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'web',
      deploymentGroupName: 'grp',
      serviceRoleArn: 'arn:aws:iam::000000000000:role/codedeploy',
      onPremisesInstanceTagFilters: [{ Key: 'group', Value: 'grp', Type: 'KEY_AND_VALUE' }],
    }),
  );
  codedeploy.destroy();
  imageContext = path.join(runner.directory, 'image');
  mkdirSync(imageContext, { recursive: true });
  writeFileSync(path.join(imageContext, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  writeFileSync(path.join(imageContext, 'hello.txt'), 'hello\n');
  if (unavailable.image === undefined) {
    imageSandbox = buildahSandbox();
    imageRegistry = await startRegistry({ username: 'AWS', password: emulator.state.ecr.password() });
    const { CONTAINERS_STORAGE_CONF, REGISTRY_AUTH_FILE, TMPDIR } = imageSandbox.env;
    // The engine logs in to a local registry standing in for ECR (with the emulator's ECR password).
    imageSandboxEnv = {
      CONTAINERS_STORAGE_CONF,
      REGISTRY_AUTH_FILE,
      TMPDIR,
      AWS_CICD_REGISTRY_ENDPOINT: imageRegistry.url,
    };
  }
  deployBundle = path.join(runner.directory, 'bundle');
  mkdirSync(path.join(deployBundle, 'scripts'), { recursive: true });
  writeFileSync(
    path.join(deployBundle, 'appspec.yml'),
    'version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: scripts/validate.sh\n',
  );
  writeFileSync(path.join(deployBundle, 'scripts/validate.sh'), '#!/bin/sh\necho ok\n', { mode: 0o755 });
}

const actions = loadActions();
/** Actions whose working run needs tools this machine may lack: the reason, when it lacks them. */
const unavailable: Record<string, string | undefined> = { image: imageToolsMissing() };

beforeAll(async () => {
  runner = new ActionRunner();
  emulator = await startBuildEmulator();
  repo = gitRepo({
    'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo building\n',
    'ci/echo.yml':
      'version: 0.2\nphases:\n  build:\n    commands:\n      - echo "$HOSTILE"\n      - printf "%s\\n" "$HOSTILE"\n',
  });
  await createProject(emulator, 'app', repo.dir);
  localSource = path.join(runner.directory, 'local-source');
  mkdirSync(localSource, { recursive: true });
  writeFileSync(
    path.join(localSource, 'buildspec.yml'),
    'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n',
  );
  await seedAws();
});

afterAll(async () => {
  await gitServer?.close();
  await emulator?.close();
  await imageSandbox?.close();
  await imageRegistry?.close();
  repo?.cleanup();
  if (runner) rmSync(runner.directory, { recursive: true, force: true });
});

test('every action has a working context in this suite', () => {
  expect(actions.map((a) => a.name).filter((name) => !contexts[name])).toEqual([]);
});

let canaries = 0;

async function attack(action: ActionDefinition, input: string, make: (canary: string) => string): Promise<void> {
  const context = contexts[action.name]?.();
  if (!context) throw new Error(`no context for action ${action.name}`);
  const canary = path.join(runner.directory, `pwned-${++canaries}`);
  const value = make(canary);
  const run = await runner.run(action, {
    inputs: withDefaults(action, { ...context.inputs, [input]: value }),
    env: context.env,
    cwd: context.cwd,
    timeoutMs: 90_000,
  });
  const what = `${action.name} with a hostile ${input}`;
  const log = interpretWorkflowLog(run.stdout);
  const errors = log.commands.filter((c) => c.name === 'error');
  const report = { what, code: run.code, signal: run.signal, errors: errors.map((e) => e.data.slice(0, 300)) };
  expect({ ...report, timedOut: run.timedOut, crashed: run.code !== 0 && run.code !== 1 }).toMatchObject({
    timedOut: false,
    crashed: false,
  });
  expect({ what, executed: existsSync(canary) }).toEqual({ what, executed: false });
  expect({ what, forged: forgedCommands(log, MARKER) }).toEqual({ what, forged: [] });
  const outputs = readCommandFile(run.files.output);
  expect({ what, keys: Object.keys(outputs).filter((k) => k.includes(MARKER)) }).toEqual({ what, keys: [] });
  const stack = /^\s+at .+:\d+:\d+\)?$/m;
  expect({ what, stack: stack.test(run.stdout) || stack.test(run.stderr) }).toEqual({ what, stack: false });
  if (run.code === 1) {
    // A clear error: an annotation with a message, not an empty failure.
    expect({ ...report, annotated: errors.some((e) => e.data.trim().length > 0) }).toMatchObject({ annotated: true });
  }
}

describe.each(actions.map((a) => [a.name, a] as const))('%s', (name, action) => {
  const missing = unavailable[name];
  const test = missing === undefined ? global.test : global.test.skip;
  const because = missing === undefined ? '' : ` (skipped: ${missing})`;
  // The yardstick: with the working inputs alone the action succeeds, so a hostile value is what any failure is about.
  test(`the working inputs succeed${because}`, async () => {
    const context = contexts[action.name]?.();
    if (!context) throw new Error(`no context for action ${action.name}`);
    const run = await runner.run(action, {
      inputs: withDefaults(action, context.inputs),
      env: context.env,
      cwd: context.cwd,
      timeoutMs: 90_000,
    });
    expect({
      code: run.code,
      errors: interpretWorkflowLog(run.stdout).commands.filter((c) => c.name === 'error'),
    }).toEqual({
      code: 0,
      errors: [],
    });
  });
  test.each(Object.keys(action.inputs))(
    `input %s: metacharacters, newlines, forged commands${because}`,
    async (input) => {
      await attack(action, input, hostile);
    },
  );
  test.each(Object.keys(action.inputs))(`input %s: a 100 KB value${because}`, async (input) => {
    await attack(action, input, huge);
  });
});

test("a build's log that prints workflow commands forges none", async () => {
  const build = actions.find((a) => a.name === 'build');
  if (!build) throw new Error('no build action');
  const context = contexts.build?.();
  if (!context) throw new Error('no build context');
  const canary = path.join(runner.directory, 'pwned-log');
  const run = await runner.run(build, {
    inputs: withDefaults(build, {
      'project-name': 'app',
      buildspec: 'ci/echo.yml',
      env: `HOSTILE=x\n`,
      'start-build-json': JSON.stringify({
        environmentVariablesOverride: [{ name: 'HOSTILE', value: hostile(canary), type: 'PLAINTEXT' }],
      }),
    }),
    env: context.env,
    cwd: context.cwd,
  });
  expect(run.code).toBe(0);
  // The build printed the forged commands at the start of its lines: they must reach the log only as text.
  expect(run.stdout).toContain(`::warning::${MARKER}`);
  expect(forgedCommands(interpretWorkflowLog(run.stdout), MARKER)).toEqual([]);
  expect(existsSync(canary)).toBe(false);
});
