/**
 * A local build's reports in the model every face renders (core/test-reports.ts), so a report of `aws-cicd run` and
 * the local action looks as the same report read back from CodeBuild: the group under its CodeBuild name
 * (`<project>-<name>`), the suite as the case's prefix, counts by CodeBuild status.
 */
import { statusCounts, type FailedCase, type ReportResult } from '../../core/test-reports.js';
import type { ReportSummary } from '../types.js';

export function localReportResults(reports: readonly ReportSummary[]): ReportResult[] {
  return reports.map((r): ReportResult => {
    const group = r.reportGroupName ?? r.name;
    const status = r.status ?? 'UNKNOWN';
    const s = r.summary ?? {};
    if (r.type === 'CODE_COVERAGE') {
      return {
        type: 'CODE_COVERAGE',
        group,
        status,
        ...(s.lineCoveragePercentage !== undefined ? { lineCoveragePercentage: s.lineCoveragePercentage } : {}),
        ...(s.linesCovered !== undefined ? { linesCovered: s.linesCovered } : {}),
        ...(s.linesMissed !== undefined ? { linesMissed: s.linesMissed } : {}),
        ...(s.branchCoveragePercentage !== undefined ? { branchCoveragePercentage: s.branchCoveragePercentage } : {}),
        ...(s.branchesCovered !== undefined ? { branchesCovered: s.branchesCovered } : {}),
        ...(s.branchesMissed !== undefined ? { branchesMissed: s.branchesMissed } : {}),
      };
    }
    const counts = statusCounts({
      SUCCEEDED: s.passed,
      FAILED: s.failed,
      SKIPPED: s.skipped,
      ERROR: s.errored,
      UNKNOWN: s.unknown,
    });
    const cases = r.cases ?? [];
    const failing = (status: 'FAILED' | 'ERROR'): FailedCase[] =>
      cases
        .filter((c) => c.status === status)
        .map((c) => ({
          name: c.name,
          ...(c.suite ? { prefix: c.suite } : {}),
          status,
          ...(c.message !== undefined ? { message: c.message } : {}),
        }));
    const failed = [...failing('FAILED'), ...failing('ERROR')];
    return {
      type: 'TEST',
      group,
      status,
      total: s.total ?? 0,
      counts,
      ...(s.durationMs !== undefined ? { durationMs: Math.round(s.durationMs) } : {}),
      failed,
      failedOmitted: Math.max(0, counts.FAILED + counts.ERROR - failed.length),
    };
  });
}
