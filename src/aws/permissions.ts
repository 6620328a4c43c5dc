/**
 * IAM from the code: one registry mapping every AWS SDK command our code can send to the IAM actions it needs
 * and the resource those actions apply to, plus the permissions that are not SDK calls (git over HTTPS to
 * CodeCommit, the Docker registry protocol to ECR). `iamPolicy()` turns the needs of some actions into a
 * least-privilege policy, with resource ARNs narrowed by what is known (project, repository, region, account...).
 *
 * test/aws/permissions.test.ts walks each action's import graph (src/actions/<name>/index.ts through relative
 * imports) and fails when ACTIONS below differs from the `*Command`s the code imports, when the code imports a
 * command this registry does not know, and when the registry lists a command no action uses.
 */
import { UserError } from '../core/errors.js';

/** The kinds of resource a permission applies to; each has an ARN template below. */
export type ResourceKind =
  | 'codebuild-project'
  | 'log-group'
  | 'ecr-authorization'
  | 'ecr-repository'
  | 'codecommit-repository'
  | 'codepipeline-pipeline'
  | 'codedeploy-deployment-group'
  | 'codedeploy-application'
  | 'codedeploy-deployment-config'
  | 's3-objects'
  | 'codebuild-report-group'
  | 'artifact-objects'
  | 'artifact-bucket'
  | 'ssm-parameter'
  | 'secret';

export interface Grant {
  readonly actions: readonly string[];
  readonly resource: ResourceKind;
}

/** Inputs that make an action send more; their permissions are in a policy only when asked for. */
export type Feature = 'download-artifacts' | 'test-reports';
export const FEATURES: readonly Feature[] = ['download-artifacts', 'test-reports'];

export interface Permission {
  readonly grants: readonly Grant[];
  /** Something a reviewer must know that the policy cannot express (KMS keys, optional features). */
  readonly note?: string;
  /** Needed only with this input: left out of a policy unless the feature is asked for. */
  readonly feature?: Feature;
}

/** SDK client package name without the `@aws-sdk/client-` prefix. */
export type ClientName =
  | 'codebuild'
  | 'cloudwatch-logs'
  | 'ssm'
  | 'secrets-manager'
  | 'codecommit'
  | 'ecr'
  | 'codepipeline'
  | 'codedeploy'
  | 's3'
  | 'sts';

const project = (...actions: string[]): Permission => ({ grants: [{ actions, resource: 'codebuild-project' }] });
const logGroup = (...actions: string[]): Permission => ({ grants: [{ actions, resource: 'log-group' }] });
const pipeline = (...actions: string[]): Permission => ({ grants: [{ actions, resource: 'codepipeline-pipeline' }] });
const deploymentGroup = (...actions: string[]): Permission => ({
  grants: [{ actions, resource: 'codedeploy-deployment-group' }],
});
const ecrRepository = (...actions: string[]): Permission => ({ grants: [{ actions, resource: 'ecr-repository' }] });
const reportGroup = (...actions: string[]): Permission => ({
  grants: [{ actions, resource: 'codebuild-report-group' }],
  feature: 'test-reports',
  note:
    "codebuild:BatchGetReports, DescribeTestCases and DescribeCodeCoverages read a build's test reports for the job " +
    'summary, annotations, the test-summary and coverage outputs and fail-on-test-failures (without them the build ' +
    'action warns and goes on).',
});

