/**
 * The build action against the AWS emulator, in-process: real SDK clients over HTTP (Live Tail over HTTP/2), real
 * buildspecs run by the local runner inside the emulator, logs read back from the emulator's CloudWatch Logs.
 */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { buildAction } from '../../../src/actions/build/main.js';
import type { BuildDeps } from '../../../src/codebuild/build.js';
import { createBuildClients, type BuildClients } from '../../../src/codebuild/clients.js';
import type { Emulator } from '../../harness/aws/server.js';
import { runActionInProcess, type ActionRun } from '../../support/action.js';
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

interface Recorded extends ActionRun {
  /** The messages of the error annotations: the findings', a batch's children's, then the step's failure (last). */
  failed: string[];
}

/** The action's main step, in-process, against the emulator (clients made from the environment unless given). */
async function run(
  inputs: Record<string, string>,
  deps: Partial<BuildDeps> = {},
  env: NodeJS.ProcessEnv = awsEnv(emulator, {
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_SHA: repo.commit,
    GITHUB_EVENT_NAME: 'push',
  }),
): Promise<Recorded> {
  const result = await runActionInProcess(buildAction(deps), { inputs, env });
  return { ...result, failed: result.errors };
}

/** The build the step reported (its build-id output), as the emulator has it. */
function buildOf(a: Recorded) {
  const id = a.outputs['build-id'] ?? '';
  const build = emulator.state.codebuild.build(id)?.build;
  if (build === undefined) throw new Error(`expected a build, got build-id "${id}"`);
  return build;
}

/** The batch the step reported: its status and each child build with its identifier, as the emulator has them. */
function batchOf(a: Recorded) {
  const id = a.outputs['build-id'] ?? '';
  const batch = emulator.state.codebuild.batch(id)?.batch;
  if (batch === undefined) throw new Error(`expected a batch, got build-id "${id}"`);
  const children = (batch.buildGroups ?? []).flatMap((group) => {
    const build = emulator.state.codebuild.build(group.currentBuildSummary?.arn ?? '')?.build;
    return build === undefined ? [] : [{ identifier: group.identifier ?? '', build }];
  });
  return { batch, children };
}

/** Build clients from the emulator's environment that count the CloudWatch Logs calls made through them. */
function countingClients(): BuildClients & { calls: { getLogEvents: number; startLiveTail: number } } {
  const real = createBuildClients({
    env: awsEnv(emulator, { GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit }),
  });
  const calls = { getLogEvents: 0, startLiveTail: 0 };
  return {
    codebuild: real.codebuild,
    logs: {
      getLogEvents: (...args) => {
        calls.getLogEvents++;
        return real.logs.getLogEvents(...args);
      },
      startLiveTail: (...args) => {
        calls.startLiveTail++;
        return real.logs.startLiveTail(...args);
      },
    },
    dispose: () => real.dispose(),
    calls,
  };
}

test.each(['live', 'poll'] as const)(
  'a build, logs %s: every line once and in order, grouped by phase, outputs, summary',
  async (logs) => {
    const clients = countingClients();
    const a = await run({ 'project-name': 'app', logs }, { clients }).finally(() => clients.dispose());
    expect(a.failed).toEqual([]);
    expect(a.code).toBe(0);
    const build = buildOf(a);
    expect(build.buildStatus).toBe('SUCCEEDED');
    expect(build.sourceVersion).toBe(repo.commit);

    const log = splitWorkflowLog(a.stdout);
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
    // The log was read the way asked: Live Tail (no fallback to polling), or GetLogEvents only.
    if (logs === 'live') {
      expect(clients.calls.startLiveTail).toBeGreaterThan(0);
      expect(log.plain.some((l) => l.startsWith('Live Tail not used'))).toBe(false);
    } else {
      expect(clients.calls.startLiveTail).toBe(0);
      expect(clients.calls.getLogEvents).toBeGreaterThan(0);
    }

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
    expect(a.state).toEqual({
      isPost: 'true',
      followed: JSON.stringify({ kind: 'build', id: build.id }),
      settled: 'true',
    });

    expect(a.summary).toContain('## CodeBuild app: ✅ SUCCEEDED');
    expect(a.summary).toMatch(/\| BUILD \| ✅ SUCCEEDED \|/);
    expect(a.summary).toContain('```mermaid');
    expect(a.summary).toContain('| `VERSION` | `1.2.3` |');
  },
);

test('a failing build fails the step with the phase, its context and the last 20 lines', async () => {
  const a = await run({ 'project-name': 'app', buildspec: 'ci/failing.yml' });
  const build = buildOf(a);
  expect(build.buildStatus).toBe('FAILED');
  expect(a.code).toBe(1);
  expect(a.outputs['build-status']).toBe('FAILED');
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
  const a = await run({ 'project-name': 'app', buildspec: 'ci/bad.yml' });
  expect(a.code).toBe(1);
  expect(a.outputs['build-id']).toBeUndefined();
  expect(emulator.state.codebuild.builds.size).toBe(before);
  const { commands } = splitWorkflowLog(a.stdout);
  expect(commands.some((c) => /^::error file=ci\/bad.yml,line=3,col=3,/.test(c))).toBe(true);
  // The finding's annotation, then the step's failure.
  expect(a.failed).toHaveLength(2);
  expect(a.failed[1]).toBe('ci/bad.yml has 1 error; no build was started');
});

