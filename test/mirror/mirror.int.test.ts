/**
 * Mirroring for real: git, our CodeCommit Git server (git http-backend, SigV4 passwords checked) in front of the AWS
 * emulator's repositories, a GitHub stand-in that wants the job's token, and the credential helper started by git
 * the way the action starts it.
 */
import { CreateRepositoryCommand, GetRepositoryCommand } from '@aws-sdk/client-codecommit';
import { existsSync, readdirSync, writeFileSync, chmodSync, stat } from 'node:fs';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';
import { mirror, MirrorError, type MirrorResult } from '../../src/mirror/mirror.js';
import { WALK_LIMIT } from '../../src/mirror/objects.js';
import { startGitHubServer, httpBackendAvailable, type GitServer } from '../harness/git-server.js';
import {
  commit,
  git,
  gitAsync,
  newRepo,
  pushes,
  recordingLog,
  recordingSpawner,
  refsOf,
  settings,
  SELF,
  startWorld,
  TSX,
  type MirrorWorld,
} from './support.js';

const TOKEN = 'ghs_mirrorTestToken0123456789';
const describeGit = httpBackendAvailable() ? describe : describe.skip;
if (!httpBackendAvailable()) {
  console.warn('mirror integration tests skipped: /usr/lib/git-core/git-http-backend is missing (apt-get install git)');
}

let world: MirrorWorld;
let github: GitServer;
let githubRoot: string;
let counter = 0;

beforeAll(async () => {
  world = await startWorld();
  githubRoot = path.join(world.dir, 'github');
  github = await startGitHubServer({ root: githubRoot, token: TOKEN });
});

afterAll(async () => {
  await github?.close();
  await world?.close();
});

/** A fresh CodeCommit repository name and its emulated repository. */
async function codecommitRepo(): Promise<{ name: string; dir: string }> {
  const name = `repo-${++counter}`;
  await world.client.send(new CreateRepositoryCommand({ repositoryName: name }));
  return { name, dir: world.emulator.state.codecommit.path(name) };
}

/** A "GitHub" repository (bare, served by the stand-in) filled from a work repository; returns both. */
function githubRepo(): { bare: string; work: string; url: string } {
  const n = ++counter;
  const work = newRepo(world.dir, `gh-work-${n}`);
  const bare = path.join(githubRoot, 'octo', `app${n}.git`);
  git(world.dir, ['init', '-q', '--bare', bare]);
  git(work, ['remote', 'add', 'origin', bare]);
  return { bare, work, url: `${github.url}/octo/app${n}` };
}

/** actions/checkout's default: one commit, one branch, the token not persisted. */
async function shallowCheckout(url: string, branch = 'main'): Promise<string> {
  const dir = path.join(world.dir, `checkout-${++counter}`);
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;
  await gitAsync(world.dir, [
    '-c',
    `http.${github.url}/.extraheader=${header}`,
    'clone',
    '-q',
    '--depth',
    '1',
    '--single-branch',
    '--branch',
    branch,
    url,
    dir,
  ]);
  return dir;
}

async function run(
  source: string,
  repository: string,
  overrides: Parameters<typeof settings>[1] = {},
  extra = {},
  discovery: 'auto' | 'git' = 'auto',
) {
  const log = recordingLog();
  const spawn = recordingSpawner();
  const promise = mirror(settings(source, { repository, ...overrides }), {
    codecommit: world.client,
    env: world.env(extra),
    self: SELF,
    log,
    spawn,
    discovery,
  });
  return { promise, log, spawn };
}

async function rejection(p: Promise<unknown>): Promise<MirrorError> {
  try {
    await p;
  } catch (error) {
    return error as MirrorError;
  }
  throw new Error('expected the mirror to fail');
}

