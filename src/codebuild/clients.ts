/** The SDK clients a build is followed with (CodeBuild, CloudWatch Logs, Live Tail), made from one environment. */
import { codeBuildApi, createCodeBuildClient, type CodeBuildApi } from '../aws/codebuild.js';
import type { ClientOptions } from '../aws/config.js';
import { createLiveTailClient, createLogsClient, logsApi, type LogsApi } from '../aws/logs.js';

export interface BuildClients {
  readonly codebuild: CodeBuildApi;
  readonly logs: LogsApi;
  /** Closes the connections (an open HTTP/2 session would keep the process alive). */
  dispose(): void;
}

/**
 * Following a build makes many calls; a few more attempts than the SDK default ride out throttling storms (StartBuild
 * is safe to retry: it carries an idempotency token). AWS_MAX_ATTEMPTS still wins.
 */
export const BUILD_MAX_ATTEMPTS = 8;

export function createBuildClients(opts: ClientOptions = {}): BuildClients {
  const env = opts.env ?? process.env;
  const credentials = opts.credentials ?? credentialsFromEnv(env);
  const options: ClientOptions = {
    ...opts,
    maxAttempts: opts.maxAttempts ?? (env.AWS_MAX_ATTEMPTS?.trim() ? undefined : BUILD_MAX_ATTEMPTS),
    ...(credentials !== undefined ? { credentials } : {}),
  };
  const codebuild = createCodeBuildClient(options);
  const logs = createLogsClient(options);
  const liveTail = createLiveTailClient(options);
  return {
    codebuild: codeBuildApi(codebuild),
    logs: logsApi(logs, liveTail),
    dispose() {
      codebuild.destroy();
      logs.destroy();
      liveTail.destroy();
    },
  };
}

/**
 * Keys in the given environment, as the SDK's first credentials provider reads them from process.env: so an injected
 * environment (tests, the CLI's context) is used for credentials too, not only for the endpoint and region.
 */
function credentialsFromEnv(env: NodeJS.ProcessEnv) {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
