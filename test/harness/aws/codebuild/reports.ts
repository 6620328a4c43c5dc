/**
 * CodeBuild test and coverage reports: report groups (created by CreateReportGroup, or by a build on first use of a
 * buildspec `reports:` name as `<project>-<name>`), and one report per group per build with its test cases or
 * per-file coverage. Shapes are the wire shapes of BatchGetReportGroups, BatchGetReports, DescribeTestCases and
 * DescribeCodeCoverages (timestamps in epoch seconds).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  CodeCoverage,
  CodeCoverageReportSummary,
  Report,
  ReportExportConfig,
  ReportGroup,
  Tag,
  TestCase,
} from '@aws-sdk/client-codebuild';
import type { CoverageReportFormat, TestReportFormat } from '../../../../src/buildspec/types.js';
import type { ReportGroupResult } from '../../../../src/runner/reports/index.js';
import { TEST_PARSERS } from '../../../../src/runner/reports/test-formats.js';
import { decodeXmlBytes } from '../../../../src/runner/reports/xml.js';
import { epochSeconds, uuid } from '../util.js';
import { FILE_COVERAGE_READERS } from './coverage-files.js';

export type WireReportGroup = Omit<ReportGroup, 'created' | 'lastModified'> & {
  arn: string;
  name: string;
  created: number;
  lastModified: number;
};
export type WireReport = Omit<Report, 'created' | 'expired'> & { arn: string; created: number; expired: number };
export type WireTestCase = Omit<TestCase, 'expired'> & { expired: number };
export type WireCodeCoverage = Omit<CodeCoverage, 'expired'> & { expired: number };

export interface StoredReport {
  report: WireReport;
  testCases: WireTestCase[];
  codeCoverages: WireCodeCoverage[];
}

/** Reports expire 30 days after they are created (Report.expired). */
const EXPIRY_MS = 30 * 24 * 3600 * 1000;
const STATUSES = ['SUCCEEDED', 'FAILED', 'ERROR', 'SKIPPED', 'UNKNOWN'] as const;

export class ReportStore {
  /** By ARN, in creation order. */
  readonly groups = new Map<string, WireReportGroup>();
  /** By ARN, in creation order. */
  readonly reports = new Map<string, StoredReport>();

  constructor(
    readonly region: string,
    readonly accountId: string,
    private readonly now: () => number,
  ) {}

  groupArn(name: string): string {
    return `arn:aws:codebuild:${this.region}:${this.accountId}:report-group/${name}`;
  }

  /** By ARN (or name, for tests). */
  group(arnOrName: string): WireReportGroup | undefined {
    return this.groups.get(arnOrName.startsWith('arn:') ? arnOrName : this.groupArn(arnOrName));
  }

  report(arn: string): StoredReport | undefined {
    return this.reports.get(arn);
  }

  createGroup(
    name: string,
    type: 'TEST' | 'CODE_COVERAGE',
    exportConfig: ReportExportConfig = { exportConfigType: 'NO_EXPORT' },
    tags: Tag[] = [],
  ): WireReportGroup {
    const now = epochSeconds(this.now());
    const group: WireReportGroup = {
      arn: this.groupArn(name),
      name,
      type,
      exportConfig,
      created: now,
      lastModified: now,
      tags,
      status: 'ACTIVE',
    };
    this.groups.set(group.arn, group);
    return group;
  }

  /** Reports of a group, oldest first. */
  reportsOf(groupArn: string): StoredReport[] {
    return [...this.reports.values()].filter((r) => r.report.reportGroupArn === groupArn);
  }

