/**
 * Following one build: its log from the start (the stream the build will write is known from StartBuild's answer)
 * and its status until it is complete.
 *
 * The log drives the status: while lines come, the build is alive and its status is not read; the log's own phase
 * lines say what happens. The status is read when the log says the last phase ended (UPLOAD_ARTIFACTS), a moment
 * later and then every second until CodeBuild says the build is complete, and, as a safety net for a build that ends
 * without a line, when the log has been quiet for a while that grows with the build's age. With `logs: off` there is
 * no log to drive it: the status is read at the follower's regular cadence.
 */
import type { Build } from '../aws/codebuild.js';
import { formatDuration } from '../core/duration.js';
import { Tail } from '../core/reporter.js';
import { realSleep, systemClock } from '../core/time.js';
import {
  logFollower,
  markedLine,
  watchTargetCancel,
  type FollowDeps,
  type FollowResult,
  type LogsOption,
} from './context.js';
import { buildStatusPoller, phaseEvents } from './follow.js';
import { logStreamOf } from './links.js';
import type { LogFollower } from './logs.js';

/** Lines after which the build is about to complete. */
export const LAST_PHASE_DONE = /Phase complete: UPLOAD_ARTIFACTS State:/;

/** Phases worth a status line while no log exists yet. */
const EARLY_PHASES = new Set(['QUEUED', 'PROVISIONING']);

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

export async function followSingleBuild(
  id: string,
  logs: LogsOption,
  deps: FollowDeps,
  initial?: Build,
): Promise<FollowResult> {
  const { reporter } = deps;
  const clock = deps.clock ?? systemClock;
  const startedAt = clock();
  const tail = new Tail();
  /** The log said the last phase ended: its end has been read, the build is about to be complete. */
  let ending = false;
  let logComplete = false;
  /** Wakes the wait for the log's last line (see below). */
  let lastLineSeen = (): void => undefined;
  let lastLine = startedAt;
  // Set from the poller's callback once CodeBuild names the log stream.
  const log: { follower?: LogFollower } = {};
  let previous: Build | undefined;
  let saidNoLogs = false;

  const startLogs = (build: Build): void => {
    if (log.follower !== undefined || logs === 'off') return;
    // The stream CodeBuild names, or, before it does, the one it will write (a build just started).
    const stream = logStreamOf(build, { predict: true });
    if (stream === undefined) {
      if (build.logs?.cloudWatchLogs?.status === 'DISABLED' && !saidNoLogs) {
        saidNoLogs = true;
        reporter.info('The project writes no CloudWatch Logs, so only the status is followed');
      }
      return;
    }
    log.follower = logFollower(deps, stream, logs, (event) => {
      tail.push(event.message);
      const line = markedLine(event.message);
      reporter.line(line);
      poller.activity();
      lastLine = clock();
      if (ending && line.mark?.kind === 'phase-context') {
        logComplete = true;
        lastLineSeen();
      }
      if (LAST_PHASE_DONE.test(event.message)) {
        ending = true;
        const sinceWritten = clock() - event.timestamp;
        poller.soon(Math.min(ENDING_READ_MS, Math.max(0, ENDING_READ_MS - sinceWritten)));
      }
    });
    log.follower.start();
  };

  const poller = buildStatusPoller<Build>({
    ...(initial !== undefined ? { initial } : {}),
    ...(logs === 'off'
      ? {}
      : {
          // The log drives the status (see above).
          // Ending, or cancelled (the build is being stopped): read every second until it is over.
          interval: () => (ending || cancel.cancelled() ? ENDING_READ_MS : quietLimitMs(clock() - startedAt)),
          postpone: () => {
            if (ending || cancel.cancelled()) return 0;
            const quiet = clock() - lastLine;
            return Math.max(0, quietLimitMs(clock() - startedAt) - quiet);
          },
        }),
    read: async () => (await deps.codebuild.getBuilds([id]))[0],
    isComplete: (build) => build.buildComplete === true,
    currentPhase: (build) => build.currentPhase,
    onSnapshot: (build) => {
      // The first snapshot of a build followed late says only where it is now, not the phases it went through.
      const before = previous?.phases ?? (deps.attached ? build.phases?.slice(0, -1) : undefined);
      for (const event of phaseEvents(before, build.phases)) {
        if (logs === 'off' && event.type === 'phase-end') {
          const took =
            event.durationInSeconds === undefined ? '' : ` in ${formatDuration(event.durationInSeconds * 1000)}`;
          reporter.info(`${event.phase} ${event.status}${took}`);
        } else if (
          event.type === 'phase-start' &&
          // Before the log begins, the phase it is in; not one it went through between two reads.
          (logs === 'off' || (EARLY_PHASES.has(event.phase) && build.currentPhase === event.phase))
        ) {
          reporter.info(`${event.phase}…`);
        }
      }
      previous = build;
      startLogs(build);
    },
    subject: `build ${id}`,
    clock: deps.clock,
    sleep: deps.sleep,
    reporter,
    random: deps.random,
    intervals: deps.tuning?.status,
    stop: () => cancel.expired(),
  });

  // After the poller: a cancel that already happened nudges it at once.
  const cancel = watchTargetCancel(deps, { kind: 'build', id }, () => poller.nudge());
  let build: Build;
  try {
    build = await poller.run();
    // A log read to its last line through Live Tail needs no final reading of the stream. The status can say
    // complete a moment before Live Tail brings that line (it sends what came each second): wait that moment.
    if (build.buildComplete && !logComplete && log.follower?.stats.mode === 'live') {
      const seen = new AbortController();
      lastLineSeen = () => seen.abort();
      await (deps.sleep ?? realSleep)(LAST_LINE_WAIT_MS, seen.signal);
    }
    if (build.buildComplete) await log.follower?.finish(build.endTime?.getTime(), { drain: !logComplete });
    else await log.follower?.abort();
  } catch (error) {
    await log.follower?.abort();
    throw error;
  } finally {
    reporter.line({ mark: { kind: 'log-end' } });
    await cancel.dispose();
  }
  const stats = log.follower?.stats;
  return {
    kind: 'build',
    outcome: { build, lastLines: tail.lines(), ...(stats ? { logs: stats } : {}) },
    cancelled: cancel.cancelled(),
    statusCalls: poller.calls,
  };
}
