/**
 * A deployment's targets (instances, Lambda functions, ECS services, CloudFormation resources) with their lifecycle
 * events in hook order.
 *
 * ListDeploymentTargets + BatchGetDeploymentTargets (25 ids a call) work for every compute platform; when they are
 * denied or unknown (an older IAM policy, an older endpoint) the reader falls back for good to the deprecated
 * ListDeploymentInstances + BatchGetDeploymentInstances. The target list is read again only when the deployment's
 * overview counts a different number of targets than known; targets whose status is final are not read again.
 */
import type {
  CodeDeployApi,
  DeploymentInfo,
  DeploymentTarget,
  InstanceSummary,
  LifecycleEvent,
} from '../aws/codedeploy.js';
import { isAccessDenied } from '../aws/errors.js';
import { EC2_LIFECYCLE_ORDER } from '../appspec/index.js';
import type { Reporter } from '../core/reporter.js';
import { errorName } from './stop.js';

/** BatchGetDeploymentTargets and BatchGetDeploymentInstances take at most 25 ids. */
export const BATCH_GET_LIMIT = 25;

export interface TargetView {
  /** The target id as CodeDeploy gives it (an instance id, `cluster:service`, a function name…). */
  readonly id: string;
  readonly type: string;
  readonly status?: string;
  /** Blue or Green, in a blue/green deployment. */
  readonly label?: string;
  /** In hook order. */
  readonly events: readonly LifecycleEvent[];
}

export const FINAL_TARGET_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Skipped']);

/**
 * Lifecycle events of each kind of target, in the order they run: the hooks of src/appspec with the events CodeDeploy
 * runs itself (Install, AllowTestTraffic, AllowTraffic…) in between.
 */
const ORDERS: Readonly<Record<string, readonly string[]>> = {
  InstanceTarget: EC2_LIFECYCLE_ORDER,
  ECSTarget: [
    'BeforeInstall',
    'Install',
    'AfterInstall',
    'AllowTestTraffic',
    'AfterAllowTestTraffic',
    'BeforeAllowTraffic',
    'AllowTraffic',
    'AfterAllowTraffic',
  ],
  LambdaTarget: ['BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'],
};

/** The events sorted in run order for the target type; unknown names keep their place after the known ones. */
export function inHookOrder(type: string, events: readonly LifecycleEvent[]): LifecycleEvent[] {
  const order = ORDERS[type] ?? EC2_LIFECYCLE_ORDER;
  const rank = (e: LifecycleEvent, i: number): number => {
    const at = order.indexOf(e.lifecycleEventName ?? '');
    return at < 0 ? order.length + i : at;
  };
  return events
    .map((e, i) => ({ e, r: rank(e, i) }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.e);
}

/** A short name for a target id: the last part of an ARN. */
export function shortTargetId(id: string): string {
  return id.startsWith('arn:') ? (id.split(/[/:]/).pop() ?? id) : id;
}

export function fromTarget(target: DeploymentTarget): TargetView | undefined {
  const type = target.deploymentTargetType ?? 'InstanceTarget';
  const t = target.instanceTarget ?? target.lambdaTarget ?? target.ecsTarget ?? target.cloudFormationTarget;
  if (t?.targetId === undefined) return undefined;
  const label = target.instanceTarget?.instanceLabel;
  return {
    id: t.targetId,
    type,
    ...(t.status !== undefined ? { status: t.status } : {}),
    ...(label !== undefined ? { label } : {}),
    events: inHookOrder(type, t.lifecycleEvents ?? []),
  };
}

export function fromInstance(instance: InstanceSummary): TargetView | undefined {
  if (instance.instanceId === undefined) return undefined;
  return {
    id: instance.instanceId,
    type: 'InstanceTarget',
    ...(instance.status !== undefined ? { status: instance.status } : {}),
    ...(instance.instanceType !== undefined ? { label: instance.instanceType } : {}),
    events: inHookOrder('InstanceTarget', instance.lifecycleEvents ?? []),
  };
}

/** Statuses before a deployment has targets to list. */
const NOT_STARTED: ReadonlySet<string> = new Set(['Created', 'Queued']);

export class TargetReader {
  private legacy = false;
  private ids: string[] = [];
  private readonly known = new Map<string, TargetView>();
  /** List and batch-get calls made. */
  calls = 0;

  constructor(
    private readonly api: CodeDeployApi,
    private readonly deploymentId: string,
    private readonly logger: Pick<Reporter, 'debug' | 'warning' | 'info'>,
  ) {}

  /** Whether the deprecated instance API is in use. */
  get usingInstances(): boolean {
    return this.legacy;
  }

  /** The targets, in list order, with fresh details for those not final yet. */
  async read(deployment: DeploymentInfo, signal?: AbortSignal): Promise<TargetView[]> {
    if (NOT_STARTED.has(deployment.status ?? '')) return [];
    const expected = overviewTotal(deployment);
    if (this.ids.length === 0 || expected === undefined || expected !== this.ids.length) {
      const listed = await this.list(signal);
      if (listed === undefined) return [];
      this.ids = listed;
    }
    const stale = this.ids.filter((id) => !FINAL_TARGET_STATUSES.has(this.known.get(id)?.status ?? ''));
    for (let i = 0; i < stale.length; i += BATCH_GET_LIMIT) {
      for (const view of await this.details(stale.slice(i, i + BATCH_GET_LIMIT), signal)) this.known.set(view.id, view);
    }
    return this.ids.map((id) => this.known.get(id)).filter((v): v is TargetView => v !== undefined);
  }

  /** The target ids; undefined when the deployment has not started. */
  private async list(signal?: AbortSignal): Promise<string[] | undefined> {
    try {
      this.calls++;
      return this.legacy
        ? await this.api.listDeploymentInstances(this.deploymentId, signal)
        : await this.api.listDeploymentTargets(this.deploymentId, signal);
    } catch (error) {
      if (errorName(error) === 'DeploymentNotStartedException') return undefined;
      if (!this.legacy && isUnavailable(error)) {
        this.legacy = true;
        this.logger.debug(
          `ListDeploymentTargets is unavailable (${(error as Error).message}); using ListDeploymentInstances`,
        );
        return this.list(signal);
      }
      throw error;
    }
  }

  private async details(ids: readonly string[], signal?: AbortSignal): Promise<TargetView[]> {
    this.calls++;
    if (this.legacy) {
      const instances = await this.api.batchGetDeploymentInstances(this.deploymentId, ids, signal);
      return instances.map(fromInstance).filter((v): v is TargetView => v !== undefined);
    }
    const targets = await this.api.batchGetDeploymentTargets(this.deploymentId, ids, signal);
    return targets.map(fromTarget).filter((v): v is TargetView => v !== undefined);
  }
}

/** The number of targets the overview counts; undefined without an overview. */
function overviewTotal(deployment: DeploymentInfo): number | undefined {
  const o = deployment.deploymentOverview;
  if (o === undefined) return undefined;
  return (
    (o.Pending ?? 0) + (o.InProgress ?? 0) + (o.Succeeded ?? 0) + (o.Failed ?? 0) + (o.Skipped ?? 0) + (o.Ready ?? 0)
  );
}

/** Denied, or an operation the endpoint does not know: worth the deprecated API. */
function isUnavailable(error: unknown): boolean {
  const cause = (error as { cause?: unknown } | null)?.cause ?? error;
  return (
    isAccessDenied(cause) ||
    /UnknownOperation|NotImplemented|InvalidAction/.test(errorName(cause)) ||
    (cause as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 501
  );
}
