/**
 * Markdown for a job summary of one build, local or remote. Takes CodeBuild's `Build` shape (BatchGetBuilds),
 * which the local runner's result also has, so both actions render the same way.
 */
export interface PhaseLike {
  readonly phaseType?: string;
  readonly phaseStatus?: string;
  readonly startTime?: Date | number | string;
  readonly endTime?: Date | number | string;
  readonly durationInSeconds?: number;
  readonly contexts?: ReadonlyArray<{ readonly statusCode?: string; readonly message?: string }>;
}

export interface ReportCountsLike {
  readonly name: string;
  readonly type?: string;
  readonly status?: string;
  readonly summary?: Readonly<Record<string, unknown>>;
}

export interface BuildLike {
  readonly id?: string;
  readonly buildStatus?: string;
  readonly startTime?: Date | number | string;
  readonly endTime?: Date | number | string;
  readonly phases?: readonly PhaseLike[];
  readonly exportedEnvironmentVariables?: ReadonlyArray<{ readonly name?: string; readonly value?: string }>;
  readonly reports?: readonly ReportCountsLike[];
  /** Local builds: where the ZIP files are (a remote build's summary leaves these out). */
  readonly artifacts?: ArtifactLike;
  readonly secondaryArtifacts?: readonly ArtifactLike[];
}

export interface ArtifactLike {
  readonly artifactIdentifier?: string;
  readonly location?: string;
  /** The buildspec `name`, evaluated. */
  readonly name?: string;
}

export interface SummaryLinks {
  readonly console?: string;
  readonly logs?: string;
}

const ICONS: Record<string, string> = {
  SUCCEEDED: '✅',
  FAILED: '❌',
  FAULT: '❌',
  TIMED_OUT: '⏱️',
  STOPPED: '⏹️',
  IN_PROGRESS: '⏳',
};

/** Phases CodeBuild reports that carry no user work; left out of the table and chart. */
const BOOKKEEPING = new Set(['SUBMITTED', 'COMPLETED']);

export function buildSummaryMarkdown(title: string, build: BuildLike, links: SummaryLinks = {}): string {
  const status = build.buildStatus ?? 'UNKNOWN';
  const out: string[] = [`## ${escapeCell(title)}: ${ICONS[status] ?? ''} ${status}`.replace(/ {2,}/g, ' '), ''];
  const facts: string[] = [];
  if (build.id) facts.push(`**Build** \`${build.id}\``);
  const duration = seconds(build.startTime, build.endTime);
  if (duration !== undefined) facts.push(`**Duration** ${formatDuration(duration)}`);
  if (links.console) facts.push(`[Console](${links.console})`);
  if (links.logs) facts.push(`[Logs](${links.logs})`);
  if (facts.length > 0) out.push(facts.join(' · '), '');

  const phases = (build.phases ?? []).filter((p) => p.phaseType && !BOOKKEEPING.has(p.phaseType));
  if (phases.length > 0) {
    out.push('| Phase | Status | Duration | Context |', '| --- | --- | --- | --- |');
    for (const p of phases) {
      const context = (p.contexts ?? [])
        .filter((c) => c.statusCode || c.message)
        .map((c) => [c.statusCode, c.message].filter(Boolean).join(': '))
        .join('; ');
      const secs = p.durationInSeconds ?? seconds(p.startTime, p.endTime);
      out.push(
        `| ${p.phaseType} | ${ICONS[p.phaseStatus ?? ''] ?? ''} ${p.phaseStatus ?? ''} | ${secs === undefined ? '' : formatDuration(secs)} | ${escapeCell(context)} |`,
      );
    }
    out.push('', ...ganttChart(phases), '');
  }

  const reports = build.reports ?? [];
  if (reports.length > 0) {
    out.push('| Report group | Status | Summary |', '| --- | --- | --- |');
    for (const r of reports)
      out.push(`| ${escapeCell(r.name)} | ${r.status ?? ''} | ${escapeCell(describeCounts(r))} |`);
    out.push('');
  }

  const artifacts = [
    ...(build.artifacts?.location ? [{ ...build.artifacts, artifactIdentifier: '(primary)' }] : []),
    ...(build.secondaryArtifacts ?? []).filter((a) => a.location),
  ];
  if (artifacts.length > 0) {
    out.push('| Artifact | File | Name |', '| --- | --- | --- |');
    for (const a of artifacts) {
      const name = a.name ? `\`${escapeCell(a.name)}\`` : '';
      out.push(`| ${escapeCell(a.artifactIdentifier ?? '')} | \`${escapeCell(a.location ?? '')}\` | ${name} |`);
    }
    out.push('');
  }

  const exported = (build.exportedEnvironmentVariables ?? []).filter((v) => v.name);
  if (exported.length > 0) {
    out.push('| Exported variable | Value |', '| --- | --- |');
    for (const v of exported) out.push(`| \`${escapeCell(v.name ?? '')}\` | \`${escapeCell(v.value ?? '')}\` |`);
    out.push('');
  }
  return out.join('\n');
}

/** A Mermaid gantt chart of the phases that have start and end times. */
export function ganttChart(phases: readonly PhaseLike[]): string[] {
  const timed = phases.filter((p) => toMillis(p.startTime) !== undefined && toMillis(p.endTime) !== undefined);
  if (timed.length === 0) return [];
  const lines = ['```mermaid', 'gantt', '  dateFormat x', '  axisFormat %M:%S', '  section Phases'];
  for (const p of timed) {
    const start = toMillis(p.startTime) as number;
    const end = Math.max(toMillis(p.endTime) as number, start + 1);
    const tag = p.phaseStatus === 'SUCCEEDED' ? 'done' : p.phaseStatus === 'IN_PROGRESS' ? 'active' : 'crit';
    lines.push(`  ${p.phaseType} : ${tag}, ${start}, ${end}`);
  }
  lines.push('```');
  return lines;
}

function describeCounts(report: ReportCountsLike): string {
  const s = report.summary ?? {};
  if (typeof s.lineCoveragePercentage === 'number') return `line coverage ${s.lineCoveragePercentage.toFixed(1)}%`;
  const parts = ['total', 'passed', 'failed', 'errored', 'skipped']
    .filter((k) => typeof s[k] === 'number')
    .map((k) => `${String(s[k])} ${k}`);
  return parts.join(', ');
}

function toMillis(value: Date | number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

function seconds(start: PhaseLike['startTime'], end: PhaseLike['endTime']): number | undefined {
  const a = toMillis(start);
  const b = toMillis(end);
  return a === undefined || b === undefined ? undefined : Math.max(0, Math.round((b - a) / 1000));
}

export function formatDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = Math.floor(totalSeconds % 60);
  if (h > 0) return `${h}h ${m}m ${s}s`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}

/** Table cells: no pipes or newlines from data can break the table. */
function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
