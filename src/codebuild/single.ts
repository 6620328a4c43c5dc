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
import { systemClock } from '../core/time.js';
import {
  logFollower,
  markedLine,
  watchTargetCancel,
  type FollowDeps,
  type FollowResult,
  type LogsOption,
} from './context.js';
import { buildStatusPoller, ENDING_READ_MS, LogEnding, phaseEvents, quietLimitMs } from './follow.js';
import { logStreamOf } from './links.js';
import type { LogFollower } from './logs.js';

/** Phases worth a status line while no log exists yet. */
const EARLY_PHASES = new Set(['QUEUED', 'PROVISIONING']);

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
  /** What the log says about the build's end. */
  const end = new LogEnding();
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
      const readIn = end.observe(event, line.mark, lastLine);
      if (readIn !== undefined) poller.soon(readIn);
    });
    log.follower.start();
  };

  const poller = buildStatusPoller<Build>({
    ...(initial !== undefined ? { initial } : {}),
    ...(logs === 'off'
      ? {}
      : {
          // The log drives the status (see above).
          // Ending: read every second until it is over.
          interval: () => (end.ending ? ENDING_READ_MS : quietLimitMs(clock() - startedAt)),
          postpone: () => {
            if (end.ending) return 0;
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
    // Cancelled: the build is being stopped; read every second until it is.
    urgent: () => cancel.cancelled(),
    stop: () => cancel.expired(),
  });

  // After the poller: a cancel that already happened nudges it at once.
  const cancel = watchTargetCancel(deps, { kind: 'build', id }, () => poller.nudge());
  let build: Build;
  try {
    build = await poller.run();
    if (log.follower !== undefined) {
      if (build.buildComplete) await end.finish(log.follower, build.endTime?.getTime(), deps.sleep);
      else await log.follower.abort();
    }
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
