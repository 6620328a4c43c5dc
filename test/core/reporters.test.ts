import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LogLine } from '../../src/core/reporter.js';
import { Tail } from '../../src/core/reporter.js';
import { GitHubReporter } from '../../src/core/reporters/github.js';
import { TerminalReporter } from '../../src/core/reporters/terminal.js';

class Capture {
  text = '';
  isTTY = false;
  write(chunk: string | Uint8Array): boolean {
    this.text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }
}

/** A local build's log as CodeBuild writes it, with what each line means. */
const buildLog: LogLine[] = [
  {
    text: '[Container] 2026/12/05 10:00:00.000000 Running on CodeBuild On-demand',
    mark: { kind: 'agent', text: 'Running on CodeBuild On-demand' },
  },
  {
    text: '[Container] 2026/12/05 10:00:00.100000 Entering phase BUILD',
    mark: { kind: 'phase-start', phase: 'BUILD', time: 100 },
  },
  { text: '[Container] 2026/12/05 10:00:00.200000 Running command make', mark: { kind: 'command', command: 'make' } },
  { text: '::error::forged' },
  { text: '' },
  {
    text: '[Container] 2026/12/05 10:00:01.000000 Command did not exit successfully make exit status 2',
    mark: { kind: 'command-failed', command: 'make', exitCode: 2 },
  },
  {
    text: '[Container] 2026/12/05 10:00:01.300000 Phase complete: BUILD State: FAILED',
    mark: { kind: 'phase-complete', phase: 'BUILD', status: 'FAILED', time: 1300 },
  },
  {
    text: '[Container] 2026/12/05 10:00:01.300100 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: make. Reason: exit status 2',
    mark: {
      kind: 'phase-context',
      statusCode: 'COMMAND_EXECUTION_ERROR',
      message: 'Error while executing command: make. Reason: exit status 2',
    },
  },
  {
    text: '[Container] 2026/12/05 10:00:01.400000 Phase complete: POST_BUILD State: SUCCEEDED',
    mark: { kind: 'phase-complete', phase: 'POST_BUILD', status: 'SUCCEEDED', time: 1400 },
  },
  {
    text: '[Container] 2026/12/05 10:00:01.400100 Phase context status code:  Message: ',
    mark: { kind: 'phase-context', statusCode: '', message: '' },
  },
  {
    text: '[Container] 2026/12/05 10:00:01.500000 Expanding base directory path: .',
    mark: { kind: 'agent', text: 'Expanding base directory path: .' },
  },
];

