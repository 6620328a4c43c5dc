/**
 * Test and coverage reports as every face shows them: one model and one renderer for a remote build (read back with
 * BatchGetReports and DescribeTestCases), a local build (the runner's reports) and a pipeline's CodeBuild actions, so a
 * report looks the same wherever it ran. Markdown for the job summary (a table per report group, the failed cases),
 * one error annotation per failed case (at most MAX_ANNOTATIONS), the `test-summary` and `coverage` outputs, and the
 * message of `fail-on-test-failures`.
 */
import { formatDuration } from './duration.js';
import type { ReportCountsLike } from './summary.js';
import { cell, icon } from './markdown.js';
import type { Where } from './reporter.js';

/** CodeBuild's test case statuses, in the order of the `test-summary` output. */
export const TEST_STATUSES = ['SUCCEEDED', 'FAILED', 'SKIPPED', 'ERROR', 'UNKNOWN'] as const;
export type TestCaseStatus = (typeof TEST_STATUSES)[number];

/** Annotations per run (GitHub shows at most 50 error annotations of a step). */
export const MAX_ANNOTATIONS = 50;
/** Failed cases shown in the job summary. */
export const MAX_SUMMARY_CASES = 50;
/** Lines of a failure message shown in the summary. */
const DETAIL_LINES = 8;

export interface FailedCase {
  readonly name: string;
  /** The class, suite or file the case belongs to (CodeBuild's `prefix`). */
  readonly prefix?: string;
  readonly status: 'FAILED' | 'ERROR';
  /** Message and details, as the report gave them. */
  readonly message?: string;
}

export interface TestReport {
  readonly type: 'TEST';
  /** The report group's name in CodeBuild (`<project>-<name>`). */
  readonly group: string;
  /** The batch child the report comes from. */
  readonly build?: string;
  /** SUCCEEDED, FAILED, INCOMPLETE … */
  readonly status: string;
  readonly total: number;
  readonly counts: Readonly<Record<TestCaseStatus, number>>;
  readonly durationMs?: number;
  /** The failed and errored cases that were read, failed first. */
  readonly failed: readonly FailedCase[];
  /** Failed and errored cases counted but not read. */
  readonly failedOmitted: number;
}

export interface CoverageReport {
  readonly type: 'CODE_COVERAGE';
  readonly group: string;
  readonly build?: string;
  readonly status: string;
  readonly lineCoveragePercentage?: number;
  readonly linesCovered?: number;
  readonly linesMissed?: number;
  readonly branchCoveragePercentage?: number;
  readonly branchesCovered?: number;
  readonly branchesMissed?: number;
}

export type ReportResult = TestReport | CoverageReport;

export function isTestReport(report: ReportResult): report is TestReport {
  return report.type === 'TEST';
}

/** Output names, as in action.yml. */
export const REPORT_OUTPUTS = { testSummary: 'test-summary', coverage: 'coverage' } as const;

function groupLabel(report: ReportResult): string {
  return report.build === undefined ? report.group : `${report.build}/${report.group}`;
}

function statusCell(status: string): string {
  return [icon(status), status].filter(Boolean).join(' ');
}

function percent(value: number | undefined): string {
  return value === undefined ? '' : `${value.toFixed(1)}%`;
}