  /**
   * Records a build's reports (UPLOAD_ARTIFACTS): for each buildspec report group, the group (created as
   * `<project>-<name>` on first use; an ARN must name an existing group) and a report of the build with every test
   * case or every file's coverage, read again from the report files the runner found. Returns the report ARNs (the
   * build's reportArns) and log lines for what could not be recorded.
   */
  async record(
    results: readonly ReportGroupResult[],
    build: { id: string; arn: string; projectName: string; srcDir: string },
  ): Promise<{ reportArns: string[]; problems: string[] }> {
    const reportArns: string[] = [];
    const problems: string[] = [];
    const buildUuid = build.id.slice(build.id.indexOf(':') + 1);
    for (const result of results) {
      let group: WireReportGroup | undefined;
      if (result.name.startsWith('arn:')) {
        group = this.group(result.name);
        if (group === undefined) {
          problems.push(`report group ${result.name} does not exist: its report is not recorded`);
          continue;
        }
      } else {
        const name = `${build.projectName}-${result.name}`;
        group = this.group(name) ?? this.createGroup(name, result.type);
      }
      if (group.type !== result.type) {
        problems.push(
          `report group ${group.name} holds ${group.type} reports, not ${result.type}: its report is not recorded`,
        );
        continue;
      }
      const created = this.now();
      const arn = `arn:aws:codebuild:${this.region}:${this.accountId}:report/${group.name}:${buildUuid}`;
      const expired = epochSeconds(created + EXPIRY_MS);
      const report: WireReport = {
        arn,
        type: result.type,
        name: group.name,
        reportGroupArn: group.arn,
        executionId: build.arn,
        status: result.status,
        created: epochSeconds(created),
        expired,
        exportConfig: group.exportConfig,
        truncated: false,
      };
      const stored: StoredReport = { report, testCases: [], codeCoverages: [] };
      if (result.type === 'TEST') {
        stored.testCases = await readTestCases(
          result.fileFormat as TestReportFormat,
          result.files,
          build.srcDir,
          arn,
          expired,
        );
        const counts: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, 0]));
        let nanos = 0;
        for (const c of stored.testCases) {
          counts[c.status ?? 'UNKNOWN'] = (counts[c.status ?? 'UNKNOWN'] ?? 0) + 1;
          nanos += c.durationInNanoSeconds ?? 0;
        }
        report.testSummary = {
          total: stored.testCases.length,
          statusCounts: counts,
          durationInNanoSeconds: nanos,
        };
      } else {
        stored.codeCoverages = await readCoverages(
          result.fileFormat as CoverageReportFormat,
          result.files,
          arn,
          expired,
        );
        report.codeCoverageSummary = coverageSummaryOf(result.summary);
      }
      this.reports.set(arn, stored);
      group.lastModified = epochSeconds(created);
      reportArns.push(arn);
    }
    return { reportArns, problems };
  }
}

function coverageSummaryOf(s: CodeCoverageReportSummary): CodeCoverageReportSummary {
  return {
    lineCoveragePercentage: s.lineCoveragePercentage,
    linesCovered: s.linesCovered,
    linesMissed: s.linesMissed,
    ...(s.branchCoveragePercentage !== undefined
      ? {
          branchCoveragePercentage: s.branchCoveragePercentage,
          branchesCovered: s.branchesCovered,
          branchesMissed: s.branchesMissed,
        }
      : {}),
  };
}

/** Every case of every readable file (the runner keeps at most 2,000 per group; CodeBuild keeps them all). */
async function readTestCases(
  format: TestReportFormat,
  files: readonly string[],
  srcDir: string,
  reportArn: string,
  expired: number,
): Promise<WireTestCase[]> {
  const cases: WireTestCase[] = [];
  for (const file of files) {
    let parsed;
    try {
      parsed = TEST_PARSERS[format](decodeXmlBytes(await readFile(file)));
    } catch {
      continue; // the runner logged it
    }
    const rel = path.relative(srcDir, file);
    const rawPath = rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
    for (const c of parsed) {
      cases.push({
        reportArn,
        testRawDataPath: rawPath,
        prefix: c.suite,
        name: c.name,
        status: c.status,
        durationInNanoSeconds: Math.round(c.durationMs * 1e6),
        ...(c.message !== undefined ? { message: c.message } : {}),
        expired,
      });
    }
  }
  return cases;
}

async function readCoverages(
  format: CoverageReportFormat,
  files: readonly string[],
  reportArn: string,
  expired: number,
): Promise<WireCodeCoverage[]> {
  const out: WireCodeCoverage[] = [];
  const pct = (covered: number, missed: number): number =>
    covered + missed === 0 ? 0 : (covered * 100) / (covered + missed);
  for (const file of files) {
    let entries;
    try {
      entries = FILE_COVERAGE_READERS[format](decodeXmlBytes(await readFile(file)));
    } catch {
      continue; // the runner logged it
    }
    for (const e of entries) {
      out.push({
        id: uuid(),
        reportARN: reportArn,
        filePath: e.filePath,
        lineCoveragePercentage: pct(e.linesCovered, e.linesMissed),
        linesCovered: e.linesCovered,
        linesMissed: e.linesMissed,
        ...(e.branchesCovered !== undefined && e.branchesMissed !== undefined
          ? {
              branchCoveragePercentage: pct(e.branchesCovered, e.branchesMissed),
              branchesCovered: e.branchesCovered,
              branchesMissed: e.branchesMissed,
            }
          : {}),
        expired,
      });
    }
  }
  return out;
}
