/**
 * CodePipeline's data and the emulator's internal API for tests (`aws.state.codepipeline`): pipelines with their
 * executions, change detection on source branches, pending manual approvals, the local repositories that stand in
 * for CodeStarSourceConnection repositories, and waits on executions.
 */
import type { Tag } from '@aws-sdk/client-codepipeline';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Approvals, manualApproval } from '../codepipeline/actions/approval.js';
import { codeBuildAction } from '../codepipeline/actions/codebuild.js';
import { codeDeployAction, pipelineDeployments } from '../codepipeline/actions/codedeploy.js';
import type { CodeDeployInternals } from '../codepipeline/actions/codedeploy.js';
import { codeCommitSource, connectionSource } from '../codepipeline/actions/sources.js';
import { ChangeDetector } from '../codepipeline/detection.js';
import type { WatchedSource } from '../codepipeline/detection.js';
import { PipelineExecutionRun, PipelineRecord } from '../codepipeline/execution.js';
import type { SourceOverride, Trigger } from '../codepipeline/execution.js';
import type { ActionProvider, StoredAction, StoredDeclaration } from '../codepipeline/types.js';
import type { CodeBuildStore } from './codebuild.js';
import type { CodeCommitStore } from './codecommit-store.js';

export interface CodePipelineStoreOptions {
  region: string;
  accountId: string;
  now: () => number;
  codecommit: CodeCommitStore;
  codebuild: CodeBuildStore;
  /** The emulated CodeDeploy that deploy actions use (state.codedeploy), when there is one. */
  codedeploy?: CodeDeployInternals;
  /** How often source branches are checked for pushes. Default 100 ms. */
  detectionIntervalMs?: number;
}

export class CodePipelineStore {
  readonly pipelines = new Map<string, PipelineRecord>();
  readonly approvals = new Approvals();
  readonly providers: ReadonlyMap<string, ActionProvider>;
  readonly region: string;
  readonly accountId: string;
  readonly now: () => number;
  private readonly linked = new Map<string, string>();
  private readonly detector: ChangeDetector;
  private readonly root = mkdtempSync(join(tmpdir(), 'aws-emulator-codepipeline-'));
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(private readonly options: CodePipelineStoreOptions) {
    this.region = options.region;
    this.accountId = options.accountId;
    this.now = options.now;
    const deployments = options.codedeploy ? pipelineDeployments(options.codedeploy) : undefined;
    const build = codeBuildAction({
      codebuild: options.codebuild,
      codecommit: options.codecommit,
      region: this.region,
    });
    this.providers = new Map<string, ActionProvider>([
      ['Source/AWS/CodeCommit/1', codeCommitSource(options.codecommit, this.region)],
      ['Source/AWS/CodeStarSourceConnection/1', connectionSource(this.linked, this.region)],
      ['Build/AWS/CodeBuild/1', build],
      ['Test/AWS/CodeBuild/1', build],
      ['Approval/AWS/Manual/1', manualApproval(this.approvals)],
      ['Deploy/AWS/CodeDeploy/1', codeDeployAction(deployments, this.region)],
    ]);
    this.detector = new ChangeDetector(
      {
        pipelines: () => this.pipelines.values(),
        watched: (pipeline, action) => this.watched(pipeline, action),
        start: (pipeline, trigger) => void this.start(pipeline, trigger),
      },
      options.detectionIntervalMs ?? 100,
    );
  }

  // ---- internal API for tests --------------------------------------------------------------------------------------

  /**
   * Makes a local git repository (bare or not) the repository a CodeStarSourceConnection source action with this
   * FullRepositoryId (`owner/name`) reads, whatever its ConnectionArn.
   */
  linkRepository(fullRepositoryId: string, path: string): void {
    this.linked.set(fullRepositoryId, path);
    for (const p of this.pipelines.values()) this.detector.baseline(p);
  }

  pipeline(name: string): PipelineRecord | undefined {
    return this.pipelines.get(name);
  }

  /** Executions of a pipeline, newest first. */
  executions(pipelineName: string): PipelineExecutionRun[] {
    return [...(this.pipelines.get(pipelineName)?.executions ?? [])].reverse();
  }

  execution(pipelineName: string, id: string): PipelineExecutionRun | undefined {
    return this.pipelines.get(pipelineName)?.executions.find((e) => e.id === id);
  }

