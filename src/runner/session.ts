/**
 * A shell session: one long-lived shell (per phase and user) that runs a phase's commands one at a time.
 *
 * - The shell runs a driver script we write, in its own process group, stdin from /dev/null, stdout and stderr
 *   merged into one pipe (`exec 2>&1`) so output keeps its order.
 * - Commands arrive as files: the command text goes to a script file (never into argv or a shell string) and a
 *   line on fd 3 tells the driver which to run. Each command runs in a subshell, `( . p<M>.sh; trap dump EXIT;
 *   . c<N>.sh )`, with fd 3 closed, so `exit N` and `set -e` end only that command. Every command (and every
 *   changed prelude) gets a new file: rewriting a file in place costs a flush to disk on ext4 (auto_da_alloc).
 * - The driver shell starts with the runner's environment (shellEnv: PATH to find the shell, the build marker), not
 *   the build's: a buildspec's PATH, BASH_ENV, ENV, SHELLOPTS, IFS … cannot change how it starts or runs. The
 *   build's environment is set in each command's subshell by its prelude (p<M>.sh), from the state the driver
 *   dumped when it started, so the commands see every value as given.
 * - Version 0.2 carries state: the subshell's EXIT trap dumps its variables and working directory (shell-state.ts)
 *   and the next command's prelude recreates them. The driver shell itself never changes, so a command cannot
 *   break the session.
 * - After each command the driver prints an end marker with a random nonce and the exit status on the output
 *   pipe (shell-stream.ts), so the output before it is complete.
 */
import { chownSync, existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ChildProcess } from 'node:child_process';
import { processStartTime } from './processes.js';
import { MarkerScanner } from './shell-stream.js';
import {
  dumpSeparator,
  parseDump,
  shellQuote,
  stateWithEnvironment,
  statePrelude,
  type ShellState,
} from './shell-state.js';
import type { Spawner } from './types.js';

export interface RunAsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly home: string;
}

export interface SessionOptions {
  /** Executable: `sh`, `bash`, `/bin/sh`, an absolute path. */
  readonly shell: string;
  /** Working directory of the shell: CODEBUILD_SRC_DIR. */
  readonly cwd: string;
  /** The build's environment: what the commands see. */
  readonly env: Readonly<Record<string, string>>;
  /**
   * The runner's variables the shell itself starts with: PATH (where the shell is looked up), the build marker.
   * The build's locale variables and the names no shell can hold are added (they cannot change how it runs).
   */
  readonly shellEnv: Readonly<Record<string, string>>;
  /** Run as this user (the runner must be root). */
  readonly user?: RunAsUser;
  /** A directory for the session's files; created if missing. */
  readonly dir: string;
  /** Version 0.2: carry variables and the working directory from command to command. */
  readonly carryState: boolean;
  /** The state to start from (from the previous phase); undefined: the shell's initial state with `env`. */
  readonly state?: ShellState;
  readonly nonce: string;
  readonly spawn: Spawner;
  /** Each output chunk, in order. Return a promise to pause reading until it resolves (backpressure). */
  readonly onOutput: (chunk: Buffer) => Promise<void> | undefined;
}

/** How a command ended: its exit status, or undefined when the session died or was killed under it. */
export interface CommandEnd {
  readonly exitCode: number | undefined;
}

export class SessionError extends Error {
  override readonly name = 'SessionError';
}

export class ShellSession {
  private readonly child: ChildProcess;
  private readonly control: Writable;
  private readonly stdout: Readable;
  private readonly scanner: MarkerScanner;
  private readonly dir: string;
  private readonly stateFile: string;
  private commands = 0;
  private preludes = 0;
  private base: ShellState | undefined;
  private current: ShellState | undefined;
  private preludeFor: ShellState | undefined;
  private lastDump: Buffer | undefined;
  private waiting: ((end: CommandEnd) => void) | undefined;
  private exited = false;
  private stderrText = '';
  private spawnError: Error | undefined;
  private shellStatus: number | undefined;
  private readonly exitPromise: Promise<void>;

  /** Process group id (the shell's pid): killing it kills the commands' background processes too. */
  readonly pgid: number;
  /** The shell's start time (processes.ts), undefined when unknown. */
  readonly startTime: number | undefined;

