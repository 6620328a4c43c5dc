/**
 * The image action: build the image, push it to ECR (repository ensured, login through stdin, password masked),
 * optionally point a CodeBuild project at it; outputs image, digest, tags, registry and a job summary.
 */
import { nodeExec } from '../../image/exec.js';
import { imageOptions } from '../../image/options.js';
import { runImage, type ImageDeps } from '../../image/run.js';
import type { TagContext } from '../../image/tags.js';
import { defaultBranch } from '../common/github-context.js';
import type { Action } from '../common/runtime.js';
import { useCaseAction } from '../common/use-case.js';

export function imageAction(deps: Partial<ImageDeps> = {}): Action {
  return useCaseAction({
    options: imageOptions,
    async run(options, io, step) {
      await runImage(options, io.reporter, {
        ...step,
        exec: nodeExec,
        tagContext: () => workflowTagContext(io.env),
        tmpDir: io.env.RUNNER_TEMP || undefined,
        ...deps,
      });
      return {};
    },
  });
}

/** The commit, ref and default branch of the workflow run, for the default tags. */
export function workflowTagContext(env: NodeJS.ProcessEnv): TagContext {
  return {
    sha: env.GITHUB_SHA?.trim() || undefined,
    ref: env.GITHUB_REF?.trim() || undefined,
    defaultBranch: defaultBranch(env),
  };
}
