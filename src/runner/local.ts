/**
 * The local build use case, behind the local action and `aws-cicd run`: read and check the buildspec, run it here (or
 * inside a build image, through an injected container runner), as one build or as a batch, and report the result
 * through the Reporter: the log with its phases, masks, outputs, the job summary, the closing table, where the
 * artifacts and the report went, the failure.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Buildspec } from '../buildspec/types.js';
import { UserError } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import type { OptionNaming } from '../core/options.js';
import { Tail, type Failure, type Reporter } from '../core/reporter.js';
import { buildSummaryMarkdown, phaseTable } from '../core/summary.js';
import { testAnnotations, testReportsMarkdown } from '../core/test-reports.js';
import { localReportResults } from './reports/results.js';
import type { BatchResult } from './batch.js';
import { readLogLine, ReporterSink } from './log.js';
import type { LocalOptions } from './options.js';
import { readTextFile } from '../core/files.js';
import type { LocalBuildDeps } from './run.js';
import type { AwsEnvResolver, BuildResult } from './types.js';

/** Runs a build inside a container of an image (image/run-in-image.ts), its log line by line. */
export type InImageRunner = (
  request: {
    readonly image: string;
    readonly engine?: 'docker' | 'podman' | 'buildah';
    readonly srcDir: string;
    readonly buildspecPath: string;
    readonly artifactsDir: string;
    readonly envFile?: string;
    readonly env: readonly string[];
    readonly projectName?: string;
    readonly region?: string;
    readonly timeoutMinutes: number;
    readonly cacheDir?: string;
    readonly batch: boolean;
    readonly parallel?: number;
    readonly signal?: AbortSignal;
  },
  onLine: (line: string) => void,
) => Promise<{ readonly exitCode: number; readonly report?: Record<string, unknown> }>;

export interface LocalDeps {
  /** The build's "image" environment (its variables, the runner's PATH …). */
  readonly env: NodeJS.ProcessEnv;
  /** Where relative options resolve (the workspace, the current directory). */
  readonly cwd: string;
  readonly naming: OptionNaming;
  /** Parameter Store and Secrets Manager (aws/buildspec-env.ts); without it such variables fail the build. */
  readonly resolveAwsEnv?: AwsEnvResolver;
  /** The image runner, for the image option. */
  readonly inImage?: InImageRunner;
  /** Where the report goes when the reportJson option is not given (the action: `<artifacts>/build.json`). */
  readonly defaultReportJson?: (artifactsDir: string) => string;
  /** Default project name (the action: the repository's). */
  readonly defaultProject?: string;
  /** CODEBUILD_SOURCE_VERSION (the action: the workflow's commit). */
  readonly sourceVersion?: string;
  readonly signal?: AbortSignal;
  /** Runner collaborators for tests (clock, uuid, spawner, scratch folder). */
  readonly runner?: Partial<Omit<LocalBuildDeps, 'sink' | 'resolveAwsEnv'>>;
}

export interface LocalRun {
  readonly build?: BuildResult;
  readonly batch?: BatchResult;
  readonly failure?: Failure;
  /** 0 SUCCEEDED, 1 not, 2 an invalid buildspec or bad input. */
  readonly exitCode: number;
}

/** Output names, as in actions/local/action.yml. */
export const LOCAL_OUTPUTS = [
  'build-status',
  'build-id',
  'exported-variables',
  'artifacts',
  'secondary-artifacts',
  'report-json',
] as const;

