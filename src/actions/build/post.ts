import { createBuildClients, type BuildClients } from '../../codebuild/clients.js';
import { stopTarget, type StopTarget } from '../../codebuild/stop.js';
import { FINAL_STATUSES } from '../../codebuild/types.js';
import { describeError } from '../../common/errors.js';
import { WorkflowLog } from '../../common/workflow-log.js';
import { getState } from './runner-io.js';
import { State } from './main.js';

export interface PostDeps {
  readonly getState: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly clients?: BuildClients;
}

export function defaultPostDeps(): PostDeps {
  const log = new WorkflowLog(process.stdout);
  return {
    getState: (name) => getState(name),
    env: process.env,
    info: (message) => log.status(message),
    warning: (message) => log.warning(message),
  };
}

/**
 * The post step: when the main step followed a build that is still running (the job was cancelled or timed out and
 * the main step was killed before it could stop it), stop it. A build started with `wait: false` is left alone.
 * Never fails the job.
 */
export async function runPost(deps: PostDeps): Promise<'stopped' | 'nothing'> {
  const saved = deps.getState(State.Target);
  if (saved === '' || deps.getState(State.Followed) !== 'true' || deps.getState(State.Complete) === 'true') {
    return 'nothing';
  }
  let clients = deps.clients;
  try {
    const target = JSON.parse(saved) as StopTarget;
    clients ??= createBuildClients({ env: deps.env });
    const status =
      target.kind === 'batch'
        ? (await clients.codebuild.getBuildBatch(target.id))?.buildBatchStatus
        : (await clients.codebuild.getBuilds([target.id]))[0]?.buildStatus;
    if (status === undefined || FINAL_STATUSES.has(status)) return 'nothing';
    const result = await stopTarget(clients.codebuild, target);
    if (!result.stopped) {
      deps.warning(`could not stop ${target.id}: ${result.reason}`);
      return 'nothing';
    }
    deps.info(
      `The job ended while ${target.kind === 'batch' ? 'batch build' : 'build'} ${target.id} was running: stopped it`,
    );
    return 'stopped';
  } catch (error) {
    deps.warning(`post step: ${describeError(error)}`);
    return 'nothing';
  } finally {
    if (deps.clients === undefined) clients?.dispose();
  }
}
