/**
 * The skeleton every command that runs a use case shares: its options read from the arguments (the same schema makes
 * `--help`), the terminal Reporter made and closed, what every use case takes from the command line, the end of a
 * followed run. A command file keeps only its help, its own collaborators and how it maps the result.
 */
import { flagNaming, readArguments, type OptionNaming, type OptionSchema, type OptionValues } from '../core/options.js';
import type { Failure, Reporter } from '../core/reporter.js';
import type { TerminalReporter } from '../core/reporters/terminal.js';
import { terminalReporter, type CliContext, type CommandSpec } from './context.js';

/** What every use case takes from the command line. */
export interface CommandStep {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly signal?: AbortSignal;
  /** Option keys as flags (`--deployment-id`), for the use case's messages. */
  readonly naming: OptionNaming;
}

export interface UseCaseCommand<S extends OptionSchema> {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly options: S;
  /** Words after the flags are let through (`aws-cicd logs BUILD_ID`). */
  readonly positionals?: boolean;
  /** Before our lines on stderr (default `aws-cicd`). */
  readonly prefix?: string;
  /** The progress and the tools' output on stderr: stdout carries only the result (an image reference). */
  readonly progressOnStderr?: boolean;
  /** Runs the use case; resolves to the exit status. */
  run(
    values: OptionValues<S>,
    reporter: TerminalReporter,
    step: CommandStep,
    ctx: CliContext & { readonly positionals: readonly string[] },
  ): Promise<number>;
}

export function useCaseCommand<S extends OptionSchema>(command: UseCaseCommand<S>): CommandSpec {
  return {
    name: command.name,
    summary: command.summary,
    help: command.help,
    async run(argv, ctx) {
      const { values, positionals } = readArguments(command.options, argv, {
        env: ctx.env,
        positionals: command.positionals === true,
      });
      const reporter = terminalReporter(
        command.progressOnStderr ? { ...ctx, stdout: ctx.stderr } : ctx,
        command.prefix,
      );
      const step = { env: ctx.env, cwd: ctx.cwd, signal: ctx.signal, naming: flagNaming(command.options) };
      try {
        return await command.run(values, reporter, step, { ...ctx, positionals });
      } finally {
        reporter.close();
      }
    },
  };
}

/**
 * The end of a followed run (a build, a deployment, an execution): `started`, the id of one started without waiting,
 * alone on stdout (for a script, or `aws-cicd logs --follow`); the failure as an error line; the run's exit status.
 */
export function ended(
  run: { readonly exitCode: number; readonly failure?: Failure },
  reporter: Reporter,
  ctx: CliContext,
  started?: string,
): number {
  if (started !== undefined) ctx.stdout.write(`${started}\n`);
  if (run.failure !== undefined) reporter.error(run.failure.message, run.failure);
  return run.exitCode;
}
