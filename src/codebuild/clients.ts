/** The SDK clients a build is followed with (CodeBuild, CloudWatch Logs, Live Tail), made from one environment. */
import { codeBuildApi, createCodeBuildClient, type CodeBuildApi } from '../aws/codebuild.js';
import { clientPool, followClientOptions, type ClientOptions, type ClientPool } from '../aws/config.js';
import { createLiveTailClient, createLogsClient, logsApi, type LogsApi } from '../aws/logs.js';

export interface BuildClients {
  readonly codebuild: CodeBuildApi;
  readonly logs: LogsApi;
  /** Closes the connections (an open HTTP/2 session would keep the process alive). */
  dispose(): void;
}

/** StartBuild is safe to retry with the follow clients' extra attempts: it carries an idempotency token. */
export function createBuildClients(opts: ClientOptions = {}): BuildClients {
  return buildClientsIn(clientPool(followClientOptions(opts)));
}

/** The build clients, opened in `pool` (a pipeline's, which follows builds among other things). */
export function buildClientsIn(pool: ClientPool): BuildClients {
  return {
    codebuild: codeBuildApi(pool.open(createCodeBuildClient)),
    logs: logsApi(pool.open(createLogsClient), pool.open(createLiveTailClient)),
    dispose: () => pool.dispose(),
  };
}
