/**
 * Following a CodeDeploy deployment: its status with GetDeployment, and each target's lifecycle events as they
 * change (targets.ts), polled by core's StatusPoller (fast while something changes, slower when idle,
 * throttling backed off). Each event's status change is printed once, in hook order, prefixed by the target
 * (`[i-0abc] BeforeInstall Succeeded in 2s`); targets run at the same time, so they are lines, not groups.
 * A failed deployment that rolled back is followed on to the rollback's end.
 */
import type { CodeDeployApi, DeploymentInfo, LifecycleEvent } from '../aws/codedeploy.js';
import { statusRetry } from '../aws/retry.js';
import { watchCancel } from '../core/cancel.js';
import { formatDuration, millisBetween } from '../core/duration.js';
import { StatusPoller, type StatusIntervals } from '../core/poll.js';
import { scopedReporter, type Reporter } from '../core/reporter.js';
import { realSleep, type Clock, type Sleep } from '../core/time.js';
import { stopDeployment } from './stop.js';
import { FINAL_TARGET_STATUSES, shortTargetId, TargetReader, type TargetView } from './targets.js';

/**
 * How often a deployment's status is read: every 5 s while it changes, every 15 s after a minute without change (at
 * most one GetDeployment per 5 s; CodeDeploy's lifecycle events take seconds to minutes each).
 */
export const DEPLOY_STATUS_INTERVALS: StatusIntervals = {
  activeMs: 5000,
  idleMs: 15_000,
  finalMs: 5000,
  idleAfterMs: 60_000,
};

export interface DeployFollowTuning {
  readonly status?: Partial<StatusIntervals>;
  /** After a cancel, keep following this long for the final status. Default 5 s. */
  readonly cancelGraceMs?: number;
  /** A failed deployment with auto-rollback but no rollback yet is read again after this long. Default 3 s. */
  readonly rollbackCheckMs?: number;
}

export interface DeployFollowDeps {
  readonly codedeploy: CodeDeployApi;
  /** Our lines (info), CodeDeploy's text (line: verbatim, never read as a workflow command), warnings. */
  readonly reporter: Reporter;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /** Aborted on SIGINT/SIGTERM: the deployment is stopped (StopDeployment) and followed a little longer. */
  readonly cancel?: AbortSignal;
  /** False: a cancel only stops following. Default true. */
  readonly cancelStopsDeployment?: boolean;
  /** StopDeployment's autoRollbackEnabled. Default true. */
  readonly rollbackOnCancel?: boolean;
  /** False: only the deployment's status, not its targets. Default true. */
  readonly targets?: boolean;
  /** False: do not follow a rollback deployment. Default true. */
  readonly followRollback?: boolean;
  readonly tuning?: DeployFollowTuning;
}

export interface DeploymentOutcome {
  readonly deployment: DeploymentInfo;
  readonly targets: readonly TargetView[];
  readonly cancelled: boolean;
  /** The rollback deployment, when one was made and followed. */
  readonly rollback?: DeploymentInfo;
  readonly statusCalls: number;
}

export const FINAL_DEPLOYMENT_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Stopped']);

interface Snapshot {
  readonly deployment: DeploymentInfo;
  readonly targets: readonly TargetView[];
  /** Changes whenever anything shown changes (drives the poller's fast pace). */
  readonly signature: string;
}

/** Event statuses not worth a line: nothing happened yet. */
const QUIET = new Set(['Pending', 'Unknown']);

