import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveRegion } from '../../aws/config.js';
import { toUserError } from '../../aws/errors.js';
import { UserError } from '../../common/errors.js';
import { checkBundle } from '../../deploy/bundle.js';
import type { DeployOutput } from '../../deploy/follow.js';
import { deploymentConsoleUrl, deploymentFailures, deploymentFailureSummary } from '../../deploy/report.js';
import {
  checkGitHubSource,
  FILE_EXISTS_BEHAVIORS,
  type DeploySettings,
  type FileExistsOption,
  type RevisionSource,
} from '../../deploy/revision.js';
import { findingLine } from '../findings.js';
import type { CliContext, CommandSpec } from '../context.js';
import { useColour } from '../context.js';
import { cliLogger } from './build.js';

const HELP = `Usage: aws-cicd deploy --application APP --deployment-group GROUP
         (--folder DIR --bucket BUCKET [--key KEY] | --github-repository OWNER/NAME --commit SHA) [options]
       aws-cicd deploy --deployment-id ID

Creates an AWS CodeDeploy deployment and follows it to its end: every target's lifecycle events in hook order, the
failing hook's error code, script and output, the rollback. The exit status is its result. With --folder, the
folder's appspec.yml is validated first (errors as file:line:col, nothing deployed), then the folder is zipped and
uploaded to S3. AWS credentials and region come from the environment (AWS_REGION, AWS_PROFILE, ...).

Options:
  --application NAME             the CodeDeploy application (required to create)
  --deployment-group NAME        the deployment group (required to create)
  --folder DIR                   bundle folder with appspec.yml at its root (zipped; .git left out)
  --bucket BUCKET                S3 bucket for the bundle (with --folder)
  --key KEY                      S3 key (default <application>/<commit>-<content hash>.zip)
  --github-repository OWNER/NAME deploy a GitHub revision instead
  --commit SHA                   its full commit id (with --folder: for the default key; default git HEAD)
  --deployment-config NAME       deployment configuration (default: the group's)
  --description TEXT             description of the deployment
  --file-exists-behavior B       DISALLOW, OVERWRITE or RETAIN
  --ignore-application-stop-failures
  --deployment-id ID             follow this deployment instead of creating one
  --no-wait                      print the deployment id and exit once it is created
  --no-rollback-on-cancel        Ctrl-C stops the deployment without rolling back (default: roll back)
  --region REGION                AWS region (default: AWS_REGION / AWS_DEFAULT_REGION)
  -h, --help                     this help

Ctrl-C stops the deployment. Exit status: 0 it Succeeded (or was created, with --no-wait), 1 it did not, 2 a usage
error or an appspec that cannot be read or is invalid, 130 interrupted (the deployment stopped).`;

