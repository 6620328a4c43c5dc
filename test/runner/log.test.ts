/** A local build told through a Reporter (ReporterSink): CodeBuild's agent lines with their marks, the output. */
import { Tail } from '../../src/core/reporter.js';
import { ReporterSink } from '../../src/runner/log.js';
import type { BuildResult } from '../../src/runner/types.js';
import { RecordingReporter } from '../support/reporter.js';

const ok = { statusCode: '', message: '' };
const T = Date.UTC(2026, 10, 22, 10, 44, 12, 417);
const STAMP = '[Container] 2026/11/22 10:44:12.417000';

describe('ReporterSink', () => {
  test('agent lines in CodeBuild’s form with their marks; the output as it comes; a blank line after a command', () => {
    const reporter = new RecordingReporter();
    const sink = new ReporterSink(reporter);
    sink.emit({ type: 'build-start', time: T, buildId: 'p:1', projectName: 'p' });
    sink.emit({ type: 'phase-start', time: T, phase: 'BUILD' });
    sink.emit({ type: 'command-start', time: T, phase: 'BUILD', section: 'commands', command: 'make', attempt: 1 });
    sink.emit({ type: 'output', data: Buffer.from('compiling\npart') });
    sink.emit({ type: 'command-end', time: T, phase: 'BUILD', section: 'commands', command: 'make', exitCode: 2 });
    sink.emit({
      type: 'phase-end',
      time: T,
      phase: 'BUILD',
      status: 'FAILED',
      context: { statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: make' },
      durationMs: 1,
    });
    sink.emit({ type: 'phase-start', time: T, phase: 'UPLOAD_ARTIFACTS' });
    sink.emit({ type: 'build-end', time: T, build: {} as BuildResult });

    expect(Buffer.concat(reporter.chunks).toString()).toBe('compiling\npart');
    expect(reporter.lines).toEqual([
      { text: `${STAMP} Entering phase BUILD`, mark: { kind: 'phase-start', phase: 'BUILD', time: T } },
      { text: `${STAMP} Running command make`, mark: { kind: 'command', command: 'make', attempt: 1 } },
      { text: '' },
      {
        text: `${STAMP} Command did not exit successfully make exit status 2`,
        mark: { kind: 'command-failed', command: 'make', exitCode: 2 },
      },
      {
        text: `${STAMP} Phase complete: BUILD State: FAILED`,
        mark: { kind: 'phase-complete', phase: 'BUILD', status: 'FAILED', time: T },
      },
      {
        text: `${STAMP} Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: make`,
        mark: {
          kind: 'phase-context',
          statusCode: 'COMMAND_EXECUTION_ERROR',
          message: 'Error while executing command: make',
        },
      },
      // CodeBuild's log has no line for UPLOAD_ARTIFACTS' start: a mark alone.
      { mark: { kind: 'phase-start', phase: 'UPLOAD_ARTIFACTS', time: T } },
    ]);
  });

  test('a successful phase’s context line has the empty fields, as CodeBuild writes it', () => {
    const reporter = new RecordingReporter();
    new ReporterSink(reporter).emit({
      type: 'phase-end',
      time: T,
      phase: 'INSTALL',
      status: 'SUCCEEDED',
      context: ok,
      durationMs: 1,
    });
    expect(reporter.texts()).toEqual([
      `${STAMP} Phase complete: INSTALL State: SUCCEEDED`,
      `${STAMP} Phase context status code:  Message: `,
    ]);
  });

  test('with a tail: the last 20 lines of the commands’ output, a partial line too, agent lines left out', () => {
    const reporter = new RecordingReporter();
    const tail = new Tail();
    const sink = new ReporterSink(reporter, { tail });
    sink.emit({ type: 'output', data: Buffer.from(Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join('')) });
    sink.emit({ type: 'container', time: T, text: 'Running on CodeBuild On-demand' });
    sink.emit({ type: 'output', data: Buffer.from('partial') });
    const lines = tail.lines();
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('line 12');
    expect(lines.slice(-2)).toEqual(['line 30', 'partial']);
    // The output itself still goes through as it came.
    expect(reporter.chunks).toHaveLength(2);
  });

  test('a batch child (source): its output in whole lines tagged with it, never mixed inside a line', () => {
    const reporter = new RecordingReporter();
    const sink = new ReporterSink(reporter, { source: 'b1' });
    sink.emit({ type: 'output', data: Buffer.from('par') });
    sink.emit({ type: 'output', data: Buffer.from('tial\nsecond\nthi') });
    // A character split across chunks is decoded whole.
    const e = Buffer.from('é');
    sink.emit({ type: 'output', data: Buffer.concat([Buffer.from('rd '), e.subarray(0, 1)]) });
    sink.emit({ type: 'output', data: e.subarray(1) });
    expect(reporter.lines).toEqual([
      { text: 'partial', source: 'b1' },
      { text: 'second', source: 'b1' },
    ]);
    // The partial line ends before the next agent line …
    sink.emit({ type: 'command-start', time: T, phase: 'BUILD', section: 'commands', command: 'x', attempt: 2 });
    expect(reporter.lines.slice(2)).toEqual([
      { text: 'third é', source: 'b1' },
      {
        text: `${STAMP} Running command x`,
        source: 'b1',
        mark: { kind: 'command', command: 'x', attempt: 2 },
      },
    ]);
    // … and at the end.
    sink.emit({ type: 'output', data: Buffer.from('last') });
    sink.emit({ type: 'build-end', time: T, build: {} as BuildResult });
    sink.flush();
    expect(reporter.lines.slice(4)).toEqual([{ text: 'last', source: 'b1' }]);
    expect(reporter.chunks).toEqual([]);
  });
});
