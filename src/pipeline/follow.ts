/**
 * Following a pipeline execution: GetPipelineExecution + ListActionExecutions polled by the build action's
 * StatusPoller (every 3 s while something changes, every 10 s after a quiet minute — a manual approval may wait
 * for days — and throttling backed off by src/aws/retry.ts), shown stage by stage.
 *
 * How it reads in a GitHub log: each stage is a `::group::` opened live, when the stage starts, and closed when it
 * ends, followed by a one-line result outside the group (`Stage Build Failed in 2m 3s`). Live rather than printed
 * when the stage completes, because a stage can run for an hour (a build, a deployment, an approval waiting for
 * someone) and the log is watched while it runs: the open group is the one GitHub shows expanded and scrolls, so the
 * build's log streams in it as the build action's does. The collapsed log still reads as a list of stage results,
 * since the result line is outside its group. Stages of one execution run one after another, so groups never
 * overlap; when a poll shows several stages moving at once they are shown in pipeline order, and a stage's group
 * closes only once everything followed inside it (a build's log, a deployment's events) has been shown.
 * Groups cannot nest, so a build's phases are lines in the stage's group, not groups.
 *
 * Inside a stage: each action's status once per change (`Build (CodeBuild) InProgress`, `… Succeeded in 1m 2s`),
 * its summary and error as plain text, a CodeBuild action's build log, a CodeDeploy action's lifecycle events, and for
 * a manual approval the console URL where it is reviewed. When a stage runs several followed actions at once, their
 * lines are prefixed with the action's name.
 */
import type { CodePipelineApi, PipelineDeclaration, PipelineExecution } from '../aws/codepipeline.js';
import { statusRetry } from '../aws/retry.js';
import { watchCancel } from '../core/cancel.js';
import { formatDuration, millisBetween } from '../core/duration.js';
import { StatusPoller, type StatusIntervals } from '../core/poll.js';
import { scopedReporter, type Reporter } from '../core/reporter.js';
import type { Clock, Sleep } from '../core/time.js';
import { followAction, type ActionFollow, type ActionFollowDeps, type ActionResult } from './actions.js';
import { pipelineConsoleUrl } from './links.js';
import {
  FINAL_ACTION_STATUSES,
  FINAL_EXECUTION_STATUSES,
  isApproval,
  isCodeBuild,
  isCodeDeploy,
  pipelineView,
  type ActionView,
  type StageView,
} from './model.js';
import { stopExecution } from './stop.js';

export interface PipelineTuning {
  readonly status?: Partial<StatusIntervals>;
  /** After a cancel, keep following this long for the final status. Default 5 s. */
  readonly cancelGraceMs?: number;
}

/**
 * Stages are the Reporter's groups (a `::group::` per stage in the job log), each followed by its one-line result;
 * a manual approval waiting is a notice.
 */
export interface PipelineFollowDeps extends ActionFollowDeps {
  readonly codepipeline: CodePipelineApi;
  readonly region: string;
  /** The pipeline's structure (stage order, actions); followed without it when undefined. */
  readonly declaration?: PipelineDeclaration;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  /** Aborted on SIGINT/SIGTERM: the execution is stopped and followed a little longer. */
  readonly cancel?: AbortSignal;
  /** False: a cancel only stops following. Default true. */
  readonly cancelStopsExecution?: boolean;
  /** StopPipelineExecution's abandon. Default false. */
  readonly abandonOnCancel?: boolean;
  /** StopPipelineExecution's reason. */
  readonly stopReason?: string;
  readonly tuning?: PipelineTuning;
}

export interface PipelineOutcome {
  readonly execution: PipelineExecution;
  readonly stages: readonly StageView[];
  /** What was followed inside actions, by `stage/action`. */
  readonly followed: ReadonlyMap<string, ActionResult>;
  readonly cancelled: boolean;
  readonly statusCalls: number;
}

/**
 * Pipelines move slower than builds, and each read is two calls (the execution, its action executions): every 10 s
 * while something changes (one call per 5 s), every 30 s after a minute without change. The build actions inside are
 * followed by the build follower, whose log drives its status reads.
 */
