/**
 * The project's one retry policy for AWS calls: jittered exponential back-off ("full jitter": a random delay up to
 * base × 2^retry, capped), a longer base for throttling, and a retry budget that throttling and failures drain and
 * successes refill, so a struggling service is not hammered. It plugs into the SDK as a RetryStrategyV2, which may
 * sleep itself before handing out the next token; that is where the injectable `sleep` goes.
 */
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from '@smithy/types';
import { UserError } from '../core/errors.js';
import { isConnectionError, isThrottling } from './errors.js';

export type Sleep = (ms: number) => Promise<void>;

export interface RetryPolicyOptions {
  /** Total attempts, the first one included (1 = no retries). */
  readonly maxAttempts: number;
  /** Base delay of non-throttling retries, in ms. */
  readonly baseDelayMs?: number;
  /** Base delay of retries after throttling, in ms. */
  readonly throttlingBaseDelayMs?: number;
  /** Upper bound of one delay, in ms. */
  readonly maxDelayMs?: number;
  readonly sleep?: Sleep;
  /** [0, 1) source of the jitter. */
  readonly random?: () => number;
}

export const DEFAULT_BASE_DELAY_MS = 100;
export const DEFAULT_THROTTLING_BASE_DELAY_MS = 500;
export const DEFAULT_MAX_DELAY_MS = 20_000;

const BUDGET = 500;
const THROTTLING_COST = 5;
const RETRY_COST = 10;
const SUCCESS_REFILL = 1;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Token implements StandardRetryToken {
  readonly $retryLog: { acquisitionDelay: number };

  constructor(
    private readonly count: number,
    private readonly cost: number | undefined,
    delay = 0,
  ) {
    this.$retryLog = { acquisitionDelay: delay };
  }

  getRetryCount(): number {
    return this.count;
  }

  /** The strategy has slept already. */
  getRetryDelay(): number {
    return 0;
  }

  getRetryCost(): number | undefined {
    return this.cost;
  }
}

export class BackoffRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  private budget = BUDGET;
  private readonly sleep: Sleep;
  private readonly random: () => number;

  constructor(private readonly options: RetryPolicyOptions) {
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  async acquireInitialRetryToken(): Promise<StandardRetryToken> {
    return new Token(0, undefined);
  }

  async refreshRetryTokenForRetry(token: StandardRetryToken, info: RetryErrorInfo): Promise<StandardRetryToken> {
    const retries = token.getRetryCount();
    const throttled = info.errorType === 'THROTTLING' || isThrottling(info.error);
    const retryable = throttled || info.errorType === 'TRANSIENT' || isConnectionError(info.error);
    const cost = throttled ? THROTTLING_COST : RETRY_COST;
    if (!retryable || retries + 1 >= this.options.maxAttempts || this.budget < cost) {
      throw new Error('no retry: the error is final, the attempts are used up or the retry budget is spent');
    }
    this.budget -= cost;
    const delay = this.delay(retries, throttled, info.retryAfterHint);
    await this.sleep(delay);
    return new Token(retries + 1, cost, delay);
  }

  recordSuccess(token: StandardRetryToken): void {
    this.budget = Math.min(BUDGET, this.budget + (token.getRetryCost() ?? SUCCESS_REFILL));
  }

  /** The delay before retry number `retries + 1`, in ms. */
  delay(retries: number, throttled: boolean, retryAfter?: Date): number {
    const base = throttled
      ? (this.options.throttlingBaseDelayMs ?? DEFAULT_THROTTLING_BASE_DELAY_MS)
      : (this.options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS);
    const cap = this.options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    const jittered = Math.floor(this.random() * Math.min(cap, base * 2 ** retries));
    if (retryAfter === undefined) return jittered;
    return Math.max(jittered, Math.min(cap, retryAfter.getTime() - Date.now()));
  }
}

/** Throttling or a lost connection that outlived the SDK's retries: worth trying again later. */
export function isTransient(error: unknown): boolean {
  return !(error instanceof UserError) && (isThrottling(error) || isConnectionError(error));
}

/**
 * The back-off of a status read that failed in passing (throttling, a lost connection) after the SDK's own retries:
 * the project's jittered delay for the `failures`-th failure in a row; undefined (final) for anything else.
 */
export function statusRetry(random?: () => number): (error: unknown, failures: number) => number | undefined {
  const backoff = new BackoffRetryStrategy({ maxAttempts: 1, ...(random !== undefined ? { random } : {}) });
  return (error, failures) =>
    isTransient(error) ? backoff.delay(Math.min(failures - 1, 6), isThrottling(error)) : undefined;
}
