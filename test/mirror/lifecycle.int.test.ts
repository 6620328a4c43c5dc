/**
 * A mirror that ends before its push does leaves nothing behind: git (with its remote helper and our credential
 * helper) ends with the mirror, whether it is stopped (SIGINT/SIGTERM: the CLI's signal) or killed outright
 * (SIGKILL: the watchdog notices the lifeline close), and the staging folder a killed mirror could not remove is
 * removed by the next one, never one of a mirror still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { CreateRepositoryCommand } from '@aws-sdk/client-codecommit';
import { PassThrough } from 'node:stream';
import { mirrorCommandWith } from '../../src/cli/commands/mirror.js';
import { mirror } from '../../src/mirror/mirror.js';
import { createGit, GitCancelled, WATCHDOG } from '../../src/mirror/git.js';
import { createStagingDir, processExists, removeStaleStagingDirs } from '../../src/mirror/staging.js';
import { httpBackendAvailable } from '../harness/git-server.js';
import { commit, git, newRepo, recordingLog, SELF, settings, startWorld, TSX, type MirrorWorld } from './support.js';

const linux = process.platform === 'linux';
const describeLinux = linux ? describe : describe.skip;
if (!linux) console.warn('mirror lifecycle process tests skipped: they read process groups from /proc (Linux only)');
const describeGit = linux && httpBackendAvailable() ? describe : describe.skip;

/** The pids of the processes in a process group, from /proc. */
function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // state, ppid, pgrp: a zombie has ended already.
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') members.push(Number(name));
    } catch {
      // Gone meanwhile.
    }
  }
  return members;
}

function pgidOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

async function until<T>(what: string, check: () => T | undefined, tries = 600): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The first pid in a file of pids, once there is one. */
function firstPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return pid > 0 ? pid : undefined;
}

