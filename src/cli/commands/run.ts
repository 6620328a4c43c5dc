import { awsEnvResolver } from '../../aws/env-resolver.js';
import { flagNaming, optionsHelp, readArguments } from '../../core/options.js';
import { nodeExec } from '../../image/exec.js';
import { inImageRunner } from '../../image/run-in-image.js';
import { runLocal, type LocalDeps } from '../../runner/local.js';
import { localOptions } from '../../runner/options.js';
import type { CommandSpec } from '../context.js';
import { terminalReporter } from '../context.js';

const HELP = `Usage: aws-cicd run [options]

Runs a buildspec.yml on this machine with AWS CodeBuild's semantics: phases install, pre_build, build,
post_build, finally, on-failure, run-as, shell state carried between commands (version 0.2), CODEBUILD_*
variables, exported variables, artifacts and reports. Prints CodeBuild's log (a phase view on a terminal).

Options:
${optionsHelp(localOptions)}

Exit status: 0 the build SUCCEEDED, 1 it did not (FAILED, TIMED_OUT), 2 a usage error or a buildspec that cannot
be read or is invalid (its errors are printed as file:line:col, nothing runs), 130 interrupted by Ctrl-C (the
build STOPPED). The last lines on stderr say where the artifacts (ZIP files) and the --report-json went.`;

export function runCommandWith(deps: Partial<LocalDeps> = {}): CommandSpec {
  return {
    name: 'run',
    summary: 'run a buildspec.yml locally with CodeBuild semantics (phases, finally, on-failure, artifacts)',
    help: HELP,
    async run(argv, ctx) {
      const { values } = readArguments(localOptions, argv, { env: ctx.env });
      const reporter = terminalReporter(ctx, 'aws-cicd run');
      try {
        const run = await runLocal(values, reporter, {
          env: ctx.env,
          cwd: ctx.cwd,
          naming: flagNaming(localOptions),
          resolveAwsEnv: awsEnvResolver({ region: values.region, env: ctx.env }),
          inImage: inImageRunner({ exec: nodeExec, env: ctx.env }),
          signal: ctx.signal,
          ...deps,
        });
        // A failed build says so in its closing line, an invalid buildspec in its findings.
        return run.exitCode;
      } finally {
        reporter.close();
      }
    },
  };
}

export const runCommand = runCommandWith();
