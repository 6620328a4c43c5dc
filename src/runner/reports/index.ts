/**
 * The reports part of UPLOAD_ARTIFACTS: for each buildspec report group, find its files (same path rules as
 * artifacts; discard-paths does not matter for reading) and read them in the group's `file-format` into a test
 * summary with cases, or a coverage summary. A file that cannot be read is a warning, never an exception.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  COVERAGE_REPORT_FORMATS,
  type CoverageReportFormat,
  type ReportGroupSpec,
  type TestReportFormat,
} from '../../buildspec/types.js';
import type { EnvLike } from '../expand.js';
import { assembleFileList, errorMessage } from '../glob.js';
import { COVERAGE_PARSERS } from './coverage-formats.js';
import { TEST_PARSERS } from './test-formats.js';
import type {
  CoverageCounts,
  CoverageReportGroupResult,
  CoverageSummary,
  ReportGroupResult,
  TestCase,
  TestReportGroupResult,
  TestSummary,
} from './types.js';
import { decodeXmlBytes } from './xml.js';

export type * from './types.js';
export { ReportFormatError } from './types.js';

export interface ReportsOptions {
  /** CODEBUILD_SRC_DIR. */
  readonly srcDir: string;
  /** The build's final environment, for variables in `files` and `base-directory`. */
  readonly env: EnvLike;
  /** One CodeBuild container log line. */
  readonly log: (line: string) => void;
  /** Absolute paths never searched (the artifacts output directory, a cache directory). */
  readonly ignore?: readonly string[];
}

/** Cases kept per group in the result (the summary always counts all). */
export const MAX_CASES = 2000;
/** Report files larger than this are not read. */
export const MAX_REPORT_BYTES = 128 * 1024 * 1024;

/** Reads every report group's files. Logs CodeBuild-style lines; never throws for bad report files. */
export async function collectReports(
  groups: readonly ReportGroupSpec[],
  options: ReportsOptions,
): Promise<ReportGroupResult[]> {
  const { log } = options;
  log('Set report auto-discover timeout to 5 seconds');
  const started = performance.now();
  const found: { group: ReportGroupSpec; files: string[]; warnings: string[] }[] = [];
  for (const group of groups) {
    const list = await assembleFileList(
      { files: group.files, baseDirectory: group.baseDirectory },
      { srcDir: options.srcDir, env: options.env, log, followSymlinks: true, ignore: options.ignore },
    );
    const warnings: string[] = [];
    if (list.error !== undefined) warnings.push(list.error);
    for (const skipped of list.skipped) warnings.push(`no file matches ${skipped}`);
    found.push({ group, files: list.files.map((f) => f.abs), warnings });
  }
  log(`Report auto-discover file discovery took ${((performance.now() - started) / 1000).toFixed(6)} seconds`);

  const results: ReportGroupResult[] = [];
  for (const { group, files, warnings } of found) {
    log(`Preparing to upload report group ${group.name}: ${files.length} ${group.fileFormat} file(s)`);
    const result = isCoverage(group.fileFormat)
      ? await readCoverageGroup(group, group.fileFormat, files, warnings, options.srcDir)
      : await readTestGroup(group, group.fileFormat, files, warnings, options.srcDir);
    log(`Report group ${group.name}: ${describeResult(result)}`);
    results.push(result);
  }
  return results;
}

function isCoverage(format: string): format is CoverageReportFormat {
  return (COVERAGE_REPORT_FORMATS as readonly string[]).includes(format);
}

async function readText(file: string): Promise<string> {
  const st = await stat(file);
  if (st.size > MAX_REPORT_BYTES) throw new Error(`larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB; not read`);
  return decodeXmlBytes(await readFile(file));
}

