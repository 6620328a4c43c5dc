/**
 * What a followed pipeline execution reports: the action's outputs (per-stage status, the execution's variables and
 * the actions' output variables), one annotation per failed action (a build's failed phase and last log lines, a
 * deployment's failing hook, an approval's rejection), the step's one-line failure, and the job summary (a stage
 * table and a Mermaid flowchart of stages and actions coloured by status).
 */
import { formatDuration, millisBetween } from '../core/duration.js';
import { cell, icon } from '../core/markdown.js';
import type { Table } from '../core/reporter.js';
import { failures as buildFailures } from '../codebuild/report.js';
import { deploymentFailures, type Annotation } from '../deploy/report.js';
import type { ActionResult } from './actions.js';
import { executionSeconds, type PipelineOutcome } from './follow.js';
import { executionConsoleUrl } from './links.js';
import { isApproval, type ActionView, type StageView } from './model.js';

/** Output names, as in actions/pipeline/action.yml. */
export enum PipelineOutputs {
  ExecutionId = 'execution-id',
  ExecutionUrl = 'execution-url',
  Status = 'status',
  Stages = 'stages',
  Variables = 'variables',
}

/** `{ "Source": "Succeeded", "Build": "Failed", "Deploy": "NotStarted" }`, in pipeline order. */
export function stagesJson(stages: readonly StageView[]): Record<string, string> {
  return Object.fromEntries(stages.map((s) => [s.name, s.status]));
}

/**
 * The execution's variables under `variables` and each action's output variables under its namespace (else
 * `<stage>.<action>`): the names a pipeline itself uses, `#{variables.NAME}` and `#{Namespace.NAME}`.
 */
export function variablesJson(
  outcome: Pick<PipelineOutcome, 'execution' | 'stages'>,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const pipelineVariables = outcome.execution.variables ?? [];
  if (pipelineVariables.length > 0) {
    out.variables = Object.fromEntries(
      pipelineVariables.filter((v) => v.name !== undefined).map((v) => [v.name as string, v.resolvedValue ?? '']),
    );
  }
  for (const stage of outcome.stages) {
    for (const action of stage.actions) {
      if (action.outputVariables === undefined) continue;
      out[action.namespace ?? `${action.stage}.${action.name}`] = { ...action.outputVariables };
    }
  }
  return out;
}

export function pipelineOutputs(outcome: PipelineOutcome, region: string, pipeline: string): Record<string, string> {
  const id = outcome.execution.pipelineExecutionId ?? '';
  return {
    [PipelineOutputs.ExecutionId]: id,
    [PipelineOutputs.ExecutionUrl]: id ? executionConsoleUrl(region, pipeline, id) : '',
    [PipelineOutputs.Status]: outcome.execution.status ?? '',
    [PipelineOutputs.Stages]: JSON.stringify(stagesJson(outcome.stages)),
    [PipelineOutputs.Variables]: JSON.stringify(variablesJson(outcome)),
  };
}

const key = (a: ActionView): string => `${a.stage}/${a.name}`;

/** One or more annotations per failed action. */
export function pipelineFailures(
  outcome: PipelineOutcome,
  options: { scriptFile?: (scriptName: string) => string | undefined } = {},
): Annotation[] {
  const notes: Annotation[] = [];
  for (const stage of outcome.stages) {
    for (const action of stage.actions) {
      if (action.status !== 'Failed') continue;
      notes.push(...actionFailures(action, outcome.followed.get(key(action)), options));
    }
  }
  return notes;
}

