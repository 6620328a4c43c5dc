/**
 * Following a batch build: the batch's status, and every child build as it appears in the batch's build groups,
 * each followed concurrently with its own LogFollower. Child lines go out as they come, tagged with the child's
 * identifier (the output prefixes them `[identifier] `); a status line says when each child starts and how it ended.
 *
 * As for one build, the log drives the status, and the calls are few:
 * - BatchGetBuildBatches alone says most of it: which children started (a group's build), and how each ended (the
 *   group's build summary carries its status). Each child's log stream is known from the batch's logs configuration
 *   and the child's id, so its log is followed from the moment it is seen, without reading the child.
 * - The batch is read while children are still to start (after the source is read, or once the builds they depend on
 *   have ended): soon, then less often while nothing new starts; a second after a child's log says its last phase
 *   ended, and every second while such a child or the batch itself is ending; otherwise only when a child's log has
 *   been quiet for a while that grows with its age (a child can end without a line).
 * - BatchGetBuilds reads only children that have ended (the summary lacks their phases and times), those that ended
 *   together in one call.
 * - The DOWNLOAD_SOURCE group's build (the one CodeBuild runs to read the source and the batch section) is not
 *   followed; its log is read only when it failed.
 * With `logs: off` the batch is read at the follower's regular cadence.
 */
import type { Build, BuildBatch } from '../aws/codebuild.js';
import { formatDuration } from '../core/duration.js';
import { Tail, type LogLine } from '../core/reporter.js';
import { systemClock } from '../core/time.js';
import {
  logFollower,
  markedLine,
  watchTargetCancel,
  type ChildOutcome,
  type FollowDeps,
  type FollowResult,
  type LogsOption,
} from './context.js';
import { buildStatusPoller, DEFAULT_STATUS_INTERVALS, ENDING_READ_MS, LogEnding, quietLimitMs } from './follow.js';
import { idFromArn, logStreamOf } from './links.js';
import type { LogFollower } from './logs.js';
import { failedPhase, phaseReason } from './report.js';

/** The build group of the build that reads the batch's source; it runs no buildspec. */
export const DOWNLOAD_SOURCE_GROUP = 'DOWNLOAD_SOURCE';

/** BatchGetBuilds takes at most 100 ids. */
const GET_BUILDS_LIMIT = 100;

/**
 * While children are still to start: the first read this soon, each next one `DISCOVERY_FACTOR` later, up to
 * `DISCOVERY_MAX_MS` (CodeBuild takes seconds to a minute to read the source and start a batch's builds).
 */
export const DISCOVERY_FIRST_MS = 2000;
export const DISCOVERY_FACTOR = 1.5;
export const DISCOVERY_MAX_MS = 15_000;

interface Child {
  readonly identifier: string;
  readonly id: string;
  readonly tail: Tail;
  /** When it was first seen, then when its log last delivered a line. */
  lastLine: number;
  readonly end: LogEnding;
  follower?: LogFollower;
  /** Its summary in the batch says it ended: its build is read (with others that ended together). */
  ended: boolean;
  /** Its build once complete. */
  build?: Build;
  /** Its log ended and its status line said; set once it is complete. */
  finished?: Promise<void>;
}