/** Command class name (as exported by `@aws-sdk/client-<client>`) → what it needs. */
export const SDK_COMMANDS: { readonly [C in ClientName]: Readonly<Record<string, Permission>> } = {
  codebuild: {
    StartBuildCommand: project('codebuild:StartBuild'),
    StartBuildBatchCommand: project('codebuild:StartBuildBatch'),
    BatchGetBuildsCommand: project('codebuild:BatchGetBuilds'),
    BatchGetBuildBatchesCommand: project('codebuild:BatchGetBuildBatches'),
    StopBuildCommand: project('codebuild:StopBuild'),
    StopBuildBatchCommand: project('codebuild:StopBuildBatch'),
    BatchGetProjectsCommand: project('codebuild:BatchGetProjects'),
    BatchGetReportsCommand: reportGroup('codebuild:BatchGetReports'),
    DescribeTestCasesCommand: reportGroup('codebuild:DescribeTestCases'),
    DescribeCodeCoveragesCommand: reportGroup('codebuild:DescribeCodeCoverages'),
    UpdateProjectCommand: {
      ...project('codebuild:UpdateProject'),
      note: 'codebuild:UpdateProject is used only with update-project: true (the image action points the project at the new image).',
    },
  },
  'cloudwatch-logs': {
    GetLogEventsCommand: logGroup('logs:GetLogEvents'),
    StartLiveTailCommand: {
      ...logGroup('logs:StartLiveTail'),
      note:
        'logs:StartLiveTail shows the build log about a second behind the build; without it the log is ' +
        'polled with logs:GetLogEvents (or use the logs: poll input / --logs poll and leave it out).',
    },
  },
  ssm: {
    GetParametersCommand: {
      grants: [{ actions: ['ssm:GetParameters'], resource: 'ssm-parameter' }],
      note:
        'SecureString parameters encrypted with a customer managed KMS key also need kms:Decrypt on that key ' +
        '(the AWS managed key aws/ssm needs nothing more).',
    },
  },
  'secrets-manager': {
    GetSecretValueCommand: {
      grants: [{ actions: ['secretsmanager:GetSecretValue'], resource: 'secret' }],
      note:
        'Secrets encrypted with a customer managed KMS key also need kms:Decrypt on that key ' +
        '(the AWS managed key aws/secretsmanager needs nothing more).',
    },
  },
  codecommit: {
    GetRepositoryCommand: { grants: [{ actions: ['codecommit:GetRepository'], resource: 'codecommit-repository' }] },
    CreateRepositoryCommand: {
      grants: [
        { actions: ['codecommit:CreateRepository', 'codecommit:TagResource'], resource: 'codecommit-repository' },
      ],
      note:
        'codecommit:CreateRepository (and TagResource, for its tags) is used only with create-repository: true; a ' +
        'kms-key needs the KMS permissions of the note on git pushes to create it too.',
    },
  },
  ecr: {
    GetAuthorizationTokenCommand: {
      grants: [{ actions: ['ecr:GetAuthorizationToken'], resource: 'ecr-authorization' }],
    },
    DescribeRepositoriesCommand: ecrRepository('ecr:DescribeRepositories'),
    CreateRepositoryCommand: {
      ...ecrRepository('ecr:CreateRepository'),
      note:
        'ecr:CreateRepository is used only when the repository is missing; KMS encryption with a customer managed ' +
        'key also needs kms:CreateGrant, kms:RetireGrant and kms:DescribeKey on that key.',
    },
    PutLifecyclePolicyCommand: ecrRepository('ecr:PutLifecyclePolicy'),
    GetRepositoryPolicyCommand: ecrRepository('ecr:GetRepositoryPolicy'),
    SetRepositoryPolicyCommand: ecrRepository('ecr:SetRepositoryPolicy'),
  },
  codepipeline: {
    GetPipelineCommand: pipeline('codepipeline:GetPipeline'),
    ListPipelineExecutionsCommand: pipeline('codepipeline:ListPipelineExecutions'),
    StartPipelineExecutionCommand: pipeline('codepipeline:StartPipelineExecution'),
    GetPipelineExecutionCommand: pipeline('codepipeline:GetPipelineExecution'),
    ListActionExecutionsCommand: pipeline('codepipeline:ListActionExecutions'),
    StopPipelineExecutionCommand: pipeline('codepipeline:StopPipelineExecution'),
  },
  codedeploy: {
    CreateDeploymentCommand: {
      grants: [
        { actions: ['codedeploy:CreateDeployment'], resource: 'codedeploy-deployment-group' },
        // CodeDeploy checks these on the caller while it creates the deployment.
        { actions: ['codedeploy:GetDeploymentConfig'], resource: 'codedeploy-deployment-config' },
        {
          actions: ['codedeploy:GetApplicationRevision', 'codedeploy:RegisterApplicationRevision'],
          resource: 'codedeploy-application',
        },
      ],
    },
    GetDeploymentCommand: deploymentGroup('codedeploy:GetDeployment'),
    ListDeploymentTargetsCommand: deploymentGroup('codedeploy:ListDeploymentTargets'),
    BatchGetDeploymentTargetsCommand: deploymentGroup('codedeploy:BatchGetDeploymentTargets'),
    ListDeploymentInstancesCommand: deploymentGroup('codedeploy:ListDeploymentInstances'),
    BatchGetDeploymentInstancesCommand: deploymentGroup('codedeploy:BatchGetDeploymentInstances'),
    StopDeploymentCommand: deploymentGroup('codedeploy:StopDeployment'),
  },
  s3: {
    PutObjectCommand: {
      grants: [{ actions: ['s3:PutObject'], resource: 's3-objects' }],
      note: 'A bucket with SSE-KMS under a customer managed key also needs kms:GenerateDataKey on that key.',
    },
    GetObjectCommand: {
      grants: [{ actions: ['s3:GetObject'], resource: 'artifact-objects' }],
      feature: 'download-artifacts',
      note:
        'download-artifacts reads the build artifacts with s3:GetObject (and lists a NONE-packaged artifact with ' +
        's3:ListBucket); give --artifacts-bucket (and --artifacts-prefix) to narrow them, else they apply to every ' +
        'bucket. Artifacts encrypted with a customer managed KMS key also need kms:Decrypt on that key.',
    },
    ListObjectsV2Command: {
      grants: [{ actions: ['s3:ListBucket'], resource: 'artifact-bucket' }],
      feature: 'download-artifacts',
    },
  },
  sts: {},
};

