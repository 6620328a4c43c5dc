/**
 * AWS CodePipeline (awsJson1_1, CodePipeline_20150709): pipelines (V1 and V2) whose executions really run — sources
 * from the emulated CodeCommit, builds in the emulated CodeBuild, manual approvals, deployments through the emulated
 * CodeDeploy (codepipeline/*). CreatePipeline starts a first execution, as on AWS; pushes to a source branch start
 * more (codepipeline/detection.ts).
 */
import type {
  CreatePipelineInput,
  DeletePipelineInput,
  GetPipelineExecutionInput,
  GetPipelineInput,
  GetPipelineStateInput,
  ListActionExecutionsInput,
  ListPipelineExecutionsInput,
  ListPipelinesInput,
  PipelineDeclaration,
  PutApprovalResultInput,
  StartPipelineExecutionInput,
  StopPipelineExecutionInput,
  UpdatePipelineInput,
} from '@aws-sdk/client-codepipeline';
import { AwsError } from '../errors.js';
import { model } from '../models/codepipeline.js';
import { decodeToken, encodeToken, epochSeconds } from '../util.js';
import type { PipelineExecutionRun, PipelineRecord, SourceOverride } from '../codepipeline/execution.js';
import { storedDeclaration } from '../codepipeline/structure.js';
import type { ActionRecord, StoredDeclaration } from '../codepipeline/types.js';
import { actionTypeKey } from '../codepipeline/types.js';
import type { CodePipelineStore } from './codepipeline-store.js';
import { defaultVariables } from './codepipeline-store.js';
import type { JsonService, OperationContext } from './types.js';
import { op } from './types.js';

export interface CodePipelineServiceOptions {
  /** The caller's ARN by access key (ExecutionTrigger.triggerDetail, lastUpdatedBy). Default: the account root. */
  callerArn?: (accessKeyId: string) => string;
}

const INVALID_TOKEN =
  'The next token was specified in an invalid format. Make sure that the next token you provide is the token ' +
  'returned by a previous call.';

const present = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

function page<T>(items: T[], nextToken: string | undefined, size: number): { items: T[]; nextToken?: string } {
  const offset = nextToken
    ? decodeToken<{ offset: number }>(nextToken, () => new AwsError('InvalidNextTokenException', INVALID_TOKEN)).offset
    : 0;
  return {
    items: items.slice(offset, offset + size),
    ...(offset + size < items.length ? { nextToken: encodeToken({ offset: offset + size }) } : {}),
  };
}

/** The declaration as GetPipeline / CreatePipeline answer it. */
const wireDeclaration = (d: StoredDeclaration) => structuredClone(d);

function wireActionExecution(r: ActionRecord) {
  return present({
    actionExecutionId: r.actionExecutionId,
    status: r.status,
    summary: r.summary,
    lastStatusChange: epochSeconds(r.lastUpdateTime),
    token: r.status === 'InProgress' ? r.token : undefined,
    lastUpdatedBy: r.updatedBy,
    externalExecutionId: r.externalExecutionId,
    externalExecutionUrl: r.externalExecutionUrl,
    errorDetails: r.errorDetails,
  });
}

function wireActionDetail(r: ActionRecord) {
  return present({
    pipelineExecutionId: r.pipelineExecutionId,
    actionExecutionId: r.actionExecutionId,
    pipelineVersion: r.pipelineVersion,
    stageName: r.stageName,
    actionName: r.actionName,
    startTime: epochSeconds(r.startTime),
    lastUpdateTime: epochSeconds(r.lastUpdateTime),
    updatedBy: r.updatedBy,
    status: r.status,
    input: r.input,
    output: present({
      outputArtifacts: r.outputArtifacts,
      executionResult: present({
        externalExecutionId: r.externalExecutionId,
        externalExecutionSummary: r.summary,
        externalExecutionUrl: r.externalExecutionUrl,
        errorDetails: r.errorDetails,
      }),
      outputVariables: r.outputVariables,
    }),
  });
}

function wireSummary(e: PipelineExecutionRun) {
  return present({
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    startTime: epochSeconds(e.startTime),
    lastUpdateTime: epochSeconds(e.lastUpdateTime),
    sourceRevisions: e.sourceRevisions.map((r) => ({
      actionName: r.actionName,
      revisionId: r.revisionId,
      revisionSummary: r.revisionSummary,
      revisionUrl: r.revisionUrl,
    })),
    trigger: e.trigger,
    stopTrigger: e.stopTrigger,
    executionMode: e.declaration.executionMode,
    executionType: 'STANDARD',
  });
}

