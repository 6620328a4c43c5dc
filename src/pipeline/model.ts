/**
 * One pipeline execution as stages and actions: the pipeline's structure (GetPipeline at the execution's version:
 * stage order, every action with its run order, provider and configuration) merged with what ListActionExecutions
 * says ran (status, external id, summary, output variables). The latest execution of an action wins (a retried stage
 * runs its actions again). A stage's status is derived from its actions, since the API gives none per execution.
 */
import type { ActionExecutionDetail, PipelineDeclaration } from '../aws/codepipeline.js';

export interface ActionView {
  readonly stage: string;
  readonly name: string;
  readonly runOrder: number;
  readonly category?: string;
  readonly owner?: string;
  readonly provider?: string;
  /** InProgress, Succeeded, Failed, Abandoned; undefined: not run (yet). */
  readonly status?: string;
  readonly actionExecutionId?: string;
  readonly namespace?: string;
  /** The provider's id: a CodeBuild build id, a CodeDeploy deployment id, a commit… */
  readonly externalId?: string;
  readonly externalUrl?: string;
  readonly summary?: string;
  readonly error?: { readonly code?: string; readonly message?: string };
  /** The Commands action's CloudWatch log stream. */
  readonly logStreamArn?: string;
  readonly startTime?: Date;
  readonly lastUpdateTime?: Date;
  readonly updatedBy?: string;
  readonly outputVariables?: Readonly<Record<string, string>>;
  /** The action's configuration (resolved for this execution when it ran, else as declared). */
  readonly configuration?: Readonly<Record<string, string>>;
}

export type StageStatus = 'NotStarted' | 'InProgress' | 'Succeeded' | 'Failed' | 'Stopped' | 'Cancelled';

export interface StageView {
  readonly name: string;
  readonly status: StageStatus;
  readonly actions: readonly ActionView[];
  readonly startTime?: Date;
  readonly endTime?: Date;
}

export const FINAL_ACTION_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Abandoned']);
export const FINAL_EXECUTION_STATUSES: ReadonlySet<string> = new Set([
  'Succeeded',
  'Failed',
  'Stopped',
  'Cancelled',
  'Superseded',
]);

const key = (stage: string, action: string): string => `${stage}\u0000${action}`;

/** The newest execution of each action, by start time (then last update). */
function latest(details: readonly ActionExecutionDetail[]): Map<string, ActionExecutionDetail> {
  const out = new Map<string, ActionExecutionDetail>();
  const time = (d: ActionExecutionDetail): number => d.startTime?.getTime() ?? d.lastUpdateTime?.getTime() ?? 0;
  for (const d of details) {
    if (d.stageName === undefined || d.actionName === undefined) continue;
    const k = key(d.stageName, d.actionName);
    const before = out.get(k);
    if (
      before === undefined ||
      time(d) > time(before) ||
      (time(d) === time(before) && (d.lastUpdateTime?.getTime() ?? 0) >= (before.lastUpdateTime?.getTime() ?? 0))
    ) {
      out.set(k, d);
    }
  }
  return out;
}

function fromDetail(
  base: Omit<ActionView, 'status'> & { status?: string },
  d: ActionExecutionDetail | undefined,
): ActionView {
  if (d === undefined) return base;
  const result = d.output?.executionResult;
  const type = d.input?.actionTypeId;
  const error = result?.errorDetails;
  const outputs = d.output?.outputVariables;
  const configuration = d.input?.resolvedConfiguration ?? d.input?.configuration ?? base.configuration;
  return {
    ...base,
    category: type?.category ?? base.category,
    owner: type?.owner ?? base.owner,
    provider: type?.provider ?? base.provider,
    ...(d.status !== undefined ? { status: d.status } : {}),
    ...(d.actionExecutionId !== undefined ? { actionExecutionId: d.actionExecutionId } : {}),
    ...((d.input?.namespace ?? base.namespace) !== undefined
      ? { namespace: d.input?.namespace ?? base.namespace }
      : {}),
    ...(result?.externalExecutionId ? { externalId: result.externalExecutionId } : {}),
    ...(result?.externalExecutionUrl ? { externalUrl: result.externalExecutionUrl } : {}),
    ...(result?.externalExecutionSummary ? { summary: result.externalExecutionSummary } : {}),
    ...(error?.code || error?.message ? { error: { code: error.code, message: error.message } } : {}),
    ...(result?.logStreamARN ? { logStreamArn: result.logStreamARN } : {}),
    ...(d.startTime !== undefined ? { startTime: d.startTime } : {}),
    ...(d.lastUpdateTime !== undefined ? { lastUpdateTime: d.lastUpdateTime } : {}),
    ...(d.updatedBy !== undefined ? { updatedBy: d.updatedBy } : {}),
    ...(outputs !== undefined && Object.keys(outputs).length > 0 ? { outputVariables: outputs } : {}),
    ...(configuration !== undefined ? { configuration } : {}),
  };
}

