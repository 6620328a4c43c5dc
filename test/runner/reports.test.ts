import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportFormat, ReportGroupSpec } from '../../src/buildspec/types.js';
import { parseClover, parseCobertura, parseJaCoCo, parseSimpleCov } from '../../src/runner/reports/coverage-formats.js';
import { collectReports, summarize, type TestReportGroupResult } from '../../src/runner/reports/index.js';
import {
  parseCucumber,
  parseJUnit,
  parseNUnit2,
  parseNUnit3,
  parseTestNG,
  parseTrx,
} from '../../src/runner/reports/test-formats.js';
import { decodeXmlBytes } from '../../src/runner/reports/xml.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reports');
const fixture = (rel: string): string => decodeXmlBytes(readFileSync(path.join(FIXTURES, rel)));
const counts = (text: string, parse: (t: string) => ReturnType<typeof parseJUnit>) => summarize(parse(text));

describe('test report formats (counts exact)', () => {
  test('JUnit: nested suites, failure vs error, skipped, durations, messages', () => {
    const cases = parseJUnit(fixture('junit/surefire-nested.xml'));
    expect(summarize(cases)).toEqual({
      total: 7,
      passed: 3,
      failed: 1,
      errored: 1,
      skipped: 2,
      unknown: 0,
      durationMs: 3214,
    });
    expect(cases[1]).toEqual({
      suite: 'com.example.CalculatorTest',
      name: 'dividesByZero',
      status: 'FAILED',
      durationMs: 250,
      message: 'expected: <Infinity> but was: <NaN>',
    });
    expect(cases.find((c) => c.name === 'connects')).toMatchObject({ status: 'ERROR', message: 'Connection refused' });
    expect(cases.find((c) => c.name === 'migrates')).toMatchObject({
      status: 'SKIPPED',
      suite: 'com.example.db.RepositoryIT',
    });
  });

  test('JUnit: pytest (entities, character references) and a bare <testsuite> root', () => {
    const cases = parseJUnit(fixture('junit/pytest.xml'));
    expect(summarize(cases)).toMatchObject({ total: 5, passed: 3, failed: 1, skipped: 1, errored: 0, durationMs: 412 });
    expect(cases.map((c) => c.name)).toContain('test_unicode_été');
    expect(cases[2]?.message).toBe('AssertionError: assert 415 == 201\n +  where 415 = <Response [415]>.status_code');
    expect(counts(fixture('junit/go-junit-report.xml'), parseJUnit)).toMatchObject({
      total: 3,
      passed: 2,
      failed: 1,
      durationMs: 30,
    });
  });

  test('NUnit 2: results and executed flags, fixture as suite', () => {
    const cases = parseNUnit2(fixture('nunit/nunit2-TestResult.xml'));
    expect(summarize(cases)).toEqual({
      total: 7,
      passed: 2,
      failed: 1,
      errored: 1,
      skipped: 2,
      unknown: 1,
      durationMs: 281,
    });
    expect(cases[1]).toMatchObject({
      suite: 'CalculatorTests',
      name: 'Example.CalculatorTests.Divide',
      status: 'FAILED',
      message: 'Expected: 2\n  But was:  0',
    });
    expect(cases.find((c) => c.name.endsWith('Later'))).toMatchObject({ status: 'SKIPPED', message: 'Not ready' });
  });

  test('NUnit 3: Failed+label Error is ERROR, Inconclusive is UNKNOWN, parameterized cases', () => {
    const cases = parseNUnit3(fixture('nunit/nunit3-TestResult.xml'));
    expect(summarize(cases)).toEqual({
      total: 6,
      passed: 2,
      failed: 1,
      errored: 1,
      skipped: 1,
      unknown: 1,
      durationMs: 532,
    });
    expect(cases.map((c) => `${c.suite}.${c.name}:${c.status}`)).toEqual([
      'Example.ServiceTests.Starts:SUCCEEDED',
      'Example.ServiceTests.Stops:FAILED',
      'Example.ServiceTests.Throws:ERROR',
      'Example.ServiceTests.Ignored:SKIPPED',
      'Example.MathTests.Adds(1,2,3):SUCCEEDED',
      'Example.MathTests.Adds(2,2,5):UNKNOWN',
    ]);
  });

  test('TestNG: configuration methods are not tests', () => {
    const cases = parseTestNG(fixture('testng/testng-results.xml'));
    expect(summarize(cases)).toEqual({
      total: 5,
      passed: 2,
      failed: 2,
      errored: 0,
      skipped: 1,
      unknown: 0,
      durationMs: 680,
    });
    expect(cases.find((c) => c.name === 'appliesCoupon')).toMatchObject({
      suite: 'com.shop.CheckoutTest',
      message: 'expected [10.0] but found [12.0]',
    });
    expect(cases.find((c) => c.name === 'removesItem')?.message).toMatch(/^java\.lang\.NullPointerException/);
  });

  test('Visual Studio TRX (UTF-8 BOM): outcomes, durations, class names from the definitions', () => {
    const cases = parseTrx(fixture('trx/deploy-tests.trx'));
    expect(summarize(cases)).toEqual({
      total: 5,
      passed: 2,
      failed: 1,
      errored: 1,
      skipped: 1,
      unknown: 0,
      durationMs: 61633.457,
    });
    expect(cases[1]).toEqual({
      suite: 'Aws.Deploy.Tests.DeployTests',
      name: 'Deploys_ToProd',
      status: 'FAILED',
      durationMs: 1500,
      message: 'Assert.Equal() Failure\nExpected: 200\nActual:   403',
    });
    expect(cases[4]?.name).toBe('Parses(input: "a<b")');
  });

  test('Cucumber JSON: scenarios with background steps and hooks', () => {
    const cases = parseCucumber(fixture('cucumber/cucumber.json'));
    expect(cases.map((c) => [c.suite, c.name, c.status, c.durationMs])).toEqual([
      ['Login', 'valid credentials', 'SUCCEEDED', 7],
      ['Login', 'wrong password', 'FAILED', 7],
      ['Login', 'locked account', 'SKIPPED', 2],
      ['Search', 'finds products', 'SUCCEEDED', 1.5],
      ['Search', 'suggestions', 'SKIPPED', 0.001],
      ['Search', 'sorting', 'ERROR', 0],
    ]);
    expect(cases[1]?.message).toBe(
      "AssertionError: expected 'Invalid password' to equal 'Welcome'\n    at World.<anonymous> (features/steps/login.js:21:10)",
    );
    expect(summarize(cases)).toMatchObject({ total: 6, passed: 2, failed: 1, errored: 1, skipped: 2 });
  });

  test('a file of another format is refused with a clear message', () => {
    expect(() => parseJUnit(fixture('nunit/nunit3-TestResult.xml'))).toThrow(
      'expected element type <testsuite> but have <test-run> (not JUnit XML)',
    );
    expect(() => parseJaCoCo(fixture('clover/clover.xml'))).toThrow(
      'expected element type <report> but have <coverage> (not JaCoCo XML)',
    );
    expect(() => parseClover(fixture('junit/pytest.xml'))).toThrow(
      'expected element type <coverage> but have <testsuites>',
    );
    expect(() => parseCucumber('{"a":1}')).toThrow('expected an array of features');
    expect(() => parseCucumber('nope')).toThrow('not valid JSON');
  });
});

