/**
 * The one way the mirror runs git (like actions/checkout's git command manager): `createGit` gives a runner bound to a
 * repository directory and an environment; every call is an argument array (never a shell string), and the spawner
 * is injectable so tests can record or replace what runs.
 *
 * The environment is the caller's with what makes git safe to run unattended: no terminal prompt, no credential
 * manager UI, no curl tracing that could print an Authorization header, and none of GIT_DIR/GIT_WORK_TREE that
 * would point git elsewhere. Extra configuration (the GitHub token's header) goes through GIT_CONFIG_COUNT /
 * GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, never argv.
 *
 * Credential helpers may write `::add-mask::<value>` on stderr (ours does under GitHub Actions): such lines are taken
 * out of the captured stderr and handed to `onMask`, so the value is masked before anything could print it.
 *
 * Git that talks to a remote (`tied` runs: push, fetch, ls-remote) ends with this process, however it ends: on POSIX
 * it runs in a process group of its own beside a small sh watchdog that reads a pipe only this process writes to;
 * when this process dies (even by SIGKILL) the pipe closes and the watchdog ends the whole group (git, its remote
 * helper, pack-objects, the credential helper). Aborting `signal` (SIGINT/SIGTERM in the CLI) ends every running
 * git at once.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { constants as osConstants } from 'node:os';
import { UserError } from '../core/errors.js';
import { shellQuote } from '../core/shell.js';

export { shellQuote };

/** child_process.spawn's shape. */
export type GitSpawner = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

export interface GitResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface GitRunOptions {
  /** Written to git's stdin (which is closed after it). */
  readonly input?: string;
  /** Extra configuration for this call, passed through the environment. */
  readonly config?: ReadonlyArray<readonly [string, string]>;
  /** Exit codes that are not failures (default: 0 only). */
  readonly okCodes?: readonly number[];
  /** Called for each complete line of stdout instead of collecting it (large outputs). */
  readonly onStdoutLine?: (line: string) => void;
  /** Ends with this process even when it is killed outright (long network calls: push, fetch, ls-remote). */
  readonly tied?: boolean;
}

export interface Git {
  readonly cwd: string;
  /** Runs `git <args>`; rejects with GitError on an exit code not in okCodes. */
  run(args: readonly string[], options?: GitRunOptions): Promise<GitResult>;
  /** Starts `git <args>` for a conversation over its stdin and stdout (objects.ts); the caller ends it. */
  start(args: readonly string[]): ChildProcess;
}

export interface GitFactoryOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly spawn?: GitSpawner;
  /** The git executable (default `git` from PATH). */
  readonly command?: string;
  /** Values a credential helper asked to mask. */
  readonly onMask?: (value: string) => void;
  /** Every command, for debug output (secrets are never in argv). */
  readonly onCommand?: (args: readonly string[]) => void;
  /** Aborting it ends every git this runner started that is still running (and fails its run). */
  readonly signal?: AbortSignal;
  /** The platform (tests): the watchdog is POSIX-only. */
  readonly platform?: NodeJS.Platform;
}

/**
 * The watchdog: `sh -c WATCHDOG sh git ARGS…` with the lifeline on fd 3. The shell starts a subshell (holding none
 * of git's pipes: its output goes to /dev/null and, being asynchronous, it reads /dev/null) that blocks reading the
 * lifeline, then becomes git itself (`exec`, without the lifeline): git is the process group's leader and the child
 * this process waits for, with no shell in between. When the read returns (end of file: this process is gone, as
 * nothing is ever written, or it closed the lifeline because git ended) the subshell signals the whole group.
 */
export const WATCHDOG = ['( read -r _ <&3; kill -TERM 0 ) >/dev/null 2>&1 &', 'exec "$@" 3<&-'].join('\n');

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(`git ${describeArgs(args)} failed (exit ${result.code}): ${lastLines(result.stderr)}`);
    this.name = 'GitError';
  }
}

