/** The mirror action: GitHub branches and tags into CodeCommit, with the plan in the log and the job summary. */
import { selfCommand } from '../../mirror/git.js';
import { mirrorOptions } from '../../mirror/options.js';
import { runMirror, type MirrorDeps } from '../../mirror/run.js';
import { defaultBranch } from '../common/github-context.js';
import type { Action } from '../common/runtime.js';
import { useCaseAction } from '../common/use-case.js';

export function mirrorAction(deps: Partial<MirrorDeps> = {}): Action {
  return useCaseAction({
    options: mirrorOptions,
    run: (options, io, step) =>
      runMirror(options, io.reporter, { ...step, self: selfCommand(), defaultBranch: defaultBranch(io.env), ...deps }),
  });
}
