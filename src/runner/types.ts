/**
 * The local runner's public shapes: the build result (CodeBuild's `Build` from BatchGetBuilds), the events the
 * engine emits to a sink, and the seams through which the engine calls the steps other modules implement
 * (artifacts, reports, cache, parameter-store/secrets-manager variables). The engine depends on these
 * interfaces only.
 */
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { Buildspec, EnvSpec } from '../buildspec/types.js';

/** BatchGetBuilds `phaseType`, in build order. */
export const BUILD_PHASE_TYPES = [
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
export type BuildPhaseType = (typeof BUILD_PHASE_TYPES)[number];

export type StatusType = 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED';

export interface PhaseContext {
  readonly statusCode: string;
  readonly message: string;
}

export interface BuildPhase {
  readonly phaseType: BuildPhaseType;
  /** Absent for COMPLETED, as in CodeBuild. */
  readonly phaseStatus?: StatusType;
  readonly startTime: Date;
  readonly endTime?: Date;
  readonly durationInSeconds?: number;
  readonly contexts?: readonly PhaseContext[];
}

/** One report group's outcome (the shape the job summary reads: counts in `summary`). */
export interface ReportSummary {
  /** Report group name or ARN as written in the buildspec. */
  readonly name: string;
  /** The group's name in CodeBuild: `<project>-<name>` for a name, the ARN's last part for an ARN (spec §3.6). */
  readonly reportGroupName?: string;
  /** The group's ARN in CodeBuild (the local account and region for a name). */
  readonly reportGroupArn?: string;
  readonly type?: 'TEST' | 'CODE_COVERAGE';
  readonly status?: string;
  readonly summary?: ReportCounts;
  /** Test reports: failed and errored cases first, then the rest (at most reports/index.ts MAX_CASES). */
  readonly cases?: readonly ReportCase[];
}

/** A test case as the reports step reads it (reports/types.ts TestCase). */
export interface ReportCase {
  readonly suite: string;
  readonly name: string;
  readonly status: string;
  readonly durationMs: number;
  readonly message?: string;
}

/** Test reports: total, passed, failed, skipped; coverage reports: lineCoveragePercentage … */
export type ReportCounts = {
  readonly total?: number;
  readonly passed?: number;
  readonly failed?: number;
  readonly errored?: number;
  readonly skipped?: number;
  readonly unknown?: number;
  readonly durationMs?: number;
  readonly lineCoveragePercentage?: number;
  readonly linesCovered?: number;
  readonly linesMissed?: number;
  readonly branchCoveragePercentage?: number;
  readonly branchesCovered?: number;
  readonly branchesMissed?: number;
};

/** CodeBuild's `Build` (BatchGetBuilds), as far as a local build has it, plus `reports`. */
export interface BuildResult {
  readonly id: string;
  readonly arn: string;
  readonly buildNumber: number;
  readonly buildStatus: StatusType;
  readonly currentPhase: BuildPhaseType;
  readonly buildComplete: boolean;
  readonly startTime: Date;
  readonly endTime?: Date;
  readonly projectName: string;
  readonly initiator: string;
  readonly sourceVersion?: string;
  readonly resolvedSourceVersion?: string;
  readonly timeoutInMinutes: number;
  readonly phases: readonly BuildPhase[];
  readonly exportedEnvironmentVariables: ReadonlyArray<{ readonly name: string; readonly value: string }>;
  readonly artifacts?: BuildArtifact;
  readonly secondaryArtifacts: readonly SecondaryBuildArtifact[];
  readonly reports: readonly ReportSummary[];
}

/** CodeBuild's `BuildArtifacts` as far as a local build has them, plus `name`. */
export interface BuildArtifact {
  /** Absolute path of the ZIP file (always artifacts.zip / `<identifier>.zip`, whatever `name` says). */
  readonly location: string;
  /** Of the ZIP file, hex, as CodeBuild gives them. */
  readonly sha256sum?: string;
  readonly md5sum?: string;
  /**
   * Ours, not CodeBuild's: the buildspec `name` after shell evaluation, the name CodeBuild would give the artifact
   * in S3 when the project sets overrideArtifactName.
   */
  readonly name?: string;
}

export interface SecondaryBuildArtifact extends BuildArtifact {
  readonly artifactIdentifier: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Events

/**
 * The phases that have phase-start/phase-end events: the buildspec phases and the agent's phases around them that
 * CodeBuild's log shows. (PROVISIONING has none: when it fails, container lines say so.)
 */
export type LoggedPhase = 'DOWNLOAD_SOURCE' | 'INSTALL' | 'PRE_BUILD' | 'BUILD' | 'POST_BUILD' | 'UPLOAD_ARTIFACTS';

/** Which list a command comes from. */
export type CommandSection = 'commands' | 'finally';

/**
 * What the engine reports while it runs, in order. Times are epoch milliseconds with a fraction (microseconds).
 * Output chunks are raw bytes of the commands' merged stdout+stderr, already masked; everything else carries text
 * that is masked too.
 */
export type RunEvent =
  | { readonly type: 'build-start'; readonly time: number; readonly buildId: string; readonly projectName: string }
  /** An agent log line (`[Container] <time> <text>` in CodeBuild's log) not covered by a structured event. */
  | { readonly type: 'container'; readonly time: number; readonly text: string }
  | { readonly type: 'phase-start'; readonly time: number; readonly phase: LoggedPhase }
  | {
      readonly type: 'phase-end';
      readonly time: number;
      readonly phase: LoggedPhase;
      readonly status: StatusType;
      /** Empty statusCode and message on success. */
      readonly context: PhaseContext;
      readonly durationMs: number;
    }
  | {
      readonly type: 'command-start';
      readonly time: number;
      readonly phase: LoggedPhase;
      readonly section: CommandSection;
      readonly command: string;
      /** 1 for the first run of the phase, 2… for on-failure RETRY attempts. */
      readonly attempt: number;
    }
  | {
      readonly type: 'command-end';
      readonly time: number;
      readonly phase: LoggedPhase;
      readonly section: CommandSection;
      readonly command: string;
      /** Undefined when the command was cut short (build stopped or timed out). */
      readonly exitCode: number | undefined;
    }
  | { readonly type: 'output'; readonly data: Buffer }
  | { readonly type: 'build-end'; readonly time: number; readonly build: BuildResult };

/** Where events go: the CodeBuild-like text log, a terminal view, GitHub Actions groups, a test recorder … */
export interface RunSink {
  emit(event: RunEvent): void;
  /**
   * Backpressure, optional: a promise when the sink wants output to pause until it resolves (e.g. a stream's
   * `drain`), undefined when it can take more now. Asked after each output chunk.
   */
  ready?(): Promise<void> | undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Collaborators

export interface Clock {
  /** Epoch milliseconds, with a fraction when the clock has one. */
  now(): number;
}

/** child_process.spawn's shape, so tests can wrap or replace it. */
export type Spawner = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/**
 * Resolves `parameter-store` and `secrets-manager` variables (aws-env.ts). Names in `skipNames` are overridden by
 * a higher level and must not be fetched. `secrets` lists the values to mask.
 */
export type AwsEnvResolver = (
  env: EnvSpec,
  skipNames: Set<string>,
) => Promise<{ values: Map<string, string>; secrets: string[] }>;

/** What the engine hands to the steps that run in DOWNLOAD_SOURCE and UPLOAD_ARTIFACTS. */
export interface StepContext {
  readonly buildspec: Buildspec;
  /** CODEBUILD_SRC_DIR. */
  readonly srcDir: string;
  readonly buildId: string;
  readonly projectName: string;
  /** The build's environment: at the end of post_build every shell variable (exported or not) of the build. */
  readonly env: ReadonlyMap<string, string>;
  /** One agent log line (logged as a `[Container]` line, masked). */
  log(line: string): void;
  /**
   * Evaluates text with shell syntax in the build's shell state (artifact `name`, cache `key`). Rejects when the
   * text does not parse or a command in it fails with a message (engine.ts ShellEvalError).
   */
  shellEval(text: string): Promise<string>;
  /** False once a phase has failed (CODEBUILD_BUILD_SUCCEEDING=0). */
  readonly succeeding: boolean;
  readonly signal: AbortSignal;
}

/** Outcome of a step that can fail its phase (CLIENT_ERROR "no matching artifact paths found" …). */
export interface StepOutcome {
  readonly status: 'SUCCEEDED' | 'FAILED';
  readonly context?: PhaseContext;
}

/** UPLOAD_ARTIFACTS, artifacts part (artifacts.ts collectArtifacts, adapted). */
export interface ArtifactsStep {
  upload(ctx: StepContext): Promise<
    StepOutcome & {
      readonly primary?: BuildArtifact;
      readonly secondary: readonly SecondaryBuildArtifact[];
    }
  >;
}

/** UPLOAD_ARTIFACTS, reports part (reports/). Report problems never fail the build. */
export interface ReportsStep {
  collect(ctx: StepContext): Promise<readonly ReportSummary[]>;
}

/** Cache (cache.ts): restored in DOWNLOAD_SOURCE, saved in UPLOAD_ARTIFACTS. Failures are logged, not fatal. */
export interface CacheStep {
  restore(ctx: StepContext): Promise<void>;
  save(ctx: StepContext): Promise<void>;
}

export interface BuildSteps {
  readonly artifacts?: ArtifactsStep;
  readonly reports?: ReportsStep;
  readonly cache?: CacheStep;
}
