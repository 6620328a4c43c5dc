/**
 * The build action's and `aws-cicd build`/`aws-cicd logs`'s shared core: start a build or batch build (or find a
 * running one), then follow it to its end.
 */
import type { Build, BuildBatch, CodeBuildApi } from '../aws/codebuild.js';
import { UserError } from '../core/errors.js';
import { followBatch } from './batch.js';
import type { FollowDeps, FollowResult, LogsOption } from './context.js';
import { batchConsoleUrl, buildConsoleUrl, buildLogsUrl, idFromArn } from './links.js';
import { followSingleBuild } from './single.js';
import { startBuildBatchInput, startBuildInput, type StartSettings } from './start.js';

/** A build or batch build that is running (or ran). */
export interface Target {
  readonly kind: 'build' | 'batch';
  readonly id: string;
  readonly number?: number;
  readonly projectName?: string;
  readonly status?: string;
  readonly consoleUrl?: string;
  readonly logsUrl?: string;
  /** What StartBuild (or the lookup) answered: the first snapshot, which following does not read again. */
  readonly build?: Build;
  readonly batch?: BuildBatch;
}

function buildTarget(build: Build): Target {
  return {
    kind: 'build',
    id: build.id ?? '',
    number: build.buildNumber,
    projectName: build.projectName,
    status: build.buildStatus,
    consoleUrl: buildConsoleUrl(build),
    logsUrl: buildLogsUrl(build),
    build,
  };
}

function batchTarget(batch: BuildBatch): Target {
  const url = batchConsoleUrl(batch);
  return {
    kind: 'batch',
    id: batch.id ?? '',
    number: batch.buildBatchNumber,
    projectName: batch.projectName,
    status: batch.buildBatchStatus,
    consoleUrl: url,
    logsUrl: url,
    batch,
  };
}

/** StartBuild or StartBuildBatch; every input check runs before the call. */
export async function startTarget(api: CodeBuildApi, settings: StartSettings, batch: boolean): Promise<Target> {
  if (batch) {
    const input = startBuildBatchInput(settings);
    return batchTarget(await api.startBuildBatch(input));
  }
  const input = startBuildInput(settings);
  return buildTarget(await api.startBuild(input));
}

/** A running (or finished) build or batch build by id or ARN. */
export async function findTarget(api: CodeBuildApi, idOrArn: string): Promise<Target> {
  const id = idFromArn(idOrArn.trim());
  if (!/^[^:\s]+:[^:\s]+$/.test(id)) {
    throw new UserError(`"${idOrArn}" is not a build id (<project>:<uuid>) or build ARN`);
  }
  if (!/:build-batch\//.test(idOrArn)) {
    const [build] = await api.getBuilds([id]);
    if (build !== undefined) return buildTarget(build);
  }
  const batch = await api.getBuildBatch(id);
  if (batch !== undefined) return batchTarget(batch);
  throw new UserError(`no build or batch build ${id} in this account and region`);
}

/** Follows the target until it is complete (or cancelled), showing its log unless `logs` is 'off'. */
export function followTarget(target: Target, logs: LogsOption, deps: FollowDeps): Promise<FollowResult> {
  return target.kind === 'batch'
    ? followBatch(target.id, logs, deps, target.batch)
    : followSingleBuild(target.id, logs, deps, target.build);
}
