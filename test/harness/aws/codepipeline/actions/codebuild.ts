/**
 * Build / AWS / CodeBuild (and Test / AWS / CodeBuild): starts a real build (or, with BatchEnabled, a batch) of the
 * project in the emulated CodeBuild, as `codepipeline/<pipeline>`, on the primary input artifact — what CodeBuild's
 * CODEPIPELINE source type does. A CodeCommit artifact is checked out of its repository at the commit, a connection's
 * out of the linked local repository, a ZIP artifact (an earlier build's output) from its files. EnvironmentVariables
 * (JSON) override the project's. The action follows the build: externalExecutionId is the build id, its status the
 * build's, its output variables the build's exported variables, its output artifacts the build's artifact ZIPs
 * (one output: the primary artifact; several: the secondary artifacts whose identifiers are the output names).
 */
import type { EnvironmentVariable, ProjectSource } from '@aws-sdk/client-codebuild';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BatchRun } from '../../codebuild/batches.js';
import type { BuildRun } from '../../codebuild/builds.js';
import { AwsError } from '../../errors.js';
import type { CodeBuildStore } from '../../services/codebuild.js';
import type { CodeCommitStore } from '../../services/codecommit-store.js';
import type { ActionOutcome, ActionProvider, ActionRun, Artifact } from '../types.js';

const exec = promisify(execFile);
const failed = (code: string, message: string): ActionOutcome => ({
  status: 'Failed',
  errorDetails: { code, message },
});

export interface CodeBuildActionDeps {
  codebuild: CodeBuildStore;
  codecommit: CodeCommitStore;
  region: string;
}

/** Where CodeBuild checks the artifact out: a location StartBuild's source overrides understand, and a version. */
async function checkoutOf(
  artifact: Artifact,
  deps: CodeBuildActionDeps,
  scratch: () => Promise<string>,
): Promise<{ type: 'CODECOMMIT' | 'GITHUB'; location: string; version: string }> {
  if (artifact.kind === 'git') {
    return artifact.codecommitRepository !== undefined
      ? {
          type: 'CODECOMMIT',
          location: deps.codecommit.cloneUrlHttp(artifact.codecommitRepository),
          version: artifact.commit,
        }
      : { type: 'GITHUB', location: artifact.repoDir, version: artifact.commit };
  }
  // A ZIP artifact: its files as a one-commit local repository.
  const dir = join(await scratch(), 'src');
  await mkdir(dir, { recursive: true });
  await exec('unzip', ['-q', artifact.zip, '-d', dir]);
  const git = (...args: string[]) =>
    exec('git', ['-C', dir, '-c', 'user.name=codepipeline', '-c', 'user.email=codepipeline@localhost', ...args]);
  await git('init', '--quiet');
  await git('add', '-A');
  await git('commit', '--quiet', '--allow-empty', '-m', artifact.name);
  const { stdout } = await git('rev-parse', 'HEAD');
  return { type: 'GITHUB', location: dir, version: stdout.trim() };
}

function parseVariables(text: string | undefined): EnvironmentVariable[] | string {
  if (text === undefined) return [];
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!Array.isArray(parsed)) return 'EnvironmentVariables must be a JSON array';
    return parsed.map((v: { name?: unknown; value?: unknown; type?: unknown }) => {
      if (typeof v?.name !== 'string' || typeof v.value !== 'string') throw new Error('name and value are required');
      return {
        name: v.name,
        value: v.value,
        type: (typeof v.type === 'string' ? v.type : 'PLAINTEXT') as EnvironmentVariable['type'],
      };
    });
  } catch (e) {
    return `EnvironmentVariables is not valid: ${(e as Error).message}`;
  }
}

/** Build / batch outcome → action outcome. */
function buildFailure(run: BuildRun): ActionOutcome {
  const b = run.build;
  const phase = b.phases.find((p) => p.phaseStatus !== undefined && p.phaseStatus !== 'SUCCEEDED');
  const context = phase?.contexts?.[0];
  const detail = phase
    ? `. Phase: ${phase.phaseType}, Code: ${context?.statusCode ?? ''}, Message: ${context?.message ?? ''}`
    : '';
  return failed('JobFailed', `Build terminated with state: ${b.buildStatus}${detail}`);
}

