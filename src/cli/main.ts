import { describeError, isUserError } from '../common/errors.js';
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

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: aws-cicd <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `aws-cicd <command> --help` for the options of a command.',
  ].join('\n');
}

/** Runs the CLI; returns the process exit code (0 success, 1 failure, 2 usage error or invalid input). */
export async function main(argv: readonly string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
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
    return await command.run(rest, ctx);
  } catch (error) {
    if (isUsageError(error)) {
      ctx.stderr.write(`aws-cicd ${name}: ${error.message}\nRun \`aws-cicd ${name} --help\` for usage.\n`);
      return 2;
    }
    ctx.stderr.write(`aws-cicd ${name}: ${describeError(error)}\n`);
    return isUserError(error) ? error.exitCode : 1;
  }
}

export const VERSION = '0.1.0';

/** node:util parseArgs rejects unknown options and bad values with these codes: a usage error, exit 2. */
function isUsageError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
