/**
 * The deploy action against the AWS emulator, in-process with real SDK clients: a folder is checked, zipped and
 * uploaded to the emulated S3, deployed by the emulated CodeDeploy whose agent really runs the appspec's hook scripts
 * on an on-premises instance (a directory), and followed hook by hook. Covers success, a failing ValidateService
 * annotated with its diagnostics, an automatic rollback, a GitHub revision, and a cancel that stops the deployment.
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CodeDeployClient,
  CreateApplicationCommand,
  CreateDeploymentGroupCommand,
  type CreateDeploymentGroupCommandInput,
} from '@aws-sdk/client-codedeploy';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployAction } from '../../src/actions/deploy/main.js';
import type { DeployDeps } from '../../src/deploy/run.js';
import type { Emulator } from '../harness/aws/server.js';
import { startEmulator } from '../harness/aws/server.js';
import { awsEnv, splitWorkflowLog } from '../codebuild/emulator-support.js';
import { clientConfig } from '../emulator/helpers.js';
import { runActionInProcess, type ActionRun as StepRun } from '../support/action.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const appspec = (validateTimeout = 30) => `version: 0.0
os: linux
files:
  - source: app
    destination: /opt/web
hooks:
  AfterInstall:
    - location: scripts/after-install.sh
  ValidateService:
    - location: scripts/validate.sh
      timeout: ${validateTimeout}
`;

let emulator: Emulator;
let cd: CodeDeployClient;
let workspace: string;

/** A bundle folder in the workspace whose ValidateService script has this body. */
function bundle(name: string, validate: string, version = name): string {
  const dir = path.join(workspace, name);
  mkdirSync(path.join(dir, 'scripts'), { recursive: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'appspec.yml'), appspec());
  writeFileSync(path.join(dir, 'app/version.txt'), version);
  writeFileSync(path.join(dir, 'scripts/after-install.sh'), '#!/bin/sh\necho installed\n', { mode: 0o755 });
  writeFileSync(path.join(dir, 'scripts/validate.sh'), `#!/bin/sh\n${validate}\n`, { mode: 0o755 });
  return name;
}

async function group(name: string, instance: string, extra: Partial<CreateDeploymentGroupCommandInput> = {}) {
  emulator.state.codedeploy.registerInstance(instance, { tags: { group: name } });
  await cd.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'web',
      deploymentGroupName: name,
      serviceRoleArn: 'arn:aws:iam::000000000000:role/codedeploy',
      onPremisesInstanceTagFilters: [{ Key: 'group', Value: name, Type: 'KEY_AND_VALUE' }],
      ...extra,
    }),
  );
}

beforeAll(async () => {
  emulator = await startEmulator();
  cd = new CodeDeployClient(clientConfig(emulator));
  const s3 = new S3Client({ ...clientConfig(emulator), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'bundles' }));
  s3.destroy();
  await cd.send(new CreateApplicationCommand({ applicationName: 'web', computePlatform: 'Server' }));
  await group('prod', 'web-1');
  await group('rb', 'web-2', { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } });
  await group('slow', 'web-3');
  await group('gh', 'web-4');
  workspace = mkdtempSync(path.join(tmpdir(), 'aws-cicd-deploy-it-'));
});

afterAll(async () => {
  cd.destroy();
  await emulator.close();
  rmSync(workspace, { recursive: true, force: true });
});

interface ActionRun {
  /** The step, once it ended. */
  readonly done: Promise<StepRun>;
  /** The job log so far. */
  stdout(): string;
}

