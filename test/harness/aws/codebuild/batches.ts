/**
 * A CodeBuild batch build: SUBMITTED → DOWNLOAD_BATCHSPEC → IN_PROGRESS → COMBINE_ARTIFACTS → SUCCEEDED | FAILED |
 * STOPPED (the final phase carries only phaseType and startTime). DOWNLOAD_BATCHSPEC reads the buildspec's `batch`
 * section (all four batch types, through the project's validator and batch expansion);
 * each task becomes an ordinary build with `buildBatchArn`, started once the builds it depends on have succeeded.
 * A first build group `DOWNLOAD_SOURCE` stands for the build that fetched the source, as in AWS's output.
 */
import type { BuildBatch, BuildBatchPhase, BuildGroup, EnvironmentVariable } from '@aws-sdk/client-codebuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBuildspec } from '../../../../src/buildspec/index.js';
import { expandBatch } from '../../../../src/runner/batch.js';
import { epochSeconds } from '../util.js';
import type { BuildspecSource, StatusType } from './executor.js';
import type { BuildRun } from './builds.js';
import { prepareSource, SourceError } from './source.js';
import type { CodeCommitRepositories } from './source.js';

export type WireBatchPhase = Omit<BuildBatchPhase, 'startTime' | 'endTime'> & { startTime: number; endTime?: number };
export type WireBuildGroup = Omit<BuildGroup, 'currentBuildSummary'> & {
  currentBuildSummary?: { arn?: string; requestedOn?: number; buildStatus?: string; primaryArtifact?: object };
};
export type WireBuildBatch = Omit<BuildBatch, 'startTime' | 'endTime' | 'phases' | 'buildGroups'> & {
  startTime: number;
  endTime?: number;
  phases: WireBatchPhase[];
  buildGroups?: WireBuildGroup[];
};

export interface BatchTask {
  identifier: string;
  dependOn: string[];
  ignoreFailure: boolean;
  buildspec?: string;
  variables: EnvironmentVariable[];
  image?: string;
  computeType?: string;
  type?: string;
  privilegedMode?: boolean;
}

export interface ChildBuildRequest {
  task: BatchTask;
  /** The DOWNLOAD_SOURCE group's build has no task. */
  downloadSourceOnly?: boolean;
}

export interface BatchDeps {
  now: () => number;
  /** Starts a child build of the batch and returns its run. */
  startChild(request: ChildBuildRequest): BuildRun;
  maximumBuildsAllowed: number;
  /** The emulated CodeCommit repositories that CODECOMMIT sources are checked out from. */
  codecommit?: CodeCommitRepositories;
}

export class BatchError extends Error {}

/**
 * Parses the `batch` section of a buildspec into tasks with the project's validator and batch expansion (the same
 * rules `aws-cicd run --batch` applies): build-list, build-graph, build-matrix (one child per combination, named
 * build1, build2, ...) and build-fanout. An invalid buildspec fails DOWNLOAD_BATCHSPEC with YAML_FILE_ERROR.
 */
export function parseBatchSpec(text: string): { tasks: BatchTask[]; fastFail: boolean } {
  const { buildspec, findings } = parseBuildspec(text, 'buildspec.yml');
  if (buildspec === undefined) {
    const error = findings.find((f) => f.severity === 'error');
    throw new BatchError(`YAML_FILE_ERROR: ${error ? `${error.message} at line ${error.line}` : 'invalid buildspec'}`);
  }
  if (buildspec.batch === undefined) throw new BatchError('YAML_FILE_ERROR: batch section is missing in the buildspec');
  const tasks = expandBatch(buildspec.batch).map((child): BatchTask => ({
    identifier: child.identifier,
    dependOn: [...child.dependOn],
    ignoreFailure: child.ignoreFailure,
    buildspec: child.buildspec,
    variables: child.variables.map(([name, value]) => ({ name, value, type: 'PLAINTEXT' })),
    image: child.environment.image,
    computeType: child.environment['compute-type'],
    type: child.environment.type,
    privilegedMode:
      child.environment['privileged-mode'] === undefined ? undefined : child.environment['privileged-mode'] === 'true',
  }));
  return { tasks, fastFail: buildspec.batch.fastFail };
}

export class BatchRun {
  readonly controller = new AbortController();
  readonly done: Promise<void>;
  readonly children: BuildRun[] = [];

  constructor(
    readonly batch: WireBuildBatch,
    private readonly source: { type: string; location?: string },
    private readonly sourceVersion: string | undefined,
    private readonly buildspec: BuildspecSource,
    private readonly deps: BatchDeps,
  ) {
    this.done = new Promise((resolve) => setImmediate(() => void this.run().finally(resolve)));
  }

  stop(): void {
    if (this.batch.complete) return;
    this.controller.abort('STOPPED');
    for (const c of this.children) c.stop();
  }

  private now(): number {
    return epochSeconds(this.deps.now());
  }

