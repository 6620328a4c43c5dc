/**
 * What a finished build (or batch) reports: the action's outputs, the failure message with the failed phase and
 * the last lines of the log, and the job summary (phase table and Mermaid gantt chart of build-summary.ts).
 */
import type { Build } from '../aws/codebuild.js';
import { formatDuration } from '../core/duration.js';
import type { Failure } from '../core/reporter.js';
import { buildSummaryMarkdown, type PhaseLike } from '../core/summary.js';
import type { BuildOutcome, FollowResult } from './context.js';
import { batchConsoleUrl, buildConsoleUrl, buildLogsUrl } from './links.js';

/** Output names, as in action.yml. */
export const OUTPUT_NAMES = [
  'build-id',
  'logs-url',
  'build-number',
  'build-status',
  'failed-phase',
  'exported-variables',
  'artifacts-location',
  'phases',
] as const;

/** The first phase that did not succeed. */
export function failedPhase(build: { readonly phases?: readonly PhaseLike[] }): PhaseLike | undefined {
  return build.phases?.find((p) => p.phaseStatus !== undefined && p.phaseStatus !== 'SUCCEEDED');
}

/** `STATUS_CODE: message` of a phase's contexts. */
export function phaseReason(phase: PhaseLike): string {
  return (phase.contexts ?? [])
    .filter((c) => c.statusCode || c.message)
    .map((c) => [c.statusCode, c.message].filter(Boolean).join(': '))
    .join('; ');
}

export function statusOf(result: FollowResult): string {
  return (result.kind === 'build' ? result.outcome.build.buildStatus : result.batch.buildBatchStatus) ?? 'UNKNOWN';
}

/** Every output but build-id and logs-url (set right after the start). */
export function resultOutputs(result: FollowResult): Record<string, string> {
  if (result.kind === 'build') return buildOutputs(result.outcome.build);
  const batch = result.batch;
  const firstFailed = result.children.find((c) => failedPhase(c.build) !== undefined);
  const exported: Record<string, Record<string, string>> = {};
  for (const child of result.children) exported[child.identifier] = exportedOf(child.build);
  return {
    'build-number': batch.buildBatchNumber === undefined ? '' : String(batch.buildBatchNumber),
    'build-status': batch.buildBatchStatus ?? '',
    'failed-phase': firstFailed ? `${firstFailed.identifier}:${failedPhase(firstFailed.build)?.phaseType ?? ''}` : '',
    'exported-variables': JSON.stringify(exported),
    'artifacts-location': batch.artifacts?.location ?? '',
    phases: JSON.stringify(phasesJson(batch.phases ?? [])),
  };
}

function buildOutputs(build: Build): Record<string, string> {
  const exported = exportedOf(build);
  const outputs: Record<string, string> = {
    'build-number': build.buildNumber === undefined ? '' : String(build.buildNumber),
    'build-status': build.buildStatus ?? '',
    'failed-phase': failedPhase(build)?.phaseType ?? '',
    'exported-variables': JSON.stringify(exported),
    'artifacts-location': build.artifacts?.location ?? '',
    phases: JSON.stringify(phasesJson(build.phases ?? [])),
  };
  const reserved = new Set<string>(OUTPUT_NAMES);
  for (const [name, value] of Object.entries(exported)) if (!reserved.has(name)) outputs[name] = value;
  return outputs;
}

function exportedOf(build: Build): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of build.exportedEnvironmentVariables ?? []) if (v.name) out[v.name] = v.value ?? '';
  return out;
}

function phasesJson(phases: readonly PhaseLike[]) {
  return phases.map((p) => ({
    phaseType: p.phaseType,
    ...(p.phaseStatus !== undefined ? { phaseStatus: p.phaseStatus } : {}),
    ...(p.startTime !== undefined ? { startTime: new Date(p.startTime).toISOString() } : {}),
    ...(p.endTime !== undefined ? { endTime: new Date(p.endTime).toISOString() } : {}),
    ...(p.durationInSeconds !== undefined ? { durationInSeconds: p.durationInSeconds } : {}),
    ...(p.contexts !== undefined && p.contexts.some((c) => c.statusCode || c.message) ? { contexts: p.contexts } : {}),
  }));
}

