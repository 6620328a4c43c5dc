/**
 * A finished build's test and coverage reports, read back once (Build.reportArns; each child's of a batch): counts
 * and coverage from BatchGetReports, the failed and errored cases from DescribeTestCases filtered by status (only
 * those, paged), per-file coverage from DescribeCodeCoverages only when a report carries no summary. No ARN, no call.
 */
import type { Build, CodeBuildReportsApi, Report, TestCase } from '../aws/codebuild.js';
import {
  statusCounts,
  type CoverageReport,
  type FailedCase,
  type ReportResult,
  type TestCaseStatus,
  type TestReport,
} from '../core/test-reports.js';

/** Failed and errored cases read per report (the summary counts all). */
export const MAX_FAILED_CASES = 2000;

export interface ReportSource {
  readonly build: Build;
  /** The batch child's identifier. */
  readonly identifier?: string;
}

export async function readReports(
  api: CodeBuildReportsApi,
  sources: readonly ReportSource[],
  signal?: AbortSignal,
): Promise<ReportResult[]> {
  const wanted = sources.flatMap((s) => (s.build.reportArns ?? []).map((arn) => ({ arn, identifier: s.identifier })));
  if (wanted.length === 0) return [];
  const reports = new Map<string, Report>();
  for (let i = 0; i < wanted.length; i += 100) {
    const chunk = wanted.slice(i, i + 100).map((w) => w.arn);
    for (const report of await api.getReports(chunk, signal)) if (report.arn) reports.set(report.arn, report);
  }
  const results: ReportResult[] = [];
  for (const { arn, identifier } of wanted) {
    const report = reports.get(arn);
    if (report === undefined) continue;
    const group = groupName(report);
    const build = identifier === undefined ? {} : { build: identifier };
    if (report.type === 'CODE_COVERAGE') results.push(await coverageOf(api, report, group, build, signal));
    else results.push(await testsOf(api, report, group, build, signal));
  }
  return results;
}

/** The report group's name (`<project>-<name>`), from its ARN; the report's own ARN when there is none. */
function groupName(report: Report): string {
  const arn = report.reportGroupArn ?? report.arn ?? '';
  const slash = arn.indexOf(':report-group/');
  if (slash >= 0) return arn.slice(slash + ':report-group/'.length);
  const m = /:report\/([^:]+):/.exec(arn);
  return m?.[1] ?? arn;
}

async function testsOf(
  api: CodeBuildReportsApi,
  report: Report,
  group: string,
  build: { build?: string },
  signal?: AbortSignal,
): Promise<TestReport> {
  const summary = report.testSummary;
  const counts = statusCounts((summary?.statusCounts ?? {}) as Partial<Record<TestCaseStatus, number>>);
  const failing = counts.FAILED + counts.ERROR;
  const failed: FailedCase[] = [];
  for (const status of ['FAILED', 'ERROR'] as const) {
    if (counts[status] === 0) continue;
    let nextToken: string | undefined;
    do {
      if (failed.length >= MAX_FAILED_CASES) break;
      const page = await api.describeTestCases(
        report.arn ?? '',
        { status, ...(nextToken ? { nextToken } : {}) },
        signal,
      );
      for (const c of page.items) if (failed.length < MAX_FAILED_CASES) failed.push(failedCase(c, status));
      nextToken = page.nextToken;
    } while (nextToken);
  }
  return {
    type: 'TEST',
    group,
    ...build,
    status: report.status ?? 'UNKNOWN',
    total: summary?.total ?? 0,
    counts,
    ...(summary?.durationInNanoSeconds !== undefined
      ? { durationMs: Math.round(summary.durationInNanoSeconds / 1e6) }
      : {}),
    failed,
    failedOmitted: Math.max(0, failing - failed.length),
  };
}

function failedCase(c: TestCase, status: 'FAILED' | 'ERROR'): FailedCase {
  return {
    name: c.name ?? '',
    ...(c.prefix ? { prefix: c.prefix } : {}),
    status: c.status === 'ERROR' || c.status === 'FAILED' ? c.status : status,
    ...(c.message ? { message: c.message } : {}),
  };
}

async function coverageOf(
  api: CodeBuildReportsApi,
  report: Report,
  group: string,
  build: { build?: string },
  signal?: AbortSignal,
): Promise<CoverageReport> {
  const base = { type: 'CODE_COVERAGE' as const, group, ...build, status: report.status ?? 'UNKNOWN' };
  const s = report.codeCoverageSummary;
  if (s !== undefined) {
    return {
      ...base,
      ...defined({
        lineCoveragePercentage: s.lineCoveragePercentage,
        linesCovered: s.linesCovered,
        linesMissed: s.linesMissed,
        branchCoveragePercentage: s.branchCoveragePercentage,
        branchesCovered: s.branchesCovered,
        branchesMissed: s.branchesMissed,
      }),
    };
  }
  // No summary on the report: add up its files.
  let linesCovered = 0;
  let linesMissed = 0;
  let branchesCovered = 0;
  let branchesMissed = 0;
  let files = 0;
  let nextToken: string | undefined;
  do {
    const page = await api.describeCodeCoverages(report.arn ?? '', nextToken, signal);
    for (const f of page.items) {
      files++;
      linesCovered += f.linesCovered ?? 0;
      linesMissed += f.linesMissed ?? 0;
      branchesCovered += f.branchesCovered ?? 0;
      branchesMissed += f.branchesMissed ?? 0;
    }
    nextToken = page.nextToken;
  } while (nextToken);
  if (files === 0) return base;
  const pct = (covered: number, missed: number) => (covered + missed === 0 ? 0 : (covered * 100) / (covered + missed));
  return {
    ...base,
    lineCoveragePercentage: pct(linesCovered, linesMissed),
    linesCovered,
    linesMissed,
    ...(branchesCovered + branchesMissed > 0
      ? { branchCoveragePercentage: pct(branchesCovered, branchesMissed), branchesCovered, branchesMissed }
      : {}),
  };
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
