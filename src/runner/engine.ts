/**
 * The build engine: runs a parsed buildspec's phases with CodeBuild's semantics (spec §4–§6) and returns a
 * result shaped like CodeBuild's `Build`. Every collaborator is a parameter: the sink for events, the clock, the
 * spawner, the aws-env resolver and the UPLOAD_ARTIFACTS / cache steps.
 *
 * Phase order: SUBMITTED, PROVISIONING, DOWNLOAD_SOURCE, INSTALL, PRE_BUILD, BUILD, POST_BUILD, UPLOAD_ARTIFACTS,
 * FINALIZING, COMPLETED. Phases that do not run are absent from the result.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Buildspec, Command, NamedValue, Phase, PhaseName } from '../buildspec/types.js';
import { compileRe2 } from '../buildspec/re2.js';
import { isUserError } from '../core/errors.js';
import { shellQuote } from '../core/shell.js';
import { agentVariables, mergeEnvironment, reportGroupIdentity, type BuildIdentity, type EnvEntries } from './env.js';
import { errorMessage } from './glob.js';
import { HASH_FILES_COMMAND, startHashFilesTool, type HashFilesTool } from './hash-files-tool.js';
import { phaseCompleteText, phaseContextText } from './log.js';
import { BUILD_MARKER_VARIABLE, killBuildProcesses, type BuildProcessKiller } from './processes.js';
import { AWS_CREDENTIAL_VARIABLES, Masker, type MaskStream } from '../core/mask.js';
import { failureTransition, PHASE_TYPES, resolveShell } from './plan.js';
import { runtimeVersionLines, spawnProbe } from './runtimes.js';
import { currentUser, resolveRunAs, type CurrentUser } from './run-as.js';
import { SessionError, ShellSession, type RunAsUser } from './session.js';
import { fromBinary, isCarried, toBinary, withVars, type ShellState, type ShellVar } from './shell-state.js';
import type {
  AwsEnvResolver,
  BuildArtifact,
  BuildPhase,
  BuildPhaseType,
  BuildResult,
  BuildSteps,
  Clock,
  CommandSection,
  LoggedPhase,
  PhaseContext,
  ReportSummary,
  RunEvent,
  RunSink,
  Spawner,
  StatusType,
  StepContext,
} from './types.js';

export interface EngineInput {
  readonly buildspec: Buildspec;
  /** The buildspec file as the log names it (`YAML location is …`). */
  readonly buildspecPath: string;
  readonly identity: BuildIdentity;
  /** The runner's environment: the "image" the build runs on. */
  readonly image: NodeJS.ProcessEnv;
  /** Project-level variables (the env file). */
  readonly project: EnvEntries;
  /** StartBuild overrides (--env). */
  readonly overrides: EnvEntries;
  readonly timeoutMinutes: number;
  /** Aborting stops the build: status STOPPED, nothing left running. */
  readonly signal?: AbortSignal;
  /** More values to mask besides parameter-store/secrets-manager values and AWS credentials. */
  readonly maskValues?: readonly string[];
}

export interface EngineDeps {
  readonly sink: RunSink;
  readonly clock: Clock;
  readonly spawn: Spawner;
  /** An empty directory for the sessions' scripts and state files (the caller removes it). */
  readonly workDir: string;
  readonly resolveAwsEnv?: AwsEnvResolver;
  readonly steps?: BuildSteps;
  /** Who the runner runs as (run-as decisions); default: the process's user. */
  readonly user?: CurrentUser;
  readonly readPasswd?: () => string;
  /** Ends the build's processes at its end, stop or timeout; default killBuildProcesses (processes.ts). */
  readonly killProcesses?: BuildProcessKiller;
}

const SUCCESS: PhaseContext = { statusCode: '', message: '' };

