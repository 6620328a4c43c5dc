/**
 * The pipeline action: find the CodePipeline execution the workflow's commit started (or start one, or attach to one
 * by id), follow it stage by stage with its builds' logs and deployments' events, and report its result as outputs, a
 * job summary and the step's result.
 */
import { pipelineOptions } from '../../pipeline/options.js';
import { runPipeline, stopIfRunning, type FollowedExecution, type PipelineDeps } from '../../pipeline/run.js';
import { stopReason } from '../../pipeline/stop.js';
import type { Action } from '../common/runtime.js';
import { useCaseAction } from '../common/use-case.js';

export function pipelineAction(deps: Partial<PipelineDeps> = {}): Action {
  return useCaseAction({
    options: pipelineOptions,
    run: (options, io, step) =>
      runPipeline(options, io.reporter, {
        ...step,
        stopReason: stopReason(io.env, 'the GitHub run following it was cancelled'),
        onSelected: step.follow,
        ...deps,
      }),
    stop: (followed, io) => stopIfRunning(followed as FollowedExecution, io.reporter, { env: io.env, ...deps }),
  });
}
