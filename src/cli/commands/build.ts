import { runBuild, type BuildDeps } from '../../codebuild/build.js';
import { buildOptions } from '../../codebuild/options.js';
import { optionsHelp, readArguments } from '../../core/options.js';
import type { CommandSpec } from '../context.js';
import { terminalReporter } from '../context.js';

const HELP = `Usage: aws-cicd build --project NAME [options]

Starts an AWS CodeBuild build (or batch build) and shows its log live until it ends; the exit status is the
build's result. AWS credentials and region come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
${optionsHelp(buildOptions)}

Ctrl-C stops the build. Exit status: 0 the build SUCCEEDED (or started, with --no-wait), 1 it did not,
2 a usage error or a buildspec that cannot be read or is invalid, 130 interrupted (the build stopped).`;

export function buildCommandWith(deps: Partial<BuildDeps> = {}): CommandSpec {
  return {
    name: 'build',
    summary: 'start a CodeBuild build and follow its log live (exit status: the build result)',
    help: HELP,
    async run(argv, ctx) {
      const { values } = readArguments(buildOptions, argv, { env: ctx.env });
      const reporter = terminalReporter(ctx);
      try {
        const run = await runBuild(values, reporter, { env: ctx.env, cwd: ctx.cwd, signal: ctx.signal, ...deps });
        // --no-wait: the id alone on stdout, for a script to follow it later with `aws-cicd logs --follow`.
        if (!values.wait && run.target !== undefined) ctx.stdout.write(`${run.target.id}\n`);
        if (run.failure !== undefined) reporter.error(run.failure.message, run.failure);
        return run.exitCode;
      } finally {
        reporter.close();
      }
    },
  };
}

export const buildCommand = buildCommandWith();
