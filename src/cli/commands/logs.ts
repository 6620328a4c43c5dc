import { followBuild, printBuildLogs, type BuildDeps } from '../../codebuild/build.js';
import { REGION_PATTERN } from '../../codebuild/options.js';
import { UserError } from '../../core/errors.js';
import { optionsHelp, type OptionSchema } from '../../core/options.js';
import type { CommandSpec } from '../context.js';
import { ended, useCaseCommand } from '../use-case.js';

const OPTIONS = {
  follow: {
    type: 'flag',
    short: 'f',
    default: false,
    help: 'follow until the build ends (Ctrl-C stops following; the build runs on)',
  },
  logs: {
    type: 'choice',
    choices: ['live', 'poll'],
    default: 'live',
    help: 'with --follow: Live Tail (falls back to polling; default) or polling',
  },
  downloadArtifacts: {
    type: 'text',
    placeholder: 'DIR',
    help: "with --follow: when the build ends, download its artifacts into DIR (as the build command's option)",
  },
  region: {
    type: 'text',
    placeholder: 'REGION',
    pattern: REGION_PATTERN,
    form: 'an AWS region name such as us-east-1',
    help: 'AWS region (default: AWS_REGION / AWS_DEFAULT_REGION)',
  },
} as const satisfies OptionSchema;

const HELP = `Usage: aws-cicd logs BUILD_ID [--follow [--download-artifacts DIR]] [--logs live|poll] [--region REGION]

Prints the CloudWatch log of a CodeBuild build or batch build (id or ARN): every line so far, then exits. With
--follow it keeps showing new lines until the build ends, and the exit status is the build's result. A batch
build's lines are prefixed with each build's identifier.

Options:
${optionsHelp(OPTIONS)}

Exit status: 0 printed (with --follow: the build SUCCEEDED), 1 the build did not succeed, 2 usage error,
130 following stopped with Ctrl-C (the build goes on).`;

export function logsCommandWith(deps: Partial<BuildDeps> = {}): CommandSpec {
  return useCaseCommand({
    name: 'logs',
    summary: 'print (or follow with --follow) the log of a CodeBuild build or batch build',
    help: HELP,
    options: OPTIONS,
    positionals: true,
    async run(values, reporter, step, ctx) {
      const [id] = ctx.positionals;
      if (ctx.positionals.length !== 1 || id === undefined) throw new UserError('give one build id', { exitCode: 2 });
      if (values.downloadArtifacts !== undefined && !values.follow) {
        throw new UserError('--download-artifacts needs --follow (the artifacts exist once the build ended)', {
          exitCode: 2,
        });
      }
      const common = { ...step, ...deps };
      if (!values.follow) {
        await printBuildLogs(id, { region: values.region }, reporter, common);
        return 0;
      }
      return ended(
        await followBuild(
          id,
          { logs: values.logs, region: values.region, downloadArtifacts: values.downloadArtifacts },
          reporter,
          common,
        ),
        reporter,
        ctx,
      );
    },
  });
}

export const logsCommand = logsCommandWith();
