/**
 * Following one build: its status until it is complete and, once CodeBuild names its log stream, its log. A line
 * saying the last phase completed makes the status poll at once, so the follow ends right after the build does.
 */
import type { Build } from '../aws/codebuild.js';
import { formatDuration } from '../core/duration.js';
import { Tail } from '../core/reporter.js';
import { readLogLine } from '../runner/log.js';
import { watchTargetCancel, type FollowDeps, type FollowResult, type LogsOption } from './context.js';
import { buildStatusPoller, phaseEvents } from './follow.js';
import { logStreamOf } from './links.js';
import { LogFollower } from './logs.js';

/** Lines after which the build is about to complete. */
export const LAST_PHASE_DONE = /Phase complete: UPLOAD_ARTIFACTS State:/;

/** Phases worth a status line while no log exists yet. */
const EARLY_PHASES = new Set(['QUEUED', 'PROVISIONING']);

export async function followSingleBuild(id: string, logs: LogsOption, deps: FollowDeps): Promise<FollowResult> {
  const { reporter } = deps;
  const tail = new Tail();
  // Set from the poller's callback once CodeBuild names the log stream.
  const log: { follower?: LogFollower } = {};
  let previous: Build | undefined;
  let saidNoLogs = false;

  const startLogs = (build: Build): void => {
    if (log.follower !== undefined || logs === 'off') return;
    const stream = logStreamOf(build);
    if (stream === undefined) {
      if (build.logs?.cloudWatchLogs?.status === 'DISABLED' && !saidNoLogs) {
        saidNoLogs = true;
        reporter.info('The project writes no CloudWatch Logs, so only the status is followed');
      }
      return;
    }
    log.follower = new LogFollower({
      api: deps.logs,
      stream,
      mode: logs,
      onLine: (event) => {
        tail.push(event.message);
        const text = event.message.replace(/\r?\n$/, '');
        const mark = readLogLine(text);
        reporter.line(mark === undefined ? { text } : { text, mark });
        poller.activity();
        if (LAST_PHASE_DONE.test(event.message)) poller.nudge();
      },
      clock: deps.clock,
      sleep: deps.sleep,
      reporter,
      random: deps.random,
      poll: deps.tuning?.poll,
      overlapMs: deps.tuning?.overlapMs,
      drainSettleMs: deps.tuning?.drainSettleMs,
    });
    log.follower.start();
  };

  const poller = buildStatusPoller<Build>({
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
        } else if (event.type === 'phase-start' && (logs === 'off' || EARLY_PHASES.has(event.phase))) {
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
    if (build.buildComplete) await log.follower?.finish(build.endTime?.getTime());
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
