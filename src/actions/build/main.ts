/**
 * The build action: start a CodeBuild build or batch build for the workflow's commit (or attach to one with build-id),
 * show its log live grouped by phase, and report its result as outputs, a job summary and the step's result.
 */
import { runBuild, stopIfRunning, type BuildDeps } from '../../codebuild/build.js';
import { buildOptions } from '../../codebuild/options.js';
import type { StopTarget } from '../../codebuild/stop.js';
import { readInputs } from '../../core/options.js';
import { workflowCommit } from '../common/github-context.js';
import type { Action } from '../common/runtime.js';

export function buildAction(deps: Partial<BuildDeps> = {}): Action {
  return {
    async main(io) {
      const options = readInputs(buildOptions, io.input, io.env);
      const run = await runBuild(
        { ...options, sourceVersion: options.sourceVersion ?? workflowCommit(io.env) },
        io.reporter,
        {
          env: io.env,
          cwd: io.workspace,
          signal: io.signal,
          onTarget: (target, following) => {
            if (following) io.follow({ kind: target.kind, id: target.id } satisfies StopTarget);
          },
          ...deps,
        },
      );
      if (run.settled) io.settled();
      return run.failure;
    },
    async post(followed, io) {
      await stopIfRunning(followed as StopTarget, io.reporter, { env: io.env, ...deps });
    },
  };
}
