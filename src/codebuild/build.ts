/**
 * The remote build use case, behind the build action, `aws-cicd build` and `aws-cicd logs --follow`: check the
 * buildspec, start a build or batch build (or attach to a running one), follow it to its end through the Reporter,
 * and report its result: outputs, the job summary, the closing table, the failure.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Build } from '../aws/codebuild.js';
import type { S3DownloadApi } from '../aws/s3-read.js';
import { UserError } from '../core/errors.js';
import { readInputs } from '../core/options.js';
import { withResource } from '../core/resource.js';
import type { Failure, Reporter } from '../core/reporter.js';
import { phaseTable } from '../core/summary.js';
import {
  reportCounts,
  testAnnotations,
  testReportLines,
  testFailuresMessage,
  testReportOutputs,
  testReportsMarkdown,
  type ReportResult,
} from '../core/test-reports.js';
import type { Clock, Sleep } from '../core/time.js';
import { prepareBuildspec } from './buildspec.js';
import type { BuildClients } from './clients.js';
import { logFollower, markedLine, type FollowResult, type FollowTuning } from './context.js';
import { idFromArn, logStreamOf } from './links.js';
import { buildOptions, type BuildOptions } from './options.js';
import { failures, failureSummary, resultOutputs, statusOf, summaryMarkdown } from './report.js';
import { findTarget, followTarget, startTarget, type Target } from './run.js';
import type { EnvVar } from './start.js';
import { stopTarget, type StopTarget } from './stop.js';
import { FINAL_STATUSES, type LogsOption } from './types.js';

export interface BuildDeps {
  /** The environment AWS credentials and region come from. */
  readonly env: NodeJS.ProcessEnv;
  /** Where a buildspec path is read to be checked (the workspace). */
  readonly cwd: string;
  /** Default: clients made from `env` (and the region option), closed at the end. */
  readonly clients?: BuildClients;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  /** False: a cancel only stops following (the build goes on). Default true. */
  readonly cancelStopsBuild?: boolean;
  /** Called once the build started (or was found): `following` says whether it will be followed to its end. */
  readonly onTarget?: (target: Target, following: boolean) => void;
  readonly idempotencyToken?: () => string;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly tuning?: FollowTuning;
}

export interface BuildRun {
  readonly target?: Target;
  readonly result?: FollowResult;
  /** Why the run failed, undefined when it succeeded or was started without waiting. */
  readonly failure?: Failure;
  /** For the CLI: 0 success, 1 the build did not succeed, 2 an invalid buildspec, 130 cancelled without stopping. */
  readonly exitCode: number;
  /** The followed build ended (a post step has nothing to stop). */
  readonly settled?: boolean;
}

/** Output names, as in action.yml. */
export const BUILD_OUTPUTS = {
  buildId: 'build-id',
  logsUrl: 'logs-url',
  artifactsPath: 'artifacts-path',
  secondaryArtifactsPaths: 'secondary-artifacts-paths',
} as const;

/**
 * The options of a build that is followed rather than started: every start option at its default. (Read with the id
 * given: the project is required unless it is, and a module-level read without it threw on import.)
 */
function followOptions(id: string): BuildOptions {
  return readInputs(buildOptions, (name) => (name === 'build-id' ? id : ''));
}

/**
 * Follows a running (or finished) build or batch by id or ARN to its end (`aws-cicd logs --follow`): a cancel stops
 * following only; the build goes on.
 */
export function followBuild(
  id: string,
  options: { readonly logs: LogsOption; readonly region?: string; readonly downloadArtifacts?: string },
  reporter: Reporter,
  deps: BuildDeps,
): Promise<BuildRun> {
  return runBuild({ ...followOptions(id), buildId: id, ...options }, reporter, { ...deps, cancelStopsBuild: false });
}

/** Every line of a build's log so far (each child's of a batch, tagged with its identifier), once. */
export async function printBuildLogs(
  id: string,
  options: { readonly region?: string },
  reporter: Reporter,
  deps: BuildDeps,
): Promise<void> {
  await withResource(
    deps.clients,
    async () => (await import('./clients.js')).createBuildClients({ env: deps.env, region: options.region }),
    async (clients) => {
      const target = await findTarget(clients.codebuild, id);
      for (const { build, identifier } of await logsOf(target, clients)) {
        const stream = logStreamOf(build);
        if (stream === undefined) {
          reporter.info(`${build.id ?? ''} has no CloudWatch log${build.buildComplete ? '' : ' yet'}`);
          continue;
        }
        const follower = logFollower(
          { logs: clients.logs, reporter, tuning: { drainSettleMs: 0 } },
          stream,
          'poll',
          (event) => reporter.line(markedLine(event.message, identifier)),
        );
        await follower.finish();
      }
    },
  );
}

