/**
 * `aws-cicd run --batch`: a local batch build. Each child gets its own copy of the source (source-copy.ts; in
 * CodeBuild each child has its own container and checkout), its own buildspec (the task's file or this one), its
 * task variables, CODEBUILD_BATCH_BUILD_IDENTIFIER, its own artifacts folder `<artifacts>/<identifier>/`, and a
 * log whose every line is prefixed with `[identifier] `.
 *
 * The copies are made in `<state>/batch/` (the state folder is left out of them), on the source's file system so
 * that reflinks can apply, when a child starts, and removed when it ends: its artifacts, reports and cache are
 * saved outside it by then.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { formatFinding, parseBuildspec } from '../buildspec/index.js';
import type { Buildspec } from '../buildspec/types.js';
import { UserError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { runBatch, type BatchChild, type BatchResult } from './batch.js';
import { defaultCacheDir } from './cache.js';
import { nextBuildNumber } from './env.js';
import { errorMessage, isInside } from './glob.js';
import { ReporterSink } from './log.js';
import { runLocalBuild, systemClock, type LocalBuildDeps, type LocalBuildOptions } from './run.js';
import { copySourceTree } from './source-copy.js';
import type { BuildResult } from './types.js';

export interface LocalBatchOptions extends Omit<LocalBuildOptions, 'batchIdentifier'> {
  /** At most this many children at once. */
  readonly parallel: number;
}

export interface LocalBatchDeps extends Omit<LocalBuildDeps, 'sink'> {
  /** Where the children's logs (each line tagged with its identifier) and the batch status lines go. */
  readonly reporter: Reporter;
}

/** A child's own lines (not its build's log): tagged with its identifier. */
interface ChildLog {
  write(text: string): void;
}

export async function runLocalBatch(options: LocalBatchOptions, deps: LocalBatchDeps): Promise<BatchResult> {
  const batch = options.buildspec.batch;
  if (batch === undefined) {
    throw new UserError(`${options.buildspecPath} has no batch section; run it without --batch`, { exitCode: 2 });
  }
  if (!(Number.isInteger(options.parallel) && options.parallel >= 1)) {
    throw new UserError(`--parallel must be a whole number of at least 1; got ${options.parallel}`, { exitCode: 2 });
  }
  const srcDir = path.resolve(options.srcDir);
  const projectName = options.projectName ?? (path.basename(srcDir) || 'local');
  const stateDir = path.resolve(srcDir, options.stateDir ?? '.aws-cicd');
  const artifactsDir = path.resolve(srcDir, options.artifactsDir ?? path.join(stateDir, 'artifacts'));
  const cacheDir = path.resolve(srcDir, options.cacheDir ?? defaultCacheDir(options.image ?? process.env));
  const copiesDir = path.join(stateDir, 'batch');
  const clock = deps.clock ?? systemClock;
  const batchId = `${projectName}:${(deps.uuid ?? randomUUID)()}`;
  const region = options.region ?? options.image?.AWS_REGION ?? options.image?.AWS_DEFAULT_REGION ?? '';
  const account = options.accountId ?? '000000000000';
  const status = (line: string): void => deps.reporter.line({ text: line, source: 'batch' });

  status(`batch ${batchId}: ${batch.kind}${batch.fastFail ? ', fast-fail' : ''}, up to ${options.parallel} at once`);

  const runChild = async (child: BatchChild, signal: AbortSignal): Promise<BuildResult> => {
    const out: ChildLog = {
      write: (text) => {
        for (const line of text.replace(/\n$/, '').split('\n'))
          deps.reporter.line({ text: line, source: child.identifier });
      },
    };
    const sink = new ReporterSink(deps.reporter, { source: child.identifier });
    let copy: string | undefined;
    try {
      for (const [key, value] of Object.entries(child.environment)) {
        out.write(`environment ${key}: ${value} (not applied by a local run)\n`);
      }
      try {
        mkdirSync(copiesDir, { recursive: true });
        copy = mkdtempSync(path.join(copiesDir, `${child.identifier}-`));
        await copySourceTree(srcDir, copy, { exclude: [stateDir, artifactsDir, cacheDir] });
      } catch (error) {
        const message = `could not copy the source ${srcDir} for this build: ${errorMessage(error)}`;
        out.write(`CLIENT_ERROR: ${message}\n`);
        return downloadFailure(projectName, clock.now(), 'CLIENT_ERROR', message);
      }
      const own = copy;
      // The buildspec as the child's own checkout has it.
      const inCopy = (file: string): string =>
        isInside(srcDir, file) ? path.join(own, path.relative(srcDir, file)) : file;
      const file = child.buildspec === undefined ? inCopy(options.buildspecPath) : path.resolve(own, child.buildspec);
      const buildspec = child.buildspec === undefined ? options.buildspec : loadChildBuildspec(file, child, out);
      if (buildspec === undefined) {
        const message = `invalid or missing buildspec ${child.buildspec ?? ''}`.trim();
        return downloadFailure(projectName, clock.now(), 'YAML_FILE_ERROR', message);
      }
      return await runLocalBuild(
        {
          ...options,
          buildspec,
          buildspecPath: file,
          srcDir: own,
          stateDir,
          cacheDir,
          projectName,
          artifactsDir: path.join(artifactsDir, child.identifier),
          // Task variables override the buildspec; the caller's --env overrides both.
          env: [...child.variables.map(([name, value]) => `${name}=${value}`), ...(options.env ?? [])],
          batchIdentifier: child.identifier,
          signal,
        },
        { ...deps, sink },
      );
    } finally {
      if (copy !== undefined) removeCopy(copy, out);
      sink.flush();
    }
  };

  try {
    return await runBatch(
      {
        batch,
        batchId,
        batchArn: `arn:aws:codebuild:${region}:${account}:build-batch/${batchId}`,
        buildBatchNumber: nextBuildNumber(stateDir, `${projectName} (batch)`),
        projectName,
        parallel: options.parallel,
        signal: options.signal,
      },
      { runChild, status, clock },
    );
  } finally {
    // Empty unless another batch runs in this source at the same time.
    try {
      rmdirSync(copiesDir);
    } catch {
      // Not empty, or already gone.
    }
  }
}