function actionFailures(
  action: ActionView,
  result: ActionResult | undefined,
  options: { scriptFile?: (scriptName: string) => string | undefined },
): Annotation[] {
  const where = `${action.stage}/${action.name}`;
  if (result?.build !== undefined) {
    const found = buildFailures(result.build);
    if (found.length > 0) return found.map((f) => ({ ...f, title: `${where}: ${f.title}` }));
  }
  if (result?.deployment !== undefined) {
    const found = deploymentFailures(result.deployment, options);
    if (found.length > 0) return found.map((f) => ({ ...f, title: `${where}: ${f.title}` }));
  }
  if (isApproval(action)) {
    const by = action.updatedBy ? ` by ${action.updatedBy}` : '';
    return [{ title: `${where}: rejected`, message: `Rejected${by}${action.summary ? `: ${action.summary}` : ''}` }];
  }
  const body = [
    `Action ${where}${action.provider ? ` (${action.provider})` : ''} failed`,
    ...(action.error?.message ? [`${action.error.code ? `${action.error.code}: ` : ''}${action.error.message}`] : []),
    ...(action.summary && action.summary !== action.error?.message ? [action.summary] : []),
    ...(action.externalUrl ? [action.externalUrl] : []),
  ];
  const context = result?.lastLines ?? [];
  return [{ title: `${where} failed`, message: body.join('\n'), ...(context.length > 0 ? { context } : {}) }];
}

/** `pipeline P execution X Failed in stage Build (action Build)`, for the step's failure. */
export function pipelineFailureSummary(outcome: PipelineOutcome, pipeline: string): string {
  const e = outcome.execution;
  const failedStage = outcome.stages.find((s) => s.status === 'Failed');
  const failedActions = failedStage?.actions.filter((a) => a.status === 'Failed').map((a) => a.name) ?? [];
  const where = failedStage
    ? ` in stage ${failedStage.name}${failedActions.length > 0 ? ` (${failedActions.join(', ')})` : ''}`
    : '';
  const summary = e.statusSummary?.trim() ? `: ${e.statusSummary.trim().split(/\r?\n/)[0]}` : '';
  return `pipeline ${pipeline} execution ${e.pipelineExecutionId ?? ''} ${e.status ?? 'Unknown'}${where}${summary}`;
}

export function pipelineSummaryMarkdown(
  outcome: PipelineOutcome,
  options: { pipeline: string; region: string },
): string {
  const e = outcome.execution;
  const status = e.status ?? 'Unknown';
  const out: string[] = [
    `## CodePipeline ${cell(options.pipeline)}: ${icon(status)} ${status}`.replace(/ {2,}/g, ' '),
    '',
  ];
  const facts: string[] = [];
  if (e.pipelineExecutionId) facts.push(`**Execution** \`${e.pipelineExecutionId}\``);
  const seconds = executionSeconds(outcome.stages);
  if (seconds !== undefined) facts.push(`**Duration** ${formatDuration(seconds * 1000)}`);
  if (e.trigger?.triggerType) facts.push(`**Trigger** ${cell(e.trigger.triggerType)}`);
  for (const r of e.artifactRevisions ?? []) {
    if (r.revisionId) facts.push(`**${cell(r.name ?? 'Source')}** \`${cell(r.revisionId.slice(0, 40))}\``);
  }
  if (e.pipelineExecutionId) {
    facts.push(`[Console](${executionConsoleUrl(options.region, options.pipeline, e.pipelineExecutionId)})`);
  }
  if (facts.length > 0) out.push(facts.join(' · '), '');
  if (status === 'Superseded') out.push('> A newer execution overtook this one and carries its changes on.', '');

  if (outcome.stages.length > 0) {
    out.push('| Stage | Status | Duration | Actions |', '| --- | --- | --- | --- |');
    for (const stage of outcome.stages) {
      const took =
        stage.startTime && stage.endTime
          ? formatDuration(Math.max(0, Math.round((stage.endTime.getTime() - stage.startTime.getTime()) / 1000)) * 1000)
          : '';
      const actions = stage.actions
        .map((a) => `${icon(a.status ?? 'NotStarted')} ${a.name}${a.summary ? `: ${oneLine(a.summary, 80)}` : ''}`)
        .join('<br>');
      out.push(`| ${cell(stage.name)} | ${icon(stage.status)} ${stage.status} | ${took} | ${cell(actions)} |`);
    }
    out.push('', ...flowchart(outcome.stages), '');
  }

  const variables = variablesJson(outcome);
  const rows = Object.entries(variables).flatMap(([namespace, values]) =>
    Object.entries(values).map(
      ([name, value]) => `| \`#{${cell(namespace)}.${cell(name)}}\` | ${cell(oneLine(value, 200))} |`,
    ),
  );
  if (rows.length > 0) out.push('| Variable | Value |', '| --- | --- |', ...rows, '');
  return out.join('\n');
}

