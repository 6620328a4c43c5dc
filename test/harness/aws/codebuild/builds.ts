/**
 * One CodeBuild build: its wire shape (the Build structure of BatchGetBuilds) and its lifecycle, phase by phase:
 * SUBMITTED → QUEUED → PROVISIONING → DOWNLOAD_SOURCE → (executor: INSTALL … UPLOAD_ARTIFACTS) → FINALIZING → COMPLETED.
 * SUBMITTED and QUEUED carry no contexts; later phases carry [{statusCode:'', message:''}] unless a failure says more;
 * COMPLETED has only phaseType and startTime — as in `batch-get-builds` output.
 */
import type {
  Build,
  BuildArtifacts,
  BuildPhase,
  EnvironmentVariable,
  ProjectArtifacts,
  ProjectEnvironment,
  ProjectSource,
} from '@aws-sdk/client-codebuild';
import type { LogsStore } from '../services/logs-store.js';
import type { S3Store } from '../services/s3-store.js';
import type { SecretsStore } from '../services/secretsmanager.js';
import type { SsmStore } from '../services/ssm.js';
import { epochSeconds } from '../util.js';
import { plannedArtifact, uploadArtifact, UploadError } from './artifacts-upload.js';
import type { MadeArtifact } from './artifacts-upload.js';
import type {
  BuildExecutionResult,
  BuildOutputs,
  BuildExecutor,
  BuildspecSource,
  ExecutorPhase,
  PhaseContext,
  StatusType,
} from './executor.js';
import { EXECUTOR_PHASES } from './executor.js';
import { prepareSource, SourceError } from './source.js';
import type { CodeCommitRepositories } from './source.js';
import type { PreparedSource } from './source.js';
import type { ReportStore } from './reports.js';
import { resolveVariables, VariableError } from './variables.js';

export type WireBuildPhase = Omit<BuildPhase, 'startTime' | 'endTime'> & { startTime: number; endTime?: number };
export type WireBuild = Omit<Build, 'startTime' | 'endTime' | 'phases'> & {
  startTime: number;
  endTime?: number;
  phases: WireBuildPhase[];
};

const PHASE_ORDER = [
  'SUBMITTED',
  'QUEUED',
  'PROVISIONING',
  'DOWNLOAD_SOURCE',
  'INSTALL',
  'PRE_BUILD',
  'BUILD',
  'POST_BUILD',
  'UPLOAD_ARTIFACTS',
  'FINALIZING',
  'COMPLETED',
] as const;
type PhaseType = (typeof PHASE_ORDER)[number];

export interface BuildDeps {
  executor: BuildExecutor;
  logs: LogsStore;
  ssm: SsmStore;
  secrets: SecretsStore;
  now: () => number;
  region: string;
  accountId: string;
  /** The emulated CodeCommit repositories that CODECOMMIT sources are checked out from. */
  codecommit?: CodeCommitRepositories;
  /** Where S3 artifacts are uploaded. */
  s3?: S3Store;
  /** Where the buildspec's reports are recorded. */
  reports?: ReportStore;
}

/** What StartBuild (or a batch) decided for this build, beyond the wire record. */
export interface BuildPlan {
  source: ProjectSource;
  sourceVersion?: string;
  buildspec: BuildspecSource;
  variables: EnvironmentVariable[];
  environment: ProjectEnvironment;
  logGroup?: string;
  logStreamPrefix?: string;
  batchIdentifier?: string;
  /** See BuildExecutionRequest.artifactsDir. */
  artifactsDir?: string;
  /** The project's (or StartBuild's override) artifacts and secondary artifacts. */
  artifacts?: ProjectArtifacts;
  secondaryArtifacts?: ProjectArtifacts[];
}

export class BuildRun {
  readonly controller = new AbortController();
  /** Settles when the build is complete. */
  readonly done: Promise<void>;
  private logTarget: { group: string; stream: string } | undefined;

  constructor(
    readonly build: WireBuild,
    private readonly plan: BuildPlan,
    private readonly deps: BuildDeps,
  ) {
    this.done = new Promise((resolve) => setImmediate(() => void this.run().finally(resolve)));
  }

  get complete(): boolean {
    return this.build.buildComplete === true;
  }

  stop(): void {
    if (!this.complete) this.controller.abort('STOPPED');
  }

  private now(): number {
    return epochSeconds(this.deps.now());
  }

  private current(): WireBuildPhase | undefined {
    return this.build.phases.at(-1);
  }

