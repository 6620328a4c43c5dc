/**
 * A scripted CodePipeline behind aws-sdk-client-mock: each GetPipelineExecution call moves the execution to its next
 * step (the last one repeats) and ListActionExecutions answers that step's actions, in pages of 2 (newest first, as
 * AWS lists them) so the paging is exercised. Plus a pipeline structure and helpers for action executions.
 */
import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type ActionExecutionDetail,
  type PipelineDeclaration,
  type PipelineExecution,
  type PipelineExecutionSummary,
} from '@aws-sdk/client-codepipeline';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import type { Build, CodeBuildApi } from '../../src/aws/codebuild.js';
import { codePipelineApi, type CodePipelineApi } from '../../src/aws/codepipeline.js';
import type { LogsApi, LogStreamRef } from '../../src/aws/logs.js';
import type { FakeLogStream } from '../codebuild/fakes.js';
import { FAKE_CREDENTIALS, serviceError } from '../aws/fake-aws.js';

export const T = (s: number): Date => new Date(1_700_000_000_000 + s * 1000);

const type = (category: string, provider: string) => ({ category, owner: 'AWS', provider, version: '1' }) as never;

export const DECLARATION: PipelineDeclaration = {
  name: 'app',
  roleArn: 'arn:aws:iam::111122223333:role/pipeline',
  pipelineType: 'V2',
  version: 3,
  variables: [{ name: 'ENVIRONMENT', defaultValue: 'staging' }, { name: 'RELEASE' }],
  stages: [
    {
      name: 'Source',
      actions: [{ name: 'Source', actionTypeId: type('Source', 'CodeCommit'), namespace: 'SourceVariables' }],
    },
    {
      name: 'Build',
      actions: [{ name: 'Build', actionTypeId: type('Build', 'CodeBuild'), namespace: 'BuildVariables' }],
    },
    {
      name: 'Approve',
      actions: [
        {
          name: 'Review',
          actionTypeId: type('Approval', 'Manual'),
          configuration: {
            CustomData: 'Check the staging site first',
            ExternalEntityLink: 'https://staging.example.com',
          },
        },
      ],
    },
    { name: 'Deploy', actions: [{ name: 'Deploy', actionTypeId: type('Deploy', 'CodeDeploy') }] },
  ],
};

export function action(
  stage: string,
  name: string,
  status: string,
  extra: Partial<ActionExecutionDetail> & {
    externalId?: string;
    summary?: string;
    outputs?: Record<string, string>;
  } = {},
): ActionExecutionDetail {
  const { externalId, summary, outputs, ...rest } = extra;
  return {
    pipelineExecutionId: 'exec-1',
    actionExecutionId: `${stage}-${name}`,
    stageName: stage,
    actionName: name,
    status: status as never,
    startTime: T(0),
    lastUpdateTime: T(5),
    output: {
      executionResult: {
        ...(externalId ? { externalExecutionId: externalId } : {}),
        ...(summary ? { externalExecutionSummary: summary } : {}),
      },
      ...(outputs ? { outputVariables: outputs } : {}),
    },
    ...rest,
  };
}

export interface PipelineStep {
  readonly status: string;
  readonly actions: readonly ActionExecutionDetail[];
  readonly execution?: Partial<PipelineExecution>;
}

export interface ScriptedPipeline {
  readonly api: CodePipelineApi;
  readonly mock: AwsClientStub<CodePipelineClient>;
  /** GetPipelineExecution calls so far. */
  polls(): number;
  executions: PipelineExecutionSummary[];
}