/** Variables dropped from git's environment. */
const DROPPED = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_TRACE_CURL',
  'GIT_TRACE_CURL_NO_DATA',
  'GIT_CURL_VERBOSE',
  'GIT_TRACE_PACKET',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
];

export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  for (const name of DROPPED) delete out[name];
  out.GIT_TERMINAL_PROMPT = '0';
  out.GCM_INTERACTIVE = 'never';
  out.GIT_TRACE_REDACT = '1';
  return out;
}

/** The environment with `config` appended to any GIT_CONFIG_COUNT entries already there. */
export function withConfig(
  env: NodeJS.ProcessEnv,
  config: ReadonlyArray<readonly [string, string]>,
): NodeJS.ProcessEnv {
  if (config.length === 0) return env;
  const out = { ...env };
  const start = /^\d+$/.test(env.GIT_CONFIG_COUNT ?? '') ? Number(env.GIT_CONFIG_COUNT) : 0;
  config.forEach(([key, value], i) => {
    out[`GIT_CONFIG_KEY_${start + i}`] = key;
    out[`GIT_CONFIG_VALUE_${start + i}`] = value;
  });
  out.GIT_CONFIG_COUNT = String(start + config.length);
  return out;
}

const MASK_LINE = /^::add-mask::(.+)$/;

export function createGit(options: GitFactoryOptions): Git {
  const spawner = options.spawn ?? ((command, args, opts) => spawn(command, args, opts));
  const baseEnv = gitEnvironment(options.env);
  const command = options.command ?? 'git';
  const watchdog = (options.platform ?? process.platform) !== 'win32';
  const running = new Set<{ child: ChildProcess; group: boolean }>();
  const spawnGit = (args: readonly string[], env: NodeJS.ProcessEnv, tied = false): ChildProcess => {
    const group = tied && watchdog;
    const child = group
      ? spawner('sh', ['-c', WATCHDOG, 'sh', command, ...args], {
          cwd: options.cwd,
          env,
          stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
          // A process group (and session) of its own, for the watchdog to signal as a whole.
          detached: true,
          windowsHide: true,
        })
      : spawner(command, [...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    // The lifeline: nothing is written; only its end matters: this process gone, or git ended (closed here, so the
    // watchdog ends the group's leftovers and itself).
    const lifeline = child.stdio[3] as (NodeJS.ReadWriteStream & { destroy?: () => void }) | undefined | null;
    lifeline?.on('error', () => undefined);
    if (lifeline) child.on('exit', () => lifeline.destroy?.());
    const entry = { child, group };
    running.add(entry);
    child.on('close', () => running.delete(entry));
    child.on('error', () => running.delete(entry));
    return child;
  };
  const endAll = (): void => {
    for (const { child, group } of running) terminate(child, group);
  };
  options.signal?.addEventListener('abort', endAll, { once: true });
  return {
    cwd: options.cwd,
    start(args) {
      options.onCommand?.(args);
      return spawnGit(args, baseEnv);
    },
    run(args, runOptions = {}) {
      options.onCommand?.(args);
      const env = withConfig(baseEnv, runOptions.config ?? []);
      return new Promise<GitResult>((resolve, reject) => {
        if (options.signal?.aborted) {
          reject(new GitCancelled(args));
          return;
        }
        let child: ChildProcess;
        try {
          child = spawnGit(args, env, runOptions.tied);
        } catch (error) {
          reject(error);
          return;
        }
        const out: Buffer[] = [];
        let pending = '';
        let stderr = '';
        let errPending = '';
        const takeErrLine = (line: string): void => {
          const mask = MASK_LINE.exec(line);
          if (mask && options.onMask) options.onMask(mask[1] as string);
          else stderr += line + '\n';
        };
        child.stdout?.on('data', (chunk: Buffer) => {
          if (!runOptions.onStdoutLine) {
            out.push(chunk);
            return;
          }
          pending += chunk.toString('utf8');
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) runOptions.onStdoutLine(line);
        });
        child.stderr?.on('data', (chunk: Buffer) => {
          errPending += chunk.toString('utf8');
          const lines = errPending.split('\n');
          errPending = lines.pop() ?? '';
          for (const line of lines) takeErrLine(line);
        });
        child.stdin?.on('error', () => undefined);
        child.on('error', reject);
        child.on('close', (code, signal) => {
          if (pending !== '') runOptions.onStdoutLine?.(pending);
          if (errPending !== '') takeErrLine(errPending);
          const result: GitResult = {
            code: exitCode(code, signal, runOptions.tied === true && watchdog),
            stdout: Buffer.concat(out).toString('utf8'),
            stderr,
          };
          if (options.signal?.aborted) reject(new GitCancelled(args));
          else if ((runOptions.okCodes ?? [0]).includes(result.code)) resolve(result);
          else reject(new GitError(args, result));
        });
        child.stdin?.end(runOptions.input ?? '');
      });
    },
  };
}

/**
 * A run's exit status. Killed by a signal: 128, or under the watchdog 128 + the signal's number (what the shell that
 * used to wait for git reported, and what callers of tied runs read).
 */
function exitCode(code: number | null, signal: NodeJS.Signals | null, watched: boolean): number {
  if (code !== null) return code;
  if (signal === null) return 1;
  return watched ? 128 + (osConstants.signals[signal] ?? 0) : 128;
}

/** A git run ended because the runner's signal was aborted (SIGINT/SIGTERM). */
export class GitCancelled extends UserError {
  constructor(readonly args: readonly string[]) {
    super(`cancelled: git ${describeArgs(args)} was stopped`, { exitCode: 130 });
  }
}

/** SIGTERM to a git (its whole group when it runs under the watchdog); one already gone is no error. */
function terminate(child: ChildProcess, group: boolean): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    if (group) process.kill(-child.pid, 'SIGTERM');
    else child.kill('SIGTERM');
  } catch {
    // Gone in the meantime.
  }
}