  private phase(type: string, status?: Exclude<StatusType, 'IN_PROGRESS'>, message?: string): void {
    const open = this.batch.phases.at(-1);
    if (open && open.endTime === undefined) {
      open.phaseStatus = status ?? 'SUCCEEDED';
      open.endTime = this.now();
      open.durationInSeconds = Math.floor(open.endTime - open.startTime);
      if (message) open.contexts = [{ statusCode: 'CLIENT_ERROR', message }];
    }
    this.batch.phases.push({ phaseType: type as WireBatchPhase['phaseType'], startTime: this.now() });
    this.batch.currentPhase = type;
  }

  private end(
    final: 'SUCCEEDED' | 'FAILED' | 'STOPPED',
    status?: Exclude<StatusType, 'IN_PROGRESS'>,
    message?: string,
  ) {
    this.phase(final, status, message);
    this.batch.buildBatchStatus = final;
    this.batch.endTime = this.now();
    this.batch.complete = true;
  }

  private summarize(group: WireBuildGroup, run: BuildRun): void {
    group.currentBuildSummary = {
      arn: run.build.arn,
      requestedOn: run.build.startTime,
      buildStatus: run.build.buildStatus,
      primaryArtifact: { type: 'no_artifacts', identifier: group.identifier },
    };
  }

  private async readSpec(): Promise<string> {
    if (this.buildspec.kind === 'inline') return this.buildspec.text;
    const prepared = await prepareSource(this.source, this.sourceVersion, this.deps.codecommit);
    try {
      this.batch.resolvedSourceVersion = prepared.resolvedSourceVersion;
      return await readFile(join(prepared.dir, this.buildspec.path), 'utf8');
    } catch (e) {
      if (e instanceof SourceError) throw e;
      throw new BatchError(`YAML_FILE_ERROR: buildspec ${this.buildspec.path} not found`);
    } finally {
      await prepared.cleanup();
    }
  }

  private async run(): Promise<void> {
    this.phase('DOWNLOAD_BATCHSPEC');
    let spec: { tasks: BatchTask[]; fastFail: boolean };
    try {
      spec = parseBatchSpec(await this.readSpec());
      if (spec.tasks.length > this.deps.maximumBuildsAllowed) {
        throw new BatchError(`Batch exceeds the maximum of ${this.deps.maximumBuildsAllowed} builds allowed`);
      }
    } catch (e) {
      return this.end('FAILED', 'FAILED', (e as Error).message);
    }
    const download: WireBuildGroup = { identifier: 'DOWNLOAD_SOURCE', ignoreFailure: false };
    const downloadRun = this.deps.startChild({
      task: { identifier: 'DOWNLOAD_SOURCE', dependOn: [], ignoreFailure: false, variables: [] },
      downloadSourceOnly: true,
    });
    this.children.push(downloadRun);
    this.summarize(download, downloadRun);
    this.batch.buildGroups = [download];
    await downloadRun.done;
    this.summarize(download, downloadRun);
    if (this.controller.signal.aborted) return this.end('STOPPED', 'STOPPED');
    this.phase('IN_PROGRESS');

    const groups = new Map<string, WireBuildGroup>();
    for (const t of spec.tasks) {
      const g: WireBuildGroup = { identifier: t.identifier, dependsOn: t.dependOn, ignoreFailure: t.ignoreFailure };
      groups.set(t.identifier, g);
      this.batch.buildGroups.push(g);
    }
    const outcome = new Map<string, string>();
    const running = new Map<string, Promise<void>>();
    let failed = false;
    const ready = (t: BatchTask) =>
      !outcome.has(t.identifier) &&
      !running.has(t.identifier) &&
      t.dependOn.every((d) => outcome.get(d) === 'SUCCEEDED' || (outcome.has(d) && groups.get(d)?.ignoreFailure));
    for (;;) {
      if (!this.controller.signal.aborted && !(failed && spec.fastFail)) {
        for (const t of spec.tasks.filter(ready)) {
          const run = this.deps.startChild({ task: t });
          this.children.push(run);
          const group = groups.get(t.identifier) as WireBuildGroup;
          this.summarize(group, run);
          running.set(
            t.identifier,
            run.done.then(() => {
              this.summarize(group, run);
              outcome.set(t.identifier, run.build.buildStatus ?? 'FAULT');
              running.delete(t.identifier);
              if (run.build.buildStatus !== 'SUCCEEDED' && !t.ignoreFailure) {
                failed = true;
                if (spec.fastFail) for (const c of this.children) c.stop();
              }
            }),
          );
        }
      }
      if (running.size === 0) break;
      await Promise.race(running.values());
    }
    if (this.controller.signal.aborted) return this.end('STOPPED', 'STOPPED');
    const unstarted = spec.tasks.some((t) => !outcome.has(t.identifier));
    if (failed || unstarted) return this.end('FAILED', 'FAILED');
    this.phase('COMBINE_ARTIFACTS');
    this.end('SUCCEEDED');
  }
}
