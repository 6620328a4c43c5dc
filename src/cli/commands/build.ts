import { runBuild, type BuildDeps } from '../../codebuild/build.js';
import { buildOptions } from '../../codebuild/options.js';
import { optionsHelp } from '../../core/options.js';
import type { CommandSpec } from '../context.js';
import { ended, useCaseCommand } from '../use-case.js';

const HELP = `Usage: aws-cicd build --project NAME [options]

Starts an AWS CodeBuild build (or batch build) and shows its log live until it ends; the exit status is the
build's result. AWS credentials and region come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
${optionsHelp(buildOptions)}

Ctrl-C stops the build. Exit status: 0 the build SUCCEEDED (or started, with --no-wait), 1 it did not,
2 a usage error or a buildspec that cannot be read or is invalid, 130 interrupted (the build stopped).`;

export function buildCommandWith(deps: Partial<BuildDeps> = {}): CommandSpec {
  return useCaseCommand({
    name: 'build',
    summary: 'start a CodeBuild build and follow its log live (exit status: the build result)',
    help: HELP,
    options: buildOptions,
    async run(values, reporter, step, ctx) {
      const run = await runBuild(values, reporter, { ...step, ...deps });
      // --no-wait: the id alone on stdout, for a script to follow it later with `aws-cicd logs --follow`.
      return ended(run, reporter, ctx, values.wait ? undefined : run.target?.id);
    },
  });
}

export const buildCommand = buildCommandWith();
