/**
 * The pipeline action's and `aws-cicd pipeline`'s shared core: read the pipeline's structure, pick the execution to
 * follow (the one a commit started, a new one, or one given by id), then follow it (follow.ts).
 */
import { randomUUID } from 'node:crypto';
import type { CodePipelineApi, PipelineDeclaration } from '../aws/codepipeline.js';
import { resolveRegion } from '../aws/config.js';
import { isAccessDenied } from '../aws/errors.js';
import type { CodeBuildReportsApi } from '../aws/codebuild.js';
import type { FollowTuning } from '../codebuild/context.js';
import { readReports, type ReportSource } from '../codebuild/test-reports.js';
import { testAnnotations, testReportsMarkdown, type ReportResult } from '../core/test-reports.js';
import type { OptionNaming } from '../core/options.js';
import type { DeployFollowTuning } from '../deploy/follow.js';
import type { PipelineClients } from './clients.js';
import { followExecution, type PipelineOutcome, type PipelineTuning } from './follow.js';
import { executionConsoleUrl } from './links.js';
import type { PipelineOptions } from './options.js';
import {
  PipelineOutputs,
  pipelineFailures,
  pipelineFailureSummary,
  pipelineOutputs,
  pipelineSummaryMarkdown,
  pipelineTable,
} from './report.js';
import { stopExecution, stopReason } from './stop.js';
import type { Failure, Reporter } from '../core/reporter.js';
import type { Clock, Sleep } from '../core/time.js';

/** Where selecting an execution says what it does. */
type Logger = Pick<Reporter, 'info' | 'warning' | 'debug'>;
import { UserError } from '../core/errors.js';
import { withResource } from '../core/resource.js';
import {
  ACTION_NAMES,
  checkStartRequest,
  findExecutionForCommit,
  startInput,
  type OptionNames,
  type PipelineVariableSetting,
  type SourceRevisionSetting,
} from './start.js';

export type Selection =
  | { readonly kind: 'commit'; readonly commit: string; readonly waitSeconds: number }
  | {
      readonly kind: 'start';
      readonly variables: readonly PipelineVariableSetting[];
      readonly sourceRevisions: readonly SourceRevisionSetting[];
    }
  | { readonly kind: 'attach'; readonly executionId: string };

export interface SelectDeps {
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly logger: Logger;
  /** A line of ours (waiting for the execution…). */
  readonly say: (text: string) => void;
  /** StartPipelineExecution's clientRequestToken. */
  readonly token: () => string;
  readonly names?: OptionNames;
  readonly signal?: AbortSignal;
}

/**
 * The pipeline's structure at `version` (default: the latest). A missing pipeline is a UserError; without permission
 * to read it (codepipeline:GetPipeline) the execution is still followed, its stages in the order they ran.
 */
export async function readDeclaration(
  api: CodePipelineApi,
  pipeline: string,
  logger: Logger,
  version?: number,
): Promise<PipelineDeclaration | undefined> {
  try {
    return await api.getPipeline(pipeline, version);
  } catch (error) {
    if (isAccessDenied((error as { cause?: unknown }).cause)) {
      logger.warning(
        `cannot read the structure of pipeline ${pipeline} (${(error as Error).message}); stages are shown in the ` +
          'order they run and stages that did not run are not shown',
      );
      return undefined;
    }
    if (
      version !== undefined &&
      (error as { cause?: { name?: unknown } }).cause?.name === 'PipelineVersionNotFoundException'
    ) {
      return undefined;
    }
    throw error;
  }
}

export interface Selected {
  readonly executionId: string;
  readonly how: 'found' | 'started' | 'attached';
  /** The commit it was found for. */
  readonly commit?: string;
}

/** `Started execution X of pipeline P`, `Following execution X of pipeline P (started by commit C)`. */
export function describeSelected(selected: Selected, pipeline: string, url?: string): string {
  const what = `execution ${selected.executionId} of pipeline ${pipeline}`;
  const head =
    selected.how === 'started'
      ? `Started ${what}`
      : `Following ${what}${selected.commit ? ` (started by commit ${selected.commit})` : ''}`;
  return url ? `${head}: ${url}` : head;
}

