import path from 'node:path';
import { UserError } from '../../common/errors.js';
import { DeployOutputs } from '../../deploy/report.js';
import {
  checkGitHubSource,
  FILE_EXISTS_BEHAVIORS,
  type DeploySettings,
  type FileExistsOption,
  type RevisionSource,
} from '../../deploy/revision.js';
import { defaultSourceVersion } from '../build/inputs.js';
import { InputReader, type RawInputs } from '../common/inputs.js';

/** Input names exactly as in actions/deploy/action.yml. */
export enum Inputs {
  Application = 'application',
  DeploymentGroup = 'deployment-group',
  DeploymentConfig = 'deployment-config',
  Description = 'description',
  Folder = 'folder',
  Bucket = 'bucket',
  Key = 'key',
  GitHubRepository = 'github-repository',
  Commit = 'commit',
  FileExistsBehavior = 'file-exists-behavior',
  IgnoreApplicationStopFailures = 'ignore-application-stop-failures',
  DeploymentId = 'deployment-id',
  Wait = 'wait',
  RollbackOnCancel = 'rollback-on-cancel',
}

export { DeployOutputs as Outputs };

export interface DeployActionSettings {
  /** deployment-id: follow this deployment instead of creating one. */
  readonly attach?: string;
  readonly create?: {
    readonly settings: DeploySettings;
    readonly source: RevisionSource;
    /** The bundle folder relative to the workspace (for annotations), with a folder source. */
    readonly shownFolder?: string;
    /** The commit, for the default S3 key. */
    readonly commit?: string;
  };
  readonly wait: boolean;
  readonly rollbackOnCancel: boolean;
}

/** Reads and checks the inputs (nothing here calls AWS). `env` is the runner's environment. */
export function readDeployInputs(raw: RawInputs, env: NodeJS.ProcessEnv, workspace: string): DeployActionSettings {
  const input = new InputReader(raw);
  const common = {
    wait: input.boolean(Inputs.Wait, true),
    rollbackOnCancel: input.boolean(Inputs.RollbackOnCancel, true),
  };
  const attach = input.optional(Inputs.DeploymentId);
  if (attach !== undefined) {
    if (!/^d-[A-Z0-9]+$/.test(attach)) {
      throw new UserError(`input "${Inputs.DeploymentId}": "${attach}" is not a deployment id (d-XXXXXXXXX)`);
    }
    return { attach, ...common };
  }
  const application = input.optional(Inputs.Application);
  const deploymentGroup = input.optional(Inputs.DeploymentGroup);
  if (application === undefined || deploymentGroup === undefined) {
    const missing = application === undefined ? Inputs.Application : Inputs.DeploymentGroup;
    throw new UserError(`input "${missing}" is required (or give "${Inputs.DeploymentId}")`);
  }
  const fileExists = input.optional(Inputs.FileExistsBehavior);
  const ignoreStop = input.optional(Inputs.IgnoreApplicationStopFailures);
  const commit = input.optional(Inputs.Commit) ?? defaultSourceVersion(env);
  const settings: DeploySettings = {
    application,
    deploymentGroup,
    deploymentConfig: input.optional(Inputs.DeploymentConfig),
    description: input.optional(Inputs.Description) ?? defaultDescription(env, commit),
    ...(fileExists !== undefined
      ? {
          fileExistsBehavior: input.oneOf<FileExistsOption>(
            Inputs.FileExistsBehavior,
            FILE_EXISTS_BEHAVIORS,
            'DISALLOW',
          ),
        }
      : {}),
    ...(ignoreStop !== undefined
      ? { ignoreApplicationStopFailures: input.boolean(Inputs.IgnoreApplicationStopFailures, false) }
      : {}),
  };
  const folder = input.optional(Inputs.Folder);
  const repository = input.optional(Inputs.GitHubRepository);
  if (folder !== undefined && repository !== undefined) {
    throw new UserError(`give either "${Inputs.Folder}" (an S3 revision) or "${Inputs.GitHubRepository}", not both`);
  }
  if (folder !== undefined) {
    const bucket = input.optional(Inputs.Bucket);
    if (bucket === undefined) throw new UserError(`input "${Inputs.Bucket}" is required with "${Inputs.Folder}"`);
    const key = input.optional(Inputs.Key);
    const absolute = path.resolve(workspace, folder);
    const shownFolder = path.relative(workspace, absolute) || '.';
    return {
      ...common,
      create: {
        settings,
        source: { kind: 's3', folder: absolute, bucket, ...(key !== undefined ? { key } : {}) },
        shownFolder,
        ...(commit !== undefined ? { commit } : {}),
      },
    };
  }
  if (repository !== undefined) {
    if (commit === undefined) throw new UserError(`input "${Inputs.Commit}" is required (GITHUB_SHA is not set)`);
    const source = { kind: 'github' as const, repository, commitId: commit };
    checkGitHubSource(source, { repository: `input "${Inputs.GitHubRepository}"`, commit: `input "${Inputs.Commit}"` });
    return { ...common, create: { settings, source, commit } };
  }
  throw new UserError(
    `give "${Inputs.Folder}" and "${Inputs.Bucket}" (a folder with appspec.yml, zipped and uploaded to S3), ` +
      `"${Inputs.GitHubRepository}" (a GitHub revision), or "${Inputs.DeploymentId}"`,
  );
}

/** `owner/repo@abc123def456 (run 42)`: where a deployment came from, shown in CodeDeploy's console. */
export function defaultDescription(env: NodeJS.ProcessEnv, commit: string | undefined): string | undefined {
  const repo = env.GITHUB_REPOSITORY;
  if (!repo) return undefined;
  const run = env.GITHUB_RUN_ID ? ` (run ${env.GITHUB_RUN_ID})` : '';
  return `Deployed by GitHub Actions: ${repo}${commit ? `@${commit.slice(0, 12)}` : ''}${run}`;
}