/** Removes a child's copy of the source; a copy that cannot be removed is named in the child's log. */
function removeCopy(copy: string, out: ChildLog): void {
  try {
    rmSync(copy, { recursive: true, force: true, maxRetries: 2 });
  } catch (error) {
    out.write(`could not remove this build's copy of the source ${copy}: ${errorMessage(error)}\n`);
  }
}

/** A task's own buildspec; its findings go to the child's log. Undefined when it has errors. */
function loadChildBuildspec(file: string, child: BatchChild, out: ChildLog): Buildspec | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    out.write(`YAML_FILE_ERROR: buildspec ${child.buildspec} does not exist\n`);
    return undefined;
  }
  const result = parseBuildspec(text, child.buildspec ?? file);
  for (const finding of result.findings) out.write(formatFinding(finding) + '\n');
  return result.buildspec;
}

/**
 * A child that fails before its build starts fails in DOWNLOAD_SOURCE: a missing or invalid buildspec with
 * YAML_FILE_ERROR, as in CodeBuild; a source that could not be copied with CLIENT_ERROR.
 */
function downloadFailure(projectName: string, now: number, statusCode: string, message: string): BuildResult {
  const time = new Date(now);
  const id = `${projectName}:${randomUUID()}`;
  return {
    id,
    arn: `arn:aws:codebuild:::build/${id}`,
    buildNumber: 0,
    buildStatus: 'FAILED',
    currentPhase: 'COMPLETED',
    buildComplete: true,
    startTime: time,
    endTime: time,
    projectName,
    initiator: '',
    timeoutInMinutes: 0,
    phases: [
      { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: time, endTime: time, durationInSeconds: 0 },
      {
        phaseType: 'DOWNLOAD_SOURCE',
        phaseStatus: 'FAILED',
        startTime: time,
        endTime: time,
        durationInSeconds: 0,
        contexts: [{ statusCode, message }],
      },
      { phaseType: 'COMPLETED', startTime: time },
    ],
    exportedEnvironmentVariables: [],
    secondaryArtifacts: [],
    reports: [],
  };
}