  startPhase(type: PhaseType): void {
    const open = this.current();
    if (open && open.endTime === undefined && open.phaseType !== 'COMPLETED') this.endPhase('SUCCEEDED');
    const last = this.current()?.phaseType as PhaseType | undefined;
    if (last && PHASE_ORDER.indexOf(type) <= PHASE_ORDER.indexOf(last)) {
      throw new Error(`build phase ${type} cannot follow ${last}`);
    }
    this.build.phases.push({ phaseType: type, startTime: this.now() });
    this.build.currentPhase = type;
  }

  endPhase(status: Exclude<StatusType, 'IN_PROGRESS'>, context?: PhaseContext): void {
    const phase = this.current();
    if (!phase || phase.endTime !== undefined) return;
    phase.phaseStatus = status;
    phase.endTime = this.now();
    phase.durationInSeconds = Math.floor(phase.endTime - phase.startTime);
    if (phase.phaseType !== 'SUBMITTED' && phase.phaseType !== 'QUEUED') {
      phase.contexts = [context ?? { statusCode: '', message: '' }];
    }
  }

  log(line: string): void {
    if (!this.logTarget) return;
    this.deps.logs.ingest(this.logTarget.group, this.logTarget.stream, [{ timestamp: this.deps.now(), message: line }]);
  }

  private openLogs(): void {
    const logs = this.build.logs;
    if (logs?.cloudWatchLogs?.status !== 'ENABLED') return;
    const uuid = (this.build.id ?? '').split(':').at(-1) ?? '';
    const group = this.plan.logGroup ?? `/aws/codebuild/${this.build.projectName}`;
    const stream = this.plan.logStreamPrefix ? `${this.plan.logStreamPrefix}/${uuid}` : uuid;
    this.deps.logs.ensureStream(group, stream);
    this.logTarget = { group, stream };
    this.build.logs = {
      ...logs,
      groupName: group,
      streamName: stream,
      deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${this.deps.region}#logEvent:group=${group};stream=${stream}`,
      cloudWatchLogsArn: `arn:aws:logs:${this.deps.region}:${this.deps.accountId}:log-group:${group}:log-stream:${stream}`,
    };
  }

  private finish(status: Exclude<StatusType, 'IN_PROGRESS'>, result?: BuildExecutionResult): void {
    const open = this.current();
    if (open && open.endTime === undefined) this.endPhase(status === 'SUCCEEDED' ? 'SUCCEEDED' : status);
    this.startPhase('FINALIZING');
    this.endPhase('SUCCEEDED');
    this.startPhase('COMPLETED');
    this.build.buildStatus = status;
    this.build.endTime = this.now();
    if (result?.exportedEnvironmentVariables) {
      this.build.exportedEnvironmentVariables = result.exportedEnvironmentVariables;
    }
    if (result?.artifacts) this.build.artifacts = { ...this.build.artifacts, ...result.artifacts };
    if (result?.secondaryArtifacts) this.build.secondaryArtifacts = result.secondaryArtifacts;
    if (result?.reportArns) this.build.reportArns = result.reportArns;
    this.build.buildComplete = true;
  }

  private get uuid(): string {
    const id = this.build.id ?? '';
    return id.slice(id.indexOf(':') + 1);
  }

  /** UPLOAD_ARTIFACTS's destinations: S3 artifacts (artifacts-upload.ts) and the report store (reports.ts). */
  private outputs(srcDir: string): BuildOutputs {
    return {
      artifacts: async (made) => {
        const lines: string[] = [];
        const { s3 } = this.deps;
        const upload = async (config: ProjectArtifacts, artifact: MadeArtifact): Promise<BuildArtifacts> => {
          if (!s3) throw new UploadError('the emulator has no S3');
          const entry = await uploadArtifact(s3, config, artifact, this.uuid);
          lines.push(`Uploaded ${config.packaging === 'ZIP' ? 'ZIP' : 'files'} to ${entry.location ?? ''}`);
          return entry;
        };
        try {
          const primaryConfig = this.plan.artifacts;
          const artifacts =
            primaryConfig?.type === 'S3' && made.primary ? await upload(primaryConfig, made.primary) : undefined;
          const secondaryArtifacts: BuildArtifacts[] = [];
          for (const config of this.plan.secondaryArtifacts ?? []) {
            const artifact = made.secondary.find((m) => m.artifactIdentifier === config.artifactIdentifier);
            secondaryArtifacts.push(
              config.type === 'S3' && artifact ? await upload(config, artifact) : plannedArtifact(config, this.uuid),
            );
          }
          for (const m of made.secondary) {
            if (!(this.plan.secondaryArtifacts ?? []).some((c) => c.artifactIdentifier === m.artifactIdentifier)) {
              lines.push(`Secondary artifact ${m.artifactIdentifier ?? ''} is not one of the project's: not uploaded`);
            }
          }
          return { ...(artifacts ? { artifacts } : {}), secondaryArtifacts, lines };
        } catch (e) {
          if (!(e instanceof UploadError)) throw e;
          return { error: { statusCode: 'CLIENT_ERROR', message: e.message }, lines };
        }
      },
      reports: async (results) => {
        if (!this.deps.reports) return { reportArns: [], lines: [] };
        const { reportArns, problems } = await this.deps.reports.record(results, {
          id: this.build.id ?? '',
          arn: this.build.arn ?? '',
          projectName: this.build.projectName ?? '',
          srcDir,
        });
        return { reportArns, lines: problems };
      },
    };
  }

