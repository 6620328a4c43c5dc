/**
 * Pipeline declarations for tests, shaped as CreatePipeline takes them:
 *
 *   await client.send(new CreatePipelineCommand({ pipeline: pipelineDeclaration('app', [
 *     codeCommitSourceStage({ repository: 'app' }),
 *     codeBuildStage({ project: 'app-build' }),
 *   ]) }));
 */
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from '@aws-sdk/client-codepipeline';

export const PIPELINE_ROLE = 'arn:aws:iam::000000000000:role/codepipeline-service-role';
export const ARTIFACT_BUCKET = 'codepipeline-us-east-1-000000000000';

export function pipelineDeclaration(
  name: string,
  stages: StageDeclaration[],
  extra: Partial<PipelineDeclaration> = {},
): PipelineDeclaration {
  return {
    name,
    roleArn: PIPELINE_ROLE,
    artifactStore: { type: 'S3', location: ARTIFACT_BUCKET },
    stages,
    ...extra,
  };
}

export interface CodeCommitSourceOptions {
  repository: string;
  /** Default main. */
  branch?: string;
  /** Default 'false': the emulated EventBridge rule starts executions on pushes (trigger CloudWatchEvent). */
  pollForSourceChanges?: 'true' | 'false' | undefined;
  /** Default SourceOutput. */
  output?: string;
  /** Default SourceVariables. */
  namespace?: string;
  stageName?: string;
  actionName?: string;
  format?: 'CODE_ZIP' | 'CODEBUILD_CLONE_REF';
}

export function codeCommitSourceStage(o: CodeCommitSourceOptions): StageDeclaration {
  const configuration: Record<string, string> = { RepositoryName: o.repository, BranchName: o.branch ?? 'main' };
  const poll = 'pollForSourceChanges' in o ? o.pollForSourceChanges : 'false';
  if (poll !== undefined) configuration.PollForSourceChanges = poll;
  if (o.format) configuration.OutputArtifactFormat = o.format;
  return {
    name: o.stageName ?? 'Source',
    actions: [
      {
        name: o.actionName ?? 'Source',
        actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeCommit', version: '1' },
        configuration,
        outputArtifacts: [{ name: o.output ?? 'SourceOutput' }],
        namespace: o.namespace ?? 'SourceVariables',
      },
    ],
  };
}

export interface CodeBuildOptions {
  project: string;
  /** Default SourceOutput. */
  input?: string;
  outputs?: string[];
  /** EnvironmentVariables: name → value (PLAINTEXT), variables references allowed. */
  env?: Record<string, string>;
  namespace?: string;
  stageName?: string;
  actionName?: string;
  category?: 'Build' | 'Test';
  runOrder?: number;
}

export function codeBuildAction(o: CodeBuildOptions): ActionDeclaration {
  const configuration: Record<string, string> = { ProjectName: o.project };
  if (o.env) {
    configuration.EnvironmentVariables = JSON.stringify(
      Object.entries(o.env).map(([name, value]) => ({ name, value, type: 'PLAINTEXT' })),
    );
  }
  return {
    name: o.actionName ?? 'Build',
    actionTypeId: { category: o.category ?? 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
    configuration,
    inputArtifacts: [{ name: o.input ?? 'SourceOutput' }],
    outputArtifacts: (o.outputs ?? []).map((name) => ({ name })),
    ...(o.namespace ? { namespace: o.namespace } : {}),
    ...(o.runOrder ? { runOrder: o.runOrder } : {}),
  };
}

export function codeBuildStage(o: CodeBuildOptions): StageDeclaration {
  return { name: o.stageName ?? 'Build', actions: [codeBuildAction(o)] };
}

export function approvalStage(stageName = 'Approve', actionName = 'Approval'): StageDeclaration {
  return {
    name: stageName,
    actions: [
      {
        name: actionName,
        actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
        configuration: { CustomData: 'Please review', ExternalEntityLink: 'https://example.com/review' },
      },
    ],
  };
}

export function codeDeployStage(o: {
  application: string;
  group: string;
  /** Default SourceOutput. */
  input?: string;
  stageName?: string;
}): StageDeclaration {
  return {
    name: o.stageName ?? 'Deploy',
    actions: [
      {
        name: 'Deploy',
        actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeploy', version: '1' },
        configuration: { ApplicationName: o.application, DeploymentGroupName: o.group },
        inputArtifacts: [{ name: o.input ?? 'SourceOutput' }],
      },
    ],
  };
}