describeLinux('the watchdog', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-watchdog-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a tied run passes stdin, stdout, stderr and the exit status through', async () => {
    const runner = createGit({ cwd: dir, env: { PATH: process.env.PATH }, command: 'sh' });
    const echoed = await runner.run(['-c', 'cat; echo "err" >&2; exit 3'], { input: 'in\n', okCodes: [3], tied: true });
    expect(echoed).toEqual({ code: 3, stdout: 'in\n', stderr: 'err\n' });
    expect(WATCHDOG).not.toContain('\r');
    // Killed by a signal: 128 + its number, as a shell reports it.
    const killed = await runner.run(['-c', 'kill -TERM $$'], { okCodes: [143], tied: true });
    expect(killed.code).toBe(143);
  });

  test("git runs in the watchdog shell's place (the group leader this process waits for); when it ends, nothing of its group is left", async () => {
    const spawned: number[] = [];
    const runner = createGit({
      cwd: dir,
      env: { PATH: process.env.PATH },
      command: 'sh',
      spawn: (command, args, options) => {
        const child = spawn(command, [...args], options);
        spawned.push(child.pid as number);
        return child;
      },
    });
    // "git" starts a grandchild that outlives it.
    const { stdout } = await runner.run(['-c', 'sleep 1000 >/dev/null 2>&1 & echo "$$ $!"'], { tied: true });
    const [self, grandchild] = stdout.trim().split(' ').map(Number) as [number, number];
    try {
      expect(self).toBe(spawned[0]);
      await until('the group to end', () => (groupMembers(self).length === 0 ? true : undefined));
      expect(processExists(grandchild)).toBe(false);
    } finally {
      if (processExists(grandchild)) process.kill(grandchild, 'SIGKILL');
    }
  });

  test('a process whose parent is killed with SIGKILL: its tied children end too, grandchildren included', async () => {
    const pids = path.join(dir, 'pids');
    // A Node process that starts a tied "git" (sh starting a grandchild, both waiting), then hangs.
    const script = [
      `import { createGit } from ${JSON.stringify(path.resolve('src/mirror/git.ts'))};`,
      `const runner = createGit({ cwd: ${JSON.stringify(dir)}, env: process.env, command: 'sh' });`,
      `void runner.run(['-c', 'sleep 1000 & echo $! >> "$PIDS"; echo $$ >> "$PIDS"; wait'], { tied: true });`,
      'setInterval(() => undefined, 1000);',
    ].join('\n');
    const file = path.join(dir, 'parent.ts');
    writeFileSync(file, script);
    const parent = spawn(process.execPath, ['--import', TSX, file], {
      env: { ...process.env, PIDS: pids },
      stdio: 'ignore',
    });
    try {
      const grandchild = await until('the tied process tree', () => firstPid(pids));
      await until('both pids', () => (readFileSync(pids, 'utf8').trim().split('\n').length >= 2 ? true : undefined));
      const pgid = pgidOf(grandchild);
      expect(pgid).not.toBe(pgidOf(process.pid));
      const members = groupMembers(pgid);
      expect(members.length).toBeGreaterThanOrEqual(3); // the watchdog's reader, "git", the grandchild
      parent.kill('SIGKILL');
      await until('the group to end', () => (groupMembers(pgid).length === 0 ? true : undefined));
      expect(processExists(grandchild)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  test('aborting the signal ends a running tied git (its whole group) and fails the run as cancelled', async () => {
    const pids = path.join(dir, 'abort-pids');
    const controller = new AbortController();
    const runner = createGit({
      cwd: dir,
      env: { PATH: process.env.PATH, PIDS: pids },
      command: 'sh',
      signal: controller.signal,
    });
    const running = runner.run(['-c', 'sleep 1000 & echo $! >> "$PIDS"; wait'], { tied: true });
    const grandchild = await until('the tied process', () => firstPid(pids));
    const pgid = pgidOf(grandchild);
    controller.abort('SIGINT');
    await expect(running).rejects.toBeInstanceOf(GitCancelled);
    await until('the group to end', () => (groupMembers(pgid).length === 0 ? true : undefined));
    await expect(runner.run(['-c', 'true'])).rejects.toThrow('cancelled: git -c true was stopped');
  });
});

describeLinux('stale staging folders', () => {
  let parent: string;
  let sleeper: ChildProcess;
  beforeAll(() => {
    parent = mkdtempSync(path.join(tmpdir(), 'aws-cicd-staging-'));
    sleeper = spawn('sleep', ['1000'], { stdio: 'ignore' });
  });
  afterAll(() => {
    sleeper.kill('SIGKILL');
    rmSync(parent, { recursive: true, force: true });
  });

  test('only ours, only stale: a dead owner on this host; never a live one, another host, no owner file, or others', async () => {
    const dead = spawn('true');
    await new Promise((resolve) => dead.on('close', resolve));
    const deadPid = dead.pid as number;
    const live = sleeper.pid as number;
    const made = (pid: number, owner?: string) => {
      const dir = mkdtempSync(path.join(parent, `aws-cicd-push-${pid}-`));
      writeFileSync(path.join(dir, 'objects'), 'x'.repeat(1000));
      if (owner !== undefined) writeFileSync(path.join(dir, 'aws-cicd-owner'), owner);
      return path.basename(dir);
    };
    const stale = made(deadPid, `${hostname()}\n${deadPid}\n`);
    const running = made(live, `${hostname()}\n${live}\n`);
    const elsewhere = made(deadPid, `another-host\n${deadPid}\n`);
    const unowned = made(deadPid);
    const mismatched = made(deadPid, `${hostname()}\n${live}\n`);
    const own = path.basename(createStagingDir(parent));
    mkdirSync(path.join(parent, 'aws-cicd-push-old'));
    mkdirSync(path.join(parent, 'someone-else'));
    symlinkSync(path.join(parent, stale), path.join(parent, `aws-cicd-push-${deadPid}-link01`));
    expect(readFileSync(path.join(parent, own, 'aws-cicd-owner'), 'utf8')).toBe(`${hostname()}\n${process.pid}\n`);

    expect(removeStaleStagingDirs(parent)).toEqual([stale]);
    expect(readdirSync(parent).sort()).toEqual(
      [
        running,
        elsewhere,
        unowned,
        mismatched,
        own,
        'aws-cicd-push-old',
        'someone-else',
        `aws-cicd-push-${deadPid}-link01`,
      ].sort(),
    );
  });
});

describeGit('a mirror killed mid-push, then run again', () => {
  let world: MirrorWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => world?.close());

  test('SIGKILL: git and the helpers end with it; the next mirror removes its staging folder and pushes', async () => {
    const source = newRepo(world.dir, 'killed-source');
    const sha = commit(source, { 'a.txt': '1' });
    // Enough refs for a staging repository (push.ts useStaging).
    git(
      source,
      ['update-ref', '--stdin'],
      Array.from({ length: 300 }, (_, i) => `create refs/tags/t${i} ${sha}\n`).join(''),
    );
    const repository = 'killed-mid-push';
    await world.client.send(new CreateRepositoryCommand({ repositoryName: repository }));
    // CodeCommit has the branch already, so the first push is the tags' (from a staging repository).
    git(source, ['push', '-q', world.emulator.state.codecommit.path(repository), 'main']);
    const tmp = mkdtempSync(path.join(world.dir, 'tmp-'));
    const pids = path.join(world.dir, 'helper-pids');
    const child = spawn(process.execPath, ['--import', TSX, path.resolve('test/fixtures/mirror/killed-mid-push.ts')], {
      env: {
        ...world.env(),
        TMPDIR: tmp,
        HELPER_PIDS: pids,
        MIRROR_SOURCE: source,
        MIRROR_REPOSITORY: repository,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const helper = await until('git push to ask the credential helper', () => firstPid(pids));
      const pgid = pgidOf(helper);
      const members = groupMembers(pgid);
      expect(members.map(commandOf).join('\n')).toMatch(/git .*push/);
      const staging = readdirSync(tmp).filter((n) => n.startsWith(`aws-cicd-push-${child.pid}-`));
      expect(staging).toHaveLength(1);

      child.kill('SIGKILL');
      await until('git push and its helpers to end', () => (groupMembers(pgid).length === 0 ? true : undefined));
      expect(members.filter(processExists)).toEqual([]);
      const pushFolders = () => readdirSync(tmp).filter((n) => n.startsWith('aws-cicd-push-'));
      expect(pushFolders()).toEqual(staging); // a killed process removes nothing

      // The next mirror (in this process, same temp dir) removes the dead one's folder, then pushes.
      const result = await mirror(settings(source, { repository, defaultBranch: 'main' }), {
        codecommit: world.client,
        env: world.env(),
        self: SELF,
        log: recordingLog(),
        tmpDir: tmp,
      });
      expect(result.pushed).toHaveLength(300);
      expect(pushFolders()).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
    expect(output).toBe('');
  });
  test('SIGINT in the CLI (its signal): git and the helpers end at once, the staging folder is removed', async () => {
    const source = newRepo(world.dir, 'stopped-source');
    const sha = commit(source, { 'a.txt': '1' });
    git(
      source,
      ['update-ref', '--stdin'],
      Array.from({ length: 300 }, (_, i) => `create refs/tags/t${i} ${sha}\n`).join(''),
    );
    const repository = 'stopped-mid-push';
    await world.client.send(new CreateRepositoryCommand({ repositoryName: repository }));
    git(source, ['push', '-q', world.emulator.state.codecommit.path(repository), 'main']);
    const pids = path.join(world.dir, 'stopped-pids');
    const controller = new AbortController();
    const command = mirrorCommandWith({
      self: ['sh', '-c', 'echo $$ >> "$HELPER_PIDS"; exec sleep 1000', 'helper'],
      codecommit: world.client,
    });
    const out = new PassThrough();
    out.resume();
    const ours = () => readdirSync(tmpdir()).filter((n) => n.startsWith(`aws-cicd-push-${process.pid}-`));
    const running = command.run(['--repository', repository], {
      stdout: out,
      stderr: out,
      env: world.env({ HELPER_PIDS: pids }),
      cwd: source,
      signal: controller.signal,
    });
    const helper = await until('git push to ask the credential helper', () => firstPid(pids));
    const pgid = pgidOf(helper);
    expect(ours()).toHaveLength(1);
    controller.abort('SIGINT');
    await expect(running).rejects.toThrow(/^cancelled: git .*push/);
    await until('git push and its helpers to end', () => (groupMembers(pgid).length === 0 ? true : undefined));
    expect(ours()).toEqual([]);
  });
});