/** The build, or each child build of a batch with its identifier. */
async function logsOf(target: Target, clients: BuildClients): Promise<Array<{ build: Build; identifier?: string }>> {
  if (target.kind === 'build') {
    const [build] = await clients.codebuild.getBuilds([target.id]);
    return build === undefined ? [] : [{ build }];
  }
  const batch = await clients.codebuild.getBuildBatch(target.id);
  const groups = (batch?.buildGroups ?? []).filter((g) => g.currentBuildSummary?.arn !== undefined);
  const ids = groups.map((g) => idFromArn(g.currentBuildSummary?.arn ?? ''));
  const builds = ids.length > 0 ? await clients.codebuild.getBuilds(ids) : [];
  return groups.flatMap((group) => {
    const build = builds.find((b) => b.id === idFromArn(group.currentBuildSummary?.arn ?? ''));
    return build === undefined
      ? []
      : [{ build, ...(group.identifier !== undefined ? { identifier: group.identifier } : {}) }];
  });
}

/** Starts (or attaches to) a build and follows it to its end. */
export async function runBuild(options: BuildOptions, reporter: Reporter, deps: BuildDeps): Promise<BuildRun> {
  const start = options.buildId === undefined ? checkStart(options, reporter, deps) : undefined;
  if (start?.invalid) return { failure: { message: start.failure ?? 'invalid buildspec' }, exitCode: 2 };
  // The SDK loads only once the options are known to be good.
  return withResource(
    deps.clients,
    async () => (await import('./clients.js')).createBuildClients({ env: deps.env, region: options.region }),
    async (clients) => {
      const target =
        start === undefined
          ? await attach(options.buildId ?? '', clients, reporter)
          : await begin(options, start, clients, reporter, deps);
      reporter.setOutput(BUILD_OUTPUTS.buildId, target.id);
      reporter.setOutput(BUILD_OUTPUTS.logsUrl, target.logsUrl ?? '');
      deps.onTarget?.(target, options.wait);
      if (!options.wait) {
        reporter.setOutput('build-number', target.number === undefined ? '' : String(target.number));
        reporter.setOutput('build-status', target.status ?? '');
        reporter.info(`Not waiting: follow it later with ${start === undefined ? 'its id' : `build-id ${target.id}`}`);
        return { target, exitCode: 0 };
      }
      const result = await followTarget(target, options.logs, {
        codebuild: clients.codebuild,
        logs: clients.logs,
        reporter,
        cancel: deps.signal,
        cancelStopsBuild: deps.cancelStopsBuild,
        attached: start === undefined,
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        tuning: deps.cancelStopsBuild === false ? { ...deps.tuning, cancelGraceMs: 0 } : deps.tuning,
      });
      const settled = FINAL_STATUSES.has(statusOf(result));
      const results = settled ? await collectResults(result, options, clients, reporter, deps) : {};
      return { target, result, settled, ...(await report(result, results, options, reporter, deps)) };
    },
  );
}

interface Start {
  readonly invalid: boolean;
  readonly failure?: string;
  readonly buildspec?: string;
  readonly batch: boolean;
  readonly env: EnvVar[];
}

/** Everything about a start that can be checked without AWS: the options, and the buildspec (findings reported). */
function checkStart(options: BuildOptions, reporter: Reporter, deps: BuildDeps): Start {
  if (options.projectName === undefined) {
    throw new UserError('the project is required: give project-name (--project), or build-id to follow a build');
  }
  const env: EnvVar[] = [
    ...options.env.map(([name, value]) => ({ name, value, type: 'PLAINTEXT' as const })),
    ...options.envParameterStore.map(([name, value]) => ({
      name,
      value: value.trim(),
      type: 'PARAMETER_STORE' as const,
    })),
    ...options.envSecretsManager.map(([name, value]) => ({
      name,
      value: value.trim(),
      type: 'SECRETS_MANAGER' as const,
    })),
  ];
  const buildspec = prepareBuildspec(options.buildspec, deps.cwd);
  for (const f of buildspec.findings) {
    const where = { file: f.file, line: f.line, col: f.col, ...(f.path ? { title: f.path } : {}) };
    if (f.severity === 'error') reporter.error(f.message, where);
    else reporter.warning(f.message, where);
  }
  if (buildspec.note !== undefined) reporter.info(`Note: ${buildspec.note}`);
  const batch = options.batch === 'auto' ? buildspec.hasBatch : options.batch === 'true';
  if (buildspec.invalid) {
    const errors = buildspec.findings.filter((f) => f.severity === 'error').length;
    const failure = `${buildspec.shown ?? 'the buildspec'} has ${errors} error${errors === 1 ? '' : 's'}; no build was started`;
    return { invalid: true, failure, batch, env };
  }
  return { invalid: false, batch, env, ...(buildspec.override !== undefined ? { buildspec: buildspec.override } : {}) };
}

