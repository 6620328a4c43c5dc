/**
 * The build action against the AWS emulator, in-process: real SDK clients over HTTP (Live Tail over HTTP/2), real
 * buildspecs run by the local runner inside the emulator, logs read back from the emulator's CloudWatch Logs.
 */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { run, type BuildActionDeps } from '../../../src/actions/build/main.js';
import type { FollowResult } from '../../../src/codebuild/context.js';
import type { Emulator } from '../../harness/aws/server.js';
import {
  awsEnv,
  createProject,
  gitRepo,
  ROLE,
  splitWorkflowLog,
  startBuildEmulator,
  storedLog,
} from '../../codebuild/emulator-support.js';

const BUILDSPEC = `version: 0.2
env:
  exported-variables:
    - VERSION
phases:
  install:
    commands:
      - echo installing
  build:
    commands:
      - echo "::error::forged by the build"
      - echo "::add-mask::nothing"
      - for i in $(seq 1 40); do echo "line $i"; done
      - export VERSION=1.2.3
  post_build:
    commands:
      - echo done
`;

const FAILING = `version: 0.2
phases:
  build:
    commands:
      - for i in $(seq 1 30); do echo "output $i"; done
      - echo about to fail
      - exit 3
`;

const BATCH = `version: 0.2
batch:
  build-list:
    - identifier: linux_a
      env:
        variables:
          FLAVOUR: a
    - identifier: linux_b
      env:
        variables:
          FLAVOUR: b
phases:
  build:
    commands:
      - echo "flavour $FLAVOUR"
      - echo "second line of $FLAVOUR"
`;

const SECRETS = `version: 0.2
phases:
  build:
    commands:
      - echo "token is $TOKEN"
      - echo "db is $DB_PASSWORD"
`;

let emulator: Emulator;
let repo: ReturnType<typeof gitRepo>;

beforeAll(async () => {
  emulator = await startBuildEmulator({ liveTail: { updateIntervalMs: 250 } });
  repo = gitRepo({
    'buildspec.yml': BUILDSPEC,
    'ci/failing.yml': FAILING,
    'ci/batch.yml': BATCH,
    'ci/secrets.yml': SECRETS,
    'ci/bad.yml': 'version: 0.2\nphases:\n  post-build:\n    commands:\n      - echo x\n',
  });
  await createProject(emulator, 'app', repo.dir, { buildBatchConfig: { serviceRole: ROLE } });
});

afterAll(async () => {
  await emulator.close();
  repo.cleanup();
});

interface Recorded {
  deps: BuildActionDeps;
  stdout: () => string;
  outputs: Record<string, string>;
  failed: string[];
  state: Record<string, string>;
  summaries: string[];
}

function action(inputs: Record<string, string>, extra: Partial<BuildActionDeps> = {}): Recorded {
  let text = '';
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  const state: Record<string, string> = {};
  const summaries: string[] = [];
  const deps: BuildActionDeps = {
    getInput: (name) => inputs[name] ?? '',
    env: awsEnv(emulator, { GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit, GITHUB_EVENT_NAME: 'push' }),
    stdout: { write: (chunk: string) => (text += chunk) },
    setOutput: (name, value) => void (outputs[name] = value),
    setFailed: (message) => void failed.push(message),
    saveState: (name, value) => void (state[name] = value),
    writeSummary: async (markdown) => void summaries.push(markdown),
    ...extra,
  };
  return { deps, stdout: () => text, outputs, failed, state, summaries };
}

function buildOf(result: FollowResult | undefined) {
  if (result?.kind !== 'build') throw new Error(`expected a build result, got ${result?.kind}`);
  return result.outcome.build;
}

