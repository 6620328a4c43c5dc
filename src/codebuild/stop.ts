/**
 * Stopping a build or batch build: StopBuild / StopBuildBatch, bounded in time. GitHub kills a cancelled step's
 * process soon after SIGINT, so the stop request must be on its way at once and must not wait out long back-offs.
 */
import type { CodeBuildApi } from '../aws/codebuild.js';
import { describeAwsError, isAwsError } from '../aws/errors.js';

export interface StopTarget {
  readonly kind: 'build' | 'batch';
  readonly id: string;
}

export const STOP_DEADLINE_MS = 2000;

/** Asks CodeBuild to stop the target; resolves with an error message when it could not (within `deadlineMs`). */
export async function stopTarget(
  api: CodeBuildApi,
  target: StopTarget,
  deadlineMs: number = STOP_DEADLINE_MS,
): Promise<{ stopped: true } | { stopped: false; reason: string }> {
  const deadline = AbortSignal.timeout(deadlineMs);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    const request =
      target.kind === 'batch' ? api.stopBuildBatch(target.id, deadline) : api.stopBuild(target.id, deadline);
    await Promise.race([request, late]);
    return { stopped: true };
  } catch (error) {
    const reason = isAwsError(error) ? describeAwsError(error) : error instanceof Error ? error.message : String(error);
    return { stopped: false, reason };
  } finally {
    clearTimeout(timer);
  }
}
