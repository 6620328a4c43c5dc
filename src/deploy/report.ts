/**
 * What a followed deployment reports: the action's outputs, the failing hook's diagnostics (error code, script, the
 * end of the script's log) as annotations, the step's one-line failure and the job summary.
 */
import type { DeploymentInfo, LifecycleEvent } from '../aws/codedeploy.js';
import { formatDuration, millisBetween } from '../core/duration.js';
import { cell, icon } from '../core/markdown.js';
import type { Failure, Table } from '../core/reporter.js';
import type { DeploymentOutcome } from './follow.js';
import { shortTargetId, type TargetView } from './targets.js';

/** Output names, as in actions/deploy/action.yml. */
export enum DeployOutputs {
  DeploymentId = 'deployment-id',
  Status = 'status',
  FailedTargets = 'failed-targets',
  RollbackDeploymentId = 'rollback-deployment-id',
}

export interface FailedTarget {
  readonly targetId: string;
  readonly status: string;
  readonly lifecycleEvent?: string;
  readonly errorCode?: string;
  readonly scriptName?: string;
  readonly message?: string;
  readonly logTail?: string;
}

export function deploymentConsoleUrl(region: string, id: string): string {
  return `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${encodeURIComponent(id)}?region=${region}`;
}

/** The first lifecycle event of a target that failed. */
export function failedEvent(target: TargetView): LifecycleEvent | undefined {
  return target.events.find((e) => e.status === 'Failed');
}

export function failedTargets(outcome: Pick<DeploymentOutcome, 'targets'>): FailedTarget[] {
  return outcome.targets
    .filter((t) => t.status === 'Failed' || failedEvent(t) !== undefined)
    .map((t) => {
      const event = failedEvent(t);
      const d = event?.diagnostics;
      return {
        targetId: t.id,
        status: t.status ?? 'Unknown',
        ...(event?.lifecycleEventName ? { lifecycleEvent: event.lifecycleEventName } : {}),
        ...(d?.errorCode ? { errorCode: d.errorCode } : {}),
        ...(d?.scriptName ? { scriptName: d.scriptName } : {}),
        ...(d?.message ? { message: d.message } : {}),
        ...(d?.logTail ? { logTail: d.logTail } : {}),
      };
    });
}

export function deploymentOutputs(outcome: DeploymentOutcome): Record<string, string> {
  return {
    [DeployOutputs.DeploymentId]: outcome.deployment.deploymentId ?? '',
    [DeployOutputs.Status]: outcome.deployment.status ?? '',
    [DeployOutputs.FailedTargets]: JSON.stringify(failedTargets(outcome)),
    [DeployOutputs.RollbackDeploymentId]: outcome.deployment.rollbackInfo?.rollbackDeploymentId ?? '',
  };
}

/** A failure with its title (the file: the script's in the workspace, when the bundle came from a folder there). */
export type Annotation = Failure & { readonly title: string };

/**
 * One error annotation per failed target (at most `limit`, the rest counted in the last one): the failing hook, its
 * error code and script, CodeDeploy's message and the end of the script's output. With no failed target, the
 * deployment's own error.
 */
export function deploymentFailures(
  outcome: DeploymentOutcome,
  options: { scriptFile?: (scriptName: string) => string | undefined; limit?: number } = {},
): Annotation[] {
  const deployment = outcome.deployment;
  if (deployment.status === 'Succeeded') return [];
  const limit = options.limit ?? 10;
  const failed = failedTargets(outcome);
  const notes: Annotation[] = failed.slice(0, limit).map((f) => {
    const where = shortTargetId(f.targetId);
    const title = f.lifecycleEvent ? `${f.lifecycleEvent} failed on ${where}` : `deployment failed on ${where}`;
    const body = [
      [f.errorCode, f.scriptName].filter(Boolean).join(' in ') || `target ${f.status}`,
      ...(f.message ? [f.message.trim()] : []),
      ...(f.logTail?.trim() ? ['', 'End of the script output:', f.logTail.replace(/\s+$/, '')] : []),
    ];
    const file = f.scriptName ? options.scriptFile?.(f.scriptName) : undefined;
    return { title, message: body.join('\n'), ...(file ? { file } : {}) };
  });
  if (failed.length > limit) {
    notes.push({ title: 'more failed targets', message: `${failed.length - limit} more targets failed; see the log` });
  }
  if (notes.length === 0) {
    const error = deployment.errorInformation;
    notes.push({
      title: `deployment ${deployment.status ?? 'Unknown'}`,
      message: error ? `${error.code ?? ''}: ${error.message ?? ''}`.replace(/^: /, '') : deploymentLine(deployment),
    });
  }
  return notes;
}