test.each(['live', 'poll'])(
  'a build, logs %s: every line once and in order, grouped by phase, outputs, summary',
  async (logs) => {
    const a = action({ 'project-name': 'app', logs });
    const result = await run(a.deps);
    expect(a.failed).toEqual([]);
    const build = buildOf(result);
    expect(build.buildStatus).toBe('SUCCEEDED');
    expect(build.sourceVersion).toBe(repo.commit);

    const log = splitWorkflowLog(a.stdout());
    const stored = storedLog(emulator, build.id ?? '');
    expect(stored.length).toBeGreaterThan(45);
    expect(log.output).toEqual(stored);
    expect(stored).toContain('line 40');
    expect(log.commands.filter((c) => c.startsWith('::group::'))).toEqual([
      '::group::DOWNLOAD_SOURCE',
      '::group::INSTALL',
      '::group::PRE_BUILD',
      '::group::BUILD',
      '::group::POST_BUILD',
      '::group::UPLOAD_ARTIFACTS',
    ]);
    expect(log.commands.some((c) => c.includes('forged') || c.includes('add-mask'))).toBe(false);
    if (result?.kind === 'build') expect(result.outcome.logs?.mode).toBe(logs);

    expect(a.outputs).toMatchObject({
      'build-id': build.id,
      'build-number': String(build.buildNumber),
      'build-status': 'SUCCEEDED',
      'failed-phase': '',
      'exported-variables': '{"VERSION":"1.2.3"}',
      VERSION: '1.2.3',
      'artifacts-location': '',
    });
    expect(a.outputs['logs-url']).toContain('#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fapp/log-events/');
    const phases = JSON.parse(a.outputs.phases ?? '[]') as Array<{ phaseType: string; phaseStatus?: string }>;
    expect(phases.find((p) => p.phaseType === 'BUILD')?.phaseStatus).toBe('SUCCEEDED');
    expect(a.state).toMatchObject({ followed: 'true', complete: 'true' });
    expect(JSON.parse(a.state.target ?? '{}')).toEqual({ kind: 'build', id: build.id });

    const summary = a.summaries.join('\n');
    expect(summary).toContain('## CodeBuild app: ✅ SUCCEEDED');
    expect(summary).toMatch(/\| BUILD \| ✅ SUCCEEDED \|/);
    expect(summary).toContain('```mermaid');
    expect(summary).toContain('| `VERSION` | `1.2.3` |');
  },
);

test('a failing build fails the step with the phase, its context and the last 20 lines', async () => {
  const a = action({ 'project-name': 'app', buildspec: 'ci/failing.yml' });
  const build = buildOf(await run(a.deps));
  expect(build.buildStatus).toBe('FAILED');
  expect(a.outputs['failed-phase']).toBe('BUILD');
  expect(a.failed).toHaveLength(1);
  const message = a.failed[0] ?? '';
  expect(message).toMatch(new RegExp(`^Build ${build.id} FAILED in phase BUILD: COMMAND_EXECUTION_ERROR: `));
  expect(message).toContain('Last 20 lines of the log:');
  const tail = message.split('Last 20 lines of the log:\n')[1]?.split('\n') ?? [];
  expect(tail).toEqual(storedLog(emulator, build.id ?? '').slice(-20));
  expect(tail.join('\n')).toContain('about to fail');
});

test('an invalid buildspec: annotations on the file, no build started', async () => {
  const before = emulator.state.codebuild.builds.size;
  const a = action({ 'project-name': 'app', buildspec: 'ci/bad.yml' });
  expect(await run(a.deps)).toBeUndefined();
  expect(emulator.state.codebuild.builds.size).toBe(before);
  const { commands } = splitWorkflowLog(a.stdout());
  expect(commands.some((c) => /^::error file=ci\/bad.yml,line=3,col=3,/.test(c))).toBe(true);
  expect(a.failed).toEqual(['ci/bad.yml has 1 error; no build was started']);
});

test('a plain-text value over 4096 characters is refused before any API call', async () => {
  const before = emulator.state.codebuild.builds.size;
  const a = action({ 'project-name': 'app', env: `SMALL=1\nHUGE=${'x'.repeat(5000)}` });
  await run(a.deps);
  expect(emulator.state.codebuild.builds.size).toBe(before);
  expect(a.failed[0]).toMatch(/^env: the value of HUGE is 5000 characters; CodeBuild takes at most 4096/);
});

test('a missing project is named', async () => {
  const a = action({ 'project-name': 'nope' });
  await run(a.deps);
  expect(a.failed[0]).toMatch(
    /^CodeBuild project "nope" not found \(Project cannot be found: .*\); check project-name and the AWS region$/,
  );
});

