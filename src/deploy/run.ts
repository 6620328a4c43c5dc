/**
 * The deploy action's and `aws-cicd deploy`'s shared core: prepare the revision (zip and upload a checked folder, or
 * name a GitHub commit), create the deployment, and follow it (follow.ts).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CodeDeployApi } from '../aws/codedeploy.js';
import { resolveRegion } from '../aws/config.js';
import type { S3Api } from '../aws/s3.js';
import { UserError } from '../core/errors.js';
import { formatBytes } from '../core/duration.js';
import type { OptionNaming } from '../core/options.js';
import type { Failure, Reporter } from '../core/reporter.js';
import type { Clock, Sleep } from '../core/time.js';
import { withResource } from '../core/resource.js';
import { checkBundle } from './bundle.js';
import type { DeployClients } from './clients.js';
import {
  FINAL_DEPLOYMENT_STATUSES,
  followDeployment,
  type DeployFollowTuning,
  type DeploymentOutcome,
} from './follow.js';
import type { DeployOptions } from './options.js';
import {
  DeployOutputs,
  deploymentConsoleUrl,
  deploymentFailures,
  deploymentFailureSummary,
  deploymentOutputs,
  deploymentSummaryMarkdown,
  deploymentTable,
} from './report.js';
import { stopDeployment } from './stop.js';
import {
  checkGitHubSource,
  createDeploymentInput,
  gitHubRevision,
  uploadRevision,
  type DeploySettings,
  type PreparedRevision,
  type RevisionSource,
} from './revision.js';

export interface CreateRequest {
  readonly settings: DeploySettings;
  readonly source: RevisionSource;
  /** The commit the bundle was made from, for the default S3 key. */
  readonly commit?: string;
  readonly tmpDir?: string;
}

export interface CreatedDeployment {
  readonly id: string;
  readonly prepared: PreparedRevision;
}

/** Uploads the revision when it is a folder, then CreateDeployment. `say` gets one line per step. */
export async function createDeployment(
  request: CreateRequest,
  clients: { readonly codedeploy: CodeDeployApi; readonly s3: S3Api },
  say: (text: string) => void,
): Promise<CreatedDeployment> {
  const { settings, source } = request;
  let prepared: PreparedRevision;
  if (source.kind === 's3') {
    prepared = await uploadRevision(source, clients.s3, {
      application: settings.application,
      ...(request.commit !== undefined ? { commit: request.commit } : {}),
      ...(request.tmpDir !== undefined ? { tmpDir: request.tmpDir } : {}),
    });
    say(
      `Uploaded the bundle (${prepared.files ?? 0} files, ${formatBytes(prepared.bytes ?? 0)}) to ${prepared.location}`,
    );
  } else {
    prepared = gitHubRevision(source);
  }
  const id = await clients.codedeploy.createDeployment(createDeploymentInput(settings, prepared.revision));
  say(`Created deployment ${id} of ${prepared.location} to ${settings.application}/${settings.deploymentGroup}`);
  return { id, prepared };
}

export interface DeployDeps {
  readonly env: NodeJS.ProcessEnv;
  /** Where the folder option is read from (the workspace, the current directory). */
  readonly cwd: string;
  /** How the face names its options in messages (`input "folder"`, `--folder`). */
  readonly naming: OptionNaming;
  /** The commit when none is given: the workflow's (the action), git HEAD of the folder (the CLI). */
  readonly defaultCommit?: (folder: string | undefined) => string | undefined;
  /** The description when none is given (the action: repository, commit and run). */
  readonly defaultDescription?: (commit: string | undefined) => string | undefined;
  /** Default: clients made from `env` (and the region option), closed at the end. */
  readonly clients?: DeployClients;
  readonly signal?: AbortSignal;
  /** Called once the deployment is known: `following` says whether it will be followed to its end. */
  readonly onDeployment?: (id: string, following: boolean) => void;
  /** Where the bundle is zipped (default: the OS temp folder). */
  readonly tmpDir?: string;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly tuning?: DeployFollowTuning;
}