/** Permissions that no SDK command carries: protocols spoken to AWS endpoints without the SDK. */
export const OPERATIONS = {
  /** `git push` over HTTPS (SigV4 password) to git-codecommit.<region>.amazonaws.com; fetches check refs first. */
  'codecommit-git-push': {
    grants: [{ actions: ['codecommit:GitPull', 'codecommit:GitPush'], resource: 'codecommit-repository' }],
    note:
      'A CodeCommit repository encrypted with a customer managed KMS key also needs kms:Encrypt, kms:Decrypt, ' +
      'kms:ReEncrypt*, kms:GenerateDataKey, kms:GenerateDataKeyWithoutPlaintext and kms:DescribeKey on that key ' +
      '(the AWS managed key aws/codecommit needs nothing more).',
  },
  /** A Docker/OCI client pushing to (and reading layers from) an ECR repository after GetAuthorizationToken. */
  'ecr-image-push': {
    grants: [
      {
        actions: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:InitiateLayerUpload',
          'ecr:UploadLayerPart',
          'ecr:CompleteLayerUpload',
          'ecr:PutImage',
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
        ],
        resource: 'ecr-repository',
      },
    ],
  },
} as const satisfies Record<string, Permission>;

export type OperationName = keyof typeof OPERATIONS;

export interface ActionNeeds {
  /** Commands per client, exactly those the action's code imports (the permissions test derives them). */
  readonly commands: { readonly [C in ClientName]?: readonly string[] };
  /** Non-SDK operations the action performs. */
  readonly operations?: readonly OperationName[];
}

type Commands = ActionNeeds['commands'];

