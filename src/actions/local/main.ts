import path from 'node:path';
/** The local action: validate the buildspec, run it here (or in an image), report outputs and a job summary. */
import { awsEnvResolver } from '../../aws/env-resolver.js';
import { nodeExec } from '../../image/exec.js';
import { inImageRunner } from '../../image/run-in-image.js';
import { runLocal, type LocalDeps } from '../../runner/local.js';
import { localOptions } from '../../runner/options.js';
import type { Action } from '../common/runtime.js';
import { useCaseAction } from '../common/use-case.js';

export function localAction(deps: Partial<LocalDeps> = {}): Action {
  return useCaseAction({
    options: localOptions,
    run: (options, io, step) =>
      runLocal(options, io.reporter, {
        ...step,
        env: buildEnvironment(io.env),
        resolveAwsEnv: awsEnvResolver({ region: options.region, env: io.env }),
        inImage: inImageRunner({ exec: nodeExec, env: io.env }),
        defaultReportJson: (artifactsDir) => path.join(artifactsDir, 'build.json'),
        defaultProject: io.env.GITHUB_REPOSITORY?.split('/')[1],
        sourceVersion: io.env.GITHUB_SHA,
        ...deps,
      }),
  });
}

/**
 * The GitHub runner's environment as the build's image, without the runner's own plumbing for this step: the
 * file-command paths (a build writing to GITHUB_OUTPUT would set the step's outputs, e.g. build-status) and the
 * ACTIONS_* tokens and URLs. A CodeBuild build has none of them.
 */
const RUNNER_PLUMBING = /^(GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)|ACTIONS_.*)$/;

export function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !RUNNER_PLUMBING.test(name)));
}
