/**
 * Following a build's (or batch's) status with BatchGetBuilds / BatchGetBuildBatches until it is complete (the
 * poller of core/poll.ts with CodeBuild's cadence), and the phase transitions between two snapshots.
 */
import { statusRetry } from '../aws/retry.js';
import { StatusPoller, type StatusIntervals, type StatusPollOptions } from '../core/poll.js';

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