export async function followDeployment(id: string, deps: DeployFollowDeps): Promise<DeploymentOutcome> {
  const reader = new TargetReader(deps.codedeploy, id, deps.reporter);
  const printed = new Map<string, string>();
  let lastStatus: string | undefined;

  // The deployment's status before its targets' news, its final status after them.
  const present = (s: Snapshot): void => {
    const status = s.deployment.status ?? 'Unknown';
    const final = FINAL_DEPLOYMENT_STATUSES.has(status);
    const say = (): void => {
      if (status === lastStatus) return;
      lastStatus = status;
      deps.reporter.info(`Deployment ${id} ${status}${STATUS_NOTES[status] ?? ''}`);
    };
    if (!final) say();
    const blueGreen = s.deployment.deploymentStyle?.deploymentType === 'BLUE_GREEN';
    for (const target of s.targets) presentTarget(target, blueGreen);
    if (final) say();
  };

  // Blue or Green only means something in a blue/green deployment (in place, every instance is "Blue").
  const presentTarget = (target: TargetView, blueGreen: boolean): void => {
    const who = `[${shortTargetId(target.id)}${blueGreen && target.label ? ` ${target.label}` : ''}]`;
    for (const event of target.events) {
      const name = event.lifecycleEventName ?? '?';
      const key = `${target.id}\u0000${name}`;
      const eventStatus = event.status ?? 'Unknown';
      if (QUIET.has(eventStatus) || printed.get(key) === eventStatus) continue;
      printed.set(key, eventStatus);
      deps.reporter.info(`${who} ${name} ${eventStatus}${took(event)}${diagnosticsBrief(event)}`);
      const message = event.diagnostics?.message?.trim();
      if (eventStatus === 'Failed' && message) deps.reporter.line(`${who} ${message}`);
    }
    const key = `${target.id}\u0000`;
    const targetStatus = target.status ?? 'Unknown';
    if (FINAL_TARGET_STATUSES.has(targetStatus) && printed.get(key) !== targetStatus) {
      printed.set(key, targetStatus);
      deps.reporter.info(`${who} ${targetStatus}`);
    }
  };

  const poller = new StatusPoller<Snapshot>({
    retry: statusRetry(deps.random),
    intervals: { ...DEPLOY_STATUS_INTERVALS, ...deps.tuning?.status },
    read: async () => {
      const deployment = await deps.codedeploy.getDeployment(id);
      const targets = deps.targets === false ? [] : await reader.read(deployment);
      return { deployment, targets, signature: signatureOf(deployment, targets) };
    },
    isComplete: (s) => FINAL_DEPLOYMENT_STATUSES.has(s.deployment.status ?? ''),
    currentPhase: (s) => s.signature,
    onSnapshot: present,
    subject: `deployment ${id}`,
    clock: deps.clock,
    sleep: deps.sleep,
    reporter: deps.reporter,
    urgent: () => cancel.cancelled(),
    stop: () => cancel.expired(),
  });

  const stops = deps.cancelStopsDeployment !== false;
  const rollbackOnCancel = deps.rollbackOnCancel !== false;
  // After the poller: a cancel that already happened nudges it at once.
  const cancel = watchCancel({
    signal: deps.cancel,
    stops,
    clock: deps.clock,
    graceMs: deps.tuning?.cancelGraceMs,
    onCancel: () => poller.nudge(),
    stop: async () => {
      deps.reporter.info(
        `Cancelled: stopping deployment ${id}${rollbackOnCancel ? ' (updated targets roll back)' : ''}`,
      );
      const result = await stopDeployment(deps.codedeploy, id, rollbackOnCancel);
      if (result.stopped) deps.reporter.info(`Stop requested for deployment ${id}`);
      else deps.reporter.warning(`could not stop deployment ${id}: ${result.reason}`);
    },
  });
  let last: Snapshot;
  try {
    last = await poller.run();
  } finally {
    await cancel.dispose();
  }
  let deployment = last.deployment;
  if (deployment.status === 'Failed' && deployment.rollbackInfo?.rollbackDeploymentId === undefined) {
    deployment = await rollbackCheck(id, deployment, deps);
  }
  const rollback = await followRollback(deployment, deps, cancel.cancelled());
  return {
    deployment,
    targets: last.targets,
    cancelled: cancel.cancelled(),
    ...(rollback ? { rollback } : {}),
    statusCalls: poller.calls + reader.calls,
  };
}

const STATUS_NOTES: Readonly<Record<string, string>> = {
  Ready: ': waiting for traffic to be rerouted (ContinueDeployment, or the CodeDeploy console)',
  Baking: ': waiting out the bake time before the original instances are terminated',
};

/** A failed deployment with auto-rollback enabled gets its rollback a moment later: read it once more. */
async function rollbackCheck(id: string, deployment: DeploymentInfo, deps: DeployFollowDeps): Promise<DeploymentInfo> {
  const auto = deployment.autoRollbackConfiguration;
  if (auto?.enabled !== true || !(auto.events ?? []).includes('DEPLOYMENT_FAILURE')) return deployment;
  await (deps.sleep ?? realSleep)(deps.tuning?.rollbackCheckMs ?? 3000);
  try {
    return await deps.codedeploy.getDeployment(id);
  } catch (error) {
    deps.reporter.debug(`reading deployment ${id} again for its rollback failed: ${String(error)}`);
    return deployment;
  }
}

async function followRollback(
  deployment: DeploymentInfo,
  deps: DeployFollowDeps,
  cancelled: boolean,
): Promise<DeploymentInfo | undefined> {
  const info = deployment.rollbackInfo;
  const rollbackId = info?.rollbackDeploymentId;
  if (rollbackId === undefined) return undefined;
  deps.reporter.info(`Rolled back by deployment ${rollbackId}`);
  if (info?.rollbackMessage) deps.reporter.line(info.rollbackMessage);
  if (deps.followRollback === false || cancelled) return undefined;
  try {
    const outcome = await followDeployment(rollbackId, {
      ...deps,
      reporter: scopedReporter(deps.reporter, { prefix: 'rollback: ' }),
      targets: false,
      followRollback: false,
    });
    return outcome.deployment;
  } catch (error) {
    deps.reporter.warning(`cannot follow rollback deployment ${rollbackId}: ${(error as Error).message}`);
    return undefined;
  }
}

function took(event: LifecycleEvent): string {
  if (event.status === 'InProgress' || event.startTime === undefined || event.endTime === undefined) return '';
  return ` in ${formatDuration(millisBetween(event.startTime, event.endTime) ?? 0)}`;
}

function diagnosticsBrief(event: LifecycleEvent): string {
  const d = event.diagnostics;
  if (event.status !== 'Failed' || d === undefined) return '';
  const parts = [d.errorCode, d.scriptName].filter((p) => p !== undefined && p !== '' && p !== 'Success');
  return parts.length > 0 ? ` (${parts.join(', ').replace(/[\r\n]+/g, ' ')})` : '';
}

function signatureOf(deployment: DeploymentInfo, targets: readonly TargetView[]): string {
  const parts = [deployment.status ?? ''];
  for (const t of targets) parts.push(`${t.id}=${t.status ?? ''}:${t.events.map((e) => e.status ?? '').join(',')}`);
  return parts.join(';');
}
