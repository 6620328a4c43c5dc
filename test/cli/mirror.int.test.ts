/** `aws-cicd mirror`: the same core as the action, options instead of inputs, JSON on request, exit codes. */
import { PassThrough } from 'node:stream';
import { mirrorCommandWith } from '../../src/cli/commands/mirror.js';
import { httpBackendAvailable } from '../harness/git-server.js';
import { runCli } from '../support/cli.js';
import { commit, git, newRepo, refsOf, SELF, startWorld, type MirrorWorld } from '../mirror/support.js';

const describeGit = httpBackendAvailable() ? describe : describe.skip;
if (!httpBackendAvailable()) console.warn('mirror CLI tests skipped: /usr/lib/git-core/git-http-backend is missing');

async function runMirror(world: MirrorWorld, argv: string[], cwd: string, env: NodeJS.ProcessEnv = world.env()) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const command = mirrorCommandWith({ self: SELF, codecommit: world.client });
  let code: number;
  try {
    code = await command.run(argv, { stdout: out, stderr: err, env, cwd });
  } catch (error) {
    code = (error as { exitCode?: number }).exitCode ?? 1;
    stderr += `${(error as Error).message}\n`;
  }
  return { code, stdout, stderr };
}

test('usage errors exit 2 without touching AWS', async () => {
  expect((await runCli(['mirror'], { env: { AWS_REGION: 'us-east-1' } })).code).toBe(2);
  const rewind = await runCli(['mirror', '--repository', 'app', '--on-rewind', 'force'], {
    env: { AWS_REGION: 'us-east-1' },
  });
  expect(rewind).toMatchObject({ code: 2 });
  expect(rewind.stderr).toContain('aws-cicd mirror: --on-rewind must be one of allow, fail; got "force"');
  expect((await runCli(['mirror', '--repository', 'app', '--bogus'])).code).toBe(2);
  const help = await runCli(['mirror', '--help']);
  expect(help.stdout).toContain('Usage: aws-cicd mirror --repository NAME [options]');
});

describeGit('against the emulator', () => {
  let world: MirrorWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world?.close());

  test('dry run, then the mirror, with --json; a missing repository exits 1 with its name', async () => {
    const source = newRepo(world.dir, 'cli-src');
    const head = commit(source, { 'a.txt': '1' });
    git(source, ['tag', 'v1']);
    const missing = await runMirror(world, ['--repository', 'cli-repo'], source);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('CodeCommit repository "cli-repo" does not exist in us-east-1');

    const dry = await runMirror(
      world,
      ['--repository', 'cli-repo', '--create-repository', '--dry-run', '--json'],
      source,
    );
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      created: boolean;
      plan: { entries: Array<{ action: string }> };
    };
    expect(plan).toMatchObject({ dryRun: true, created: true });
    expect(plan.plan.entries.map((e) => e.action)).toEqual(['create', 'create']);
    expect(dry.stderr).toContain('aws-cicd mirror: Dry run: nothing pushed');

    const real = await runMirror(
      world,
      ['--repository', 'codecommit::us-east-1://cli-repo', '--create-repository', '--tag', 'team=ci'],
      source,
    );
    expect(real).toMatchObject({ code: 0, stdout: `${world.server.url}/v1/repos/cli-repo\n` });
    expect(real.stderr).toContain('aws-cicd mirror: Mirrored: 2 created, 0 updated, 0 deleted');
    expect(refsOf(world.emulator.state.codecommit.path('cli-repo')).get('refs/heads/main')).toBe(head);
  });

  test('in a GitHub Actions run: step, the secrets are registered with ::add-mask:: on stderr first; elsewhere not', async () => {
    const source = newRepo(world.dir, 'cli-masks-src');
    commit(source, { 'a.txt': '1' });
    const argv = ['--repository', 'cli-masks', '--create-repository', '--dry-run'];
    const token = 'ghs_cliMaskToken';
    const inActions = await runMirror(world, argv, source, world.env({ GITHUB_ACTIONS: 'true', GITHUB_TOKEN: token }));
    expect(inActions.code).toBe(0);
    const lines = inActions.stderr.split('\n');
    // The token, then the AWS secret key (the emulator's is "test"), before any line of the mirror's.
    expect(lines.slice(0, 2)).toEqual([`::add-mask::${token}`, '::add-mask::test']);
    expect(inActions.stdout).not.toContain('::add-mask::');
    const elsewhere = await runMirror(world, argv, source, world.env({ GITHUB_TOKEN: token }));
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stderr).not.toContain('::add-mask::');
  });

  test('a rejected rewind exits 1 and lists what was not pushed; --source and --include', async () => {
    const source = newRepo(world.dir, 'cli-src2');
    commit(source, { 'a.txt': '1' });
    git(source, ['branch', 'other']);
    expect(
      (await runMirror(world, ['--repository', 'cli-two', '--create-repository', '--source', source], world.dir)).code,
    ).toBe(0);
    git(source, ['commit', '-q', '--amend', '-m', 'rewritten']);
    const failed = await runMirror(
      world,
      ['--repository', 'cli-two', '--on-rewind', 'fail', '--include', 'main'],
      source,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('aws-cicd mirror: not pushed refs/heads/main\n');
    // The failure is the last line, after what was and was not pushed.
    expect(failed.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^aws-cicd mirror: error: on-rewind is fail and 1 ref is not a fast-forward/,
    );
    expect(failed.stdout).toBe('');
  });
});
