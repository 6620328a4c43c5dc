/** Phase markers in CodeBuild's container log (the runner's reader of it), and the groups they make. */
import { LogPhases } from '../../src/core/log-phases.js';
import type { LogLine } from '../../src/core/reporter.js';
import { readLogLine } from '../../src/runner/log.js';

/** The grouping a Reporter makes of these lines: `>> PHASE` where a group opens, `<<` where it closes. */
function grouped(lines: readonly string[]): string[] {
  const phases = new LogPhases();
  const out: string[] = [];
  const apply = (steps: ReturnType<LogPhases['end']>) => {
    for (const step of steps) out.push(step.kind === 'open' ? `>> ${step.phase}` : '<<');
  };
  for (const text of lines) {
    const mark = readLogLine(text);
    const line: LogLine = mark === undefined ? { text } : { text, mark };
    const { before, after } = phases.step(line);
    apply(before);
    out.push(text);
    apply(after);
  }
  apply(phases.end());
  return out;
}

const T = '2026/11/22 10:44:12.417308';
const c = (text: string): string => `[Container] ${T} ${text}`;

/** A real CodeBuild log (shortened), as the agent writes it to CloudWatch Logs. */
const LOG = [
  c('Running on CodeBuild On-demand'),
  c('Waiting for agent ping'),
  c('Waiting for DOWNLOAD_SOURCE'),
  c('Phase is DOWNLOAD_SOURCE'),
  c('CODEBUILD_SRC_DIR=/codebuild/output/src123/src'),
  c('Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED'),
  c('Phase context status code:  Message: '),
  c('Entering phase INSTALL'),
  c('Phase complete: INSTALL State: SUCCEEDED'),
  c('Phase context status code:  Message: '),
  c('Entering phase BUILD'),
  c('Running command echo hi'),
  'hi',
  '',
  c('Running command exit 3'),
  '',
  c('Command did not exit successfully exit 3 exit status 3'),
  c('Phase complete: BUILD State: FAILED'),
  c(
    'Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: exit 3. Reason: exit status 3',
  ),
  c('Entering phase POST_BUILD'),
  c('Phase complete: POST_BUILD State: SUCCEEDED'),
  c('Phase context status code:  Message: '),
  c('Expanding base directory path: .'),
  c('Assembling file list'),
  c('Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED'),
  c('Phase context status code:  Message: '),
];

const TIME = Date.UTC(2026, 10, 22, 10, 44, 12) + 417.308;

test('markers: entering, complete with state, context with code and message, commands, agent lines', () => {
  expect(readLogLine(c('Entering phase PRE_BUILD'))).toEqual({ kind: 'phase-start', phase: 'PRE_BUILD', time: TIME });
  expect(readLogLine(c('Phase is DOWNLOAD_SOURCE'))).toEqual({
    kind: 'phase-start',
    phase: 'DOWNLOAD_SOURCE',
    time: TIME,
  });
  expect(readLogLine(c('Phase complete: BUILD State: FAILED'))).toEqual({
    kind: 'phase-complete',
    phase: 'BUILD',
    status: 'FAILED',
    time: TIME,
  });
  expect(readLogLine(c('Phase context status code: YAML_FILE_ERROR Message: bad yaml'))).toEqual({
    kind: 'phase-context',
    statusCode: 'YAML_FILE_ERROR',
    message: 'bad yaml',
  });
  expect(readLogLine(c('Running command echo Entering phase BUILD'))).toEqual({
    kind: 'command',
    command: 'echo Entering phase BUILD',
  });
  expect(readLogLine(c('Command did not exit successfully exit 3 exit status 3'))).toEqual({
    kind: 'command-failed',
    command: 'exit 3',
    exitCode: 3,
  });
  expect(readLogLine(c('Waiting for agent ping'))).toEqual({ kind: 'agent', text: 'Waiting for agent ping' });
  expect(readLogLine('Entering phase BUILD')).toBeUndefined();
});

test('one group per phase, opened at its first line and closed after its context line', () => {
  expect(grouped(LOG)).toEqual([
    ...LOG.slice(0, 3),
    '>> DOWNLOAD_SOURCE',
    ...LOG.slice(3, 7),
    '<<',
    '>> INSTALL',
    ...LOG.slice(7, 10),
    '<<',
    '>> BUILD',
    ...LOG.slice(10, 19),
    '<<',
    '>> POST_BUILD',
    ...LOG.slice(19, 22),
    '<<',
    '>> UPLOAD_ARTIFACTS',
    ...LOG.slice(22, 26),
    '<<',
  ]);
});

test('a log cut short (build stopped) closes its open group at the end', () => {
  expect(grouped([c('Entering phase BUILD'), 'sleeping'])).toEqual([
    '>> BUILD',
    c('Entering phase BUILD'),
    'sleeping',
    '<<',
  ]);
});
