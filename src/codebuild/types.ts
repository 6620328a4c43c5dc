/** Collaborators the build modules take as parameters, so tests can replace time and output. */
import { isConnectionError, isThrottling } from '../aws/errors.js';
import { UserError } from '../common/errors.js';

/** Epoch milliseconds. */
export type Clock = () => number;

/** Waits `ms`; resolves early (never rejects) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Where the build code reports what it does (the action: core.info/warning/debug; the CLI: stderr). */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}

export const systemClock: Clock = () => Date.now();

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export const silentLogger: Logger = { info: () => undefined, warning: () => undefined, debug: () => undefined };

/** The build statuses CodeBuild reports once a build (or batch) is over. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);

/** Throttling or a lost connection that outlived the SDK's retries: worth trying again later. */
export function isTransient(error: unknown): boolean {
  return !(error instanceof UserError) && (isThrottling(error) || isConnectionError(error));
}
