/**
 * Markdown for a job summary of one build, local or remote. Takes CodeBuild's `Build` shape (BatchGetBuilds),
 * which the local runner's result also has, so both render the same way; and the closing table of a terminal.
 */
import { formatDuration, millisBetween, toMillis, type TimeLike } from './duration.js';
import { cell, icon } from './markdown.js';
import type { Table } from './reporter.js';

export interface PhaseLike {
  readonly phaseType?: string;
  readonly phaseStatus?: string;
  readonly startTime?: TimeLike;
  readonly endTime?: TimeLike;
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
  readonly startTime?: TimeLike;
  readonly endTime?: TimeLike;
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

/** Phases CodeBuild reports that carry no user work; left out of the table and chart. */
const BOOKKEEPING = new Set(['SUBMITTED', 'COMPLETED']);

export function buildSummaryMarkdown(title: string, build: BuildLike, links: SummaryLinks = {}): string {
  const status = build.buildStatus ?? 'UNKNOWN';
  const out: string[] = [`## ${cell(title)}: ${icon(status)} ${status}`.replace(/ {2,}/g, ' '), ''];
  const facts: string[] = [];
  if (build.id) facts.push(`**Build** \`${build.id}\``);
  const duration = millisBetween(build.startTime, build.endTime);
  if (duration !== undefined) facts.push(`**Duration** ${formatDuration(roundSeconds(duration))}`);
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
      const ms = phaseMillis(p);
      out.push(
        `| ${p.phaseType} | ${icon(p.phaseStatus ?? '')} ${p.phaseStatus ?? ''} | ${ms === undefined ? '' : formatDuration(ms)} | ${cell(context)} |`,
      );
    }
    out.push('', ...ganttChart(phases), '');
  }

  // Reports: core/test-reports.ts renders them, the same for a local and a remote build.

  const artifacts = [
    ...(build.artifacts?.location ? [{ ...build.artifacts, artifactIdentifier: '(primary)' }] : []),
    ...(build.secondaryArtifacts ?? []).filter((a) => a.location),
  ];
  if (artifacts.length > 0) {
    out.push('| Artifact | File | Name |', '| --- | --- | --- |');
    for (const a of artifacts) {
      const name = a.name ? `\`${cell(a.name)}\`` : '';
      out.push(`| ${cell(a.artifactIdentifier ?? '')} | \`${cell(a.location ?? '')}\` | ${name} |`);
    }
    out.push('');
  }

  const exported = (build.exportedEnvironmentVariables ?? []).filter((v) => v.name);
  if (exported.length > 0) {
    out.push('| Exported variable | Value |', '| --- | --- |');
    for (const v of exported) out.push(`| \`${cell(v.name ?? '')}\` | \`${cell(v.value ?? '')}\` |`);
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

/** A phase's duration: CodeBuild's whole seconds, else its times rounded to the second. */
function phaseMillis(p: PhaseLike): number | undefined {
  if (p.durationInSeconds !== undefined) return p.durationInSeconds * 1000;
  const ms = millisBetween(p.startTime, p.endTime);
  return ms === undefined ? undefined : roundSeconds(ms);
}

function roundSeconds(ms: number): number {
  return Math.round(ms / 1000) * 1000;
}

/**
 * The closing table of a build on a terminal: each phase that carries work, its status, its duration, and the tests
 * of UPLOAD_ARTIFACTS; the footer says how the build ended.
 */
export function phaseTable(what: string, build: BuildLike): Table {
  const tests = testCounts(build.reports ?? []);
  const rows = (build.phases ?? [])
    .filter((p) => p.phaseType && !BOOKKEEPING.has(p.phaseType) && p.phaseType !== 'FINALIZING')
    .map((p) => {
      const ms =
        millisBetween(p.startTime, p.endTime) ??
        (p.durationInSeconds === undefined ? undefined : p.durationInSeconds * 1000);
      return [
        p.phaseType ?? '',
        p.phaseStatus ?? '',
        ms === undefined ? '' : formatDuration(ms),
        p.phaseType === 'UPLOAD_ARTIFACTS' ? tests : '',
      ];
    });
  const total = millisBetween(build.startTime, build.endTime);
  const status = build.buildStatus ?? 'UNKNOWN';
  return {
    columns: tests === '' ? ['Phase', 'Status', 'Duration'] : ['Phase', 'Status', 'Duration', 'Tests'],
    rows: tests === '' ? rows.map((r) => r.slice(0, 3)) : rows,
    statusColumn: 1,
    footer: {
      text: `${what} ${status}${total === undefined ? '' : ` in ${formatDuration(total)}`}`,
      ok: status === 'SUCCEEDED',
    },
  };
}

/** `12 passed, 1 failed, 2 skipped` over all test report groups; empty without test reports. */
export function testCounts(reports: readonly ReportCountsLike[]): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let any = false;
  for (const r of reports) {
    const s = r.summary ?? {};
    if (r.type === 'CODE_COVERAGE' || typeof s.total !== 'number') continue;
    any = true;
    passed += numberOf(s.passed);
    failed += numberOf(s.failed) + numberOf(s.errored);
    skipped += numberOf(s.skipped);
  }
  if (!any) return '';
  return [`${passed} passed`, failed > 0 ? `${failed} failed` : '', skipped > 0 ? `${skipped} skipped` : '']
    .filter(Boolean)
    .join(', ');
}

function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}
