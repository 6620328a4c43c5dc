/**
 * Credentials AWS refuses, through every face that calls AWS: each CLI command and each action, run in-process
 * against the emulator (and CodeCommit's Git endpoint) with a key whose secret is wrong. What the user reads must say
 * that AWS rejected the credentials and where they came from, in at most two lines, and never show the canonical
 * request, the string to sign, a missing-permission guess or the secret.
 */
import { PassThrough } from 'node:stream';
import { buildAction } from '../../src/actions/build/main.js';
import type { Action } from '../../src/actions/common/runtime.js';
import { deployAction } from '../../src/actions/deploy/main.js';
import { imageAction } from '../../src/actions/image/main.js';
import { localAction } from '../../src/actions/local/main.js';
import { mirrorAction } from '../../src/actions/mirror/main.js';
import { pipelineAction } from '../../src/actions/pipeline/main.js';
import { toUserError } from '../../src/aws/errors.js';
import { imageCommandWith } from '../../src/cli/commands/image.js';
import { mirrorCommandWith } from '../../src/cli/commands/mirror.js';
import type { CommandSpec } from '../../src/cli/context.js';
import { describeError } from '../../src/core/errors.js';
import type { Exec } from '../../src/image/exec.js';
import { httpBackendAvailable } from '../harness/git-server.js';
import { commit, newRepo, SELF, startWorld, type MirrorWorld } from '../mirror/support.js';
import { runActionInProcess } from '../support/action.js';
import { runCli } from '../support/cli.js';

const WRONG_SECRET = 'wrong-secret-Zq7xK2pL9mN4';
const REJECTED =
  /AWS rejected the credentials from the environment \(AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY\): the secret access key does not match the access key ID \((InvalidSignatureException|SignatureDoesNotMatch)\); set AWS_SECRET_ACCESS_KEY to the key's secret/;

let world: MirrorWorld;
let source: string;

beforeAll(async () => {
  world = await startWorld();
  source = newRepo(world.dir, 'faces-source');
  commit(source, {
    'buildspec.yml': [
      'version: 0.2',
      'env:',
      '  parameter-store:',
      '    DB_PASSWORD: /app/db-password',
      'phases:',
      '  build:',
      '    commands:',
      '      - echo should not run',
      '',
    ].join('\n'),
    Dockerfile: 'FROM scratch\n',
    'appspec.yml': 'version: 0.0\nos: linux\n',
  });
});
afterAll(async () => world?.close());

/** The faces' environment: the emulator, the right key, the wrong secret, nothing of the developer's. */
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return world.env({
    AWS_SECRET_ACCESS_KEY: WRONG_SECRET,
    AWS_MAX_ATTEMPTS: '1',
    GITHUB_WORKSPACE: source,
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_REPOSITORY: 'octo/widgets',
    GITHUB_REF: 'refs/heads/main',
    ...extra,
  });
}

/** Container tools that answer: buildah builds; nothing may get to log in, since ECR refuses first. */
const tools: Exec = async (command, args) => {
  if (command === 'docker') return { code: 1, stdout: '', stderr: 'no daemon' };
  if (args[0] === 'login') throw new Error('no engine login expected');
  return { code: 0, stdout: '', stderr: '' };
};

/**
 * A command with injected collaborators, run as the CLI's main runs it: what escapes it is worded for people and
 * printed as `aws-cicd <name>: …`.
 */
async function command(spec: CommandSpec, argv: string[]): Promise<{ failure: string; shown: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await spec.run(argv, { stdout: out, stderr: err, env: env(), cwd: source }).catch((error: unknown) => {
    err.write(`aws-cicd ${spec.name}: ${describeError(toUserError(error))}\n`);
    return 1;
  });
  expect(code).toBe(1);
  return { failure: stderr.trim().split('\n').at(-1) ?? '', shown: `${stdout}\n${stderr}` };
}

