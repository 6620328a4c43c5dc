import { existsSync } from 'node:fs';
import path from 'node:path';
import { resolveRegion } from '../../aws/config.js';
import { toUserError } from '../../aws/errors.js';
import { findingAnnotation } from '../../cli/findings.js';
import type { Clock, Sleep } from '../../codebuild/types.js';
import { describeError } from '../../common/errors.js';
import { WorkflowLog, type TextSink } from '../../common/workflow-log.js';
import { checkBundle } from '../../deploy/bundle.js';
import { createDeployClients, type DeployClients } from '../../deploy/clients.js';
import { followDeployment, type DeployFollowTuning, type DeploymentOutcome } from '../../deploy/follow.js';
import {
  deploymentConsoleUrl,
  deploymentFailures,
  deploymentFailureSummary,
  deploymentOutputs,
  deploymentSummaryMarkdown,
} from '../../deploy/report.js';
import { createDeployment } from '../../deploy/run.js';
import { actionLogger } from '../build/output.js';
import * as runner from '../../core/github-runner.js';
import { Outputs, readDeployInputs, type DeployActionSettings } from './inputs.js';
import { annotate, deployActionOutput } from './output.js';

/** State the post step reads (core.saveState). */
export enum State {
  IsPost = 'isPost',
  DeploymentId = 'deploymentId',
  /** The main step followed it; the post step stops it if it is still running. */
  Followed = 'followed',
  Complete = 'complete',
  RollbackOnCancel = 'rollbackOnCancel',
}

export interface DeployActionDeps {
  readonly getInput: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: TextSink;
  readonly setOutput: (name: string, value: string) => void;
  readonly setFailed: (message: string) => void;
  readonly saveState: (name: string, value: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  /** Default: SDK clients from the environment. */
  readonly clients?: DeployClients;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly tuning?: DeployFollowTuning;
  /** Where the bundle is zipped (default: the OS temp folder). */
  readonly tmpDir?: string;
}

export function defaultDeps(signal?: AbortSignal): DeployActionDeps {
  return {
    getInput: (name) => runner.getInput(name),
    env: process.env,
    stdout: process.stdout,
    setOutput: (name, value) => runner.setOutput(name, value),
    setFailed: (message) => runner.setFailed(message),
    saveState: (name, value) => runner.saveState(name, value),
    writeSummary: (markdown) => runner.appendSummary(markdown),
    signal,
    tmpDir: process.env.RUNNER_TEMP || undefined,
  };
}

/**
 * The deploy action: create a CodeDeploy deployment from a folder (its appspec.yml checked first, zipped, uploaded to
 * S3) or a GitHub commit, or attach to one by id; follow it target by target through its lifecycle hooks; report the
 * failing hook's diagnostics, the rollback, outputs and a job summary.
 */
export async function run(deps: DeployActionDeps): Promise<DeploymentOutcome | undefined> {
  const log = new WorkflowLog(deps.stdout);
  const logger = actionLogger(log);
  let clients = deps.clients;
  try {
    const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    const settings = readDeployInputs(deps.getInput, deps.env, workspace);
    const region = resolveRegion(undefined, deps.env);
    const create = settings.create;
    if (create?.source.kind === 's3') {
      const check = checkBundle(create.source.folder, create.shownFolder ?? '.');
      for (const finding of check.findings) log.command(findingAnnotation(finding));
      if (check.invalid) {
        const errors = check.findings.filter((f) => f.severity === 'error').length;
        log.close();
        deps.setFailed(`${check.appspecFile} has ${errors} error${errors === 1 ? '' : 's'}; no deployment was created`);
        return undefined;
      }
    }
    clients ??= createDeployClients({ env: deps.env });
    let id: string;
    let location: string | undefined;
    if (create !== undefined) {
      const created = await createDeployment(
        {
          settings: create.settings,
          source: create.source,
          ...(create.commit !== undefined ? { commit: create.commit } : {}),
          ...(deps.tmpDir !== undefined ? { tmpDir: deps.tmpDir } : {}),
        },
        clients,
        (text) => log.status(text),
      );
      id = created.id;
      location = created.prepared.location;
    } else {
      id = settings.attach ?? '';
      await clients.codedeploy.getDeployment(id);
      log.status(`Following deployment ${id}`);
    }
    log.status(`Console: ${deploymentConsoleUrl(region, id)}`);
    deps.setOutput(Outputs.DeploymentId, id);
    deps.saveState(State.DeploymentId, id);
    if (!settings.wait) {
      const deployment = await clients.codedeploy.getDeployment(id);
      deps.setOutput(Outputs.Status, deployment.status ?? '');
      log.info(`Not waiting (wait: false): follow it later with deployment-id: ${id}`);
      return undefined;
    }
    deps.saveState(State.Followed, 'true');
    deps.saveState(State.RollbackOnCancel, String(settings.rollbackOnCancel));
    const outcome = await followDeployment(id, {
      codedeploy: clients.codedeploy,
      output: deployActionOutput(log),
      logger,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      cancel: deps.signal,
      rollbackOnCancel: settings.rollbackOnCancel,
      tuning: deps.tuning,
    });
    await report(outcome, settings, workspace, region, location, log, deps);
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
  outcome: DeploymentOutcome,
  settings: DeployActionSettings,
  workspace: string,
  region: string,
  location: string | undefined,
  log: WorkflowLog,
  deps: DeployActionDeps,
): Promise<void> {
  const status = outcome.deployment.status ?? 'Unknown';
  if (status === 'Succeeded' || status === 'Failed' || status === 'Stopped') deps.saveState(State.Complete, 'true');
  for (const [name, value] of Object.entries(deploymentOutputs(outcome))) deps.setOutput(name, value);
  await deps.writeSummary(deploymentSummaryMarkdown(outcome, { region, ...(location ? { location } : {}) }));
  if (status === 'Succeeded') return;
  log.close();
  if (outcome.cancelled) {
    deps.setFailed(`the run was cancelled, so the deployment was stopped: ${deploymentFailureSummary(outcome)}`);
    return;
  }
  annotate(log, deploymentFailures(outcome, { scriptFile: scriptFileIn(settings, workspace) }));
  log.close();
  deps.setFailed(deploymentFailureSummary(outcome));
}

/** A failing script's file in the workspace, when the bundle was made from a folder there. */
function scriptFileIn(settings: DeployActionSettings, workspace: string) {
  const source = settings.create?.source;
  if (source?.kind !== 's3') return undefined;
  return (scriptName: string): string | undefined => {
    const relative = scriptName.replace(/\\/g, '/').replace(/^\/+/, '');
    const file = path.join(source.folder, ...relative.split('/'));
    if (relative === '' || !existsSync(file)) return undefined;
    return path.relative(workspace, file).split(path.sep).join('/');
  };
}