/** Starting and following a build or batch build (codebuild/), for the build and pipeline actions. */
const BUILD_COMMANDS = {
  codebuild: [
    'StartBuildCommand',
    'StartBuildBatchCommand',
    'BatchGetBuildsCommand',
    'BatchGetBuildBatchesCommand',
    'StopBuildCommand',
    'StopBuildBatchCommand',
    'BatchGetReportsCommand',
    'DescribeTestCasesCommand',
    'DescribeCodeCoveragesCommand',
  ],
  'cloudwatch-logs': ['GetLogEventsCommand', 'StartLiveTailCommand'],
} as const satisfies Commands;

/** Creating and following a deployment (deploy/), for the deploy and pipeline actions. */
const DEPLOY_COMMANDS = {
  codedeploy: [
    'CreateDeploymentCommand',
    'GetDeploymentCommand',
    'ListDeploymentTargetsCommand',
    'BatchGetDeploymentTargetsCommand',
    'ListDeploymentInstancesCommand',
    'BatchGetDeploymentInstancesCommand',
    'StopDeploymentCommand',
  ],
} as const satisfies Commands;

/** What each action (src/actions/<name>) can send; the same core code serves the CLI command of that name. */
export const ACTIONS: Readonly<Record<string, ActionNeeds>> = {
  build: { commands: { ...BUILD_COMMANDS, s3: ['GetObjectCommand', 'ListObjectsV2Command'] } },
  local: {
    commands: { ssm: ['GetParametersCommand'], 'secrets-manager': ['GetSecretValueCommand'] },
  },
  mirror: {
    commands: { codecommit: ['GetRepositoryCommand', 'CreateRepositoryCommand'] },
    operations: ['codecommit-git-push'],
  },
  image: {
    commands: {
      ecr: [
        'GetAuthorizationTokenCommand',
        'DescribeRepositoriesCommand',
        'CreateRepositoryCommand',
        'PutLifecyclePolicyCommand',
        'GetRepositoryPolicyCommand',
        'SetRepositoryPolicyCommand',
      ],
      codebuild: ['BatchGetProjectsCommand', 'UpdateProjectCommand'],
    },
    operations: ['ecr-image-push'],
  },
  deploy: { commands: { ...DEPLOY_COMMANDS, s3: ['PutObjectCommand'] } },
  pipeline: {
    commands: {
      codepipeline: [
        'GetPipelineCommand',
        'ListPipelineExecutionsCommand',
        'StartPipelineExecutionCommand',
        'GetPipelineExecutionCommand',
        'ListActionExecutionsCommand',
        'StopPipelineExecutionCommand',
      ],
      // Following the pipeline's CodeBuild and CodeDeploy actions goes through the same code as build/deploy.
      ...BUILD_COMMANDS,
      ...DEPLOY_COMMANDS,
    },
  },
};

/**
 * What the ARNs are narrowed to. A value missing is `*`. Values are inserted as given, so a caller can pass
 * CloudFormation placeholders (`${AWS::Region}`, `${ProjectName}`) and wrap the result in Fn::Sub.
 */
export interface PolicyScope {
  /** Default: from the region (aws-cn for cn-*, aws-us-gov for us-gov-*), else aws. */
  readonly partition?: string;
  readonly region?: string;
  readonly account?: string;
  /** CodeBuild project. */
  readonly project?: string;
  /** CloudWatch Logs group of the project's builds. Default: /aws/codebuild/<project>. */
  readonly logGroup?: string;
  /** CodeCommit repository. */
  readonly codecommitRepository?: string;
  /** ECR repository. */
  readonly ecrRepository?: string;
  readonly pipeline?: string;
  readonly application?: string;
  readonly deploymentGroup?: string;
  readonly bucket?: string;
  /** S3 bucket of the build artifacts (download-artifacts). */
  readonly artifactsBucket?: string;
  /** Key prefix of the build artifacts in that bucket (usually the project name). */
  readonly artifactsPrefix?: string;
}

export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string[];
  readonly Resource: string | string[];
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: PolicyStatement[];
}

