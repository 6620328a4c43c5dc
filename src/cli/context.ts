import { TerminalReporter } from '../core/reporters/terminal.js';
/** What a CLI command may touch: injected so tests run commands in-process. */
export interface CliContext {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; once?(event: 'drain', listener: () => void): unknown };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Aborted on SIGINT/SIGTERM by the process entry point (long-running commands stop cleanly). */
  readonly signal?: AbortSignal;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], ctx: CliContext): Promise<number>;
}

/**
 * Colour only on a TTY and never with NO_COLOR. https://no-color.org: NO_COLOR "when present and not an empty
 * string" turns colour off, so `NO_COLOR=` leaves it on.
 */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const noColour = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return Boolean(stream.isTTY) && !noColour && env.TERM !== 'dumb';
}

/**
 * The Reporter of a command: the phase view and closing table on a terminal (stdout a TTY, TERM not dumb), the log
 * verbatim when piped; our lines on stderr as `prefix: …`.
 */
export function terminalReporter(ctx: CliContext, prefix = 'aws-cicd'): TerminalReporter {
  return new TerminalReporter({
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    rich: Boolean(ctx.stdout.isTTY) && ctx.env.TERM !== 'dumb',
    colour: useColour(ctx.stdout, ctx.env),
    prefix,
    debug: Boolean(ctx.env.AWS_CICD_DEBUG),
    workflowMasks: ctx.env.GITHUB_ACTIONS === 'true',
  });
}
