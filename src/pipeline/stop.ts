/**
 * StopPipelineExecution, bounded in time (core/cancel.ts). Without `abandon`, CodePipeline lets the actions in
 * progress finish and starts nothing more (status Stopping, then Stopped); with it, they are abandoned at once.
 */
import type { CodePipelineApi } from '../aws/codepipeline.js';
import { reasonOf } from '../aws/errors.js';
import { callWithin, STOP_DEADLINE_MS, type StopResult } from '../core/cancel.js';

/** StopPipelineExecution's limit on the reason. */
export const MAX_STOP_REASON = 200;

export function stopExecution(
  api: CodePipelineApi,
  pipeline: string,
  executionId: string,
  options: { abandon: boolean; reason: string },
  deadlineMs: number = STOP_DEADLINE_MS,
): Promise<StopResult> {
  return callWithin(
    async (signal) => {
      try {
        await api.stopPipelineExecution(
          pipeline,
          executionId,
          { abandon: options.abandon, reason: options.reason.slice(0, MAX_STOP_REASON) },
          signal,
        );
        return { stopped: true };
      } catch (error) {
        const name = (error as { name?: unknown } | null)?.name;
        if (name === 'DuplicatedStopRequestException') return { stopped: true, note: 'it was already stopping' };
        if (name === 'PipelineExecutionNotStoppableException') {
          return { stopped: false, reason: 'CodePipeline says it cannot be stopped (it is no longer running)' };
        }
        throw error;
      }
    },
    { deadlineMs, describe: reasonOf },
  );
}

/** The reason recorded on the execution when a GitHub run stops it. */
export function stopReason(env: NodeJS.ProcessEnv, what: string): string {
  const repo = env.GITHUB_REPOSITORY;
  const run = env.GITHUB_RUN_ID;
  const where = repo && run ? ` (${repo}, run ${run})` : '';
  return `${what}${where}`;
}
