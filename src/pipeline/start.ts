/**
 * Which execution to follow: the one a commit started (ListPipelineExecutions, matching the commit against each
 * execution's source revisions, waiting with back-off for it to appear), or a new one (StartPipelineExecution with V2
 * pipeline variables and source revision overrides, checked against the pipeline's structure before the call, and a
 * client request token so a retried start never starts twice).
 */
import type {
  CodePipelineApi,
  PipelineDeclaration,
  PipelineExecutionSummary,
  StartPipelineExecutionCommandInput,
} from '../aws/codepipeline.js';
import { isThrottling } from '../aws/errors.js';
import { BackoffRetryStrategy, isTransient } from '../aws/retry.js';
import { closest } from '../buildspec/grammar.js';
import { silentReporter, type Reporter } from '../core/reporter.js';
import { realSleep, systemClock, type Clock, type Sleep } from '../core/time.js';
import { UserError } from '../core/errors.js';

export const SOURCE_REVISION_TYPES = ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'] as const;
export type SourceRevisionType = (typeof SOURCE_REVISION_TYPES)[number];

export interface PipelineVariableSetting {
  readonly name: string;
  readonly value: string;
}

export interface SourceRevisionSetting {
  readonly actionName: string;
  readonly revisionType: SourceRevisionType;
  readonly revisionValue: string;
}

export interface StartRequest {
  readonly pipeline: string;
  readonly variables: readonly PipelineVariableSetting[];
  readonly sourceRevisions: readonly SourceRevisionSetting[];
  readonly clientRequestToken: string;
}

/** How the caller names its options in messages (the action's inputs, the CLI's flags). */
export interface OptionNames {
  readonly variables: string;
  readonly sourceRevisions: string;
  readonly wait: string;
  readonly start: string;
}

export const ACTION_NAMES: OptionNames = {
  variables: 'variables',
  sourceRevisions: 'source-revisions',
  wait: 'wait-for-execution-seconds',
  start: 'start: true',
};

const VARIABLE_NAME = /^[A-Za-z0-9@\-_]{1,128}$/;
const MAX_VARIABLE_VALUE = 1000;
const MAX_REVISION_VALUE = 1500;

/** `Action=value` (a commit id) or `Action=TYPE:value` with TYPE one of SOURCE_REVISION_TYPES. */
export function parseSourceRevision(text: string, where: string): SourceRevisionSetting {
  const eq = text.indexOf('=');
  const actionName = eq < 0 ? '' : text.slice(0, eq).trim();
  if (actionName === '' || eq === text.length - 1) {
    throw new UserError(
      `${where}: expected SourceActionName=REVISION or SourceActionName=TYPE:REVISION; got "${text}"`,
    );
  }
  const rest = text.slice(eq + 1).trim();
  const colon = rest.indexOf(':');
  const prefix = colon < 0 ? '' : rest.slice(0, colon);
  if ((SOURCE_REVISION_TYPES as readonly string[]).includes(prefix)) {
    return { actionName, revisionType: prefix as SourceRevisionType, revisionValue: rest.slice(colon + 1) };
  }
  return { actionName, revisionType: 'COMMIT_ID', revisionValue: rest };
}