  /** Resolves with `check`'s first defined answer, re-checking on every change of any execution. */
  waitFor<T>(check: () => T | undefined, timeoutMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const listener = () => {
        const v = check();
        if (v === undefined) return;
        done();
        resolve(v);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`codepipeline: condition not reached in ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      listener();
    });
  }

  /** Resolves when the execution has ended (Succeeded, Failed, Stopped, Superseded, Cancelled). */
  settled(pipelineName: string, executionId: string, timeoutMs?: number): Promise<PipelineExecutionRun> {
    return this.waitFor(() => {
      const e = this.execution(pipelineName, executionId);
      return e?.terminal ? e : undefined;
    }, timeoutMs);
  }

  /** Resolves with the first execution of the pipeline started after `after` executions existed (default: now). */
  nextExecution(pipelineName: string, after?: number, timeoutMs?: number): Promise<PipelineExecutionRun> {
    const known = after ?? this.pipelines.get(pipelineName)?.executions.length ?? 0;
    return this.waitFor(() => this.pipelines.get(pipelineName)?.executions[known], timeoutMs);
  }

  // ---- used by the service ----------------------------------------------------------------------------------------

  create(declaration: StoredDeclaration, tags: Tag[], trigger: Trigger): PipelineRecord {
    const record = new PipelineRecord(declaration, this.now(), this.region, this.accountId, tags);
    this.pipelines.set(declaration.name, record);
    this.detector.baseline(record);
    this.start(record, trigger);
    return record;
  }

  update(record: PipelineRecord, declaration: StoredDeclaration): void {
    record.update(declaration, this.now());
    this.detector.baseline(record);
  }

  delete(name: string): void {
    const record = this.pipelines.get(name);
    if (!record) return;
    this.pipelines.delete(name);
    for (const e of record.executions) e.abort();
    this.detector.forget(record);
  }

  start(
    record: PipelineRecord,
    trigger: Trigger,
    options: { variables?: { name: string; resolvedValue: string }[]; overrides?: SourceOverride[] } = {},
  ): PipelineExecutionRun {
    const run = new PipelineExecutionRun(
      record,
      record.declaration,
      trigger,
      options.variables ?? defaultVariables(record.declaration),
      options.overrides ?? [],
      {
        region: this.region,
        now: this.now,
        providers: this.providers,
        scratchDir: () => mkdtemp(join(this.root, 'a-')),
        changed: () => this.changed(),
      },
    );
    record.executions.push(run);
    this.changed();
    return run;
  }

  /** Stops change detection and every execution, waits for them to end, removes the scratch files. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.detector.close();
    const runs = [...this.pipelines.values()].flatMap((p) => p.executions);
    for (const run of runs) run.abort();
    await Promise.all(runs.map((r) => r.done));
    rmSync(this.root, { recursive: true, force: true });
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  private watched(pipeline: PipelineRecord, action: StoredAction): WatchedSource | undefined {
    const c = action.configuration;
    const key = `${pipeline.name}\0${action.name}`;
    if (action.actionTypeId.provider === 'CodeCommit') {
      const repo = this.options.codecommit.repositories.get(c.RepositoryName ?? '');
      if (!repo) return undefined;
      const events = c.PollForSourceChanges === 'false';
      return {
        key,
        repoDir: repo.dir,
        ref: `refs/heads/${c.BranchName}`,
        trigger: events
          ? {
              triggerType: 'CloudWatchEvent',
              triggerDetail: `arn:aws:events:${this.region}:${this.accountId}:rule/codepipeline-${c.RepositoryName}-${c.BranchName}-rule`,
            }
          : { triggerType: 'PollForSourceChanges', triggerDetail: action.name },
      };
    }
    if (action.actionTypeId.provider === 'CodeStarSourceConnection') {
      const repoDir = this.linked.get(c.FullRepositoryId ?? '');
      if (!repoDir || c.DetectChanges === 'false') return undefined;
      return {
        key,
        repoDir,
        ref: `refs/heads/${c.BranchName}`,
        trigger: {
          triggerType: pipeline.declaration.pipelineType === 'V2' ? 'WebhookV2' : 'CloudWatchEvent',
          triggerDetail: c.ConnectionArn ?? '',
        },
      };
    }
    return undefined;
  }
}

/** Pipeline variables at their defaults (an execution started by a push or by CreatePipeline). */
export function defaultVariables(declaration: StoredDeclaration): { name: string; resolvedValue: string }[] {
  return (declaration.variables ?? [])
    .filter((v) => v.defaultValue !== undefined)
    .map((v) => ({ name: v.name ?? '', resolvedValue: v.defaultValue ?? '' }));
}
