/**
 * Following a build's (or batch's) status with BatchGetBuilds / BatchGetBuildBatches until it is complete (the
 * poller of core/poll.ts with CodeBuild's cadence), and the phase transitions between two snapshots.
 */
import type { LogEvent } from '../aws/logs.js';
import { statusRetry } from '../aws/retry.js';
import { StatusPoller, type StatusIntervals, type StatusPollOptions } from '../core/poll.js';
import type { LogMark } from '../core/reporter.js';
import { realSleep, type Sleep } from '../core/time.js';
import type { LogFollower } from './logs.js';

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

export const DEFAULT_STATUS_INTERVALS: StatusIntervals = {
  activeMs: 2000,
  idleMs: 5000,
  finalMs: 500,
  idleAfterMs: 60_000,
};

/** The phases after which a build is about to be complete: its status is read faster. */
export const FINAL_PHASES: ReadonlySet<string> = new Set([
  'UPLOAD_ARTIFACTS',
  'FINALIZING',
  'COMPLETED',
  'COMBINE_ARTIFACTS',
]);

/** A poller of a build's (or batch's) status with CodeBuild's cadence and the project's back-off. */
export function buildStatusPoller<T>(
  options: Omit<StatusPollOptions<T>, 'retry' | 'intervals' | 'finalPhases'> & {
    readonly intervals?: Partial<StatusIntervals>;
    readonly random?: () => number;
  },
): StatusPoller<T> {
  return new StatusPoller<T>({
    ...options,
    retry: statusRetry(options.random),
    intervals: { ...DEFAULT_STATUS_INTERVALS, ...options.intervals },
    finalPhases: FINAL_PHASES,
  });
}

// ---- the log drives the status ----------------------------------------------------------------------------------

/** Lines after which the build is about to complete. */
export const LAST_PHASE_DONE = /Phase complete: UPLOAD_ARTIFACTS State:/;

/**
 * CodeBuild finalizes a build in about a second after its last phase's line was written: the first status read comes
 * then (counted from the line's timestamp, so a line that arrived late is not waited for again), and the next ones
 * this often until the build is complete.
 */
export const ENDING_READ_MS = 1000;

/**
 * How long a complete build's last log line is waited for from Live Tail before the stream is read to its end
 * instead: a little more than Live Tail's one update a second.
 */
export const LAST_LINE_WAIT_MS = 1500;

/**
 * How long the log may be quiet before the status is read to see whether the build still runs: a minute, or half
 * the build's age when that is longer (a build that has run for an hour can stay quiet for half an hour).
 */
export function quietLimitMs(ageMs: number): number {
  return Math.max(60_000, ageMs / 2);
}

/**
 * What a build's log says about its end: the last phase's line (the build is about to be complete: read its status
 * a second after that line was written) and the phase-context line after it (the log is complete: nothing is left to
 * read once the build is).
 */
export class LogEnding {
  /** The last phase's line was seen. */
  ending = false;
  /** The line after it was seen too. */
  complete = false;
  private readonly seen = new AbortController();

  /** Looks at a delivered line; when it is the last phase's, returns how long to wait before reading the status. */
  observe(event: LogEvent, mark: LogMark | undefined, now: number): number | undefined {
    if (this.ending && mark?.kind === 'phase-context') {
      this.complete = true;
      this.seen.abort();
    }
    if (!LAST_PHASE_DONE.test(event.message)) return undefined;
    this.ending = true;
    return Math.min(ENDING_READ_MS, Math.max(0, ENDING_READ_MS - (now - event.timestamp)));
  }

  /**
   * The build is complete: ends its log. A log read to its last line through Live Tail needs no final reading of the
   * stream; the status can say complete a moment before Live Tail brings that line (it sends what came each second),
   * so that moment is waited for first.
   */
  async finish(follower: LogFollower, endedAt: number | undefined, sleep: Sleep = realSleep): Promise<void> {
    if (!this.complete && follower.stats.mode === 'live') await sleep(LAST_LINE_WAIT_MS, this.seen.signal);
    await follower.finish(endedAt, { drain: !this.complete });
  }
}