export function codeBuildAction(deps: CodeBuildActionDeps): ActionProvider {
  const consoleUrl = `https://${deps.region}.console.aws.amazon.com/codesuite/codebuild`;
  const abandoned = (signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });

  return {
    required: ['ProjectName'],
    optional: ['PrimarySource', 'EnvironmentVariables', 'BatchEnabled', 'CombineArtifacts'],
    inputs: [1, 5],
    outputs: [0, 5],
    entityUrl: (c) => `${consoleUrl}/projects/${c.ProjectName}/history?region=${deps.region}`,
    async run(run: ActionRun): Promise<ActionOutcome> {
      const c = run.configuration;
      const project = deps.codebuild.project(c.ProjectName ?? '');
      if (!project) return failed('ConfigurationError', `Project cannot be found: ${c.ProjectName}`);
      const primary = c.PrimarySource ? run.inputs.find((a) => a.name === c.PrimarySource) : run.inputs[0];
      if (!primary) return failed('ConfigurationError', `PrimarySource ${c.PrimarySource} is not an input artifact`);
      if (run.inputs.length > 1 && !c.PrimarySource) {
        return failed('ConfigurationError', 'PrimarySource is required when the action has several input artifacts');
      }
      if (run.inputs.length > 1) {
        return failed('JobFailed', 'NotImplementedByEmulator: secondary input artifacts (secondary sources)');
      }
      const variables = parseVariables(c.EnvironmentVariables);
      if (typeof variables === 'string') return failed('ConfigurationError', variables);
      const batch = c.BatchEnabled === 'true';
      const outputs = run.action.outputArtifacts.map((o) => o.name);
      if (batch && outputs.length > 0) {
        return failed('JobFailed', 'NotImplementedByEmulator: output artifacts of batch builds');
      }
      const artifactsDir = outputs.length > 0 ? await run.scratchDir() : undefined;
      const checkout = await checkoutOf(primary, deps, () => run.scratchDir());
      const initiator = `codepipeline/${run.pipelineName}`;
      const input = {
        projectName: project.project.name,
        sourceTypeOverride: checkout.type,
        sourceLocationOverride: checkout.location,
        sourceVersion: checkout.version,
        ...(variables.length > 0 ? { environmentVariablesOverride: variables } : {}),
        ...(artifactsDir !== undefined ? { artifactsDir } : {}),
      };
      if (run.signal.aborted) return { status: 'Failed' };
      let started: BuildRun | BatchRun;
      try {
        started = await deps.codebuild.startInternal(batch ? 'StartBuildBatch' : 'StartBuild', input, initiator);
      } catch (e) {
        return failed(
          e instanceof AwsError && e.code === 'AccountLimitExceededException' ? 'JobFailed' : 'ConfigurationError',
          (e as Error).message,
        );
      }
      // What CodeBuild records for a pipeline's build: the CODEPIPELINE source, the artifact's S3 object as version.
      const source: ProjectSource = { ...project.project.source, type: 'CODEPIPELINE' };
      delete source.location;
      const sourceVersion = `arn:aws:s3:::${primary.s3location.bucket}/${primary.s3location.key}`;
      const isBatch = 'batch' in started;
      const wire = isBatch ? (started as BatchRun).batch : (started as BuildRun).build;
      Object.assign(wire, { source, sourceVersion });
      const id = wire.id ?? '';
      const url = isBatch
        ? `${consoleUrl}/projects/${project.project.name}/batch/${encodeURIComponent(id)}?region=${deps.region}`
        : `${consoleUrl}/projects/${project.project.name}/build/${encodeURIComponent(id)}/?region=${deps.region}`;
      run.progress({ externalExecutionId: id, externalExecutionUrl: url });
      await Promise.race([started.done, abandoned(run.signal)]);
      if (run.signal.aborted) return { status: 'Failed' };
      const result = { externalExecutionId: id, externalExecutionUrl: url };
      if (isBatch) {
        const status = (started as BatchRun).batch.buildBatchStatus;
        if (status !== 'SUCCEEDED')
          return { ...result, ...failed('JobFailed', `Build terminated with state: ${status}`) };
        return { status: 'Succeeded', ...result };
      }
      const build = started as BuildRun;
      if (build.build.buildStatus !== 'SUCCEEDED') return { ...result, ...buildFailure(build) };
      const exported = build.build.exportedEnvironmentVariables ?? [];
      const outputArtifacts: Artifact[] = [];
      for (const name of outputs) {
        const file = outputZip(artifactsDir ?? '', name, outputs.length === 1);
        if (!file)
          return { ...result, ...failed('JobFailed', `The build produced no artifact for output artifact ${name}`) };
        outputArtifacts.push({ kind: 'zip', name, s3location: run.artifactLocation(name), zip: file });
      }
      return {
        status: 'Succeeded',
        ...result,
        outputVariables: Object.fromEntries(exported.map((v) => [v.name ?? '', v.value ?? ''])),
        outputArtifacts,
      };
    },
  };
}

/** The ZIP the runner wrote for an output artifact: the primary one, or the secondary one named like the output. */
function outputZip(dir: string, name: string, only: boolean): string | undefined {
  if (!existsSync(dir)) return undefined;
  const zips = readdirSync(dir).filter((f) => f.endsWith('.zip'));
  if (zips.includes(`${name}.zip`)) return join(dir, `${name}.zip`);
  if (!only) return undefined;
  const primary = zips.includes('artifacts.zip') ? 'artifacts.zip' : zips[0];
  return primary === undefined ? undefined : join(dir, primary);
}
