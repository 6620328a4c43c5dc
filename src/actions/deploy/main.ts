/**
 * The deploy action: create a CodeDeploy deployment from a folder (its appspec.yml checked first, zipped, uploaded to
 * S3) or a GitHub commit, or attach to one by id; follow it target by target through its lifecycle hooks; report the
 * failing hook's diagnostics, the rollback, outputs and a job summary.
 */
import { deployOptions } from '../../deploy/options.js';
import type { DeployDeps } from '../../deploy/run.js';
import type { Action } from '../common/runtime.js';
import { useCaseAction } from '../common/use-case.js';

export function deployAction(deps: Partial<DeployDeps> = {}): Action {
  return useCaseAction({
    options: deployOptions,
    // The use case (and what it loads) is imported once the inputs are read: a missing input fails at cold start.
    run: async (options, io, step) =>
      (await import('../../deploy/run.js')).runDeploy(options, io.reporter, {
        ...step,
        defaultDescription: (commit) => defaultDescription(io.env, commit),
        tmpDir: io.env.RUNNER_TEMP || undefined,
        onDeployment: (id, following) => step.follow({ id, rollback: options.rollbackOnCancel }, following),
        ...deps,
      }),
    stop: async (followed, io) =>
      (await import('../../deploy/run.js')).stopIfRunning(followed as { id: string; rollback: boolean }, io.reporter, {
        env: io.env,
        ...deps,
      }),
  });
}

/** `owner/repo@abc123def456 (run 42)`: where a deployment came from, shown in CodeDeploy's console. */
export function defaultDescription(env: NodeJS.ProcessEnv, commit: string | undefined): string | undefined {
  const repo = env.GITHUB_REPOSITORY;
  if (!repo) return undefined;
  const run = env.GITHUB_RUN_ID ? ` (run ${env.GITHUB_RUN_ID})` : '';
  return `Deployed by GitHub Actions: ${repo}${commit ? `@${commit.slice(0, 12)}` : ''}${run}`;
}