  private constructor(private readonly options: SessionOptions) {
    const dir = options.dir;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.dir = dir;
    this.stateFile = path.join(dir, 'state');
    const driver = path.join(dir, 'driver.sh');
    const dump = path.join(dir, 'dump.sh');
    this.writeFile(driver, driverScript(options, dump));
    this.writeFile(dump, dumpScript(this.stateFile, options.nonce));
    this.writeFile(path.join(dir, 'p0.sh'), '');
    if (options.user !== undefined) chownSync(dir, options.user.uid, options.user.gid);

    try {
      this.child = options.spawn(options.shell, [driver], {
        cwd: options.cwd,
        env: shellEnvironment(options),
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
        detached: true,
        uid: options.user?.uid,
        gid: options.user?.gid,
      });
    } catch (error) {
      throw new SessionError(`cannot start the shell "${options.shell}": ${spawnErrorText(error as Error)}`);
    }
    let exited: () => void = () => undefined;
    this.exitPromise = new Promise((resolve) => (exited = resolve));
    this.child.once('error', (error) => {
      this.spawnError = error;
      this.exited = true;
      this.finish({ exitCode: undefined });
      exited();
    });
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      this.shellStatus = code ?? 128 + (signal === null ? 0 : (constants.signals[signal] ?? 0));
      this.scanner.flush();
      this.finish({ exitCode: undefined });
      exited();
    });
    const { stdout, stderr } = this.child;
    const control = this.child.stdio[3] as Writable | null;
    if (stdout === null || stderr === null || control === null) {
      throw new SessionError(`cannot start the shell ${options.shell}`);
    }
    this.pgid = this.child.pid ?? 0;
    this.startTime = this.pgid > 0 ? processStartTime(this.pgid) : undefined;
    this.stdout = stdout;
    this.control = control;
    control.on('error', () => undefined);
    stderr.setEncoding('utf8');
    stderr.on('data', (text: string) => {
      if (this.stderrText.length < 4096) this.stderrText += text;
    });
    this.scanner = new MarkerScanner(options.nonce, {
      output: (chunk) => {
        const wait = options.onOutput(chunk);
        if (wait !== undefined) {
          stdout.pause();
          void wait.then(() => stdout.resume());
        }
      },
      marker: (status) => this.onMarker(status),
    });
    stdout.on('data', (chunk: Buffer) => this.scanner.push(chunk));
    stdout.on('error', () => undefined);
  }

  /** Starts the shell and waits until it is ready (its initial state read). */
  static async start(options: SessionOptions): Promise<ShellSession> {
    const session = new ShellSession(options);
    const first = await session.next();
    if (first.exitCode === undefined) {
      session.kill();
      const error = session.spawnError;
      const detail = error !== undefined ? spawnErrorText(error) : session.stderrText.trim();
      throw new SessionError(`cannot start the shell "${options.shell}"${detail ? `: ${detail}` : ''}`);
    }
    session.base = session.readState() ?? { vars: new Map(), cwd: options.cwd };
    session.current = options.state ?? stateWithEnvironment(session.base, options.env);
    return session;
  }

  /** The state after the last command (0.2); undefined for 0.1. */
  get state(): ShellState | undefined {
    return this.options.carryState ? this.current : undefined;
  }

  /** The shell's own exit status once it has exited (128 + n when killed by signal n). */
  get exitStatus(): number | undefined {
    return this.shellStatus;
  }

  get alive(): boolean {
    return !this.exited;
  }

  /** Runs one command (its text goes to a script file as is) and resolves when its output is complete. */
  async run(command: string): Promise<CommandEnd> {
    if (this.exited) return { exitCode: undefined };
    if (this.base !== undefined && this.current !== this.preludeFor) {
      const prelude = this.current === undefined ? '' : statePrelude(this.base, this.current);
      this.writeFile(path.join(this.dir, `p${++this.preludes}.sh`), prelude, 'latin1');
      this.preludeFor = this.current;
    }
    const n = ++this.commands;
    this.writeFile(path.join(this.dir, `c${n}.sh`), command.endsWith('\n') ? command : command + '\n');
    const end = this.next();
    this.control.write(`${this.preludes} ${n}\n`);
    const result = await end;
    if (this.options.carryState && result.exitCode !== undefined) {
      const state = this.readState();
      if (state !== undefined) this.current = state;
    }
    return result;
  }

  /** Ends the shell (background processes of its commands keep running until kill) and waits for its exit. */
  async close(): Promise<void> {
    if (!this.exited) this.control.end();
    await this.exitPromise;
  }

  /** Kills the whole process group: the shell, the command, and every background process it started. */
  kill(): void {
    if (this.pgid <= 0) return;
    // Once the shell is gone and its number taken again, the group of that number is a stranger's.
    if (this.exited && existsSync(`/proc/${this.pgid}`)) return;
    try {
      process.kill(-this.pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  /** Stops reading output (after kill, at the end of the build). */
  dispose(): void {
    this.scanner.flush();
    this.stdout.destroy();
    this.control.destroy();
  }

  /** A new file, readable by the session's user. */
  private writeFile(file: string, text: string, encoding: BufferEncoding = 'utf8'): void {
    writeFileSync(file, text, encoding);
    if (this.options.user !== undefined) chownSync(file, this.options.user.uid, this.options.user.gid);
  }

  private next(): Promise<CommandEnd> {
    return new Promise((resolve) => {
      if (this.exited) resolve({ exitCode: undefined });
      else this.waiting = resolve;
    });
  }

  private onMarker(status: number): void {
    this.finish({ exitCode: status });
  }

  private finish(end: CommandEnd): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(end);
  }

  /** Reads and removes the dump the last command's EXIT trap wrote (none: it exec'd or replaced the trap). */
  private readState(): ShellState | undefined {
    let dump: Buffer;
    try {
      dump = readFileSync(this.stateFile);
      unlinkSync(this.stateFile);
    } catch {
      return undefined;
    }
    if (this.lastDump !== undefined && dump.equals(this.lastDump)) return this.current;
    this.lastDump = dump;
    return parseDump(dump.toString('latin1'), this.options.nonce);
  }
}

function spawnErrorText(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'not found (no such file, or not on PATH)';
  if (code === 'EACCES') return 'permission denied';
  return error.message;
}

/** Locale variables: the shell may warn when one changes; they cannot change how the driver runs. */
const LOCALE = /^(LANG|LANGUAGE|LC_[A-Z_]+)$/;
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The driver shell's own environment: shellEnv, the build's locale, and the build's variables whose names no shell
 * can hold (bash passes them on to commands; they cannot be set in a prelude), except bash's exported functions.
 */
function shellEnvironment(options: SessionOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) {
    if (LOCALE.test(name) || (!SHELL_NAME.test(name) && !name.startsWith('BASH_FUNC_'))) env[name] = value;
  }
  return { ...env, ...options.shellEnv };
}