export interface IamPolicy {
  readonly policy: PolicyDocument;
  readonly notes: string[];
}

/** Statement Sid and ARN templates per resource kind, in the order statements are printed. */
const RESOURCES: { readonly [K in ResourceKind]: { sid: string; arns(s: Resolved): string[] } } = {
  'codebuild-project': {
    sid: 'CodeBuildProject',
    arns: (s) => [`arn:${s.partition}:codebuild:${s.region}:${s.account}:project/${s.project}`],
  },
  'log-group': {
    sid: 'CodeBuildLogs',
    // The log group (StartLiveTail names it) and its streams (GetLogEvents reads one).
    arns: (s) => {
      const group = `arn:${s.partition}:logs:${s.region}:${s.account}:log-group:${s.logGroup}`;
      return [group, `${group}:log-stream:*`];
    },
  },
  'ecr-authorization': { sid: 'EcrAuthorizationToken', arns: () => ['*'] },
  'ecr-repository': {
    sid: 'EcrRepository',
    arns: (s) => [`arn:${s.partition}:ecr:${s.region}:${s.account}:repository/${s.ecrRepository}`],
  },
  'codecommit-repository': {
    sid: 'CodeCommitRepository',
    arns: (s) => [`arn:${s.partition}:codecommit:${s.region}:${s.account}:${s.codecommitRepository}`],
  },
  'codepipeline-pipeline': {
    sid: 'CodePipelinePipeline',
    // The pipeline and its stages/actions (PutApprovalResult names <pipeline>/<stage>/<action>).
    arns: (s) => {
      const pipeline = `arn:${s.partition}:codepipeline:${s.region}:${s.account}:${s.pipeline}`;
      return [pipeline, `${pipeline}/*`];
    },
  },
  'codedeploy-deployment-group': {
    sid: 'CodeDeployDeploymentGroup',
    arns: (s) => [
      `arn:${s.partition}:codedeploy:${s.region}:${s.account}:deploymentgroup:${s.application}/${s.deploymentGroup}`,
    ],
  },
  'codedeploy-application': {
    sid: 'CodeDeployApplication',
    arns: (s) => [`arn:${s.partition}:codedeploy:${s.region}:${s.account}:application:${s.application}`],
  },
  'codedeploy-deployment-config': {
    sid: 'CodeDeployDeploymentConfig',
    arns: (s) => [`arn:${s.partition}:codedeploy:${s.region}:${s.account}:deploymentconfig:*`],
  },
  's3-objects': { sid: 'S3Revisions', arns: (s) => [`arn:${s.partition}:s3:::${s.bucket}/*`] },
  'codebuild-report-group': {
    sid: 'CodeBuildReports',
    // Reports of the project's report groups, named <project>-<name> by the buildspec.
    arns: (s) => [`arn:${s.partition}:codebuild:${s.region}:${s.account}:report-group/${s.project}-*`],
  },
  'artifact-objects': {
    sid: 'S3Artifacts',
    arns: (s) => [`arn:${s.partition}:s3:::${s.artifactsBucket}/${s.artifactsPrefix}*`],
  },
  'artifact-bucket': { sid: 'S3ArtifactsList', arns: (s) => [`arn:${s.partition}:s3:::${s.artifactsBucket}`] },
  'ssm-parameter': {
    sid: 'ParameterStore',
    arns: (s) => [`arn:${s.partition}:ssm:${s.region}:${s.account}:parameter/*`],
  },
  secret: {
    sid: 'SecretsManager',
    arns: (s) => [`arn:${s.partition}:secretsmanager:${s.region}:${s.account}:secret:*`],
  },
};

type Resolved = { readonly [K in keyof PolicyScope]-?: string };

/** The action names iamPolicy() knows, in registry order. */
export function policyActionNames(): string[] {
  return Object.keys(ACTIONS);
}

