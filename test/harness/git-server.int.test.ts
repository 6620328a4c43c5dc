/**
 * The CodeCommit Git server of the test harness checks what CodeCommit checks: Basic credentials whose password is the
 * SigV4 signature for the host and repository, within 15 minutes, with a known key; unknown repositories are 404
 * after authentication. Clients: plain HTTP requests, real git with our helper, and Debian's awscli helper.
 */
import { CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gitPassword } from '../../src/aws/codecommit-git.js';
import { credentialHelper } from '../../src/mirror/git.js';
import { checkCodeCommitAuth, httpBackendAvailable } from './git-server.js';
import { commit, git, newRepo, SELF, startWorld, type MirrorWorld } from '../mirror/support.js';

const describeGit = httpBackendAvailable() ? describe : describe.skip;
if (!httpBackendAvailable()) console.warn('git server tests skipped: /usr/lib/git-core/git-http-backend is missing');

const HOUR = 3600_000;
const emulatorView = { credentials: new Map([['AKID', 'secret']]), region: 'us-east-1' };
const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

function basic(user: string, password: string) {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, host: '127.0.0.1:9' };
}

function password(overrides: Partial<Parameters<typeof gitPassword>[0]> = {}) {
  return gitPassword({
    secretAccessKey: 'secret',
    region: 'us-east-1',
    host: '127.0.0.1',
    path: '/v1/repos/app',
    time: NOW,
    ...overrides,
  });
}

describe('the check', () => {
  const check = (headers: Record<string, string>, now = NOW, repo = 'app') =>
    checkCodeCommitAuth({ headers }, repo, emulatorView, now);

  test('a good password, with or without a session token', () => {
    expect(check(basic('AKID', password()))).toEqual({ status: 200, reason: 'OK', accessKeyId: 'AKID' });
    expect(check(basic('AKID%token/+=', password()))).toMatchObject({ status: 200, sessionToken: 'token/+=' });
    // 14 minutes either way is still good.
    expect(check(basic('AKID', password()), NOW + 14 * 60_000).status).toBe(200);
    expect(check(basic('AKID', password()), NOW - 14 * 60_000).status).toBe(200);
  });

  test('no credentials: 401 (git then asks its credential helper)', () => {
    expect(check({ host: 'h' }).status).toBe(401);
  });

  test('403: unknown key, wrong secret, expired, another repository, another host, another region, not a password', () => {
    expect(check(basic('OTHER', password())).reason).toBe('Forbidden: unknown access key');
    expect(check(basic('AKID', password({ secretAccessKey: 'wrong' }))).reason).toBe(
      'Forbidden: the signature does not match',
    );
    expect(check(basic('AKID', password()), NOW + 16 * 60_000).reason).toBe('Forbidden: the password has expired');
    expect(check(basic('AKID', password()), NOW - HOUR).status).toBe(403);
    expect(check(basic('AKID', password()), NOW, 'other').status).toBe(403);
    expect(check(basic('AKID', password({ host: 'git-codecommit.us-east-1.amazonaws.com' }))).status).toBe(403);
    expect(check(basic('AKID', password({ region: 'eu-west-1' }))).status).toBe(403);
    expect(check(basic('AKID', 'hunter2')).reason).toBe('Forbidden: not a SigV4 password');
    expect(check({ authorization: 'Bearer x', host: 'h' }).status).toBe(403);
  });

  test('a CodeCommit host name signs in its own region', () => {
    const host = 'git-codecommit.eu-west-1.amazonaws.com';
    const headers = { ...basic('AKID', password({ host, region: 'eu-west-1' })), host };
    expect(check(headers).status).toBe(200);
  });
});

describeGit('over HTTP with git', () => {
  let world: MirrorWorld;
  beforeAll(async () => {
    world = await startWorld();
    await world.client.send(new CreateRepositoryCommand({ repositoryName: 'served' }));
  });
  afterAll(async () => world?.close());

  const run = (cwd: string, args: string[], env: NodeJS.ProcessEnv) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile('git', args, { cwd, env }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  test('push and clone with our credential helper; every authenticated request names the key', async () => {
    const work = newRepo(world.dir, 'served-work');
    const head = commit(work, { 'a.txt': 'served' });
    const url = `${world.server.url}/v1/repos/served`;
    const config = [
      '-c',
      'credential.helper=',
      '-c',
      `credential.helper=${credentialHelper(SELF)}`,
      '-c',
      'credential.useHttpPath=true',
    ];
    const env = world.env({ GIT_TERMINAL_PROMPT: '0' });
    expect((await run(work, [...config, 'push', url, 'main'], env)).code).toBe(0);
    expect(git(world.emulator.state.codecommit.path('served'), ['rev-parse', 'main'])).toBe(head);
    const clone = path.join(world.dir, 'served-clone');
    expect((await run(world.dir, [...config, 'clone', '-q', url, clone], env)).code).toBe(0);
    expect(git(clone, ['rev-parse', 'refs/remotes/origin/main'])).toBe(head);
    const requests = world.server.requests.filter((r) => r.path.startsWith('/v1/repos/served'));
    expect(requests.some((r) => r.status === 401)).toBe(true);
    expect(requests.filter((r) => r.status === 200).every((r) => r.accessKeyId === 'test')).toBe(true);
    expect(requests.filter((r) => r.service === 'git-receive-pack' && r.status === 200)).toHaveLength(2);
  });

  test('an unknown repository is 404 after authentication; without credentials git is told 401', async () => {
    const config = [
      '-c',
      'credential.helper=',
      '-c',
      `credential.helper=${credentialHelper(SELF)}`,
      '-c',
      'credential.useHttpPath=true',
    ];
    const env = world.env({ GIT_TERMINAL_PROMPT: '0' });
    const missing = await run(world.dir, [...config, 'ls-remote', `${world.server.url}/v1/repos/nope`], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(`repository '${world.server.url}/v1/repos/nope/' not found`);
    const anonymous = await run(
      world.dir,
      ['-c', 'credential.helper=', 'ls-remote', `${world.server.url}/v1/repos/served`],
      env,
    );
    expect(anonymous.code).not.toBe(0);
    expect(anonymous.stderr).toMatch(/could not read Username|Authentication failed|terminal prompts disabled/);
  });

  const awsCli = existsSync('/usr/bin/aws');
  (awsCli ? test : test.skip)("Debian's awscli helper (an independent signer) is accepted too", async () => {
    // awscli signs the host name without the port, as we do; it answers a non-AWS host with `get --ignore-host-check`
    // and takes the region from AWS_REGION.
    const config = [
      '-c',
      'credential.helper=',
      '-c',
      'credential.helper=!f() { test "$1" = get || exit 0; /usr/bin/aws codecommit credential-helper get --ignore-host-check; }; f',
      '-c',
      'credential.useHttpPath=true',
    ];
    const env = world.env({
      GIT_TERMINAL_PROMPT: '0',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    });
    const result = await run(world.dir, [...config, 'ls-remote', `${world.server.url}/v1/repos/served`], env);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^[0-9a-f]{40}\trefs\/heads\/main\n$/);
  });
});