/** The whole of what an action shows: its log (the step's failure is its last `::error`). */
async function action(act: Action, inputs: Record<string, string>): Promise<{ failure: string; shown: string }> {
  const run = await runActionInProcess(act, { inputs, env: env() });
  expect(run.code).toBe(1);
  // Registering the secret with the runner (::add-mask::) is how it stays out of the log.
  const shown = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return { failure: run.errors.join('\n'), shown };
}

type Face = () => Promise<{ failure: string; shown: string }>;

async function cli(argv: string[]): Promise<{ failure: string; shown: string }> {
  const run = await runCli(argv, { cwd: source, env: env() });
  expect(run.code).toBe(1);
  return { failure: run.stderr.trim(), shown: `${run.stdout}\n${run.stderr}` };
}

const FACES: Array<[string, Face]> = [
  ['aws-cicd build', () => cli(['build', '--project', 'app', '--no-wait'])],
  ['aws-cicd logs', () => cli(['logs', 'app:0b5c2f3e-1111-2222-3333-444455556666'])],
  ['aws-cicd pipeline', () => cli(['pipeline', '--name', 'release', '--start', '--no-wait'])],
  ['aws-cicd deploy', () => cli(['deploy', '--deployment-id', 'd-ABCDEFGHI'])],
  [
    'aws-cicd deploy --folder',
    () => cli(['deploy', '--application', 'a', '--deployment-group', 'g', '--folder', '.', '--bucket', 'b']),
  ],
  ['aws-cicd image', () => command(imageCommandWith({ exec: tools }), ['--repository', 'team/app'])],
  ['aws-cicd mirror', () => command(mirrorCommandWith({ self: SELF }), ['--repository', 'faces'])],
  ['aws-cicd run (parameter-store)', () => cli(['run'])],
  ['build action', () => action(buildAction(), { 'project-name': 'app', wait: 'false' })],
  ['pipeline action', () => action(pipelineAction(), { 'pipeline-name': 'release', start: 'true', wait: 'false' })],
  ['deploy action', () => action(deployAction(), { 'deployment-id': 'd-ABCDEFGHI' })],
  ['image action', () => action(imageAction({ exec: tools }), { repository: 'team/app' })],
  ['mirror action', () => action(mirrorAction({ self: SELF }), { repository: 'faces' })],
  ['local action (parameter-store)', () => action(localAction(), {})],
];

const describeGit = httpBackendAvailable() ? describe : describe.skip;
if (!httpBackendAvailable()) console.warn('credential faces skipped: /usr/lib/git-core/git-http-backend is missing');

describeGit('a wrong secret key, through every face that calls AWS', () => {
  test.each(FACES)('%s: AWS rejected the credentials from the environment, in at most two lines', async (_, face) => {
    const { failure, shown } = await face();
    expect(failure).toMatch(REJECTED);
    const line = failure.split('\n').find((l) => REJECTED.test(l)) ?? '';
    expect(line.slice(line.indexOf('AWS rejected')).length).toBeLessThan(300);
    expect(failure.split('\n').filter((l) => l.trim() !== '').length).toBeLessThanOrEqual(2);
    for (const leak of [WRONG_SECRET, 'Canonical', 'String-to-Sign', 'AWS4-HMAC-SHA256', 'missing IAM permission']) {
      expect(shown).not.toContain(leak);
    }
  });

  test('the emulator really refused the wrong secret and accepts the right one', async () => {
    const wrong = await runCli(['logs', 'app:0b5c2f3e-1111-2222-3333-444455556666'], { cwd: source, env: env() });
    const right = await runCli(['logs', 'app:0b5c2f3e-1111-2222-3333-444455556666'], {
      cwd: source,
      env: env({ AWS_SECRET_ACCESS_KEY: 'test' }),
    });
    expect(wrong.stderr).toMatch(REJECTED);
    expect(right.stderr).not.toMatch(/rejected the credentials/);
    expect(right.stderr).toMatch(/no build or batch build app:0b5c2f3e/);
  });
});