describe('coverage formats (percentages exact)', () => {
  test('Cobertura with totals (coverage.py) and without (added up from class lines)', () => {
    expect(parseCobertura(fixture('cobertura/coverage-py.xml'))).toEqual({
      linesCovered: 90,
      linesMissed: 30,
      branchesCovered: 15,
      branchesMissed: 25,
    });
    // Greeter lines 1-4 (hits 4,0,2,0; line 1 and 2 repeated at method level), Util lines 1-2.
    expect(parseCobertura(fixture('cobertura/no-totals.xml'))).toEqual({
      linesCovered: 4,
      linesMissed: 2,
      branchesCovered: 3,
      branchesMissed: 1,
    });
  });

  test('JaCoCo (with its DOCTYPE): report-level LINE and BRANCH counters', () => {
    expect(parseJaCoCo(fixture('jacoco/jacoco.xml'))).toEqual({
      linesCovered: 33,
      linesMissed: 7,
      branchesCovered: 9,
      branchesMissed: 3,
    });
    const noTotals =
      '<report name="x"><package name="p"><counter type="LINE" missed="1" covered="3"/></package></report>';
    expect(parseJaCoCo(noTotals)).toEqual({ linesCovered: 3, linesMissed: 1 });
  });

  test('Clover: project statements and conditionals; files added up when the project has no metrics', () => {
    expect(parseClover(fixture('clover/clover.xml'))).toEqual({
      linesCovered: 40,
      linesMissed: 10,
      branchesCovered: 7,
      branchesMissed: 3,
    });
    const perFile =
      '<coverage><project><package><file name="a"><metrics statements="4" coveredstatements="1"/></file>' +
      '<file name="b"><metrics statements="6" coveredstatements="6"/></file></package></project></coverage>';
    expect(parseClover(perFile)).toEqual({ linesCovered: 7, linesMissed: 3 });
    expect(() => parseClover(fixture('cobertura/coverage-py.xml'))).toThrow(
      '<coverage> has no <project>: not Clover XML (a Cobertura report?)',
    );
    expect(() => parseCobertura(fixture('clover/clover.xml'))).toThrow(
      '<coverage> holds a <project>: a Clover report, not Cobertura XML',
    );
  });

  test('SimpleCov .resultset.json (result sets merged) and coverage.json ("ignored" not counted)', () => {
    expect(parseSimpleCov(fixture('simplecov/.resultset.json'))).toEqual({
      linesCovered: 6,
      linesMissed: 3,
      branchesCovered: 2,
      branchesMissed: 0,
    });
    expect(parseSimpleCov(fixture('simplecov/coverage.json'))).toEqual({
      linesCovered: 3,
      linesMissed: 2,
      branchesCovered: 1,
      branchesMissed: 1,
    });
    expect(parseSimpleCov('{"RSpec":{"coverage":{"/a.rb":[1,null,0,3]},"timestamp":1}}')).toEqual({
      linesCovered: 2,
      linesMissed: 1,
    });
    expect(() => parseSimpleCov(fixture('bad/simplecov-json.json'))).toThrow('simplecov-json output');
  });
});

