/** The mirror action: GitHub branches and tags into CodeCommit, with the plan in the log and the job summary. */
import { readFileSync } from 'node:fs';
import { inputNaming, readInputs } from '../../core/options.js';
import { selfCommand } from '../../mirror/git.js';
import { mirrorOptions } from '../../mirror/options.js';
import { runMirror, type MirrorDeps } from '../../mirror/run.js';
import type { Action } from '../common/runtime.js';

export function mirrorAction(deps: Partial<MirrorDeps> = {}): Action {
  return {
    async main(io) {
      const options = readInputs(mirrorOptions, io.input, io.env);
      const run = await runMirror(options, io.reporter, {
        env: io.env,
        cwd: io.workspace,
        naming: inputNaming(mirrorOptions),
        self: selfCommand(),
        defaultBranch: defaultBranch(io.env),
        signal: io.signal,
        ...deps,
      });
      return run.failure;
    },
  };
}

/** GitHub's default branch from the event payload, pushed first into an empty repository. */
function defaultBranch(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      repository?: { default_branch?: unknown };
    };
    const branch = payload.repository?.default_branch;
    return typeof branch === 'string' && branch !== '' ? branch : undefined;
  } catch {
    return undefined;
  }
}
