/**
 * Cancellation of something followed (a build, a deployment, a pipeline execution): on SIGINT/SIGTERM the stop
 * request goes out at once, bounded in time (GitHub kills a cancelled step's process a few seconds after SIGINT, so
 * it must not wait out long back-offs), and following goes on for a short grace period to show the final status.
 */
import { systemClock, type Clock } from './time.js';

export const STOP_DEADLINE_MS = 2000;
export const DEFAULT_CANCEL_GRACE_MS = 5000;

export type StopResult =
  { readonly stopped: true; readonly note?: string } | { readonly stopped: false; readonly reason: string };

/**
 * Runs `request` with an abort signal that fires after `deadlineMs`; never rejects. A failure becomes
 * `{ stopped: false, reason }`, worded by `describe` (default: the error's message).
 */
export async function callWithin(
  request: (signal: AbortSignal) => Promise<StopResult>,
  options: { readonly deadlineMs?: number; readonly describe?: (error: unknown) => string } = {},
): Promise<StopResult> {
  const deadlineMs = options.deadlineMs ?? STOP_DEADLINE_MS;
  const deadline = AbortSignal.timeout(deadlineMs);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    return await Promise.race([request(deadline), late]);
  } catch (error) {
    const describe = options.describe ?? ((e: unknown) => (e instanceof Error ? e.message : String(e)));
    return { stopped: false, reason: describe(error) };
  } finally {
    clearTimeout(timer);
  }
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
 * later by the clock; with `stops: false` at once (only following is cancelled, the followed thing goes on).
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
