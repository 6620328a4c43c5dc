/**
 * Following a status (a build's, a deployment's, a pipeline execution's) by reading it until it is final.
 *
 * The interval adapts: every `activeMs` while there is activity (a change of phase, or the caller's `activity()`:
 * a log line), `idleMs` after `idleAfterMs` of quiet, `finalMs` in the last phases, and at once after `nudge()` (the
 * log just said a phase ended, or a cancel). A read that fails with what `retry` says is passing (throttling, a lost
 * connection) waits its back-off and reads again; anything else ends the follow.
 */
import { UserError } from '../core/errors.js';
import type { Reporter } from './reporter.js';
import { realSleep, systemClock, type Clock, type Sleep } from './time.js';

export interface StatusIntervals {
  readonly activeMs: number;
  readonly idleMs: number;
  readonly finalMs: number;
  /** Quiet time after which `idleMs` applies. */
  readonly idleAfterMs: number;
}

/** How long to wait before reading again after `error` (the `failures`-th in a row); undefined: it is final. */
export type RetryDelay = (error: unknown, failures: number) => number | undefined;

export interface StatusPollOptions<T> {
  /** One status read; undefined when the thing does not exist. */
  readonly read: () => Promise<T | undefined>;
  readonly isComplete: (snapshot: T) => boolean;
  /** The current phase, to read faster in the last ones (`finalPhases`). */
  readonly currentPhase?: (snapshot: T) => string | undefined;
  readonly finalPhases?: ReadonlySet<string>;
  /** Every snapshot, in order (the first included). */
  readonly onSnapshot: (snapshot: T) => void;
  /** What is followed, for messages ("build P:1234"). */
  readonly subject: string;
  readonly retry: RetryDelay;
  readonly intervals: StatusIntervals;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly reporter?: Pick<Reporter, 'debug'>;
  /** Asked after each snapshot: true stops polling (that snapshot is returned). Call nudge() when it turns true. */
  readonly stop?: () => boolean;
}

export class StatusPoller<T> {
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private lastActivity: number;
  private wake = new AbortController();
  /** Status reads made. */
  calls = 0;

  constructor(private readonly options: StatusPollOptions<T>) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.lastActivity = this.clock();
  }

  /** Something happened (a log line): keep reading at the active pace. */
  activity(): void {
    this.lastActivity = this.clock();
  }

  /** Read now (the log says a phase ended, or the run was cancelled). */
  nudge(): void {
    this.lastActivity = this.clock();
    this.wake.abort();
  }

  /** Reads until the status is final (or `stop()` says so); returns the last snapshot. */
  async run(): Promise<T> {
    let failures = 0;
    let lastPhase: string | undefined;
    for (;;) {
      let snapshot: T | undefined;
      try {
        this.calls++;
        snapshot = await this.options.read();
      } catch (error) {
        const delay = error instanceof UserError ? undefined : this.options.retry(error, ++failures);
        if (delay === undefined) throw error;
        this.options.reporter?.debug(
          `reading the status of ${this.options.subject} failed (${String(error)}); retrying`,
        );
        await this.sleep(delay);
        continue;
      }
      failures = 0;
      if (snapshot === undefined) throw new UserError(`${this.options.subject} not found`);
      const phase = this.options.currentPhase?.(snapshot);
      if (phase !== lastPhase) this.activity();
      lastPhase = phase;
      this.options.onSnapshot(snapshot);
      if (this.options.isComplete(snapshot) || this.options.stop?.()) return snapshot;
      await this.sleep(this.interval(phase), this.wake.signal);
      if (this.wake.signal.aborted) this.wake = new AbortController();
    }
  }

  private interval(phase: string | undefined): number {
    const { intervals, finalPhases } = this.options;
    if (phase !== undefined && finalPhases?.has(phase)) return intervals.finalMs;
    const quiet = this.clock() - this.lastActivity;
    return quiet >= intervals.idleAfterMs ? intervals.idleMs : intervals.activeMs;
  }
}