test('a plain-text value over 4096 characters is refused before any API call', async () => {
  const before = emulator.state.codebuild.builds.size;
  const a = await run({ 'project-name': 'app', env: `SMALL=1\nHUGE=${'x'.repeat(5000)}` });
  expect(a.code).toBe(1);
  expect(emulator.state.codebuild.builds.size).toBe(before);
  expect(a.failed[0]).toMatch(/^env: the value of HUGE is 5000 characters; CodeBuild takes at most 4096/);
});

test('a missing project is named', async () => {
  const a = await run({ 'project-name': 'nope' });
  expect(a.code).toBe(1);
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
  const a = await run({
    'project-name': 'app',
    buildspec: 'ci/secrets.yml',
    'env-secrets-manager': 'TOKEN=app/token',
    'env-parameter-store': 'DB_PASSWORD=/app/db-password',
  });
  const build = buildOf(a);
  expect(build.buildStatus).toBe('SUCCEEDED');
  expect(a.code).toBe(0);
  const everything = [a.stdout, ...Object.values(a.outputs), a.summary, ...a.failed].join('\n');
  expect(everything).toContain('token is ');
  expect(everything).not.toContain('TOKEN-s3cr3t-value');
  expect(everything).not.toContain('DB-pa55w0rd-value');
});

test('a batch build: children followed at once, lines prefixed, a status line per child', async () => {
  const a = await run({ 'project-name': 'app', buildspec: 'ci/batch.yml' });
  expect(a.failed).toEqual([]);
  expect(a.code).toBe(0);
  const { batch, children } = batchOf(a);
  expect(batch.buildBatchStatus).toBe('SUCCEEDED');
  const identifiers = children.map((c) => c.identifier).sort();
  expect(identifiers).toEqual(['DOWNLOAD_SOURCE', 'linux_a', 'linux_b']);
  const { output, plain } = splitWorkflowLog(a.stdout);
  for (const child of children) {
    const mine = output
      .filter((l) => l.startsWith(`[${child.identifier}] `))
      .map((l) => l.slice(child.identifier.length + 3));
    expect(mine).toEqual(storedLog(emulator, child.build.id ?? ''));
  }
  expect(output).toContain('[linux_a] flavour a');
  expect(output).toContain('[linux_b] second line of b');
  // The emulator's times are in ms: a short build takes `1.2s` (or `850ms`).
  expect(plain.some((l) => /^\[linux_a\] SUCCEEDED in (\d+ms|\d+(\.\d)?s)$/.test(l))).toBe(true);
  expect(plain.some((l) => /^\[linux_b\] SUCCEEDED in (\d+ms|\d+(\.\d)?s)$/.test(l))).toBe(true);
  expect(a.outputs['build-status']).toBe('SUCCEEDED');
  expect(JSON.parse(a.state.followed ?? '{}')).toEqual({ kind: 'batch', id: batch.id });
  expect(a.summary).toMatch(/\| linux_a \| SUCCEEDED \|/);
});

test('wait: false returns after StartBuild; a later step with build-id follows it to the end', async () => {
  const first = await run({ 'project-name': 'app', wait: 'false' });
  expect(first.failed).toEqual([]);
  expect(first.code).toBe(0);
  const id = first.outputs['build-id'] ?? '';
  expect(id).toMatch(/^app:/);
  expect(first.outputs['build-status']).toBe('IN_PROGRESS');
  expect(first.outputs.phases).toBeUndefined();
  expect(first.state.followed).toBeUndefined();

  const second = await run({ 'build-id': id });
  const build = buildOf(second);
  expect(build.id).toBe(id);
  expect(build.buildStatus).toBe('SUCCEEDED');
  expect(second.outputs['build-status']).toBe('SUCCEEDED');
  expect(splitWorkflowLog(second.stdout).output).toEqual(storedLog(emulator, id));
});

test('an account quota of 0: the message says so', async () => {
  const limited = await startBuildEmulator({ accountConcurrentBuildLimit: 0 });
  try {
    await createProject(limited, 'app', repo.dir);
    const a = await run({ 'project-name': 'app' }, {}, awsEnv(limited, { GITHUB_WORKSPACE: repo.dir }));
    expect(a.code).toBe(1);
    expect(a.failed).toHaveLength(1);
    const failedWith = a.failed[0] ?? '';
    expect(failedWith).toMatch(/^StartBuild app: the account's concurrent build quota is 0 /);
    expect(failedWith).toContain('Service Quotas');
  } finally {
    await limited.close();
  }
});
