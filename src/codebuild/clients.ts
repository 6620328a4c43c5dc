/**
 * The SDK clients a build is followed with (CodeBuild, CloudWatch Logs, Live Tail), made from one environment; S3 for
 * its artifacts only when they are to be downloaded (loaded then).
 */
import {
  codeBuildApi,
  codeBuildReportsApi,
  createCodeBuildClient,
  type CodeBuildApi,
  type CodeBuildReportsApi,
} from '../aws/codebuild.js';
import { followClientOptions, type ClientOptions } from '../aws/config.js';
import { createLiveTailClient, createLogsClient, logsApi, type LogsApi } from '../aws/logs.js';
import type { S3DownloadApi } from '../aws/s3-read.js';

export interface BuildClients {
  readonly codebuild: CodeBuildApi;
  readonly logs: LogsApi;
  /** The build's test and coverage reports; without it they are not read. */
  readonly reports?: CodeBuildReportsApi;
  /** S3 for download-artifacts, made on first use. */
  readonly artifacts?: () => Promise<S3DownloadApi>;
  /** Closes the connections (an open HTTP/2 session would keep the process alive). */
  dispose(): void;
}

/** StartBuild is safe to retry with the follow clients' extra attempts: it carries an idempotency token. */
export function createBuildClients(opts: ClientOptions = {}): BuildClients {
  const options = followClientOptions(opts);
  const codebuild = createCodeBuildClient(options);
  const logs = createLogsClient(options);
  const liveTail = createLiveTailClient(options);
  let s3: { destroy(): void } | undefined;
  return {
    codebuild: codeBuildApi(codebuild),
    logs: logsApi(logs, liveTail),
    reports: codeBuildReportsApi(codebuild),
    artifacts: async () => {
      const { createS3Client, s3DownloadApi } = await import('../aws/s3-read.js');
      const client = createS3Client(opts);
      s3?.destroy();
      s3 = client;
      return s3DownloadApi(client);
    },
    dispose() {
      codebuild.destroy();
      logs.destroy();
      liveTail.destroy();
      s3?.destroy();
    },
  };
}