/** A short form of a command for messages: long refspec lists are counted, not listed. */
export function describeArgs(args: readonly string[]): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a));
  if (args.length <= 12) return args.map(quote).join(' ');
  return `${args.slice(0, 10).map(quote).join(' ')} … (${args.length - 10} more)`;
}

function lastLines(text: string, count = 6): string {
  const lines = text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');
  return lines.slice(-count).join(' | ') || '(no output)';
}

/**
 * The credential.helper value that makes git call us back: a shell function (git runs `!` helpers with sh, also on
 * Windows, appending the operation) that starts `<node> [loader flags] <script> git-credential [--region R] get`
 * for `get` only: `store` and `erase`, which git sends after each invocation, would only start a process that does
 * nothing. `self` is the command that runs this program, as selfCommand() gives it; every part is single-quoted.
 */
export function credentialHelper(self: readonly string[], region?: string): string {
  const command = [...self, 'git-credential', ...(region ? ['--region', region] : [])].map(shellQuote).join(' ');
  return `!f() { test "$1" = get || exit 0; exec ${command} "$@"; }; f`;
}

/**
 * The command that runs this program again: the node binary, the loader flags it was started with (tsx in tests
 * and in the security harness), and the entry script (dist/mirror/index.js, dist/cli/index.js).
 */
export function selfCommand(
  execPath: string = process.execPath,
  execArgv: readonly string[] = process.execArgv,
  script: string | undefined = process.argv[1],
): string[] {
  if (!script) throw new Error('no entry script to run the credential helper with');
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (/^--(import|require|loader|experimental-loader)$/.test(arg) || arg === '-r') {
      const value = execArgv[i + 1];
      if (value !== undefined) kept.push(arg, value);
      i++;
    } else if (/^--(import|require|loader|experimental-loader)=/.test(arg)) {
      kept.push(arg);
    }
  }
  return [execPath, ...kept, script];
}