/** PATH of a shell started without one (what dash and bash use), before the tools' directory is added. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

type Stop = 'STOPPED' | 'TIMED_OUT';

interface PhaseOutcome {
  readonly status: StatusType;
  readonly context: PhaseContext;
}

/** Runs the build and resolves with its result; never rejects for a failing build. */
export async function runBuild(input: EngineInput, deps: EngineDeps): Promise<BuildResult> {
  return new BuildRun(input, deps).run();
}

class BuildRun {
  private readonly phases: BuildPhase[] = [];
  private readonly sessions: ShellSession[] = [];
  private readonly stopController = new AbortController();
  /** The value of BUILD_MARKER_VARIABLE in the environment of every process of this build. */
  private readonly marker = randomBytes(16).toString('hex');
  private stopReason: Stop | undefined;
  private failed = false;
  private fault = false;
  private masker = new Masker([]);
  private outputMask: MaskStream | undefined;
  private env: Record<string, string> = {};
  private secretNames = new Set<string>();
  private state: ShellState | undefined;
  private users = new Map<PhaseName | 'global', RunAsUser | undefined>();
  private lastUser: RunAsUser | undefined | null = null;
  private shell = 'sh';
  private sessionCount = 0;
  private evalSession: ShellSession | undefined;
  private evalDir = '';
  private evalCount = 0;
  private evalCapture: Buffer[] = [];
  private hashTool: HashFilesTool | undefined;
  private evalState: ShellState | undefined;
  private exported: Array<{ name: string; value: string }> = [];
  private artifacts: BuildResult['artifacts'];
  private secondaryArtifacts: BuildResult['secondaryArtifacts'] = [];
  private reports: readonly ReportSummary[] = [];

  constructor(
    private readonly input: EngineInput,
    private readonly deps: EngineDeps,
  ) {}

  private get buildspec(): Buildspec {
    return this.input.buildspec;
  }

