/**
 * Running the container tools (docker, podman, buildah): argument arrays only, never a shell string; a secret goes
 * through stdin (`input`), never through argv or the environment. The image code takes an `Exec` so tests record
 * every call or answer them without running anything.
 */
import { spawn } from 'node:child_process';

export interface ExecOptions {
  readonly cwd?: string;
  /** Default: the runner's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (stdin is empty otherwise). */
  readonly input?: string;
  /** Output as it comes (stdout and stderr, in order); without it output is only collected. */
  readonly onOutput?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
  /** Aborting sends SIGTERM (then SIGKILL after 10 s) to the process. */
  readonly signal?: AbortSignal;
  /** Told the process id once it runs (to signal what it started, as Buildah's chroot commands). */
  readonly onStart?: (pid: number) => void;
}

export interface ExecResult {
  /** The exit status; null when a signal ended the process. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export type Exec = (command: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

/** Output kept in an ExecResult, per stream: the tail is what explains a failure. */
const KEEP_BYTES = 1 << 20;
const KILL_AFTER_MS = 10_000;

/** The real Exec. A command that cannot be started (not installed) rejects with the spawn error (ENOENT). */
export const nodeExec: Exec = (command, args, options = {}) =>
  new Promise<ExecResult>((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) options.onStart?.(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const sizes = { stdout: 0, stderr: 0 };
    const keep = (list: Buffer[], stream: 'stdout' | 'stderr', chunk: Buffer) => {
      list.push(chunk);
      sizes[stream] += chunk.length;
      while (sizes[stream] > KEEP_BYTES && list.length > 1) sizes[stream] -= list.shift()?.length ?? 0;
    };
    child.stdout.on('data', (chunk: Buffer) => {
      keep(out, 'stdout', chunk);
      options.onOutput?.(chunk, 'stdout');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      keep(err, 'stderr', chunk);
      options.onOutput?.(chunk, 'stderr');
    });
    let killTimer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS);
      killTimer.unref();
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(error);
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    // A tool that exits without reading stdin must not fail the call with EPIPE.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });

/** The last lines of a failed command's output, to explain the failure. */
export function tailOf(result: ExecResult, lines = 20): string {
  const text = `${result.stdout}\n${result.stderr}`.trim();
  return text.split('\n').slice(-lines).join('\n');
}
