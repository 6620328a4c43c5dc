/**
 * Mirror benchmark, against the AWS emulator and its CodeCommit Git endpoint (git http-backend, SigV4 passwords
 * checked) in a process of their own, as CodeCommit is to the action (a server in this process would take turns on
 * its event loop with the mirror measured, and not with the raw push, a process apart). In one run: an incremental mirror of 1 new commit on a 10,000-commit repository (built with git
 * fast-import) against a raw `git push` of the same commit to the same server, as a ratio (goal ≤ 1.2).
 *
 * Both authenticate through the same credential helper: the mirror action's bundle (dist/mirror/index.js when present,
 * else a fresh ncc bundle) in its `git-credential` mode. The mirror is measured in-process (what the action and the
 * CLI run after their start: GetRepository, ls-remote, plan, push, GetRepository) and as the action's whole process
 * (cold start included). Rounds alternate the order; two ratios are printed:
 * the best mirror against the best push, and the median of each round's mirror / push pair (timed back to back, so
 * load that comes and goes weighs on both alike).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodeCommitClient, CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { createCodeCommitClient } from '../src/aws/codecommit.js';
import { silentReporter } from '../src/core/reporter.js';
import { credentialHelper } from '../src/mirror/git.js';
import { mirror, type MirrorLog } from '../src/mirror/mirror.js';
import { startEmulatorProcess, type EmulatorProcess } from '../test/harness/aws/process.js';
import { settings } from '../test/mirror/support.js';

const root = new URL('..', import.meta.url).pathname;
const COMMITS = 10_000;
const ROUNDS = 25;
const silent: MirrorLog = silentReporter;

function bundle(): { file: string; source: string; cleanup(): void } {
  const dist = path.join(root, 'dist/mirror/index.js');
  if (existsSync(dist)) return { file: dist, source: 'dist/mirror', cleanup: () => undefined };
  const out = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-mirror-'));
  const ncc = path.join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const args = ['build', 'src/actions/mirror/index.ts', '-o', out, '--minify', '--no-source-map-register', '-q'];
  const result = spawnSync(process.execPath, [ncc, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('ncc failed');
  return {
    file: path.join(out, 'index.js'),
    source: 'fresh ncc bundle',
    cleanup: () => rmSync(out, { recursive: true }),
  };
}

const IDENTITY = 'Bench <bench@example.com> 1700000000 +0000';

/** A repository whose main has `count` commits, each changing one of 100 files, built by one fast-import. */
function bigRepository(dir: string, count: number): void {
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const parts: string[] = [];
  for (let i = 1; i <= count; i++) {
    const text = `line ${i}\n`.repeat(20);
    parts.push(
      `commit refs/heads/main\ncommitter ${IDENTITY}\ndata <<EOM\ncommit ${i}\nEOM\n` +
        `M 100644 inline src/file-${i % 100}.txt\ndata ${Buffer.byteLength(text)}\n${text}\n`,
    );
  }
  execFileSync('git', ['-C', dir, 'fast-import', '--quiet'], { input: parts.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['-C', dir, 'reset', '-q', '--hard', 'main']);
}

/** One more commit on main (a real change), without the work tree. */
function newCommit(dir: string, n: number): string {
  const git = (args: string[], input?: string) =>
    execFileSync('git', ['-C', dir, ...args], {
      input,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'B',
        GIT_AUTHOR_EMAIL: 'b@e',
        GIT_COMMITTER_NAME: 'B',
        GIT_COMMITTER_EMAIL: 'b@e',
      },
    }).trim();
  const blob = git(['hash-object', '-w', '--stdin'], `round ${n}\n`);
  git(['update-index', '--add', '--cacheinfo', `100644,${blob},src/round.txt`]);
  const tree = git(['write-tree']);
  const sha = git(['commit-tree', tree, '-p', 'main', '-m', `round ${n}`]);
  git(['update-ref', 'refs/heads/main', sha]);
  return sha;
}