export async function runLocal(options: LocalOptions, reporter: Reporter, deps: LocalDeps): Promise<LocalRun> {
  const name = deps.naming;
  const srcDir = path.resolve(deps.cwd, options.source);
  if (!statSync(srcDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`${name('source')}: ${srcDir} is not a directory`, { exitCode: 2 });
  }
  const buildspecPath = path.resolve(srcDir, options.buildspec);
  const shown = path.relative(deps.cwd, buildspecPath) || options.buildspec;
  if (options.variablesFile !== undefined && options.envFile !== undefined) {
    throw new UserError(`give ${name('variablesFile')} or --env-file (the same option), not both`, { exitCode: 2 });
  }
  const variablesFile = options.variablesFile ?? options.envFile;
  const envFile = variablesFile === undefined ? undefined : path.resolve(deps.cwd, variablesFile);
  const artifactsDir =
    options.artifacts === undefined
      ? path.join(srcDir, '.aws-cicd', 'artifacts')
      : path.resolve(deps.cwd, options.artifacts);
  const cacheDir = options.cacheDir === undefined ? undefined : path.resolve(deps.cwd, options.cacheDir);
  const reportJson =
    options.reportJson !== undefined
      ? path.resolve(deps.cwd, options.reportJson)
      : deps.defaultReportJson?.(artifactsDir);
  if (options.engine !== undefined && options.image === undefined) {
    throw new UserError(`${name('engine')} needs ${name('image')}`, { exitCode: 2 });
  }
  const env = options.env.map(([variable, value]) => `${variable}=${value}`);
  const projectName = options.project ?? deps.defaultProject;

  if (options.image !== undefined && !options.dryRun) {
    if (options.parallel !== undefined && !options.batch) {
      throw new UserError(`${name('parallel')} needs ${name('batch')}`, { exitCode: 2 });
    }
    return inImage(
      options.image,
      { srcDir, buildspecPath, artifactsDir, envFile, env, projectName, cacheDir, reportJson },
      options,
      reporter,
      deps,
    );
  }

  const buildspec = await loadBuildspec(buildspecPath, shown, reporter);
  if (buildspec === undefined) return { exitCode: 2, failure: { message: invalid(shown) } };
  const batchOnly = buildspec.batch !== undefined && buildspec.phases.length === 0;
  const asBatch = options.batch || batchOnly;
  if (buildspec.batch !== undefined && !asBatch) {
    reporter.info(
      `${shown} has a batch section, which a run without ${name('batch')} leaves out: its phases run as one build; ` +
        `add ${name('batch')} to run the batch's child builds`,
    );
  }
  if (options.dryRun) {
    if (asBatch && buildspec.batch === undefined) {
      throw new UserError(`${shown} has no batch section; run it without ${name('batch')}`, { exitCode: 2 });
    }
    const { formatBatchPlan, formatPlan, planBuild } = await import('./plan.js');
    const plan =
      asBatch && buildspec.batch !== undefined
        ? formatBatchPlan(buildspec.batch, shown, options.parallel ?? availableParallelism())
        : formatPlan(planBuild(buildspec));
    for (const line of plan.replace(/\n$/, '').split('\n')) reporter.line(line);
    return { exitCode: 0 };
  }
  const resolveAwsEnv = maskingResolver(deps.resolveAwsEnv, reporter);
  const common = {
    buildspec,
    buildspecPath,
    srcDir,
    projectName,
    envFile,
    env,
    region: options.region,
    artifactsDir,
    cacheDir,
    timeoutMinutes: options.timeoutMinutes,
    sourceVersion: deps.sourceVersion,
    signal: deps.signal,
    image: deps.env,
  };
  if (asBatch) {
    if (!options.batch) reporter.info(`${shown} has a batch section and no phases: running it as a batch`);
    const { runLocalBatch } = await import('./batch-run.js');
    const batch = await runLocalBatch(
      { ...common, parallel: options.parallel ?? availableParallelism() },
      { ...deps.runner, reporter, resolveAwsEnv },
    );
    writeReport(reportJson, batch);
    reporter.info(`batch ${batch.id} ${batch.buildBatchStatus}`);
    where(Object.values(batch.builds), reportJson, reporter, deps.cwd);
    const ok = batch.buildBatchStatus === 'SUCCEEDED';
    return {
      batch,
      exitCode: ok ? 0 : 1,
      ...(ok ? {} : { failure: { message: `batch ${batch.id} ${batch.buildBatchStatus}` } }),
    };
  }
  if (options.parallel !== undefined)
    throw new UserError(`${name('parallel')} needs ${name('batch')}`, { exitCode: 2 });
  const tail = new Tail();
  const { runLocalBuild } = await import('./run.js');
  const build = await runLocalBuild(common, {
    ...deps.runner,
    sink: new ReporterSink(reporter, { tail }),
    resolveAwsEnv,
  });
  await report(build, reporter, reportJson, deps.cwd);
  if (build.buildStatus === 'SUCCEEDED') return { build, exitCode: 0 };
  return { build, exitCode: 1, failure: failureOf(build, shown, tail.lines()) };
}

/**
 * Reads and validates the buildspec; its findings go to the Reporter. Undefined when it has errors. The language and
 * the engine load once the file is read (a missing one is reported within a cold start's first tens of milliseconds).
 */
