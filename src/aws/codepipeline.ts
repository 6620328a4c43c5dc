/**
 * CodePipeline: the client factory and thin typed calls for finding, starting, reading and stopping pipeline
 * executions.
 *
 * Failures a user must act on (missing pipeline, missing permission, refused input) become UserErrors naming the IAM
 * action; throttling and network failures that outlived the SDK's retries are rethrown as they are, so a caller that
 * polls can simply try again later. StopPipelineExecution's own refusals (not stoppable, already stopping) are
 * passed through untouched for the stop code to word.
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
  type StartPipelineExecutionCommandInput,
} from '@aws-sdk/client-codepipeline';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { errorName, serviceError } from './errors.js';

export type {
  ActionExecutionDetail,
  PipelineDeclaration,
  PipelineExecution,
  PipelineExecutionSummary,
  StartPipelineExecutionCommandInput,
};

export function createCodePipelineClient(opts: ClientOptions = {}): CodePipelineClient {
  return withCredentialSource(new CodePipelineClient(clientConfig({ service: 'CodePipeline', ...opts })), opts);
}

export interface ExecutionPage {
  readonly executions: PipelineExecutionSummary[];
  readonly nextToken?: string;
}

/** What the pipeline code needs from CodePipeline; `codePipelineApi(client)` implements it, tests fake it. */
export interface CodePipelineApi {
  /** The pipeline's structure (at `version`, default the latest). */
  getPipeline(name: string, version?: number): Promise<PipelineDeclaration>;
  /** One page of executions, newest first. */
  listPipelineExecutions(name: string, nextToken?: string, signal?: AbortSignal): Promise<ExecutionPage>;
  /** The new execution's id. */
  startPipelineExecution(input: StartPipelineExecutionCommandInput): Promise<string>;
  getPipelineExecution(name: string, executionId: string, signal?: AbortSignal): Promise<PipelineExecution>;
  /** Every action execution of one pipeline execution (all pages). */
  listActionExecutions(name: string, executionId: string, signal?: AbortSignal): Promise<ActionExecutionDetail[]>;
  stopPipelineExecution(
    name: string,
    executionId: string,
    options: { abandon: boolean; reason?: string },
    signal?: AbortSignal,
  ): Promise<void>;
}

/** ListActionExecutions and ListPipelineExecutions take at most 100 results a page. */
export const PAGE_SIZE = 100;
/** A pipeline execution with more action executions than this is not something a page loop should chase. */
const MAX_ACTION_PAGES = 50;

export function codePipelineApi(client: CodePipelineClient): CodePipelineApi {
  const call = async <T>(action: string, subject: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      throw codePipelineError(error, action, subject);
    }
  };
  return {
    getPipeline: (name, version) =>
      call('GetPipeline', name, async () => {
        const out = await client.send(new GetPipelineCommand({ name, ...(version !== undefined ? { version } : {}) }));
        if (out.pipeline === undefined) throw new Error('GetPipeline answered without a pipeline');
        return out.pipeline;
      }),
    listPipelineExecutions: (name, nextToken, signal) =>
      call('ListPipelineExecutions', name, async () => {
        const out = await client.send(
          new ListPipelineExecutionsCommand({
            pipelineName: name,
            maxResults: PAGE_SIZE,
            ...(nextToken !== undefined ? { nextToken } : {}),
          }),
          { abortSignal: signal },
        );
        return {
          executions: out.pipelineExecutionSummaries ?? [],
          ...(out.nextToken ? { nextToken: out.nextToken } : {}),
        };
      }),
    startPipelineExecution: (input) =>
      call('StartPipelineExecution', input.name ?? '', async () => {
        const out = await client.send(new StartPipelineExecutionCommand(input));
        if (!out.pipelineExecutionId) throw new Error('StartPipelineExecution answered without an execution id');
        return out.pipelineExecutionId;
      }),
    getPipelineExecution: (name, executionId, signal) =>
      call('GetPipelineExecution', `${name} ${executionId}`, async () => {
        const out = await client.send(
          new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: executionId }),
          {
            abortSignal: signal,
          },
        );
        if (out.pipelineExecution === undefined) throw new Error('GetPipelineExecution answered without an execution');
        return out.pipelineExecution;
      }),
    listActionExecutions: (name, executionId, signal) =>
      call('ListActionExecutions', `${name} ${executionId}`, async () => {
        const all: ActionExecutionDetail[] = [];
        let nextToken: string | undefined;
        for (let page = 0; page < MAX_ACTION_PAGES; page++) {
          const out = await client.send(
            new ListActionExecutionsCommand({
              pipelineName: name,
              filter: { pipelineExecutionId: executionId },
              maxResults: PAGE_SIZE,
              ...(nextToken !== undefined ? { nextToken } : {}),
            }),
            { abortSignal: signal },
          );
          all.push(...(out.actionExecutionDetails ?? []));
          nextToken = out.nextToken || undefined;
          if (nextToken === undefined) break;
        }
        return all;
      }),
    stopPipelineExecution: async (name, executionId, options, signal) => {
      try {
        await client.send(
          new StopPipelineExecutionCommand({
            pipelineName: name,
            pipelineExecutionId: executionId,
            abandon: options.abandon,
            ...(options.reason !== undefined ? { reason: options.reason } : {}),
          }),
          { abortSignal: signal },
        );
      } catch (error) {
        if (STOP_REFUSALS.has(errorName(error))) throw error;
        throw codePipelineError(error, 'StopPipelineExecution', `${name} ${executionId}`);
      }
    },
  };
}

/** StopPipelineExecution's answers that are about the execution's state, not a mistake. */
export const STOP_REFUSALS: ReadonlySet<string> = new Set([
  'PipelineExecutionNotStoppableException',
  'DuplicatedStopRequestException',
]);

/**
 * The error to throw for a failed CodePipeline call: a UserError that says what to do for the failures a user can
 * fix, the original error for transient failures and bugs.
 */
export function codePipelineError(error: unknown, action: string, subject: string): Error {
  return serviceError(error, 'codepipeline', action, subject, ({ name, message, detail, fail }) => {
    const pipeline = subject.split(' ')[0] ?? subject;
    switch (name) {
      case 'PipelineNotFoundException':
        return fail(
          `CodePipeline pipeline "${pipeline}" not found (${message}); check the pipeline name and the AWS region`,
        );
      case 'PipelineExecutionNotFoundException':
        return fail(`${action}: no execution ${subject.split(' ')[1] ?? ''} in pipeline "${pipeline}" (${message})`);
      case 'PipelineVersionNotFoundException':
        return fail(`${action} ${subject}: that version of the pipeline no longer exists (${message})`);
      case 'ConcurrentPipelineExecutionsLimitExceededException':
        return fail(
          `${action} ${pipeline}: the pipeline has as many executions queued as it may (${message}); wait for some to ` +
            'finish or use the SUPERSEDED execution mode',
        );
      case 'ValidationException':
      case 'InvalidNextTokenException':
        return fail(`${action} ${subject}: CodePipeline refused the request (${detail})`);
      default:
        return undefined;
    }
  });
}