/**
 * The least-privilege policy for `actions` (names of src/actions/<name>), narrowed by `scope`; the permissions of
 * optional inputs only for the `features` given.
 */
export function iamPolicy(
  actions: readonly string[],
  scope: PolicyScope = {},
  features: readonly Feature[] = [],
): IamPolicy {
  if (actions.length === 0) throw new UserError('name at least one action', { exitCode: 2 });
  const permissions: Permission[] = [];
  for (const name of new Set(actions)) {
    const needs = ACTIONS[name];
    if (needs === undefined) {
      throw new UserError(`unknown action "${name}"; known: ${policyActionNames().join(', ')}`, { exitCode: 2 });
    }
    permissions.push(
      ...permissionsOf(name, needs).filter((p) => p.feature === undefined || features.includes(p.feature)),
    );
  }
  const resolved = resolveScope(scope);
  const byKind = new Map<ResourceKind, Set<string>>();
  const notes: string[] = [];
  for (const permission of permissions) {
    for (const grant of permission.grants) {
      const set = byKind.get(grant.resource) ?? new Set<string>();
      for (const action of grant.actions) set.add(action);
      byKind.set(grant.resource, set);
    }
    if (permission.note !== undefined && !notes.includes(permission.note)) notes.push(permission.note);
  }
  // One statement per distinct resource list, in RESOURCES order; kinds that resolve to the same ARNs merge.
  const statements: { sid: string; resources: string[]; actions: Set<string> }[] = [];
  for (const kind of Object.keys(RESOURCES) as ResourceKind[]) {
    const actionSet = byKind.get(kind);
    if (actionSet === undefined) continue;
    const resources = RESOURCES[kind].arns(resolved);
    const same = statements.find((s) => s.resources.join('\n') === resources.join('\n'));
    if (same) for (const action of actionSet) same.actions.add(action);
    else statements.push({ sid: RESOURCES[kind].sid, resources, actions: new Set(actionSet) });
  }
  return {
    policy: {
      Version: '2012-10-17',
      Statement: statements.map((s) => ({
        Sid: s.sid,
        Effect: 'Allow',
        Action: [...s.actions].sort(),
        Resource: s.resources.length === 1 ? s.resources[0]! : s.resources,
      })),
    },
    notes,
  };
}

/** The registry entries behind one action's needs; a name missing from the registry is a bug (the test's job). */
export function permissionsOf(action: string, needs: ActionNeeds): Permission[] {
  const out: Permission[] = [];
  for (const [client, commands] of Object.entries(needs.commands) as [ClientName, readonly string[]][]) {
    for (const command of commands) {
      const permission = SDK_COMMANDS[client]?.[command];
      if (permission === undefined) {
        throw new Error(`action "${action}": @aws-sdk/client-${client} ${command} is not in the permission registry`);
      }
      out.push(permission);
    }
  }
  for (const operation of needs.operations ?? []) out.push(OPERATIONS[operation]);
  return out;
}

function resolveScope(scope: PolicyScope): Resolved {
  const star = (value: string | undefined): string => (value === undefined || value === '' ? '*' : value);
  const region = star(scope.region);
  const project = star(scope.project);
  return {
    partition: scope.partition ?? partitionOf(region),
    region,
    account: star(scope.account),
    project,
    logGroup: scope.logGroup ?? `/aws/codebuild/${project}`,
    codecommitRepository: star(scope.codecommitRepository),
    ecrRepository: star(scope.ecrRepository),
    pipeline: star(scope.pipeline),
    application: star(scope.application),
    deploymentGroup: star(scope.deploymentGroup),
    bucket: star(scope.bucket),
    artifactsBucket: star(scope.artifactsBucket),
    artifactsPrefix: scope.artifactsPrefix === undefined || scope.artifactsPrefix === '' ? '' : scope.artifactsPrefix,
  };
}

/** The ARN partition of a region name: aws-cn (China), aws-us-gov (GovCloud), else aws. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}
