/**
 * Following a batch build: the batch's status, and every child build as it appears in the batch's build groups,
 * each followed concurrently with its own LogFollower. Child lines go out as they come, tagged with the child's
 * identifier (the output prefixes them `[identifier] `); a status line says when each child starts and how it ended.
 */
import type { Build, BuildBatch } from '../aws/codebuild.js';
import { formatDuration } from '../core/duration.js';
import { Tail } from '../core/reporter.js';
import {
  logFollower,
  markedLine,
  watchTargetCancel,
  type ChildOutcome,
  type FollowDeps,
  type FollowResult,
  type LogsOption,
} from './context.js';
import { buildStatusPoller } from './follow.js';
import { idFromArn, logStreamOf } from './links.js';
import type { LogFollower } from './logs.js';
import { failedPhase, phaseReason } from './report.js';

interface Child {
  readonly identifier: string;
  readonly id: string;
  build?: Build;
  follower?: LogFollower;
  readonly tail: Tail;
  done: boolean;
  finished?: Promise<void>;
}

interface BatchSnapshot {
  readonly batch: BuildBatch;
  readonly builds: readonly Build[];
}

/** BatchGetBuilds takes at most 100 ids. */
const GET_BUILDS_LIMIT = 100;

export async function followBatch(
  id: string,
  logs: LogsOption,
  deps: FollowDeps,
  _initial?: BuildBatch,
): Promise<FollowResult> {
  const children = new Map<string, Child>();

  const readBuilds = async (): Promise<Build[]> => {
    const ids = [...children.values()].filter((c) => !c.done).map((c) => c.id);
    const builds: Build[] = [];
    for (let i = 0; i < ids.length; i += GET_BUILDS_LIMIT) {
      builds.push(...(await deps.codebuild.getBuilds(ids.slice(i, i + GET_BUILDS_LIMIT))));
    }
    return builds;
  };

  const register = (batch: BuildBatch): void => {
    for (const group of batch.buildGroups ?? []) {
      const arn = group.currentBuildSummary?.arn;
      if (arn === undefined || group.identifier === undefined) continue;
      const childId = idFromArn(arn);
      if (children.has(childId)) continue;
      children.set(childId, { identifier: group.identifier, id: childId, tail: new Tail(), done: false });
      deps.reporter.info(`[${group.identifier}] started build ${childId}`);
    }
  };

  const update = (child: Child, build: Build): void => {
    child.build = build;
    if (child.follower === undefined && logs !== 'off') {
      const stream = logStreamOf(build);
      if (stream !== undefined) {
        child.follower = logFollower(deps, stream, logs, (event) => {
          child.tail.push(event.message);
          deps.reporter.line(markedLine(event.message, child.identifier));
          poller.activity();
        });
        child.follower.start();
      }
    }
    if (build.buildComplete && !child.done) {
      child.done = true;
      child.finished = (child.follower?.finish(build.endTime?.getTime()) ?? Promise.resolve()).then(() =>
        deps.reporter.info(childStatusLine(child.identifier, build)),
      );
    }
  };

  const poller = buildStatusPoller<BatchSnapshot>({
    read: async () => {
      const batch = await deps.codebuild.getBuildBatch(id);
      if (batch === undefined) return undefined;
      register(batch);
      return { batch, builds: await readBuilds() };
    },
    isComplete: (s) => s.batch.complete === true,
    currentPhase: (s) => s.batch.currentPhase,
    onSnapshot: (s) => {
      for (const build of s.builds) {
        const child = build.id === undefined ? undefined : children.get(build.id);
        if (child !== undefined) update(child, build);
      }
    },
    subject: `batch build ${id}`,
    clock: deps.clock,
    sleep: deps.sleep,
    reporter: deps.reporter,
    random: deps.random,
    intervals: deps.tuning?.status,
    stop: () => cancel.expired(),
  });

  // After the poller: a cancel that already happened nudges it at once.
  const cancel = watchTargetCancel(deps, { kind: 'batch', id }, () => poller.nudge());
  let batch: BuildBatch;
  try {
    batch = (await poller.run()).batch;
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
  return { kind: 'batch', batch, children: outcomes, cancelled: cancel.cancelled(), statusCalls: poller.calls };
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