function wireExecution(e: PipelineExecutionRun) {
  return present({
    pipelineName: e.pipeline.name,
    pipelineVersion: e.declaration.version,
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    artifactRevisions: e.sourceRevisions.map((r) =>
      present({
        name: r.artifactName,
        revisionId: r.revisionId,
        revisionSummary: r.revisionSummary,
        created: epochSeconds(r.created),
        revisionUrl: r.revisionUrl,
      }),
    ),
    variables: e.declaration.variables?.length ? e.variables : undefined,
    trigger: e.trigger,
    executionMode: e.declaration.executionMode,
    executionType: 'STANDARD',
  });
}

export function createCodePipelineService(
  store: CodePipelineStore,
  options: CodePipelineServiceOptions = {},
): JsonService {
  const { region, accountId } = store;
  const callerArn = (ctx: OperationContext) =>
    options.callerArn?.(ctx.identity.accessKeyId) ?? `arn:aws:iam::${accountId}:root`;
  const notFound = (name: string) =>
    new AwsError('PipelineNotFoundException', `Account '${accountId}' does not have a pipeline with name '${name}'`);
  const requirePipeline = (name: string | undefined): PipelineRecord => {
    const p = store.pipeline(name ?? '');
    if (!p) throw notFound(name ?? '');
    return p;
  };
  const executionNotFound = (pipeline: string, id: string) =>
    new AwsError(
      'PipelineExecutionNotFoundException',
      `Pipeline execution with id '${id}' does not exist in pipeline '${pipeline}'`,
    );
  const requireExecution = (p: PipelineRecord, id: string | undefined): PipelineExecutionRun => {
    const e = store.execution(p.name, id ?? '');
    if (!e) throw executionNotFound(p.name, id ?? '');
    return e;
  };
  const structure = { region, providers: store.providers };

  const stageState = (p: PipelineRecord, stage: StoredDeclaration['stages'][number]) => {
    const latest = p.latestStage.get(stage.name);
    const inbound = p.gates.inbound(stage.name);
    return present({
      stageName: stage.name,
      inboundExecution: inbound.length
        ? { pipelineExecutionId: inbound[inbound.length - 1]?.id, status: 'InProgress' }
        : undefined,
      inboundExecutions:
        inbound.length && p.declaration.executionMode === 'QUEUED'
          ? inbound.map((e) => ({ pipelineExecutionId: e.id, status: 'InProgress' }))
          : undefined,
      inboundTransitionState: { enabled: true },
      actionStates: stage.actions.map((a) => {
        const record = p.latestAction.get(`${stage.name}/${a.name}`);
        const provider = store.providers.get(actionTypeKey(a.actionTypeId));
        const revision = record?.revision;
        return present({
          actionName: a.name,
          currentRevision: revision
            ? {
                revisionId: revision.revisionId,
                revisionChangeId: revision.revisionId,
                created: epochSeconds(revision.created),
              }
            : undefined,
          latestExecution: record ? wireActionExecution(record) : undefined,
          entityUrl: provider?.entityUrl?.(a.configuration),
          revisionUrl: revision?.revisionUrl,
        });
      }),
      latestExecution: latest
        ? { pipelineExecutionId: latest.id, status: latest.stageStatus.get(stage.name) ?? 'InProgress' }
        : undefined,
    });
  };

  return {
    name: 'codepipeline',
    protocol: 'awsJson1_1',
    targetPrefix: 'CodePipeline_20150709',
    signingName: 'codepipeline',
    model,
    validationErrorCode: 'ValidationException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    operations: {
      CreatePipeline: op((input: CreatePipelineInput, ctx) => {
        const name = input.pipeline?.name ?? '';
        if (store.pipeline(name)) {
          throw new AwsError(
            'InvalidStructureException',
            `A pipeline with the name '${name}' already exists in account '${accountId}'`,
          );
        }
        const declaration = storedDeclaration(input.pipeline as PipelineDeclaration, 1, structure);
        store.create(declaration, input.tags ?? [], { triggerType: 'CreatePipeline', triggerDetail: callerArn(ctx) });
        return { pipeline: wireDeclaration(declaration), ...(input.tags ? { tags: input.tags } : {}) };
      }),

      GetPipeline: op((input: GetPipelineInput) => {
        const p = requirePipeline(input.name);
        let declaration = p.declaration;
        if (input.version !== undefined) {
          const kept = p.history.get(input.version);
          if (!kept) {
            // AWS keeps the last 10 versions; an older one answers PipelineNotFoundException (a known AWS quirk).
            if (input.version < p.declaration.version) throw notFound(p.name);
            throw new AwsError(
              'PipelineVersionNotFoundException',
              `Pipeline '${p.name}' does not have a version ${input.version}`,
            );
          }
          declaration = kept;
        }
        return {
          pipeline: wireDeclaration(declaration),
          metadata: { pipelineArn: p.arn, created: epochSeconds(p.created), updated: epochSeconds(p.updated) },
        };
      }),

      UpdatePipeline: op((input: UpdatePipelineInput) => {
        const name = input.pipeline?.name ?? '';
        const p = store.pipeline(name);
        if (!p) {
          throw new AwsError(
            'ResourceNotFoundException',
            `The account with id '${accountId}' does not include a pipeline with the name '${name}'`,
          );
        }
        const declaration = storedDeclaration(
          input.pipeline as PipelineDeclaration,
          p.declaration.version + 1,
          structure,
        );
        store.update(p, declaration);
        return { pipeline: wireDeclaration(declaration) };
      }),

      DeletePipeline: op((input: DeletePipelineInput) => {
        store.delete(input.name ?? '');
        return {};
      }),

      ListPipelines: op((input: ListPipelinesInput) => {
        const all = [...store.pipelines.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const { items, nextToken } = page(all, input.nextToken, input.maxResults ?? 1000);
        return {
          pipelines: items.map((p) => ({
            name: p.name,
            version: p.declaration.version,
            pipelineType: p.declaration.pipelineType,
            executionMode: p.declaration.executionMode,
            created: epochSeconds(p.created),
            updated: epochSeconds(p.updated),
          })),
          ...(nextToken ? { nextToken } : {}),
        };
      }),

      GetPipelineState: op((input: GetPipelineStateInput) => {
        const p = requirePipeline(input.name);
        return {
          pipelineName: p.name,
          pipelineVersion: p.declaration.version,
          stageStates: p.declaration.stages.map((s) => stageState(p, s)),
          created: epochSeconds(p.created),
          updated: epochSeconds(p.updated),
        };
      }),

      StartPipelineExecution: op((input: StartPipelineExecutionInput, ctx) => {
        const p = store.pipeline(input.name ?? '');
        if (!p) {
          throw new AwsError(
            'PipelineNotFoundException',
            `Pipeline with name ${input.name} does not exist in account ${accountId}.`,
          );
        }
        const token = input.clientRequestToken;
        const earlier = token !== undefined ? p.requestTokens.get(token) : undefined;
        if (earlier) return { pipelineExecutionId: earlier };
        const declared = p.declaration.variables ?? [];
        if (input.variables?.length && p.declaration.pipelineType !== 'V2') {
          throw new AwsError('ValidationException', 'Pipeline variables are only supported for pipelines of type V2');
        }
        const given = new Map<string, string>();
        for (const v of input.variables ?? []) {
          if (!declared.some((d) => d.name === v.name)) {
            throw new AwsError('ValidationException', `Variable '${v.name}' is not declared in pipeline '${p.name}'`);
          }
          if (given.has(v.name ?? '')) throw new AwsError('ValidationException', `Variable '${v.name}' is given twice`);
          given.set(v.name ?? '', v.value ?? '');
        }
        const variables = defaultVariables(p.declaration).filter((v) => !given.has(v.name));
        variables.push(...[...given].map(([name, resolvedValue]) => ({ name, resolvedValue })));
        for (const d of declared) {
          if (!variables.some((v) => v.name === d.name)) {
            throw new AwsError(
              'ValidationException',
              `Variable '${d.name}' has no default value: a value must be provided when the execution starts`,
            );
          }
        }
        const order = new Map(declared.map((d, i) => [d.name, i]));
        variables.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
        const sources = p.declaration.stages[0]?.actions ?? [];
        const overrides: SourceOverride[] = (input.sourceRevisions ?? []).map((o) => {
          const action = sources.find((a) => a.name === o.actionName);
          if (!action) {
            throw new AwsError(
              'ValidationException',
              `The source revision override names action '${o.actionName}', which is not a source action of ` +
                `pipeline '${p.name}'`,
            );
          }
          const provider = store.providers.get(actionTypeKey(action.actionTypeId));
          if (!provider?.revisionTypes?.includes(o.revisionType ?? '')) {
            throw new AwsError(
              'ValidationException',
              `Revision type ${o.revisionType} is not supported by the ${action.actionTypeId.provider} source ` +
                `action '${o.actionName}'`,
            );
          }
          return {
            actionName: o.actionName ?? '',
            revisionType: o.revisionType ?? '',
            revisionValue: o.revisionValue ?? '',
          };
        });
        const run = store.start(
          p,
          { triggerType: 'StartPipelineExecution', triggerDetail: callerArn(ctx) },
          { variables, overrides },
        );
        if (token !== undefined) p.requestTokens.set(token, run.id);
        return { pipelineExecutionId: run.id };
      }),

      GetPipelineExecution: op((input: GetPipelineExecutionInput) => {
        const p = requirePipeline(input.pipelineName);
        return { pipelineExecution: wireExecution(requireExecution(p, input.pipelineExecutionId)) };
      }),

      ListPipelineExecutions: op((input: ListPipelineExecutionsInput) => {
        const p = requirePipeline(input.pipelineName);
        const stage = input.filter?.succeededInStage?.stageName;
        const all = store
          .executions(p.name)
          .filter((e) => stage === undefined || e.stageStatus.get(stage) === 'Succeeded');
        const { items, nextToken } = page(all, input.nextToken, input.maxResults ?? 100);
        return { pipelineExecutionSummaries: items.map(wireSummary), ...(nextToken ? { nextToken } : {}) };
      }),

      ListActionExecutions: op((input: ListActionExecutionsInput) => {
        const p = requirePipeline(input.pipelineName);
        let runs = store.executions(p.name);
        const filterId =
          input.filter?.pipelineExecutionId ?? input.filter?.latestInPipelineExecution?.pipelineExecutionId;
        if (filterId !== undefined) runs = [requireExecution(p, filterId)];
        const records = runs
          .flatMap((e) => e.actions.map((r, i) => ({ r, i })))
          .sort((a, b) => b.r.startTime - a.r.startTime || b.i - a.i)
          .map((x) => x.r);
        const { items, nextToken } = page(records, input.nextToken, input.maxResults ?? 100);
        return { actionExecutionDetails: items.map(wireActionDetail), ...(nextToken ? { nextToken } : {}) };
      }),

      StopPipelineExecution: op((input: StopPipelineExecutionInput) => {
        const p = requirePipeline(input.pipelineName);
        const e = store.execution(p.name, input.pipelineExecutionId ?? '');
        const refused = e ? e.stop(input.abandon === true, input.reason) : 'not-stoppable';
        if (refused === 'not-stoppable') {
          throw new AwsError(
            'PipelineExecutionNotStoppableException',
            'Unable to stop the pipeline execution. The execution might already be in a Stopped state, or it might ' +
              'no longer be in progress.',
          );
        }
        if (refused === 'duplicate') {
          throw new AwsError(
            'DuplicatedStopRequestException',
            'The pipeline execution is already in a Stopping state. If you already chose to stop and wait, you ' +
              'cannot make that request again. You can choose to stop and abandon now, but be aware that this ' +
              'option can lead to failed tasks or out of sequence tasks. If you already chose to stop and abandon, ' +
              'you cannot make that request again.',
          );
        }
        return { pipelineExecutionId: input.pipelineExecutionId };
      }),

      PutApprovalResult: op((input: PutApprovalResultInput, ctx) => {
        const p = requirePipeline(input.pipelineName);
        const stage = p.declaration.stages.find((s) => s.name === input.stageName);
        if (!stage) {
          throw new AwsError(
            'StageNotFoundException',
            `Stage '${input.stageName}' does not exist in pipeline '${p.name}'`,
          );
        }
        if (!stage.actions.some((a) => a.name === input.actionName)) {
          throw new AwsError(
            'ActionNotFoundException',
            `Action '${input.actionName}' does not exist in stage '${stage.name}' of pipeline '${p.name}'`,
          );
        }
        const record = p.executions
          .flatMap((e) => e.actions)
          .find((r) => r.stageName === stage.name && r.actionName === input.actionName && r.token === input.token);
        if (!record) {
          throw new AwsError(
            'InvalidApprovalTokenException',
            'The approval request already received a response or has expired.',
          );
        }
        const answered =
          record.status === 'InProgress' &&
          store.approvals.answer(input.token ?? '', {
            status: input.result?.status === 'Approved' ? 'Approved' : 'Rejected',
            summary: input.result?.summary ?? '',
            by: callerArn(ctx),
          });
        if (!answered) {
          throw new AwsError(
            'ApprovalAlreadyCompletedException',
            'The approval action has already been approved or rejected.',
          );
        }
        return { approvedAt: epochSeconds(store.now()) };
      }),
    },
  };
}