export interface DeployRun {
  readonly id?: string;
  readonly outcome?: DeploymentOutcome;
  readonly failure?: Failure;
  /** 0 success, 1 the deployment did not succeed, 2 an invalid appspec. */
  readonly exitCode: number;
  /** The followed deployment ended (a post step has nothing to stop). */
  readonly settled?: boolean;
}

interface Create {
  readonly request: CreateRequest;
  /** The bundle folder as the user gave it, relative to cwd (for annotations). */
  readonly shown?: string;
}

/** What the options ask to deploy; every check that needs no AWS call. */
function createOf(options: DeployOptions, deps: DeployDeps): Create | undefined {
  if (options.deploymentId !== undefined) return undefined;
  const name = deps.naming;
  const usage = (message: string): UserError => new UserError(message, { exitCode: 2 });
  const folder = options.folder;
  const repository = options.githubRepository;
  if (folder !== undefined && repository !== undefined) {
    throw usage(`give either ${name('folder')} (an S3 revision) or ${name('githubRepository')}, not both`);
  }
  if (folder === undefined && repository === undefined) {
    throw usage(
      `give ${name('folder')} and ${name('bucket')} (a folder with appspec.yml, zipped and uploaded to S3), ` +
        `${name('githubRepository')} (a GitHub revision), or ${name('deploymentId')}`,
    );
  }
  const absolute = folder === undefined ? undefined : path.resolve(deps.cwd, folder);
  const commit = options.commit ?? deps.defaultCommit?.(absolute);
  const settings: DeploySettings = {
    application: options.application ?? '',
    deploymentGroup: options.deploymentGroup ?? '',
    deploymentConfig: options.deploymentConfig,
    description: options.description ?? deps.defaultDescription?.(commit),
    ...(options.fileExistsBehavior !== undefined ? { fileExistsBehavior: options.fileExistsBehavior } : {}),
    ...(options.ignoreApplicationStopFailures !== undefined
      ? { ignoreApplicationStopFailures: options.ignoreApplicationStopFailures }
      : {}),
  };
  if (absolute !== undefined) {
    if (options.bucket === undefined) throw usage(`${name('bucket')} is required with ${name('folder')}`);
    const source = {
      kind: 's3' as const,
      folder: absolute,
      bucket: options.bucket,
      ...(options.key ? { key: options.key } : {}),
    };
    return {
      request: {
        settings,
        source,
        ...(commit !== undefined ? { commit } : {}),
        ...(deps.tmpDir ? { tmpDir: deps.tmpDir } : {}),
      },
      shown: path.relative(deps.cwd, absolute) || '.',
    };
  }
  if (commit === undefined) throw usage(`${name('commit')} is required with ${name('githubRepository')}`);
  const source = { kind: 'github' as const, repository: repository ?? '', commitId: commit };
  try {
    checkGitHubSource(source, { repository: name('githubRepository'), commit: name('commit') });
  } catch (error) {
    throw usage((error as Error).message);
  }
  return { request: { settings, source, commit } };
}

