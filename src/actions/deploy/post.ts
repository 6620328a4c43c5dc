import { describeError } from '../../common/errors.js';
import { WorkflowLog } from '../../common/workflow-log.js';
import { createDeployClients, type DeployClients } from '../../deploy/clients.js';
import { FINAL_DEPLOYMENT_STATUSES } from '../../deploy/follow.js';
import { stopDeployment } from '../../deploy/stop.js';
import { getState } from '../../core/github-runner.js';
import { State } from './main.js';

export interface PostDeps {
  readonly getState: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly clients?: DeployClients;
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
 * The post step: when the main step followed a deployment that is still running (the job was cancelled or timed out
 * and the main step was killed before it could stop it), stop it (rolling back unless rollback-on-cancel was false).
 * A deployment created with `wait: false` is left alone. Never fails the job.
 */
export async function runPost(deps: PostDeps): Promise<'stopped' | 'nothing'> {
  const id = deps.getState(State.DeploymentId);
  if (id === '' || deps.getState(State.Followed) !== 'true' || deps.getState(State.Complete) === 'true') {
    return 'nothing';
  }
  let clients = deps.clients;
  try {
    clients ??= createDeployClients({ env: deps.env });
    const deployment = await clients.codedeploy.getDeployment(id);
    if (FINAL_DEPLOYMENT_STATUSES.has(deployment.status ?? '')) return 'nothing';
    const rollback = deps.getState(State.RollbackOnCancel) !== 'false';
    const result = await stopDeployment(clients.codedeploy, id, rollback);
    if (!result.stopped) {
      deps.warning(`could not stop deployment ${id}: ${result.reason}`);
      return 'nothing';
    }
    deps.info(
      `The job ended while deployment ${id} was running: stopped it${rollback ? ' (updated targets roll back)' : ''}`,
    );
    return 'stopped';
  } catch (error) {
    deps.warning(`post step: ${describeError(error)}`);
    return 'nothing';
  } finally {
    if (deps.clients === undefined) clients?.dispose();
  }
}
