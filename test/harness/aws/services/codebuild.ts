/**
 * AWS CodeBuild (awsJson1_1, CodeBuild_20161006): projects, builds and batch builds. Builds run through the injected
 * BuildExecutor (codebuild/executor.ts); their log lines go to CloudWatch Logs (/aws/codebuild/<project>/<uuid>).
 */
import type {
  BatchGetBuildBatchesInput,
  BatchGetBuildsInput,
  BatchGetProjectsInput,
  CreateProjectInput,
  DeleteProjectInput,
  ListBuildsForProjectInput,
  ListProjectsInput,
  ProjectSource,
  StartBuildBatchInput,
  StartBuildBatchOutput,
  StartBuildInput,
  StartBuildOutput,
  StopBuildBatchInput,
  StopBuildInput,
  UpdateProjectInput,
} from '@aws-sdk/client-codebuild';
import { AwsError } from '../errors.js';
import { model } from '../models/codebuild.js';
import { decodeToken, encodeToken, epochSeconds, uuid } from '../util.js';
import { BatchRun } from '../codebuild/batches.js';
import type { ChildBuildRequest, WireBuildBatch } from '../codebuild/batches.js';
import { plannedArtifact } from '../codebuild/artifacts-upload.js';
import { BuildRun } from '../codebuild/builds.js';
import { ReportStore } from '../codebuild/reports.js';
import type { BuildDeps, BuildPlan, WireBuild } from '../codebuild/builds.js';
import type { BuildspecSource } from '../codebuild/executor.js';
import {
  checkServiceRole,
  checkSourceAndArtifacts,
  createProject,
  normalizeEnvironment,
  normalizeLogsConfig,
  updateProject,
} from '../codebuild/projects.js';
import type { StoredProject, WireProject } from '../codebuild/projects.js';
import { mergeVariables } from '../codebuild/variables.js';
import { remember, replayed } from '../codebuild/idempotency.js';
import type { IdempotencyRecord } from '../codebuild/idempotency.js';
import { reportOperations } from './codebuild-reports.js';
import type { JsonService, OperationContext } from './types.js';
import { op } from './types.js';

/** StartBuild input from another emulated service (startInternal): not on the wire. */
export type InternalStartBuildInput = StartBuildInput & {
  /** Keep the build's artifact ZIPs here (BuildExecutionRequest.artifactsDir). */
  artifactsDir?: string;
};

export interface CodeBuildOptions {
  region: string;
  accountId: string;
  /** Active (incomplete) builds allowed in the account; AccountLimitExceededException beyond. Default 60. */
  accountConcurrentBuildLimit?: number;
}

/** Projects, builds and batches; tests may inspect them or wait on `build(id).done`. */
export class CodeBuildStore {
  readonly projects = new Map<string, StoredProject>();
  readonly builds = new Map<string, BuildRun>();
  readonly batches = new Map<string, BatchRun>();
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly batchIdempotency = new Map<string, IdempotencyRecord>();
  /** Report groups and reports (codebuild/reports.ts). */
  readonly reports: ReportStore;

  constructor(options: { region?: string; accountId?: string; now?: () => number } = {}) {
    this.reports = new ReportStore(
      options.region ?? 'us-east-1',
      options.accountId ?? '000000000000',
      options.now ?? Date.now,
    );
  }

