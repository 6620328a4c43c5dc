import type { ReportFormat } from '../../buildspec/types.js';

/** CodeBuild's test case statuses. */
export type TestStatus = 'SUCCEEDED' | 'FAILED' | 'ERROR' | 'SKIPPED' | 'UNKNOWN';

export interface TestCase {
  /** Class, fixture, feature or suite the test belongs to. */
  readonly suite: string;
  readonly name: string;
  readonly status: TestStatus;
  readonly durationMs: number;
  /** First lines of the failure, error or skip message, cut to a few hundred characters. */
  readonly message?: string;
}

export interface TestSummary {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly errored: number;
  readonly skipped: number;
  readonly unknown: number;
  readonly durationMs: number;
}

/** CodeBuild's CodeCoverageReportSummary; percentages 0–100, not rounded. */
export interface CoverageSummary {
  readonly lineCoveragePercentage: number;
  readonly linesCovered: number;
  readonly linesMissed: number;
  readonly branchCoveragePercentage?: number;
  readonly branchesCovered?: number;
  readonly branchesMissed?: number;
}

export interface CoverageCounts {
  readonly linesCovered: number;
  readonly linesMissed: number;
  /** Absent when the format or file has no branch data. */
  readonly branchesCovered?: number;
  readonly branchesMissed?: number;
}

interface ReportGroupResultBase {
  /** The report group key as written (a name or an ARN). */
  readonly name: string;
  readonly fileFormat: ReportFormat;
  /** Absolute paths of the report files found. */
  readonly files: readonly string[];
  /**
   * SUCCEEDED; FAILED when a test failed or errored; INCOMPLETE when no report file was found or none could be
   * read.
   */
  readonly status: 'SUCCEEDED' | 'FAILED' | 'INCOMPLETE';
  /** Unreadable files, wrong formats, entries that matched nothing. */
  readonly warnings: readonly string[];
}

export interface TestReportGroupResult extends ReportGroupResultBase {
  readonly type: 'TEST';
  readonly summary: TestSummary;
  /** Failed and errored cases first, then the rest, at most MAX_CASES in all. */
  readonly cases: readonly TestCase[];
  /** Cases left out of `cases` to keep the result small (counted in `summary`). */
  readonly casesOmitted: number;
}

export interface CoverageReportGroupResult extends ReportGroupResultBase {
  readonly type: 'CODE_COVERAGE';
  readonly summary: CoverageSummary;
}

export type ReportGroupResult = TestReportGroupResult | CoverageReportGroupResult;

/** Thrown by a format parser for a file it cannot read; becomes a warning. */
export class ReportFormatError extends Error {
  override readonly name = 'ReportFormatError';
}