describeGit('from a shallow single-branch checkout', () => {
  test('mirrors every GitHub branch and tag with full history, leaving the checkout as it was', async () => {
    const gh = githubRepo();
    commit(gh.work, { 'a.txt': 'one' }, 'one');
    commit(gh.work, { 'a.txt': 'two' }, 'two');
    git(gh.work, ['tag', '-a', 'v1.0', '-m', 'release 1.0']);
    git(gh.work, ['checkout', '-q', '-b', 'feature/x']);
    commit(gh.work, { 'b.txt': 'feature' }, 'feature');
    git(gh.work, ['checkout', '-q', 'main']);
    commit(gh.work, { 'a.txt': 'three' }, 'three');
    git(gh.work, ['push', '-q', 'origin', 'main', 'feature/x', 'v1.0']);
    // GitHub's pull request refs exist on the server but are never mirrored.
    git(gh.bare, ['update-ref', 'refs/pull/1/head', git(gh.work, ['rev-parse', 'feature/x'])]);

    const checkout = await shallowCheckout(gh.url);
    expect(git(checkout, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    // A stale token persisted by an earlier checkout step must not be what authenticates.
    git(checkout, ['config', `http.${github.url}/.extraheader`, 'AUTHORIZATION: basic bm90OnRoZS10b2tlbg==']);
    writeFileSync(path.join(checkout, 'untracked.txt'), 'keep me');
    const before = {
      head: git(checkout, ['rev-parse', 'HEAD']),
      branch: git(checkout, ['symbolic-ref', 'HEAD']),
      status: git(checkout, ['status', '--porcelain']),
      refs: git(checkout, ['for-each-ref']),
    };
    const cc = await codecommitRepo();
    const { promise, log, spawn } = await run(checkout, cc.name, {
      githubToken: TOKEN,
      githubServerUrl: github.url,
    });
    const result = await promise;

    const remote = refsOf(cc.dir);
    expect([...remote.keys()].sort()).toEqual(['refs/heads/feature/x', 'refs/heads/main', 'refs/tags/v1.0']);
    expect(remote.get('refs/heads/main')).toBe(git(gh.work, ['rev-parse', 'main']));
    expect(remote.get('refs/tags/v1.0')).toBe(git(gh.work, ['rev-parse', 'v1.0'])); // the annotated tag object
    expect(git(cc.dir, ['rev-list', '--count', 'main'])).toBe('3'); // the whole history, not one commit
    expect(git(cc.dir, ['fsck', '--connectivity-only', '--no-progress'])).toBe('');
    expect(result.unshallowed).toBe(true);
    expect(result.plan.entries.map((e) => `${e.action} ${e.name}`)).toEqual([
      'create refs/heads/feature/x',
      'create refs/heads/main',
      'create refs/tags/v1.0',
    ]);
    expect(result.defaultBranch).toBe('main');
    expect(result.headSha).toBe(remote.get('refs/heads/main'));

    // The work tree, index, checked-out branch and refs are as before; only the history was completed.
    expect(git(checkout, ['rev-parse', 'HEAD'])).toBe(before.head);
    expect(git(checkout, ['symbolic-ref', 'HEAD'])).toBe(before.branch);
    expect(git(checkout, ['status', '--porcelain'])).toBe(before.status);
    expect(git(checkout, ['for-each-ref'])).toBe(before.refs);
    expect(git(checkout, ['rev-parse', '--is-shallow-repository'])).toBe('false');

    // The token went to git through the environment, never argv; it was masked.
    const everyArg = spawn.calls.flatMap((c) => c.args).join('\n');
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    expect(everyArg).not.toContain(TOKEN);
    expect(everyArg).not.toContain(basic);
    const fetch = spawn.calls.find((c) => c.args.includes('fetch'));
    expect(Object.values(fetch?.env ?? {})).toContain(`AUTHORIZATION: basic ${basic}`);
    expect(log.masks).toEqual(expect.arrayContaining([TOKEN, basic, 'test']));
    expect(github.requests.filter((r) => r.status === 401)).toEqual([]);
  });

  test('without the token the fetch fails with a message naming the origin', async () => {
    const gh = githubRepo();
    commit(gh.work, { 'a.txt': 'one' });
    git(gh.work, ['push', '-q', 'origin', 'main']);
    const checkout = await shallowCheckout(gh.url);
    const cc = await codecommitRepo();
    const { promise } = await run(checkout, cc.name, {});
    const error = await rejection(promise);
    expect(error.message).toContain(`cannot fetch the branches and tags of ${gh.url}`);
    expect(error.message).toContain('no github-token was given');
    expect(refsOf(cc.dir).size).toBe(0);
  });
});

describeGit('incremental mirrors', () => {
  let source: string;
  let cc: { name: string; dir: string };

  beforeAll(async () => {
    source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    git(source, ['branch', 'keep']);
    git(source, ['tag', 'v1']);
    cc = await codecommitRepo();
    await (
      await run(source, cc.name)
    ).promise;
  });

  test('one new commit: one update in one push of one ref, the rest unchanged', async () => {
    const next = commit(source, { 'a.txt': '2' });
    const { promise, spawn } = await run(source, cc.name);
    const result = await promise;
    expect(result.plan.entries.map((e) => `${e.action} ${e.name}`)).toEqual([
      'unchanged refs/heads/keep',
      'update refs/heads/main',
      'unchanged refs/tags/v1',
    ]);
    expect(pushes(spawn.calls)).toEqual([[`${next}:refs/heads/main`]]);
    // Besides the push, one git process: whether there is an origin. The branches and tags come from the ref files,
    // the fast-forward and LFS checks from the new commit's loose objects.
    expect(spawn.calls.filter((c) => !c.args.includes('push')).map((c) => c.args)).toEqual([
      ['config', '--get', 'remote.origin.url'],
    ]);
    expect(refsOf(cc.dir).get('refs/heads/main')).toBe(next);
    expect(result.pushes).toBe(1);
  });

  test('nothing new: no push at all', async () => {
    const { promise, spawn } = await run(source, cc.name);
    const result = await promise;
    expect(pushes(spawn.calls)).toEqual([]);
    expect(result.plan.entries.every((e) => e.action === 'unchanged')).toBe(true);
  });

  test('with git ls-remote reading CodeCommit (the fallback) the plan is the same', async () => {
    const next = commit(source, { 'a.txt': '3' });
    const { promise, spawn } = await run(source, cc.name, {}, {}, 'git');
    const result = await promise;
    expect(spawn.calls.some((c) => c.args.includes('ls-remote'))).toBe(true);
    expect(result.plan.entries.map((e) => `${e.action} ${e.name}`)).toEqual([
      'unchanged refs/heads/keep',
      'update refs/heads/main',
      'unchanged refs/tags/v1',
    ]);
    expect(refsOf(cc.dir).get('refs/heads/main')).toBe(next);
  });

  test('include / exclude narrow what is mirrored; refs/remotes and HEAD never go', async () => {
    git(source, ['branch', 'wip/a']);
    git(source, ['branch', 'release/1']);
    git(source, ['update-ref', 'refs/remotes/origin/stale', 'HEAD']);
    git(source, ['tag', 'nightly-1']);
    const { promise } = await run(source, cc.name, {
      include: ['release/*', 'wip/*', 'nightly-*'],
      exclude: ['wip/*'],
    });
    const result = await promise;
    expect(result.plan.entries.map((e) => `${e.action} ${e.name}`)).toEqual([
      'create refs/heads/release/1',
      'create refs/tags/nightly-1',
    ]);
    expect([...refsOf(cc.dir).keys()].sort()).toEqual([
      'refs/heads/keep',
      'refs/heads/main',
      'refs/heads/release/1',
      'refs/tags/nightly-1',
      'refs/tags/v1',
    ]);
  });
});

describeGit('prune and rewinds', () => {
  test('prune deletes what the source lost, except protected refs and refs outside include', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    for (const b of ['old', 'release/1', 'feature']) git(source, ['branch', b]);
    git(source, ['tag', 'v0']);
    const cc = await codecommitRepo();
    await (
      await run(source, cc.name)
    ).promise;
    git(cc.dir, ['update-ref', 'refs/heads/codecommit-only', git(source, ['rev-parse', 'HEAD'])]);
    for (const b of ['old', 'release/1', 'feature']) git(source, ['branch', '-D', b]);
    git(source, ['tag', '-d', 'v0']);

    const noPrune = await (await run(source, cc.name)).promise;
    expect(noPrune.plan.kept).toEqual([
      'refs/heads/codecommit-only',
      'refs/heads/feature',
      'refs/heads/old',
      'refs/heads/release/1',
      'refs/tags/v0',
    ]);
    expect(refsOf(cc.dir).size).toBe(6);

    const { promise } = await run(source, cc.name, {
      prune: true,
      protect: ['release/*', 'codecommit-only'],
      exclude: ['feature'],
    });
    const result = await promise;
    expect(result.plan.entries.filter((e) => e.action === 'delete').map((e) => e.name)).toEqual([
      'refs/heads/old',
      'refs/tags/v0',
    ]);
    expect(result.plan.protected).toEqual(['refs/heads/codecommit-only', 'refs/heads/release/1']);
    expect([...refsOf(cc.dir).keys()].sort()).toEqual([
      'refs/heads/codecommit-only',
      'refs/heads/feature',
      'refs/heads/main',
      'refs/heads/release/1',
    ]);
  });

  test('a force-push is a rewind: allowed by default, listed with both SHAs', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const old = commit(source, { 'a.txt': '2' });
    git(source, ['tag', 'moving']);
    const cc = await codecommitRepo();
    await (
      await run(source, cc.name)
    ).promise;
    git(source, ['reset', '-q', '--hard', 'HEAD~1']);
    const rewritten = commit(source, { 'a.txt': 'rewritten' });
    git(source, ['tag', '-f', 'moving']);

    const { promise, log } = await run(source, cc.name);
    const result = await promise;
    expect(result.plan.entries.filter((e) => e.action === 'rewind')).toEqual([
      { name: 'refs/heads/main', kind: 'branch', action: 'rewind', old, new: rewritten },
      { name: 'refs/tags/moving', kind: 'tag', action: 'rewind', old, new: rewritten },
    ]);
    expect(log.lines).toContain(`  rewind  refs/heads/main  ${old} → ${rewritten} (not a fast-forward)`);
    expect(refsOf(cc.dir).get('refs/heads/main')).toBe(rewritten);
    expect(refsOf(cc.dir).get('refs/tags/moving')).toBe(rewritten);
  });

  test('past the walk limit git merge-base decides: more new commits than it walks, and a rewind deep in history', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '0' });
    const cc = await codecommitRepo();
    await (
      await run(source, cc.name)
    ).promise;
    const before = git(source, ['rev-parse', 'HEAD']);
    // WALK_LIMIT + 50 new commits, made by one fast-import.
    const count = WALK_LIMIT + 50;
    let stream = '';
    for (let i = 1; i <= count; i++) {
      stream += `commit refs/heads/main\ncommitter T <t@e> ${1700000000 + i} +0000\ndata 2\nc\n`;
      stream += i === 1 ? `from ${before}\n\n` : '\n';
    }
    git(source, ['fast-import', '--quiet'], stream);
    const after = git(source, ['rev-parse', 'main']);

    const ahead = await run(source, cc.name);
    const result = await ahead.promise;
    expect(result.plan.entries).toEqual([
      { name: 'refs/heads/main', kind: 'branch', action: 'update', old: before, new: after },
    ]);
    expect(ahead.spawn.calls.filter((c) => c.args.includes('merge-base'))).toHaveLength(1);

    // The tip replaced (a force-push of an amended commit): the walk back from the new tip passes the limit long
    // before the history ends, so only merge-base can say it is not a fast-forward.
    git(source, ['reset', '-q', '--hard', 'main~1']);
    const rewritten = commit(source, { 'a.txt': 'rewritten' });
    const again = await run(source, cc.name);
    const rewound = await again.promise;
    expect(rewound.plan.entries).toEqual([
      { name: 'refs/heads/main', kind: 'branch', action: 'rewind', old: after, new: rewritten },
    ]);
    expect(again.spawn.calls.filter((c) => c.args.includes('merge-base'))).toHaveLength(1);
    expect(refsOf(cc.dir).get('refs/heads/main')).toBe(rewritten);
  });

  test('an object reader that dies: merge-base decides, the LFS check is skipped with a warning, the mirror goes on', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const cc = await codecommitRepo();
    await (
      await run(source, cc.name)
    ).promise;
    const tip = commit(source, { 'a.txt': '2' });
    // Packed, so the reader needs its git process (loose objects it reads itself).
    git(source, ['repack', '-a', '-d', '-q']);
    git(source, ['prune-packed']);
    const real = recordingSpawner();
    // `git cat-file --batch` replaced by a command git does not know: the process ends at once.
    const spawn = ((command: string, args: readonly string[], options: never) =>
      real(command, args.includes('--batch') ? ['cat-file', '--no-such-option'] : args, options)) as typeof real;
    const log = recordingLog();
    const result = await mirror(settings(source, { repository: cc.name }), {
      codecommit: world.client,
      env: world.env(),
      self: SELF,
      log,
      spawn,
    });
    expect(result.plan.entries).toEqual([expect.objectContaining({ action: 'update', new: tip })]);
    expect(real.calls.filter((c) => c.args.includes('merge-base'))).toHaveLength(1);
    expect(log.warnings).toEqual([
      expect.stringMatching(/^could not look for Git LFS pointers: git cat-file --batch ended/),
    ]);
    expect(refsOf(cc.dir).get('refs/heads/main')).toBe(tip);
  });

  test('the repository record is read while an incremental push runs; if it cannot be, the pushed mirror warns', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const cc = await codecommitRepo();
    await (
      await run(source, cc.name)
    ).promise;
    const tip = commit(source, { 'a.txt': '2' });
    const log = recordingLog();
    const order: string[] = [];
    const denied = Object.assign(new Error('User is not authorized to perform: codecommit:GetRepository'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 400 },
    });
    const codecommit = {
      send: async (command: unknown) => {
        order.push(command instanceof GetRepositoryCommand ? 'GetRepository' : 'other');
        if (command instanceof GetRepositoryCommand) throw denied;
        return world.client.send(command as CreateRepositoryCommand);
      },
    };
    const spawn = recordingSpawner((args) => void (args.includes('push') && order.push('push ended')));
    const result = await mirror(settings(source, { repository: cc.name }), {
      codecommit: codecommit as never,
      env: world.env(),
      self: SELF,
      log,
      spawn,
    });
    expect(order).toEqual(['GetRepository', 'push ended']);
    expect(refsOf(cc.dir).get('refs/heads/main')).toBe(tip);
    expect(result).toMatchObject({ defaultBranch: 'main', headSha: tip });
    expect(log.warnings).toEqual([
      expect.stringMatching(/^could not read the default branch of CodeCommit repository repo-\d+: .*GetRepository/),
    ]);
  });

  test('on-rewind: fail refuses the mirror and pushes nothing', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const old = commit(source, { 'a.txt': '2' });
    const cc = await codecommitRepo();
    await (
      await run(source, cc.name)
    ).promise;
    git(source, ['reset', '-q', '--hard', 'HEAD~1']);
    const rewritten = commit(source, { 'a.txt': 'rewritten' });
    git(source, ['branch', 'new-branch']);

    const { promise, spawn } = await run(source, cc.name, { onRewind: 'fail' });
    const error = await rejection(promise);
    expect(error).toBeInstanceOf(MirrorError);
    expect(error.message).toBe(
      `on-rewind is fail and 1 ref is not a fast-forward of CodeCommit's: refs/heads/main (${old} → ${rewritten}); ` +
        'nothing was pushed',
    );
    expect(error.result.notAttempted.map((e) => e.name)).toEqual(['refs/heads/main', 'refs/heads/new-branch']);
    expect(pushes(spawn.calls)).toEqual([]);
    expect([...refsOf(cc.dir)]).toEqual([['refs/heads/main', old]]);
  });
});

