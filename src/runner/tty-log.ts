/**
 * The terminal view of a build: a header per phase, `$ command` lines, the raw output, failures in red, and a
 * closing table (phase, status, duration, tests). Colours only when asked (useColour: a TTY without NO_COLOR).
 */
import { OutputWriter, type TextOutput } from './log.js';
import type { BuildResult, ReportSummary, RunEvent, RunSink } from './types.js';

const STYLES = {
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  cyan: '\u001b[36m',
  reset: '\u001b[0m',
};
type Style = Exclude<keyof typeof STYLES, 'reset'>;

export class TerminalSink implements RunSink {
  private readonly writer: OutputWriter;

  constructor(
    out: TextOutput,
    private readonly colour: boolean,
  ) {
    this.writer = new OutputWriter(out);
  }

  emit(event: RunEvent): void {
    const w = this.writer;
    switch (event.type) {
      case 'output':
        w.raw(event.data);
        return;
      case 'build-start':
        w.line(this.paint('bold', `Build ${event.buildId}`) + '\n');
        return;
      case 'container':
        w.line(this.paint('dim', `  ${event.text}`) + '\n');
        return;
      case 'phase-start':
        w.line('\n' + this.paint('cyan', `▶ ${event.phase}`) + '\n');
        return;
      case 'command-start':
        w.line(
          this.paint('bold', `$ ${event.command}${event.attempt > 1 ? `  (attempt ${event.attempt})` : ''}`) + '\n',
        );
        return;
      case 'command-end':
        w.endLine();
        if (event.exitCode !== undefined && event.exitCode !== 0) {
          w.line(this.paint('red', `✗ exit status ${event.exitCode}`) + '\n');
        }
        return;
      case 'phase-end': {
        const ok = event.status === 'SUCCEEDED';
        const detail = ok ? '' : ` ${event.context.statusCode}: ${event.context.message}`;
        const text = `${ok ? '✓' : '✗'} ${event.phase} ${event.status} in ${formatDuration(event.durationMs)}${detail}`;
        w.line(this.paint(ok ? 'green' : 'red', text) + '\n');
        return;
      }
      case 'build-end':
        w.line('\n' + this.summary(event.build));
        return;
    }
  }

  ready(): Promise<void> | undefined {
    return this.writer.ready();
  }

  private summary(build: BuildResult): string {
    const rows: string[][] = [['Phase', 'Status', 'Duration', 'Tests']];
    const tests = testCounts(build.reports);
    for (const p of build.phases) {
      if (p.phaseType === 'SUBMITTED' || p.phaseType === 'COMPLETED' || p.phaseType === 'FINALIZING') continue;
      const ms = p.endTime === undefined ? undefined : p.endTime.getTime() - p.startTime.getTime();
      rows.push([
        p.phaseType,
        p.phaseStatus ?? '',
        ms === undefined ? '' : formatDuration(ms),
        p.phaseType === 'UPLOAD_ARTIFACTS' ? tests : '',
      ]);
    }
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
    const lines = rows.map((row, index) => {
      const text = row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd();
      if (index === 0) return this.paint('bold', text);
      const status = row[1];
      return status === 'SUCCEEDED' ? text : this.paint(status === 'FAILED' ? 'red' : 'yellow', text);
    });
    const total =
      build.endTime === undefined ? '' : ` in ${formatDuration(build.endTime.getTime() - build.startTime.getTime())}`;
    const ok = build.buildStatus === 'SUCCEEDED';
    lines.push('', this.paint(ok ? 'green' : 'red', `Build ${build.buildStatus}${total}`));
    return lines.join('\n') + '\n';
  }

  private paint(style: Style, text: string): string {
    return this.colour ? `${STYLES[style]}${text}${STYLES.reset}` : text;
  }
}

/** `12 passed, 1 failed, 2 skipped` over all test report groups; empty without test reports. */
export function testCounts(reports: readonly ReportSummary[]): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let any = false;
  for (const r of reports) {
    const s = r.summary;
    if (s === undefined || r.type === 'CODE_COVERAGE' || s.total === undefined) continue;
    any = true;
    passed += s.passed ?? 0;
    failed += (s.failed ?? 0) + (s.errored ?? 0);
    skipped += s.skipped ?? 0;
  }
  if (!any) return '';
  return [`${passed} passed`, failed > 0 ? `${failed} failed` : '', skipped > 0 ? `${skipped} skipped` : '']
    .filter(Boolean)
    .join(', ');
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.round(seconds - minutes * 60)).padStart(2, '0')}s`;
}
