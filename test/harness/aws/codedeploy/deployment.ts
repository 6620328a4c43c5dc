/**
 * One CodeDeploy EC2/On-Premises in-place deployment: status Created → Queued → InProgress → Succeeded | Failed |
 * Stopped, its targets (instances) and their lifecycle events, run through the DeploymentAgent seam (agent.ts).
 *
 * Lifecycle events per target, in order: ApplicationStop, DownloadBundle, BeforeInstall, Install, AfterInstall,
 * ApplicationStart, ValidateService — framed by BeforeBlockTraffic/BlockTraffic/AfterBlockTraffic and
 * BeforeAllowTraffic/AllowTraffic/AfterAllowTraffic when the deployment group routes traffic through a load balancer.
 * A failed event fails its target and skips the target's remaining events (ApplicationStop, BeforeBlockTraffic and
 * AfterBlockTraffic failures are passed over with ignoreApplicationStopFailures).
 *
 * Instance health (CodeDeploy User Guide, "Instance health"; MinimumHealthyHosts): the deployment configuration gives
 * the minimum number of healthy instances — HOST_COUNT n: n; FLEET_PERCENT p: ceil(p% of the targets);
 * CodeDeployDefault.OneAtATime: all but one. An instance is taken offline (deployed to) only while the others that are
 * neither failed nor being deployed stay at or above that minimum; when no instance can be taken offline any more, the
 * deployment fails with HEALTH_CONSTRAINTS and the remaining targets are Skipped. At the end it succeeds when at least
 * one target succeeded and the healthy ones meet the minimum — so with OneAtATime a failure on the last instance still
 * succeeds, as documented. A minimum that can never be met is HEALTH_CONSTRAINTS_INVALID.
 *
 * StopDeployment stops scheduling: an event already running on an instance runs to its end (the agent cannot be
 * interrupted), every event not yet started is Skipped, then the deployment is Stopped.
 */
import type { AgentEvent, AgentResult, DeploymentAgent, Diagnostics, RevisionFetcher } from './agent.js';
import { AGENT_EVENTS, failed } from './agent.js';

export type DeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped';
export type TargetStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped';
export type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped';

export const LIFECYCLE_EVENTS = [
  'ApplicationStop',
  'DownloadBundle',
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'ApplicationStart',
  'ValidateService',
] as const;
const BLOCK_TRAFFIC = ['BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic'] as const;
const ALLOW_TRAFFIC = ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'] as const;
/** Failures of these are passed over with ignoreApplicationStopFailures. */
const STOP_EVENTS = ['ApplicationStop', 'BeforeBlockTraffic', 'AfterBlockTraffic'];

export function lifecycleEventNames(loadBalancer: boolean): string[] {
  return loadBalancer ? [...BLOCK_TRAFFIC, ...LIFECYCLE_EVENTS, ...ALLOW_TRAFFIC] : [...LIFECYCLE_EVENTS];
}

export interface MinimumHealthyHosts {
  type: 'HOST_COUNT' | 'FLEET_PERCENT' | 'MOST_CONCURRENCY';
  value: number;
}

/** The predefined EC2/On-Premises deployment configurations, as GetDeploymentConfig answers them. */
export const PREDEFINED_CONFIGS: Record<string, MinimumHealthyHosts> = {
  'CodeDeployDefault.OneAtATime': { type: 'MOST_CONCURRENCY', value: 1 },
  'CodeDeployDefault.HalfAtATime': { type: 'FLEET_PERCENT', value: 50 },
  'CodeDeployDefault.AllAtOnce': { type: 'HOST_COUNT', value: 0 },
};

export function minimumHealthy(config: MinimumHealthyHosts, targets: number): number {
  switch (config.type) {
    case 'MOST_CONCURRENCY':
      return Math.max(0, targets - config.value);
    case 'HOST_COUNT':
      return config.value;
    case 'FLEET_PERCENT':
      return Math.ceil((targets * config.value) / 100);
  }
}

export interface TargetInstance {
  /** Instance name (on-premises) or id (EC2): the target id. */
  name: string;
  arn: string;
  /** Host directory standing for the instance's `/`. */
  root: string;
}

export interface LifecycleEventState {
  lifecycleEventName: string;
  status: EventStatus;
  startTime?: number;
  endTime?: number;
  diagnostics?: Diagnostics;
}

export interface TargetState {
  instance: TargetInstance;
  status: TargetStatus;
  lastUpdatedAt: number;
  lifecycleEvents: LifecycleEventState[];
}

export interface ErrorInformation {
  code: string;
  message: string;
}

export interface RollbackInfo {
  rollbackDeploymentId?: string;
  rollbackTriggeringDeploymentId?: string;
  rollbackMessage?: string;
}

