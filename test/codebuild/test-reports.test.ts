/**
 * A build's reports read back once after it ended (BatchGetReports, DescribeTestCases by status, paged;
 * DescribeCodeCoverages only without a summary) and rendered by core/test-reports.ts: tables, failed cases,
 * annotations (at most 50), outputs, fail-on-test-failures; the same markdown for the same results run locally.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CodeBuildReportsApi, CodeCoverage, Report, TestCase } from '../../src/aws/codebuild.js';
import { readReports } from '../../src/codebuild/test-reports.js';
import { testCounts } from '../../src/core/summary.js';
import {
  locate,
  MAX_ANNOTATIONS,
  reportCounts,
  testReportLines,
  testAnnotations,
  testFailuresMessage,
  testReportOutputs,
  testReportsMarkdown,
} from '../../src/core/test-reports.js';
import { collectReports } from '../../src/runner/reports/index.js';
import { localReportResults } from '../../src/runner/reports/results.js';

const GROUP = 'arn:aws:codebuild:us-east-1:111122223333:report-group/app-unit';
const reportArn = (n: number) => `arn:aws:codebuild:us-east-1:111122223333:report/app-unit:r-${n}`;

/** CodeBuild's report calls over stored reports and cases; DescribeTestCases filters by status and pages by 100. */
class FakeReports implements CodeBuildReportsApi {
  readonly reports = new Map<string, Report>();
  readonly cases = new Map<string, TestCase[]>();
  readonly coverages = new Map<string, CodeCoverage[]>();
  readonly calls: string[] = [];

  async getReports(arns: readonly string[]) {
    this.calls.push(`BatchGetReports ${arns.length}`);
    return arns.flatMap((a) => (this.reports.has(a) ? [this.reports.get(a) as Report] : []));
  }

  async describeTestCases(arn: string, options: { status?: string; nextToken?: string }) {
    this.calls.push(`DescribeTestCases ${options.status ?? '*'} ${options.nextToken ?? ''}`.trim());
    const all = (this.cases.get(arn) ?? []).filter((c) => options.status === undefined || c.status === options.status);
    const start = Number(options.nextToken ?? 0);
    const items = all.slice(start, start + 100);
    return { items, ...(start + 100 < all.length ? { nextToken: String(start + 100) } : {}) };
  }

  async describeCodeCoverages(arn: string, nextToken?: string) {
    this.calls.push(`DescribeCodeCoverages ${nextToken ?? ''}`.trim());
    const all = this.coverages.get(arn) ?? [];
    const start = Number(nextToken ?? 0);
    return { items: all.slice(start, start + 2), ...(start + 2 < all.length ? { nextToken: String(start + 2) } : {}) };
  }

  /** A test report of `cases`, its summary counted from them. */
  addTests(arn: string, cases: TestCase[], group = GROUP): void {
    const statusCounts: Record<string, number> = {};
    for (const c of cases) statusCounts[c.status ?? 'UNKNOWN'] = (statusCounts[c.status ?? 'UNKNOWN'] ?? 0) + 1;
    const failed = (statusCounts.FAILED ?? 0) + (statusCounts.ERROR ?? 0);
    this.reports.set(arn, {
      arn,
      type: 'TEST',
      reportGroupArn: group,
      status: failed > 0 ? 'FAILED' : 'SUCCEEDED',
      testSummary: {
        total: cases.length,
        statusCounts,
        durationInNanoSeconds: cases.reduce((n, c) => n + (c.durationInNanoSeconds ?? 0), 0),
      },
    });
    this.cases.set(arn, cases);
  }
}

/** 2,000 cases: every 16th failed, every 100th (of the rest) errored, some skipped. */
function manyCases(): TestCase[] {
  return Array.from({ length: 2000 }, (_, i): TestCase => {
    const status = i % 16 === 5 ? 'FAILED' : i % 100 === 7 ? 'ERROR' : i % 50 === 3 ? 'SKIPPED' : 'SUCCEEDED';
    return {
      name: `case ${i}`,
      prefix: `suite.S${Math.floor(i / 100)}`,
      status,
      durationInNanoSeconds: 1_000_000,
      ...(status === 'FAILED' || status === 'ERROR'
        ? { message: `expected ${i} to be ${i + 1}\n    at src/calc.ts:${i + 1}:3` }
        : {}),
    };
  });
}

test('no report ARN: no call at all', async () => {
  const api = new FakeReports();
  expect(await readReports(api, [{ build: { id: 'app:1' } }, { build: { id: 'app:2', reportArns: [] } }])).toEqual([]);
  expect(api.calls).toEqual([]);
});

