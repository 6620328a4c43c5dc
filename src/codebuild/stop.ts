/**
 * Stopping a build or batch build: StopBuild / StopBuildBatch, bounded in time. GitHub kills a cancelled step's
 * process soon after SIGINT, so the stop request must be on its way at once and must not wait out long back-offs.
 */
import type { CodeBuildApi } from '../aws/codebuild.js';
import { reasonOf } from '../aws/errors.js';
import { callWithin, STOP_DEADLINE_MS, type StopResult } from '../core/cancel.js';

export interface StopTarget {
  readonly kind: 'build' | 'batch';
  readonly id: string;
}

/** Asks CodeBuild to stop the target; resolves with the reason when it could not (within `deadlineMs`). */
export function stopTarget(
  api: CodeBuildApi,
  target: StopTarget,
  deadlineMs: number = STOP_DEADLINE_MS,
): Promise<StopResult> {
  return callWithin(
    async (signal) => {
      await (target.kind === 'batch' ? api.stopBuildBatch(target.id, signal) : api.stopBuild(target.id, signal));
      return { stopped: true };
    },
    { deadlineMs, describe: reasonOf },
  );
}