export const deployCommand: CommandSpec = {
  name: 'deploy',
  summary: 'create a CodeDeploy deployment (folder or GitHub commit) and follow its hooks (exit status: its result)',
  help: HELP,
  async run(argv, ctx) {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        application: { type: 'string' },
        'deployment-group': { type: 'string' },
        folder: { type: 'string' },
        bucket: { type: 'string' },
        key: { type: 'string' },
        'github-repository': { type: 'string' },
        commit: { type: 'string' },
        'deployment-config': { type: 'string' },
        description: { type: 'string' },
        'file-exists-behavior': { type: 'string' },
        'ignore-application-stop-failures': { type: 'boolean' },
        'deployment-id': { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
        'no-rollback-on-cancel': { type: 'boolean', default: false },
        region: { type: 'string' },
      },
      allowPositionals: false,
      strict: true,
    });
    const usage = (message: string) => new UserError(message, { exitCode: 2 });
    let create: { settings: DeploySettings; source: RevisionSource; commit?: string; shown?: string } | undefined;
    const attach = values['deployment-id'];
    if (attach === undefined) {
      const { application, folder } = values;
      const group = values['deployment-group'];
      const repository = values['github-repository'];
      if (application === undefined || group === undefined) {
        throw usage('--application and --deployment-group are required (or --deployment-id)');
      }
      if ((folder === undefined) === (repository === undefined)) {
        throw usage('give --folder (with --bucket) or --github-repository (with --commit)');
      }
      const behavior = values['file-exists-behavior'];
      if (behavior !== undefined && !(FILE_EXISTS_BEHAVIORS as readonly string[]).includes(behavior)) {
        throw usage(`--file-exists-behavior must be one of ${FILE_EXISTS_BEHAVIORS.join(', ')}; got "${behavior}"`);
      }
      const settings: DeploySettings = {
        application,
        deploymentGroup: group,
        deploymentConfig: values['deployment-config'],
        description: values.description,
        ...(behavior !== undefined ? { fileExistsBehavior: behavior as FileExistsOption } : {}),
        ...(values['ignore-application-stop-failures'] !== undefined
          ? { ignoreApplicationStopFailures: values['ignore-application-stop-failures'] }
          : {}),
      };
      if (folder !== undefined) {
        if (values.bucket === undefined) throw usage('--bucket is required with --folder');
        const absolute = path.resolve(ctx.cwd, folder);
        const shown = path.relative(ctx.cwd, absolute) || '.';
        const check = checkBundle(absolute, shown);
        const colour = useColour(ctx.stderr, ctx.env);
        for (const finding of check.findings) ctx.stderr.write(findingLine(finding, colour) + '\n');
        if (check.invalid) return 2;
        const commit = values.commit ?? headCommit(absolute);
        create = {
          settings,
          source: { kind: 's3', folder: absolute, bucket: values.bucket, ...(values.key ? { key: values.key } : {}) },
          ...(commit !== undefined ? { commit } : {}),
          shown,
        };
      } else {
        if (values.commit === undefined) throw usage('--commit is required with --github-repository');
        const source = { kind: 'github' as const, repository: repository ?? '', commitId: values.commit };
        try {
          checkGitHubSource(source, { repository: '--github-repository', commit: '--commit' });
        } catch (error) {
          throw usage((error as Error).message);
        }
        create = { settings, source };
      }
    }

    const region = resolveRegion(values.region, ctx.env);
    // The SDK clients load on demand, so the CLI's other commands start without them.
    const { createDeployClients } = await import('../../deploy/clients.js');
    const { createDeployment } = await import('../../deploy/run.js');
    const { followDeployment } = await import('../../deploy/follow.js');
    const clients = createDeployClients({ env: ctx.env, region });
    const say = (text: string): void => void ctx.stderr.write(`aws-cicd: ${text}\n`);
    try {
      let id: string;
      if (create !== undefined) {
        id = (
          await createDeployment(
            { settings: create.settings, source: create.source, ...(create.commit ? { commit: create.commit } : {}) },
            clients,
            say,
          )
        ).id;
      } else {
        id = attach ?? '';
        await clients.codedeploy.getDeployment(id);
        say(`following deployment ${id}`);
      }
      say(`console: ${deploymentConsoleUrl(region, id)}`);
      if (values['no-wait']) {
        ctx.stdout.write(`${id}\n`);
        return 0;
      }
      const outcome = await followDeployment(id, {
        codedeploy: clients.codedeploy,
        output: plainDeployOutput(ctx),
        logger: cliLogger(ctx, 'aws-cicd deploy'),
        cancel: ctx.signal,
        rollbackOnCancel: !values['no-rollback-on-cancel'],
      });
      if (outcome.deployment.status === 'Succeeded') {
        say(`deployment ${id} Succeeded`);
        return 0;
      }
      if (!outcome.cancelled) {
        const folder = create?.source.kind === 's3' ? create.source.folder : undefined;
        const notes = deploymentFailures(outcome, {
          scriptFile: (script) => {
            const file = folder ? path.join(folder, script.replace(/^[\\/]+/, '')) : undefined;
            return file && existsSync(file) ? path.relative(ctx.cwd, file) : undefined;
          },
        });
        for (const note of notes) {
          ctx.stderr.write(`${note.file ? `${note.file}: ` : ''}${note.title}:\n${note.message}\n`);
        }
      }
      say(deploymentFailureSummary(outcome));
      return 1;
    } catch (error) {
      throw toUserError(error);
    } finally {
      clients.dispose();
    }
  },
};

/** CodeDeploy's text on stdout; our lines on stderr. */
export function plainDeployOutput(ctx: CliContext): DeployOutput {
  return {
    status: (text) => void ctx.stderr.write(`aws-cicd: ${text}\n`),
    line: (text) => void ctx.stdout.write(`${text.replace(/\r?\n$/, '')}\n`),
  };
}

function headCommit(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}
