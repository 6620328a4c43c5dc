import { describeError, isUserError } from '../core/errors.js';
import type { CliContext, CommandSpec } from './context.js';
import { validateCommand } from './commands/validate.js';
import { schemaCommand } from './commands/schema.js';
import { runCommand } from './commands/run.js';
import { buildCommand } from './commands/build.js';
import { logsCommand } from './commands/logs.js';
import { pipelineCommand } from './commands/pipeline.js';
import { deployCommand } from './commands/deploy.js';
import { iamPolicyCommand } from './commands/iam-policy.js';
import { imageCommand } from './commands/image.js';
import { mirrorCommand } from './commands/mirror.js';
import { gitCredentialCommand } from './commands/git-credential.js';

export type { CliContext } from './context.js';

const COMMANDS: readonly CommandSpec[] = [
  validateCommand,
  schemaCommand,
  runCommand,
  buildCommand,
  logsCommand,
  pipelineCommand,
  deployCommand,
  iamPolicyCommand,
  imageCommand,
  mirrorCommand,
  gitCredentialCommand,
];

/** The exit statuses of every command (docs/cli.md's table says the same). */
export const EXIT_STATUS = [
  'Exit status (every command):',
  '  0    success',
  '  1    the job did not succeed (a build, deployment, pipeline execution, push or mirror)',
  '  2    bad input: a usage error, or a file that cannot be read or is invalid (nothing is run)',
  '  130  interrupted by Ctrl-C (SIGINT; 143 for SIGTERM), after stopping what it started',
].join('\n');

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: aws-cicd <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     this help; `aws-cicd help <command>` or `aws-cicd <command> --help`: the options of a command',
    '  -V, --version  print the version of aws-cicd',
    '',
    EXIT_STATUS,
  ].join('\n');
}

/** Runs the CLI; returns the process exit code (see EXIT_STATUS). */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' && rest.length > 0) return help(rest, ctx);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    ctx.stdout.write(`aws-cicd ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.stderr.write(`aws-cicd: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(command.help + '\n');
    return 0;
  }
  try {
    const code = await command.run(rest, ctx);
    return interrupted(ctx) ?? code;
  } catch (error) {
    if (isUsageError(error)) {
      ctx.stderr.write(`aws-cicd ${name}: ${error.message}\nRun \`aws-cicd ${name} --help\` for usage.\n`);
      return 2;
    }
    // AWS's errors worded for people (a missing permission, rejected credentials …), loaded only when one happens.
    const { toUserError } = await import('../aws/errors.js');
    const shown = toUserError(error);
    ctx.stderr.write(`aws-cicd ${name}: ${describeError(shown)}\n`);
    return interrupted(ctx) ?? (isUserError(shown) ? shown.exitCode : 1);
  }
}

/** After Ctrl-C (the command has stopped what it started): 130, or 143 for SIGTERM (128 + the signal's number). */
function interrupted(ctx: CliContext): number | undefined {
  if (!ctx.signal?.aborted) return undefined;
  return ctx.signal.reason === 'SIGTERM' ? 143 : 130;
}

export const VERSION = '0.1.0';

/** `aws-cicd help <command>`: that command's help. */
function help(topics: readonly string[], ctx: CliContext): number {
  const command = topics.length === 1 ? COMMANDS.find((c) => c.name === topics[0]) : undefined;
  if (command === undefined) {
    ctx.stderr.write(`aws-cicd help: unknown command "${topics.join(' ')}"\n\n${usage()}\n`);
    return 2;
  }
  ctx.stdout.write(command.help + '\n');
  return 0;
}

/** node:util parseArgs rejects unknown options and bad values with these codes: a usage error, exit 2. */
function isUsageError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