function shown(file: string, srcDir: string): string {
  const rel = path.relative(srcDir, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

async function readTestGroup(
  group: ReportGroupSpec,
  format: TestReportFormat,
  files: readonly string[],
  warnings: string[],
  srcDir: string,
): Promise<TestReportGroupResult> {
  const parse = TEST_PARSERS[format];
  const cases: TestCase[] = [];
  let read = 0;
  for (const file of files) {
    try {
      cases.push(...parse(await readText(file)));
      read++;
    } catch (error) {
      warnings.push(`error processing report: ${shown(file, srcDir)}: ${errorMessage(error)}`);
    }
  }
  const summary = summarize(cases);
  if (files.length === 0) warnings.push('no report files found');
  const status = read === 0 ? 'INCOMPLETE' : summary.failed + summary.errored > 0 ? 'FAILED' : 'SUCCEEDED';
  const rank = (c: TestCase): number => (c.status === 'FAILED' || c.status === 'ERROR' ? 0 : 1);
  const kept = cases
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .slice(0, MAX_CASES)
    .map(({ c }) => c);
  return {
    name: group.name,
    fileFormat: format,
    type: 'TEST',
    files,
    status,
    summary,
    cases: kept,
    casesOmitted: cases.length - kept.length,
    warnings,
  };
}

export function summarize(cases: readonly TestCase[]): TestSummary {
  let passed = 0;
  let failed = 0;
  let errored = 0;
  let skipped = 0;
  let unknown = 0;
  let durationMs = 0;
  for (const c of cases) {
    if (c.status === 'SUCCEEDED') passed++;
    else if (c.status === 'FAILED') failed++;
    else if (c.status === 'ERROR') errored++;
    else if (c.status === 'SKIPPED') skipped++;
    else unknown++;
    durationMs += c.durationMs;
  }
  return {
    total: cases.length,
    passed,
    failed,
    errored,
    skipped,
    unknown,
    durationMs: Math.round(durationMs * 1000) / 1000,
  };
}

async function readCoverageGroup(
  group: ReportGroupSpec,
  format: CoverageReportFormat,
  files: readonly string[],
  warnings: string[],
  srcDir: string,
): Promise<CoverageReportGroupResult> {
  const parse = COVERAGE_PARSERS[format];
  const all: CoverageCounts[] = [];
  for (const file of files) {
    try {
      all.push(parse(await readText(file)));
    } catch (error) {
      warnings.push(`error processing report: ${shown(file, srcDir)}: ${errorMessage(error)}`);
    }
  }
  if (files.length === 0) warnings.push('no report files found');
  return {
    name: group.name,
    fileFormat: format,
    type: 'CODE_COVERAGE',
    files,
    status: all.length === 0 ? 'INCOMPLETE' : 'SUCCEEDED',
    summary: coverageSummary(all),
    warnings,
  };
}

/** Adds up several files' counts (one report group may hold several coverage files). */
export function coverageSummary(all: readonly CoverageCounts[]): CoverageSummary {
  let linesCovered = 0;
  let linesMissed = 0;
  let branchesCovered = 0;
  let branchesMissed = 0;
  let hasBranches = false;
  for (const c of all) {
    linesCovered += c.linesCovered;
    linesMissed += c.linesMissed;
    if (c.branchesCovered !== undefined && c.branchesMissed !== undefined) {
      hasBranches = true;
      branchesCovered += c.branchesCovered;
      branchesMissed += c.branchesMissed;
    }
  }
  const pct = (covered: number, missed: number): number =>
    covered + missed === 0 ? 0 : (covered * 100) / (covered + missed);
  const summary: CoverageSummary = {
    lineCoveragePercentage: pct(linesCovered, linesMissed),
    linesCovered,
    linesMissed,
  };
  if (!hasBranches) return summary;
  return {
    ...summary,
    branchCoveragePercentage: pct(branchesCovered, branchesMissed),
    branchesCovered,
    branchesMissed,
  };
}

function describeResult(result: ReportGroupResult): string {
  if (result.status === 'INCOMPLETE') return 'INCOMPLETE (no readable report file)';
  if (result.type === 'TEST') {
    const s = result.summary;
    const parts = [`${s.total} test(s)`, `${s.passed} passed`, `${s.failed} failed`];
    if (s.errored > 0) parts.push(`${s.errored} errored`);
    if (s.skipped > 0) parts.push(`${s.skipped} skipped`);
    if (s.unknown > 0) parts.push(`${s.unknown} unknown`);
    return `${result.status}: ${parts.join(', ')}`;
  }
  const s = result.summary;
  const branch =
    s.branchCoveragePercentage === undefined ? '' : `, branch coverage ${s.branchCoveragePercentage.toFixed(2)}%`;
  return `line coverage ${s.lineCoveragePercentage.toFixed(2)}% (${s.linesCovered}/${s.linesCovered + s.linesMissed} lines)${branch}`;
}
