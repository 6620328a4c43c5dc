/**
 * CodeBuild projects: the stored Project shape with the defaults AWS fills in (as seen in `create-project` output:
 * timeoutInMinutes 60, queuedTimeoutInMinutes 480, encryptionKey alias/aws/s3, badge, cache NO_CACHE,
 * imagePullCredentialsType CODEBUILD, logsConfig ENABLED/DISABLED...) and the business rules CreateProject and
 * UpdateProject enforce beyond the model's constraints.
 */
import type {
  CreateProjectInput,
  EnvironmentVariable,
  LogsConfig,
  Project,
  ProjectArtifacts,
  ProjectEnvironment,
  ProjectSource,
  UpdateProjectInput,
} from '@aws-sdk/client-codebuild';
import { AwsError } from '../errors.js';

/** A Project as it travels on the wire: timestamps are epoch seconds. */
export type WireProject = Omit<Project, 'created' | 'lastModified'> & { created: number; lastModified: number };

export interface StoredProject {
  project: WireProject;
  buildCounter: number;
  batchCounter: number;
}

const invalidInput = (message: string): AwsError => new AwsError('InvalidInputException', message);

export function normalizeSource(source: ProjectSource): ProjectSource {
  return { ...source, insecureSsl: source.insecureSsl ?? false };
}

export function normalizeArtifacts(artifacts: ProjectArtifacts, projectName: string): ProjectArtifacts {
  if (artifacts.type === 'NO_ARTIFACTS') return { ...artifacts };
  return {
    ...artifacts,
    name: artifacts.name ?? projectName,
    packaging: artifacts.packaging ?? 'NONE',
    ...(artifacts.type === 'S3' ? { namespaceType: artifacts.namespaceType ?? 'NONE' } : {}),
    encryptionDisabled: artifacts.encryptionDisabled ?? false,
  };
}

export function normalizeEnvironment(env: ProjectEnvironment): ProjectEnvironment {
  return {
    ...env,
    environmentVariables: (env.environmentVariables ?? []).map((v: EnvironmentVariable) => ({
      ...v,
      type: v.type ?? 'PLAINTEXT',
    })),
    privilegedMode: env.privilegedMode ?? false,
    imagePullCredentialsType: env.imagePullCredentialsType ?? 'CODEBUILD',
  };
}

export function normalizeLogsConfig(config: LogsConfig | undefined): LogsConfig {
  return {
    cloudWatchLogs: config?.cloudWatchLogs ?? { status: 'ENABLED' },
    s3Logs: { encryptionDisabled: false, ...(config?.s3Logs ?? { status: 'DISABLED' }) },
  };
}

/** The source/artifacts/role rules CodeBuild checks on create, update and build overrides. */
export function checkSourceAndArtifacts(
  source: ProjectSource | undefined,
  artifacts: ProjectArtifacts | undefined,
): void {
  if (source) {
    if (source.type === 'NO_SOURCE' && !source.buildspec) {
      throw invalidInput('Invalid input: buildspec cannot be empty for NO_SOURCE source type');
    }
    if (source.type !== 'NO_SOURCE' && source.type !== 'CODEPIPELINE' && !source.location) {
      throw invalidInput(`Invalid input: source location cannot be empty for source type ${source.type}`);
    }
  }
  if (artifacts?.type === 'S3' && !artifacts.location) {
    throw invalidInput('Invalid input: artifacts location cannot be empty for artifacts type S3');
  }
  const pipelineSource = source?.type === 'CODEPIPELINE';
  const pipelineArtifacts = artifacts?.type === 'CODEPIPELINE';
  if (source && artifacts && pipelineSource !== pipelineArtifacts) {
    throw invalidInput(
      'Invalid input: when using CodePipeline both sourceType, and artifactType must be set to: CODEPIPELINE',
    );
  }
}

export function checkServiceRole(role: string | undefined): void {
  if (role !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(role)) {
    throw invalidInput('Invalid service role');
  }
}

function checkConcurrentBuildLimit(limit: number | undefined, accountLimit: number): void {
  if (limit === undefined || limit === -1) return;
  if (limit < 1) throw invalidInput('Invalid input: concurrentBuildLimit must be at least 1');
  if (limit > accountLimit) {
    throw new AwsError(
      'AccountLimitExceededException',
      `Project-level concurrent build limit cannot exceed the account-level concurrent build limit of ${accountLimit}.`,
    );
  }
}

export interface ProjectContext {
  region: string;
  accountId: string;
  accountBuildLimit: number;
  now: number;
}

