/**
 * One pipeline and its executions. An execution runs the stages of the pipeline version it started with, in order,
 * entering each through the pipeline's stage gates (gates.ts); inside a stage, actions run grouped by runOrder (a
 * group runs in parallel, groups in ascending order). A failed action fails its stage (after the rest of its group
 * completes) and the execution. Stop-and-wait lets in-progress actions finish and starts nothing new; stop-and-abandon
 * abandons them at once (the external build or deployment is not stopped, as on AWS). An execution still running when
 * the pipeline is updated completes its running actions and is then Cancelled.
 */
import type { Tag } from '@aws-sdk/client-codepipeline';
import { randomBytes } from 'node:crypto';
import { uuid } from '../util.js';
import { StageGates } from './gates.js';
import type {
  ActionOutcome,
  ActionProvider,
  ActionRecord,
  ActionStatus,
  Artifact,
  ExecutionStatus,
  S3Location,
  SourceRevisionRecord,
  StageStatus,
  StoredAction,
  StoredDeclaration,
  StoredStage,
  TriggerType,
} from './types.js';
import { actionTypeKey } from './types.js';
import { resolveConfiguration, unresolvedMessage } from './variables.js';

export interface ExecutionDeps {
  region: string;
  now: () => number;
  providers: ReadonlyMap<string, ActionProvider>;
  /** A fresh directory the emulator owns (removed on close). */
  scratchDir(): Promise<string>;
  /** Called on every state change (wakes the store's waiters). */
  changed(): void;
}

export interface Trigger {
  triggerType: TriggerType;
  triggerDetail: string;
}

export interface SourceOverride {
  actionName: string;
  revisionType: string;
  revisionValue: string;
}

/** The latest versions of a declaration AWS keeps for GetPipeline's `version` (older ones are not found). */
const KEPT_VERSIONS = 10;

export class PipelineRecord {
  readonly arn: string;
  readonly history = new Map<number, StoredDeclaration>();
  readonly executions: PipelineExecutionRun[] = [];
  readonly gates = new StageGates<PipelineExecutionRun>();
  /** stage name → the latest execution that entered it. */
  readonly latestStage = new Map<string, PipelineExecutionRun>();
  /** `stage/action` → its latest action execution. */
  readonly latestAction = new Map<string, ActionRecord>();
  /** StartPipelineExecution clientRequestToken → execution id. */
  readonly requestTokens = new Map<string, string>();
  tags: Tag[];
  updated: number;
  private seq = 0;

  constructor(
    public declaration: StoredDeclaration,
    readonly created: number,
    region: string,
    accountId: string,
    tags: Tag[] = [],
  ) {
    this.arn = `arn:aws:codepipeline:${region}:${accountId}:${declaration.name}`;
    this.updated = created;
    this.tags = tags;
    this.history.set(declaration.version, declaration);
  }

  get name(): string {
    return this.declaration.name;
  }

  update(declaration: StoredDeclaration, now: number): void {
    this.declaration = declaration;
    this.updated = now;
    this.history.set(declaration.version, declaration);
    this.history.delete(declaration.version - KEPT_VERSIONS);
    for (const run of this.executions) run.pipelineUpdated();
  }

  nextSeq(): number {
    return ++this.seq;
  }

  /** The bucket of the pipeline's artifact store in its own Region. */
  artifactBucket(region: string): string {
    return this.declaration.artifactStore?.location ?? this.declaration.artifactStores?.[region]?.location ?? '';
  }
}

const TERMINAL: ReadonlySet<ExecutionStatus> = new Set(['Cancelled', 'Stopped', 'Succeeded', 'Superseded', 'Failed']);

export class PipelineExecutionRun {
  readonly id = uuid();
  readonly seq: number;
  status: ExecutionStatus = 'InProgress';
  statusSummary?: string;
  readonly startTime: number;
  lastUpdateTime: number;
  stopTrigger?: { reason?: string };
  stopMode?: 'wait' | 'abandon';
  readonly stageStatus = new Map<string, StageStatus>();
  readonly actions: ActionRecord[] = [];
  /** Source actions' revisions, in the order they completed. */
  readonly sourceRevisions: (SourceRevisionRecord & { actionName: string; artifactName?: string })[] = [];
  readonly done: Promise<void>;
  private readonly artifacts = new Map<string, Artifact>();
  private readonly namespaces = new Map<string, Record<string, string>>();
  private readonly abandoned = new AbortController();
  private waitingFor?: string;

  constructor(
    readonly pipeline: PipelineRecord,
    readonly declaration: StoredDeclaration,
    readonly trigger: Trigger,
    readonly variables: { name: string; resolvedValue: string }[],
    readonly overrides: SourceOverride[],
    private readonly deps: ExecutionDeps,
  ) {
    this.seq = pipeline.nextSeq();
    this.startTime = deps.now();
    this.lastUpdateTime = this.startTime;
    this.done = new Promise((resolve) => setImmediate(() => void this.run().finally(resolve)));
  }