/** The id of the execution to follow, and how it was chosen. */
export async function selectExecution(
  api: CodePipelineApi,
  pipeline: string,
  declaration: PipelineDeclaration | undefined,
  selection: Selection,
  deps: SelectDeps,
): Promise<Selected> {
  const names = deps.names ?? ACTION_NAMES;
  switch (selection.kind) {
    case 'attach': {
      const execution = await api.getPipelineExecution(pipeline, selection.executionId);
      return { executionId: execution.pipelineExecutionId ?? selection.executionId, how: 'attached' };
    }
    case 'start': {
      const request = {
        pipeline,
        variables: selection.variables,
        sourceRevisions: selection.sourceRevisions,
        clientRequestToken: deps.token(),
      };
      checkStartRequest(request, declaration, names);
      const executionId = await api.startPipelineExecution(startInput(request));
      return { executionId, how: 'started' };
    }
    case 'commit': {
      if (selection.commit.trim() === '') throw new UserError('no commit to find the execution of');
      const found = await findExecutionForCommit(api, pipeline, selection.commit, {
        waitSeconds: selection.waitSeconds,
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        logger: deps.logger,
        onWaiting: deps.say,
        names,
        signal: deps.signal,
      });
      return { executionId: found.pipelineExecutionId ?? '', how: 'found', commit: selection.commit };
    }
  }
}

/** The structure the execution ran with, when it is not the one read already. */
export async function declarationFor(
  api: CodePipelineApi,
  pipeline: string,
  executionId: string,
  latest: PipelineDeclaration | undefined,
  logger: Logger,
): Promise<PipelineDeclaration | undefined> {
  if (latest === undefined) return undefined;
  const execution = await api.getPipelineExecution(pipeline, executionId);
  const version = execution.pipelineVersion;
  if (version === undefined || version === latest.version) return latest;
  return (await readDeclaration(api, pipeline, logger, version)) ?? latest;
}

export interface PipelineDeps {
  readonly env: NodeJS.ProcessEnv;
  /** How the face names its options in messages (`input "start"`, `--start`). */
  readonly naming: OptionNaming;
  /** The commit to look for when none is given: the workflow's (the action), git HEAD (the CLI). */
  readonly defaultCommit?: () => string | undefined;
  /** Default: clients made from `env` (and the region option), closed at the end. */
  readonly clients?: PipelineClients;
  readonly signal?: AbortSignal;
  /** Called once the execution is known: `following` says whether it will be followed to its end. */
  readonly onSelected?: (followed: FollowedExecution, following: boolean) => void;
  /** StopPipelineExecution's reason when the run is cancelled. */
  readonly stopReason?: string;
  /** StartPipelineExecution's clientRequestToken. */
  readonly token?: () => string;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly tuning?: { pipeline?: PipelineTuning; build?: FollowTuning; deploy?: DeployFollowTuning };
}

/** What a post step needs to stop an execution. */
export interface FollowedExecution {
  readonly pipeline: string;
  readonly executionId: string;
  readonly abandon: boolean;
}

export interface PipelineRun {
  readonly selected?: Selected;
  readonly outcome?: PipelineOutcome;
  readonly failure?: Failure;
  readonly exitCode: number;
  /** The followed execution ended (a post step has nothing to stop). */
  readonly settled?: boolean;
}