  private abortedStatus(): Exclude<StatusType, 'IN_PROGRESS'> | undefined {
    const s = this.controller.signal;
    return s.aborted ? (s.reason === 'TIMED_OUT' ? 'TIMED_OUT' : 'STOPPED') : undefined;
  }

  private async run(): Promise<void> {
    const timer = setTimeout(() => this.controller.abort('TIMED_OUT'), (this.build.timeoutInMinutes ?? 60) * 60_000);
    timer.unref();
    let source: PreparedSource | undefined;
    try {
      this.startPhase('PROVISIONING');
      this.openLogs();
      let stopped = this.abortedStatus();
      if (stopped) return this.finish(stopped);
      this.startPhase('DOWNLOAD_SOURCE');
      try {
        source = await prepareSource(
          { type: this.plan.source.type ?? 'NO_SOURCE', location: this.plan.source.location },
          this.plan.sourceVersion,
          this.deps.codecommit,
        );
        if (source.resolvedSourceVersion) this.build.resolvedSourceVersion = source.resolvedSourceVersion;
      } catch (e) {
        const err = e instanceof SourceError ? e : new SourceError('CLIENT_ERROR', String(e));
        this.endPhase('FAILED', { statusCode: err.statusCode, message: err.message });
        return this.finish('FAILED');
      }
      let variables;
      try {
        variables = resolveVariables(this.plan.variables, this.deps.ssm, this.deps.secrets);
      } catch (e) {
        if (!(e instanceof VariableError)) throw e;
        this.endPhase('FAILED', { statusCode: 'Decrypted Variables Error', message: e.message });
        return this.finish('FAILED');
      }
      stopped = this.abortedStatus();
      if (stopped) return this.finish(stopped);
      const result = await this.deps.executor.execute({
        buildId: this.build.id ?? '',
        buildArn: this.build.arn ?? '',
        buildNumber: this.build.buildNumber ?? 0,
        projectName: this.build.projectName ?? '',
        sourceDir: source.dir,
        buildspec: this.plan.buildspec,
        environmentVariables: variables,
        environment: {
          type: this.plan.environment.type ?? 'LINUX_CONTAINER',
          image: this.plan.environment.image ?? '',
          computeType: this.plan.environment.computeType ?? 'BUILD_GENERAL1_SMALL',
          privilegedMode: this.plan.environment.privilegedMode ?? false,
        },
        sourceVersion: this.plan.sourceVersion,
        resolvedSourceVersion: this.build.resolvedSourceVersion,
        batchIdentifier: this.plan.batchIdentifier,
        ...(this.plan.artifactsDir !== undefined ? { artifactsDir: this.plan.artifactsDir } : {}),
        timeoutInMinutes: this.build.timeoutInMinutes ?? 60,
        outputs: this.outputs(source.dir),
        signal: this.controller.signal,
        reporter: {
          enterPhase: (phase: ExecutorPhase) => {
            if (!EXECUTOR_PHASES.includes(phase)) throw new Error(`executor cannot enter phase ${String(phase)}`);
            if (phase !== 'DOWNLOAD_SOURCE') this.startPhase(phase);
          },
          completePhase: (status, context) => this.endPhase(status, context),
          log: (line) => this.log(line),
        },
      });
      this.finish(this.abortedStatus() ?? result.status, result);
    } catch (e) {
      this.log(`[Container] emulator: build faulted: ${(e as Error).message}`);
      this.finish('FAULT');
    } finally {
      clearTimeout(timer);
      await source?.cleanup();
    }
  }
}