async function loadBuildspec(file: string, shown: string, reporter: Reporter): Promise<Buildspec | undefined> {
  const text = readTextFile(file, shown);
  const { parseBuildspec } = await import('../buildspec/index.js');
  const result = parseBuildspec(text, shown);
  for (const f of result.findings) {
    const where = { file: f.file, line: f.line, col: f.col, ...(f.path ? { title: f.path } : {}) };
    if (f.severity === 'error') reporter.error(f.message, where);
    else reporter.warning(f.message, where);
  }
  return result.buildspec;
}

function invalid(shown: string): string {
  return `${shown} is not a valid buildspec; nothing was run`;
}

/** Secret values are registered with the Reporter before the build can print them (the engine masks them too). */
function maskingResolver(inner: AwsEnvResolver | undefined, reporter: Reporter): AwsEnvResolver | undefined {
  if (inner === undefined) return undefined;
  return async (env, skip) => {
    const resolved = await inner(env, skip);
    for (const secret of resolved.secrets) reporter.mask(secret);
    return resolved;
  };
}

/** Outputs, the report file, the summary, the closing table, and where the artifacts went. */
async function report(
  build: BuildResult,
  reporter: Reporter,
  reportJson: string | undefined,
  cwd: string,
): Promise<void> {
  reporter.setOutput('build-status', build.buildStatus);
  reporter.setOutput('build-id', build.id);
  const exported: Record<string, string> = {};
  for (const { name, value } of build.exportedEnvironmentVariables) exported[name] = value;
  reporter.setOutput('exported-variables', JSON.stringify(exported));
  const reserved = new Set<string>(LOCAL_OUTPUTS);
  for (const [name, value] of Object.entries(exported)) if (!reserved.has(name)) reporter.setOutput(name, value);
  if (build.artifacts) reporter.setOutput('artifacts', build.artifacts.location);
  const secondary: Record<string, string> = {};
  for (const a of build.secondaryArtifacts ?? []) secondary[a.artifactIdentifier] = a.location;
  reporter.setOutput('secondary-artifacts', JSON.stringify(secondary));
  writeReport(reportJson, build);
  if (reportJson !== undefined) reporter.setOutput('report-json', reportJson);
  // A report file from inside an image may carry no reports member.
  const reports = localReportResults(build.reports ?? []);
  const { annotations, more } = testAnnotations(reports);
  for (const a of annotations) reporter.error(a.message, a.where);
  if (more > 0) reporter.info(`${more} more failed tests are not annotated (see the job summary)`);
  const reportsMarkdown = testReportsMarkdown(reports);
  await reporter.summary(
    buildSummaryMarkdown('Local build', build) + (reportsMarkdown === '' ? '' : `\n${reportsMarkdown}`),
  );
  reporter.table(localTable(build));
  where([build], reportJson, reporter, cwd);
}

/** The closing table; its footer is the run's status line (`build <id> FAILED in 1.2s: BUILD COMMAND_EXECUTION_ERROR …`). */
function localTable(build: BuildResult) {
  const table = phaseTable('Build', build);
  const failed = build.phases.find((p) => p.phaseStatus !== undefined && p.phaseStatus !== 'SUCCEEDED');
  const context = failed?.contexts?.[0];
  const why =
    failed === undefined ? '' : `: ${failed.phaseType} ${context?.statusCode ?? ''} ${context?.message ?? ''}`;
  const ms = build.endTime === undefined ? 0 : build.endTime.getTime() - build.startTime.getTime();
  return {
    ...table,
    footer: {
      text: `build ${build.id} ${build.buildStatus} in ${formatDuration(ms)}${why.trimEnd()}`,
      ok: build.buildStatus === 'SUCCEEDED',
    },
  };
}

function writeReport(file: string | undefined, result: BuildResult | BatchResult): void {
  if (file === undefined) return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
}

