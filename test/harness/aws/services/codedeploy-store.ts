/**
 * CodeDeploy's data: applications, deployment groups, instances (on-premises ones registered through the API or by
 * tests, "EC2 instances" registered by tests), deployments, and the GitHub repositories GitHub revisions resolve to.
 *
 * Each instance has a root directory (`instanceRoot(name)`) in a temporary folder the emulator owns (removed by
 * close()): appspec destinations and the agent's own files land under it, never on the real filesystem.
 *
 * For tests and for the CodePipeline emulator (its CodeDeploy deploy action):
 *   registerInstance(name, { tags, kind })             an on-premises instance (or an EC2 instance) with tags
 *   registerGitHubRepository('owner/repo', localPath)  GitHub revisions of owner/repo come from this git repository
 *   startDeploymentFromPipeline({ applicationName, deploymentGroupName, bundle })  → deployment id
 *   deployment(id).done / waitForDeployment(id)        the run, and its DeploymentInfo once complete
 */
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { CreateDeploymentInput } from '@aws-sdk/client-codedeploy';
import { writeZip } from '../../../../src/runner/zip.js';
import type { ZipEntryInput } from '../../../../src/runner/zip.js';
import type { DeploymentAgent, RevisionFetcher } from '../codedeploy/agent.js';
import type { DeploymentPlan, TargetInstance } from '../codedeploy/deployment.js';
import { DeploymentRun, PREDEFINED_CONFIGS } from '../codedeploy/deployment.js';
import { AwsError } from '../errors.js';
import { epochSeconds, uuid } from '../util.js';
import type { S3Store } from './s3-store.js';

const git = promisify(execFile);

export interface Tag {
  Key?: string;
  Value?: string;
}

export interface TagFilter extends Tag {
  Type?: string;
}

export interface StoredApplication {
  applicationId: string;
  applicationName: string;
  createTime: number;
  computePlatform: string;
}

export interface StoredInstance {
  name: string;
  kind: 'onPremises' | 'ec2';
  arn: string;
  tags: Tag[];
  registerTime: number;
  iamUserArn?: string;
  iamSessionArn?: string;
}

/** The deployment group as GetDeploymentGroup answers it, minus what is computed (last deployments, target revision). */
export interface StoredDeploymentGroup {
  info: Record<string, unknown> & {
    applicationName: string;
    deploymentGroupId: string;
    deploymentGroupName: string;
    deploymentConfigName: string;
    deploymentStyle: { deploymentType: string; deploymentOption: string };
  };
  lastSuccessful?: DeploymentRun;
  lastAttempted?: DeploymentRun;
}

export interface PipelineDeploymentRequest {
  applicationName: string;
  deploymentGroupName: string;
  /** The revision: bytes, a bundle file, or a directory (zipped here). */
  bundle: Buffer | string;
  /** Default zip. */
  bundleType?: 'zip' | 'tar' | 'tgz';
  /** Where the bundle is uploaded in the emulated S3; default the pipeline artifact bucket codepipeline-<region>-<account>. */
  bucket?: string;
  key?: string;
  description?: string;
}

const DEPLOYMENT_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export function newDeploymentId(): string {
  let id = 'd-';
  for (let i = 0; i < 9; i++) id += DEPLOYMENT_ID_CHARS[randomInt(DEPLOYMENT_ID_CHARS.length)];
  return id;
}

function matchesFilter(tags: Tag[], f: TagFilter): boolean {
  const type =
    f.Type ?? (f.Key !== undefined && f.Value !== undefined ? 'KEY_AND_VALUE' : f.Key ? 'KEY_ONLY' : 'VALUE_ONLY');
  return tags.some((t) =>
    type === 'KEY_ONLY'
      ? t.Key === f.Key
      : type === 'VALUE_ONLY'
        ? t.Value === f.Value
        : t.Key === f.Key && t.Value === f.Value,
  );
}