/** What CreateDeployment (or a rollback) decided; echoed by GetDeployment. */
export interface DeploymentPlan {
  deploymentId: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentGroupId: string;
  deploymentConfigName: string;
  minimumHealthyHosts: MinimumHealthyHosts;
  revision: Record<string, unknown>;
  previousRevision?: Record<string, unknown>;
  description?: string;
  creator: string;
  ignoreApplicationStopFailures: boolean;
  autoRollbackConfiguration?: { enabled?: boolean; events?: string[] };
  updateOutdatedInstancesOnly: boolean;
  fileExistsBehavior: 'DISALLOW' | 'OVERWRITE' | 'RETAIN';
  deploymentStyle: { deploymentType: string; deploymentOption: string };
  loadBalancerInfo?: Record<string, unknown>;
  /** Traffic events run (WITH_TRAFFIC_CONTROL and a load balancer). */
  loadBalancer: boolean;
  overrideAlarmConfiguration?: Record<string, unknown>;
  rollbackTriggeringDeploymentId?: string;
}

export interface DeploymentDeps {
  agent: DeploymentAgent;
  now(): number;
  /** The deployment group's instances when the deployment starts. */
  targets(): TargetInstance[];
  revision: RevisionFetcher;
  /** Aborted when the emulator closes. */
  closing: AbortSignal;
  /** Called once the deployment is complete (the store records it and starts a rollback when configured). */
  onComplete(run: DeploymentRun): void;
}

const HEALTH_CONSTRAINTS =
  'The overall deployment failed because too many individual instances failed deployment, too few healthy instances ' +
  'are available for deployment, or some instances in your deployment group are experiencing problems.';
const NO_INSTANCES =
  'The deployment failed because no instances were found for your deployment group. Check your deployment group ' +
  'settings to make sure the tags for your Amazon EC2 instances or Auto Scaling groups correctly identify the ' +
  'instances you want to deploy to, and then try again.';
const HEALTH_CONSTRAINTS_INVALID =
  'The deployment failed because the revision cannot be deployed within the instance health constraints specified ' +
  'by the deployment configuration.';