/** Mermaid classes per status; actions and stages share them. */
const CLASSES: ReadonlyArray<[string, string]> = [
  ['succeeded', 'fill:#dcfce7,stroke:#16a34a,color:#14532d'],
  ['failed', 'fill:#fee2e2,stroke:#dc2626,color:#7f1d1d'],
  ['running', 'fill:#dbeafe,stroke:#2563eb,color:#1e3a8a'],
  ['stopped', 'fill:#f3f4f6,stroke:#6b7280,color:#111827'],
  ['pending', 'fill:#ffffff,stroke:#9ca3af,color:#6b7280,stroke-dasharray:4 2'],
];

function classOf(status: string | undefined): string {
  switch (status) {
    case 'Succeeded':
      return 'succeeded';
    case 'Failed':
      return 'failed';
    case 'InProgress':
      return 'running';
    case 'Stopped':
    case 'Abandoned':
    case 'Cancelled':
      return 'stopped';
    default:
      return 'pending';
  }
}

/**
 * A Mermaid flowchart: stages left to right in pipeline order, each a subgraph of its actions (run orders top to
 * bottom, joined by arrows), every node classed by its status. Names go inside quoted labels with Mermaid's entity
 * codes for what could end a label or a code block.
 */
export function flowchart(stages: readonly StageView[]): string[] {
  const lines = ['```mermaid', 'flowchart LR'];
  const classes: string[] = [];
  stages.forEach((stage, s) => {
    const sid = `s${s}`;
    lines.push(`  subgraph ${sid}["${mermaidText(stage.name)}"]`, '    direction TB');
    const ids = new Map<ActionView, string>();
    stage.actions.forEach((action, a) => {
      const id = `${sid}a${a}`;
      ids.set(action, id);
      const provider = action.provider ? `<br/>${mermaidText(action.provider)}` : '';
      lines.push(`    ${id}["${mermaidText(action.name)}${provider}"]`);
      classes.push(`  class ${id} ${classOf(action.status)}`);
    });
    const orders = [...new Set(stage.actions.map((a) => a.runOrder))].sort((x, y) => x - y);
    for (let i = 1; i < orders.length; i++) {
      const from = stage.actions.filter((a) => a.runOrder === orders[i - 1]);
      const to = stage.actions.filter((a) => a.runOrder === orders[i]);
      for (const f of from) for (const t of to) lines.push(`    ${ids.get(f)} --> ${ids.get(t)}`);
    }
    lines.push('  end');
    classes.push(`  class ${sid} ${classOf(stage.status)}`);
  });
  for (let s = 1; s < stages.length; s++) lines.push(`  s${s - 1} --> s${s}`);
  for (const [name, style] of CLASSES) lines.push(`  classDef ${name} ${style}`);
  lines.push(...classes, '```');
  return lines;
}

/** Text for a quoted Mermaid label: entity codes for #, quotes, angle brackets, ampersands and backticks. */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    .replace(/[\r\n]+/g, ' ');
}

function oneLine(text: string, max: number): string {
  const line = text.trim().replace(/\s*[\r\n]+\s*/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The closing table on a terminal: each stage, its status and duration; the footer says how it ended. */
export function pipelineTable(outcome: PipelineOutcome, pipeline: string): Table {
  const status = outcome.execution.status ?? 'Unknown';
  const seconds = executionSeconds(outcome.stages);
  return {
    columns: ['Stage', 'Status', 'Duration'],
    rows: outcome.stages.map((stage) => [
      stage.name,
      stage.status,
      stage.startTime && stage.endTime ? formatDuration(millisBetween(stage.startTime, stage.endTime) ?? 0) : '',
    ]),
    statusColumn: 1,
    footer: {
      text: `Pipeline ${pipeline} ${status}${seconds === undefined ? '' : ` in ${formatDuration(seconds * 1000)}`}`,
      ok: status === 'Succeeded' || status === 'Superseded',
    },
  };
}
