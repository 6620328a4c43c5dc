import type { CodeBuildProjectApi } from '../../aws/codebuild.js';
import type { EcrApi } from '../../aws/ecr.js';
import { toUserError } from '../../aws/errors.js';
import { describeError } from '../../core/errors.js';
import { WorkflowLog, type TextSink } from '../../core/workflow-log.js';
import { createImageClients, type ImageClients } from '../../image/clients.js';
import { nodeExec, type Exec } from '../../image/exec.js';
import { publishImage, type ImageLog, type ImageResult } from '../../image/publish.js';
import { imageSummaryMarkdown } from '../../image/summary.js';
import * as runner from '../../core/github-runner.js';
import { Outputs, readImageInputs, workflowTagContext } from './inputs.js';

export interface ImageActionDeps {
  readonly getInput: (name: string) => string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: TextSink;
  readonly setOutput: (name: string, value: string) => void;
  readonly setFailed: (message: string) => void;
  readonly writeSummary: (markdown: string) => Promise<void>;
  /** Default: SDK clients from the environment. */
  readonly ecr?: EcrApi;
  readonly codebuild?: (region: string | undefined) => CodeBuildProjectApi;
  /** Runs docker/podman/buildah. Default: nodeExec. */
  readonly exec?: Exec;
  readonly tmpDir?: string;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
}

export function defaultDeps(signal?: AbortSignal): ImageActionDeps {
  return {
    getInput: (name) => runner.getInput(name),
    env: process.env,
    stdout: process.stdout,
    setOutput: (name, value) => runner.setOutput(name, value),
    setFailed: (message) => runner.setFailed(message),
    writeSummary: (markdown) => runner.appendSummary(markdown),
    signal,
  };
}

/**
 * The image action: build the image, push it to ECR (repository ensured, login through stdin, password masked),
 * optionally point a CodeBuild project at it; outputs image, digest, tags, registry and a job summary.
 */
export async function run(deps: ImageActionDeps): Promise<ImageResult | undefined> {
  const log = new WorkflowLog(deps.stdout);
  let clients: ImageClients | undefined;
  try {
    const workspace = deps.env.GITHUB_WORKSPACE ?? process.cwd();
    const settings = readImageInputs(deps.getInput, workspace, deps.env);
    // push: false makes no AWS call: no clients, so neither credentials nor a region are needed.
    if (settings.push && (deps.ecr === undefined || deps.codebuild === undefined)) {
      clients = createImageClients({ env: deps.env, region: settings.region });
    }
    const made = clients;
    const result = await publishImage(settings, {
      ecr: deps.ecr ?? made?.ecr,
      codebuild: deps.codebuild ?? (made ? (region) => made.codebuild(region) : undefined),
      exec: deps.exec ?? nodeExec,
      env: deps.env,
      log: actionLog(log),
      tagContext: workflowTagContext(deps.env),
      tmpDir: deps.tmpDir,
      signal: deps.signal,
    });
    log.close();
    deps.setOutput(Outputs.Image, result.image);
    deps.setOutput(Outputs.Digest, result.digest ?? '');
    deps.setOutput(Outputs.Tags, result.tags.join('\n'));
    deps.setOutput(Outputs.Registry, result.registry);
    await deps.writeSummary(imageSummaryMarkdown(result));
    return result;
  } catch (error) {
    log.close();
    deps.setFailed(describeError(toUserError(error)));
    return undefined;
  } finally {
    clients?.dispose();
  }
}

/** A `::group::` per step, tool output fenced so it cannot forge workflow commands, secrets masked first. */
function actionLog(log: WorkflowLog): ImageLog {
  return {
    async group(title, body) {
      log.openGroup(title);
      try {
        return await body();
      } finally {
        log.closeGroup();
      }
    },
    output: (chunk) => void log.raw(chunk),
    info: (message) => log.status(message),
    warning: (message) => log.warning(message),
    mask: (secret) => log.mask(secret),
  };
}
