/**
 * Test report formats CodeBuild reads → test cases with CodeBuild's statuses.
 *
 * Status mapping (where a format has more outcomes than CodeBuild): a failed assertion is FAILED; an error,
 * crash, timeout, abort, cancellation or invalid test is ERROR; ignored, skipped, not run or not executed is
 * SKIPPED; inconclusive and anything unknown is UNKNOWN.
 */
import type { TestReportFormat } from '../../buildspec/types.js';
import { errorMessage } from '../glob.js';
import { ReportFormatError, type TestCase, type TestStatus } from './types.js';
import { child, childrenNamed, deepText, parseXml, visit, type XmlElement } from './xml.js';

export type TestParser = (text: string) => TestCase[];

export const TEST_PARSERS: Readonly<Record<TestReportFormat, TestParser>> = {
  JUNITXML: parseJUnit,
  NUNITXML: parseNUnit2,
  NUNIT3XML: parseNUnit3,
  TESTNGXML: parseTestNG,
  VISUALSTUDIOTRX: parseTrx,
  CUCUMBERJSON: parseCucumber,
};

const MESSAGE_MAX = 500;

/** The first few lines of a message, at most MESSAGE_MAX characters; undefined when blank. */
export function shortMessage(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  if (trimmed === '') return undefined;
  const lines = trimmed.split('\n').slice(0, 5).join('\n');
  return lines.length > MESSAGE_MAX ? `${lines.slice(0, MESSAGE_MAX - 1)}…` : lines;
}

/** Seconds as written by the tools (`1.5`, `1,234.5`) → milliseconds; 0 when absent or bad. */
function secondsToMs(value: string | undefined): number {
  if (value === undefined) return 0;
  const n = Number(value.replace(/,/g, '').trim());
  return Number.isFinite(n) && n > 0 ? Math.round(n * 1000 * 1000) / 1000 : 0;
}

/** CodeBuild's own wording for a file of another format: `expected element type <testsuite> but have <coverage>`. */
function expectRoot(root: XmlElement, names: readonly string[], format: string): void {
  if (!names.includes(root.name)) {
    throw new ReportFormatError(`expected element type <${names[0] ?? ''}> but have <${root.name}> (not ${format})`);
  }
}

function messageOf(element: XmlElement | undefined): string | undefined {
  if (element === undefined) return undefined;
  const messageChild = child(element, 'message');
  return shortMessage(element.attrs.message ?? (messageChild ? deepText(messageChild) : deepText(element)));
}

// ---------------------------------------------------------------------------------------------------------------
// JUnit XML (Surefire, pytest, jest-junit, Gradle, go-junit-report, …): <testsuites>/<testsuite> nested at will.

export function parseJUnit(text: string): TestCase[] {
  const root = parseXml(text);
  expectRoot(root, ['testsuite', 'testsuites'], 'JUnit XML');
  const cases: TestCase[] = [];
  visit(root, (el, ancestors) => {
    if (el.name !== 'testcase') return;
    let suiteName = '';
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i] as XmlElement;
      if (a.name === 'testsuite' && a.attrs.name) {
        suiteName = a.attrs.name;
        break;
      }
    }
    const failure = child(el, 'failure');
    const error = child(el, 'error');
    const skipped = child(el, 'skipped');
    let status: TestStatus = 'SUCCEEDED';
    let message: string | undefined;
    if (failure) {
      status = 'FAILED';
      message = messageOf(failure);
    } else if (error) {
      status = 'ERROR';
      message = messageOf(error);
    } else if (skipped) {
      status = 'SKIPPED';
      message = messageOf(skipped);
    }
    cases.push({
      suite: el.attrs.classname || suiteName,
      name: el.attrs.name ?? '',
      status,
      durationMs: secondsToMs(el.attrs.time),
      ...(message !== undefined ? { message } : {}),
    });
  });
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// NUnit 2.x: <test-results> … <test-suite type="TestFixture"> <results> <test-case result="Success"/>

const NUNIT2_RESULTS: Readonly<Record<string, TestStatus>> = {
  success: 'SUCCEEDED',
  failure: 'FAILED',
  error: 'ERROR',
  cancelled: 'ERROR',
  notrunnable: 'ERROR',
  invalid: 'ERROR',
  ignored: 'SKIPPED',
  skipped: 'SKIPPED',
  notrun: 'SKIPPED',
  inconclusive: 'UNKNOWN',
};