function timed(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; command?: string }): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(options.command ?? 'git', args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${args.join(' ')}: exit ${code}: ${stderr}`)),
    );
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * The figures, measured in a process of its own: the in-process mirror is timed against a raw push that is a process
 * apart, so what earlier benches leave in the bench's process (its heap, its collections, its handles) would weigh on
 * the mirror's side alone — in a full run it added about 0.05 to the ratio. The action runs a mirror in a fresh
 * process too.
 */
export async function benchMirror(): Promise<Record<string, number | string>> {
  const child = path.join(root, 'bench/support/mirror-child.ts');
  const result = spawnSync(process.execPath, [...process.execArgv, child], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 << 20,
  });
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  if (result.status !== 0 || !last.startsWith('{')) throw new Error(`the mirror bench failed (exit ${result.status})`);
  return JSON.parse(last) as Record<string, number | string>;
}

/** The mirror's figures, in this process (bench/support/mirror-child.ts runs it in a fresh one). */
export async function measureMirror(): Promise<Record<string, number | string>> {
  const built = bundle();
  let emulator: EmulatorProcess | undefined;
  let client: CodeCommitClient | undefined;
  const work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-mirror-repo-'));
  try {
    emulator = await startEmulatorProcess(['--git-port', '0']);
    const gitConfig = path.join(work, 'gitconfig');
    writeFileSync(gitConfig, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: work,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: gitConfig,
      AWS_ENDPOINT_URL: emulator.url,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_EC2_METADATA_DISABLED: 'true',
      CODE_COMMIT_ENDPOINT: emulator.gitUrl,
    };
    client = createCodeCommitClient({ env, region: 'us-east-1' });
    const source = path.join(work, 'source');
    bigRepository(source, COMMITS);
    for (const name of ['bench-mirror', 'bench-raw', 'bench-action']) {
      await client.send(new CreateRepositoryCommand({ repositoryName: name }));
    }
    const self = [process.execPath, built.file];
    const url = (name: string) => `${emulator?.gitUrl}/v1/repos/${name}`;
    const helper = ['-c', 'credential.helper=', '-c', `credential.helper=${credentialHelper(self, 'us-east-1')}`];
    const rawPush = () =>
      timed([...helper, '-c', 'credential.useHttpPath=true', 'push', '-q', url('bench-raw'), 'main'], {
        cwd: source,
        env,
      });
    const mirrored = async (name: string) => {
      const started = performance.now();
      await mirror(settings(source, { repository: name }), { codecommit: client!, env, self, log: silent });
      return performance.now() - started;
    };
    const actionDir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-action-'));
    const actionEnv: NodeJS.ProcessEnv = {
      ...env,
      GITHUB_WORKSPACE: source,
      GITHUB_OUTPUT: path.join(actionDir, 'output'),
      GITHUB_STEP_SUMMARY: path.join(actionDir, 'summary'),
      INPUT_REPOSITORY: 'bench-action',
    };
    writeFileSync(path.join(actionDir, 'output'), '');
    writeFileSync(path.join(actionDir, 'summary'), '');
    const actionProcess = () => timed([built.file], { cwd: source, env: actionEnv, command: process.execPath });

    // The initial full mirror / push (10,000 commits), not measured as incremental.
    const initial = { mirror: await mirrored('bench-mirror'), raw: await rawPush(), action: await actionProcess() };

    const times = { mirror: [] as number[], raw: [] as number[], action: [] as number[] };
    for (let round = 1; round <= ROUNDS; round++) {
      newCommit(source, round);
      const order = round % 2 === 0 ? (['raw', 'mirror', 'action'] as const) : (['mirror', 'action', 'raw'] as const);
      for (const which of order) {
        if (which === 'raw') times.raw.push(await rawPush());
        else if (which === 'mirror') times.mirror.push(await mirrored('bench-mirror'));
        else times.action.push(await actionProcess());
      }
    }
    for (const name of ['bench-mirror', 'bench-raw', 'bench-action']) {
      const listed = execFileSync('git', [...helper, '-c', 'credential.useHttpPath=true', 'ls-remote', url(name)], {
        env,
        encoding: 'utf8',
      });
      const head = /^([0-9a-f]+)\trefs\/heads\/main$/m.exec(listed)?.[1];
      const expected = execFileSync('git', ['-C', source, 'rev-parse', 'main'], { encoding: 'utf8' }).trim();
      if (head !== expected) throw new Error(`${name} is at ${head}, not ${expected}`);
    }
    rmSync(actionDir, { recursive: true, force: true });
    const best = (values: readonly number[]) => Math.min(...values);
    return {
      'helper bundle': built.source,
      'repository commits': COMMITS,
      rounds: ROUNDS,
      'initial full mirror ms': initial.mirror,
      'initial raw git push ms': initial.raw,
      'incremental mirror ms (best / median)': `${best(times.mirror).toFixed(0)} / ${median(times.mirror).toFixed(0)}`,
      'raw git push, same commit ms (best / median)': `${best(times.raw).toFixed(0)} / ${median(times.raw).toFixed(0)}`,
      'ratio mirror / raw push, best of each': best(times.mirror) / best(times.raw),
      // Each round times both back to back: the median of those pairs is the least sensitive to load that drifts.
      'ratio mirror / raw push, median of rounds (goal ≤ 1.2)': median(
        times.mirror.map((m, i) => m / (times.raw[i] as number)),
      ),
      'action process ms (best / median)': `${best(times.action).toFixed(0)} / ${median(times.action).toFixed(0)}`,
      'ratio action process (cold start) / raw push': best(times.action) / best(times.raw),
    };
  } finally {
    client?.destroy();
    await emulator?.stop();
    rmSync(work, { recursive: true, force: true });
    built.cleanup();
  }
}
