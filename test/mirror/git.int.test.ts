/** The git runner factory: argument arrays, the environment, config through GIT_CONFIG_*, masks, helper strings. */
import { execFileSync, spawn } from 'node:child_process';
import fc from 'fast-check';
import {
  createGit,
  credentialHelper,
  describeArgs,
  GitError,
  gitEnvironment,
  selfCommand,
  shellQuote,
  withConfig,
  type GitSpawner,
} from '../../src/mirror/git.js';

/** Runs `sh -c <script>` instead of git, recording what it was given. */
function fakeGit(script: string) {
  const calls: Array<{ command: string; args: readonly string[]; env: NodeJS.ProcessEnv }> = [];
  const spawner: GitSpawner = (command, args, options) => {
    calls.push({ command, args, env: options.env ?? {} });
    return spawn('sh', ['-c', script, 'git', ...args], { ...options });
  };
  return { calls, spawner };
}

test('arguments go as an array; the environment is made safe; extra config goes through GIT_CONFIG_*', async () => {
  const { calls, spawner } = fakeGit('printf "%s|" "$@"; cat');
  const git = createGit({
    cwd: '/',
    env: {
      PATH: process.env.PATH,
      GIT_DIR: '/elsewhere',
      GIT_TRACE_CURL: '1',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'a.b',
      GIT_CONFIG_VALUE_0: 'c',
    },
    spawn: spawner,
  });
  const result = await git.run(['fetch', '--', '$(touch x)', '; rm -rf /'], {
    input: 'stdin text',
    config: [['http.https://github.com/.extraheader', 'AUTHORIZATION: basic c2VjcmV0']],
  });
  expect(result.stdout).toBe('fetch|--|$(touch x)|; rm -rf /|stdin text');
  const env = calls[0]?.env ?? {};
  expect(env.GIT_DIR).toBeUndefined();
  expect(env.GIT_TRACE_CURL).toBeUndefined();
  expect(env).toMatchObject({
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'a.b',
    GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
    GIT_CONFIG_VALUE_1: 'AUTHORIZATION: basic c2VjcmV0',
  });
  expect(calls[0]?.args.join(' ')).not.toContain('c2VjcmV0');
});

test('::add-mask:: lines on stderr become masks and leave the captured stderr', async () => {
  const masks: string[] = [];
  const { spawner } = fakeGit('echo "::add-mask::20260102T030405Zabc" >&2; echo "fatal: real error" >&2; exit 128');
  const git = createGit({ cwd: '/', env: {}, spawn: spawner, onMask: (v) => masks.push(v) });
  const error = (await git.run(['push']).catch((e: unknown) => e)) as GitError;
  expect(error).toBeInstanceOf(GitError);
  expect(error.result).toEqual({ code: 128, stdout: '', stderr: 'fatal: real error\n' });
  expect(error.message).toBe('git push failed (exit 128): fatal: real error');
  expect(masks).toEqual(['20260102T030405Zabc']);
});

test('okCodes and line-by-line stdout', async () => {
  const { spawner } = fakeGit('printf "one\\ntwo\\nthree"; exit 1');
  const lines: string[] = [];
  const result = await createGit({ cwd: '/', env: {}, spawn: spawner }).run(['x'], {
    okCodes: [0, 1],
    onStdoutLine: (l) => lines.push(l),
  });
  expect(result.code).toBe(1);
  expect(lines).toEqual(['one', 'two', 'three']);
});

test('a git that cannot start is an error, not a hang', async () => {
  const git = createGit({ cwd: '/', env: { PATH: '/nonexistent' }, command: 'git-not-installed' });
  await expect(git.run(['status'])).rejects.toThrow(/ENOENT/);
});

test('the helper string: each part single-quoted for sh, get only, git appends the operation', () => {
  const helper = credentialHelper(['/opt/node 24/bin/node', "/srv/it's/index.js"], 'eu-west-1');
  expect(helper).toBe(
    `!f() { test "$1" = get || exit 0; exec '/opt/node 24/bin/node' '/srv/it'\\''s/index.js' 'git-credential' '--region' 'eu-west-1' "$@"; }; f`,
  );
});

test('shellQuote round-trips anything through sh', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0')),
      (text) => {
        const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(text)}`], { encoding: 'utf8' });
        expect(echoed).toBe(text);
      },
    ),
    { numRuns: 60 },
  );
});

test('selfCommand keeps the loader flags (tsx) and drops the rest', () => {
  expect(
    selfCommand(
      '/n',
      ['--import', 'file:///tsx.mjs', '--inspect', '--require=x.cjs', '--max-old-space-size=99'],
      '/s.ts',
    ),
  ).toEqual(['/n', '--import', 'file:///tsx.mjs', '--require=x.cjs', '/s.ts']);
  expect(() => selfCommand('/n', [], '')).toThrow('no entry script');
});

test('helpers', () => {
  expect(withConfig({ A: '1' }, [])).toEqual({ A: '1' });
  expect(gitEnvironment({ GIT_ASKPASS: 'x', SSH_ASKPASS: 'y' })).toEqual({
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never',
    GIT_TRACE_REDACT: '1',
  });
  expect(describeArgs(['push', '--', 'url', ...Array.from({ length: 20 }, (_, i) => `r${i}`)])).toBe(
    'push -- url r0 r1 r2 r3 r4 r5 r6 … (13 more)',
  );
  expect(describeArgs(['a b', 'c'])).toBe('"a b" c');
});