export function createProject(input: CreateProjectInput, ctx: ProjectContext): WireProject {
  const name = input.name ?? '';
  checkSourceAndArtifacts(input.source, input.artifacts);
  checkServiceRole(input.serviceRole);
  checkConcurrentBuildLimit(input.concurrentBuildLimit, ctx.accountBuildLimit);
  const created = ctx.now / 1000;
  return {
    name,
    arn: `arn:aws:codebuild:${ctx.region}:${ctx.accountId}:project/${name}`,
    ...(input.description !== undefined ? { description: input.description } : {}),
    source: normalizeSource(input.source ?? { type: 'NO_SOURCE' }),
    secondarySources: (input.secondarySources ?? []).map(normalizeSource),
    ...(input.sourceVersion !== undefined ? { sourceVersion: input.sourceVersion } : {}),
    secondarySourceVersions: input.secondarySourceVersions ?? [],
    artifacts: normalizeArtifacts(input.artifacts ?? { type: 'NO_ARTIFACTS' }, name),
    secondaryArtifacts: (input.secondaryArtifacts ?? []).map((a) => normalizeArtifacts(a, name)),
    cache: input.cache ?? { type: 'NO_CACHE' },
    environment: normalizeEnvironment(
      input.environment ?? { type: 'LINUX_CONTAINER', image: '', computeType: 'BUILD_GENERAL1_SMALL' },
    ),
    serviceRole: input.serviceRole,
    timeoutInMinutes: input.timeoutInMinutes ?? 60,
    queuedTimeoutInMinutes: input.queuedTimeoutInMinutes ?? 480,
    encryptionKey: input.encryptionKey ?? `arn:aws:kms:${ctx.region}:${ctx.accountId}:alias/aws/s3`,
    tags: input.tags ?? [],
    created,
    lastModified: created,
    badge: { badgeEnabled: input.badgeEnabled ?? false },
    logsConfig: normalizeLogsConfig(input.logsConfig),
    fileSystemLocations: input.fileSystemLocations ?? [],
    ...(input.vpcConfig ? { vpcConfig: input.vpcConfig } : {}),
    ...(input.buildBatchConfig ? { buildBatchConfig: input.buildBatchConfig } : {}),
    ...(input.concurrentBuildLimit !== undefined ? { concurrentBuildLimit: input.concurrentBuildLimit } : {}),
    ...(input.autoRetryLimit !== undefined ? { autoRetryLimit: input.autoRetryLimit } : {}),
    projectVisibility: 'PRIVATE',
  };
}

/** UpdateProject: members present replace the stored ones; `concurrentBuildLimit: -1` removes the limit. */
export function updateProject(current: WireProject, input: UpdateProjectInput, ctx: ProjectContext): WireProject {
  const name = current.name ?? '';
  const source = input.source ? normalizeSource(input.source) : current.source;
  const artifacts = input.artifacts ? normalizeArtifacts(input.artifacts, name) : current.artifacts;
  checkSourceAndArtifacts(source, artifacts);
  checkServiceRole(input.serviceRole);
  checkConcurrentBuildLimit(input.concurrentBuildLimit, ctx.accountBuildLimit);
  const next: WireProject = {
    ...current,
    ...(input.description !== undefined ? { description: input.description } : {}),
    source,
    artifacts,
    ...(input.secondarySources ? { secondarySources: input.secondarySources.map(normalizeSource) } : {}),
    ...(input.sourceVersion !== undefined ? { sourceVersion: input.sourceVersion } : {}),
    ...(input.secondarySourceVersions ? { secondarySourceVersions: input.secondarySourceVersions } : {}),
    ...(input.secondaryArtifacts
      ? { secondaryArtifacts: input.secondaryArtifacts.map((a) => normalizeArtifacts(a, name)) }
      : {}),
    ...(input.cache ? { cache: input.cache } : {}),
    ...(input.environment ? { environment: normalizeEnvironment(input.environment) } : {}),
    ...(input.serviceRole !== undefined ? { serviceRole: input.serviceRole } : {}),
    ...(input.timeoutInMinutes !== undefined ? { timeoutInMinutes: input.timeoutInMinutes } : {}),
    ...(input.queuedTimeoutInMinutes !== undefined ? { queuedTimeoutInMinutes: input.queuedTimeoutInMinutes } : {}),
    ...(input.encryptionKey !== undefined ? { encryptionKey: input.encryptionKey } : {}),
    ...(input.tags ? { tags: input.tags } : {}),
    ...(input.vpcConfig ? { vpcConfig: input.vpcConfig } : {}),
    ...(input.badgeEnabled !== undefined ? { badge: { badgeEnabled: input.badgeEnabled } } : {}),
    ...(input.logsConfig ? { logsConfig: normalizeLogsConfig(input.logsConfig) } : {}),
    ...(input.fileSystemLocations ? { fileSystemLocations: input.fileSystemLocations } : {}),
    ...(input.buildBatchConfig ? { buildBatchConfig: input.buildBatchConfig } : {}),
    ...(input.autoRetryLimit !== undefined ? { autoRetryLimit: input.autoRetryLimit } : {}),
    lastModified: ctx.now / 1000,
  };
  if (input.concurrentBuildLimit === -1) delete next.concurrentBuildLimit;
  else if (input.concurrentBuildLimit !== undefined) next.concurrentBuildLimit = input.concurrentBuildLimit;
  return next;
}
