import { optionsHelp } from '../../core/options.js';
import { deployOptions } from '../../deploy/options.js';
import { runDeploy, type DeployDeps } from '../../deploy/run.js';
import type { CommandSpec } from '../context.js';
import { gitHead } from '../git.js';
import { ended, useCaseCommand } from '../use-case.js';

const HELP = `Usage: aws-cicd deploy --application APP --deployment-group GROUP
         (--folder DIR --bucket BUCKET [--key KEY] | --github-repository OWNER/NAME --commit SHA) [options]
       aws-cicd deploy --deployment-id ID

Creates an AWS CodeDeploy deployment and follows it to its end: every target's lifecycle events in hook order, the
failing hook's error code, script and output, the rollback. The exit status is its result. With --folder, the
folder's appspec.yml is validated first (errors as file:line:col, nothing deployed), then the folder is zipped and
uploaded to S3. AWS credentials and region come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
${optionsHelp(deployOptions)}

Ctrl-C stops the deployment. Exit status: 0 it Succeeded (or was created, with --no-wait), 1 it did not, 2 a usage
error or an appspec that cannot be read or is invalid, 130 interrupted (the deployment stopped).`;

export function deployCommandWith(deps: Partial<DeployDeps> = {}): CommandSpec {
  return useCaseCommand({
    name: 'deploy',
    summary: 'create a CodeDeploy deployment (folder or GitHub commit) and follow its hooks (exit status: its result)',
    help: HELP,
    options: deployOptions,
    async run(values, reporter, step, ctx) {
      const run = await runDeploy(values, reporter, {
        ...step,
        // With --folder, the commit of the folder's work tree names the bundle; a GitHub revision needs --commit.
        defaultCommit: (folder) => (folder === undefined ? undefined : gitHead(folder)),
        ...deps,
      });
      return ended(run, reporter, ctx, values.wait ? undefined : run.id);
    },
  });
}

export const deployCommand = deployCommandWith();
