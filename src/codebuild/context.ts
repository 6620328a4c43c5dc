/** What following a build or batch takes and gives: collaborators, output, outcome, and cancellation. */
import type { Build, BuildBatch, CodeBuildApi } from '../aws/codebuild.js';
import type { LogsApi } from '../aws/logs.js';
import type { StatusIntervals } from './follow.js';
import type { LogFollowerOptions, LogFollowerStats } from './logs.js';
import { stopTarget, type StopTarget } from './stop.js';
import { systemClock, type Clock, type Logger, type Sleep } from './types.js';

export type LogsOption = 'live' | 'poll' | 'off';

/** Where a followed build's text goes: the action (groups, stop-commands) or the CLI (plain). */
export interface BuildOutput {
  /** One log line; `child` is the batch identifier of the build it comes from. */
  line(text: string, child?: string): void;
  /** A line of ours: build started, queued, a child finished… */
  status(text: string): void;
  /** The (single) build's log is over: close what is open. */
  logEnd?(): void;
}

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
  readonly output: BuildOutput;
  readonly logger: Logger;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  /** Aborted on SIGINT/SIGTERM: the build (or batch) is stopped, and followed a little longer. */
  readonly cancel?: AbortSignal;
  /** False: a cancel only stops following (`aws-cicd logs --follow`), the build runs on. Default true. */
  readonly cancelStopsBuild?: boolean;
  readonly tuning?: FollowTuning;
}

export interface BuildOutcome {
  readonly build: Build;
  /** The last lines of its log (at most 20), for the failure annotation. */
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

export const TAIL_LINES = 20;
export const DEFAULT_CANCEL_GRACE_MS = 5000;

/** The last `size` lines. */
export class Tail {
  private readonly items: string[] = [];

  constructor(private readonly size = TAIL_LINES) {}

  push(line: string): void {
    this.items.push(line.length > 4096 ? line.slice(0, 4096) + '…' : line.replace(/\r?\n$/, ''));
    if (this.items.length > this.size) this.items.shift();
  }

  lines(): string[] {
    return [...this.items];
  }
}

/**
 * Cancellation of a followed target: when `deps.cancel` aborts, StopBuild/StopBuildBatch goes out at once and
 * `onCancel` runs (poll the status now); `expired()` turns true `cancelGraceMs` later by the clock: stop following,
 * even if the build has not reached STOPPED by then. With `cancelStopsBuild: false` nothing is stopped and
 * `expired()` is true at once.
 */
export function watchCancel(deps: FollowDeps, target: StopTarget, onCancel: () => void) {
  const clock = deps.clock ?? systemClock;
  const grace = deps.cancelStopsBuild === false ? 0 : (deps.tuning?.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS);
  let cancelledAt: number | undefined;
  let stopping: Promise<void> = Promise.resolve();
  const cancel = (): void => {
    cancelledAt = clock();
    if (deps.cancelStopsBuild !== false) {
      deps.output.status(`Cancelled: stopping ${target.kind === 'batch' ? 'batch build' : 'build'} ${target.id}`);
      stopping = stopTarget(deps.codebuild, target).then((result) => {
        if (result.stopped) deps.output.status(`Stop requested for ${target.id}`);
        else deps.logger.warning(`could not stop ${target.id}: ${result.reason}`);
      });
    }
    onCancel();
  };
  if (deps.cancel?.aborted) cancel();
  else deps.cancel?.addEventListener('abort', cancel, { once: true });
  return {
    cancelled: (): boolean => cancelledAt !== undefined,
    expired: (): boolean => cancelledAt !== undefined && clock() - cancelledAt >= grace,
    /** Waits for a stop request in flight and lets go of the listener. */
    async dispose(): Promise<void> {
      deps.cancel?.removeEventListener('abort', cancel);
      await stopping;
    },
  };
}