test('a 2,000-case report: counts from BatchGetReports, only failed and errored cases read (paged), each once, failed first', async () => {
  const api = new FakeReports();
  const cases = manyCases();
  api.addTests(reportArn(1), cases);
  const [report] = await readReports(api, [{ build: { id: 'app:1', reportArns: [reportArn(1)] } }]);
  const failed = cases.filter((c) => c.status === 'FAILED');
  const errored = cases.filter((c) => c.status === 'ERROR');
  const skipped = cases.filter((c) => c.status === 'SKIPPED').length;
  expect([failed.length, errored.length, skipped]).toEqual([125, 20, 35]);
  // 125 failed: two pages; 20 errored: one page; nothing else is read.
  expect(api.calls).toEqual([
    'BatchGetReports 1',
    'DescribeTestCases FAILED',
    'DescribeTestCases FAILED 100',
    'DescribeTestCases ERROR',
  ]);
  expect(report).toMatchObject({ type: 'TEST', group: 'app-unit', status: 'FAILED', total: 2000, failedOmitted: 0 });
  if (report?.type !== 'TEST') throw new Error('not a test report');
  expect(report.counts).toEqual({ SUCCEEDED: 1820, FAILED: 125, SKIPPED: 35, ERROR: 20, UNKNOWN: 0 });
  expect(report.durationMs).toBe(2000);
  const names = report.failed.map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  expect(names).toEqual([...failed, ...errored].map((c) => c.name));

  const { annotations, more } = testAnnotations([report]);
  expect(annotations).toHaveLength(MAX_ANNOTATIONS);
  expect(more).toBe(145 - 50);
  expect(annotations[0]).toEqual({
    message: 'suite.S0 › case 5 failed: expected 5 to be 6',
    where: { title: 'app-unit: case 5', file: 'src/calc.ts', line: 6 },
  });
  const md = testReportsMarkdown([report]);
  expect(md).toContain('| app-unit | ❌ FAILED | 2000 | 1820 | 125 | 35 | 20 | 2s |');
  expect(md).toContain('### Failed tests (145)');
  expect(md).toContain('… and 95 more failed tests (see the report groups)');
  expect(md).toContain('50 failed tests are annotated; 95 more are not.');
  expect(JSON.parse(testReportOutputs([report])['test-summary'] ?? '')).toEqual({
    total: 2000,
    SUCCEEDED: 1820,
    FAILED: 125,
    SKIPPED: 35,
    ERROR: 20,
    UNKNOWN: 0,
  });
});

test('a batch: each child read, its reports labelled with its identifier; counts summed in test-summary', async () => {
  const api = new FakeReports();
  api.addTests(reportArn(1), [
    { name: 'a', status: 'SUCCEEDED' },
    { name: 'e', status: 'ERROR', message: 'no db' },
  ]);
  api.addTests(reportArn(2), [
    { name: 'b', status: 'FAILED', message: 'boom' },
    { name: 'c', status: 'SUCCEEDED' },
  ]);
  const reports = await readReports(api, [
    { identifier: 'linux', build: { reportArns: [reportArn(1)] } },
    { identifier: 'arm', build: { reportArns: [reportArn(2)] } },
  ]);
  expect(reports.map((r) => `${r.build}/${r.group}`)).toEqual(['linux/app-unit', 'arm/app-unit']);
  expect(api.calls.filter((c) => c.startsWith('BatchGetReports'))).toEqual(['BatchGetReports 2']);
  expect(JSON.parse(testReportOutputs(reports)['test-summary'] ?? '')).toMatchObject({ total: 4, FAILED: 1, ERROR: 1 });
  // Failed cases before errored ones, whichever report they come from.
  expect(testFailuresMessage(reports)).toBe('2 tests failed or errored in linux/app-unit, arm/app-unit: b; e');
  expect(testAnnotations(reports).annotations.map((a) => a.message)).toEqual(['b failed: boom', 'e errored: no db']);
  expect(testFailuresMessage(reports.slice(1))).toBe('1 test failed or errored in arm/app-unit: b');
  expect(testFailuresMessage([])).toBeUndefined();
});

