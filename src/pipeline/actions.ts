/**
 * Following what a pipeline action runs elsewhere, with the code that follows it on its own: a CodeBuild action's
 * build (its externalExecutionId is the build id, or a batch id) with the build action's followTarget, its log
 * streamed live; a CodeDeploy action's deployment with src/deploy's follower; a Commands action's CloudWatch log with
 * the LogFollower. The pipeline decides when an action is over, so none of these stops anything on a cancel: they
 * only stop following.
 */
import type { CodeBuildApi } from '../aws/codebuild.js';
import type { CodeDeployApi } from '../aws/codedeploy.js';
import type { LogsApi, LogStreamRef } from '../aws/logs.js';
import { reasonOf } from '../aws/errors.js';
import { logFollower, type FollowResult, type FollowTuning, type LogsOption } from '../codebuild/context.js';
import { findTarget, followTarget } from '../codebuild/run.js';
import { Tail, type Reporter } from '../core/reporter.js';
import type { Clock, Sleep } from '../core/time.js';
import { followDeployment, type DeployFollowTuning, type DeploymentOutcome } from '../deploy/follow.js';
import { isCodeBuild, isCodeDeploy, type ActionView } from './model.js';

export interface ActionFollowDeps {
  readonly codebuild: CodeBuildApi;
  readonly logs: LogsApi;
  readonly codedeploy: CodeDeployApi;
  /** Build and Commands logs: live, poll, or off (a build's phases only). */
  readonly logsMode: LogsOption;
  /** Warnings about what cannot be followed. */
  readonly reporter: Reporter;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly buildTuning?: FollowTuning;
  readonly deployTuning?: DeployFollowTuning;
}

export interface ActionResult {
  build?: FollowResult;
  deployment?: DeploymentOutcome;
  /** The last lines of a Commands action's log. */
  lastLines?: string[];
}

export interface ActionFollow {
  readonly kind: 'build' | 'deployment' | 'commands';
  /** The external id followed. */
  readonly externalId: string;
  /** Settles when following ended (never rejects: a failure to follow is a warning). */
  readonly done: Promise<void>;
  readonly result: ActionResult;
  /** The pipeline says the action is over (a Commands log is then read to its end). */
  actionFinished(): void;
  /** Stop following at once. */
  abort(): void;
}

/** The follower for an action, or undefined when there is nothing to follow (yet). */
export function followAction(action: ActionView, out: Reporter, deps: ActionFollowDeps): ActionFollow | undefined {
  if (isCodeBuild(action) && action.externalId) return followBuild(action, action.externalId, out, deps);
  if (isCodeDeploy(action) && action.externalId) return followDeploy(action, action.externalId, out, deps);
  if (action.logStreamArn && deps.logsMode !== 'off') {
    const stream = streamFromArn(action.logStreamArn);
    if (stream !== undefined) return followCommands(action.logStreamArn, stream, out, deps);
  }
  return undefined;
}

function followBuild(action: ActionView, id: string, out: Reporter, deps: ActionFollowDeps): ActionFollow {
  const controller = new AbortController();
  const result: ActionResult = {};
  const done = (async () => {
    try {
      const target = await findTarget(deps.codebuild, id);
      result.build = await followTarget(target, deps.logsMode, {
        codebuild: deps.codebuild,
        logs: deps.logs,
        reporter: out,
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        cancel: controller.signal,
        cancelStopsBuild: false,
        tuning: { ...deps.buildTuning, cancelGraceMs: 0 },
      });
    } catch (error) {
      if (!controller.signal.aborted) {
        deps.reporter.warning(`cannot follow build ${id} of action ${action.stage}/${action.name}: ${reasonOf(error)}`);
      }
    }
  })();
  return {
    kind: 'build',
    externalId: id,
    done,
    result,
    actionFinished: () => undefined,
    abort: () => controller.abort(),
  };
}

function followDeploy(action: ActionView, id: string, out: Reporter, deps: ActionFollowDeps): ActionFollow {
  const controller = new AbortController();
  const result: ActionResult = {};
  const done = (async () => {
    try {
      result.deployment = await followDeployment(id, {
        codedeploy: deps.codedeploy,
        reporter: out,
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        cancel: controller.signal,
        cancelStopsDeployment: false,
        tuning: deps.deployTuning,
      });
    } catch (error) {
      if (!controller.signal.aborted) {
        deps.reporter.warning(
          `cannot follow deployment ${id} of action ${action.stage}/${action.name}: ${reasonOf(error)}`,
        );
      }
    }
  })();
  return {
    kind: 'deployment',
    externalId: id,
    done,
    result,
    actionFinished: () => undefined,
    abort: () => controller.abort(),
  };
}

function followCommands(arn: string, stream: LogStreamRef, out: Reporter, deps: ActionFollowDeps): ActionFollow {
  const tail = new Tail();
  const result: ActionResult = {};
  const follower = logFollower(
    { ...deps, tuning: deps.buildTuning },
    stream,
    deps.logsMode === 'poll' ? 'poll' : 'live',
    (event) => {
      tail.push(event.message);
      out.line(event.message.replace(/\r?\n$/, ''));
    },
  );
  follower.start();
  let ending: Promise<unknown> | undefined;
  let release: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (release = resolve));
  const done = ended.then(async () => {
    await ending;
    result.lastLines = tail.lines();
  });
  return {
    kind: 'commands',
    externalId: arn,
    done,
    result,
    actionFinished: () => {
      ending ??= follower.finish();
      release();
    },
    abort: () => {
      ending ??= follower.abort();
      release();
    },
  };
}

/** `arn:aws:logs:<region>:<account>:log-group:<group>:log-stream:<stream>` → the stream. */
export function streamFromArn(arn: string): LogStreamRef | undefined {
  const m = /^(arn:[\w-]+:logs:[\w-]+:\d+:log-group:(.+?)):log-stream:(.+)$/.exec(arn);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { group: m[2], stream: m[3], groupArn: m[1] };
}
