/**
 * Stopping what is followed when the job is cancelled, shared by deployments and pipeline executions: the stop
 * request goes out at once and is bounded in time (GitHub kills a cancelled step's process a few seconds after
 * SIGINT, so it must not wait out long back-offs), and following goes on for a short grace period to show the final
 * status.
 */
import type { CodeDeployApi } from '../aws/codedeploy.js';
import { describeAwsError, isAwsError } from '../aws/errors.js';
import { systemClock, type Clock } from '../codebuild/types.js';

export const STOP_DEADLINE_MS = 2000;
export const DEFAULT_CANCEL_GRACE_MS = 5000;

export type StopResult =
  { readonly stopped: true; readonly note?: string } | { readonly stopped: false; readonly reason: string };

/** Runs `request` with an abort signal that fires after `deadlineMs`; never rejects. */
export async function callWithin(
  request: (signal: AbortSignal) => Promise<StopResult>,
  deadlineMs: number = STOP_DEADLINE_MS,
): Promise<StopResult> {
  const deadline = AbortSignal.timeout(deadlineMs);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    return await Promise.race([request(deadline), late]);
  } catch (error) {
    return { stopped: false, reason: reasonOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** An AWS error's name (its error code). */
export function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : '';
}

export function reasonOf(error: unknown): string {
  return isAwsError(error) ? describeAwsError(error) : error instanceof Error ? error.message : String(error);
}

/** StopDeployment, bounded in time; a deployment that already completed is "not stopped" with that reason. */
export function stopDeployment(
  api: CodeDeployApi,
  id: string,
  autoRollbackEnabled: boolean,
  deadlineMs: number = STOP_DEADLINE_MS,
): Promise<StopResult> {
  return callWithin(async (signal) => {
    try {
      const out = await api.stopDeployment(id, autoRollbackEnabled, signal);
      return { stopped: true, ...(out.statusMessage ? { note: out.statusMessage } : {}) };
    } catch (error) {
      if (errorName(error) === 'DeploymentAlreadyCompletedException') {
        return { stopped: false, reason: 'it had already completed' };
      }
      throw error;
    }
  }, deadlineMs);
}

export interface CancelWatch {
  cancelled(): boolean;
  /** The grace period after the cancel is over: stop following. */
  expired(): boolean;
  /** Waits for a stop request in flight and lets go of the listener. */
  dispose(): Promise<void>;
}

/**
 * On `signal`'s abort: `stop()` (when `stops`), then `onCancel()` (poll now). `expired()` turns true `graceMs`
 * later by the clock; with `stops: false` at once (only following is cancelled).
 */
export function watchCancel(options: {
  readonly signal?: AbortSignal;
  readonly stops: boolean;
  readonly stop: () => Promise<void>;
  readonly onCancel: () => void;
  readonly clock?: Clock;
  readonly graceMs?: number;
}): CancelWatch {
  const clock = options.clock ?? systemClock;
  const grace = options.stops ? (options.graceMs ?? DEFAULT_CANCEL_GRACE_MS) : 0;
  let cancelledAt: number | undefined;
  let stopping: Promise<void> = Promise.resolve();
  const cancel = (): void => {
    cancelledAt = clock();
    if (options.stops) stopping = options.stop().catch(() => undefined);
    options.onCancel();
  };
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener('abort', cancel, { once: true });
  return {
    cancelled: () => cancelledAt !== undefined,
    expired: () => cancelledAt !== undefined && clock() - cancelledAt >= grace,
    async dispose() {
      options.signal?.removeEventListener('abort', cancel);
      await stopping;
    },
  };
}