  get terminal(): boolean {
    return TERMINAL.has(this.status);
  }

  /** The stage this execution waits to enter (an inbound execution), if any. */
  get inboundStage(): string | undefined {
    return this.waitingFor;
  }

  /**
   * StopPipelineExecution. Returns an error code when the request is refused: 'not-stoppable' (no longer running) or
   * 'duplicate' (already stopping that way, or asked to wait after an abandon).
   */
  stop(abandon: boolean, reason: string | undefined): 'not-stoppable' | 'duplicate' | undefined {
    if (this.terminal) return 'not-stoppable';
    if (this.status === 'Stopping' && (!abandon || this.stopMode === 'abandon')) return 'duplicate';
    this.stopTrigger = reason !== undefined ? { reason } : {};
    this.stopMode = abandon ? 'abandon' : 'wait';
    this.setStatus('Stopping');
    for (const [stage, status] of this.stageStatus) if (status === 'InProgress') this.setStage(stage, 'Stopping');
    this.pipeline.gates.withdraw(this, 'stopped');
    if (abandon) this.abandoned.abort('abandoned');
    return undefined;
  }

  /** The pipeline's declaration changed: a waiting execution is cancelled; a running one after its actions. */
  pipelineUpdated(): void {
    if (!this.terminal) this.pipeline.gates.withdraw(this, 'cancelled');
  }

  /** The pipeline is deleted (or the emulator closes): everything in flight is abandoned. */
  abort(): void {
    if (this.terminal) return;
    this.stopMode = 'abandon';
    this.pipeline.gates.withdraw(this, 'stopped');
    this.abandoned.abort('abandoned');
  }

  private outdated(): boolean {
    return this.pipeline.declaration.version !== this.declaration.version;
  }

  private touch(): void {
    this.lastUpdateTime = this.deps.now();
    this.deps.changed();
  }

  private setStatus(status: ExecutionStatus): void {
    this.status = status;
    this.touch();
  }

  private setStage(stage: string, status: StageStatus): void {
    this.stageStatus.set(stage, status);
    this.touch();
  }

  private async run(): Promise<void> {
    let holding: string | undefined;
    try {
      for (const stage of this.declaration.stages) {
        if (this.stopMode) return this.end('Stopped');
        if (this.outdated()) return this.end('Cancelled');
        this.waitingFor = stage.name;
        this.deps.changed();
        const entry = await this.pipeline.gates.enter(stage.name, this, this.declaration.executionMode);
        this.waitingFor = undefined;
        if (entry !== 'entered') {
          return this.end(entry === 'superseded' ? 'Superseded' : entry === 'cancelled' ? 'Cancelled' : 'Stopped');
        }
        holding = stage.name;
        const result = await this.runStage(stage);
        this.pipeline.gates.leave(stage.name, this);
        holding = undefined;
        if (this.stopMode) return this.end('Stopped');
        if (result !== 'Succeeded') return this.end(result === 'Cancelled' ? 'Cancelled' : 'Failed');
      }
      this.end('Succeeded');
    } catch (e) {
      this.statusSummary = `emulator error: ${(e as Error).message}`;
      this.end('Failed');
    } finally {
      if (holding) this.pipeline.gates.leave(holding, this);
    }
  }

  private end(status: ExecutionStatus): void {
    this.waitingFor = undefined;
    this.setStatus(status);
  }

  private async runStage(stage: StoredStage): Promise<StageStatus> {
    this.pipeline.latestStage.set(stage.name, this);
    this.setStage(stage.name, this.stopMode ? 'Stopping' : 'InProgress');
    const orders = [...new Set(stage.actions.map((a) => a.runOrder))].sort((a, b) => a - b);
    let failed = false;
    let cancelled = false;
    for (const order of orders) {
      if (this.stopMode) break;
      if (this.outdated()) {
        cancelled = true;
        break;
      }
      const group = stage.actions.filter((a) => a.runOrder === order);
      const statuses = await Promise.all(group.map((a) => this.runAction(stage, a)));
      if (statuses.includes('Failed')) {
        failed = true;
        break;
      }
    }
    const status: StageStatus = failed ? 'Failed' : this.stopMode ? 'Stopped' : cancelled ? 'Cancelled' : 'Succeeded';
    this.setStage(stage.name, status);
    return status;
  }

  private lookup = (namespace: string, name: string): string | undefined => {
    if (namespace === 'variables') return this.variables.find((v) => v.name === name)?.resolvedValue;
    if (namespace === 'codepipeline') return name === 'PipelineExecutionId' ? this.id : undefined;
    return this.namespaces.get(namespace)?.[name];
  };