function driverScript(options: SessionOptions, dump: string): string {
  const marker = `printf '\\036%s:%s\\n' ${options.nonce} "$?"`;
  // fd 3 lines: "<prelude number> <command number>". The first dump is the state the preludes start from.
  const trap = `{ set +x; } 2>/dev/null; . ${shellQuote(dump)}`;
  const carry = options.carryState ? ` trap ${shellQuote(trap)} EXIT;` : '';
  return [
    'exec 2>&1',
    `__acd_d=${shellQuote(options.dir)}`,
    `. ${shellQuote(dump)}`,
    marker,
    'while IFS=" " read -r __acd_p __acd_n <&3; do',
    `  ( exec 3<&-; . "$__acd_d/p$__acd_p.sh";${carry} . "$__acd_d/c$__acd_n.sh" )`,
    `  ${marker}`,
    'done',
    '',
  ].join('\n');
}

/** Writes the subshell's variables and working directory to the state file, in the format parseDump reads. */
function dumpScript(stateFile: string, nonce: string): string {
  const sep = shellQuote(dumpSeparator(nonce));
  const out = shellQuote(stateFile);
  return [
    'if [ -n "${BASH_VERSION-}" ]; then',
    `  { builtin declare -p; builtin printf '\\n%s\\n\\n%s\\n' ${sep} ${sep}; builtin pwd; } >| ${out} 2>/dev/null`,
    'else',
    `  { set; command printf '\\n%s\\n' ${sep}; export -p; command printf '\\n%s\\n' ${sep}; command pwd; } >| ${out} 2>/dev/null`,
    'fi',
    '',
  ].join('\n');
}