async function begin(
  options: BuildOptions,
  start: Start,
  clients: BuildClients,
  reporter: Reporter,
  deps: BuildDeps,
): Promise<Target> {
  const target = await startTarget(
    clients.codebuild,
    {
      projectName: options.projectName ?? '',
      sourceVersion: options.sourceVersion,
      buildspec: start.buildspec,
      env: start.env,
      image: options.image,
      computeType: options.computeType,
      privilegedMode: options.privilegedMode,
      timeoutMinutes: options.timeoutMinutes,
      fleet: options.fleet,
      startBuildJson: options.startBuildJson,
      idempotencyToken: (deps.idempotencyToken ?? randomUUID)(),
    },
    start.batch,
  );
  reporter.info(`Started ${describe(target)}`);
  return target;
}

async function attach(id: string, clients: BuildClients, reporter: Reporter): Promise<Target> {
  const target = await findTarget(clients.codebuild, id);
  reporter.info(`Following ${describe(target)}`);
  return target;
}

export function describe(target: Target): string {
  const what = target.kind === 'batch' ? 'batch build' : 'build';
  const number = target.number === undefined ? '' : ` #${target.number}`;
  const project = target.projectName === undefined ? '' : ` of ${target.projectName}`;
  return `${what} ${target.id}${number}${project}${target.consoleUrl ? `: ${target.consoleUrl}` : ''}`;
}

/** What comes back from a build once it ended: its reports, its artifacts, and what failed while reading them. */
interface Results {
  readonly reports?: readonly ReportResult[];
  /** Reading the reports failed (a missing permission …). */
  readonly reportsError?: string;
  /** Downloading the artifacts failed. */
  readonly artifactsError?: string;
}

/** The build (or each child of a batch) with the identifier it goes under. */
function sourcesOf(result: FollowResult): Array<{ build: Build; identifier?: string }> {
  return result.kind === 'build'
    ? [{ build: result.outcome.build }]
    : result.children.map((c) => ({ build: c.build, identifier: c.identifier }));
}

/** Reads the reports (only when the build has some) and downloads the artifacts (only when asked), once. */
async function collectResults(
  result: FollowResult,
  options: BuildOptions,
  clients: BuildClients,
  reporter: Reporter,
  deps: BuildDeps,
): Promise<Results> {
  const sources = sourcesOf(result);
  let reports: ReportResult[] | undefined;
  let reportsError: string | undefined;
  if (clients.reports !== undefined && sources.some((s) => (s.build.reportArns ?? []).length > 0)) {
    try {
      const { readReports } = await import('./test-reports.js');
      reports = await readReports(clients.reports, sources, deps.signal);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      reportsError = `the build's test reports could not be read: ${error.message}`;
    }
  }
  let artifactsError: string | undefined;
  if (options.downloadArtifacts !== undefined && options.downloadArtifacts !== '') {
    let own: { dispose(): void } | undefined;
    try {
      const { downloadArtifacts, packagingHints } = await import('./artifacts.js');
      let s3: S3DownloadApi;
      if (clients.artifacts !== undefined) s3 = await clients.artifacts();
      else {
        const made = (await import('./artifacts-client.js')).createArtifactsClient({
          env: deps.env,
          region: options.region,
        });
        own = made;
        s3 = made.api;
      }
      const downloaded = await downloadArtifacts(sources, path.resolve(deps.cwd, options.downloadArtifacts), {
        s3,
        reporter,
        hints: packagingHints(options.startBuildJson),
        signal: deps.signal,
      });
      reporter.setOutput(BUILD_OUTPUTS.artifactsPath, downloaded.path);
      reporter.setOutput(BUILD_OUTPUTS.secondaryArtifactsPaths, JSON.stringify(downloaded.secondary));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      artifactsError = `downloading the artifacts: ${error.message}`;
    } finally {
      own?.dispose();
    }
  }
  return {
    ...(reports !== undefined ? { reports } : {}),
    ...(reportsError !== undefined ? { reportsError } : {}),
    ...(artifactsError !== undefined ? { artifactsError } : {}),
  };
}