/** Why one build failed: its failed phase and context; the last lines of its log as the failure's context. */
export function buildFailure(outcome: BuildOutcome, identifier?: string): Failure {
  const build = outcome.build;
  const failed = failedPhase(build);
  const who = identifier === undefined ? 'Build' : `[${identifier}] build`;
  const title = failed ? `${failed.phaseType} ${failed.phaseStatus}` : `build ${build.buildStatus ?? 'UNKNOWN'}`;
  const reason = failed ? phaseReason(failed) : '';
  const message =
    `${who} ${build.id ?? ''} ${build.buildStatus ?? 'UNKNOWN'}` +
    (failed ? ` in phase ${failed.phaseType}${reason ? `: ${reason}` : ''}` : '');
  return {
    title: identifier === undefined ? title : `${identifier}: ${title}`,
    message,
    ...(outcome.lastLines.length > 0 ? { context: outcome.lastLines } : {}),
  };
}

/** The failures of a result (none when it succeeded): one per failed build of a batch. */
export function failures(result: FollowResult): Failure[] {
  if (result.kind === 'build') {
    return result.outcome.build.buildStatus === 'SUCCEEDED' ? [] : [buildFailure(result.outcome)];
  }
  const children = result.children.filter((c) => c.build.buildStatus !== 'SUCCEEDED');
  if (children.length > 0) return children.map((c) => buildFailure(c, c.identifier));
  if (result.batch.buildBatchStatus === 'SUCCEEDED') return [];
  const failed = failedPhase(result.batch);
  const reason = failed ? phaseReason(failed) : '';
  return [
    {
      title: `batch ${result.batch.buildBatchStatus ?? 'UNKNOWN'}`,
      message:
        `Batch build ${result.batch.id ?? ''} ${result.batch.buildBatchStatus ?? 'UNKNOWN'}` +
        (failed ? ` in phase ${failed.phaseType}${reason ? `: ${reason}` : ''}` : ''),
    },
  ];
}

/** The step's one-line failure message. */
export function failureSummary(result: FollowResult): string {
  const status = statusOf(result);
  if (result.kind === 'build') {
    const build = result.outcome.build;
    const failed = failedPhase(build);
    const reason = failed ? phaseReason(failed) : '';
    return `build ${build.id ?? ''} ${status}${failed ? ` in ${failed.phaseType}${reason ? `: ${reason}` : ''}` : ''}`;
  }
  const bad = result.children.filter((c) => c.build.buildStatus !== 'SUCCEEDED').map((c) => c.identifier);
  return `batch build ${result.batch.id ?? ''} ${status}${bad.length > 0 ? ` (failed: ${bad.join(', ')})` : ''}`;
}

/** The job summary. */
export function summaryMarkdown(result: FollowResult): string {
  if (result.kind === 'build') {
    const build = result.outcome.build;
    return buildSummaryMarkdown(`CodeBuild ${build.projectName ?? ''}`.trim(), summaryBuild(build), {
      console: buildConsoleUrl(build),
      logs: buildLogsUrl(build),
    });
  }
  const batch = result.batch;
  const head = buildSummaryMarkdown(
    `CodeBuild batch ${batch.projectName ?? ''}`.trim(),
    {
      id: batch.id,
      buildStatus: batch.buildBatchStatus,
      startTime: batch.startTime,
      endTime: batch.endTime,
      phases: batch.phases,
    },
    { console: batchConsoleUrl(batch) },
  );
  const rows = result.children.map((c) => {
    const b = c.build;
    const start = b.startTime?.getTime();
    const end = b.endTime?.getTime();
    const took =
      start !== undefined && end !== undefined ? formatDuration(Math.round((end - start) / 1000) * 1000) : '';
    const failed = failedPhase(b);
    const link = buildLogsUrl(b);
    return (
      `| ${c.identifier} | ${b.buildStatus ?? ''} | ${took} | ${failed ? `${failed.phaseType}` : ''} | ` +
      `${link ? `[log](${link})` : ''} |`
    );
  });
  return [
    head,
    '| Build | Status | Duration | Failed phase | Log |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** The Build as the summary renderer takes it. */
function summaryBuild(build: Build) {
  return {
    id: build.id,
    buildStatus: build.buildStatus,
    startTime: build.startTime,
    endTime: build.endTime,
    phases: build.phases,
    exportedEnvironmentVariables: build.exportedEnvironmentVariables,
  };
}
