/**
 * `aws-cicd git-credential`: what it answers to git, what it refuses, and the helper string the mirror gives git
 * (quoted for git's `!` shell helpers), run by real git from a path with spaces and quotes.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectedSignature, parsePassword } from '../../src/aws/codecommit-git.js';
import { answerGitCredential, credentialProcess } from '../../src/mirror/credential-helper.js';
import { credentialHelper } from '../../src/mirror/git.js';
import { runCli } from '../support/cli.js';
import { ACTION_ENTRY, TSX } from '../mirror/support.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const KEYS = { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret' };

async function ask(argv: string[], request: string, env: NodeJS.ProcessEnv = KEYS) {
  let stdout = '';
  let stderr = '';
  const code = await credentialProcess(argv, {
    stdin: [request],
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env,
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

test('get: the access key id and a password signed now for the host and path git sent', async () => {
  const { code, stdout } = await ask(
    ['get'],
    'protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/app\n\n',
  );
  expect(code).toBe(0);
  const password = /password=(.*)\n/.exec(stdout)?.[1] ?? '';
  expect(stdout).toBe(`username=AKIDEXAMPLE\npassword=${password}\n`);
  const parsed = parsePassword(password);
  expect(parsed?.time).toBe(NOW);
  expect(parsed?.signature).toBe(
    expectedSignature(
      {
        secretAccessKey: 'secret',
        region: 'eu-west-1',
        host: 'git-codecommit.eu-west-1.amazonaws.com',
        path: '/v1/repos/app',
      },
      '20260102T030405',
    ),
  );
});

test('a session token goes into the user name; under GitHub Actions the password is masked on stderr', async () => {
  const { stdout, stderr } = await ask(
    ['get'],
    'protocol=https\nhost=git-codecommit.us-east-1.amazonaws.com\npath=v1/repos/x\n',
    { ...KEYS, AWS_SESSION_TOKEN: 'tok', GITHUB_ACTIONS: 'true' },
  );
  const password = /password=(.*)\n/.exec(stdout)?.[1];
  expect(stdout).toMatch(/^username=AKIDEXAMPLE%tok\n/);
  expect(stderr).toBe(`::add-mask::${password}\n`);
});

test('CODE_COMMIT_ENDPOINT: it answers for that host (port and all) and signs the host name without the port', async () => {
  const env = { ...KEYS, CODE_COMMIT_ENDPOINT: 'http://127.0.0.1:4567', AWS_REGION: 'ap-south-1' };
  const { stdout } = await ask(['get'], 'protocol=http\nhost=127.0.0.1:4567\npath=v1/repos/r\n\n', env);
  const password = /password=(.*)\n/.exec(stdout)?.[1] ?? '';
  expect(parsePassword(password)?.signature).toBe(
    expectedSignature(
      { secretAccessKey: 'secret', region: 'ap-south-1', host: '127.0.0.1', path: '/v1/repos/r' },
      '20260102T030405',
    ),
  );
  const regionFromOption = await ask(
    ['--region', 'eu-north-1', 'get'],
    'protocol=http\nhost=127.0.0.1:4567\npath=v1/repos/r\n\n',
    env,
  );
  expect(regionFromOption.stdout).not.toBe(stdout);
});

test('other hosts, http to a CodeCommit host, store and erase get no answer', async () => {
  for (const request of [
    'protocol=https\nhost=github.com\npath=octo/app\n\n',
    'protocol=https\nhost=git-codecommit.us-east-1.amazonaws.com.evil.example\npath=v1/repos/x\n\n',
    'protocol=http\nhost=git-codecommit.us-east-1.amazonaws.com\npath=v1/repos/x\n\n',
  ]) {
    const { code, stdout, stderr } = await ask(['get'], request);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(stderr).toContain('not answering for');
  }
  for (const op of ['store', 'erase']) {
    expect(
      await ask(
        [op],
        'protocol=https\nhost=git-codecommit.us-east-1.amazonaws.com\npath=v1/repos/x\nusername=u\npassword=p\n\n',
      ),
    ).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  }
});

test('no path (credential.useHttpPath off), no region, no credentials, a bad operation: clear errors', async () => {
  const noPath = await ask(['get'], 'protocol=https\nhost=git-codecommit.us-east-1.amazonaws.com\n\n');
  expect(noPath).toMatchObject({ code: 1, stdout: '' });
  expect(noPath.stderr).toContain('run git with -c credential.useHttpPath=true');
  const noRegion = await ask(['get'], 'protocol=http\nhost=localhost:1\npath=v1/repos/x\n\n', {
    ...KEYS,
    CODE_COMMIT_ENDPOINT: 'http://localhost:1',
  });
  expect(noRegion.stderr).toContain('no AWS region: give --region or set AWS_REGION');
  const noCredentials = await ask(
    ['get'],
    'protocol=https\nhost=git-codecommit.us-east-1.amazonaws.com\npath=v1/repos/x\n\n',
    {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    },
  );
  expect(noCredentials.code).toBe(1);
  expect(noCredentials.stderr).toContain('cannot make CodeCommit git credentials: no AWS credentials found');
  const bad = await ask(['fill'], '\n');
  expect(bad).toMatchObject({ code: 2 });
});

test('the CLI command is registered and documented', async () => {
  const help = await runCli(['git-credential', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: aws-cicd git-credential [--region REGION] get|store|erase');
  const list = await runCli(['--help']);
  expect(list.stdout).toMatch(/git-credential\s+git credential helper/);
  expect(list.stdout).toMatch(/mirror\s+mirror branches and tags/);
});

test('answerGitCredential reads the request up to the blank line even if stdin stays open', async () => {
  async function* open() {
    yield 'protocol=https\nhost=git-codecommit.us-east-1.amazonaws.com\n';
    yield 'path=v1/repos/x\n\n';
    await new Promise(() => undefined); // never ends
  }
  let out = '';
  await answerGitCredential(['get'], {
    stdin: open(),
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    env: KEYS,
  });
  expect(out).toMatch(/^username=AKIDEXAMPLE\npassword=\d{8}T\d{6}Z[0-9a-f]{64}\n$/);
});

describe('git runs the helper string the mirror builds', () => {
  const dir = mkdtempSync(path.join(tmpdir(), "aws-cicd helper's dir "));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('from a path with spaces, quotes and $(…), `git credential fill` gets the answer', async () => {
    // The action's entry reached through a directory whose name needs quoting.
    const odd = path.join(dir, 'it\'s a "dir" $(touch pwned)');
    mkdirSync(odd);
    const entry = path.join(odd, 'index.ts');
    symlinkSync(ACTION_ENTRY, entry);
    const helper = credentialHelper([process.execPath, '--import', TSX, entry], 'us-east-1');
    expect(helper.startsWith('!f() { test "$1" = get || exit 0; exec ')).toBe(true);
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...KEYS,
    };
    const git = (args: string[], input: string) =>
      new Promise<string>((resolve, reject) => {
        const child = execFile('git', args, { cwd: dir, env }, (error, stdout) =>
          error ? reject(error) : resolve(stdout),
        );
        child.stdin?.end(input);
      });
    const config = [
      '-c',
      'credential.helper=',
      '-c',
      `credential.helper=${helper}`,
      '-c',
      'credential.useHttpPath=true',
    ];
    const out = await git(
      [...config, 'credential', 'fill'],
      'protocol=https\nhost=git-codecommit.us-east-1.amazonaws.com\npath=v1/repos/app\n\n',
    );
    expect(out).toMatch(
      /^protocol=https\nhost=git-codecommit\.us-east-1\.amazonaws\.com\npath=v1\/repos\/app\nusername=AKIDEXAMPLE\npassword=\d{8}T\d{6}Z[0-9a-f]{64}\n$/,
    );
    expect(existsSync(path.join(odd, 'pwned')) || existsSync(path.join(dir, 'pwned'))).toBe(false);
  });

  test('git store / erase never start the program; get does', async () => {
    const marker = path.join(dir, 'started');
    const helper = credentialHelper(['sh', '-c', 'touch "$MARKER"'], 'us-east-1');
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      MARKER: marker,
      GIT_TERMINAL_PROMPT: '0',
    };
    const git = (args: string[], input: string) =>
      new Promise<number>((resolve) => {
        const child = execFile(
          'git',
          ['-c', 'credential.helper=', '-c', `credential.helper=${helper}`, ...args],
          { cwd: dir, env },
          (error) => resolve(error ? 1 : 0),
        );
        child.stdin?.end(input);
      });
    const request = 'protocol=https\nhost=h\nusername=u\npassword=p\n\n';
    expect(await git(['credential', 'approve'], request)).toBe(0);
    expect(await git(['credential', 'reject'], request)).toBe(0);
    expect(existsSync(marker)).toBe(false);
    await git(['credential', 'fill'], 'protocol=https\nhost=h\n\n');
    expect(existsSync(marker)).toBe(true);
  });
});