/** The action's main step, in-process, against the emulator; `stdout()` shows the log while it runs. */
function runAction(
  inputs: Record<string, string>,
  extra: Partial<DeployDeps> & { signal?: AbortSignal } = {},
): ActionRun {
  const { signal, ...deps } = extra;
  let text = '';
  const done = runActionInProcess(
    deployAction({
      tuning: { status: { activeMs: 150, idleMs: 300 }, rollbackCheckMs: 300 },
      tmpDir: workspace,
      ...deps,
    }),
    {
      inputs,
      env: awsEnv(emulator, { GITHUB_WORKSPACE: workspace, GITHUB_SHA: SHA, GITHUB_REPOSITORY: 'octo/web' }),
      onStdout: (soFar) => void (text = soFar),
      ...(signal !== undefined ? { signal } : {}),
    },
  );
  return { done, stdout: () => text };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const installed = (instance: string): string | undefined => {
  const file = path.join(emulator.state.codedeploy.instanceRoot(instance), 'opt/web/version.txt');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

test('a folder deployed to success: uploaded, every hook in order, the files in place', async () => {
  const a = runAction({
    application: 'web',
    'deployment-group': 'prod',
    folder: bundle('v1', 'exit 0'),
    bucket: 'bundles',
  });
  const r = await a.done;
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  const id = r.outputs['deployment-id'] ?? '';
  expect(id).toMatch(/^d-[A-Z0-9]{9}$/);
  expect(r.outputs).toMatchObject({ status: 'Succeeded', 'failed-targets': '[]', 'rollback-deployment-id': '' });
  expect(installed('web-1')).toBe('v1');
  const plain = splitWorkflowLog(r.stdout).plain;
  const hooks = plain.filter((l) => l.startsWith('[web-1] ')).map((l) => l.split(' ').slice(1, 3).join(' '));
  // Each event once, in hook order (those seen running are shown starting too).
  const finished = hooks.filter((h) => !h.endsWith('InProgress'));
  expect(finished).toEqual([
    'ApplicationStop Succeeded',
    'DownloadBundle Succeeded',
    'BeforeInstall Succeeded',
    'Install Succeeded',
    'AfterInstall Succeeded',
    'ApplicationStart Succeeded',
    'ValidateService Succeeded',
    'Succeeded',
  ]);
  expect(new Set(hooks).size).toBe(hooks.length);
  const key = /to s3:\/\/bundles\/(\S+)/.exec(plain.join('\n'))?.[1] ?? '';
  expect(key).toMatch(new RegExp(`^web/${SHA}-[0-9a-f]{12}\\.zip$`));
  expect(emulator.state.s3.getObject('bundles', key)).toBeDefined();
  expect(r.summary).toContain('## CodeDeploy web / prod: ✅ Succeeded');
  expect(r.state).toEqual({ isPost: 'true', followed: JSON.stringify({ id, rollback: true }), settled: 'true' });
});

test('a failing ValidateService: an error annotation on the script with its code, message and output', async () => {
  const folder = bundle('bad', 'echo "checking health"\necho "service unhealthy" >&2\nexit 7');
  const a = runAction({ application: 'web', 'deployment-group': 'prod', folder, bucket: 'bundles' });
  const r = await a.done;
  const id = r.outputs['deployment-id'] ?? '';
  expect(r.outputs.status).toBe('Failed');
  expect(r.code).toBe(1);
  // The hook's annotation, then the step's failure.
  const errors = splitWorkflowLog(r.stdout).commands.filter((l) => l.startsWith('::error'));
  expect(errors).toHaveLength(2);
  expect(errors[1]).toBe(`::error::deployment ${id} Failed: ValidateService failed on web-1 (ScriptFailed)`);
  expect(errors[0]).toMatch(
    /^::error file=bad\/scripts\/validate\.sh,title=ValidateService failed on web-1::ScriptFailed in scripts\/validate\.sh%0A/,
  );
  expect(errors[0]).toContain('exit code 7');
  expect(errors[0]).toContain('End of the script output:%0A');
  expect(errors[0]).toContain('[stdout]checking health');
  expect(errors[0]).toContain('[stderr]service unhealthy');
  const failedTargets = JSON.parse(r.outputs['failed-targets'] ?? '') as Array<Record<string, string>>;
  expect(failedTargets).toEqual([
    expect.objectContaining({
      targetId: 'web-1',
      status: 'Failed',
      lifecycleEvent: 'ValidateService',
      errorCode: 'ScriptFailed',
      scriptName: 'scripts/validate.sh',
    }),
  ]);
});

test('automatic rollback: the failed deployment is rolled back, and the rollback followed to its end', async () => {
  const good = runAction({
    application: 'web',
    'deployment-group': 'rb',
    folder: bundle('rb-good', 'exit 0'),
    bucket: 'bundles',
  });
  expect((await good.done).outputs.status).toBe('Succeeded');
  const bad = runAction({
    application: 'web',
    'deployment-group': 'rb',
    folder: bundle('rb-bad', 'exit 1'),
    bucket: 'bundles',
  });
  const r = await bad.done;
  const rollback = r.outputs['rollback-deployment-id'] ?? '';
  expect(rollback).toMatch(/^d-[A-Z0-9]{9}$/);
  expect(emulator.state.codedeploy.deployment(rollback)?.status).toBe('Succeeded');
  expect(r.code).toBe(1);
  expect(r.errors.at(-1)).toMatch(new RegExp(`; rolled back by ${rollback} \\(Succeeded\\)$`));
  expect(splitWorkflowLog(r.stdout).plain).toEqual(
    expect.arrayContaining([`Rolled back by deployment ${rollback}`, `rollback: Deployment ${rollback} Succeeded`]),
  );
  expect(installed('web-2')).toBe('rb-good');
});

test('a GitHub revision: the repository at the commit', async () => {
  const repo = path.join(workspace, 'gh-repo');
  mkdirSync(repo);
  bundle('gh-repo', 'exit 0', 'from-github');
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@e', ...args], {
      encoding: 'utf8',
    }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'deployable');
  emulator.state.codedeploy.registerGitHubRepository('octo/web', repo);
  const a = runAction({
    application: 'web',
    'deployment-group': 'gh',
    'github-repository': 'octo/web',
    commit: git('rev-parse', 'HEAD'),
  });
  const r = await a.done;
  expect(r.errors).toEqual([]);
  expect(r.code).toBe(0);
  expect(r.outputs.status).toBe('Succeeded');
  expect(installed('web-4')).toBe('from-github');
});

test('cancel: StopDeployment with rollback, and the step says the deployment was stopped', async () => {
  const controller = new AbortController();
  const a = runAction(
    { application: 'web', 'deployment-group': 'slow', folder: bundle('slow', 'sleep 3'), bucket: 'bundles' },
    { signal: controller.signal },
  );
  await until(() => a.stdout().includes('[web-3] AfterInstall Succeeded'), 'AfterInstall to succeed');
  controller.abort();
  const r = await a.done;
  const id = r.outputs['deployment-id'] ?? '';
  expect(r.code).toBe(1);
  expect(r.errors).toEqual([
    expect.stringMatching(new RegExp(`^the run was cancelled, so the deployment was stopped: deployment ${id} `)),
  ]);
  const plain = splitWorkflowLog(r.stdout).plain;
  expect(plain).toContain(`Cancelled: stopping deployment ${id} (updated targets roll back)`);
  expect(plain).toContain(`Stop requested for deployment ${id}`);
  await emulator.state.codedeploy.deployment(id)?.done;
  expect(emulator.state.codedeploy.deployment(id)?.status).toBe('Stopped');
});
