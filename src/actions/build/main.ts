/**
 * The build action: start a CodeBuild build or batch build for the workflow's commit (or attach to one with build-id),
 * show its log live grouped by phase, and report its result as outputs, a job summary and the step's result.
 */
import type { BuildDeps } from '../../codebuild/build.js';
import { buildOptions } from '../../codebuild/options.js';
import type { StopTarget } from '../../codebuild/stop.js';
import type { Action } from '../common/runtime.js';
import { useCaseAction } from '../common/use-case.js';

export function buildAction(deps: Partial<BuildDeps> = {}): Action {
  return useCaseAction({
    options: buildOptions,
    // The use case (and what it loads) is imported once the inputs are read: a missing input fails at cold start.
    run: async (options, io, step) =>
      (await import('../../codebuild/build.js')).runBuild(
        { ...options, sourceVersion: options.sourceVersion ?? step.defaultCommit() },
        io.reporter,
        {
          ...step,
          onTarget: (target, following) =>
            step.follow({ kind: target.kind, id: target.id } satisfies StopTarget, following),
          ...deps,
        },
      ),
    stop: async (followed, io) =>
      (await import('../../codebuild/build.js')).stopIfRunning(followed as StopTarget, io.reporter, {
        env: io.env,
        ...deps,
      }),
  });
}