/** Where the artifacts (their ZIP files) and the report went: a line each, none when there are none. */
function where(
  builds: ReadonlyArray<Pick<BuildResult, 'artifacts'> & { secondaryArtifacts?: BuildResult['secondaryArtifacts'] }>,
  reportJson: string | undefined,
  reporter: Reporter,
  cwd: string,
): void {
  const shown = (file: string): string => {
    const relative = path.relative(cwd, file);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const zips = builds
    .flatMap((b) => [b.artifacts, ...(b.secondaryArtifacts ?? [])])
    .flatMap((a) => (a ? [a.location] : []));
  if (zips.length > 0) reporter.info(`artifacts: ${zips.map(shown).join(', ')}`);
  if (reportJson !== undefined) reporter.info(`report: ${shown(reportJson)}`);
}

/** The failed phase, its context, and the last lines of output, on the buildspec. */
function failureOf(build: BuildResult, shown: string, lastLines: readonly string[]): Failure {
  const failed = build.phases.find((p) => p.phaseStatus !== undefined && p.phaseStatus !== 'SUCCEEDED');
  const context = failed?.contexts?.find((c) => c.statusCode || c.message);
  const why = context ? `: ${[context.statusCode, context.message].filter(Boolean).join(' ')}` : '';
  return {
    message: `build ${build.buildStatus}${failed ? ` in ${failed.phaseType}` : ''}${why}`,
    file: shown,
    ...(failed ? { title: `${failed.phaseType} ${failed.phaseStatus ?? ''}`.trim() } : {}),
    ...(lastLines.length > 0 ? { context: lastLines } : {}),
  };
}

/** The build inside a container of the image: its log, marked, through the Reporter; its report as the result. */
async function inImage(
  image: string,
  paths: {
    srcDir: string;
    buildspecPath: string;
    artifactsDir: string;
    envFile?: string;
    env: string[];
    projectName?: string;
    cacheDir?: string;
    reportJson?: string;
  },
  options: LocalOptions,
  reporter: Reporter,
  deps: LocalDeps,
): Promise<LocalRun> {
  if (deps.inImage === undefined) throw new Error('no image runner was given');
  reporter.info(`Running the build in ${image}`);
  const result = await deps.inImage(
    {
      image,
      ...(options.engine !== undefined ? { engine: options.engine } : {}),
      srcDir: paths.srcDir,
      buildspecPath: paths.buildspecPath,
      artifactsDir: paths.artifactsDir,
      envFile: paths.envFile,
      // The workflow's commit as CODEBUILD_SOURCE_VERSION, as a host run has it; the user's env still wins.
      env: [...(deps.sourceVersion ? [`CODEBUILD_SOURCE_VERSION=${deps.sourceVersion}`] : []), ...paths.env],
      projectName: paths.projectName,
      region: options.region,
      timeoutMinutes: options.timeoutMinutes,
      cacheDir: paths.cacheDir,
      batch: options.batch,
      ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
      signal: deps.signal,
    },
    (text) => {
      const mark = readLogLine(text);
      reporter.line(mark === undefined ? { text } : { text, mark });
    },
  );
  reporter.line({ mark: { kind: 'log-end' } });
  if (result.report === undefined) {
    if (result.exitCode === 2)
      return { exitCode: 2, failure: { message: invalid(path.basename(paths.buildspecPath)) } };
    throw new UserError(`the build in ${image} ended (exit status ${result.exitCode}) without a report`);
  }
  const written = result.report as Partial<BuildResult> & {
    builds?: Record<string, BuildResult>;
    buildBatchStatus?: string;
  };
  writeReport(paths.reportJson, written as BuildResult);
  if (written.builds !== undefined) {
    where(Object.values(written.builds), paths.reportJson, reporter, deps.cwd);
    const failure = { message: `batch ${String(written.buildBatchStatus ?? '')}` };
    return { exitCode: result.exitCode, ...(result.exitCode === 0 ? {} : { failure }) };
  }
  const build = reviveBuild(result.report);
  await report(build, reporter, paths.reportJson, deps.cwd);
  if (build.buildStatus === 'SUCCEEDED') return { build, exitCode: 0 };
  return { build, exitCode: 1, failure: failureOf(build, path.relative(deps.cwd, paths.buildspecPath), []) };
}

/** The report's JSON times as Dates again. */
function reviveBuild(report: Record<string, unknown>): BuildResult {
  const date = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? new Date(value) : value);
  const phases = Array.isArray(report.phases) ? (report.phases as Array<Record<string, unknown>>) : [];
  return {
    ...report,
    startTime: date(report.startTime),
    ...(report.endTime !== undefined ? { endTime: date(report.endTime) } : {}),
    phases: phases.map((p) => ({
      ...p,
      startTime: date(p.startTime),
      ...(p.endTime !== undefined ? { endTime: date(p.endTime) } : {}),
    })),
  } as unknown as BuildResult;
}