/** `deployment d-123 Failed: ValidateService failed on i-0abc (ScriptFailed)`, for the step's failure. */
export function deploymentFailureSummary(outcome: DeploymentOutcome): string {
  const d = outcome.deployment;
  const first = failedTargets(outcome)[0];
  const why = first
    ? `${first.lifecycleEvent ?? 'a lifecycle event'} failed on ${shortTargetId(first.targetId)}` +
      (first.errorCode ? ` (${first.errorCode})` : '')
    : d.errorInformation?.message
      ? `${d.errorInformation.code ? `${d.errorInformation.code}: ` : ''}${d.errorInformation.message}`
      : '';
  const rollback = d.rollbackInfo?.rollbackDeploymentId
    ? `; rolled back by ${d.rollbackInfo.rollbackDeploymentId}${outcome.rollback?.status ? ` (${outcome.rollback.status})` : ''}`
    : '';
  return `${deploymentLine(d)}${why ? `: ${why}` : ''}${rollback}`;
}

function deploymentLine(d: DeploymentInfo): string {
  return `deployment ${d.deploymentId ?? ''} ${d.status ?? 'Unknown'}`;
}

/** Targets listed in the summary table at most. */
const SUMMARY_TARGETS = 50;

export function deploymentSummaryMarkdown(
  outcome: DeploymentOutcome,
  options: { region?: string; location?: string } = {},
): string {
  const d = outcome.deployment;
  const status = d.status ?? 'Unknown';
  const title = `CodeDeploy ${d.applicationName ?? ''}${d.deploymentGroupName ? ` / ${d.deploymentGroupName}` : ''}`;
  const out: string[] = [`## ${cell(title.trim())}: ${icon(status)} ${status}`.replace(/ {2,}/g, ' '), ''];
  const facts: string[] = [];
  if (d.deploymentId) facts.push(`**Deployment** \`${d.deploymentId}\``);
  const start = d.startTime ?? d.createTime;
  if (start && d.completeTime) {
    facts.push(
      `**Duration** ${formatDuration(Math.round((d.completeTime.getTime() - start.getTime()) / 1000) * 1000)}`,
    );
  }
  if (options.location) facts.push(`**Revision** \`${cell(options.location)}\``);
  if (options.region && d.deploymentId)
    facts.push(`[Console](${deploymentConsoleUrl(options.region, d.deploymentId)})`);
  if (facts.length > 0) out.push(facts.join(' · '), '');
  if (d.errorInformation?.message && status !== 'Succeeded') {
    out.push(`> ${cell(`${d.errorInformation.code ?? ''} ${d.errorInformation.message}`.trim())}`, '');
  }
  if (d.rollbackInfo?.rollbackDeploymentId) {
    const rb = outcome.rollback?.status;
    out.push(`Rolled back by \`${d.rollbackInfo.rollbackDeploymentId}\`${rb ? `: ${icon(rb)} ${rb}` : ''}`, '');
  }
  const targets = outcome.targets;
  const blueGreen = d.deploymentStyle?.deploymentType === 'BLUE_GREEN';
  if (targets.length > 0) {
    out.push('| Target | Status | Lifecycle events | Failure |', '| --- | --- | --- | --- |');
    for (const t of targets.slice(0, SUMMARY_TARGETS)) {
      const events = t.events.map((e) => `${icon(e.status ?? '') || '·'} ${e.lifecycleEventName ?? ''}`).join(' → ');
      const f = failedEvent(t);
      const failure = f
        ? [f.lifecycleEventName, f.diagnostics?.errorCode, f.diagnostics?.scriptName].filter(Boolean).join(': ')
        : '';
      const status = t.status ?? '';
      out.push(
        `| ${cell(shortTargetId(t.id))}${blueGreen && t.label ? ` (${cell(t.label)})` : ''} | ${icon(status)} ${status} | ${cell(events)} | ${cell(failure)} |`,
      );
    }
    if (targets.length > SUMMARY_TARGETS) out.push('', `…and ${targets.length - SUMMARY_TARGETS} more targets.`);
    out.push('');
  }
  return out.join('\n');
}

/** The closing table on a terminal: each target and how it ended; the footer says how the deployment ended. */
export function deploymentTable(outcome: DeploymentOutcome): Table {
  const d = outcome.deployment;
  const status = d.status ?? 'Unknown';
  const start = d.startTime ?? d.createTime;
  const took = millisBetween(start, d.completeTime);
  return {
    columns: ['Target', 'Status', 'Failed event'],
    rows: outcome.targets.map((t) => [shortTargetId(t.id), t.status ?? '', failedEvent(t)?.lifecycleEventName ?? '']),
    statusColumn: 1,
    footer: {
      text: `Deployment ${d.deploymentId ?? ''} ${status}${took === undefined ? '' : ` in ${formatDuration(took)}`}`,
      ok: status === 'Succeeded',
    },
  };
}