/** Creates a deployment (or attaches to one) and follows it to its end. */
export async function runDeploy(options: DeployOptions, reporter: Reporter, deps: DeployDeps): Promise<DeployRun> {
  const create = createOf(options, deps);
  if (create?.request.source.kind === 's3') {
    const check = checkBundle(create.request.source.folder, create.shown ?? '.');
    for (const f of check.findings) {
      const where = { file: f.file, line: f.line, col: f.col, ...(f.path ? { title: f.path } : {}) };
      if (f.severity === 'error') reporter.error(f.message, where);
      else reporter.warning(f.message, where);
    }
    if (check.invalid) {
      const errors = check.findings.filter((f) => f.severity === 'error').length;
      return {
        exitCode: 2,
        failure: {
          message: `${check.appspecFile} has ${errors} error${errors === 1 ? '' : 's'}; no deployment was created`,
        },
      };
    }
  }
  const region = resolveRegion(options.region, deps.env);
  return withResource(
    deps.clients,
    async () => (await import('./clients.js')).createDeployClients({ env: deps.env, region }),
    async (clients) => {
      let id: string;
      let location: string | undefined;
      if (create !== undefined) {
        const created = await createDeployment(create.request, clients, (text) => reporter.info(text));
        id = created.id;
        location = created.prepared.location;
      } else {
        id = options.deploymentId ?? '';
        await clients.codedeploy.getDeployment(id);
        reporter.info(`Following deployment ${id}`);
      }
      reporter.info(`Console: ${deploymentConsoleUrl(region, id)}`);
      reporter.setOutput(DeployOutputs.DeploymentId, id);
      deps.onDeployment?.(id, options.wait);
      if (!options.wait) {
        const deployment = await clients.codedeploy.getDeployment(id);
        reporter.setOutput(DeployOutputs.Status, deployment.status ?? '');
        reporter.info(`Not waiting: follow it later with ${deps.naming('deploymentId')} ${id}`);
        return { id, exitCode: 0 };
      }
      const outcome = await followDeployment(id, {
        codedeploy: clients.codedeploy,
        reporter,
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        cancel: deps.signal,
        rollbackOnCancel: options.rollbackOnCancel,
        tuning: deps.tuning,
      });
      const status = outcome.deployment.status ?? 'Unknown';
      const settled = FINAL_DEPLOYMENT_STATUSES.has(status);
      for (const [name, value] of Object.entries(deploymentOutputs(outcome))) reporter.setOutput(name, value);
      await reporter.summary(deploymentSummaryMarkdown(outcome, { region, ...(location ? { location } : {}) }));
      reporter.table(deploymentTable(outcome));
      if (status === 'Succeeded') return { id, outcome, settled, exitCode: 0 };
      const summary = deploymentFailureSummary(outcome);
      if (outcome.cancelled) {
        return {
          id,
          outcome,
          settled,
          exitCode: 1,
          failure: { message: `the run was cancelled, so the deployment was stopped: ${summary}` },
        };
      }
      const folder = create?.request.source.kind === 's3' ? create.request.source.folder : undefined;
      for (const note of deploymentFailures(outcome, { scriptFile: scriptFileIn(folder, deps.cwd) })) {
        reporter.error(note.message, note);
      }
      return { id, outcome, settled, exitCode: 1, failure: { message: summary } };
    },
  );
}

/** A failing script's file, relative to cwd, when the bundle was made from a folder there. */
function scriptFileIn(
  folder: string | undefined,
  cwd: string,
): ((scriptName: string) => string | undefined) | undefined {
  if (folder === undefined) return undefined;
  return (scriptName) => {
    const relative = scriptName.replace(/\\/g, '/').replace(/^\/+/, '');
    const file = path.join(folder, ...relative.split('/'));
    if (relative === '' || !existsSync(file)) return undefined;
    return path.relative(cwd, file).split(path.sep).join('/');
  };
}

/**
 * The post step of the deploy action: a deployment the main step followed and did not see end is stopped (rolled
 * back unless rollback-on-cancel was false).
 */
export async function stopIfRunning(
  followed: { readonly id: string; readonly rollback: boolean },
  reporter: Reporter,
  deps: { readonly env: NodeJS.ProcessEnv; readonly clients?: DeployClients },
): Promise<boolean> {
  const { id, rollback } = followed;
  return withResource(
    deps.clients,
    async () => (await import('./clients.js')).createDeployClients({ env: deps.env }),
    async (clients) => {
      const deployment = await clients.codedeploy.getDeployment(id);
      if (FINAL_DEPLOYMENT_STATUSES.has(deployment.status ?? '')) return false;
      const result = await stopDeployment(clients.codedeploy, id, rollback);
      if (!result.stopped) {
        reporter.warning(`could not stop deployment ${id}: ${result.reason}`);
        return false;
      }
      reporter.info(
        `The job ended while deployment ${id} was running: stopped it${rollback ? ' (updated targets roll back)' : ''}`,
      );
      return true;
    },
  );
}