test('coverage: the summary of BatchGetReports; DescribeCodeCoverages added up only when there is none', async () => {
  const api = new FakeReports();
  const cov = (n: number) => `arn:aws:codebuild:us-east-1:111122223333:report/app-cov:r-${n}`;
  api.reports.set(cov(1), {
    arn: cov(1),
    type: 'CODE_COVERAGE',
    reportGroupArn: 'arn:aws:codebuild:us-east-1:111122223333:report-group/app-cov',
    status: 'SUCCEEDED',
    codeCoverageSummary: {
      lineCoveragePercentage: 81.234,
      linesCovered: 81234,
      linesMissed: 18766,
      branchCoveragePercentage: 60,
      branchesCovered: 6,
      branchesMissed: 4,
    },
  });
  api.reports.set(cov(2), {
    arn: cov(2),
    type: 'CODE_COVERAGE',
    reportGroupArn: 'arn:aws:codebuild:us-east-1:111122223333:report-group/app-other',
    status: 'SUCCEEDED',
  });
  api.coverages.set(cov(2), [
    { filePath: 'a.ts', linesCovered: 3, linesMissed: 1 },
    { filePath: 'b.ts', linesCovered: 1, linesMissed: 3 },
    { filePath: 'c.ts', linesCovered: 4, linesMissed: 0, branchesCovered: 1, branchesMissed: 1 },
  ]);
  const reports = await readReports(api, [{ build: { reportArns: [cov(1), cov(2)] } }]);
  expect(api.calls).toEqual(['BatchGetReports 2', 'DescribeCodeCoverages', 'DescribeCodeCoverages 2']);
  expect(JSON.parse(testReportOutputs(reports).coverage ?? '')).toEqual({
    'app-cov': { line: 81.23, branch: 60 },
    'app-other': { line: 66.67, branch: 50 },
  });
  expect(testReportOutputs(reports)['test-summary']).toBeUndefined();
  const md = testReportsMarkdown(reports);
  expect(md).toContain('| app-cov | ✅ SUCCEEDED | 81.2% (81234/100000 lines) | 60.0% (6/10 branches) |');
  expect(md).toContain('| app-other | ✅ SUCCEEDED | 66.7% (8/12 lines) | 50.0% (1/2 branches) |');
});

test('where a failed case points: a file:line of the message outside dependencies, a CodeBuild path made relative, a file prefix', () => {
  expect(locate({ name: 't', status: 'FAILED', message: 'at Object.<anonymous> (test/a.test.ts:12:5)' })).toEqual({
    file: 'test/a.test.ts',
    line: 12,
  });
  expect(
    locate({
      name: 't',
      status: 'FAILED',
      message: 'at x (node_modules/jest/x.js:1:1)\n at /codebuild/output/src123/src/app/tests/test_b.py:40',
    }),
  ).toEqual({ file: 'app/tests/test_b.py', line: 40 });
  expect(locate({ name: 't', status: 'FAILED', prefix: 'tests/test_c.py', message: 'assert 1 == 2' })).toEqual({
    file: 'tests/test_c.py',
  });
  expect(locate({ name: 't', status: 'FAILED', prefix: 'com.example.CalcTest', message: 'expected:<1>' })).toEqual({});
});

describe('the same results, run locally and remotely: the same markdown', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-reports-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a JUnit report with one failure among three, read by the runner and by CodeBuild', async () => {
    writeFileSync(
      path.join(dir, 'junit.xml'),
      `<?xml version="1.0"?>
<testsuite name="calc" tests="3" failures="1" errors="0" skipped="0">
  <testcase classname="CalcTest" name="adds" time="0.5"/>
  <testcase classname="CalcTest" name="divides" time="1.25"><failure message="expected 2 but was 3"/></testcase>
  <testcase classname="CalcTest" name="subtracts" time="0.25"/>
</testsuite>`,
    );
    const [local] = await collectReports(
      [{ name: 'unit', files: ['junit.xml'], discardPaths: false, fileFormat: 'JUNITXML' }],
      { srcDir: dir, env: {}, log: () => undefined },
    );
    const locally = localReportResults([{ ...(local as NonNullable<typeof local>), reportGroupName: 'app-unit' }]);

    const api = new FakeReports();
    api.addTests(reportArn(9), [
      { name: 'adds', prefix: 'CalcTest', status: 'SUCCEEDED', durationInNanoSeconds: 500_000_000 },
      {
        name: 'divides',
        prefix: 'CalcTest',
        status: 'FAILED',
        durationInNanoSeconds: 1_250_000_000,
        message: 'expected 2 but was 3',
      },
      { name: 'subtracts', prefix: 'CalcTest', status: 'SUCCEEDED', durationInNanoSeconds: 250_000_000 },
    ]);
    const remotely = await readReports(api, [{ build: { reportArns: [reportArn(9)] } }]);

    const md = testReportsMarkdown(remotely);
    expect(md).toContain('| app-unit | ❌ FAILED | 3 | 2 | 1 | 0 | 0 | 2s |');
    expect(md).toContain('- ❌ **divides** in `CalcTest` (app-unit, FAILED)');
    expect(testReportsMarkdown(locally)).toBe(md);
    expect(testAnnotations(locally)).toEqual(testAnnotations(remotely));
    expect(testReportOutputs(locally)).toEqual(testReportOutputs(remotely));
    // The closing table's Tests column and the terminal's report line, too.
    expect(testCounts(reportCounts(remotely))).toBe('2 passed, 1 failed');
    expect(testCounts([{ name: 'unit', summary: { ...local?.summary } }])).toBe('2 passed, 1 failed');
    expect(testReportLines(remotely)).toEqual(testReportLines(locally));
    expect(testReportLines(remotely)).toEqual(['Report app-unit: FAILED, 3 tests: 2 passed, 1 failed']);
  });
});
