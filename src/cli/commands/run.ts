import { awsEnvResolver } from '../../aws/env-resolver.js';
import { optionsHelp } from '../../core/options.js';
import { nodeExec } from '../../image/exec.js';
import { inImageRunner } from '../../image/run-in-image.js';
import { runLocal, type LocalDeps } from '../../runner/local.js';
import { localOptions } from '../../runner/options.js';
import type { CommandSpec } from '../context.js';
import { useCaseCommand } from '../use-case.js';

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
  return useCaseCommand({
    name: 'run',
    summary: 'run a buildspec.yml locally with CodeBuild semantics (phases, finally, on-failure, artifacts)',
    help: HELP,
    options: localOptions,
    prefix: 'aws-cicd run',
    async run(values, reporter, step, ctx) {
      const run = await runLocal(values, reporter, {
        ...step,
        resolveAwsEnv: awsEnvResolver({ region: values.region, env: ctx.env }),
        inImage: inImageRunner({ exec: nodeExec, env: ctx.env }),
        ...deps,
      });
      // A failed build says so in its closing line, an invalid buildspec in its findings.
      return run.exitCode;
    },
  });
}

export const runCommand = runCommandWith();
