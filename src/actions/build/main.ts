import { randomUUID } from 'node:crypto';
import { findingAnnotation } from '../../cli/findings.js';
import { prepareBuildspec } from '../../codebuild/buildspec.js';
import { createBuildClients, type BuildClients } from '../../codebuild/clients.js';
import type { FollowResult, FollowTuning } from '../../codebuild/context.js';
import { failures, failureSummary, resultOutputs, statusOf, summaryMarkdown } from '../../codebuild/report.js';
import { findTarget, followTarget, startTarget, type Target } from '../../codebuild/run.js';
import type { Clock, Sleep } from '../../codebuild/types.js';
import { WorkflowLog, type TextSink } from '../../common/workflow-log.js';
import { toUserError } from '../../aws/errors.js';
import { describeError } from '../../common/errors.js';
import { Outputs, readBuildInputs, type BuildActionSettings } from './inputs.js';
import { actionLogger, actionOutput } from './output.js';
import * as runner from './runner-io.js';

/** State the post step reads (core.saveState). */
export enum State {
  IsPost = 'isPost',
  Target = 'target',
  /** The main step followed the build (wait: true); the post step stops it if it is still running. */
  Followed = 'followed',
  Complete = 'complete',
}

export interface BuildActionDeps {
  readonly getInput: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: TextSink;
  readonly setOutput: (name: string, value: string) => void;
  readonly setFailed: (message: string) => void;
  readonly saveState: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  /** Default: SDK clients from the environment. */
  readonly clients?: BuildClients;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  readonly idempotencyToken?: () => string;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly tuning?: FollowTuning;
}

export function defaultDeps(signal?: AbortSignal): BuildActionDeps {
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
 * The build action: start a CodeBuild build or batch build for the workflow's commit (or attach to a running one with
 * build-id), show its log live grouped by phase, and report its result as outputs, a job summary and the step's result.
 */
export async function run(deps: BuildActionDeps): Promise<FollowResult | undefined> {
  const log = new WorkflowLog(deps.stdout);
  let clients = deps.clients;
  try {
    const settings = readBuildInputs(deps.getInput, deps.env);
    clients ??= createBuildClients({ env: deps.env });
    const target = await startOrAttach(settings, clients, log, deps);
    if (target === undefined) return undefined;
    deps.setOutput(Outputs.BuildId, target.id);
    deps.setOutput(Outputs.LogsUrl, target.logsUrl ?? '');
    deps.saveState(State.Target, JSON.stringify({ kind: target.kind, id: target.id }));
    if (!settings.wait) {
      deps.setOutput(Outputs.BuildNumber, target.number === undefined ? '' : String(target.number));
      deps.setOutput(Outputs.BuildStatus, target.status ?? '');
      log.info(`Not waiting (wait: false): attach later with build-id: ${target.id}`);
      return undefined;
    }
    deps.saveState(State.Followed, 'true');
    const result = await followTarget(target, settings.logs, {
      codebuild: clients.codebuild,
      logs: clients.logs,
      output: actionOutput(log),
      logger: actionLogger(log),
      cancel: deps.signal,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      tuning: deps.tuning,
    });
    await report(result, log, deps);
    return result;
  } catch (error) {
    log.close();
    deps.setFailed(describeError(toUserError(error)));
    return undefined;
  } finally {
    log.close();
    if (deps.clients === undefined) clients?.dispose();
  }
}

async function startOrAttach(
  settings: BuildActionSettings,
  clients: BuildClients,
  log: WorkflowLog,
  deps: BuildActionDeps,
): Promise<Target | undefined> {
  if (settings.attach !== undefined) {
    const target = await findTarget(clients.codebuild, settings.attach);
    log.info(`Following ${describe(target)}`);
    return target;
  }
  const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
  const buildspec = prepareBuildspec(settings.buildspec, workspace);
  for (const finding of buildspec.findings) log.command(findingAnnotation(finding));
  if (buildspec.note !== undefined) log.info(`Note: ${buildspec.note}`);
  if (buildspec.invalid) {
    const errors = buildspec.findings.filter((f) => f.severity === 'error').length;
    log.close();
    deps.setFailed(
      `${buildspec.shown ?? 'the buildspec'} has ${errors} error${errors === 1 ? '' : 's'}; no build was started`,
    );
    return undefined;
  }
  const batch = settings.batch === 'auto' ? buildspec.hasBatch : settings.batch === 'true';
  const start = settings.start;
  if (start === undefined) throw new Error('no start settings');
  const target = await startTarget(
    clients.codebuild,
    { ...start, buildspec: buildspec.override, idempotencyToken: (deps.idempotencyToken ?? randomUUID)() },
    batch,
  );
  log.info(`Started ${describe(target)}`);
  return target;
}

function describe(target: Target): string {
  const what = target.kind === 'batch' ? 'batch build' : 'build';
  const number = target.number === undefined ? '' : ` #${target.number}`;
  const project = target.projectName === undefined ? '' : ` of ${target.projectName}`;
  return `${what} ${target.id}${number}${project}${target.consoleUrl ? `: ${target.consoleUrl}` : ''}`;
}

async function report(result: FollowResult, log: WorkflowLog, deps: BuildActionDeps): Promise<void> {
  const complete =
    result.kind === 'build' ? result.outcome.build.buildComplete === true : result.batch.complete === true;
  if (complete) deps.saveState(State.Complete, 'true');
  for (const [name, value] of Object.entries(resultOutputs(result))) deps.setOutput(name, value);
  await deps.writeSummary(summaryMarkdown(result));
  const status = statusOf(result);
  log.info(`${result.kind === 'batch' ? 'Batch build' : 'Build'} ${status}`);
  if (status === 'SUCCEEDED') return;
  const found = failures(result);
  log.close();
  if (result.cancelled) {
    deps.setFailed(`the run was cancelled, so the build was stopped: ${failureSummary(result)}`);
    return;
  }
  if (result.kind === 'build') {
    deps.setFailed(found[0]?.message ?? failureSummary(result));
    return;
  }
  for (const failure of found) log.error(failure.message, { title: failure.title });
  log.close();
  deps.setFailed(failureSummary(result));
}