describeGit('hostile ref names', () => {
  test('names that look like shell or options are mirrored as names and run nothing', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    const sha = commit(source, { 'a.txt': '1' });
    const names = [
      'refs/heads/$(touch${IFS}pwned-subshell)',
      'refs/heads/`touch${IFS}pwned-backtick`',
      'refs/heads/--upload-pack=touch${IFS}pwned-option',
      'refs/heads/-x',
      'refs/tags/;touch${IFS}pwned-semicolon;',
      'refs/tags/--receive-pack=touch',
      'refs/heads/a|touch${IFS}pwned-pipe',
    ];
    git(source, ['update-ref', '--stdin'], names.map((n) => `create ${n} ${sha}\n`).join(''));
    const cc = await codecommitRepo();
    const { promise, spawn } = await run(source, cc.name);
    const result = await promise;
    const remote = refsOf(cc.dir);
    for (const name of names) expect(remote.get(name)).toBe(sha);
    expect(result.pushed).toHaveLength(names.length + 1);
    for (const dir of [source, world.dir, process.cwd(), cc.dir]) {
      expect(readdirSync(dir).filter((f) => f.startsWith('pwned'))).toEqual([]);
    }
    // The names reached git on stdin (update-ref) or inside one argument after `--` and the URL, never as options.
    for (const call of spawn.calls) {
      const dash = call.args.indexOf('--');
      call.args.forEach((arg, i) => {
        if (names.some((n) => arg.includes(n.slice(n.lastIndexOf('/') + 1))))
          expect(dash >= 0 && i > dash + 1).toBe(true);
      });
    }
    expect(pushes(spawn.calls).flat().sort()).toEqual([...names, 'refs/heads/main'].map((n) => `${sha}:${n}`).sort());
    expect(existsSync(path.join(source, 'touch'))).toBe(false);
  });
});