describe('GitHubReporter', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-reporter-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('groups a build log by phase, fences foreign text, and annotates with file and line', async () => {
    const out = new Capture();
    const env = { GITHUB_OUTPUT: path.join(dir, 'out'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') };
    writeFileSync(env.GITHUB_OUTPUT, '');
    const reporter = new GitHubReporter(out, { env, token: 'T' });
    reporter.mask('s3cret\nline two');
    for (const line of buildLog) reporter.line(line);
    reporter.error('BUILD FAILED', { file: 'buildspec.yml', line: 3, col: 5, title: 'BUILD', context: ['a', 'b'] });
    reporter.warning('careful');
    reporter.setOutput('build-status', 'FAILED');
    await reporter.summary('## done');
    reporter.close();
    const lines = out.text.split('\n');
    expect(lines.filter((l) => l.startsWith('::group::'))).toEqual([
      '::group::BUILD',
      '::group::POST_BUILD',
      '::group::UPLOAD_ARTIFACTS',
    ]);
    expect(lines.filter((l) => l === '::endgroup::')).toHaveLength(3);
    // The forged command is inside the fence: the runner reads it as text.
    const forged = lines.indexOf('::error::forged');
    expect(lines.slice(0, forged).lastIndexOf('::stop-commands::T')).toBeGreaterThan(
      lines.slice(0, forged).lastIndexOf('::T::'),
    );
    expect(out.text).toContain('::add-mask::s3cret%0Aline two\n::add-mask::s3cret\n::add-mask::line two\n');
    expect(out.text).toContain(
      '::error file=buildspec.yml,line=3,col=5,title=BUILD::BUILD FAILED%0A%0ALast 2 lines of the log:%0Aa%0Ab\n',
    );
    expect(out.text).toContain('::warning::careful\n');
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toMatch(
      /^build-status<<ghadelimiter_[\w-]+\nFAILED\nghadelimiter_/,
    );
    expect(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8')).toBe('## done\n');
    // Every group and the fence are closed at the end.
    expect(lines.filter(Boolean).at(-1)).toBe('::endgroup::');
  });

  test("a batch child's lines are prefixed and never grouped", () => {
    const out = new Capture();
    const reporter = new GitHubReporter(out, { env: {}, token: 'T' });
    reporter.line({ ...buildLog[1]!, source: 'linux' });
    reporter.close();
    expect(out.text).not.toContain('::group::');
    expect(out.text).toContain('[linux] [Container] 2026/12/05 10:00:00.100000 Entering phase BUILD\n');
  });
});

describe('TerminalReporter', () => {
  const make = (rich: boolean) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const reporter = new TerminalReporter({ stdout, stderr, rich, colour: false, prefix: 'aws-cicd' });
    return { stdout, stderr, reporter };
  };

  test('rich: phase headers, $ command lines, closing lines per phase, the table; context not repeated', () => {
    const { stdout, stderr, reporter } = make(true);
    for (const line of buildLog) reporter.line(line);
    reporter.error('BUILD FAILED: COMMAND_EXECUTION_ERROR', { context: ['the last line'] });
    reporter.table({
      columns: ['Phase', 'Status', 'Duration'],
      rows: [['BUILD', 'FAILED', '1.2s']],
      statusColumn: 1,
      footer: { text: 'Build FAILED in 1.5s', ok: false },
    });
    reporter.close();
    expect(stdout.text).toBe(
      [
        '  Running on CodeBuild On-demand',
        '',
        '▶ BUILD',
        '$ make',
        '::error::forged',
        '',
        '✗ exit status 2',
        '✗ BUILD FAILED in 1.2s: COMMAND_EXECUTION_ERROR: Error while executing command: make. Reason: exit status 2',
        '',
        '▶ POST_BUILD',
        '✓ POST_BUILD SUCCEEDED in 100ms',
        '',
        '▶ UPLOAD_ARTIFACTS',
        '  Expanding base directory path: .',
        '',
        'Phase  Status  Duration',
        'BUILD  FAILED  1.2s',
        '',
        'Build FAILED in 1.5s',
        '',
      ].join('\n'),
    );
    expect(stderr.text).toBe('aws-cicd: error: BUILD FAILED: COMMAND_EXECUTION_ERROR\n');
  });

  test('plain: the log verbatim on stdout, our lines and the footer on stderr, the context next to the error', () => {
    const { stdout, stderr, reporter } = make(false);
    reporter.info('started');
    for (const line of buildLog.slice(0, 3)) reporter.line(line);
    reporter.error('it failed', { context: ['x'] });
    reporter.error('bad key', { file: 'buildspec.yml', line: 2, col: 3, title: 'phases.biuld' });
    reporter.table({ columns: ['a'], rows: [], footer: { text: 'Build FAILED', ok: false } });
    reporter.close();
    expect(stdout.text).toBe(
      buildLog
        .slice(0, 3)
        .map((l) => l.text + '\n')
        .join(''),
    );
    expect(stderr.text).toBe(
      'aws-cicd: started\naws-cicd: error: it failed\n  x\nbuildspec.yml:2:3: error: phases.biuld: bad key\naws-cicd: Build FAILED\n',
    );
  });

  test('masks every secret, and each line of a multi-line one, in lines, messages and raw output split anywhere', () => {
    const { stdout, stderr, reporter } = make(false);
    reporter.mask('first-line\nsecond-line\nab');
    reporter.info('value second-line here');
    reporter.line('got first-line');
    reporter.output('x first-');
    reporter.output('line y\n');
    reporter.close();
    expect(stdout.text).toBe('got ***\nx *** y\n');
    expect(stderr.text).toBe('aws-cicd: value *** here\n');
  });

  test('debug lines only when asked', () => {
    const stdout = new Capture();
    const stderr = new Capture();
    new TerminalReporter({ stdout, stderr, rich: false, colour: false, prefix: 'p' }).debug('hidden');
    new TerminalReporter({ stdout, stderr, rich: false, colour: false, prefix: 'p', debug: true }).debug('shown');
    expect(stderr.text).toBe('p: debug: shown\n');
  });
});

test('Tail keeps the last lines, partial ones too', () => {
  const tail = new Tail(2);
  tail.write('a\nb\nc');
  expect(tail.lines()).toEqual(['b', 'c']);
  tail.write('d\n');
  expect(tail.lines()).toEqual(['b', 'cd']);
});
