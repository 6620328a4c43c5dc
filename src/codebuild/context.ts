/** What following a build or batch takes and gives: collaborators, the Reporter, the outcome, and cancellation. */
import type { Build, BuildBatch, CodeBuildApi } from '../aws/codebuild.js';
import type { LogEvent, LogsApi, LogStreamRef } from '../aws/logs.js';
import { watchCancel, type CancelWatch } from '../core/cancel.js';
import type { StatusIntervals } from '../core/poll.js';
import type { LogLine, Reporter } from '../core/reporter.js';
import type { Clock, Sleep } from '../core/time.js';
import { readLogLine } from '../runner/log.js';
import { LogFollower, type LogFollowerOptions, type LogFollowerStats, type LogsMode } from './logs.js';
import { stopTarget, type StopTarget } from './stop.js';

export type { LogsOption } from './types.js';

export interface FollowTuning {
  readonly status?: Partial<StatusIntervals>;
  readonly poll?: LogFollowerOptions['poll'];
  readonly overlapMs?: number;
  readonly drainSettleMs?: number;
  /** After a cancel, keep following this long for the final status and lines. Default 5 s. */
  readonly cancelGraceMs?: number;
}

export interface FollowDeps {
  readonly codebuild: CodeBuildApi;
  readonly logs: LogsApi;
  /** Where the log lines (with their marks), our status lines and warnings go. */
  readonly reporter: Reporter;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /** Aborted on SIGINT/SIGTERM: the build (or batch) is stopped, and followed a little longer. */
  readonly cancel?: AbortSignal;
  /** False: a cancel only stops following (`aws-cicd logs --follow`), the build runs on. Default true. */
  readonly cancelStopsBuild?: boolean;
  /** The build was started elsewhere, maybe long ago: the first status shows where it is now, not its past phases. */
  readonly attached?: boolean;
  readonly tuning?: FollowTuning;
}

export interface BuildOutcome {
  readonly build: Build;
  /** The last lines of its log (at most 20), for the failure's context. */
  readonly lastLines: readonly string[];
  readonly logs?: LogFollowerStats;
}

export interface ChildOutcome extends BuildOutcome {
  readonly identifier: string;
}

export type FollowResult =
  | {
      readonly kind: 'build';
      readonly outcome: BuildOutcome;
      readonly cancelled: boolean;
      readonly statusCalls: number;
    }
  | {
      readonly kind: 'batch';
      readonly batch: BuildBatch;
      readonly children: readonly ChildOutcome[];
      readonly cancelled: boolean;
      readonly statusCalls: number;
    };

/**
 * Cancellation of a followed target: when `deps.cancel` aborts, StopBuild/StopBuildBatch goes out at once and
 * `onCancel` runs (read the status now); `expired()` turns true `cancelGraceMs` later: stop following, even if the
 * build has not reached STOPPED by then. With `cancelStopsBuild: false` nothing is stopped and following ends at once.
 */
export function watchTargetCancel(deps: FollowDeps, target: StopTarget, onCancel: () => void): CancelWatch {
  const what = target.kind === 'batch' ? 'batch build' : 'build';
  return watchCancel({
    signal: deps.cancel,
    stops: deps.cancelStopsBuild !== false,
    clock: deps.clock,
    graceMs: deps.tuning?.cancelGraceMs,
    onCancel,
    stop: async () => {
      deps.reporter.info(`Cancelled: stopping ${what} ${target.id}`);
      const result = await stopTarget(deps.codebuild, target);
      if (result.stopped) deps.reporter.info(`Stop requested for ${target.id}`);
      else deps.reporter.warning(`could not stop ${target.id}: ${result.reason}`);
    },
  });
}

/** A follower of one log stream with a follow's collaborators and tuning (a build's, a batch child's, a pipeline's). */
export function logFollower(
  deps: Pick<FollowDeps, 'logs' | 'reporter' | 'clock' | 'sleep' | 'random' | 'tuning'>,
  stream: LogStreamRef,
  mode: LogsMode,
  onLine: (event: LogEvent) => void,
): LogFollower {
  return new LogFollower({
    api: deps.logs,
    stream,
    mode,
    onLine,
    clock: deps.clock,
    sleep: deps.sleep,
    reporter: deps.reporter,
    random: deps.random,
    poll: deps.tuning?.poll,
    overlapMs: deps.tuning?.overlapMs,
    drainSettleMs: deps.tuning?.drainSettleMs,
  });
}

/** A CodeBuild log line for the Reporter: without its newline, with what it means (LogMark), from `source` (a batch's build). */
export function markedLine(message: string, source?: string): LogLine {
  const text = message.replace(/\r?\n$/, '');
  const mark = readLogLine(text);
  return { text, ...(source !== undefined ? { source } : {}), ...(mark !== undefined ? { mark } : {}) };
}
