/** Stopping a deployment when the run following it is cancelled (core/cancel.ts bounds it in time). */
import type { CodeDeployApi } from '../aws/codedeploy.js';
import { reasonOf } from '../aws/errors.js';
import { callWithin, STOP_DEADLINE_MS, type StopResult } from '../core/cancel.js';

/** An AWS error's name (its error code). */
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

/** StopDeployment, bounded in time; a deployment that already completed is "not stopped" with that reason. */
export function stopDeployment(
  api: CodeDeployApi,
  id: string,
  autoRollbackEnabled: boolean,
  deadlineMs: number = STOP_DEADLINE_MS,
): Promise<StopResult> {
  return callWithin(
    async (signal) => {
      try {
        const out = await api.stopDeployment(id, autoRollbackEnabled, signal);
        return { stopped: true, ...(out.statusMessage ? { note: out.statusMessage } : {}) };
      } catch (error) {
        if (errorName(error) === 'DeploymentAlreadyCompletedException') {
          return { stopped: false, reason: 'it had already completed' };
        }
        throw error;
      }
    },
    { deadlineMs, describe: reasonOf },
  );
}