describeGit('Git LFS', () => {
  test('LFS pointers are counted and reported; CodeCommit gets the pointer files', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    const pointer = (size: number) =>
      `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize ${size}\n`;
    commit(source, {
      '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n',
      'assets/one.bin': pointer(1048576),
      'assets/two.bin': pointer(2048),
      'README.md': 'version https://git-lfs.github.com/spec/v1 is mentioned here, but this is no pointer\n',
    });
    const cc = await codecommitRepo();
    const { promise, log } = await run(source, cc.name);
    const result = await promise;
    expect(result.lfs).toEqual([
      {
        refs: ['refs/heads/main'],
        commit: git(source, ['rev-parse', 'HEAD']),
        patterns: ['*.bin'],
        pointers: 2,
        bytes: 1048576 + 2048,
        examples: ['assets/one.bin', 'assets/two.bin'],
      },
    ]);
    expect(log.warnings).toEqual([
      'Git LFS: refs/heads/main routes *.bin through Git LFS; CodeCommit gets the 2 pointer files, not the 1.0 MiB ' +
        'of LFS objects they stand for (it has no LFS storage)',
    ]);
    expect(git(cc.dir, ['cat-file', '-p', 'main:assets/two.bin'])).toBe(pointer(2048).trim());
  });
});

describe('the order of the first requests', () => {
  test("CodeCommit's refs are asked for (the request sent) before the first git process starts", async () => {
    // A Git endpoint in a process of its own, which notes each request it receives in a file.
    const marker = path.join(world.dir, `asked-${++counter}`);
    const server = spawn(
      process.execPath,
      [
        '-e',
        "const fs = require('fs'); require('http').createServer((req, res) => { fs.writeFileSync(process.argv[1], " +
          "req.url); res.writeHead(404); res.end(); }).listen(0, '127.0.0.1', function () { " +
          'console.log(this.address().port); });',
        marker,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const [line] = (await once(server.stdout, 'data')) as [Buffer];
      const source = newRepo(world.dir, `local-${++counter}`);
      commit(source, { 'a.txt': '1' });
      // The first git process waits (blocking this thread) until the endpoint has the request, which it only gets
      // if it was sent before; given up after 10 s.
      let askedFirst: boolean | undefined;
      const real = recordingSpawner();
      const spawner = ((command: string, args: readonly string[], options: never) => {
        if (askedFirst === undefined) {
          const sleeper = new Int32Array(new SharedArrayBuffer(4));
          for (let i = 0; i < 400 && !existsSync(marker); i++) Atomics.wait(sleeper, 0, 0, 25);
          askedFirst = existsSync(marker);
        }
        return real(command, args, options);
      }) as typeof real;
      // Called from an I/O callback (the poll phase), as after any earlier git or request.
      await promisify(stat)(source);
      const codecommit = { send: async () => Promise.reject(new Error('no repository record here')) };
      await rejection(
        mirror(settings(source, { repository: 'app' }), {
          codecommit: codecommit as never,
          env: world.env({ CODE_COMMIT_ENDPOINT: `http://127.0.0.1:${line.toString().trim()}` }),
          self: SELF,
          log: recordingLog(),
          spawn: spawner,
        }),
      );
      expect(real.calls.length).toBeGreaterThan(0);
      expect(askedFirst).toBe(true);
    } finally {
      server.kill();
    }
  });
});

describeGit('credentials and repositories', () => {
  test.each(['auto', 'git'] as const)(
    'a wrong secret (%s): CodeCommit refuses the git password (403) and the message says what to check',
    async (discovery) => {
      const source = newRepo(world.dir, `local-${++counter}`);
      commit(source, { 'a.txt': '1' });
      const cc = await codecommitRepo();
      const { promise } = await run(source, cc.name, {}, { AWS_SECRET_ACCESS_KEY: 'not-the-secret' }, discovery);
      const error = await rejection(promise);
      expect(error.message).toMatch(
        new RegExp(
          `^CodeCommit repository "${cc.name}" in us-east-1 \\(http://127\\.0\\.0\\.1:\\d+\\) refused the git credentials \\(HTTP 403\\)`,
        ),
      );
      expect(error.message).toContain(
        'check that the AWS credentials from the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) are valid ' +
          'and allow codecommit:GitPull and codecommit:GitPush',
      );
      expect(world.server.requests.some((r) => r.path.includes(cc.name) && r.status === 403)).toBe(true);
    },
  );

  test('refused by git and the repository record unreadable too: the git refusal is what the user reads', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const cc = await codecommitRepo();
    const codecommit = {
      send: async () => {
        throw Object.assign(new Error('The security token included in the request is invalid.'), {
          name: 'UnrecognizedClientException',
          $metadata: { httpStatusCode: 400 },
        });
      },
    };
    const error = await rejection(
      mirror(settings(source, { repository: cc.name }), {
        codecommit: codecommit as never,
        env: world.env({ AWS_SECRET_ACCESS_KEY: 'not-the-secret' }),
        self: SELF,
        log: recordingLog(),
      }),
    );
    expect(error.message).toContain('refused the git credentials (HTTP 403)');
    // The record's refusal says why: AWS rejected the credentials themselves (not a missing git permission).
    expect(error.message).toContain(
      'refused the git credentials (HTTP 403): AWS rejected the credentials: AWS does not know the access key ID',
    );
  });

  test('git that cannot even be started for ls-remote: a clean rejection, nothing left unhandled', async () => {
    // In a process of its own: an unhandled rejection ends it with a stack, which jest would not show.
    const script = path.resolve('test/fixtures/mirror/ls-remote-cannot-start.ts');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', TSX, script], {
      encoding: 'utf8',
    });
    expect({ stdout, stderr }).toEqual({ stdout: 'rejected: spawn git ENOENT\n', stderr: '' });
  });

  test('a password outside the 15 minutes is refused the same way', async () => {
    const { startCodeCommitGitServer } = await import('../harness/git-server.js');
    const late = await startCodeCommitGitServer(world.emulator, { now: () => Date.now() + 16 * 60 * 1000 });
    try {
      const source = newRepo(world.dir, `local-${++counter}`);
      commit(source, { 'a.txt': '1' });
      const cc = await codecommitRepo();
      const { promise } = await run(source, cc.name, {}, { CODE_COMMIT_ENDPOINT: late.url });
      const error = await rejection(promise);
      expect(error.message).toContain('refused the git credentials (HTTP 403)');
      expect(late.requests.filter((r) => r.status === 403)).not.toHaveLength(0);
    } finally {
      await late.close();
    }
  });

  test('a session token travels in the user name', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const cc = await codecommitRepo();
    const { promise, log } = await run(source, cc.name, {}, { AWS_SESSION_TOKEN: 'session-token-123' });
    await promise;
    const authed = world.server.requests.filter((r) => r.path.includes(`/${cc.name}/`) && r.status === 200);
    expect(authed.length).toBeGreaterThan(0);
    expect(authed.every((r) => r.accessKeyId === 'test' && r.sessionToken === 'session-token-123')).toBe(true);
    expect(log.masks).toContain('session-token-123');
  });

  test('a missing repository without create-repository names the repository and the region', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const { promise } = await run(source, 'nowhere');
    await expect(promise).rejects.toThrow(
      'CodeCommit repository "nowhere" does not exist in us-east-1; create it, check the region, or set ' +
        'create-repository: true (--create-repository) to have it created',
    );
  });

  test('create-repository creates it (with its description) and mirrors, the default branch first', async () => {
    const source = newRepo(world.dir, `local-${++counter}`, 'trunk');
    const head = commit(source, { 'a.txt': '1' });
    git(source, ['branch', 'zzz']);
    const { promise, spawn } = await run(source, 'created-here', {
      createRepository: true,
      description: 'mirrored from GitHub',
    });
    const result: MirrorResult = await promise;
    expect(result.created).toBe(true);
    // CodeCommit makes the first branch pushed the default: the checked-out branch goes alone, first.
    expect(pushes(spawn.calls)).toEqual([[`${head}:refs/heads/trunk`], [`${head}:refs/heads/zzz`]]);
    const meta = await world.client.send(new GetRepositoryCommand({ repositoryName: 'created-here' }));
    expect(meta.repositoryMetadata).toMatchObject({
      repositoryDescription: 'mirrored from GitHub',
      defaultBranch: 'trunk',
    });
    expect(result).toMatchObject({
      defaultBranch: 'trunk',
      headSha: head,
      grcUrl: 'codecommit::us-east-1://created-here',
    });
    expect(result.repositoryUrl).toBe(`${world.server.url}/v1/repos/created-here`);
  });

  test('dry-run prints the plan, creates nothing and pushes nothing', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    const { promise, spawn, log } = await run(source, 'dry-missing', { createRepository: true, dryRun: true });
    const result = await promise;
    expect(result.created).toBe(true);
    expect(result.plan.entries.map((e) => e.action)).toEqual(['create']);
    expect(log.lines).toContain('Dry run: nothing pushed');
    expect(pushes(spawn.calls)).toEqual([]);
    expect(world.emulator.state.codecommit.repositories.has('dry-missing')).toBe(false);
  });
});

