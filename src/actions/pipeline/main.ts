/**
 * The pipeline action: find the CodePipeline execution the workflow's commit started (or start one, or attach to one
 * by id), follow it stage by stage with its builds' logs and deployments' events, and report its result as outputs, a
 * job summary and the step's result.
 */
import { inputNaming, readInputs } from '../../core/options.js';
import { pipelineOptions } from '../../pipeline/options.js';
import { runPipeline, stopIfRunning, type FollowedExecution, type PipelineDeps } from '../../pipeline/run.js';
import { stopReason } from '../../pipeline/stop.js';
import { workflowCommit } from '../common/github-context.js';
import type { Action } from '../common/runtime.js';

export function pipelineAction(deps: Partial<PipelineDeps> = {}): Action {
  return {
    async main(io) {
      const options = readInputs(pipelineOptions, io.input, io.env);
      const run = await runPipeline(options, io.reporter, {
        env: io.env,
        naming: inputNaming(pipelineOptions),
        defaultCommit: () => workflowCommit(io.env),
        signal: io.signal,
        stopReason: stopReason(io.env, 'the GitHub run following it was cancelled'),
        onSelected: (followed, following) => {
          if (following) io.follow(followed);
        },
        ...deps,
      });
      if (run.settled) io.settled();
      return run.failure;
    },
    async post(followed, io) {
      await stopIfRunning(followed as FollowedExecution, io.reporter, { env: io.env, ...deps });
    },
  };
}
