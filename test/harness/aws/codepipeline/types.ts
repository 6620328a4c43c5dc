/**
 * The emulated CodePipeline's internal shapes: a pipeline's declaration as stored (AWS's defaults filled in), the
 * artifacts passed between actions, one action execution's record (what ListActionExecutions and GetPipelineState
 * show), and the contract between the execution engine (execution.ts) and the action providers (actions/*.ts).
 */
import type {
  ActionDeclaration,
  ActionTypeId,
  PipelineDeclaration,
  StageDeclaration,
} from '@aws-sdk/client-codepipeline';

export type ExecutionStatus =
  'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';
export type StageStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';
export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';
export type ExecutionMode = 'QUEUED' | 'SUPERSEDED' | 'PARALLEL';
export type TriggerType =
  | 'CreatePipeline'
  | 'StartPipelineExecution'
  | 'PollForSourceChanges'
  | 'Webhook'
  | 'CloudWatchEvent'
  | 'PutActionRevision'
  | 'WebhookV2';

/** An action as GetPipeline answers it: runOrder, configuration and artifact lists always present. */
export type StoredAction = Omit<
  ActionDeclaration,
  'name' | 'actionTypeId' | 'runOrder' | 'configuration' | 'inputArtifacts' | 'outputArtifacts'
> & {
  name: string;
  actionTypeId: Required<ActionTypeId>;
  runOrder: number;
  configuration: Record<string, string>;
  inputArtifacts: { name: string }[];
  outputArtifacts: { name: string; files?: string[] }[];
};
export type StoredStage = Omit<StageDeclaration, 'name' | 'actions'> & { name: string; actions: StoredAction[] };
export type StoredDeclaration = Omit<
  PipelineDeclaration,
  'name' | 'roleArn' | 'stages' | 'version' | 'executionMode' | 'pipelineType'
> & {
  name: string;
  roleArn: string;
  stages: StoredStage[];
  version: number;
  executionMode: ExecutionMode;
  pipelineType: 'V1' | 'V2';
};

export interface S3Location {
  bucket: string;
  key: string;
}

/** What an action hands to the actions after it under an artifact name. */
export type Artifact =
  /** A commit of a git repository (CodeCommit's bare repository, or a local repository behind a connection). */
  | {
      kind: 'git';
      name: string;
      s3location: S3Location;
      repoDir: string;
      commit: string;
      /** Set for CodeCommit sources: CodeBuild checks the commit out of that repository. */
      codecommitRepository?: string;
      /** OutputArtifactFormat CODEBUILD_CLONE_REF: only CodeBuild actions may consume it. */
      cloneRef: boolean;
    }
  /** A ZIP file the emulator owns (a build's output artifact). */
  | { kind: 'zip'; name: string; s3location: S3Location; zip: string };

export interface ErrorDetails {
  code: string;
  message: string;
}

/** One action execution: the record behind ListActionExecutions and GetPipelineState's actionStates. */
export interface ActionRecord {
  actionExecutionId: string;
  pipelineExecutionId: string;
  pipelineVersion: number;
  stageName: string;
  actionName: string;
  /** Epoch ms. */
  startTime: number;
  lastUpdateTime: number;
  status: ActionStatus;
  updatedBy?: string;
  input: {
    actionTypeId: Required<ActionTypeId>;
    configuration: Record<string, string>;
    resolvedConfiguration: Record<string, string>;
    roleArn?: string;
    region: string;
    inputArtifacts: { name: string; s3location: S3Location }[];
    namespace?: string;
  };
  outputArtifacts: { name: string; s3location: S3Location }[];
  outputVariables?: Record<string, string>;
  summary?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorDetails?: ErrorDetails;
  /** Manual approvals: the token PutApprovalResult must present, while the approval waits. */
  token?: string;
  /** The revision a source action produced (ActionState.currentRevision). */
  revision?: SourceRevisionRecord;
}

export interface SourceRevisionRecord {
  revisionId: string;
  revisionSummary: string;
  revisionUrl: string;
  /** Epoch ms: the commit's date. */
  created: number;
}

/** Progress an action publishes while it runs (external ids, summary, approval token). */
export type ActionProgress = Partial<
  Pick<ActionRecord, 'externalExecutionId' | 'externalExecutionUrl' | 'summary' | 'token'>
>;

/** One running action, as its provider sees it. */
export interface ActionRun {
  readonly pipelineName: string;
  readonly pipelineExecutionId: string;
  readonly stageName: string;
  readonly action: StoredAction;
  /** The action's configuration with `#{namespace.variable}` references resolved. */
  readonly configuration: Record<string, string>;
  /** The action's input artifacts, in declaration order. */
  readonly inputs: Artifact[];
  /** StartPipelineExecution's sourceRevisions entry for this action. */
  readonly sourceOverride?: { revisionType: string; revisionValue: string };
  /** Aborted when the action is abandoned (StopPipelineExecution abandon) or the emulator closes. */
  readonly signal: AbortSignal;
  progress(update: ActionProgress): void;
  /** Where the pipeline's artifact store keeps an output artifact of this action. */
  artifactLocation(name: string): S3Location;
  /** A fresh directory the emulator owns (removed on close), for output artifact files. */
  scratchDir(): Promise<string>;
}

export interface ActionOutcome {
  status: 'Succeeded' | 'Failed';
  summary?: string;
  errorDetails?: ErrorDetails;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  outputVariables?: Record<string, string>;
  outputArtifacts?: Artifact[];
  /** Source actions: the revision they fetched. */
  revision?: SourceRevisionRecord;
  updatedBy?: string;
}

/** One action type the emulator runs (category/owner/provider/version). */
export interface ActionProvider {
  /** Configuration keys, as AWS's action type defines them. */
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Allowed input and output artifact counts [min, max]. */
  readonly inputs: readonly [number, number];
  readonly outputs: readonly [number, number];
  /** Source revision override types this provider accepts. */
  readonly revisionTypes?: readonly string[];
  /** GetPipelineState's actionStates[].entityUrl. */
  entityUrl?(configuration: Record<string, string>): string | undefined;
  run(run: ActionRun): Promise<ActionOutcome>;
}

export const actionTypeKey = (t: ActionTypeId): string => `${t.category}/${t.owner}/${t.provider}/${t.version}`;
