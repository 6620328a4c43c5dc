import { optionsHelp } from '../../core/options.js';
import { pipelineOptions } from '../../pipeline/options.js';
import { runPipeline, type PipelineDeps } from '../../pipeline/run.js';
import type { CommandSpec } from '../context.js';
import { gitHead } from '../git.js';
import { ended, useCaseCommand } from '../use-case.js';

const HELP = `Usage: aws-cicd pipeline --name PIPELINE [--commit SHA | --start | --execution-id ID] [options]

Follows an AWS CodePipeline execution to its end, stage by stage, with the logs of its CodeBuild actions and the
lifecycle events of its CodeDeploy actions; the exit status is its result. By default it follows the execution
started by the commit checked out here (git rev-parse HEAD), waiting for it to appear. AWS credentials and region
come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
${optionsHelp(pipelineOptions)}

Ctrl-C stops the execution. Exit status: 0 it Succeeded (or was superseded by a newer one, or was found or started,
with --no-wait), 1 it did not, 2 usage error, 130 interrupted (the execution stopped).`;

export function pipelineCommandWith(deps: Partial<PipelineDeps> = {}): CommandSpec {
  return useCaseCommand({
    name: 'pipeline',
    summary: 'follow (or start) a CodePipeline execution stage by stage (exit status: its result)',
    help: HELP,
    options: pipelineOptions,
    async run(values, reporter, step, ctx) {
      const run = await runPipeline(values, reporter, {
        ...step,
        defaultCommit: () => gitHead(ctx.cwd),
        stopReason: 'stopped with Ctrl-C in aws-cicd pipeline',
        ...deps,
      });
      return ended(run, reporter, ctx, values.wait ? undefined : run.selected?.executionId);
    },
  });
}

export const pipelineCommand = pipelineCommandWith();
