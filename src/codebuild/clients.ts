/**
 * The SDK clients a build is followed with (CodeBuild, CloudWatch Logs, Live Tail), made from one environment. (S3,
 * for download-artifacts only, is made by build.ts when it is needed: artifacts-client.ts.)
 */
import {
  codeBuildApi,
  codeBuildReportsApi,
  createCodeBuildClient,
  type CodeBuildApi,
  type CodeBuildReportsApi,
} from '../aws/codebuild.js';
import { clientPool, followClientOptions, type ClientOptions, type ClientPool } from '../aws/config.js';
import { createLiveTailClient, createLogsClient, logsApi, type LogsApi } from '../aws/logs.js';
import type { S3DownloadApi } from '../aws/s3-read.js';

export interface BuildClients {
  readonly codebuild: CodeBuildApi;
  readonly logs: LogsApi;
  /** The build's test and coverage reports; without it they are not read. */
  readonly reports?: CodeBuildReportsApi;
  /** S3 for download-artifacts; default: a client made from the same environment when needed. */
  readonly artifacts?: () => Promise<S3DownloadApi>;
  /** Closes the connections (an open HTTP/2 session would keep the process alive). */
  dispose(): void;
}

/**
 * StartBuild is safe to retry with the follow clients' extra attempts: it carries an idempotency token. The log
 * follower owns its retries of GetLogEvents (it waits longer than the SDK would after throttling, and reads from where
 * it stopped), so the Logs client makes one attempt per call.
 */
export function createBuildClients(opts: ClientOptions = {}): BuildClients {
  return buildClientsIn(clientPool(followClientOptions(opts)));
}

/** The build clients, opened in `pool` (a pipeline's, which follows builds among other things). */
export function buildClientsIn(pool: ClientPool): BuildClients & { readonly reports: CodeBuildReportsApi } {
  const codebuild = pool.open(createCodeBuildClient);
  return {
    codebuild: codeBuildApi(codebuild),
    logs: logsApi(pool.open(createLogsClient, { maxAttempts: 1 }), pool.open(createLiveTailClient)),
    reports: codeBuildReportsApi(codebuild),
    dispose: () => pool.dispose(),
  };
}
