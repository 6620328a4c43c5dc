/** The SDK clients a pipeline execution is followed with: CodePipeline, and what its actions run (CodeBuild with its
 * CloudWatch Logs, CodeDeploy), made from one environment. */
import type { CodeBuildApi, CodeBuildReportsApi } from '../aws/codebuild.js';
import { codeDeployApi, createCodeDeployClient, type CodeDeployApi } from '../aws/codedeploy.js';
import { codePipelineApi, createCodePipelineClient, type CodePipelineApi } from '../aws/codepipeline.js';
import { clientPool, followClientOptions, type ClientOptions } from '../aws/config.js';
import type { LogsApi } from '../aws/logs.js';
import { buildClientsIn } from '../codebuild/clients.js';

export interface PipelineClients {
  readonly codepipeline: CodePipelineApi;
  readonly codebuild: CodeBuildApi;
  /** The test reports of the builds the CodeBuild actions ran; without it they are not read. */
  readonly reports?: CodeBuildReportsApi;
  readonly logs: LogsApi;
  readonly codedeploy: CodeDeployApi;
  /** Closes the connections (an open HTTP/2 session would keep the process alive). */
  dispose(): void;
}

export function createPipelineClients(opts: ClientOptions = {}): PipelineClients {
  const pool = clientPool(followClientOptions(opts));
  const { codebuild, logs, reports } = buildClientsIn(pool);
  return {
    codepipeline: codePipelineApi(pool.open(createCodePipelineClient)),
    codebuild,
    reports,
    logs,
    codedeploy: codeDeployApi(pool.open(createCodeDeployClient)),
    dispose: () => pool.dispose(),
  };
}