/** Which execution the options ask for; the cross-option rules, worded with the face's names. */
export function selectionOf(options: PipelineOptions, deps: Pick<PipelineDeps, 'naming' | 'defaultCommit'>): Selection {
  const name = deps.naming;
  const chosen = [options.commit !== undefined, options.start, options.executionId !== undefined];
  if (options.executionId !== undefined && chosen.filter(Boolean).length > 1) {
    throw new UserError(
      `${name('executionId')} follows a given execution: leave out ${name('start')} and ${name('commit')}`,
      { exitCode: 2 },
    );
  }
  const variables = options.variables.map(([variable, value]) => ({ name: variable, value }));
  if (options.executionId !== undefined) return { kind: 'attach', executionId: options.executionId };
  if (options.start) {
    if (options.commit !== undefined) {
      throw new UserError(
        `${name('commit')} finds the execution a commit started; to start one at a commit, give ` +
          `${name('sourceRevisions')} <SourceActionName>=${options.commit}`,
        { exitCode: 2 },
      );
    }
    return { kind: 'start', variables, sourceRevisions: options.sourceRevisions };
  }
  if (variables.length > 0 || options.sourceRevisions.length > 0) {
    const which = variables.length > 0 ? 'variables' : 'sourceRevisions';
    throw new UserError(`${name(which)} applies to a new execution: add ${name('start')}`, { exitCode: 2 });
  }
  const commit = options.commit ?? deps.defaultCommit?.();
  if (commit === undefined) {
    throw new UserError(`no commit to look for: give ${name('commit')}, ${name('start')} or ${name('executionId')}`, {
      exitCode: 2,
    });
  }
  return { kind: 'commit', commit, waitSeconds: options.waitForExecutionSeconds };
}

/** Finds, starts or attaches to an execution and follows it to its end. */
export async function runPipeline(
  options: PipelineOptions,
  reporter: Reporter,
  deps: PipelineDeps,
): Promise<PipelineRun> {
  const selection = selectionOf(options, deps);
  const pipeline = options.pipelineName;
  const region = resolveRegion(options.region, deps.env);
  return withResource(
    deps.clients,
    async () => (await import('./clients.js')).createPipelineClients({ env: deps.env, region }),
    async (clients) => {
      const latest = await readDeclaration(clients.codepipeline, pipeline, reporter);
      const names = optionNames(deps.naming);
      const selected = await selectExecution(clients.codepipeline, pipeline, latest, selection, {
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        logger: reporter,
        say: (text) => reporter.info(text),
        token: deps.token ?? randomUUID,
        names,
        signal: deps.signal,
      });
      const url = executionConsoleUrl(region, pipeline, selected.executionId);
      reporter.info(describeSelected(selected, pipeline, url));
      reporter.setOutput(PipelineOutputs.ExecutionId, selected.executionId);
      reporter.setOutput(PipelineOutputs.ExecutionUrl, url);
      deps.onSelected?.(
        { pipeline, executionId: selected.executionId, abandon: options.abandonOnCancel },
        options.wait,
      );
      if (!options.wait) {
        const execution = await clients.codepipeline.getPipelineExecution(pipeline, selected.executionId);
        reporter.setOutput(PipelineOutputs.Status, execution.status ?? '');
        reporter.info(`Not waiting: follow it later with ${deps.naming('executionId')} ${selected.executionId}`);
        return { selected, exitCode: 0 };
      }
      const declaration = await declarationFor(clients.codepipeline, pipeline, selected.executionId, latest, reporter);
      const outcome = await followExecution(pipeline, selected.executionId, {
        codepipeline: clients.codepipeline,
        codebuild: clients.codebuild,
        logs: clients.logs,
        codedeploy: clients.codedeploy,
        logsMode: options.logs,
        reporter,
        region,
        declaration,
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        cancel: deps.signal,
        abandonOnCancel: options.abandonOnCancel,
        stopReason: deps.stopReason ?? 'the run following it was cancelled',
        buildTuning: deps.tuning?.build,
        deployTuning: deps.tuning?.deploy,
        tuning: deps.tuning?.pipeline,
      });
      const status = outcome.execution.status ?? 'Unknown';
      for (const [name, value] of Object.entries(pipelineOutputs(outcome, region, pipeline)))
        reporter.setOutput(name, value);
      const reports = await buildReports(outcome, clients.reports, reporter, deps.signal);
      const { annotations, more } = testAnnotations(reports);
      for (const a of annotations) reporter.error(a.message, a.where);
      if (more > 0) reporter.info(`${more} more failed tests are not annotated (see the job summary)`);
      const reportsMarkdown = testReportsMarkdown(reports);
      await reporter.summary(
        pipelineSummaryMarkdown(outcome, { pipeline, region }) + (reportsMarkdown === '' ? '' : `\n${reportsMarkdown}`),
      );
      reporter.table(pipelineTable(outcome, pipeline));
      const settled = status !== 'InProgress' && status !== 'Stopping';
      if (status === 'Succeeded') return { selected, outcome, settled, exitCode: 0 };
      if (status === 'Superseded') {
        reporter.warning(
          `execution ${outcome.execution.pipelineExecutionId ?? ''} of ${pipeline} was superseded by a newer execution, ` +
            'which carries its changes on; the newer run reports the result',
        );
        return { selected, outcome, settled, exitCode: 0 };
      }
      const summary = pipelineFailureSummary(outcome, pipeline);
      if (outcome.cancelled) {
        return {
          selected,
          outcome,
          settled,
          exitCode: 1,
          failure: { message: `the run was cancelled, so the execution was stopped: ${summary}` },
        };
      }
      for (const failure of pipelineFailures(outcome)) reporter.error(failure.message, failure);
      return { selected, outcome, settled, exitCode: 1, failure: { message: summary } };
    },
  );
}

