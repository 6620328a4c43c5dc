import { flagNaming, optionsHelp, readArguments } from '../../core/options.js';
import { pipelineOptions } from '../../pipeline/options.js';
import { runPipeline, type PipelineDeps } from '../../pipeline/run.js';
import type { CommandSpec } from '../context.js';
import { terminalReporter } from '../context.js';
import { gitHead } from '../git.js';

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
  return {
    name: 'pipeline',
    summary: 'follow (or start) a CodePipeline execution stage by stage (exit status: its result)',
    help: HELP,
    async run(argv, ctx) {
      const { values } = readArguments(pipelineOptions, argv, { env: ctx.env });
      const reporter = terminalReporter(ctx);
      try {
        const run = await runPipeline(values, reporter, {
          env: ctx.env,
          naming: flagNaming(pipelineOptions),
          defaultCommit: () => gitHead(ctx.cwd),
          signal: ctx.signal,
          stopReason: 'stopped with Ctrl-C in aws-cicd pipeline',
          ...deps,
        });
        if (!values.wait && run.selected !== undefined) ctx.stdout.write(`${run.selected.executionId}\n`);
        if (run.failure !== undefined) reporter.error(run.failure.message, run.failure);
        return run.exitCode;
      } finally {
        reporter.close();
      }
    },
  };
}

export const pipelineCommand = pipelineCommandWith();
