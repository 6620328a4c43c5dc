/**
 * Every secret a run handles — the caller's AWS secret key and session token, Parameter Store and Secrets Manager
 * values (whole secrets and json-key parts) — is looked for in everything the run leaves behind: stdout, stderr,
 * the runner's output/state/env files, the job summary, the argv of every tool it starts, the report file.
 * Zero hits. Each scenario also checks that the secrets were really used (the build printed them, masked).
 */
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { gitPassword } from '../../src/aws/codecommit-git.js';
import type { Emulator } from '../harness/aws/server.js';
import { startCodeCommitGitServer, type GitServer } from '../harness/git-server.js';
import { createProject, gitRepo, startBuildEmulator } from '../codebuild/emulator-support.js';
import { ActionRunner, loadActions, withDefaults, type ActionRun } from './action-process.js';
import { readCommandFile } from '../support/action-process.js';
import { SecretLedger } from './ledger.js';
import { interpretWorkflowLog } from './workflow-log-model.js';

const ledger = new SecretLedger();
const ACCESS_KEY = 'AKIASECURITYSUITE001';
const SECRET_KEY = ledger.fresh('AWS secret access key');
const SESSION_TOKEN = ledger.fresh('AWS session token', 'IQoJb3JpZ2luX2VjE');
const PARAMETER = ledger.fresh('Parameter Store SecureString value');
const SECRET = ledger.fresh('Secrets Manager secret value');
const JSON_PART = ledger.fresh('Secrets Manager json-key value');

/**
 * Prints every variable. (What a script makes of a secret — base64 of it, say — is the script's own leak, as on
 * CodeBuild; what is checked is that nothing of ours shows a value.)
 */
const BUILDSPEC = `version: 0.2
env:
  parameter-store:
    P2: /app/db-password
  secrets-manager:
    S2: app/json:password
phases:
  build:
    commands:
      - echo "p=$P2 s=$S2"
      - printenv | sort
      - echo "key=$AWS_SECRET_ACCESS_KEY token=$AWS_SESSION_TOKEN"
`;

let emulator: Emulator;
let gitServer: GitServer;
let runner: ActionRunner;
let repo: ReturnType<typeof gitRepo>;
const actions = loadActions();

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: emulator.region,
    AWS_ACCESS_KEY_ID: ACCESS_KEY,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