/** Outputs, summary, annotations, the closing table and the failures of a followed build. */
async function report(
  result: FollowResult,
  results: Results,
  options: Pick<BuildOptions, 'failOnTestFailures'>,
  reporter: Reporter,
  deps: BuildDeps,
): Promise<{ failure?: Failure; exitCode: number }> {
  const reports = results.reports ?? [];
  for (const [name, value] of Object.entries({ ...resultOutputs(result), ...testReportOutputs(reports) })) {
    reporter.setOutput(name, value);
  }
  for (const line of testReportLines(reports)) reporter.info(line);
  const { annotations, more } = testAnnotations(reports);
  for (const a of annotations) reporter.error(a.message, a.where);
  if (more > 0) reporter.info(`${more} more failed tests are not annotated (see the job summary)`);
  const status = statusOf(result);
  // What fails a build that succeeded is its failure (one annotation); otherwise it is reported here.
  const succeeded = status === 'SUCCEEDED';
  if (results.reportsError !== undefined) {
    if (!options.failOnTestFailures) reporter.warning(results.reportsError);
    else if (!succeeded) reporter.error(results.reportsError);
  }
  if (results.artifactsError !== undefined && !succeeded) reporter.error(results.artifactsError);
  const reportsMarkdown = testReportsMarkdown(reports);
  await reporter.summary(summaryMarkdown(result) + (reportsMarkdown === '' ? '' : `\n${reportsMarkdown}`));
  const what = result.kind === 'batch' ? 'Batch build' : 'Build';
  const complete = FINAL_STATUSES.has(status);
  if (result.cancelled && deps.cancelStopsBuild === false && !complete) {
    reporter.info(`Stopped following; ${what.toLowerCase()} ${idOf(result)} goes on (${status})`);
    return { exitCode: 130 };
  }
  reporter.table(
    phaseTable(
      what,
      result.kind === 'build'
        ? { ...result.outcome.build, reports: reportCounts(reports) }
        : { ...result.batch, buildStatus: result.batch.buildBatchStatus },
    ),
  );
  if (succeeded) {
    const testFailures = options.failOnTestFailures ? testFailuresMessage(reports) : undefined;
    if (testFailures !== undefined)
      return { failure: { message: `fail-on-test-failures: ${testFailures}` }, exitCode: 1 };
    if (options.failOnTestFailures && results.reportsError !== undefined) {
      return { failure: { message: `fail-on-test-failures: ${results.reportsError}` }, exitCode: 1 };
    }
    if (results.artifactsError !== undefined) return { failure: { message: results.artifactsError }, exitCode: 1 };
    return { exitCode: 0 };
  }
  if (result.cancelled) {
    return {
      failure: { message: `the run was cancelled, so the build was stopped: ${failureSummary(result)}` },
      exitCode: 1,
    };
  }
  const found = failures(result);
  if (result.kind === 'build') return { failure: found[0] ?? { message: failureSummary(result) }, exitCode: 1 };
  for (const failure of found) reporter.error(failure.message, failure);
  return { failure: { message: failureSummary(result) }, exitCode: 1 };
}

function idOf(result: FollowResult): string {
  return (result.kind === 'build' ? result.outcome.build.id : result.batch.id) ?? '';
}

/**
 * The post step of the build action: a build the main step followed and did not see end (the job was cancelled,
 * the main step killed) is stopped.
 */
export async function stopIfRunning(
  target: StopTarget,
  reporter: Reporter,
  deps: { readonly env: NodeJS.ProcessEnv; readonly clients?: BuildClients },
): Promise<boolean> {
  return withResource(
    deps.clients,
    async () => (await import('./clients.js')).createBuildClients({ env: deps.env }),
    async (clients) => {
      const status =
        target.kind === 'batch'
          ? (await clients.codebuild.getBuildBatch(target.id))?.buildBatchStatus
          : (await clients.codebuild.getBuilds([target.id]))[0]?.buildStatus;
      if (status === undefined || FINAL_STATUSES.has(status)) return false;
      const result = await stopTarget(clients.codebuild, target);
      if (!result.stopped) {
        reporter.warning(`could not stop ${target.id}: ${result.reason}`);
        return false;
      }
      const what = target.kind === 'batch' ? 'batch build' : 'build';
      reporter.info(`The job ended while ${what} ${target.id} was running: stopped it`);
      return true;
    },
  );
}
