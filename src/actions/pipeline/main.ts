/**
 * The pipeline action: find the CodePipeline execution the workflow's commit started (or start one, or attach to one
 * by id), follow it stage by stage with its builds' logs and deployments' events, and report its result as outputs, a
 * job summary and the step's result.
 */
import { pipelineOptions } from '../../pipeline/options.js';
import type { FollowedExecution, PipelineDeps } from '../../pipeline/run.js';
import { stopReason } from '../../pipeline/stop.js';
import type { Action } from '../common/runtime.js';
import { useCaseAction } from '../common/use-case.js';

export function pipelineAction(deps: Partial<PipelineDeps> = {}): Action {
  return useCaseAction({
    options: pipelineOptions,
    // The use case (and what it loads) is imported once the inputs are read: a missing input fails at cold start.
    run: async (options, io, step) =>
      (await import('../../pipeline/run.js')).runPipeline(options, io.reporter, {
        ...step,
        stopReason: stopReason(io.env, 'the GitHub run following it was cancelled'),
        onSelected: step.follow,
        ...deps,
      }),
    stop: async (followed, io) =>
      (await import('../../pipeline/run.js')).stopIfRunning(followed as FollowedExecution, io.reporter, {
        env: io.env,
        ...deps,
      }),
  });
}
