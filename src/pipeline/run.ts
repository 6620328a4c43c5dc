/**
 * The pipeline action's and `aws-cicd pipeline`'s shared core: read the pipeline's structure, pick the execution to
 * follow (the one a commit started, a new one, or one given by id), then follow it (follow.ts).
 */
import type { CodePipelineApi, PipelineDeclaration } from '../aws/codepipeline.js';
import { isAccessDenied } from '../aws/errors.js';
import type { Reporter } from '../core/reporter.js';
import type { Clock, Sleep } from '../core/time.js';

/** Where selecting an execution says what it does. */
type Logger = Pick<Reporter, 'info' | 'warning' | 'debug'>;
import { UserError } from '../common/errors.js';
import {
  ACTION_NAMES,
  checkStartRequest,
  findExecutionForCommit,
  startInput,
  type OptionNames,
  type PipelineVariableSetting,
  type SourceRevisionSetting,
} from './start.js';

export type Selection =
  | { readonly kind: 'commit'; readonly commit: string; readonly waitSeconds: number }
  | {
      readonly kind: 'start';
      readonly variables: readonly PipelineVariableSetting[];
      readonly sourceRevisions: readonly SourceRevisionSetting[];
    }
  | { readonly kind: 'attach'; readonly executionId: string };

export interface SelectDeps {
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly logger: Logger;
  /** A line of ours (waiting for the execution…). */
  readonly say: (text: string) => void;
  /** StartPipelineExecution's clientRequestToken. */
  readonly token: () => string;
  readonly names?: OptionNames;
  readonly signal?: AbortSignal;
}

/**
 * The pipeline's structure at `version` (default: the latest). A missing pipeline is a UserError; without permission
 * to read it (codepipeline:GetPipeline) the execution is still followed, its stages in the order they ran.
 */
export async function readDeclaration(
  api: CodePipelineApi,
  pipeline: string,
  logger: Logger,
  version?: number,
): Promise<PipelineDeclaration | undefined> {
  try {
    return await api.getPipeline(pipeline, version);
  } catch (error) {
    if (isAccessDenied((error as { cause?: unknown }).cause)) {
      logger.warning(
        `cannot read the structure of pipeline ${pipeline} (${(error as Error).message}); stages are shown in the ` +
          'order they run and stages that did not run are not shown',
      );
      return undefined;
    }
    if (
      version !== undefined &&
      (error as { cause?: { name?: unknown } }).cause?.name === 'PipelineVersionNotFoundException'
    ) {
      return undefined;
    }
    throw error;
  }
}

export interface Selected {
  readonly executionId: string;
  readonly how: 'found' | 'started' | 'attached';
  /** The commit it was found for. */
  readonly commit?: string;
}

/** `Started execution X of pipeline P`, `Following execution X of pipeline P (started by commit C)`. */
export function describeSelected(selected: Selected, pipeline: string, url?: string): string {
  const what = `execution ${selected.executionId} of pipeline ${pipeline}`;
  const head =
    selected.how === 'started'
      ? `Started ${what}`
      : `Following ${what}${selected.commit ? ` (started by commit ${selected.commit})` : ''}`;
  return url ? `${head}: ${url}` : head;
}

/** The id of the execution to follow, and how it was chosen. */
export async function selectExecution(
  api: CodePipelineApi,
  pipeline: string,
  declaration: PipelineDeclaration | undefined,
  selection: Selection,
  deps: SelectDeps,
): Promise<Selected> {
  const names = deps.names ?? ACTION_NAMES;
  switch (selection.kind) {
    case 'attach': {
      const execution = await api.getPipelineExecution(pipeline, selection.executionId);
      return { executionId: execution.pipelineExecutionId ?? selection.executionId, how: 'attached' };
    }
    case 'start': {
      const request = {
        pipeline,
        variables: selection.variables,
        sourceRevisions: selection.sourceRevisions,
        clientRequestToken: deps.token(),
      };
      checkStartRequest(request, declaration, names);
      const executionId = await api.startPipelineExecution(startInput(request));
      return { executionId, how: 'started' };
    }
    case 'commit': {
      if (selection.commit.trim() === '') throw new UserError('no commit to find the execution of');
      const found = await findExecutionForCommit(api, pipeline, selection.commit, {
        waitSeconds: selection.waitSeconds,
        clock: deps.clock,
        sleep: deps.sleep,
        random: deps.random,
        logger: deps.logger,
        onWaiting: deps.say,
        names,
        signal: deps.signal,
      });
      return { executionId: found.pipelineExecutionId ?? '', how: 'found', commit: selection.commit };
    }
  }
}

/** The structure the execution ran with, when it is not the one read already. */
export async function declarationFor(
  api: CodePipelineApi,
  pipeline: string,
  executionId: string,
  latest: PipelineDeclaration | undefined,
  logger: Logger,
): Promise<PipelineDeclaration | undefined> {
  if (latest === undefined) return undefined;
  const execution = await api.getPipelineExecution(pipeline, executionId);
  const version = execution.pipelineVersion;
  if (version === undefined || version === latest.version) return latest;
  return (await readDeclaration(api, pipeline, logger, version)) ?? latest;
}
