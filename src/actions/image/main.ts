/**
 * The image action: build the image, push it to ECR (repository ensured, login through stdin, password masked),
 * optionally point a CodeBuild project at it; outputs image, digest, tags, registry and a job summary.
 */
import { readFileSync } from 'node:fs';
import { inputNaming, readInputs } from '../../core/options.js';
import { nodeExec } from '../../image/exec.js';
import { imageOptions } from '../../image/options.js';
import { runImage, type ImageDeps } from '../../image/run.js';
import type { TagContext } from '../../image/tags.js';
import type { Action } from '../common/runtime.js';

export function imageAction(deps: Partial<ImageDeps> = {}): Action {
  return {
    async main(io) {
      const options = readInputs(imageOptions, io.input, io.env);
      await runImage(options, io.reporter, {
        env: io.env,
        cwd: io.workspace,
        naming: inputNaming(imageOptions),
        exec: nodeExec,
        tagContext: () => workflowTagContext(io.env),
        tmpDir: io.env.RUNNER_TEMP || undefined,
        signal: io.signal,
        ...deps,
      });
      return undefined;
    },
  };
}

/** The commit, ref and default branch of the workflow run, for the default tags. */
export function workflowTagContext(env: NodeJS.ProcessEnv): TagContext {
  let defaultBranch: string | undefined;
  if (env.GITHUB_EVENT_PATH) {
    try {
      const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
        repository?: { default_branch?: unknown };
      };
      const branch = payload.repository?.default_branch;
      if (typeof branch === 'string' && branch !== '') defaultBranch = branch;
    } catch {
      // No readable event payload: no `latest` tag.
    }
  }
  return { sha: env.GITHUB_SHA?.trim() || undefined, ref: env.GITHUB_REF?.trim() || undefined, defaultBranch };
}
