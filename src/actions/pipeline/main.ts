import { randomUUID } from 'node:crypto';
import { resolveRegion } from '../../aws/config.js';
import { toUserError } from '../../aws/errors.js';
import type { FollowTuning } from '../../codebuild/context.js';
import type { Clock, Sleep } from '../../codebuild/types.js';
import { describeError } from '../../common/errors.js';
import { WorkflowLog, type TextSink } from '../../common/workflow-log.js';
import type { DeployFollowTuning } from '../../deploy/follow.js';
import { createPipelineClients, type PipelineClients } from '../../pipeline/clients.js';
import { followExecution, type PipelineOutcome, type PipelineTuning } from '../../pipeline/follow.js';
import { executionConsoleUrl } from '../../pipeline/links.js';
import {
  pipelineFailures,
  pipelineFailureSummary,
  pipelineOutputs,
  pipelineSummaryMarkdown,
} from '../../pipeline/report.js';
import { declarationFor, describeSelected, readDeclaration, selectExecution } from '../../pipeline/run.js';
import { stopReason } from '../../pipeline/stop.js';
import { actionLogger } from '../build/output.js';
import * as runner from '../../core/github-runner.js';
import { annotate } from '../deploy/output.js';
import { Outputs, readPipelineInputs } from './inputs.js';
import { pipelineActionOutput } from './output.js';

/** State the post step reads (core.saveState). */
export enum State {
  IsPost = 'isPost',
  /** `{ pipeline, executionId }` */
  Execution = 'execution',
  /** The main step followed it; the post step stops it if it is still running. */
  Followed = 'followed',
  Complete = 'complete',
  Abandon = 'abandon',
}

export interface PipelineActionDeps {
  readonly getInput: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: TextSink;
  readonly setOutput: (name: string, value: string) => void;
  readonly setFailed: (message: string) => void;
  readonly saveState: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  /** Default: SDK clients from the environment. */
  readonly clients?: PipelineClients;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  /** StartPipelineExecution's clientRequestToken. */
  readonly token?: () => string;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly tuning?: { pipeline?: PipelineTuning; build?: FollowTuning; deploy?: DeployFollowTuning };
}

export function defaultDeps(signal?: AbortSignal): PipelineActionDeps {
  return {
    getInput: (name) => runner.getInput(name),
    env: process.env,
    stdout: process.stdout,
    setOutput: (name, value) => runner.setOutput(name, value),
    setFailed: (message) => runner.setFailed(message),
    saveState: (name, value) => runner.saveState(name, value),
    writeSummary: (markdown) => runner.appendSummary(markdown),
    signal,
  };
}

/**
 * The pipeline action: find the CodePipeline execution the workflow's commit started (or start one, or attach to one
 * by id), follow it stage by stage with its builds' logs and deployments' events, and report its result as outputs, a
 * job summary and the step's result.
 */
export async function run(deps: PipelineActionDeps): Promise<PipelineOutcome | undefined> {
  const log = new WorkflowLog(deps.stdout);
  const logger = actionLogger(log);
  let clients = deps.clients;
  try {
    const settings = readPipelineInputs(deps.getInput, deps.env);
    const region = resolveRegion(undefined, deps.env);
    clients ??= createPipelineClients({ env: deps.env });
    const { pipeline } = settings;
    const latest = await readDeclaration(clients.codepipeline, pipeline, logger);
    const selected = await selectExecution(clients.codepipeline, pipeline, latest, settings.selection, {
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      logger,
      say: (text) => log.status(text),
      token: deps.token ?? randomUUID,
      signal: deps.signal,
    });
    const url = executionConsoleUrl(region, pipeline, selected.executionId);
    log.status(describeSelected(selected, pipeline, url));
    deps.setOutput(Outputs.ExecutionId, selected.executionId);
    deps.setOutput(Outputs.ExecutionUrl, url);
    deps.saveState(State.Execution, JSON.stringify({ pipeline, executionId: selected.executionId }));
    if (!settings.wait) {
      const execution = await clients.codepipeline.getPipelineExecution(pipeline, selected.executionId);
      deps.setOutput(Outputs.Status, execution.status ?? '');
      log.info(`Not waiting (wait: false): follow it later with execution-id: ${selected.executionId}`);
      return undefined;
    }
    deps.saveState(State.Followed, 'true');
    deps.saveState(State.Abandon, String(settings.abandonOnCancel));
    const declaration = await declarationFor(clients.codepipeline, pipeline, selected.executionId, latest, logger);
    const outcome = await followExecution(pipeline, selected.executionId, {
      codepipeline: clients.codepipeline,
      codebuild: clients.codebuild,
      logs: clients.logs,
      codedeploy: clients.codedeploy,
      logsMode: settings.logs,
      output: pipelineActionOutput(log),
      logger,
      region,
      declaration,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      cancel: deps.signal,
      abandonOnCancel: settings.abandonOnCancel,
      stopReason: stopReason(deps.env, 'the GitHub run following it was cancelled'),
      buildTuning: deps.tuning?.build,
      deployTuning: deps.tuning?.deploy,
      tuning: deps.tuning?.pipeline,
    });
    await report(outcome, pipeline, region, log, deps);
    return outcome;
  } catch (error) {
    log.close();
    deps.setFailed(describeError(toUserError(error)));
    return undefined;
  } finally {
    log.close();
    if (deps.clients === undefined) clients?.dispose();
  }
}

async function report(
  outcome: PipelineOutcome,
  pipeline: string,
  region: string,
  log: WorkflowLog,
  deps: PipelineActionDeps,
): Promise<void> {
  const status = outcome.execution.status ?? 'Unknown';
  if (status !== 'InProgress' && status !== 'Stopping') deps.saveState(State.Complete, 'true');
  for (const [name, value] of Object.entries(pipelineOutputs(outcome, region, pipeline))) deps.setOutput(name, value);
  await deps.writeSummary(pipelineSummaryMarkdown(outcome, { pipeline, region }));
  if (status === 'Succeeded') return;
  log.close();
  if (status === 'Superseded') {
    log.warning(
      `execution ${outcome.execution.pipelineExecutionId ?? ''} of ${pipeline} was superseded by a newer execution, ` +
        'which carries its changes on; the newer run reports the result',
    );
    return;
  }
  if (outcome.cancelled) {
    deps.setFailed(`the run was cancelled, so the execution was stopped: ${pipelineFailureSummary(outcome, pipeline)}`);
    return;
  }
  annotate(log, pipelineFailures(outcome));
  log.close();
  deps.setFailed(pipelineFailureSummary(outcome, pipeline));
}