  /** By id or ARN. */
  build(idOrArn: string): BuildRun | undefined {
    return this.builds.get(idOrArn.replace(/^arn:aws:codebuild:[^:]+:\d+:build\//, ''));
  }

  batch(idOrArn: string): BatchRun | undefined {
    return this.batches.get(idOrArn.replace(/^arn:aws:codebuild:[^:]+:\d+:build-batch\//, ''));
  }

  /** By name or ARN. */
  project(nameOrArn: string): StoredProject | undefined {
    return this.projects.get(nameOrArn.replace(/^arn:aws:codebuild:[^:]+:\d+:project\//, ''));
  }

  /**
   * Internal entry point for other emulated services (CodePipeline's CodeBuild action): runs the StartBuild or
   * StartBuildBatch operation, without a request, as `initiator` (what the build records, e.g. `codepipeline/<name>`).
   * Set by createCodeBuildService.
   */
  startInternal: (
    operation: 'StartBuild' | 'StartBuildBatch',
    input: InternalStartBuildInput | StartBuildBatchInput,
    initiator: string,
  ) => Promise<BuildRun | BatchRun> = () => Promise.reject(new Error('the CodeBuild service is not set up'));

  /** Stops every build and batch and waits for them to settle. */
  async stopAll(): Promise<void> {
    for (const b of this.batches.values()) b.stop();
    for (const b of this.builds.values()) b.stop();
    await Promise.all([...this.builds.values()].map((b) => b.done));
    await Promise.all([...this.batches.values()].map((b) => b.done));
  }
}

const NO_SOURCE: ProjectSource = { type: 'NO_SOURCE' };
const snapshot = <T>(v: T): T => structuredClone(v);

function buildspecOf(text: string | undefined, sourceType: string | undefined): BuildspecSource {
  if (text === undefined || text === '') return { kind: 'file', path: 'buildspec.yml' };
  if (sourceType === 'NO_SOURCE' || text.includes('\n') || /^\s*version\s*:/.test(text))
    return { kind: 'inline', text };
  return { kind: 'file', path: text };
}

export function createCodeBuildService(store: CodeBuildStore, deps: BuildDeps, options: CodeBuildOptions): JsonService {
  const { region, accountId } = options;
  deps = { ...deps, reports: deps.reports ?? store.reports };
  const accountLimit = options.accountConcurrentBuildLimit ?? 60;
  const projectArn = (name: string) => `arn:aws:codebuild:${region}:${accountId}:project/${name}`;
  const requireProject = (name: string): StoredProject => {
    const p = store.project(name);
    if (!p) throw new AwsError('ResourceNotFoundException', `Project cannot be found: ${projectArn(name)}`);
    return p;
  };

  const checkCapacity = (project: WireProject): void => {
    const active = [...store.builds.values()].filter((b) => !b.complete);
    if (active.length >= accountLimit) {
      throw new AwsError(
        'AccountLimitExceededException',
        `Cannot have more than ${accountLimit} active builds for the account`,
      );
    }
    const limit = project.concurrentBuildLimit;
    if (limit !== undefined && active.filter((b) => b.build.projectName === project.name).length >= limit) {
      throw new AwsError(
        'AccountLimitExceededException',
        `Cannot have more than ${limit} active builds for the project ${project.name}`,
      );
    }
  };

  /** Creates and starts a build of `stored` with StartBuild-style overrides. */
  const launch = (
    stored: StoredProject,
    input: StartBuildInput,
    ctx: { initiator: string },
    batch?: { arn: string; request: ChildBuildRequest },
  ): BuildRun => {
    const project = stored.project;
    const buildUuid = uuid();
    const id = `${project.name}:${buildUuid}`;
    const now = deps.now();
    const task = batch?.request.task;
    const source = {
      ...(project.source ?? NO_SOURCE),
      ...(input.sourceTypeOverride ? { type: input.sourceTypeOverride } : {}),
      ...(input.sourceLocationOverride !== undefined ? { location: input.sourceLocationOverride } : {}),
      ...(input.buildspecOverride !== undefined ? { buildspec: input.buildspecOverride } : {}),
      ...(input.gitCloneDepthOverride !== undefined ? { gitCloneDepth: input.gitCloneDepthOverride } : {}),
      ...(input.insecureSslOverride !== undefined ? { insecureSsl: input.insecureSslOverride } : {}),
    };
    const artifacts = input.artifactsOverride ?? project.artifacts;
    const secondaryArtifacts = input.secondaryArtifactsOverride ?? project.secondaryArtifacts ?? [];
    const baseEnv = project.environment ?? { type: 'LINUX_CONTAINER', image: '', computeType: 'BUILD_GENERAL1_SMALL' };
    const environment = normalizeEnvironment({
      ...baseEnv,
      ...((input.imageOverride ?? task?.image) ? { image: input.imageOverride ?? task?.image } : {}),
      ...((input.computeTypeOverride ?? task?.computeType)
        ? { computeType: input.computeTypeOverride ?? (task?.computeType as typeof baseEnv.computeType) }
        : {}),
      ...((input.environmentTypeOverride ?? task?.type)
        ? { type: input.environmentTypeOverride ?? (task?.type as typeof baseEnv.type) }
        : {}),
      ...((input.privilegedModeOverride ?? task?.privilegedMode) !== undefined
        ? { privilegedMode: input.privilegedModeOverride ?? task?.privilegedMode }
        : {}),
      ...(input.certificateOverride !== undefined ? { certificate: input.certificateOverride } : {}),
      environmentVariables: mergeVariables(
        mergeVariables(baseEnv.environmentVariables, input.environmentVariablesOverride),
        task?.variables,
      ),
    });
    const logsConfig = normalizeLogsConfig(input.logsConfigOverride ?? project.logsConfig);
    const sourceVersion = input.sourceVersion ?? project.sourceVersion;
    const build: WireBuild = {
      id,
      arn: `arn:aws:codebuild:${region}:${accountId}:build/${id}`,
      buildNumber: ++stored.buildCounter,
      startTime: epochSeconds(now),
      currentPhase: 'QUEUED',
      buildStatus: 'IN_PROGRESS',
      ...(sourceVersion !== undefined ? { sourceVersion } : {}),
      projectName: project.name,
      phases: [
        {
          phaseType: 'SUBMITTED',
          phaseStatus: 'SUCCEEDED',
          startTime: epochSeconds(now),
          endTime: epochSeconds(now),
          durationInSeconds: 0,
        },
        { phaseType: 'QUEUED', startTime: epochSeconds(now) },
      ],
      source,
      secondarySources: project.secondarySources ?? [],
      secondarySourceVersions: project.secondarySourceVersions ?? [],
      artifacts: plannedArtifact(artifacts, buildUuid),
      secondaryArtifacts: secondaryArtifacts.map((a) => plannedArtifact(a, buildUuid)),
      cache: input.cacheOverride ?? project.cache ?? { type: 'NO_CACHE' },
      environment,
      serviceRole: input.serviceRoleOverride ?? project.serviceRole,
      logs: {
        deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=null;stream=null`,
        cloudWatchLogs: logsConfig.cloudWatchLogs,
        s3Logs: logsConfig.s3Logs,
      },
      timeoutInMinutes: input.timeoutInMinutesOverride ?? project.timeoutInMinutes ?? 60,
      queuedTimeoutInMinutes: input.queuedTimeoutInMinutesOverride ?? project.queuedTimeoutInMinutes ?? 480,
      buildComplete: false,
      initiator: ctx.initiator,
      encryptionKey: input.encryptionKeyOverride ?? project.encryptionKey,
      fileSystemLocations: project.fileSystemLocations ?? [],
      ...(batch ? { buildBatchArn: batch.arn } : {}),
    };
    const plan: BuildPlan = {
      source,
      sourceVersion,
      buildspec: task?.buildspec ? buildspecOf(task.buildspec, 'FILE') : buildspecOf(source.buildspec, source.type),
      variables: environment.environmentVariables ?? [],
      environment,
      logGroup: logsConfig.cloudWatchLogs?.groupName,
      logStreamPrefix: logsConfig.cloudWatchLogs?.streamName,
      batchIdentifier: task?.identifier,
      artifactsDir: (input as InternalStartBuildInput).artifactsDir,
      artifacts,
      secondaryArtifacts,
    };
    const buildDeps: BuildDeps = batch?.request.downloadSourceOnly
      ? { ...deps, executor: { execute: async () => ({ status: 'SUCCEEDED' }) } }
      : deps;
    const run = new BuildRun(build, plan, buildDeps);
    store.builds.set(id, run);
    return run;
  };

  /** CodeBuild records the caller's IAM user name; the emulator's callers are known by access key. */
  const initiatorFrom = (ctx: OperationContext): string => ctx.identity.accessKeyId;

  const service: JsonService = {
    name: 'codebuild',
    protocol: 'awsJson1_1',
    targetPrefix: 'CodeBuild_20161006',
    signingName: 'codebuild',
    model,
    validationErrorCode: 'InvalidInputException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    operations: {
      ...reportOperations(store.reports),
      CreateProject: op((input: CreateProjectInput) => {
        const name = input.name ?? '';
        if (store.projects.has(name))
          throw new AwsError('ResourceAlreadyExistsException', `Project already exists: ${name}`);
        const project = createProject(input, { region, accountId, accountBuildLimit: accountLimit, now: deps.now() });
        store.projects.set(name, { project, buildCounter: 0, batchCounter: 0 });
        return { project: snapshot(project) };
      }),

      UpdateProject: op((input: UpdateProjectInput) => {
        const stored = requireProject(input.name ?? '');
        stored.project = updateProject(stored.project, input, {
          region,
          accountId,
          accountBuildLimit: accountLimit,
          now: deps.now(),
        });
        return { project: snapshot(stored.project) };
      }),

      BatchGetProjects: op((input: BatchGetProjectsInput) => {
        const names = input.names ?? [];
        const found = names.map((n) => store.project(n)).filter((p): p is StoredProject => !!p);
        const missing = names.filter((n) => !store.project(n));
        return { projects: found.map((p) => snapshot(p.project)), projectsNotFound: missing };
      }),

      ListProjects: op((input: ListProjectsInput) => {
        const sortBy = input.sortBy ?? 'NAME';
        const key = (p: WireProject): string | number =>
          sortBy === 'NAME' ? (p.name ?? '') : sortBy === 'CREATED_TIME' ? p.created : p.lastModified;
        const sorted = [...store.projects.values()]
          .map((s) => s.project)
          .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
        if (input.sortOrder === 'DESCENDING') sorted.reverse();
        const offset = input.nextToken
          ? decodeToken<{ offset: number }>(
              input.nextToken,
              () => new AwsError('InvalidInputException', 'Invalid next token'),
            ).offset
          : 0;
        const page = sorted.slice(offset, offset + 100).map((p) => p.name ?? '');
        return {
          ...(page.length > 0 ? { projects: page } : { projects: [] }),
          ...(offset + 100 < sorted.length ? { nextToken: encodeToken({ offset: offset + 100 }) } : {}),
        };
      }),

      DeleteProject: op((input: DeleteProjectInput) => {
        const p = store.project(input.name ?? '');
        if (p) store.projects.delete(p.project.name ?? '');
        return {};
      }),

      StartBuild: op((input: StartBuildInput, ctx) => {
        const stored = requireProject(input.projectName ?? '');
        const earlier = store.build(replayed(store.idempotency, input, deps.now()) ?? '');
        if (earlier) return { build: snapshot(earlier.build) };
        if (
          input.sourceTypeOverride ||
          input.sourceLocationOverride !== undefined ||
          input.buildspecOverride !== undefined
        ) {
          checkSourceAndArtifacts(
            {
              ...(stored.project.source ?? NO_SOURCE),
              ...(input.sourceTypeOverride ? { type: input.sourceTypeOverride } : {}),
              ...(input.sourceLocationOverride !== undefined ? { location: input.sourceLocationOverride } : {}),
              ...(input.buildspecOverride !== undefined ? { buildspec: input.buildspecOverride } : {}),
            },
            undefined,
          );
        }
        checkServiceRole(input.serviceRoleOverride);
        checkCapacity(stored.project);
        const run = launch(stored, input, { initiator: initiatorFrom(ctx) });
        remember(store.idempotency, input, run.build.id ?? '', deps.now());
        return { build: snapshot(run.build) };
      }),

      BatchGetBuilds: op((input: BatchGetBuildsInput) => {
        const ids = input.ids ?? [];
        return {
          builds: ids
            .map((id) => store.build(id))
            .filter((b): b is BuildRun => !!b)
            .map((b) => snapshot(b.build)),
          buildsNotFound: ids.filter((id) => !store.build(id)),
        };
      }),

      StopBuild: op((input: StopBuildInput) => {
        const run = store.build(input.id ?? '');
        if (!run) throw new AwsError('ResourceNotFoundException', `Build ${input.id ?? ''} does not exist`);
        run.stop();
        return { build: snapshot(run.build) };
      }),

      ListBuildsForProject: op((input: ListBuildsForProjectInput) => {
        const stored = requireProject(input.projectName ?? '');
        const builds = [...store.builds.values()]
          .filter((b) => b.build.projectName === stored.project.name)
          .sort((a, b) => (b.build.buildNumber ?? 0) - (a.build.buildNumber ?? 0));
        if (input.sortOrder === 'ASCENDING') builds.reverse();
        const offset = input.nextToken
          ? decodeToken<{ offset: number }>(
              input.nextToken,
              () => new AwsError('InvalidInputException', 'Invalid next token'),
            ).offset
          : 0;
        return {
          ids: builds.slice(offset, offset + 100).map((b) => b.build.id ?? ''),
          ...(offset + 100 < builds.length ? { nextToken: encodeToken({ offset: offset + 100 }) } : {}),
        };
      }),

      StartBuildBatch: op((input: StartBuildBatchInput, ctx) => {
        const stored = requireProject(input.projectName ?? '');
        const project = stored.project;
        const earlier = store.batch(replayed(store.batchIdempotency, input, deps.now()) ?? '');
        if (earlier) return { buildBatch: snapshot(earlier.batch) };
        const batchConfig = input.buildBatchConfigOverride ?? project.buildBatchConfig;
        if (!batchConfig) {
          throw new AwsError('InvalidInputException', `Batch build is not enabled for project ${project.name ?? ''}`);
        }
        const id = `${project.name}:${uuid()}`;
        const arn = `arn:aws:codebuild:${region}:${accountId}:build-batch/${id}`;
        const now = epochSeconds(deps.now());
        const initiator = initiatorFrom(ctx);
        const source = {
          ...(project.source ?? NO_SOURCE),
          ...(input.sourceTypeOverride ? { type: input.sourceTypeOverride } : {}),
          ...(input.sourceLocationOverride !== undefined ? { location: input.sourceLocationOverride } : {}),
          ...(input.buildspecOverride !== undefined ? { buildspec: input.buildspecOverride } : {}),
        };
        const logConfig = normalizeLogsConfig(input.logsConfigOverride ?? project.logsConfig);
        const sourceVersion = input.sourceVersion ?? project.sourceVersion;
        const batch: WireBuildBatch = {
          id,
          arn,
          startTime: now,
          currentPhase: 'SUBMITTED',
          buildBatchStatus: 'IN_PROGRESS',
          ...(sourceVersion !== undefined ? { sourceVersion } : {}),
          projectName: project.name,
          phases: [{ phaseType: 'SUBMITTED', startTime: now }],
          source,
          secondarySources: project.secondarySources ?? [],
          secondarySourceVersions: project.secondarySourceVersions ?? [],
          artifacts: { location: '' },
          secondaryArtifacts: [],
          cache: project.cache ?? { type: 'NO_CACHE' },
          environment: project.environment,
          serviceRole: input.serviceRoleOverride ?? project.serviceRole,
          logConfig,
          buildTimeoutInMinutes: input.buildTimeoutInMinutesOverride ?? project.timeoutInMinutes ?? 60,
          queuedTimeoutInMinutes: input.queuedTimeoutInMinutesOverride ?? project.queuedTimeoutInMinutes ?? 480,
          complete: false,
          initiator,
          encryptionKey: project.encryptionKey,
          buildBatchNumber: ++stored.batchCounter,
          buildBatchConfig: {
            ...batchConfig,
            restrictions: { maximumBuildsAllowed: 100, ...batchConfig.restrictions },
            timeoutInMins: batchConfig.timeoutInMins ?? 480,
          },
        };
        const childInput: StartBuildInput = {
          projectName: project.name,
          sourceVersion: input.sourceVersion,
          environmentVariablesOverride: input.environmentVariablesOverride,
          imageOverride: input.imageOverride,
          computeTypeOverride: input.computeTypeOverride,
          environmentTypeOverride: input.environmentTypeOverride,
          privilegedModeOverride: input.privilegedModeOverride,
          sourceTypeOverride: input.sourceTypeOverride,
          sourceLocationOverride: input.sourceLocationOverride,
          buildspecOverride: input.buildspecOverride,
          timeoutInMinutesOverride: input.buildTimeoutInMinutesOverride,
          logsConfigOverride: input.logsConfigOverride,
        };
        const run = new BatchRun(
          batch,
          { type: source.type ?? 'NO_SOURCE', location: source.location },
          sourceVersion,
          buildspecOf(source.buildspec, source.type),
          {
            now: deps.now,
            maximumBuildsAllowed: batch.buildBatchConfig?.restrictions?.maximumBuildsAllowed ?? 100,
            codecommit: deps.codecommit,
            startChild: (request) => launch(stored, childInput, { initiator }, { arn, request }),
          },
        );
        store.batches.set(id, run);
        remember(store.batchIdempotency, input, id, deps.now());
        return { buildBatch: snapshot(batch) };
      }),

      BatchGetBuildBatches: op((input: BatchGetBuildBatchesInput) => {
        const ids = input.ids ?? [];
        return {
          buildBatches: ids
            .map((id) => store.batch(id))
            .filter((b): b is BatchRun => !!b)
            .map((b) => snapshot(b.batch)),
          buildBatchesNotFound: ids.filter((id) => !store.batch(id)),
        };
      }),

      StopBuildBatch: op((input: StopBuildBatchInput) => {
        const run = store.batch(input.id ?? '');
        if (!run) throw new AwsError('ResourceNotFoundException', `Build batch ${input.id ?? ''} does not exist`);
        run.stop();
        return { buildBatch: snapshot(run.batch) };
      }),
    },
  };

  store.startInternal = async (operation, input, initiator) => {
    const ctx: OperationContext = {
      requestId: uuid(),
      identity: { accessKeyId: initiator, region, service: 'codebuild' },
      now: deps.now,
      signal: new AbortController().signal,
    };
    const output = (await service.operations[operation]?.(input, ctx)) as StartBuildOutput & StartBuildBatchOutput;
    const run =
      operation === 'StartBuild' ? store.build(output.build?.id ?? '') : store.batch(output.buildBatch?.id ?? '');
    if (!run) throw new Error(`${operation} started nothing`);
    return run;
  };
  return service;
}