describe('collectReports', () => {
  let tmp: string;
  let src: string;
  let lines: string[];
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'reports-test-'));
    src = path.join(tmp, 'src');
    mkdirSync(src);
    cpSync(FIXTURES, path.join(src, 'reports'), { recursive: true });
    lines = [];
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  const group = (name: string, files: string[], fileFormat: ReportFormat, baseDirectory?: string): ReportGroupSpec => ({
    name,
    files,
    fileFormat,
    baseDirectory,
    discardPaths: false,
  });
  const run = (groups: ReportGroupSpec[]) =>
    collectReports(groups, { srcDir: src, env: { R: 'reports' }, log: (l) => lines.push(l) });

  test('several files in a group add up; a failed test fails the group; log lines', async () => {
    const [junit] = await run([group('unit-test', ['**/*.xml'], 'JUNITXML', '$R/junit')]);
    expect(junit).toMatchObject({
      name: 'unit-test',
      type: 'TEST',
      fileFormat: 'JUNITXML',
      status: 'FAILED',
      summary: { total: 15, passed: 8, failed: 3, errored: 1, skipped: 3 },
      warnings: [],
      casesOmitted: 0,
    });
    expect(junit?.files.map((f) => path.basename(f))).toEqual([
      'go-junit-report.xml',
      'pytest.xml',
      'surefire-nested.xml',
    ]);
    const cases = (junit as TestReportGroupResult).cases;
    expect(cases.slice(0, 4).map((c) => c.status)).toEqual(['FAILED', 'FAILED', 'FAILED', 'ERROR']);
    expect(lines[0]).toBe('Set report auto-discover timeout to 5 seconds');
    expect(lines).toContain('Expanding base directory path: reports/junit');
    expect(lines).toContain('Found 3 file(s)');
    expect(lines.some((l) => /^Report auto-discover file discovery took \d+\.\d{6} seconds$/.test(l))).toBe(true);
    expect(lines).toContain('Preparing to upload report group unit-test: 3 JUNITXML file(s)');
    expect(lines).toContain('Report group unit-test: FAILED: 15 test(s), 8 passed, 3 failed, 1 errored, 3 skipped');
  });

  test('all passing is SUCCEEDED; coverage groups give percentages', async () => {
    writeFileSync(
      path.join(src, 'ok.xml'),
      '<testsuite name="s"><testcase name="a" classname="c" time="1"/><testcase name="b" classname="c"/></testsuite>',
    );
    const [tests, cobertura, simplecov] = await run([
      group('ok', ['ok.xml'], 'JUNITXML'),
      group('cov', ['reports/cobertura/coverage-py.xml'], 'COBERTURAXML'),
      group('ruby', ['.resultset.json'], 'SIMPLECOV', 'reports/simplecov'),
    ]);
    expect(tests).toMatchObject({ status: 'SUCCEEDED', summary: { total: 2, passed: 2 } });
    expect(cobertura).toMatchObject({
      type: 'CODE_COVERAGE',
      status: 'SUCCEEDED',
      summary: {
        lineCoveragePercentage: 75,
        linesCovered: 90,
        linesMissed: 30,
        branchCoveragePercentage: 37.5,
        branchesCovered: 15,
        branchesMissed: 25,
      },
    });
    expect(simplecov?.summary).toEqual({
      lineCoveragePercentage: 200 / 3,
      linesCovered: 6,
      linesMissed: 3,
      branchCoveragePercentage: 100,
      branchesCovered: 2,
      branchesMissed: 0,
    });
    expect(lines).toContain('Report group cov: line coverage 75.00% (90/120 lines), branch coverage 37.50%');
  });

  test('bad files are warnings, never exceptions; nothing readable is INCOMPLETE', async () => {
    const results = await run([
      group('broken', ['reports/bad/truncated.xml', 'reports/junit/pytest.xml'], 'JUNITXML'),
      group('wrong-format', ['reports/bad/lcov.info'], 'CLOVERXML'),
      group('nothing', ['missing/*.xml'], 'JUNITXML'),
      group('no-base', ['**/*'], 'NUNIT3XML', 'does-not-exist'),
    ]);
    expect(results[0]).toMatchObject({ status: 'FAILED', summary: { total: 5 } });
    expect(results[0]?.warnings).toEqual([
      'error processing report: reports/bad/truncated.xml: unclosed element <failure> (line 6)',
    ]);
    expect(results[1]).toMatchObject({ status: 'INCOMPLETE', summary: { lineCoveragePercentage: 0, linesCovered: 0 } });
    expect(results[1]?.warnings[0]).toMatch(/^error processing report: reports\/bad\/lcov\.info: /);
    expect(results[2]).toMatchObject({
      status: 'INCOMPLETE',
      warnings: ['no file matches missing/*.xml', 'no report files found'],
    });
    expect(results[3]).toMatchObject({
      status: 'INCOMPLETE',
      warnings: ['no matching base directory path found for does-not-exist', 'no report files found'],
    });
    expect(lines).toContain('Skipping invalid file path missing/*.xml');
    expect(lines).toContain('Report group nothing: INCOMPLETE (no readable report file)');
  });

  test('many cases: failed ones are kept first, the rest counted as omitted', async () => {
    const many = Array.from({ length: 2100 }, (_, i) =>
      i === 2050 ? `<testcase name="t${i}"><failure message="late"/></testcase>` : `<testcase name="t${i}"/>`,
    ).join('');
    writeFileSync(path.join(src, 'many.xml'), `<testsuite name="big">${many}</testsuite>`);
    const [result] = (await run([group('big', ['many.xml'], 'JUNITXML')])) as TestReportGroupResult[];
    expect(result?.summary).toMatchObject({ total: 2100, failed: 1 });
    expect(result?.cases).toHaveLength(2000);
    expect(result?.cases[0]).toMatchObject({ name: 't2050', status: 'FAILED', message: 'late' });
    expect(result?.casesOmitted).toBe(100);
  });
});