test('secrets given as references never appear in the output', async () => {
  const secrets = new SecretsManagerClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const ssm = new SSMClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  await secrets.send(new CreateSecretCommand({ Name: 'app/token', SecretString: 'TOKEN-s3cr3t-value' }));
  await ssm.send(
    new PutParameterCommand({ Name: '/app/db-password', Value: 'DB-pa55w0rd-value', Type: 'SecureString' }),
  );
  secrets.destroy();
  ssm.destroy();
  const a = action({
    'project-name': 'app',
    buildspec: 'ci/secrets.yml',
    'env-secrets-manager': 'TOKEN=app/token',
    'env-parameter-store': 'DB_PASSWORD=/app/db-password',
  });
  const build = buildOf(await run(a.deps));
  expect(build.buildStatus).toBe('SUCCEEDED');
  const everything = [a.stdout(), ...Object.values(a.outputs), ...a.summaries, ...a.failed].join('\n');
  expect(everything).toContain('token is ');
  expect(everything).not.toContain('TOKEN-s3cr3t-value');
  expect(everything).not.toContain('DB-pa55w0rd-value');
});

test('a batch build: children followed at once, lines prefixed, a status line per child', async () => {
  const a = action({ 'project-name': 'app', buildspec: 'ci/batch.yml' });
  const result = await run(a.deps);
  expect(a.failed).toEqual([]);
  if (result?.kind !== 'batch') throw new Error('expected a batch');
  expect(result.batch.buildBatchStatus).toBe('SUCCEEDED');
  const identifiers = result.children.map((c) => c.identifier).sort();
  expect(identifiers).toEqual(['DOWNLOAD_SOURCE', 'linux_a', 'linux_b']);
  const { output, plain } = splitWorkflowLog(a.stdout());
  for (const child of result.children) {
    const mine = output
      .filter((l) => l.startsWith(`[${child.identifier}] `))
      .map((l) => l.slice(child.identifier.length + 3));
    expect(mine).toEqual(storedLog(emulator, child.build.id ?? ''));
  }
  expect(output).toContain('[linux_a] flavour a');
  expect(output).toContain('[linux_b] second line of b');
  expect(plain.some((l) => /^\[linux_a\] SUCCEEDED in \d+s$/.test(l))).toBe(true);
  expect(plain.some((l) => /^\[linux_b\] SUCCEEDED in \d+s$/.test(l))).toBe(true);
  expect(a.outputs['build-status']).toBe('SUCCEEDED');
  expect(JSON.parse(a.state.target ?? '{}')).toMatchObject({ kind: 'batch' });
  expect(a.summaries.join('\n')).toMatch(/\| linux_a \| SUCCEEDED \|/);
});

test('wait: false returns after StartBuild; a later step with build-id follows it to the end', async () => {
  const first = action({ 'project-name': 'app', wait: 'false' });
  expect(await run(first.deps)).toBeUndefined();
  expect(first.failed).toEqual([]);
  const id = first.outputs['build-id'] ?? '';
  expect(id).toMatch(/^app:/);
  expect(first.outputs['build-status']).toBe('IN_PROGRESS');
  expect(first.state.followed).toBeUndefined();

  const second = action({ 'build-id': id });
  const build = buildOf(await run(second.deps));
  expect(build.id).toBe(id);
  expect(build.buildStatus).toBe('SUCCEEDED');
  expect(second.outputs['build-status']).toBe('SUCCEEDED');
  expect(splitWorkflowLog(second.stdout()).output).toEqual(storedLog(emulator, id));
});

test('an account quota of 0: the message says so', async () => {
  const limited = await startBuildEmulator({ accountConcurrentBuildLimit: 0 });
  try {
    await createProject(limited, 'app', repo.dir);
    let failedWith = '';
    await run({
      ...action({ 'project-name': 'app' }).deps,
      env: awsEnv(limited, { GITHUB_WORKSPACE: repo.dir }),
      setFailed: (m) => void (failedWith = m),
    });
    expect(failedWith).toMatch(/^StartBuild app: the account's concurrent build quota is 0 /);
    expect(failedWith).toContain('Service Quotas');
  } finally {
    await limited.close();
  }
});