  async run(): Promise<BuildResult> {
    const { clock } = this.deps;
    const startTime = clock.now();
    const onAbort = (): void => this.stop('STOPPED');
    const timer = setTimeout(() => this.stop('TIMED_OUT'), this.input.timeoutMinutes * 60_000);
    if (this.input.signal?.aborted) this.stop('STOPPED');
    else this.input.signal?.addEventListener('abort', onAbort, { once: true });
    this.emit({
      type: 'build-start',
      time: startTime,
      buildId: this.input.identity.buildId,
      projectName: this.input.identity.projectName,
    });
    this.record('SUBMITTED', startTime, startTime, 'SUCCEEDED', undefined);
    try {
      await this.runPhases();
    } finally {
      clearTimeout(timer);
      this.input.signal?.removeEventListener('abort', onAbort);
      try {
        this.cleanup();
      } finally {
        // Its listening socket would keep the process alive.
        await this.hashTool?.close();
      }
    }
    const finalizing = clock.now();
    this.record('FINALIZING', finalizing, finalizing, 'SUCCEEDED', SUCCESS);
    const endTime = clock.now();
    this.phases.push({ phaseType: 'COMPLETED', startTime: new Date(endTime) });
    const id = this.input.identity;
    const build: BuildResult = {
      id: id.buildId,
      arn: id.arn,
      buildNumber: id.buildNumber,
      buildStatus: this.stopReason ?? (this.fault ? 'FAULT' : this.failed ? 'FAILED' : 'SUCCEEDED'),
      currentPhase: 'COMPLETED',
      buildComplete: true,
      startTime: new Date(startTime),
      endTime: new Date(endTime),
      projectName: id.projectName,
      initiator: id.initiator,
      sourceVersion: id.sourceVersion,
      resolvedSourceVersion: id.resolvedSourceVersion,
      timeoutInMinutes: this.input.timeoutMinutes,
      phases: this.phases,
      exportedEnvironmentVariables: this.exported,
      artifacts: this.artifacts,
      secondaryArtifacts: this.secondaryArtifacts,
      reports: this.reports,
    };
    this.emit({ type: 'build-end', time: endTime, build });
    return build;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Phases

  private async runPhases(): Promise<void> {
    if (!(await this.agentPhase('PROVISIONING', () => this.provision()))) return;
    if (!(await this.agentPhase('DOWNLOAD_SOURCE', () => this.downloadSource()))) return;
    const byName = new Map(this.buildspec.phases.map((p) => [p.name, p]));
    let upload = true;
    for (const name of Object.keys(PHASE_TYPES) as PhaseName[]) {
      const phase = byName.get(name);
      const outcome = await this.buildspecPhase(name, phase);
      if (this.stopReason !== undefined) return;
      if (outcome.status === 'SUCCEEDED') continue;
      const next = failureTransition(name, phase?.onFailure);
      if (next === 'end') {
        upload = false;
        break;
      }
      if (next === 'upload') break;
    }
    this.captureExported();
    if (upload) await this.agentPhase('UPLOAD_ARTIFACTS', () => this.uploadArtifacts());
  }

  /**
   * Runs one of the agent's phases; a thrown UserError/SessionError fails it with CLIENT_ERROR, anything else is
   * a fault. Returns whether the build goes on.
   */
  private async agentPhase(
    type: 'PROVISIONING' | 'DOWNLOAD_SOURCE' | 'UPLOAD_ARTIFACTS',
    body: () => Promise<PhaseContext | undefined>,
  ): Promise<boolean> {
    const start = this.deps.clock.now();
    if (type !== 'PROVISIONING') this.emit({ type: 'phase-start', time: start, phase: type });
    let outcome: PhaseOutcome;
    try {
      const context = await body();
      outcome = context === undefined ? { status: 'SUCCEEDED', context: SUCCESS } : { status: 'FAILED', context };
    } catch (error) {
      outcome = this.errorOutcome(error);
    }
    if (this.stopReason !== undefined) outcome = this.stopOutcome();
    this.endPhase(type, start, outcome);
    return outcome.status === 'SUCCEEDED';
  }

  private async buildspecPhase(name: PhaseName, phase: Phase | undefined): Promise<PhaseOutcome> {
    const type = PHASE_TYPES[name];
    const start = this.deps.clock.now();
    this.emit({ type: 'phase-start', time: start, phase: type });
    let outcome: PhaseOutcome = { status: 'SUCCEEDED', context: SUCCESS };
    if (phase?.runtimeVersions !== undefined && phase.runtimeVersions.length > 0) {
      await this.reportRuntimes(phase.runtimeVersions);
    }
    if (phase !== undefined && phase.commands.length + phase.finally.length > 0) {
      try {
        outcome = await this.runPhaseCommands(type, phase);
      } catch (error) {
        outcome = this.errorOutcome(error);
      }
    }
    if (this.stopReason !== undefined) outcome = this.stopOutcome();
    this.endPhase(type, start, outcome);
    return outcome;
  }

  /**
   * runtime-versions: one line per runtime, what was asked and what this machine has (runtimes.ts). The version
   * commands are the runner's: found and run with the machine's environment, whatever the buildspec sets.
   */
  private async reportRuntimes(runtimes: readonly NamedValue[]): Promise<void> {
    const env: Record<string, string> = { PATH: DEFAULT_PATH };
    for (const [k, v] of Object.entries(this.input.image)) if (v !== undefined) env[k] = v;
    env[BUILD_MARKER_VARIABLE] = this.marker;
    const probe = spawnProbe(this.deps.spawn, { cwd: this.input.identity.srcDir, env });
    for (const line of await runtimeVersionLines(runtimes, this.env, probe)) this.container(line);
  }

  private endPhase(type: LoggedPhase | 'PROVISIONING', start: number, outcome: PhaseOutcome): void {
    const end = this.deps.clock.now();
    if (outcome.status === 'FAULT') this.fault = true;
    else if (outcome.status !== 'SUCCEEDED') this.failed = true;
    if (type !== 'PROVISIONING') {
      this.emit({
        type: 'phase-end',
        time: end,
        phase: type,
        status: outcome.status,
        context: outcome.context,
        durationMs: end - start,
      });
    } else if (outcome.status !== 'SUCCEEDED') {
      this.container(phaseCompleteText(type, outcome.status));
      this.container(phaseContextText(outcome.context));
    }
    this.record(type, start, end, outcome.status, outcome.context);
  }

  private record(
    type: BuildPhaseType,
    start: number,
    end: number,
    status: StatusType,
    context: PhaseContext | undefined,
  ): void {
    this.phases.push({
      phaseType: type,
      phaseStatus: status,
      startTime: new Date(start),
      endTime: new Date(end),
      durationInSeconds: Math.round((end - start) / 1000),
      ...(context === undefined ? {} : { contexts: [context] }),
    });
  }

  private errorOutcome(error: unknown): PhaseOutcome {
    if (isUserError(error) || error instanceof SessionError) {
      return { status: 'FAILED', context: { statusCode: 'CLIENT_ERROR', message: this.mask(error.message) } };
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.container(`Internal error: ${text}`);
    return { status: 'FAULT', context: { statusCode: 'INTERNAL_ERROR', message: this.mask(String(error)) } };
  }

  private stopOutcome(): PhaseOutcome {
    const minutes = this.input.timeoutMinutes;
    return this.stopReason === 'TIMED_OUT'
      ? {
          status: 'TIMED_OUT',
          context: { statusCode: 'BUILD_TIMED_OUT', message: `Build has timed out. ${minutes} mins` },
        }
      : { status: 'STOPPED', context: { statusCode: 'BUILD_STOPPED', message: 'Build was stopped' } };
  }

  // -------------------------------------------------------------------------------------------------------------
  // PROVISIONING and DOWNLOAD_SOURCE

  private async provision(): Promise<PhaseContext | undefined> {
    this.container(`Running on aws-cicd local runner (${process.platform} ${process.arch})`);
    const srcDir = this.input.identity.srcDir;
    if (!existsSync(srcDir) || !statSync(srcDir).isDirectory()) {
      return { statusCode: 'CLIENT_ERROR', message: `source directory ${srcDir} does not exist` };
    }
    this.shell = resolveShell(this.buildspec.env.shell);
    const me = this.deps.user ?? currentUser();
    const resolve = (name: string | undefined): RunAsUser | undefined => resolveRunAs(name, me, this.deps.readPasswd);
    this.users.set('global', resolve(this.buildspec.runAs));
    for (const phase of this.buildspec.phases) {
      if (phase.runAs !== undefined) this.users.set(phase.name, resolve(phase.runAs));
    }
    return undefined;
  }

  private async downloadSource(): Promise<PhaseContext | undefined> {
    const { identity } = this.input;
    const env = this.buildspec.env;
    this.container(`CODEBUILD_SRC_DIR=${identity.srcDir}`);
    this.container(`YAML location is ${this.input.buildspecPath}`);
    this.container('Processing environment variables');
    const overridden = new Set([...this.input.project, ...this.input.overrides].map(([name]) => name));
    let resolved = new Map<string, string>();
    let secrets: string[] = [];
    const remote = [...env.parameterStore, ...env.secretsManager].filter((v) => !overridden.has(v.name));
    if (remote.length > 0) {
      if (env.parameterStore.length > 0) this.container('Decrypting parameter store environment variables');
      if (this.deps.resolveAwsEnv === undefined) {
        return {
          statusCode: 'CLIENT_ERROR',
          message: 'parameter-store and secrets-manager variables need AWS access, which this runner was not given',
        };
      }
      ({ values: resolved, secrets } = await this.deps.resolveAwsEnv(env, overridden));
    }
    for (const v of [...env.parameterStore, ...env.secretsManager]) this.secretNames.add(v.name);
    this.env = mergeEnvironment({
      image: this.input.image,
      agent: agentVariables(identity),
      buildspec: env.variables,
      resolved,
      project: this.input.project,
      overrides: this.input.overrides,
    });
    this.env[BUILD_MARKER_VARIABLE] = this.marker;
    const credentials = AWS_CREDENTIAL_VARIABLES.map((name) => this.env[name]).filter((v) => v !== undefined);
    this.masker = new Masker([...secrets, ...credentials, ...(this.input.maskValues ?? [])]);
    await this.startHashFilesTool();
    this.container(`Moving to directory ${identity.srcDir}`);
    if (this.buildspec.cache === undefined) this.container('Cache is not defined in the buildspec');
    else if (this.deps.steps?.cache !== undefined) await this.deps.steps.cache.restore(this.stepContext());
    this.container(`Phases found in YAML: ${this.buildspec.phases.length}`);
    for (const phase of this.buildspec.phases) {
      this.container(` ${PHASE_TYPES[phase.name]}: ${phase.commands.length} commands`);
    }
    return undefined;
  }

  /**
   * Puts `codebuild-hash-files` at the end of PATH (the build's own commands of that name win, as on an image that
   * has it). Without it (no Unix socket here) cache keys using it fail with a message, not silently.
   */
  private async startHashFilesTool(): Promise<void> {
    try {
      this.hashTool = await startHashFilesTool({
        dir: path.join(this.deps.workDir, 'tools'),
        srcDir: this.input.identity.srcDir,
        nodePath: process.execPath,
        otherUsers: [...this.users.values()].some((user) => user !== undefined),
      });
    } catch (error) {
      this.container(`${HASH_FILES_COMMAND} is not available in this build: ${errorMessage(error)}`);
      return;
    }
    const entries = this.env.PATH ?? DEFAULT_PATH;
    this.env.PATH = entries === '' ? this.hashTool.binDir : `${entries}:${this.hashTool.binDir}`;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Commands

  /** Runs a phase's commands then its finally, retrying per on-failure RETRY. */
  private async runPhaseCommands(type: LoggedPhase, phase: Phase): Promise<PhaseOutcome> {
    const user = this.users.has(phase.name) ? this.users.get(phase.name) : this.users.get('global');
    const retry = phase.onFailure?.kind === 'RETRY' ? phase.onFailure : undefined;
    const attempts = 1 + (retry?.count ?? 0);
    const pattern = retry?.pattern === undefined ? undefined : safeRegExp(retry.pattern);
    let session: ShellSession | undefined;
    const ensureSession = async (): Promise<ShellSession> => {
      if (session === undefined || !session.alive) {
        if (session !== undefined) this.state = session.state ?? this.state;
        session = await this.startSession(type, user);
      }
      return session;
    };
    try {
      for (let attempt = 1; ; attempt++) {
        let failure: PhaseContext | undefined;
        const sections: Array<[CommandSection, readonly Command[]]> = [
          ['commands', phase.commands],
          ['finally', phase.finally],
        ];
        for (const [section, commands] of sections) {
          for (const command of commands) {
            if (this.stopReason !== undefined) return this.stopOutcome();
            const code = await this.runCommand(type, section, command.text, attempt, ensureSession);
            if (this.stopReason !== undefined) return this.stopOutcome();
            if (code !== 0) {
              failure ??= {
                statusCode: 'COMMAND_EXECUTION_ERROR',
                message: this.mask(`Error while executing command: ${command.text}. Reason: exit status ${code}`),
              };
              break;
            }
          }
        }
        if (failure === undefined) return { status: 'SUCCEEDED', context: SUCCESS };
        const retryable = attempt < attempts && (pattern === undefined || (pattern?.test(failure.message) ?? false));
        if (!retryable) {
          if (pattern === null) this.container(`Invalid on-failure regular expression: ${retry?.pattern ?? ''}`);
          return { status: 'FAILED', context: failure };
        }
        this.container(`Phase ${type} failed: ${failure.message}`);
        this.container(`Retrying phase ${type} (retry ${attempt} of ${attempts - 1})`);
      }
    } finally {
      const last = session as ShellSession | undefined;
      if (last !== undefined) {
        this.state = last.state ?? this.state;
        await last.close();
      }
    }
  }

  private async runCommand(
    phase: LoggedPhase,
    section: CommandSection,
    text: string,
    attempt: number,
    session: () => Promise<ShellSession>,
  ): Promise<number | undefined> {
    const command = this.mask(text);
    const running = await session();
    this.emit({ type: 'command-start', time: this.deps.clock.now(), phase, section, command, attempt });
    const end = this.stopReason === undefined ? await running.run(text) : { exitCode: undefined };
    this.outputMask?.flush();
    const exitCode = this.stopReason !== undefined ? undefined : (end.exitCode ?? running.exitStatus ?? 1);
    this.emit({ type: 'command-end', time: this.deps.clock.now(), phase, section, command, exitCode });
    return exitCode;
  }

  private async startSession(type: LoggedPhase | 'EVAL', user: RunAsUser | undefined): Promise<ShellSession> {
    const succeeding = this.failed ? '0' : '1';
    const identity = this.identityVars(user);
    const env: Record<string, string> = { ...this.env, ...identity, CODEBUILD_BUILD_SUCCEEDING: succeeding };
    let state = this.state;
    if (state !== undefined) {
      const set = new Map<string, ShellVar>([['CODEBUILD_BUILD_SUCCEEDING', exportedVar(succeeding)]]);
      if (user !== this.lastUser) for (const [k, v] of Object.entries(identity)) set.set(k, exportedVar(v));
      state = withVars(state, set);
    }
    this.lastUser = user;
    // Another user must be able to reach its session folder inside ours.
    if (user !== undefined) chmodSync(this.deps.workDir, 0o711);
    const dir = path.join(this.deps.workDir, `${type.toLowerCase()}-${++this.sessionCount}`);
    if (type === 'EVAL') this.evalDir = dir;
    const session = await ShellSession.start({
      shell: this.shell,
      cwd: this.input.identity.srcDir,
      env,
      // The shell is the runner's: found on the machine's PATH, whatever the buildspec sets.
      shellEnv: { PATH: this.input.image.PATH ?? DEFAULT_PATH, [BUILD_MARKER_VARIABLE]: this.marker },
      user,
      dir,
      carryState: this.buildspec.version !== '0.1',
      state,
      nonce: randomBytes(12).toString('hex'),
      spawn: this.deps.spawn,
      onOutput:
        type === 'EVAL' ? (chunk) => void this.evalCapture.push(Buffer.from(chunk)) : (chunk) => this.output(chunk),
    });
    this.sessions.push(session);
    if (this.stopReason !== undefined) session.kill(); // stopped while it started
    return session;
  }

  /** HOME, USER and LOGNAME of the user a session runs as. */
  private identityVars(user: RunAsUser | undefined): Record<string, string> {
    if (user !== undefined) return { HOME: user.home, USER: user.name, LOGNAME: user.name };
    const vars: Record<string, string> = {};
    for (const name of ['HOME', 'USER', 'LOGNAME']) {
      const value = this.env[name];
      if (value !== undefined) vars[name] = value;
    }
    return vars;
  }

  private output(chunk: Buffer): Promise<void> | undefined {
    if (this.masker.active) {
      this.outputMask ??= this.masker.stream((data) => this.deps.sink.emit({ type: 'output', data }));
      this.outputMask.push(chunk);
    } else {
      this.deps.sink.emit({ type: 'output', data: chunk });
    }
    return this.deps.sink.ready?.();
  }

  // -------------------------------------------------------------------------------------------------------------
  // UPLOAD_ARTIFACTS

  /** Exported variables, from the shell state at the end of the last phase that ran (post_build normally). */
  private captureExported(): void {
    const env = this.finalEnv();
    this.exported = [];
    for (const name of this.buildspec.env.exportedVariables) {
      if (name.startsWith('AWS_') || this.secretNames.has(name)) continue;
      const value = env.get(name);
      // A secret copied into a plain variable is masked here too: the result is output (--report-json, outputs).
      if (value !== undefined) this.exported.push({ name, value: this.mask(value) });
    }
  }

  private finalEnv(): Map<string, string> {
    if (this.state === undefined) return new Map(Object.entries(this.env));
    const env = new Map<string, string>();
    for (const [name, v] of this.state.vars) {
      if (v.value !== undefined && isCarried(name)) env.set(fromBinary(name), fromBinary(v.value));
    }
    return env;
  }

  private async uploadArtifacts(): Promise<PhaseContext | undefined> {
    const steps = this.deps.steps ?? {};
    const ctx = this.stepContext();
    if (this.buildspec.reports.length > 0 && steps.reports !== undefined) {
      const identity = this.input.identity;
      this.reports = (await steps.reports.collect(ctx)).map((r) => ({
        ...r,
        ...reportGroupIdentity(r.name, identity),
      }));
    }
    let failure: PhaseContext | undefined;
    if (this.buildspec.artifacts !== undefined && steps.artifacts !== undefined) {
      const result = await steps.artifacts.upload(ctx);
      if (result.primary !== undefined) this.artifacts = this.buildArtifact(result.primary);
      this.secondaryArtifacts = result.secondary.map((s) => ({
        artifactIdentifier: s.artifactIdentifier,
        ...this.buildArtifact(s),
      }));
      if (result.status !== 'SUCCEEDED') {
        failure = result.context ?? { statusCode: 'CLIENT_ERROR', message: 'artifacts could not be collected' };
      }
    }
    if (this.buildspec.cache !== undefined && steps.cache !== undefined) await steps.cache.save(ctx);
    return failure === undefined ? undefined : { statusCode: failure.statusCode, message: this.mask(failure.message) };
  }

  /** The result's artifact entry: CodeBuild's fields (location, checksums) and our evaluated `name`, masked. */
  private buildArtifact(artifact: BuildArtifact): BuildArtifact {
    return {
      location: artifact.location,
      ...(artifact.sha256sum !== undefined ? { sha256sum: artifact.sha256sum } : {}),
      ...(artifact.md5sum !== undefined ? { md5sum: artifact.md5sum } : {}),
      ...(artifact.name !== undefined ? { name: this.mask(artifact.name) } : {}),
    };
  }

  private stepContext(): StepContext {
    return {
      buildspec: this.buildspec,
      srcDir: this.input.identity.srcDir,
      buildId: this.input.identity.buildId,
      projectName: this.input.identity.projectName,
      env: this.finalEnv(),
      log: (line) => this.container(line),
      shellEval: (text) => this.shellEval(text),
      succeeding: !this.failed,
      signal: this.stopController.signal,
    };
  }

  /**
   * Evaluates text with shell syntax (variables, `$(…)`) in the build's final shell state, as the global user.
   * Rejects with a ShellEvalError when the text does not parse or a command in it wrote to stderr (`not found`, a
   * file `codebuild-hash-files` does not find): a `$(…)` that fails prints nothing on stdout, and the partial text
   * would pass for a value. (The shell gives no exit status per substitution; stderr is the signal we have.)
   */
  private async shellEval(text: string): Promise<string> {
    const delimiter = `__ACD_EOF_${randomBytes(8).toString('hex')}`;
    // One evaluation shell per shell state: DOWNLOAD_SOURCE (cache key) and UPLOAD_ARTIFACTS see different ones.
    if (this.evalSession === undefined || !this.evalSession.alive || this.evalState !== this.state) {
      this.evalSession?.kill();
      this.evalState = this.state;
      this.evalSession = await this.startSession('EVAL', this.users.get('global'));
    }
    const errors = path.join(this.evalDir, `eval-${++this.evalCount}.err`);
    this.evalCapture = [];
    // `command -p`: cat from the system's default PATH, whatever the build's PATH says.
    const end = await this.evalSession.run(
      `{ command -p cat <<${delimiter}\n${text}\n${delimiter}\n} 2>${shellQuote(errors)}`,
    );
    const output = Buffer.concat(this.evalCapture).toString('utf8');
    this.evalCapture = [];
    const read = readEvalErrors(errors);
    if ('unreadable' in read) {
      throw new ShellEvalError(`could not read the error output of the evaluation (${read.unreadable})`);
    }
    const stderr = read.text.trim();
    if (end.exitCode !== 0 || stderr !== '') {
      const why = stderr || output.trim() || `exit status ${end.exitCode ?? 'unknown (the shell ended)'}`;
      throw new ShellEvalError(this.mask(why.split('\n').join('; ')));
    }
    return output.replace(/\n$/, '');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Stop, cleanup, events

  private stop(reason: Stop): void {
    if (this.stopReason !== undefined) return;
    this.stopReason = reason;
    this.stopController.abort(reason);
    this.killProcesses();
  }

  private cleanup(): void {
    this.killProcesses();
    for (const session of this.sessions) session.dispose();
    this.outputMask?.flush();
  }

  /** Every process of the build: its shells' process groups and whatever left them (processes.ts). */
  private killProcesses(): void {
    const groups = this.sessions.map((s) => ({ pgid: s.pgid, leaderAlive: s.alive, leaderStart: s.startTime }));
    (this.deps.killProcesses ?? killBuildProcesses)(this.marker, groups);
  }

  private container(text: string): void {
    this.emit({ type: 'container', time: this.deps.clock.now(), text: this.mask(text) });
  }

  private mask(text: string): string {
    return this.masker.active ? this.masker.maskText(text) : text;
  }

  private emit(event: RunEvent): void {
    this.deps.sink.emit(event);
  }
}

/** A shell evaluation (cache key, artifact name) that failed; the message is what the shell said. */
export class ShellEvalError extends Error {
  override readonly name = 'ShellEvalError';
}

/** Most of an evaluation's error output read (the message is one log line). */
const MAX_EVAL_ERRORS = 64 * 1024;

/**
 * Reads the error file of an evaluation. The folder it is in is writable by the build (its `run-as` user), and the
 * runner may be root: a link planted in its place must not be followed (O_NOFOLLOW, then fails with ELOOP), nor a
 * FIFO block us (O_NONBLOCK), and only a regular file is read, at most MAX_EVAL_ERRORS bytes.
 */
export function readEvalErrors(file: string): { text: string } | { unreadable: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // No file: the shell ended before the redirection (its exit status says why).
    if (code === 'ENOENT') return { text: '' };
    return { unreadable: code ?? errorMessage(error) };
  }
  try {
    if (!fstatSync(fd).isFile()) return { unreadable: 'not a regular file' };
    const buffer = Buffer.alloc(MAX_EVAL_ERRORS);
    let size = 0;
    while (size < buffer.length) {
      const n = readSync(fd, buffer, size, buffer.length - size, null);
      if (n === 0) break;
      size += n;
    }
    return { text: buffer.subarray(0, size).toString('utf8') };
  } catch (error) {
    return { unreadable: (error as NodeJS.ErrnoException).code ?? errorMessage(error) };
  } finally {
    closeSync(fd);
  }
}

function exportedVar(value: string): ShellVar {
  return { value: toBinary(value), exported: true };
}

/** The on-failure regex, read as Go's RE2 syntax (CodeBuild's agent is Go); null when it is not one. */
function safeRegExp(pattern: string): RegExp | null {
  const compiled = compileRe2(pattern);
  return compiled.ok ? compiled.regexp : null;
}
