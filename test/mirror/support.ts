/**
 * The mirror's integration setup: the AWS emulator (CodeCommit's control plane and its bare repositories), our
 * CodeCommit Git server in front of them, a GitHub stand-in, real git, and the credential helper run the way the
 * action runs it (its entry point under tsx).
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeCommitClient } from '@aws-sdk/client-codecommit';
import { createCodeCommitClient } from '../../src/aws/codecommit.js';
import type { GitSpawner } from '../../src/mirror/git.js';
import type { MirrorLog, MirrorSettings } from '../../src/mirror/mirror.js';
import { startCodeCommitGitServer, type GitServer } from '../harness/git-server.js';
import { startEmulator, type Emulator } from '../harness/aws/server.js';
import { actionEntry, TSX } from '../support/action-process.js';

export { TSX };
/** The action's entry: `index.ts git-credential …` is the credential helper. */
export const ACTION_ENTRY = actionEntry('mirror');
export const SELF: readonly string[] = [process.execPath, '--import', TSX, ACTION_ENTRY];

export const IDENTITY = {
  GIT_AUTHOR_NAME: 'Mirror Test',
  GIT_AUTHOR_EMAIL: 'mirror@example.com',
  GIT_COMMITTER_NAME: 'Mirror Test',
  GIT_COMMITTER_EMAIL: 'mirror@example.com',
};

export interface MirrorWorld {
  readonly emulator: Emulator;
  readonly server: GitServer;
  readonly client: CodeCommitClient;
  /** Temporary folder removed by close(). */
  readonly dir: string;
  /** The environment of the mirror (and of git and the credential helper). */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startWorld(): Promise<MirrorWorld> {
  const emulator = await startEmulator();
  const server = await startCodeCommitGitServer(emulator);
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-mirror-'));
  const globalConfig = path.join(dir, 'gitconfig');
  writeFileSync(globalConfig, '');
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: globalConfig,
    AWS_ENDPOINT_URL: emulator.url,
    AWS_REGION: emulator.region,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_EC2_METADATA_DISABLED: 'true',
    CODE_COMMIT_ENDPOINT: server.url,
    ...extra,
  });
  const client = createCodeCommitClient({ env: env(), region: emulator.region });
  return {
    emulator,
    server,
    client,
    dir,
    env,
    close: async () => {
      client.destroy();
      await server.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs git in `cwd` with a fixed identity; stdout trimmed. */
export function git(cwd: string, args: readonly string[], input?: string): string {
  return execFileSync('git', [...args], {
    cwd,
    input,
    env: { ...process.env, ...IDENTITY, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).trim();
}

/**
 * git that talks to a server of this process (the git servers run in the test's event loop, which a synchronous
 * child would block).
 */
export async function gitAsync(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', [...args], {
    cwd,
    env: {
      ...process.env,
      ...IDENTITY,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_TERMINAL_PROMPT: '0',
    },
    encoding: 'utf8',
  });
  return stdout.trim();
}

/** A new repository in `parent/name` with one commit on `branch`. */
export function newRepo(parent: string, name: string, branch = 'main', bare = false): string {
  const dir = path.join(parent, name);
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q', '-b', branch, ...(bare ? ['--bare'] : [])]);
  return dir;
}

/** Commits files (path → text) on the checked-out branch; returns the commit. */
export function commit(dir: string, files: Record<string, string>, message = 'change'): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message]);
  return git(dir, ['rev-parse', 'HEAD']);
}

/** Refs of a bare repository (name → object). */
export function refsOf(dir: string, prefix = 'refs/'): Map<string, string> {
  const out = git(dir, ['for-each-ref', '--format=%(objectname) %(refname)', prefix]);
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const space = line.indexOf(' ');
        return [line.slice(space + 1), line.slice(0, space)] as [string, string];
      }),
  );
}

/** A log that records everything, masks included; its groups (the mirror's phases) apart. */
export function recordingLog(): MirrorLog & { lines: string[]; masks: string[]; warnings: string[]; groups: string[] } {
  const lines: string[] = [];
  const masks: string[] = [];
  const warnings: string[] = [];
  const groups: string[] = [];
  return {
    lines,
    masks,
    warnings,
    groups,
    info: (m) => void lines.push(m),
    warning: (m) => void warnings.push(m),
    debug: () => undefined,
    mask: (v) => void masks.push(v),
    group: (title) => void groups.push(title),
  };
}

export interface RecordedCall {
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** What was written to the command's stdin. */
  input: string;
}

/** A spawner that records every git argv (with its environment, directory and stdin) and runs it for real. */
export function recordingSpawner(onClose?: (args: readonly string[]) => void): GitSpawner & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const spawner = ((command: string, args: readonly string[], options: Parameters<GitSpawner>[2]) => {
    const call: RecordedCall = {
      args: [...args],
      env: { ...(options.env ?? {}) },
      cwd: String(options.cwd),
      input: '',
    };
    calls.push(call);
    const child = spawn(command, [...args], options);
    const end = child.stdin?.end.bind(child.stdin);
    if (child.stdin && end) {
      child.stdin.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (typeof chunk === 'string') call.input += chunk;
        return (end as (...a: unknown[]) => unknown)(chunk, ...rest);
      }) as typeof child.stdin.end;
    }
    if (onClose) child.on('close', () => onClose(args));
    return child;
  }) as GitSpawner & { calls: RecordedCall[] };
  spawner.calls = calls;
  return spawner;
}

/**
 * What each `git push` sent, as `<sha>:<ref>` (explicit refspecs, or refs written into its staging repository) and
 * `:<ref>` (deletes), in push order.
 */
export function pushes(calls: readonly RecordedCall[]): string[][] {
  return calls
    .filter((c) => c.args.includes('push'))
    .map((push) => {
      const staged = calls
        .filter((c) => c.cwd === push.cwd && c.args.includes('update-ref'))
        .flatMap((c) => c.input.split('\n'))
        .filter((line) => line.startsWith('update '))
        .map((line) => {
          const [, ref, sha] = line.split(' ');
          return `${sha}:${ref}`;
        });
      const args = push.args.slice(push.args.indexOf('--') + 2);
      // Explicit refspecs and deletes are arguments; a staging repository's refs came through update-ref.
      return [...staged, ...args.filter((a) => !a.endsWith('/*'))];
    });
}

export function settings(source: string, overrides: Partial<MirrorSettings> = {}): MirrorSettings {
  return {
    repository: 'app',
    region: 'us-east-1',
    source,
    include: [],
    exclude: [],
    prune: false,
    protect: [],
    onRewind: 'allow',
    dryRun: false,
    createRepository: false,
    ...overrides,
  };
}