export interface CodeDeployStoreDeps {
  region: string;
  accountId: string;
  now: () => number;
  agent: DeploymentAgent;
  s3: S3Store;
}

export class CodeDeployStore {
  readonly applications = new Map<string, StoredApplication>();
  /** application name → group name → group */
  readonly groups = new Map<string, Map<string, StoredDeploymentGroup>>();
  readonly instances = new Map<string, StoredInstance>();
  readonly deployments = new Map<string, DeploymentRun>();
  /** owner/repo (lower-case) → local git repository */
  readonly gitHubRepositories = new Map<string, string>();
  private readonly root = mkdtempSync(join(tmpdir(), 'aws-emulator-codedeploy-'));
  private readonly closing = new AbortController();

  constructor(private readonly deps: CodeDeployStoreDeps) {}

  get region(): string {
    return this.deps.region;
  }

  get accountId(): string {
    return this.deps.accountId;
  }

  get now(): () => number {
    return this.deps.now;
  }

  // ---- instances -----------------------------------------------------------------------------------------------

  /** Registers an instance with tags (an on-premises instance unless kind is 'ec2'); answers it. */
  registerInstance(
    name: string,
    options: {
      tags?: Record<string, string> | Tag[];
      kind?: 'onPremises' | 'ec2';
      iamUserArn?: string;
      iamSessionArn?: string;
    } = {},
  ): StoredInstance {
    const kind = options.kind ?? 'onPremises';
    const tags = Array.isArray(options.tags)
      ? options.tags
      : Object.entries(options.tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
    const instance: StoredInstance = {
      name,
      kind,
      arn:
        kind === 'ec2'
          ? `arn:aws:ec2:${this.region}:${this.accountId}:instance/${name}`
          : `arn:aws:codedeploy:${this.region}:${this.accountId}:instance/${name}`,
      tags,
      registerTime: this.now(),
      ...(options.iamUserArn !== undefined ? { iamUserArn: options.iamUserArn } : {}),
      ...(options.iamSessionArn !== undefined ? { iamSessionArn: options.iamSessionArn } : {}),
    };
    this.instances.set(name, instance);
    mkdirSync(this.instanceRoot(name), { recursive: true });
    return instance;
  }

  /** The directory standing for the instance's `/` (installed files are at instanceRoot(name) + destination). */
  instanceRoot(name: string): string {
    return join(this.root, 'instances', encodeURIComponent(name));
  }

  /** GitHub revisions of `repository` (owner/repo) are read from the git repository at `path`. */
  registerGitHubRepository(repository: string, path: string): void {
    this.gitHubRepositories.set(repository.toLowerCase(), path);
  }

  /** The instances a deployment group targets now (tag filters / tag sets, on-premises and EC2). */
  targetsOf(group: StoredDeploymentGroup): TargetInstance[] {
    const info = group.info as {
      ec2TagFilters?: TagFilter[];
      onPremisesInstanceTagFilters?: TagFilter[];
      ec2TagSet?: { ec2TagSetList?: TagFilter[][] };
      onPremisesTagSet?: { onPremisesTagSetList?: TagFilter[][] };
    };
    const selects = (instance: StoredInstance): boolean => {
      const filters = instance.kind === 'ec2' ? info.ec2TagFilters : info.onPremisesInstanceTagFilters;
      const set = instance.kind === 'ec2' ? info.ec2TagSet?.ec2TagSetList : info.onPremisesTagSet?.onPremisesTagSetList;
      if (filters && filters.length > 0) return filters.some((f) => matchesFilter(instance.tags, f));
      if (set && set.length > 0) return set.every((group) => group.some((f) => matchesFilter(instance.tags, f)));
      return false;
    };
    return [...this.instances.values()]
      .filter(selects)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((i) => ({ name: i.name, arn: i.arn, root: this.instanceRoot(i.name) }));
  }

  // ---- lookups ---------------------------------------------------------------------------------------------------

  requireApplication(name: string): StoredApplication {
    const app = this.applications.get(name);
    if (!app) throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`);
    return app;
  }

  requireGroup(applicationName: string, groupName: string): StoredDeploymentGroup {
    this.requireApplication(applicationName);
    const group = this.groups.get(applicationName)?.get(groupName);
    if (!group) {
      throw new AwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${groupName}`);
    }
    return group;
  }

  deployment(id: string): DeploymentRun | undefined {
    return this.deployments.get(id);
  }

  // ---- deployments -----------------------------------------------------------------------------------------------

  /** CreateDeployment's semantics (validation, errors, defaults); rollbacks pass their creator and trigger. */
  createDeployment(
    input: CreateDeploymentInput,
    extra: { creator?: string; rollbackTriggeringDeploymentId?: string } = {},
  ): DeploymentRun {
    const applicationName = input.applicationName ?? '';
    this.requireApplication(applicationName);
    if (!input.deploymentGroupName) {
      throw new AwsError('DeploymentGroupNameRequiredException', 'Deployment Group name is missing');
    }
    const group = this.requireGroup(applicationName, input.deploymentGroupName);
    const revision = checkRevision(input.revision);
    const configName = input.deploymentConfigName ?? group.info.deploymentConfigName;
    const minimumHealthyHosts = PREDEFINED_CONFIGS[configName];
    if (!minimumHealthyHosts) {
      throw new AwsError(
        'DeploymentConfigDoesNotExistException',
        `No deployment configuration found for name: ${configName}`,
      );
    }
    if (input.targetInstances) throw notEmulatedHere('targetInstances (blue/green deployments)');
    const active = [...this.deployments.values()].find(
      (d) => d.plan.deploymentGroupId === group.info.deploymentGroupId && !d.complete,
    );
    if (active) {
      throw new AwsError(
        'DeploymentLimitExceededException',
        `The Deployment Group '${group.info.deploymentGroupName}' already has an active Deployment '${active.id}'`,
      );
    }
    const style = group.info.deploymentStyle;
    const autoRollback = (input.autoRollbackConfiguration ?? group.info.autoRollbackConfiguration) as
      DeploymentPlan['autoRollbackConfiguration'] | undefined;
    const plan: DeploymentPlan = {
      deploymentId: newDeploymentId(),
      applicationName,
      deploymentGroupName: group.info.deploymentGroupName,
      deploymentGroupId: group.info.deploymentGroupId,
      deploymentConfigName: configName,
      minimumHealthyHosts,
      revision,
      ...(group.lastSuccessful ? { previousRevision: group.lastSuccessful.plan.revision } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      creator: extra.creator ?? 'user',
      ignoreApplicationStopFailures: input.ignoreApplicationStopFailures ?? false,
      ...(autoRollback ? { autoRollbackConfiguration: autoRollback } : {}),
      updateOutdatedInstancesOnly: input.updateOutdatedInstancesOnly ?? false,
      fileExistsBehavior: input.fileExistsBehavior ?? 'DISALLOW',
      deploymentStyle: style,
      ...(group.info.loadBalancerInfo
        ? { loadBalancerInfo: group.info.loadBalancerInfo as Record<string, unknown> }
        : {}),
      loadBalancer: style.deploymentOption === 'WITH_TRAFFIC_CONTROL',
      ...(input.overrideAlarmConfiguration
        ? { overrideAlarmConfiguration: input.overrideAlarmConfiguration as Record<string, unknown> }
        : {}),
      ...(extra.rollbackTriggeringDeploymentId !== undefined
        ? { rollbackTriggeringDeploymentId: extra.rollbackTriggeringDeploymentId }
        : {}),
    };
    const run = new DeploymentRun(plan, {
      agent: this.deps.agent,
      now: this.now,
      targets: () => this.targetsOf(group),
      revision: this.fetcher(revision),
      closing: this.closing.signal,
      onComplete: (r) => this.completed(group, r),
    });
    if (extra.rollbackTriggeringDeploymentId !== undefined) {
      run.rollbackInfo = { rollbackTriggeringDeploymentId: extra.rollbackTriggeringDeploymentId };
    }
    this.deployments.set(run.id, run);
    return run;
  }

  /** Records the outcome on the group and rolls back when the deployment (or its stop request) asks for it. */
  private completed(group: StoredDeploymentGroup, run: DeploymentRun): void {
    group.lastAttempted = run;
    if (run.status === 'Succeeded') {
      group.lastSuccessful = run;
      return;
    }
    if (run.plan.creator === 'codeDeployRollback' || this.closing.signal.aborted) return;
    const config = run.plan.autoRollbackConfiguration;
    const stop = run.stopRequested;
    const wanted =
      run.status === 'Stopped'
        ? (stop?.autoRollbackEnabled ??
          (config?.enabled === true && (config.events ?? []).includes('DEPLOYMENT_STOP_ON_REQUEST')))
        : config?.enabled === true && (config.events ?? []).includes('DEPLOYMENT_FAILURE');
    if (!wanted) return;
    const last = group.lastSuccessful;
    if (!last) {
      run.rollbackInfo = {
        rollbackMessage:
          'Automatic rollback was not performed: the deployment group has no previous successful revision.',
      };
      return;
    }
    const rollback = this.createDeployment(
      {
        applicationName: run.plan.applicationName,
        deploymentGroupName: run.plan.deploymentGroupName,
        revision: last.plan.revision,
        deploymentConfigName: run.plan.deploymentConfigName,
        fileExistsBehavior: run.plan.fileExistsBehavior,
        ignoreApplicationStopFailures: run.plan.ignoreApplicationStopFailures,
      },
      { creator: 'codeDeployRollback', rollbackTriggeringDeploymentId: run.id },
    );
    run.rollbackInfo = { rollbackDeploymentId: rollback.id };
  }

  /** Where the agent's DownloadBundle gets the revision: the emulated S3, or a registered git repository. */
  private fetcher(revision: Record<string, unknown>): RevisionFetcher {
    if (revision.revisionType === 'S3') {
      const loc = revision.s3Location as {
        bucket: string;
        key: string;
        bundleType?: string;
        eTag?: string;
        version?: string;
      };
      return {
        bundleType: loc.bundleType,
        fetch: async () => {
          const bucket = this.deps.s3.bucket(loc.bucket);
          if (!bucket) throw new Error('The specified bucket does not exist');
          const object = bucket.objects.get(loc.key);
          if (!object) throw new Error('The specified key does not exist.');
          if (loc.version !== undefined && loc.version !== 'null') throw new Error('Invalid version id specified');
          if (loc.eTag !== undefined && loc.eTag.replace(/"/g, '') !== object.etag.replace(/"/g, '')) {
            throw new Error(`Expected deployment artifact bundle etag ${loc.eTag} but was actually ${object.etag}`);
          }
          return object.body;
        },
      };
    }
    const loc = revision.gitHubLocation as { repository: string; commitId: string };
    const [owner = '', repo = ''] = loc.repository.split('/');
    const url = `https://api.github.com/repos/${owner}/${repo}/tarball/${loc.commitId}`;
    return {
      bundleType: 'tar',
      fetch: async () => {
        const notFound = new Error(
          `Could not download bundle at '${url}' after 3 retries. Server returned codes: 404 'Not Found'; 404 'Not Found'; ` +
            `404 'Not Found'; 404 'Not Found'.`,
        );
        const path = this.gitHubRepositories.get(loc.repository.toLowerCase());
        if (!path) throw notFound;
        try {
          const { stdout: sha } = await git('git', ['-C', path, 'rev-parse', '--verify', `${loc.commitId}^{commit}`]);
          const prefix = `${owner}-${repo}-${sha.trim().slice(0, 7)}/`;
          const { stdout } = await git(
            'git',
            ['-C', path, 'archive', '--format=tar', `--prefix=${prefix}`, sha.trim()],
            {
              encoding: 'buffer',
              maxBuffer: 256 * 1024 * 1024,
            },
          );
          return stdout;
        } catch {
          throw notFound;
        }
      },
    };
  }

  /**
   * The CodeDeploy action of a pipeline's deploy stage: uploads the bundle to the emulated S3 (the pipeline's
   * artifact bucket unless told otherwise) and creates a deployment of it. Answers the deployment id; throws the
   * AwsError CreateDeployment would (ApplicationDoesNotExistException, DeploymentGroupDoesNotExistException,
   * DeploymentLimitExceededException ...).
   */
  async startDeploymentFromPipeline(request: PipelineDeploymentRequest): Promise<string> {
    const bundleType = request.bundleType ?? 'zip';
    const data = typeof request.bundle === 'string' ? await bundleBytes(request.bundle, bundleType) : request.bundle;
    const bucket = request.bucket ?? `codepipeline-${this.region}-${this.accountId}`;
    const key = request.key ?? `${request.applicationName}/${request.deploymentGroupName}/${uuid()}.${bundleType}`;
    this.deps.s3.createBucket(bucket);
    const object = this.deps.s3.putObject(bucket, key, data, {
      contentType: bundleType === 'zip' ? 'application/zip' : 'application/x-tar',
    });
    const run = this.createDeployment({
      applicationName: request.applicationName,
      deploymentGroupName: request.deploymentGroupName,
      revision: { revisionType: 'S3', s3Location: { bucket, key, bundleType, eTag: object.etag.replace(/"/g, '') } },
      ...(request.description !== undefined ? { description: request.description } : {}),
    });
    return run.id;
  }

  /** Waits for a deployment to complete; answers its status. */
  async waitForDeployment(id: string): Promise<DeploymentRun['status']> {
    const run = this.deployments.get(id);
    if (!run) throw new Error(`no CodeDeploy deployment ${id}`);
    await run.done;
    return run.status;
  }

  /** Kills running scripts, lets every deployment settle, removes the instance directories. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.all([...this.deployments.values()].map((d) => d.done));
    rmSync(this.root, { recursive: true, force: true });
  }

  // ---- wire shapes ---------------------------------------------------------------------------------------------

  deploymentInfo(run: DeploymentRun): Record<string, unknown> {
    const p = run.plan;
    return {
      applicationName: p.applicationName,
      deploymentGroupName: p.deploymentGroupName,
      deploymentConfigName: p.deploymentConfigName,
      deploymentId: p.deploymentId,
      ...(p.previousRevision ? { previousRevision: p.previousRevision } : {}),
      revision: p.revision,
      status: run.status,
      ...(run.errorInformation ? { errorInformation: run.errorInformation } : {}),
      createTime: epochSeconds(run.createTime),
      ...(run.startTime !== undefined ? { startTime: epochSeconds(run.startTime) } : {}),
      ...(run.completeTime !== undefined ? { completeTime: epochSeconds(run.completeTime) } : {}),
      deploymentOverview: run.overview(),
      ...(p.description !== undefined ? { description: p.description } : {}),
      creator: p.creator,
      ignoreApplicationStopFailures: p.ignoreApplicationStopFailures,
      ...(p.autoRollbackConfiguration ? { autoRollbackConfiguration: p.autoRollbackConfiguration } : {}),
      updateOutdatedInstancesOnly: p.updateOutdatedInstancesOnly,
      ...(run.rollbackInfo ? { rollbackInfo: run.rollbackInfo } : {}),
      deploymentStyle: p.deploymentStyle,
      instanceTerminationWaitTimeStarted: false,
      ...(p.loadBalancerInfo ? { loadBalancerInfo: p.loadBalancerInfo } : {}),
      fileExistsBehavior: p.fileExistsBehavior,
      deploymentStatusMessages: [],
      computePlatform: 'Server',
      ...(p.overrideAlarmConfiguration ? { overrideAlarmConfiguration: p.overrideAlarmConfiguration } : {}),
    };
  }

  groupInfo(group: StoredDeploymentGroup): Record<string, unknown> {
    const last = (r: DeploymentRun | undefined) =>
      r && {
        deploymentId: r.id,
        status: r.status,
        ...(r.completeTime !== undefined ? { endTime: epochSeconds(r.completeTime) } : {}),
        createTime: epochSeconds(r.createTime),
      };
    return {
      ...group.info,
      ...(group.lastSuccessful ? { targetRevision: group.lastSuccessful.plan.revision } : {}),
      ...(group.lastSuccessful ? { lastSuccessfulDeployment: last(group.lastSuccessful) } : {}),
      ...(group.lastAttempted ? { lastAttemptedDeployment: last(group.lastAttempted) } : {}),
    };
  }
}

function notEmulatedHere(what: string): AwsError {
  return new AwsError('NotImplementedByEmulator', `The local AWS emulator does not implement ${what}.`, 501);
}

/** The revision as CodeDeploy accepts it for an EC2/On-Premises deployment (S3 or GitHub), echoed as given. */
function checkRevision(revision: CreateDeploymentInput['revision']): Record<string, unknown> {
  if (!revision) throw new AwsError('RevisionRequiredException', 'The revision ID was not specified.');
  const invalid = (why: string) => new AwsError('InvalidRevisionException', why);
  switch (revision.revisionType) {
    case 'S3': {
      const s3 = revision.s3Location;
      if (!s3?.bucket) throw invalid('The S3 bucket name was not specified in the revision location.');
      if (!s3.key) throw invalid('The S3 key was not specified in the revision location.');
      if (s3.bundleType === 'YAML' || s3.bundleType === 'JSON') {
        throw invalid(`Bundle type ${s3.bundleType} is only valid for AWS Lambda and Amazon ECS deployments.`);
      }
      return { revisionType: 'S3', s3Location: { ...s3 } };
    }
    case 'GitHub': {
      const gh = revision.gitHubLocation;
      if (!gh?.repository || !/^[^/\s]+\/[^/\s]+$/.test(gh.repository)) {
        throw invalid('The GitHub repository was not specified in the revision location (account/repository).');
      }
      if (!gh.commitId) throw invalid('The GitHub commit ID was not specified in the revision location.');
      return { revisionType: 'GitHub', gitHubLocation: { ...gh } };
    }
    case 'String':
    case 'AppSpecContent':
      throw invalid(`A ${revision.revisionType} revision is only valid for AWS Lambda and Amazon ECS deployments.`);
    default:
      throw invalid('The revision was specified in an invalid format.');
  }
}

/** A bundle file's bytes, or a directory zipped (tar bundles need a file). */
async function bundleBytes(path: string, bundleType: string): Promise<Buffer> {
  if (!(await stat(path)).isDirectory()) return readFile(path);
  if (bundleType !== 'zip') throw new Error(`a directory bundle is zipped: bundleType must be zip, not ${bundleType}`);
  const entries: ZipEntryInput[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, d.name);
      if (d.isDirectory()) await walk(full);
      else if (d.isSymbolicLink())
        entries.push({ name: relative(path, full), source: { kind: 'symlink', path: full } });
      else if (d.isFile()) entries.push({ name: relative(path, full), source: { kind: 'file', path: full } });
    }
  };
  await walk(path);
  const temp = await mkdtemp(join(tmpdir(), 'aws-emulator-bundle-'));
  try {
    const out = join(temp, 'bundle.zip');
    await writeZip(out, entries);
    return await readFile(out);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
