import { describeError } from '../../common/errors.js';
import { WorkflowLog } from '../../common/workflow-log.js';
import { createPipelineClients, type PipelineClients } from '../../pipeline/clients.js';
import { stopExecution, stopReason } from '../../pipeline/stop.js';
import { getState } from '../../core/github-runner.js';
import { State } from './main.js';

export interface PostDeps {
  readonly getState: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly info: (message: string) => void;
  readonly warning: (message: string) => void;
  readonly clients?: PipelineClients;
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
 * The post step: when the main step followed an execution that is still running (the job was cancelled or timed out
 * and the main step was killed before it could stop it), stop it, abandoning its actions when abandon-on-cancel said
 * so. An execution found or started with `wait: false` is left alone. Never fails the job.
 */
export async function runPost(deps: PostDeps): Promise<'stopped' | 'nothing'> {
  const saved = deps.getState(State.Execution);
  if (saved === '' || deps.getState(State.Followed) !== 'true' || deps.getState(State.Complete) === 'true') {
    return 'nothing';
  }
  let clients = deps.clients;
  try {
    const { pipeline, executionId } = JSON.parse(saved) as { pipeline: string; executionId: string };
    clients ??= createPipelineClients({ env: deps.env });
    const execution = await clients.codepipeline.getPipelineExecution(pipeline, executionId);
    if (execution.status !== 'InProgress') return 'nothing';
    const abandon = deps.getState(State.Abandon) === 'true';
    const result = await stopExecution(clients.codepipeline, pipeline, executionId, {
      abandon,
      reason: stopReason(deps.env, 'the GitHub job following it ended while it ran'),
    });
    if (!result.stopped) {
      deps.warning(`could not stop execution ${executionId} of ${pipeline}: ${result.reason}`);
      return 'nothing';
    }
    deps.info(
      `The job ended while execution ${executionId} of ${pipeline} was running: stopped it` +
        (abandon ? ' (actions in progress abandoned)' : ' (actions in progress finish first)'),
    );
    return 'stopped';
  } catch (error) {
    deps.warning(`post step: ${describeError(error)}`);
    return 'nothing';
  } finally {
    if (deps.clients === undefined) clients?.dispose();
  }
}
