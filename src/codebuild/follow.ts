/**
 * Following a build's (or batch's) status with BatchGetBuilds / BatchGetBuildBatches until it is complete, and the
 * phase transitions between two snapshots.
 *
 * The poll interval adapts: every `activeMs` while the build shows activity (a phase change, a log line — the
 * caller calls `activity()`), `idleMs` after a quiet minute, `finalMs` in the last phases (UPLOAD_ARTIFACTS,
 * FINALIZING), and at once after `nudge()` (the log just showed the last phase completing, or a cancel). Throttling and network
 * failures that outlive the SDK's retries wait the project's back-off and try again; a missing permission ends it.
 */
import { isThrottling } from '../aws/errors.js';
import { BackoffRetryStrategy } from '../aws/retry.js';
import { UserError } from '../common/errors.js';
import { isTransient, realSleep, silentLogger, systemClock, type Clock, type Logger, type Sleep } from './types.js';

export interface PhaseLikeStatus {
  readonly phaseType?: string;
  readonly phaseStatus?: string;
  readonly startTime?: Date;
  readonly endTime?: Date;
  readonly durationInSeconds?: number;
  readonly contexts?: ReadonlyArray<{ readonly statusCode?: string; readonly message?: string }>;
}

/** A phase started or ended between two snapshots. */
export type PhaseEvent =
  | { readonly type: 'phase-start'; readonly phase: string }
  | {
      readonly type: 'phase-end';
      readonly phase: string;
      readonly status: string;
      readonly durationInSeconds?: number;
    };

/** What changed in the phase list from `before` to `after`, in order. */
export function phaseEvents(
  before: readonly PhaseLikeStatus[] | undefined,
  after: readonly PhaseLikeStatus[] | undefined,
): PhaseEvent[] {
  const events: PhaseEvent[] = [];
  const old = before ?? [];
  (after ?? []).forEach((phase, i) => {
    const type = phase.phaseType;
    if (type === undefined) return;
    const was = old[i];
    if (was === undefined) events.push({ type: 'phase-start', phase: type });
    if (phase.phaseStatus !== undefined && was?.phaseStatus === undefined) {
      events.push({
        type: 'phase-end',
        phase: type,
        status: phase.phaseStatus,
        durationInSeconds: phase.durationInSeconds,
      });
    }
  });
  return events;
}

export interface StatusPollOptions<T> {
  /** One status read; undefined when the build does not exist. */
  readonly read: () => Promise<T | undefined>;
  readonly isComplete: (snapshot: T) => boolean;
  /** The current phase, to poll faster in the last ones. */
  readonly currentPhase?: (snapshot: T) => string | undefined;
  /** Every snapshot, in order (the first included). */
  readonly onSnapshot: (snapshot: T) => void;
  /** What is being followed, for messages ("build P:1234"). */
  readonly subject: string;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly logger?: Logger;
  readonly random?: () => number;
  readonly intervals?: Partial<StatusIntervals>;
  /** Asked after each snapshot: true stops polling (that snapshot is returned). Call nudge() when it turns true. */
  readonly stop?: () => boolean;
}

export interface StatusIntervals {
  readonly activeMs: number;
  readonly idleMs: number;
  readonly finalMs: number;
  /** Quiet time after which `idleMs` applies. */
  readonly idleAfterMs: number;
}

export const DEFAULT_STATUS_INTERVALS: StatusIntervals = {
  activeMs: 2000,
  idleMs: 5000,
  finalMs: 500,
  idleAfterMs: 60_000,
};

const FINAL_PHASES = new Set(['UPLOAD_ARTIFACTS', 'FINALIZING', 'COMPLETED', 'COMBINE_ARTIFACTS']);

export class StatusPoller<T> {
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly logger: Logger;
  private readonly backoff: BackoffRetryStrategy;
  private readonly intervals: StatusIntervals;
  private lastActivity: number;
  private wake = new AbortController();
  /** BatchGetBuilds / BatchGetBuildBatches calls made. */
  calls = 0;

  constructor(private readonly options: StatusPollOptions<T>) {
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
    this.logger = options.logger ?? silentLogger;
    this.backoff = new BackoffRetryStrategy({ maxAttempts: 1, random: options.random });
    this.intervals = { ...DEFAULT_STATUS_INTERVALS, ...options.intervals };
    this.lastActivity = this.clock();
  }

  /** Something happened (a log line): keep polling at the active pace. */
  activity(): void {
    this.lastActivity = this.clock();
  }

  /** Poll now (the log says the build is about to end). */
  nudge(): void {
    this.lastActivity = this.clock();
    this.wake.abort();
  }

  /** Polls until the build is complete (or `stop()` says so); returns the last snapshot. */
  async run(): Promise<T> {
    let failures = 0;
    let lastPhase: string | undefined;
    for (;;) {
      let snapshot: T | undefined;
      try {
        this.calls++;
        snapshot = await this.options.read();
      } catch (error) {
        if (error instanceof UserError || !isTransient(error)) throw error;
        failures++;
        this.logger.debug(`reading the status of ${this.options.subject} failed (${String(error)}); retrying`);
        await this.sleep(this.backoff.delay(Math.min(failures - 1, 6), isThrottling(error)));
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
    if (phase !== undefined && FINAL_PHASES.has(phase)) return this.intervals.finalMs;
    const quiet = this.clock() - this.lastActivity;
    return quiet >= this.intervals.idleAfterMs ? this.intervals.idleMs : this.intervals.activeMs;
  }
}