/** The stages of the execution in pipeline order, each with its actions in run order. */
export function pipelineView(
  declaration: PipelineDeclaration | undefined,
  details: readonly ActionExecutionDetail[],
  executionStatus: string | undefined,
): StageView[] {
  const ran = latest(details);
  const used = new Set<string>();
  const stages: Array<{ name: string; actions: ActionView[]; declared: boolean }> = [];
  for (const stage of declaration?.stages ?? []) {
    if (stage.name === undefined) continue;
    const actions = (stage.actions ?? [])
      .map((a, index) => ({ a, index }))
      .filter(({ a }) => a.name !== undefined)
      .sort((x, y) => (x.a.runOrder ?? 1) - (y.a.runOrder ?? 1) || x.index - y.index)
      .map(({ a }) => {
        const k = key(stage.name as string, a.name as string);
        used.add(k);
        return fromDetail(
          {
            stage: stage.name as string,
            name: a.name as string,
            runOrder: a.runOrder ?? 1,
            category: a.actionTypeId?.category,
            owner: a.actionTypeId?.owner,
            provider: a.actionTypeId?.provider,
            ...(a.namespace !== undefined ? { namespace: a.namespace } : {}),
            ...(a.configuration !== undefined ? { configuration: a.configuration } : {}),
          },
          ran.get(k),
        );
      });
    stages.push({ name: stage.name, actions, declared: true });
  }
  // Actions the structure does not name (no structure, or a different version): in the order they started.
  const extra = [...ran.entries()]
    .filter(([k]) => !used.has(k))
    .map(([, d]) => d)
    .sort((a, b) => (a.startTime?.getTime() ?? 0) - (b.startTime?.getTime() ?? 0));
  for (const d of extra) {
    const stageName = d.stageName as string;
    let stage = stages.find((s) => s.name === stageName);
    if (stage === undefined) {
      stage = { name: stageName, actions: [], declared: false };
      stages.push(stage);
    }
    stage.actions.push(
      fromDetail({ stage: stageName, name: d.actionName as string, runOrder: stage.actions.length + 1 }, d),
    );
  }
  const executionFinal = FINAL_EXECUTION_STATUSES.has(executionStatus ?? '');
  return stages.map((s, i) => {
    const later = stages.slice(i + 1).some((t) => t.actions.some((a) => a.status !== undefined));
    const status = stageStatus(s.actions, s.declared, later, executionFinal ? executionStatus : undefined);
    const starts = s.actions.map((a) => a.startTime?.getTime()).filter((t): t is number => t !== undefined);
    const ends = s.actions.map((a) => a.lastUpdateTime?.getTime()).filter((t): t is number => t !== undefined);
    const final = status !== 'InProgress' && status !== 'NotStarted';
    return {
      name: s.name,
      status,
      actions: s.actions,
      ...(starts.length > 0 ? { startTime: new Date(Math.min(...starts)) } : {}),
      ...(final && ends.length > 0 ? { endTime: new Date(Math.max(...ends)) } : {}),
    };
  });
}

/**
 * A stage's status from its actions: running while any action runs; Failed when one failed; Stopped when one was
 * abandoned; Succeeded when all succeeded. When some never ran: in progress (between run orders) unless a later stage
 * started or the execution ended, which then decides.
 */
function stageStatus(
  actions: readonly ActionView[],
  declared: boolean,
  laterStarted: boolean,
  finalExecution: string | undefined,
): StageStatus {
  const statuses = actions.map((a) => a.status);
  if (statuses.every((s) => s === undefined)) return 'NotStarted';
  if (statuses.includes('InProgress')) return 'InProgress';
  if (statuses.includes('Failed')) return 'Failed';
  if (statuses.includes('Abandoned')) return 'Stopped';
  const allRan = statuses.every((s) => s !== undefined);
  if ((allRan && declared) || laterStarted) return 'Succeeded';
  switch (finalExecution) {
    case undefined:
      return 'InProgress';
    case 'Succeeded':
      return 'Succeeded';
    case 'Stopped':
      return 'Stopped';
    case 'Failed':
      return 'Failed';
    default:
      return 'Cancelled';
  }
}

/** Whether an action runs a CodeBuild build (Build or Test category), whose log can be followed. */
export function isCodeBuild(action: ActionView): boolean {
  return action.provider === 'CodeBuild' && (action.owner === undefined || action.owner === 'AWS');
}

/** Whether an action runs a CodeDeploy deployment. */
export function isCodeDeploy(action: ActionView): boolean {
  return action.provider === 'CodeDeploy' || action.provider === 'CodeDeployToECS';
}

/** Whether an action is a manual approval. */
export function isApproval(action: ActionView): boolean {
  return action.category === 'Approval';
}