export function parseNUnit2(text: string): TestCase[] {
  const root = parseXml(text);
  expectRoot(root, ['test-results'], 'NUnit 2 XML');
  const cases: TestCase[] = [];
  visit(root, (el, ancestors) => {
    if (el.name !== 'test-case') return;
    const result = (el.attrs.result ?? '').toLowerCase();
    let status: TestStatus = NUNIT2_RESULTS[result] ?? 'UNKNOWN';
    if (result === '') {
      if (el.attrs.executed?.toLowerCase() === 'false') status = 'SKIPPED';
      else if (el.attrs.success !== undefined)
        status = el.attrs.success.toLowerCase() === 'true' ? 'SUCCEEDED' : 'FAILED';
    }
    const fixture = [...ancestors].reverse().find((a) => a.name === 'test-suite' && a.attrs.type === 'TestFixture');
    const fullName = el.attrs.name ?? '';
    const suite = fixture?.attrs.name ?? fullName.slice(0, Math.max(0, fullName.lastIndexOf('.')));
    const detail = child(el, 'failure') ?? child(el, 'reason');
    const message = status === 'SUCCEEDED' ? undefined : messageOf(detail);
    cases.push({
      suite,
      name: fullName,
      status,
      durationMs: secondsToMs(el.attrs.time),
      ...(message !== undefined ? { message } : {}),
    });
  });
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// NUnit 3: <test-run> … <test-suite type="TestFixture"> <test-case result="Passed|Failed|…" label="Error">

export function parseNUnit3(text: string): TestCase[] {
  const root = parseXml(text);
  expectRoot(root, ['test-run', 'test-suite'], 'NUnit 3 XML');
  const cases: TestCase[] = [];
  visit(root, (el, ancestors) => {
    if (el.name !== 'test-case') return;
    const result = (el.attrs.result ?? '').toLowerCase();
    const label = (el.attrs.label ?? '').toLowerCase();
    let status: TestStatus;
    if (result === 'passed' || result === 'warning') status = 'SUCCEEDED';
    else if (result === 'failed') status = ['error', 'cancelled', 'invalid'].includes(label) ? 'ERROR' : 'FAILED';
    else if (result === 'skipped') status = 'SKIPPED';
    else status = 'UNKNOWN';
    const fixture = [...ancestors].reverse().find((a) => a.name === 'test-suite' && a.attrs.type === 'TestFixture');
    const detail = child(el, 'failure') ?? child(el, 'reason');
    const message = status === 'SUCCEEDED' ? undefined : messageOf(detail);
    cases.push({
      suite: el.attrs.classname ?? fixture?.attrs.fullname ?? fixture?.attrs.name ?? '',
      name: el.attrs.name ?? el.attrs.fullname ?? '',
      status,
      durationMs: secondsToMs(el.attrs.duration),
      ...(message !== undefined ? { message } : {}),
    });
  });
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// TestNG: <testng-results> <suite> <test> <class name> <test-method status="PASS" is-config?>

export function parseTestNG(text: string): TestCase[] {
  const root = parseXml(text);
  expectRoot(root, ['testng-results'], 'TestNG XML');
  const cases: TestCase[] = [];
  visit(root, (el, ancestors) => {
    if (el.name !== 'test-method' || el.attrs['is-config'] === 'true') return;
    const cls = [...ancestors].reverse().find((a) => a.name === 'class');
    const s = (el.attrs.status ?? '').toUpperCase();
    const status: TestStatus =
      s === 'PASS' ? 'SUCCEEDED' : s === 'FAIL' ? 'FAILED' : s === 'SKIP' ? 'SKIPPED' : 'UNKNOWN';
    const exception = child(el, 'exception');
    const message =
      status === 'SUCCEEDED' || exception === undefined
        ? undefined
        : shortMessage(messageOf(exception) ?? exception.attrs.class);
    const ms = Number(el.attrs['duration-ms'] ?? '0');
    cases.push({
      suite: cls?.attrs.name ?? '',
      name: el.attrs.name ?? '',
      status,
      durationMs: Number.isFinite(ms) && ms > 0 ? ms : 0,
      ...(message !== undefined ? { message } : {}),
    });
  });
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// Visual Studio TRX: <TestRun> <TestDefinitions><UnitTest id><TestMethod className/></UnitTest> <Results>
// <UnitTestResult testId testName outcome duration="00:00:00.123"><Output><ErrorInfo><Message>

const TRX_OUTCOMES: Readonly<Record<string, TestStatus>> = {
  passed: 'SUCCEEDED',
  passedbutrunaborted: 'SUCCEEDED',
  failed: 'FAILED',
  error: 'ERROR',
  timeout: 'ERROR',
  aborted: 'ERROR',
  notrunnable: 'ERROR',
  notexecuted: 'SKIPPED',
};

/** `hh:mm:ss.fffffff`, optionally `d.hh:mm:ss` → ms. */
function trxDurationMs(value: string | undefined): number {
  const m = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value?.trim() ?? '');
  if (!m) return 0;
  const seconds = Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  return Math.round(seconds * 1000 * 1000) / 1000;
}

export function parseTrx(text: string): TestCase[] {
  const root = parseXml(text);
  expectRoot(root, ['TestRun'], 'Visual Studio TRX');
  const classes = new Map<string, string>();
  for (const defs of childrenNamed(root, 'TestDefinitions')) {
    for (const test of defs.children) {
      const method = child(test, 'TestMethod');
      if (test.attrs.id && method?.attrs.className) classes.set(test.attrs.id, method.attrs.className);
    }
  }
  const cases: TestCase[] = [];
  for (const results of childrenNamed(root, 'Results')) {
    for (const r of results.children) {
      if (!r.name.endsWith('TestResult')) continue;
      const status = TRX_OUTCOMES[(r.attrs.outcome ?? '').toLowerCase()] ?? 'UNKNOWN';
      const errorInfo = child(child(r, 'Output') ?? r, 'ErrorInfo');
      const messageEl = errorInfo ? child(errorInfo, 'Message') : undefined;
      const message = status === 'SUCCEEDED' || !messageEl ? undefined : shortMessage(deepText(messageEl));
      const className = classes.get(r.attrs.testId ?? '') ?? '';
      cases.push({
        suite: className.replace(/,.*$/, ''),
        name: r.attrs.testName ?? '',
        status,
        durationMs: trxDurationMs(r.attrs.duration),
        ...(message !== undefined ? { message } : {}),
      });
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------------------------
// Cucumber JSON: [ { name, elements: [ { type: "scenario"|"background", name, before, steps, after } ] } ]
// A scenario's status comes from its steps, its hooks and the background steps just before it.

interface CucumberResult {
  readonly status?: unknown;
  readonly duration?: unknown;
  readonly error_message?: unknown;
}
interface CucumberStep {
  readonly result?: CucumberResult;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function parseCucumber(text: string): TestCase[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ReportFormatError(`not valid JSON: ${errorMessage(error)}`);
  }
  if (!Array.isArray(doc)) throw new ReportFormatError('not a Cucumber JSON report: expected an array of features');
  const cases: TestCase[] = [];
  for (const featureValue of doc) {
    const feature = asRecord(featureValue);
    if (!Array.isArray(feature.elements)) {
      throw new ReportFormatError('not a Cucumber JSON report: a feature has no "elements" list');
    }
    let background: CucumberStep[] = [];
    for (const elementValue of feature.elements) {
      const element = asRecord(elementValue);
      const own = [...asArray(element.before), ...asArray(element.steps), ...asArray(element.after)] as CucumberStep[];
      if (element.type === 'background' || element.keyword === 'Background') {
        background = own;
        continue;
      }
      const steps = [...background, ...own];
      background = [];
      let durationNs = 0;
      let failedMessage: string | undefined;
      const statuses = new Set<string>();
      for (const step of steps) {
        const result = asRecord(step.result);
        const status = typeof result.status === 'string' ? result.status.toLowerCase() : 'unknown';
        statuses.add(status);
        if (typeof result.duration === 'number' && result.duration > 0) durationNs += result.duration;
        if (status === 'failed' && failedMessage === undefined && typeof result.error_message === 'string') {
          failedMessage = result.error_message;
        }
      }
      let status: TestStatus;
      if (statuses.has('failed')) status = 'FAILED';
      else if (statuses.has('ambiguous')) status = 'ERROR';
      else if ([...statuses].every((s) => s === 'passed')) status = 'SUCCEEDED';
      else if ([...statuses].every((s) => ['passed', 'skipped', 'pending', 'undefined'].includes(s)))
        status = 'SKIPPED';
      else status = 'UNKNOWN';
      const message = shortMessage(failedMessage);
      cases.push({
        suite: typeof feature.name === 'string' ? feature.name : '',
        name: typeof element.name === 'string' ? element.name : '',
        status,
        durationMs: Math.round(durationNs / 1000) / 1000,
        ...(message !== undefined ? { message } : {}),
      });
    }
  }
  return cases;
}