/** Refuses what StartPipelineExecution would refuse, with the pipeline's structure when it is known. */
export function checkStartRequest(
  request: StartRequest,
  declaration: PipelineDeclaration | undefined,
  names: OptionNames = ACTION_NAMES,
): void {
  const seen = new Set<string>();
  for (const v of request.variables) {
    if (!VARIABLE_NAME.test(v.name)) {
      throw new UserError(
        `${names.variables}: "${v.name}" is not a pipeline variable name (letters, digits, @, - and _)`,
      );
    }
    if (seen.has(v.name)) throw new UserError(`${names.variables}: ${v.name} is given twice`);
    seen.add(v.name);
    if (v.value.length < 1 || v.value.length > MAX_VARIABLE_VALUE) {
      throw new UserError(
        `${names.variables}: the value of ${v.name} must be 1 to ${MAX_VARIABLE_VALUE} characters; it is ${v.value.length}`,
      );
    }
  }
  const actions = new Set<string>();
  for (const r of request.sourceRevisions) {
    if (actions.has(r.actionName)) throw new UserError(`${names.sourceRevisions}: ${r.actionName} is given twice`);
    actions.add(r.actionName);
    if (r.revisionValue.length < 1 || r.revisionValue.length > MAX_REVISION_VALUE) {
      throw new UserError(
        `${names.sourceRevisions}: the revision of ${r.actionName} must be 1 to ${MAX_REVISION_VALUE} characters`,
      );
    }
  }
  if (declaration === undefined) return;
  if (request.variables.length > 0) {
    if (declaration.pipelineType !== 'V2') {
      throw new UserError(
        `${names.variables}: pipeline "${request.pipeline}" is a ${declaration.pipelineType ?? 'V1'} pipeline; ` +
          'pipeline-level variables need a V2 pipeline',
      );
    }
    const declared = (declaration.variables ?? []).map((v) => v.name).filter((n): n is string => n !== undefined);
    for (const v of request.variables) {
      if (declared.includes(v.name)) continue;
      const hint = closest(v.name, declared);
      throw new UserError(
        `${names.variables}: pipeline "${request.pipeline}" declares no variable ${v.name}` +
          (hint ? `; did you mean ${hint}?` : declared.length > 0 ? ` (it declares ${declared.join(', ')})` : ''),
      );
    }
  }
  const sources = (declaration.stages ?? [])
    .flatMap((s) => s.actions ?? [])
    .filter((a) => a.actionTypeId?.category === 'Source')
    .map((a) => a.name)
    .filter((n): n is string => n !== undefined);
  for (const r of request.sourceRevisions) {
    if (sources.includes(r.actionName)) continue;
    const hint = closest(r.actionName, sources);
    throw new UserError(
      `${names.sourceRevisions}: pipeline "${request.pipeline}" has no source action ${r.actionName}` +
        (hint ? `; did you mean ${hint}?` : sources.length > 0 ? ` (its source actions: ${sources.join(', ')})` : ''),
    );
  }
}

export function startInput(request: StartRequest): StartPipelineExecutionCommandInput {
  return {
    name: request.pipeline,
    clientRequestToken: request.clientRequestToken,
    ...(request.variables.length > 0
      ? { variables: request.variables.map(({ name, value }) => ({ name, value })) }
      : {}),
    ...(request.sourceRevisions.length > 0
      ? {
          sourceRevisions: request.sourceRevisions.map(({ actionName, revisionType, revisionValue }) => ({
            actionName,
            revisionType,
            revisionValue,
          })),
        }
      : {}),
  };
}

/** Whether an execution's source revisions include `commit` (a full id, or an abbreviation of 7+ hex digits). */
export function startedBy(execution: PipelineExecutionSummary, commit: string): boolean {
  const wanted = commit.trim().toLowerCase();
  const abbreviated = /^[0-9a-f]{7,39}$/.test(wanted);
  return (execution.sourceRevisions ?? []).some((r) => {
    const id = r.revisionId?.trim().toLowerCase();
    if (!id) return false;
    return id === wanted || (abbreviated && /^[0-9a-f]{40,64}$/.test(id) && id.startsWith(wanted));
  });
}

export interface FindOptions {
  /** How long to wait for the execution to appear. */
  readonly waitSeconds: number;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  readonly random?: () => number;
  readonly logger?: Pick<Reporter, 'debug'>;
  /** Said once, when the first look found nothing. */
  readonly onWaiting?: (text: string) => void;
  /** Pages of 100 executions looked through on each try. Default 2. */
  readonly pages?: number;
  readonly names?: OptionNames;
  readonly signal?: AbortSignal;
}

