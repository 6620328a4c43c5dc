/** The SDK clients a build is followed with (CodeBuild, CloudWatch Logs, Live Tail), made from one environment. */
import { codeBuildApi, createCodeBuildClient, type CodeBuildApi } from '../aws/codebuild.js';
import { followClientOptions, type ClientOptions } from '../aws/config.js';
import { createLiveTailClient, createLogsClient, logsApi, type LogsApi } from '../aws/logs.js';

export interface BuildClients {
  readonly codebuild: CodeBuildApi;
  readonly logs: LogsApi;
  /** Closes the connections (an open HTTP/2 session would keep the process alive). */
  dispose(): void;
}

/**
 * StartBuild is safe to retry with the follow clients' extra attempts: it carries an idempotency token. The log
 * follower owns its retries of GetLogEvents (it waits longer than the SDK would after throttling, and reads from where
 * it stopped), so the Logs client makes one attempt per call.
 */
export function createBuildClients(opts: ClientOptions = {}): BuildClients {
  const options = followClientOptions(opts);
  const codebuild = createCodeBuildClient(options);
  const logs = createLogsClient({ ...options, maxAttempts: 1 });
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
