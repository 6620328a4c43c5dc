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
  /**
   * The wait before the next read, when the caller decides it (a build whose log drives its status reads it rarely);
   * default: `intervals` by activity and phase.
   */
  readonly interval?: (phase: string | undefined, quietMs: number) => number;
  /** A snapshot already known (the answer that started or found it): shown first, without a read. */
  readonly initial?: T;
  /**
   * Asked when a read is due: how much longer to wait instead (0: read now). A build whose log is still moving needs
   * no read to know it is alive.
   */
  readonly postpone?: () => number;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly reporter?: Pick<Reporter, 'debug'>;
  /**
   * True while something is being carried out that ends soon (a stop after a cancel): read every `URGENT_READ_MS`
   * instead of the calm cadence (`interval` and `postpone` are not asked), so that the final status is seen within
   * the grace period.
   */
  readonly urgent?: () => boolean;
  /** Asked after each snapshot: true stops polling (that snapshot is returned). Call nudge() when it turns true. */
  readonly stop?: () => boolean;
}

/** The cadence while `urgent()` (a stop after a cancel): every second, for the few seconds it takes. */
export const URGENT_READ_MS = 1000;

export class StatusPoller<T> {
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private lastActivity: number;
  private wake = new AbortController();
  /** When the next read is due (epoch ms). */
  private due = 0;
  /** A read asked for (nudge, soon): at this time, whatever `postpone` says. */
  private forcedAt: number | undefined;
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

  /** Read now (the log says the build is over, or the run was cancelled). */
  nudge(): void {
    this.lastActivity = this.clock();
    this.force(this.clock());
  }

  /** Read in `ms`; a regular read due before then waits for this one. */
  soon(ms: number): void {
    this.force(this.clock() + ms);
  }

  private force(at: number): void {
    this.forcedAt = Math.min(this.forcedAt ?? at, at);
    this.due = Math.min(this.due, at);
    this.wake.abort();
  }

  /** Reads until the status is final (or `stop()` says so); returns the last snapshot. */
  async run(): Promise<T> {
    let failures = 0;
    let lastPhase: string | undefined;
    const initial = this.options.initial;
    if (initial !== undefined) {
      lastPhase = this.options.currentPhase?.(initial);
      this.options.onSnapshot(initial);
      if (this.options.isComplete(initial) || this.options.stop?.()) return initial;
      await this.waitFor(this.interval(lastPhase));
    }
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
      await this.waitFor(this.interval(phase));
    }
  }

  /** Sleeps until the next read is due: `ms` from now, or sooner after nudge() or soon(). */
  private async waitFor(ms: number): Promise<void> {
    this.due = Math.min(this.clock() + ms, this.forcedAt ?? Number.POSITIVE_INFINITY);
    for (;;) {
      let left = this.due - this.clock();
      if (left <= 0) {
        if (this.forcedAt !== undefined && this.forcedAt <= this.clock()) {
          this.forcedAt = undefined;
          return;
        }
        // A read asked for with soon() stands in for a regular one due before it.
        const later =
          this.forcedAt !== undefined
            ? this.forcedAt - this.clock()
            : this.options.urgent?.() === true
              ? 0
              : (this.options.postpone?.() ?? 0);
        if (later <= 0) return;
        this.due = Math.min(this.clock() + later, this.forcedAt ?? Number.POSITIVE_INFINITY);
        left = this.due - this.clock();
      }
      await this.sleep(left, this.wake.signal);
      if (this.wake.signal.aborted) this.wake = new AbortController();
    }
  }

  private interval(phase: string | undefined): number {
    const { intervals, finalPhases } = this.options;
    const quiet = this.clock() - this.lastActivity;
    if (this.options.urgent?.() === true) return URGENT_READ_MS;
    if (this.options.interval !== undefined) return this.options.interval(phase, quiet);
    if (phase !== undefined && finalPhases?.has(phase)) return intervals.finalMs;
    return quiet >= intervals.idleAfterMs ? intervals.idleMs : intervals.activeMs;
  }
}