/** First wait between looks, its growth and its ceiling. */
export const FIND_INTERVALS = { firstMs: 2000, factor: 1.5, maxMs: 15_000 };

/**
 * The newest execution started by `commit`; waits (2 s, then longer, at most 15 s between looks) up to
 * `waitSeconds` for it to appear, since a source action picks a push up after a delay. Nothing by then is a UserError.
 */
export async function findExecutionForCommit(
  api: CodePipelineApi,
  pipeline: string,
  commit: string,
  options: FindOptions,
): Promise<PipelineExecutionSummary> {
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const logger = options.logger ?? silentReporter;
  const backoff = new BackoffRetryStrategy({ maxAttempts: 1, random: options.random });
  const deadline = clock() + options.waitSeconds * 1000;
  let interval = FIND_INTERVALS.firstMs;
  let failures = 0;
  let throttled = false;
  let waiting = false;
  let newest: PipelineExecutionSummary | undefined;
  for (;;) {
    try {
      const found = await scan(api, pipeline, commit, options.pages ?? 2, options.signal);
      newest = found.newest ?? newest;
      if (found.match !== undefined) return found.match;
      failures = 0;
    } catch (error) {
      if (error instanceof UserError || !isTransient(error)) throw error;
      failures++;
      throttled = isThrottling(error);
      logger.debug(`ListPipelineExecutions failed (${(error as Error).message}); trying again`);
    }
    const left = deadline - clock();
    if (left <= 0 || options.signal?.aborted) throw notFound(pipeline, commit, options, newest);
    if (!waiting) {
      waiting = true;
      options.onWaiting?.(
        `No execution of pipeline ${pipeline} for commit ${commit} yet; waiting up to ${options.waitSeconds} s for one to appear`,
      );
    }
    const wait = failures > 0 ? backoff.delay(Math.min(failures - 1, 6), throttled) : interval;
    await sleep(Math.min(wait, left), options.signal);
    interval = Math.min(FIND_INTERVALS.maxMs, Math.round(interval * FIND_INTERVALS.factor));
  }
}

async function scan(
  api: CodePipelineApi,
  pipeline: string,
  commit: string,
  pages: number,
  signal?: AbortSignal,
): Promise<{ match?: PipelineExecutionSummary; newest?: PipelineExecutionSummary }> {
  let nextToken: string | undefined;
  let newest: PipelineExecutionSummary | undefined;
  const matches: PipelineExecutionSummary[] = [];
  for (let page = 0; page < pages; page++) {
    const out = await api.listPipelineExecutions(pipeline, nextToken, signal);
    newest ??= out.executions[0];
    matches.push(...out.executions.filter((e) => startedBy(e, commit)));
    if (matches.length > 0 || out.nextToken === undefined) break;
    nextToken = out.nextToken;
  }
  const time = (e: PipelineExecutionSummary): number => e.startTime?.getTime() ?? 0;
  const match = matches.sort((a, b) => time(b) - time(a))[0];
  return { ...(match ? { match } : {}), ...(newest ? { newest } : {}) };
}

function notFound(
  pipeline: string,
  commit: string,
  options: FindOptions,
  newest: PipelineExecutionSummary | undefined,
): UserError {
  const names = options.names ?? ACTION_NAMES;
  const revision = newest?.sourceRevisions?.map((r) => `${r.actionName ?? '?'}: ${r.revisionId ?? '?'}`).join(', ');
  const seen = newest
    ? ` The newest execution, ${newest.pipelineExecutionId ?? '?'} (${newest.status ?? '?'}), is for ${revision || 'no source revision'}.`
    : ' The pipeline has no executions.';
  return new UserError(
    `no execution of pipeline ${pipeline} for commit ${commit} appeared within ${options.waitSeconds} s.${seen} ` +
      `Check that the pipeline's source action watches the branch or repository that was pushed (and, for a ` +
      `mirror, that the push reached it), wait longer with ${names.wait}, or start an execution with ${names.start}.`,
  );
}