const FINAL_STATUSES = new Set(['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);

export async function followBatch(
  id: string,
  logs: LogsOption,
  deps: FollowDeps,
  initial?: BuildBatch,
): Promise<FollowResult> {
  const clock = deps.clock ?? systemClock;
  const startedAt = clock();
  const intervals = { ...DEFAULT_STATUS_INTERVALS, ...deps.tuning?.status };
  const children = new Map<string, Child>();
  let latest: BuildBatch | undefined;
  /** Reads of the batch since a child last started or ended (-1: none yet). */
  let unchangedReads = -1;
  let lastRead = startedAt;
  let buildReads = 0;

  const isDownloadSource = (child: Child): boolean => child.identifier === DOWNLOAD_SOURCE_GROUP;

  /** Takes in the batch's groups; true when a child started or ended since the last read. */
  const discover = (batch: BuildBatch): boolean => {
    let changed = false;
    for (const group of batch.buildGroups ?? []) {
      const arn = group.currentBuildSummary?.arn;
      if (arn === undefined || group.identifier === undefined) continue;
      const childId = idFromArn(arn);
      let child = children.get(childId);
      if (child === undefined) {
        changed = true;
        child = {
          identifier: group.identifier,
          id: childId,
          tail: new Tail(),
          lastLine: clock(),
          end: new LogEnding(),
          ended: false,
        };
        children.set(childId, child);
        if (!isDownloadSource(child)) {
          deps.reporter.info(`[${group.identifier}] started build ${childId}`);
          followLog(child, batch, arn);
        }
      }
      if (!child.ended && FINAL_STATUSES.has(group.currentBuildSummary?.buildStatus ?? '')) {
        child.ended = true;
        changed = true;
      }
    }
    return changed;
  };

  /** A child's log line: kept for its failure's context and shown, tagged with its identifier. */
  const echo = (child: Child, message: string): LogLine => {
    child.tail.push(message);
    const line = markedLine(message, child.identifier);
    deps.reporter.line(line);
    return line;
  };

  const followLog = (child: Child, batch: BuildBatch, arn: string): void => {
    if (logs === 'off') return;
    // The stream CodeBuild names the child's: [<prefix>/]<uuid> in the batch's log group.
    const stream = logStreamOf(
      { id: child.id, arn, projectName: batch.projectName, logs: { cloudWatchLogs: batch.logConfig?.cloudWatchLogs } },
      { predict: true },
    );
    if (stream === undefined) return;
    child.follower = logFollower(deps, stream, logs, (event) => {
      const line = echo(child, event.message);
      poller.activity();
      child.lastLine = clock();
      const readIn = child.end.observe(event, line.mark, child.lastLine);
      if (readIn !== undefined) poller.soon(readIn);
    });
    child.follower.start();
  };

  /**
   * Reads the builds of the children that ended (all, once the batch is complete) and ends their logs. The
   * DOWNLOAD_SOURCE build goes along with the first others read.
   */
  const readEnded = async (all: boolean): Promise<void> => {
    const unread = [...children.values()].filter((c) => c.build === undefined);
    if (!all && !unread.some((c) => c.ended && !isDownloadSource(c))) return;
    const due = unread.filter((c) => all || c.ended);
    for (let i = 0; i < due.length; i += GET_BUILDS_LIMIT) {
      buildReads++;
      const builds = await deps.codebuild.getBuilds(due.slice(i, i + GET_BUILDS_LIMIT).map((c) => c.id));
      for (const build of builds) {
        const child = build.id === undefined ? undefined : children.get(build.id);
        if (child === undefined || child.build !== undefined) continue;
        if (build.buildComplete) {
          child.build = build;
          child.finished = finishChild(child, build);
        } else if (all) {
          // The follow ended first (a cancel's grace ran out): its latest state, and its log no further.
          child.build = build;
          child.finished = child.follower?.abort();
        }
      }
    }
  };

  const finishChild = async (child: Child, build: Build): Promise<void> => {
    const failed = build.buildStatus !== 'SUCCEEDED';
    if (isDownloadSource(child)) {
      // Its log matters only when it failed: read it to its end then.
      if (!failed || logs === 'off') return;
      const stream = logStreamOf(build);
      if (stream !== undefined) {
        child.follower = logFollower(deps, stream, 'poll', (event) => void echo(child, event.message));
        await child.follower.finish(build.endTime?.getTime());
      }
    } else if (child.follower !== undefined) {
      await child.end.finish(child.follower, build.endTime?.getTime(), deps.sleep);
    }
    if (!isDownloadSource(child) || failed) deps.reporter.info(childStatusLine(child.identifier, build));
  };

  /** Groups whose build has not started though it may now: before the groups are known, or all they depend on ended. */
  const startsPending = (batch: BuildBatch): boolean => {
    const groups = (batch.buildGroups ?? []).filter((g) => g.identifier !== DOWNLOAD_SOURCE_GROUP);
    if (groups.length === 0) return true;
    const endedGroups = new Set([...children.values()].filter((c) => c.ended).map((c) => c.identifier));
    return groups.some(
      (g) => g.currentBuildSummary?.arn === undefined && (g.dependsOn ?? []).every((d) => endedGroups.has(d)),
    );
  };

  /**
   * The log drives the reads (see above): 'ending' every second, 'starting' while children are still to start,
   * 'cadence' while a running child's log is not followed, else 'quiet': only once a child's log has been quiet for
   * too long (`quietMs`: how much longer that is).
   */
  const readMode = (): 'ending' | 'starting' | 'cadence' | 'quiet' => {
    const batch = latest;
    if (batch === undefined) return 'ending';
    const running = [...children.values()].filter((c) => !c.ended);
    if (running.some((c) => c.end.ending)) return 'ending';
    if (startsPending(batch)) return 'starting';
    if (running.length === 0) return 'ending';
    return running.some((c) => c.follower === undefined && !isDownloadSource(c)) ? 'cadence' : 'quiet';
  };
  const quietMs = (): number => {
    const now = clock();
    const limit = quietLimitMs(now - startedAt);
    const running = [...children.values()].filter((c) => !c.ended && !isDownloadSource(c));
    if (running.length === 0) return limit;
    // A read that found a child running counts as a sign of life too.
    return Math.max(0, Math.min(...running.map((c) => Math.max(c.lastLine, lastRead) + limit - now)));
  };
  const nextReadMs = (): number => {
    switch (readMode()) {
      case 'ending':
        return ENDING_READ_MS;
      case 'starting':
        return Math.min(DISCOVERY_MAX_MS, DISCOVERY_FIRST_MS * DISCOVERY_FACTOR ** Math.max(0, unchangedReads));
      case 'cadence': {
        const quiet = clock() - Math.max(...[...children.values()].map((c) => c.lastLine));
        return quiet >= intervals.idleAfterMs ? intervals.idleMs : intervals.activeMs;
      }
      case 'quiet':
        return quietMs();
    }
  };

  const absorb = async (batch: BuildBatch): Promise<void> => {
    latest = batch;
    lastRead = clock();
    // Something started or ended: more may start soon.
    unchangedReads = discover(batch) ? 0 : unchangedReads + 1;
    await readEnded(batch.complete === true);
  };

  const poller = buildStatusPoller<BuildBatch>({
    ...(initial !== undefined ? { initial } : {}),
    ...(logs === 'off' ? {} : { interval: nextReadMs, postpone: () => (readMode() === 'quiet' ? quietMs() : 0) }),
    read: async () => {
      const batch = await deps.codebuild.getBuildBatch(id);
      if (batch !== undefined) await absorb(batch);
      return batch;
    },
    isComplete: (batch) => batch.complete === true,
    currentPhase: (batch) => batch.currentPhase,
    onSnapshot: () => undefined,
    subject: `batch build ${id}`,
    clock: deps.clock,
    sleep: deps.sleep,
    reporter: deps.reporter,
    random: deps.random,
    intervals: deps.tuning?.status,
    // Cancelled: the batch is being stopped; read every second until it is.
    urgent: () => cancel.cancelled(),
    stop: () => cancel.expired(),
  });

  // After the poller: a cancel that already happened nudges it at once.
  const cancel = watchTargetCancel(deps, { kind: 'batch', id }, () => poller.nudge());
  let batch: BuildBatch;
  try {
    if (initial !== undefined) await absorb(initial);
    batch = await poller.run();
    // Complete: every child has ended. Cut short by a cancel: each child as it is now.
    await readEnded(true);
    await Promise.all([...children.values()].map((c) => c.finished ?? c.follower?.abort()));
  } catch (error) {
    await Promise.all([...children.values()].map((c) => c.follower?.abort()));
    throw error;
  } finally {
    await cancel.dispose();
  }
  const outcomes: ChildOutcome[] = [...children.values()]
    .filter((c) => c.build !== undefined)
    .map((c) => ({
      identifier: c.identifier,
      build: c.build as Build,
      lastLines: c.tail.lines(),
      ...(c.follower ? { logs: c.follower.stats } : {}),
    }));
  return {
    kind: 'batch',
    batch,
    children: outcomes,
    cancelled: cancel.cancelled(),
    statusCalls: poller.calls + buildReads,
  };
}

/** `[identifier] SUCCEEDED in 1m 3s`, or with the failed phase and its reason. */
export function childStatusLine(identifier: string, build: Build): string {
  const start = build.startTime?.getTime();
  const end = build.endTime?.getTime();
  const took = start !== undefined && end !== undefined ? ` in ${formatDuration(end - start)}` : '';
  const failed = failedPhase(build);
  const why = failed
    ? `: ${failed.phaseType} ${failed.phaseStatus}${phaseReason(failed) ? ` (${phaseReason(failed)})` : ''}`
    : '';
  return `[${identifier}] ${build.buildStatus ?? 'UNKNOWN'}${took}${why}`;
}