/** The job summary's part for reports: tables, then the failed cases; empty without reports. */
export function testReportsMarkdown(reports: readonly ReportResult[]): string {
  if (reports.length === 0) return '';
  const out: string[] = [];
  const tests = reports.filter(isTestReport);
  const coverage = reports.filter((r): r is CoverageReport => r.type === 'CODE_COVERAGE');
  if (tests.length > 0) {
    out.push(
      '| Test report | Status | Total | Passed | Failed | Skipped | Error | Duration |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const r of tests) {
      const c = r.counts;
      out.push(
        `| ${cell(groupLabel(r))} | ${statusCell(r.status)} | ${r.total} | ${c.SUCCEEDED} | ${c.FAILED} | ` +
          `${c.SKIPPED} | ${c.ERROR} | ${r.durationMs === undefined ? '' : formatDuration(Math.round(r.durationMs))} |`,
      );
    }
    out.push('');
  }
  if (coverage.length > 0) {
    out.push('| Coverage report | Status | Line coverage | Branch coverage |', '| --- | --- | --- | --- |');
    for (const r of coverage) {
      const lines =
        r.linesCovered !== undefined && r.linesMissed !== undefined
          ? ` (${r.linesCovered}/${r.linesCovered + r.linesMissed} lines)`
          : '';
      const branches =
        r.branchesCovered !== undefined && r.branchesMissed !== undefined
          ? ` (${r.branchesCovered}/${r.branchesCovered + r.branchesMissed} branches)`
          : '';
      out.push(
        `| ${cell(groupLabel(r))} | ${statusCell(r.status)} | ${percent(r.lineCoveragePercentage)}${lines} | ` +
          `${percent(r.branchCoveragePercentage)}${r.branchCoveragePercentage === undefined ? '' : branches} |`,
      );
    }
    out.push('');
  }
  const failing = failingCases(tests);
  const count = failingCount(tests);
  if (count > 0) {
    out.push(`### Failed tests (${count})`, '');
    for (const { report, test } of failing.slice(0, MAX_SUMMARY_CASES)) {
      const head = `- ${icon('FAILED')} **${cell(test.name)}**` + (test.prefix ? ` in \`${cell(test.prefix)}\`` : '');
      out.push(`${head} (${cell(groupLabel(report))}, ${test.status})`);
      const lines = (test.message ?? '').split(/\r?\n/).filter((l) => l.trim() !== '');
      if (lines.length > 0) {
        const shown = lines.slice(0, DETAIL_LINES).map((l) => l.replace(/`{3,}/g, '``'));
        if (lines.length > DETAIL_LINES) shown.push('…');
        out.push('', '  ```text', ...shown.map((l) => `  ${l}`), '  ```');
      }
    }
    const more = count - Math.min(failing.length, MAX_SUMMARY_CASES);
    if (more > 0) out.push('', `… and ${more} more failed test${more === 1 ? '' : 's'} (see the report groups)`);
    const annotated = Math.min(failing.length, MAX_ANNOTATIONS);
    if (count > annotated) {
      out.push(
        '',
        `${annotated} failed test${annotated === 1 ? ' is' : 's are'} annotated; ${count - annotated} more are not.`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

function failingCases(tests: readonly TestReport[]): Array<{ report: TestReport; test: FailedCase }> {
  const all = tests.flatMap((report) => report.failed.map((test) => ({ report, test })));
  // Failed before errored, each in report order.
  return [...all.filter((c) => c.test.status === 'FAILED'), ...all.filter((c) => c.test.status === 'ERROR')];
}

function failingCount(tests: readonly TestReport[]): number {
  return tests.reduce((n, r) => n + r.counts.FAILED + r.counts.ERROR, 0);
}

export interface TestAnnotation {
  readonly message: string;
  readonly where: Where;
}

/** One error annotation per failed case, at most `max`; `more` counts the failed cases left without one. */
export function testAnnotations(
  reports: readonly ReportResult[],
  max = MAX_ANNOTATIONS,
): { annotations: TestAnnotation[]; more: number } {
  const tests = reports.filter(isTestReport);
  const failing = failingCases(tests);
  const annotations = failing.slice(0, max).map(({ report, test }) => {
    const first = (test.message ?? '').split(/\r?\n/).find((l) => l.trim() !== '');
    const name = test.prefix ? `${test.prefix} › ${test.name}` : test.name;
    const place = locate(test);
    return {
      message: `${name} ${test.status === 'ERROR' ? 'errored' : 'failed'}${first ? `: ${first.trim()}` : ''}`,
      where: { title: `${groupLabel(report)}: ${test.name}`, ...place },
    };
  });
  return { annotations, more: failingCount(tests) - annotations.length };
}

/**
 * Where a failed case points, when its data say: the first `path/file.ext:line` of its message that is not inside a
 * dependency (node_modules, site-packages, the JDK), made relative to a CodeBuild source folder
 * (/codebuild/output/src…/src/…); else its prefix when that is a file path (pytest's `tests/test_x.py`).
 */
export function locate(test: FailedCase): { file?: string; line?: number } {
  const pattern = /(?:^|[\s(["'])((?:[A-Za-z]:)?\/?(?:[\w.@~+-]+\/)*[\w.@~+-]+\.[A-Za-z]\w*):(\d+)/g;
  for (const match of (test.message ?? '').matchAll(pattern)) {
    const file = relativeSource(match[1] ?? '');
    if (file === undefined || /(^|\/)(node_modules|site-packages|dist-packages|internal)\//.test(file)) continue;
    if (/^node:/.test(file)) continue;
    return { file, line: Number(match[2]) };
  }
  const prefix = test.prefix ?? '';
  if (
    /^[\w.@~+-]+(\/[\w.@~+-]+)*\.(py|rb|js|ts|jsx|tsx|mjs|cjs|go|php|rs|feature)$/.test(prefix) &&
    /[/.]/.test(prefix)
  ) {
    return { file: prefix };
  }
  return {};
}

function relativeSource(file: string): string | undefined {
  // CodeBuild's source folder; a GitHub or CodeCommit source sits below <host>/<owner>/<repo>/.
  const inBuild = /^\/codebuild\/output\/src\d+\/src\/(?:[^/]+\.[^/]+\/[^/]+\/[^/]+\/)?(.+)$/.exec(file);
  if (inBuild) return inBuild[1];
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return undefined;
  return file.replace(/^\.\//, '');
}

/** `test-summary` (total and counts by status, summed over test reports) and `coverage` (percentages per report). */
export function testReportOutputs(reports: readonly ReportResult[]): Record<string, string> {
  const tests = reports.filter(isTestReport);
  const coverage = reports.filter((r): r is CoverageReport => r.type === 'CODE_COVERAGE');
  const out: Record<string, string> = {};
  if (tests.length > 0) {
    const sum: Record<string, number> = { total: 0 };
    for (const status of TEST_STATUSES) sum[status] = 0;
    for (const r of tests) {
      sum.total = (sum.total ?? 0) + r.total;
      for (const status of TEST_STATUSES) sum[status] = (sum[status] ?? 0) + r.counts[status];
    }
    out[REPORT_OUTPUTS.testSummary] = JSON.stringify(sum);
  }
  if (coverage.length > 0) {
    const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 100) / 100);
    const byReport: Record<string, { line?: number; branch?: number }> = {};
    for (const r of coverage) {
      byReport[groupLabel(r)] = {
        ...(r.lineCoveragePercentage !== undefined ? { line: round(r.lineCoveragePercentage) } : {}),
        ...(r.branchCoveragePercentage !== undefined ? { branch: round(r.branchCoveragePercentage) } : {}),
      };
    }
    out[REPORT_OUTPUTS.coverage] = JSON.stringify(byReport);
  }
  return out;
}

/** The failure of `fail-on-test-failures`: how many failed or errored, named (the first ten); undefined when none. */
export function testFailuresMessage(reports: readonly ReportResult[]): string | undefined {
  const tests = reports.filter(isTestReport);
  const count = failingCount(tests);
  if (count === 0) return undefined;
  const names = failingCases(tests).map(({ test }) => (test.prefix ? `${test.prefix} › ${test.name}` : test.name));
  const shown = names.slice(0, 10);
  const more = count - shown.length;
  const groups = [...new Set(tests.filter((r) => r.counts.FAILED + r.counts.ERROR > 0).map(groupLabel))];
  return (
    `${count} test${count === 1 ? '' : 's'} failed or errored in ${groups.join(', ')}` +
    (shown.length > 0 ? `: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}` : '')
  );
}

/** One line per report, for a terminal: `Report app-unit: FAILED, 3 tests: 2 passed, 1 failed`. */
export function testReportLines(reports: readonly ReportResult[]): string[] {
  return reports.map((r) => {
    if (r.type === 'CODE_COVERAGE') {
      const branch = r.branchCoveragePercentage === undefined ? '' : `, branch ${percent(r.branchCoveragePercentage)}`;
      return `Coverage ${groupLabel(r)}: line ${percent(r.lineCoveragePercentage) || 'unknown'}${branch}`;
    }
    const c = r.counts;
    const parts = [`${c.SUCCEEDED} passed`, `${c.FAILED} failed`];
    if (c.ERROR > 0) parts.push(`${c.ERROR} errored`);
    if (c.SKIPPED > 0) parts.push(`${c.SKIPPED} skipped`);
    return `Report ${groupLabel(r)}: ${r.status}, ${r.total} test${r.total === 1 ? '' : 's'}: ${parts.join(', ')}`;
  });
}

/** The reports as the closing table counts them (its Tests column), the same for a local and a remote build. */
export function reportCounts(reports: readonly ReportResult[]): ReportCountsLike[] {
  return reports.map((r) =>
    r.type === 'CODE_COVERAGE'
      ? { name: groupLabel(r), type: r.type, status: r.status, summary: {} }
      : {
          name: groupLabel(r),
          type: r.type,
          status: r.status,
          summary: {
            total: r.total,
            passed: r.counts.SUCCEEDED,
            failed: r.counts.FAILED,
            errored: r.counts.ERROR,
            skipped: r.counts.SKIPPED,
          },
        },
  );
}

/** Counts by status from the usual tallies (a missing status is 0). */
export function statusCounts(counts: Partial<Record<TestCaseStatus, number>>): Record<TestCaseStatus, number> {
  return {
    SUCCEEDED: counts.SUCCEEDED ?? 0,
    FAILED: counts.FAILED ?? 0,
    SKIPPED: counts.SKIPPED ?? 0,
    ERROR: counts.ERROR ?? 0,
    UNKNOWN: counts.UNKNOWN ?? 0,
  };
}