export const PIPELINE_INTERVALS: StatusIntervals = {
  activeMs: 10_000,
  idleMs: 30_000,
  finalMs: 10_000,
  idleAfterMs: 60_000,
};

interface Snapshot {
  readonly execution: PipelineExecution;
  readonly stages: readonly StageView[];
  readonly signature: string;
}

export async function followExecution(
  pipeline: string,
  executionId: string,
  deps: PipelineFollowDeps,
): Promise<PipelineOutcome> {
  const presenter = new Presenter(pipeline, executionId, deps);
  // Snapshots are shown one after another; while one is being shown (a stage waits for its build's last lines),
  // newer ones replace each other: each shows every change since the last one shown.
  let pending: Snapshot | undefined;
  let showing: Promise<void> | undefined;
  let failure: unknown;
  const show = (snapshot: Snapshot): void => {
    pending = snapshot;
    showing ??= (async () => {
      try {
        while (pending !== undefined) {
          const next = pending;
          pending = undefined;
          await presenter.present(next);
        }
      } catch (error) {
        failure ??= error;
        poller.nudge();
      } finally {
        showing = undefined;
      }
    })();
  };

  const poller: StatusPoller<Snapshot> = new StatusPoller<Snapshot>({
    read: async () => {
      const execution = await deps.codepipeline.getPipelineExecution(pipeline, executionId);
      const details = await deps.codepipeline.listActionExecutions(pipeline, executionId);
      const stages = pipelineView(deps.declaration, details, execution.status);
      return { execution, stages, signature: signatureOf(execution, stages) };
    },
    isComplete: (s) => FINAL_EXECUTION_STATUSES.has(s.execution.status ?? ''),
    currentPhase: (s) => s.signature,
    onSnapshot: show,
    subject: `execution ${executionId} of pipeline ${pipeline}`,
    clock: deps.clock,
    sleep: deps.sleep,
    reporter: deps.reporter,
    retry: statusRetry(deps.random),
    intervals: { ...PIPELINE_INTERVALS, ...deps.tuning?.status },
    urgent: () => cancel.cancelled(),
    stop: () => failure !== undefined || cancel.expired(),
  });

  const abandon = deps.abandonOnCancel === true;
  // After the poller: a cancel that already happened nudges it at once.
  const cancel = watchCancel({
    signal: deps.cancel,
    stops: deps.cancelStopsExecution !== false,
    clock: deps.clock,
    graceMs: deps.tuning?.cancelGraceMs,
    onCancel: () => {
      presenter.abortAll();
      poller.nudge();
    },
    stop: async () => {
      deps.reporter.info(
        `Cancelled: stopping execution ${executionId} of ${pipeline} ` +
          (abandon ? '(abandoning the actions in progress)' : '(the actions in progress finish first)'),
      );
      const result = await stopExecution(deps.codepipeline, pipeline, executionId, {
        abandon,
        reason: deps.stopReason ?? 'the GitHub run that followed it was cancelled',
      });
      if (result.stopped)
        deps.reporter.info(`Stop requested for execution ${executionId}${result.note ? `: ${result.note}` : ''}`);
      else deps.reporter.warning(`could not stop execution ${executionId}: ${result.reason}`);
    },
  });
  let last: Snapshot;
  try {
    last = await poller.run();
    while (showing !== undefined) await showing;
    if (failure !== undefined) throw failure;
    await presenter.finish(last, cancel.cancelled());
  } catch (error) {
    presenter.abortAll();
    throw error;
  } finally {
    await cancel.dispose();
  }
  return {
    execution: last.execution,
    stages: last.stages,
    followed: presenter.results(),
    cancelled: cancel.cancelled(),
    statusCalls: poller.calls,
  };
}

interface Followed {
  readonly follow: ActionFollow;
  readonly stage: string;
}

class Presenter {
  /** Per `stage/action`: the `executionId:status` last shown. */
  private readonly shown = new Map<string, string>();
  private readonly followers = new Map<string, Followed>();
  /** Stages whose group was closed, with the action states they closed with. */
  private readonly closed = new Map<string, string>();
  private open: string | undefined;
  private lastStatus: string | undefined;
  private saidRevisions = false;
  private aborted = false;