  private location(artifactName: string): S3Location {
    // AWS's keys: up to 20 characters of the pipeline name / up to 10 of the artifact name / a random suffix.
    const suffix = randomBytes(5).toString('base64url').slice(0, 7);
    return {
      bucket: this.pipeline.artifactBucket(this.deps.region),
      key: `${this.pipeline.name.slice(0, 20)}/${artifactName.slice(0, 10)}/${suffix}`,
    };
  }

  private async runAction(stage: StoredStage, action: StoredAction): Promise<ActionStatus> {
    const provider = this.deps.providers.get(actionTypeKey(action.actionTypeId));
    const now = this.deps.now();
    const { resolved, missing } = resolveConfiguration(action.configuration, this.lookup);
    const inputs = action.inputArtifacts
      .map((i) => this.artifacts.get(i.name))
      .filter((a): a is Artifact => a !== undefined);
    const outputLocations = new Map(action.outputArtifacts.map((o) => [o.name, this.location(o.name)]));
    const record: ActionRecord = {
      actionExecutionId: uuid(),
      pipelineExecutionId: this.id,
      pipelineVersion: this.declaration.version,
      stageName: stage.name,
      actionName: action.name,
      startTime: now,
      lastUpdateTime: now,
      status: 'InProgress',
      input: {
        actionTypeId: action.actionTypeId,
        configuration: action.configuration,
        resolvedConfiguration: resolved,
        ...(action.roleArn !== undefined ? { roleArn: action.roleArn } : {}),
        region: action.region ?? this.deps.region,
        inputArtifacts: inputs.map((a) => ({ name: a.name, s3location: a.s3location })),
        ...(action.namespace !== undefined ? { namespace: action.namespace } : {}),
      },
      outputArtifacts: [],
    };
    this.actions.push(record);
    this.pipeline.latestAction.set(`${stage.name}/${action.name}`, record);
    this.touch();

    let outcome: ActionOutcome | 'abandoned';
    if (!provider) {
      outcome = { status: 'Failed', errorDetails: { code: 'JobFailed', message: 'no provider for this action type' } };
    } else if (missing.length > 0) {
      outcome = {
        status: 'Failed',
        errorDetails: { code: 'ConfigurationError', message: unresolvedMessage(action.name, missing) },
      };
    } else {
      const override = this.overrides.find((o) => o.actionName === action.name);
      const signal = this.abandoned.signal;
      const running = provider
        .run({
          pipelineName: this.pipeline.name,
          pipelineExecutionId: this.id,
          stageName: stage.name,
          action,
          configuration: resolved,
          inputs,
          ...(override ? { sourceOverride: override } : {}),
          signal,
          progress: (update) => {
            Object.assign(record, update);
            record.lastUpdateTime = this.deps.now();
            this.touch();
          },
          artifactLocation: (name) => outputLocations.get(name) ?? this.location(name),
          scratchDir: () => this.deps.scratchDir(),
        })
        .catch((e: unknown): ActionOutcome => ({
          status: 'Failed',
          errorDetails: { code: 'JobFailed', message: `emulator error: ${(e as Error).message}` },
        }));
      const abandoned = new Promise<'abandoned'>((resolve) => {
        if (signal.aborted) resolve('abandoned');
        else signal.addEventListener('abort', () => resolve('abandoned'), { once: true });
      });
      outcome = await Promise.race([running, abandoned]);
    }

    record.lastUpdateTime = this.deps.now();
    if (outcome === 'abandoned') {
      record.status = 'Abandoned';
      delete record.token;
      this.touch();
      return 'Abandoned';
    }
    record.status = outcome.status;
    for (const key of [
      'summary',
      'externalExecutionId',
      'externalExecutionUrl',
      'errorDetails',
      'updatedBy',
    ] as const) {
      if (outcome[key] !== undefined) Object.assign(record, { [key]: outcome[key] });
    }
    if (outcome.status === 'Succeeded') {
      for (const artifact of outcome.outputArtifacts ?? []) this.artifacts.set(artifact.name, artifact);
      record.outputArtifacts = (outcome.outputArtifacts ?? []).map((a) => ({ name: a.name, s3location: a.s3location }));
      if (outcome.outputVariables) {
        record.outputVariables = outcome.outputVariables;
        if (action.namespace !== undefined) this.namespaces.set(action.namespace, outcome.outputVariables);
      }
      if (outcome.revision) {
        record.revision = outcome.revision;
        this.sourceRevisions.push({
          ...outcome.revision,
          actionName: action.name,
          ...(action.outputArtifacts[0] ? { artifactName: action.outputArtifacts[0].name } : {}),
        });
      }
    }
    this.touch();
    return record.status;
  }
}