/**
 * The test reports of the builds the execution's CodeBuild actions ran (each labelled `<stage>/<action>`, a batch
 * child's `<stage>/<action>/<identifier>`), read once the execution ended; a failure to read them is a warning.
 */
async function buildReports(
  outcome: PipelineOutcome,
  api: CodeBuildReportsApi | undefined,
  reporter: Reporter,
  signal?: AbortSignal,
): Promise<ReportResult[]> {
  if (api === undefined) return [];
  const sources: ReportSource[] = [];
  for (const [action, result] of outcome.followed) {
    const build = result.build;
    if (build === undefined) continue;
    if (build.kind === 'build') sources.push({ build: build.outcome.build, identifier: action });
    else for (const c of build.children) sources.push({ build: c.build, identifier: `${action}/${c.identifier}` });
  }
  try {
    return await readReports(api, sources, signal);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    reporter.warning(`the test reports of the pipeline's builds could not be read: ${error.message}`);
    return [];
  }
}

/** The names the start checks use in their messages. */
function optionNames(naming: OptionNaming): OptionNames {
  return {
    variables: naming('variables'),
    sourceRevisions: naming('sourceRevisions'),
    wait: naming('waitForExecutionSeconds'),
    start: naming('start'),
  };
}

/**
 * The post step of the pipeline action: an execution the main step followed and did not see end is stopped,
 * abandoning its actions when abandon-on-cancel said so.
 */
export async function stopIfRunning(
  followed: FollowedExecution,
  reporter: Reporter,
  deps: { readonly env: NodeJS.ProcessEnv; readonly clients?: PipelineClients },
): Promise<boolean> {
  const { pipeline, executionId, abandon } = followed;
  return withResource(
    deps.clients,
    async () => (await import('./clients.js')).createPipelineClients({ env: deps.env }),
    async (clients) => {
      const execution = await clients.codepipeline.getPipelineExecution(pipeline, executionId);
      if (execution.status !== 'InProgress') return false;
      const result = await stopExecution(clients.codepipeline, pipeline, executionId, {
        abandon,
        reason: stopReason(deps.env, 'the GitHub job following it ended while it ran'),
      });
      if (!result.stopped) {
        reporter.warning(`could not stop execution ${executionId} of ${pipeline}: ${result.reason}`);
        return false;
      }
      reporter.info(
        `The job ended while execution ${executionId} of ${pipeline} was running: stopped it` +
          (abandon ? ' (actions in progress abandoned)' : ' (actions in progress finish first)'),
      );
      return true;
    },
  );
}