  constructor(
    private readonly pipeline: string,
    private readonly executionId: string,
    private readonly deps: PipelineFollowDeps,
  ) {}

  async present(s: Snapshot): Promise<void> {
    this.presentExecution(s.execution);
    for (const stage of s.stages) {
      if (stage.status === 'NotStarted') continue;
      const state = stageState(stage);
      if (this.closed.get(stage.name) === state) continue;
      if (this.open !== stage.name) {
        await this.closeOpen(s);
        const again = this.closed.has(stage.name);
        this.closed.delete(stage.name);
        this.deps.reporter.group(`Stage ${oneLine(again ? `${stage.name} (again)` : stage.name)}`);
        this.open = stage.name;
      }
      const many = stage.actions.filter((a) => isCodeBuild(a) || isCodeDeploy(a) || a.logStreamArn).length > 1;
      for (const action of stage.actions) await this.presentAction(action, many);
      if (stage.status !== 'InProgress') await this.closeStage(stage);
    }
  }

  /** The last snapshot was shown: close what is open, and say how the execution ended. */
  async finish(s: Snapshot, cancelled: boolean): Promise<void> {
    if (cancelled) this.abortAll();
    else for (const f of this.followers.values()) f.follow.actionFinished();
    await this.closeOpen(s);
    const status = s.execution.status ?? 'Unknown';
    const took = executionSeconds(s.stages);
    const summary = s.execution.statusSummary?.trim();
    this.deps.reporter.info(
      `Pipeline ${this.pipeline} execution ${this.executionId} ${status}${took === undefined ? '' : ` in ${formatDuration(took * 1000)}`}`,
    );
    if (summary) this.deps.reporter.line(summary);
    if (status === 'Superseded') {
      this.deps.reporter.info('Superseded: a newer execution overtook this one and carries its changes on');
    }
  }

  results(): Map<string, ActionResult> {
    const out = new Map<string, ActionResult>();
    for (const [k, f] of this.followers) out.set(k, f.follow.result);
    return out;
  }

  abortAll(): void {
    this.aborted = true;
    for (const f of this.followers.values()) f.follow.abort();
  }

  private presentExecution(execution: PipelineExecution): void {
    if (!this.saidRevisions) {
      this.saidRevisions = true;
      for (const r of execution.artifactRevisions ?? []) {
        this.deps.reporter.info(`Source ${r.name ?? ''}: ${r.revisionId ?? '?'}`);
      }
    }
    const status = execution.status;
    if (status !== this.lastStatus) {
      this.lastStatus = status;
      if (status === 'Stopping') this.deps.reporter.info(`Execution ${this.executionId} Stopping`);
    }
  }

  /**
   * An action's news: its status when it changed (a final status only after what is followed inside it has been
   * shown to its end, so the build's last lines come before "Succeeded"), and following what it runs.
   */
  private async presentAction(action: ActionView, many: boolean): Promise<void> {
    const k = `${action.stage}/${action.name}`;
    const out = this.outputFor(action, many);
    const status = action.status;
    const now = `${action.actionExecutionId ?? ''}:${status ?? ''}`;
    const before = this.shown.get(k);
    const changed = status !== undefined && before !== now;
    if (changed) {
      this.shown.set(k, now);
      // A rerun (a retried stage) is a new action execution: followed afresh.
      if (before !== undefined && before.split(':')[0] !== (action.actionExecutionId ?? '')) this.forget(k);
    }
    const final = FINAL_ACTION_STATUSES.has(status ?? '');
    if (changed && !final) this.describe(action, out);
    this.startFollowing(action, k, out);
    if (!changed || !final) return;
    const followed = this.followers.get(k)?.follow;
    if (followed !== undefined) {
      if (status === 'Abandoned') followed.abort();
      else followed.actionFinished();
      await followed.done;
    }
    this.describe(action, out);
  }