beforeAll(async () => {
  // The caller signs with its own key; builds run as the emulator's default role (test/test).
  emulator = await startBuildEmulator({ credentials: { test: 'test', [ACCESS_KEY]: SECRET_KEY } });
  const config = {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const ssm = new SSMClient(config);
  const secrets = new SecretsManagerClient(config);
  await ssm.send(new PutParameterCommand({ Name: '/app/db-password', Value: PARAMETER, Type: 'SecureString' }));
  await secrets.send(new CreateSecretCommand({ Name: 'app/token', SecretString: SECRET }));
  await secrets.send(
    new CreateSecretCommand({ Name: 'app/json', SecretString: JSON.stringify({ password: JSON_PART, user: 'u' }) }),
  );
  ssm.destroy();
  secrets.destroy();
  repo = gitRepo({ 'buildspec.yml': BUILDSPEC });
  await createProject(emulator, 'app', repo.dir);
  runner = new ActionRunner();
});

afterAll(async () => {
  await gitServer?.close();
  await emulator?.close();
  repo?.cleanup();
  if (runner) rmSync(runner.directory, { recursive: true, force: true });
});

/** Everything captured, with the `::add-mask::` commands (which the runner consumes, unseen) taken out of stdout. */
function expectNoLeak(run: ActionRun, extra: Record<string, string> = {}): void {
  const captured = { ...run.captured, stdout: interpretWorkflowLog(run.stdout).visible.join('\n'), ...extra };
  expect(ledger.scanAll(captured)).toEqual([]);
}

function action(name: string) {
  const found = actions.find((a) => a.name === name);
  if (!found) throw new Error(`no ${name} action`);
  return found;
}

test('the build action: secrets sent as references, printed by the build, never shown', async () => {
  const run = await runner.run(action('build'), {
    inputs: withDefaults(action('build'), {
      'project-name': 'app',
      'env-parameter-store': 'P=/app/db-password',
      'env-secrets-manager': 'S=app/token',
      buildspec: BUILDSPEC.replace('echo "p=$P2 s=$S2"', 'echo "p=$P2 s=$S2 p1=$P s1=$S"'),
    }),
    env: env({ GITHUB_WORKSPACE: repo.dir, GITHUB_SHA: repo.commit, GITHUB_EVENT_NAME: 'push' }),
    cwd: repo.dir,
  });
  expect(run.code).toBe(0);
  // The build did print them: CodeBuild masks the values of parameter-store and secrets-manager variables.
  expect(run.stdout).toContain('p=*** s=*** p1=*** s1=***');
  expectNoLeak(run);
});

test('the local action: secrets fetched by the runner, registered as masks, printed masked', async () => {
  const source = path.join(runner.directory, 'local');
  mkdirSync(source, { recursive: true });
  writeFileSync(path.join(source, 'buildspec.yml'), BUILDSPEC);
  const run = await runner.run(action('local'), {
    inputs: withDefaults(action('local'), { source, artifacts: path.join(source, 'out') }),
    env: env({ GITHUB_WORKSPACE: source }),
    cwd: source,
  });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('p=*** s=***');
  // Registered with the runner before anything could print them: the add-mask commands come first.
  const log = interpretWorkflowLog(run.stdout);
  const masks = log.commands.filter((c) => c.name === 'add-mask').map((c) => c.data);
  expect(masks).toEqual(expect.arrayContaining([PARAMETER, JSON_PART]));
  const reportFile = readCommandFile(run.files.output)['report-json'];
  expect(reportFile).toBeTruthy();
  const report = readFileSync(reportFile ?? '', 'utf8');
  expectNoLeak(run, { 'report file': report });
});

test('aws-cicd run: the same in a terminal, and in the report file', async () => {
  const source = path.join(runner.directory, 'cli');
  mkdirSync(source, { recursive: true });
  writeFileSync(path.join(source, 'buildspec.yml'), BUILDSPEC);
  const run = await runner.cli(['run', '--report-json', 'report.json'], { env: env(), cwd: source });
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('p=*** s=***');
  // In a workflow's `run:` step the CLI registers each secret with the runner (`::add-mask::` on stderr, which the
  // runner reads as a command and never shows); everything else it prints is masked already.
  const stderr = interpretWorkflowLog(run.stderr);
  const masks = stderr.commands.filter((c) => c.name === 'add-mask').map((c) => c.data);
  expect(masks).toEqual(expect.arrayContaining([PARAMETER, JSON_PART]));
  expectNoLeak(run, {
    stderr: stderr.visible.join('\n'),
    'report file': readFileSync(path.join(source, 'report.json'), 'utf8'),
  });
});

test('the mirror action: the session credentials and every CodeCommit password stay out of everything', async () => {
  const config = {
    endpoint: emulator.url,
    region: emulator.region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  const codecommit = new CodeCommitClient(config);
  await codecommit.send(new CreateRepositoryCommand({ repositoryName: 'leak-target' }));
  codecommit.destroy();
  gitServer = await startCodeCommitGitServer(emulator);
  writeFileSync(path.join(runner.directory, 'gitconfig'), '');
  const started = Date.now();
  const run = await runner.run(action('mirror'), {
    inputs: withDefaults(action('mirror'), { repository: 'leak-target', source: repo.dir }),
    env: env({
      HOME: runner.directory,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(runner.directory, 'gitconfig'),
      CODE_COMMIT_ENDPOINT: gitServer.url,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_SHA: repo.commit,
      GITHUB_REF: 'refs/heads/main',
    }),
    cwd: repo.dir,
  });
  expect(run.code).toBe(0);
  // The push really went through with the caller's session credentials.
  const pushes = gitServer.requests.filter((r) => r.service === 'git-receive-pack' && r.status === 200);
  expect(pushes.length).toBeGreaterThan(0);
  expect(pushes.every((r) => r.accessKeyId === ACCESS_KEY && r.sessionToken === SESSION_TOKEN)).toBe(true);
  // Every password git could have been given during the run (one per second: they carry their time).
  for (let t = Math.floor(started / 1000) - 1; t <= Math.ceil(Date.now() / 1000) + 1; t++) {
    const password = gitPassword({
      secretAccessKey: SECRET_KEY,
      region: emulator.region,
      host: '127.0.0.1',
      path: '/v1/repos/leak-target',
      time: t * 1000,
    });
    ledger.add(`CodeCommit password at ${t}`, password);
  }
  expectNoLeak(run);
});
