/**
 * The seam between the CodeBuild emulator (control plane: builds, phases, logs, status) and whatever actually runs a
 * buildspec. The emulator owns SUBMITTED, QUEUED, PROVISIONING, the source download, FINALIZING and COMPLETED; the
 * executor owns the phases the CodeBuild agent runs in the build container — it completes DOWNLOAD_SOURCE (the agent
 * parses the buildspec there) and reports INSTALL, PRE_BUILD, BUILD, POST_BUILD and UPLOAD_ARTIFACTS — and writes the
 * build's log lines, which the emulator puts into the build's CloudWatch Logs stream with timestamps.
 *
 * TODO(runner): a `RunnerExecutor` backed by the local buildspec runner (src/runner) plugs in here: it implements
 * BuildExecutor by running `request.buildspec` in `request.sourceDir` with `request.environmentVariables`, mapping the
 * runner's phase events to `reporter.enterPhase/completePhase` and its output lines to `reporter.log`. Pass it as
 * `startEmulator({ buildExecutor })`. Until then tests script builds with ScriptedExecutor below.
 */
import type { BuildArtifacts } from '@aws-sdk/client-codebuild';
import type { ReportGroupResult } from '../../../../src/runner/reports/index.js';
import { sleep } from '../util.js';
import type { MadeArtifact } from './artifacts-upload.js';

export type StatusType = 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED';

/** Phases an executor may report, in the order CodeBuild runs them. */
export const EXECUTOR_PHASES = [
  'DOWNLOAD_SOURCE',
  'INSTALL',
  'PRE_BUILD',
  'BUILD',
  'POST_BUILD',
  'UPLOAD_ARTIFACTS',
] as const;
export type ExecutorPhase = (typeof EXECUTOR_PHASES)[number];

export interface PhaseContext {
  statusCode: string;
  message: string;
}

/** An environment variable with its value resolved (PARAMETER_STORE / SECRETS_MANAGER already looked up). */
export interface ResolvedEnvironmentVariable {
  name: string;
  value: string;
  type: 'PLAINTEXT' | 'PARAMETER_STORE' | 'SECRETS_MANAGER';
}

export type BuildspecSource =
  /** Inline buildspec YAML (NO_SOURCE projects, or an inline override). */
  | { kind: 'inline'; text: string }
  /** A buildspec file, relative to sourceDir (default 'buildspec.yml'). */
  | { kind: 'file'; path: string };

export interface BuildExecutionRequest {
  buildId: string;
  buildArn: string;
  buildNumber: number;
  projectName: string;
  /** Checked-out primary source (an empty directory for NO_SOURCE): CODEBUILD_SRC_DIR. */
  sourceDir: string;
  buildspec: BuildspecSource;
  /** Project variables merged with the StartBuild overrides, values resolved. */
  environmentVariables: ResolvedEnvironmentVariable[];
  /** The build's environment after overrides (image, computeType, type, privilegedMode...). */
  environment: {
    type: string;
    image: string;
    computeType: string;
    privilegedMode: boolean;
  };
  sourceVersion?: string;
  resolvedSourceVersion?: string;
  /** Identifier in a batch build's build graph/list, when part of a batch. */
  batchIdentifier?: string;
  /**
   * Where the executor leaves the build's artifact ZIPs for its caller to keep (set for builds an emulated pipeline
   * starts, whose output artifacts it passes on); when absent they are scratch files.
   */
  artifactsDir?: string;
  timeoutInMinutes: number;
  /**
   * Where UPLOAD_ARTIFACTS puts what the build made (the emulated S3, the report groups); an executor that makes
   * artifacts or reads report files hands them here before it completes UPLOAD_ARTIFACTS. Absent: keep nothing.
   */
  outputs?: BuildOutputs;
  /** Aborted on StopBuild (reason 'STOPPED'), on timeout (reason 'TIMED_OUT') and when the emulator closes. */
  signal: AbortSignal;
  reporter: BuildReporter;
}