describeGit('failures part-way', () => {
  test('a ref CodeCommit rejects is reported; the others are pushed', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    commit(source, { 'a.txt': '1' });
    git(source, ['branch', 'blocked']);
    git(source, ['branch', 'fine']);
    const cc = await codecommitRepo();
    const hook = path.join(cc.dir, 'hooks', 'update');
    writeFileSync(
      hook,
      '#!/bin/sh\n[ "$1" = refs/heads/blocked ] && { echo "blocked by policy" >&2; exit 1; }\nexit 0\n',
    );
    chmodSync(hook, 0o755);
    const error = await rejection((await run(source, cc.name)).promise);
    expect(error.message).toMatch(
      /^CodeCommit rejected 1 ref: refs\/heads\/blocked \(.*hook declined.*\); 2 of 3 ref changes pushed$/,
    );
    expect(error.result.pushed.map((e) => e.name)).toEqual(['refs/heads/main', 'refs/heads/fine']);
    expect(error.result.failed.map((f) => f.entry.name)).toEqual(['refs/heads/blocked']);
    expect([...refsOf(cc.dir).keys()].sort()).toEqual(['refs/heads/fine', 'refs/heads/main']);
  });

  test('a push that dies: what was pushed is reported, the rest listed as not pushed', async () => {
    const source = newRepo(world.dir, `local-${++counter}`);
    const sha = commit(source, { 'a.txt': '1' });
    git(
      source,
      ['update-ref', '--stdin'],
      ['t1', 't2', 't3', 't4'].map((t) => `create refs/tags/${t} ${sha}\n`).join(''),
    );
    const cc = await codecommitRepo();
    // After the first push the key is revoked: the next push is refused (403).
    const log = recordingLog();
    const spawn = recordingSpawner((args) => {
      if (args.includes('push')) world.emulator.credentials.delete('test');
    });
    const promise = mirror(settings(source, { repository: cc.name, batchSize: 2, defaultBranch: 'main' }), {
      codecommit: world.client,
      env: world.env(),
      self: SELF,
      log,
      spawn,
    });
    const error = await rejection(promise).finally(() => world.emulator.credentials.set('test', 'test'));
    expect(error.message).toBe(
      'CodeCommit refused the git credentials (HTTP 403): check codecommit:GitPush and the clock; ' +
        '1 of 5 ref changes pushed, 4 not',
    );
    expect(error.result.pushed.map((e) => e.name)).toEqual(['refs/heads/main']);
    expect(error.result.notAttempted.map((e) => e.name)).toEqual([
      'refs/tags/t1',
      'refs/tags/t2',
      'refs/tags/t3',
      'refs/tags/t4',
    ]);
    expect([...refsOf(cc.dir).keys()]).toEqual(['refs/heads/main']);
  });
});
