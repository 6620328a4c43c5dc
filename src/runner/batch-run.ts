/**
 * `aws-cicd run --batch`: a local batch build. Each child gets its own buildspec (the task's file or this one),
 * its task variables, CODEBUILD_BATCH_BUILD_IDENTIFIER, its own artifacts folder `<artifacts>/<identifier>/`, and
 * a log whose every line is prefixed with `[identifier] `.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatFinding, parseBuildspec } from '../buildspec/index.js';
import type { Buildspec } from '../buildspec/types.js';
import { UserError } from '../common/errors.js';
import { PrefixedOutput, runBatch, type BatchChild, type BatchResult } from './batch.js';
import { nextBuildNumber } from './env.js';
import { CodeBuildLogSink, type TextOutput } from './log.js';
import { runLocalBuild, systemClock, type LocalBuildDeps, type LocalBuildOptions } from './run.js';
import type { BuildResult } from './types.js';

export interface LocalBatchOptions extends Omit<LocalBuildOptions, 'batchIdentifier'> {
  /** At most this many children at once. */
  readonly parallel: number;
}

export interface LocalBatchDeps extends Omit<LocalBuildDeps, 'sink'> {
  /** Where the children's prefixed logs and the batch status lines go. */
  readonly output: TextOutput;
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
  const clock = deps.clock ?? systemClock;
  const batchId = `${projectName}:${(deps.uuid ?? randomUUID)()}`;
  const region = options.region ?? options.image?.AWS_REGION ?? options.image?.AWS_DEFAULT_REGION ?? '';
  const account = options.accountId ?? '000000000000';
  const status = (line: string): void => void deps.output.write(`[batch] ${line}\n`);

  status(`batch ${batchId}: ${batch.kind}${batch.fastFail ? ', fast-fail' : ''}, up to ${options.parallel} at once`);

  const runChild = async (child: BatchChild, signal: AbortSignal): Promise<BuildResult> => {
    const out = new PrefixedOutput(deps.output, child.identifier);
    const sink = new CodeBuildLogSink(out);
    try {
      for (const [key, value] of Object.entries(child.environment)) {
        out.write(`environment ${key}: ${value} (not applied by a local run)\n`);
      }
      const file = child.buildspec === undefined ? options.buildspecPath : path.resolve(srcDir, child.buildspec);
      const buildspec = child.buildspec === undefined ? options.buildspec : loadChildBuildspec(file, child, out);
      if (buildspec === undefined) return yamlFailure(child, projectName, clock.now());
      return await runLocalBuild(
        {
          ...options,
          buildspec,
          buildspecPath: file,
          srcDir,
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
      out.flush();
    }
  };

  return runBatch(
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
}

/** A task's own buildspec; its findings go to the child's log. Undefined when it has errors. */
function loadChildBuildspec(file: string, child: BatchChild, out: PrefixedOutput): Buildspec | undefined {
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

/** A child whose buildspec is missing or invalid fails in DOWNLOAD_SOURCE with YAML_FILE_ERROR, as in CodeBuild. */
function yamlFailure(child: BatchChild, projectName: string, now: number): BuildResult {
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
        contexts: [
          { statusCode: 'YAML_FILE_ERROR', message: `invalid or missing buildspec ${child.buildspec ?? ''}`.trim() },
        ],
      },
      { phaseType: 'COMPLETED', startTime: time },
    ],
    exportedEnvironmentVariables: [],
    secondaryArtifacts: [],
    reports: [],
  };
}
