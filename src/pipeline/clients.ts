/** The SDK clients a pipeline execution is followed with: CodePipeline, and what its actions run (CodeBuild with its
 * CloudWatch Logs, CodeDeploy), made from one environment. */
import { createBuildClients } from '../codebuild/clients.js';
import type { CodeBuildApi, CodeBuildReportsApi } from '../aws/codebuild.js';
import { codeDeployApi, createCodeDeployClient, type CodeDeployApi } from '../aws/codedeploy.js';
import { codePipelineApi, createCodePipelineClient, type CodePipelineApi } from '../aws/codepipeline.js';
import { followClientOptions, type ClientOptions } from '../aws/config.js';
import type { LogsApi } from '../aws/logs.js';

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
  const options = followClientOptions(opts);
  const build = createBuildClients(options);
  const codepipeline = createCodePipelineClient(options);
  const codedeploy = createCodeDeployClient(options);
  return {
    codepipeline: codePipelineApi(codepipeline),
    codebuild: build.codebuild,
    ...(build.reports !== undefined ? { reports: build.reports } : {}),
    logs: build.logs,
    codedeploy: codeDeployApi(codedeploy),
    dispose() {
      build.dispose();
      codepipeline.destroy();
      codedeploy.destroy();
    },
  };
}