/** The emulator's side of UPLOAD_ARTIFACTS (BuildRun implements it with the emulated S3 and report store). */
export interface BuildOutputs {
  /**
   * Uploads the artifacts to where the project's ProjectArtifacts (type S3) say; answers the Build's artifacts
   * entries, or the failure of UPLOAD_ARTIFACTS (CLIENT_ERROR), and the log lines to write.
   */
  artifacts(made: {
    primary?: MadeArtifact;
    secondary: readonly MadeArtifact[];
  }): Promise<
    | { artifacts?: BuildArtifacts; secondaryArtifacts?: BuildArtifacts[]; lines: string[] }
    | { error: PhaseContext; lines: string[] }
  >;
  /** Records the reports of the buildspec's report groups (the runner's results; files under srcDir). */
  reports(results: readonly ReportGroupResult[], srcDir: string): Promise<{ reportArns: string[]; lines: string[] }>;
}

export interface BuildReporter {
  /** Starts a phase (completing the current one as SUCCEEDED when it is still open). */
  enterPhase(phase: ExecutorPhase): void;
  /** Completes the current phase. */
  completePhase(status: Exclude<StatusType, 'IN_PROGRESS'>, context?: PhaseContext): void;
  /** One line of build output; the emulator timestamps it and writes it to the build's log stream. */
  log(line: string): void;
}

export interface BuildExecutionResult {
  status: Exclude<StatusType, 'IN_PROGRESS'>;
  exportedEnvironmentVariables?: { name: string; value: string }[];
  artifacts?: BuildArtifacts;
  secondaryArtifacts?: BuildArtifacts[];
  reportArns?: string[];
}

export interface BuildExecutor {
  execute(request: BuildExecutionRequest): Promise<BuildExecutionResult>;
}

/** One scripted phase: its log lines, its outcome, and optionally a wait before completing. */
export interface ScriptedPhase {
  phase: ExecutorPhase;
  lines?: string[];
  status?: Exclude<StatusType, 'IN_PROGRESS'>;
  context?: PhaseContext;
  /** Wait this long (ms) before completing the phase. */
  delayMs?: number;
  /** Wait for this promise before completing the phase (lets a test observe a build in progress). */
  waitFor?: Promise<unknown>;
}

export interface BuildScript {
  phases: ScriptedPhase[];
  /** Default: FAILED when a phase failed, else SUCCEEDED. */
  status?: Exclude<StatusType, 'IN_PROGRESS'>;
  exportedEnvironmentVariables?: { name: string; value: string }[];
  artifacts?: BuildExecutionResult['artifacts'];
}

/** A script of every phase succeeding with a line each. */
export function succeedingScript(): BuildScript {
  return {
    phases: EXECUTOR_PHASES.map((phase) => ({ phase, lines: phase === 'BUILD' ? ['building'] : [] })),
  };
}

/**
 * Plays a script per build: phases, lines and results given by the test. `scriptFor` picks the script (by project,
 * by batch identifier, ...); the default plays every phase successfully. Honors StopBuild: when the signal aborts
 * during a phase, that phase completes with the abort reason (STOPPED / TIMED_OUT) and the build ends so.
 */
export class ScriptedExecutor implements BuildExecutor {
  /** Every request received, in order, for assertions. */
  readonly requests: BuildExecutionRequest[] = [];

  constructor(private readonly scriptFor: (request: BuildExecutionRequest) => BuildScript = () => succeedingScript()) {}

  async execute(request: BuildExecutionRequest): Promise<BuildExecutionResult> {
    this.requests.push(request);
    const script = this.scriptFor(request);
    const { reporter, signal } = request;
    let failed = false;
    for (const step of script.phases) {
      if (step.phase !== 'DOWNLOAD_SOURCE') reporter.enterPhase(step.phase);
      for (const line of step.lines ?? []) reporter.log(line);
      if (step.delayMs) await sleep(step.delayMs, signal);
      if (step.waitFor) await Promise.race([step.waitFor, new Promise((r) => signal.addEventListener('abort', r))]);
      if (signal.aborted) {
        const reason = signal.reason === 'TIMED_OUT' ? 'TIMED_OUT' : 'STOPPED';
        reporter.completePhase(reason);
        return { status: reason };
      }
      const status = step.status ?? 'SUCCEEDED';
      reporter.completePhase(status, step.context);
      if (status !== 'SUCCEEDED') failed = true;
    }
    return {
      status: script.status ?? (failed ? 'FAILED' : 'SUCCEEDED'),
      exportedEnvironmentVariables: script.exportedEnvironmentVariables,
      artifacts: script.artifacts,
    };
  }
}