const MANUAL_STOP = 'The deployment was stopped by the user.';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class DeploymentRun {
  status: DeploymentStatus = 'Created';
  readonly createTime: number;
  startTime?: number;
  completeTime?: number;
  errorInformation?: ErrorInformation;
  rollbackInfo?: RollbackInfo;
  readonly targets = new Map<string, TargetState>();
  /** Every status with when it was entered (for tests: the progression Created → Queued → InProgress → …). */
  readonly history: { status: DeploymentStatus; at: number }[] = [];
  /** Settles when the deployment is complete (after onComplete ran). */
  readonly done: Promise<void>;
  private stopRequest?: { autoRollbackEnabled?: boolean };

  constructor(
    readonly plan: DeploymentPlan,
    private readonly deps: DeploymentDeps,
  ) {
    this.createTime = deps.now();
    this.history.push({ status: 'Created', at: this.createTime });
    this.done = this.run().catch((e: unknown) => {
      // A bug in the engine must not leave the deployment hanging.
      this.errorInformation = { code: 'INTERNAL_ERROR', message: `emulator error: ${String(e)}` };
      this.finish('Failed');
    });
  }

  get id(): string {
    return this.plan.deploymentId;
  }

  get complete(): boolean {
    return this.status === 'Succeeded' || this.status === 'Failed' || this.status === 'Stopped';
  }

  /** What StopDeployment asked for (undefined unless stopped on request). */
  get stopRequested(): { autoRollbackEnabled?: boolean } | undefined {
    return this.stopRequest;
  }

  /** StopDeployment: no new lifecycle events are scheduled; running ones finish. */
  stop(autoRollbackEnabled?: boolean): void {
    if (this.complete || this.stopRequest) return;
    this.stopRequest = { autoRollbackEnabled };
  }

  overview(): Record<string, number> {
    const count = (s: TargetStatus) => [...this.targets.values()].filter((t) => t.status === s).length;
    return {
      Pending: count('Pending'),
      InProgress: count('InProgress'),
      Succeeded: count('Succeeded'),
      Failed: count('Failed'),
      Skipped: count('Skipped'),
      Ready: 0,
    };
  }

  private setStatus(status: DeploymentStatus): void {
    this.status = status;
    this.history.push({ status, at: this.deps.now() });
  }

  private halted(): boolean {
    return this.stopRequest !== undefined || this.deps.closing.aborted;
  }

  private finish(status: 'Succeeded' | 'Failed' | 'Stopped'): void {
    if (this.complete) return;
    for (const t of this.targets.values()) {
      if (t.status === 'Pending') this.skipRest(t);
    }
    this.completeTime = this.deps.now();
    this.setStatus(status);
    this.deps.onComplete(this);
  }

  private skipRest(target: TargetState): void {
    for (const e of target.lifecycleEvents) if (e.status === 'Pending') e.status = 'Skipped';
    if (target.status === 'Pending' || target.status === 'InProgress') target.status = 'Skipped';
    target.lastUpdatedAt = this.deps.now();
  }

  private async run(): Promise<void> {
    await nextTurn();
    this.setStatus('Queued');
    await nextTurn();
    if (this.halted()) return this.finishStopped();
    const instances = this.deps.targets();
    if (instances.length === 0) {
      this.errorInformation = { code: 'NO_INSTANCES', message: NO_INSTANCES };
      return this.finish('Failed');
    }
    const names = lifecycleEventNames(this.plan.loadBalancer);
    for (const instance of instances) {
      this.targets.set(instance.name, {
        instance,
        status: 'Pending',
        lastUpdatedAt: this.deps.now(),
        lifecycleEvents: names.map((n) => ({ lifecycleEventName: n, status: 'Pending' })),
      });
    }
    this.startTime = this.deps.now();
    this.setStatus('InProgress');

    const n = instances.length;
    const min = minimumHealthy(this.plan.minimumHealthyHosts, n);
    if (min >= n && this.plan.minimumHealthyHosts.type !== 'MOST_CONCURRENCY') {
      this.errorInformation = { code: 'HEALTH_CONSTRAINTS_INVALID', message: HEALTH_CONSTRAINTS_INVALID };
      return this.finish('Failed');
    }
    const pending = [...this.targets.values()];
    const inflight = new Set<Promise<void>>();
    let failedCount = 0;
    let succeeded = 0;
    for (;;) {
      while (
        pending.length > 0 &&
        !this.halted() &&
        n - failedCount >= min &&
        n - failedCount - inflight.size - 1 >= min
      ) {
        const target = pending.shift() as TargetState;
        const p: Promise<void> = this.runTarget(target).then((ok) => {
          inflight.delete(p);
          if (ok) succeeded++;
          else failedCount++;
        });
        inflight.add(p);
      }
      if (inflight.size === 0) break;
      await Promise.race(inflight);
    }
    if (this.halted()) return this.finishStopped();
    if (pending.length > 0 || succeeded === 0 || n - failedCount < min) {
      this.errorInformation = { code: 'HEALTH_CONSTRAINTS', message: HEALTH_CONSTRAINTS };
      return this.finish('Failed');
    }
    this.finish('Succeeded');
  }

  private finishStopped(): void {
    if (this.deps.closing.aborted && !this.stopRequest) {
      this.errorInformation = { code: 'INTERNAL_ERROR', message: 'The emulator closed during the deployment.' };
      return this.finish('Failed');
    }
    this.errorInformation = { code: 'MANUAL_STOP', message: MANUAL_STOP };
    this.finish('Stopped');
  }

  /** Runs a target's lifecycle events in order; true when the instance is deployed. */
  private async runTarget(target: TargetState): Promise<boolean> {
    target.status = 'InProgress';
    target.lastUpdatedAt = this.deps.now();
    for (const event of target.lifecycleEvents) {
      if (this.halted()) {
        this.skipRest(target);
        return false;
      }
      event.status = 'InProgress';
      event.startTime = this.deps.now();
      target.lastUpdatedAt = event.startTime;
      const result = await this.runEvent(target, event.lifecycleEventName);
      event.status = result.status;
      event.endTime = this.deps.now();
      if (result.diagnostics) event.diagnostics = result.diagnostics;
      target.lastUpdatedAt = event.endTime;
      if (result.status === 'Failed') {
        if (this.plan.ignoreApplicationStopFailures && STOP_EVENTS.includes(event.lifecycleEventName)) continue;
        for (const e of target.lifecycleEvents) if (e.status === 'Pending') e.status = 'Skipped';
        target.status = 'Failed';
        return false;
      }
    }
    target.status = 'Succeeded';
    target.lastUpdatedAt = this.deps.now();
    return true;
  }

  private async runEvent(
    target: TargetState,
    name: string,
  ): Promise<{ status: 'Succeeded' | 'Failed'; diagnostics?: Diagnostics }> {
    // BlockTraffic and AllowTraffic are the service's (the load balancer's) part: nothing runs on the instance.
    if (!(AGENT_EVENTS as readonly string[]).includes(name)) return { status: 'Succeeded' };
    let result: AgentResult;
    try {
      result = await this.deps.agent.execute({
        event: name as AgentEvent,
        deploymentId: this.plan.deploymentId,
        applicationName: this.plan.applicationName,
        deploymentGroupName: this.plan.deploymentGroupName,
        deploymentGroupId: this.plan.deploymentGroupId,
        deploymentCreator: this.plan.creator,
        instanceName: target.instance.name,
        instanceRoot: target.instance.root,
        revision: this.deps.revision,
        fileExistsBehavior: this.plan.fileExistsBehavior,
        loadBalancer: this.plan.loadBalancer,
        signal: this.deps.closing,
      });
    } catch (e) {
      result = failed('UnknownError', e instanceof Error ? e.message : String(e));
    }
    return result;
  }
}