  private describe(action: ActionView, out: Reporter): void {
    const what = action.provider ? `${action.name} (${action.provider})` : action.name;
    const status = action.status ?? '';
    const took =
      FINAL_ACTION_STATUSES.has(status) && action.startTime && action.lastUpdateTime
        ? ` in ${formatDuration(millisBetween(action.startTime, action.lastUpdateTime) ?? 0)}`
        : '';
    const by =
      isApproval(action) && FINAL_ACTION_STATUSES.has(status) && action.updatedBy ? ` by ${action.updatedBy}` : '';
    out.info(`${what} ${status}${took}${by}`);
    if (isApproval(action) && status === 'InProgress') {
      const url = pipelineConsoleUrl(this.deps.region, this.pipeline);
      this.deps.reporter.notice(
        oneLine(
          `Manual approval ${action.stage}/${action.name} is waiting for a review: ${url} (Review on the ${action.name} action)`,
        ),
        { title: 'Manual approval waiting' },
      );
      const custom = action.configuration?.CustomData?.trim();
      if (custom) out.line(custom);
      const link = action.configuration?.ExternalEntityLink?.trim();
      if (link) out.line(`URL for review: ${link}`);
      return;
    }
    if (action.summary?.trim()) out.line(action.summary.trim());
    if (action.error?.message?.trim()) {
      out.line(`${action.error.code ? `${action.error.code}: ` : ''}${action.error.message.trim()}`);
    }
  }

  private startFollowing(action: ActionView, k: string, out: Reporter): void {
    if (this.aborted || this.followers.has(k) || action.status === undefined || action.status === 'Abandoned') return;
    const follow = followAction(action, out, this.deps);
    if (follow !== undefined) this.followers.set(k, { follow, stage: action.stage });
  }

  /** A rerun action (a retried stage) is followed afresh. */
  private forget(k: string): void {
    const before = this.followers.get(k);
    if (before === undefined) return;
    before.follow.abort();
    this.followers.delete(k);
  }

  /** When a stage runs several followed actions at once, their lines carry the action's name. */
  private outputFor(action: ActionView, many: boolean): Reporter {
    if (!many) return this.deps.reporter;
    return scopedReporter(this.deps.reporter, { prefix: `[${action.name}] `, source: action.name });
  }

  private async closeOpen(s: Snapshot): Promise<void> {
    if (this.open === undefined) return;
    const stage = s.stages.find((st) => st.name === this.open);
    if (stage !== undefined) return this.closeStage(stage);
    // The structure changed under the execution: the stage is gone from the view.
    this.endStage(`Stage ${this.open}`);
    this.open = undefined;
  }

  private endStage(result: string): void {
    this.deps.reporter.groupEnd();
    this.deps.reporter.info(oneLine(result));
  }

  private async closeStage(stage: StageView): Promise<void> {
    await Promise.all([...this.followers.values()].filter((f) => f.stage === stage.name).map((f) => f.follow.done));
    const took =
      stage.startTime && stage.endTime
        ? ` in ${formatDuration(millisBetween(stage.startTime, stage.endTime) ?? 0)}`
        : '';
    this.endStage(`Stage ${stage.name} ${stage.status}${took}`);
    this.closed.set(stage.name, stageState(stage));
    if (this.open === stage.name) this.open = undefined;
  }
}

/** A stage's result goes after its group, so the collapsed log reads as a list of results. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** The action states a stage was shown with: a change reopens it (a retried stage). */
function stageState(stage: StageView): string {
  return stage.actions.map((a) => `${a.actionExecutionId ?? ''}:${a.status ?? ''}`).join(',');
}

function signatureOf(execution: PipelineExecution, stages: readonly StageView[]): string {
  return [
    execution.status ?? '',
    ...stages.map(
      (s) => `${s.name}=${s.status}:${stageState(s)}:${s.actions.map((a) => a.externalId ?? '').join(',')}`,
    ),
  ].join(';');
}

/** From the first action's start to the last one's update. */
export function executionSeconds(stages: readonly StageView[]): number | undefined {
  const starts = stages.map((s) => s.startTime?.getTime()).filter((t): t is number => t !== undefined);
  const ends = stages
    .flatMap((s) => s.actions.map((a) => a.lastUpdateTime?.getTime()))
    .filter((t): t is number => t !== undefined);
  if (starts.length === 0 || ends.length === 0) return undefined;
  return Math.max(0, Math.round((Math.max(...ends) - Math.min(...starts)) / 1000));
}