export function scriptedPipeline(
  steps: readonly PipelineStep[],
  options: { declaration?: PipelineDeclaration; executionId?: string } = {},
): ScriptedPipeline {
  const client = new CodePipelineClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
  const mock = mockClient(client);
  const id = options.executionId ?? 'exec-1';
  let at = 0;
  const current = (): PipelineStep => steps[Math.min(Math.max(at - 1, 0), steps.length - 1)] as PipelineStep;
  const script: ScriptedPipeline = {
    api: codePipelineApi(client),
    mock,
    polls: () => at,
    executions: [],
  };
  mock.on(GetPipelineCommand).callsFake((input: { name: string }) => {
    if (input.name !== 'app')
      throw serviceError('PipelineNotFoundException', `Account does not have a pipeline with name '${input.name}'`);
    return { pipeline: options.declaration ?? DECLARATION, metadata: {} };
  });
  mock.on(GetPipelineExecutionCommand).callsFake((input: { pipelineExecutionId: string }) => {
    if (input.pipelineExecutionId !== id) {
      throw serviceError(
        'PipelineExecutionNotFoundException',
        `Pipeline Execution ${input.pipelineExecutionId} does not exist`,
      );
    }
    at++;
    const step = current();
    return {
      pipelineExecution: {
        pipelineName: 'app',
        pipelineVersion: 3,
        pipelineExecutionId: id,
        status: step.status,
        artifactRevisions: [
          {
            name: 'SourceArtifact',
            revisionId: 'c0ffee1234567890c0ffee1234567890c0ffee12',
            revisionSummary: 'Fix the login\n\nlong body',
          },
        ],
        ...step.execution,
      },
    };
  });
  mock
    .on(ListActionExecutionsCommand)
    .callsFake((input: { nextToken?: string; filter?: { pipelineExecutionId?: string } }) => {
      if (input.filter?.pipelineExecutionId !== id) return { actionExecutionDetails: [] };
      const all = [...current().actions].reverse();
      const from = input.nextToken ? Number(input.nextToken) : 0;
      const next = from + 2 < all.length ? String(from + 2) : undefined;
      return { actionExecutionDetails: all.slice(from, from + 2), ...(next ? { nextToken: next } : {}) };
    });
  mock.on(ListPipelineExecutionsCommand).callsFake(() => ({ pipelineExecutionSummaries: script.executions }));
  mock.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: id });
  mock.on(StopPipelineExecutionCommand).resolves({ pipelineExecutionId: id });
  return script;
}

export const BUILD_ID = 'app-build:0b5c2f3e-1111-2222-3333-444455556666';
export const c = (text: string): string => `[Container] 2023/11/14 22:13:20.000000 ${text}`;

export function build(id: string, status: 'SUCCEEDED' | 'FAILED'): Build {
  const [project, uuid] = id.split(':') as [string, string];
  return {
    id,
    arn: `arn:aws:codebuild:us-east-1:111122223333:build/${id}`,
    projectName: project,
    buildStatus: status,
    buildComplete: true,
    currentPhase: 'COMPLETED',
    startTime: T(10),
    endTime: T(40),
    phases: [
      { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED' },
      {
        phaseType: 'BUILD',
        phaseStatus: status,
        ...(status === 'FAILED'
          ? {
              contexts: [
                {
                  statusCode: 'COMMAND_EXECUTION_ERROR',
                  message: 'Error while executing command: make. Reason: exit status 2',
                },
              ],
            }
          : {}),
      },
    ],
    logs: { groupName: `/aws/codebuild/${project}`, streamName: uuid, cloudWatchLogs: { status: 'ENABLED' } },
  } as Build;
}

/** CodeBuild builds by id; CloudWatch Logs streams by name. */
export function fakeBuilds(builds: Record<string, Build>, streams: Record<string, FakeLogStream>) {
  const codebuild: CodeBuildApi = {
    startBuild: () => Promise.reject(new Error('not used')),
    startBuildBatch: () => Promise.reject(new Error('not used')),
    getBuilds: async (ids) => ids.map((id) => builds[id]).filter((b): b is Build => b !== undefined),
    getBuildBatch: async () => undefined,
    stopBuild: () => Promise.reject(new Error('a pipeline never stops its builds itself')),
    stopBuildBatch: () => Promise.reject(new Error('not used')),
  };
  const stream = (ref: LogStreamRef): FakeLogStream => {
    const s = streams[ref.stream];
    if (s === undefined) throw new Error(`no stream ${ref.stream}`);
    return s;
  };
  const logs: LogsApi = {
    getLogEvents: (ref, from) => stream(ref).getLogEvents(ref, from),
    startLiveTail: (ref, signal) => stream(ref).startLiveTail(ref, signal),
  };
  return { codebuild, logs };
}
