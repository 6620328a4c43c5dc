/** Phase markers in CodeBuild's container log, and the groups they make. */
import { phaseMarker, PhaseGrouper } from '../../src/codebuild/phases.js';

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

test('markers: entering, complete with state, context with code and message', () => {
  expect(phaseMarker(c('Entering phase PRE_BUILD'))).toEqual({ kind: 'enter', phase: 'PRE_BUILD' });
  expect(phaseMarker(c('Phase is DOWNLOAD_SOURCE'))).toEqual({ kind: 'enter', phase: 'DOWNLOAD_SOURCE' });
  expect(phaseMarker(c('Phase complete: BUILD State: FAILED'))).toEqual({
    kind: 'complete',
    phase: 'BUILD',
    status: 'FAILED',
  });
  expect(phaseMarker(c('Phase context status code: YAML_FILE_ERROR Message: bad yaml'))).toEqual({
    kind: 'context',
    statusCode: 'YAML_FILE_ERROR',
    message: 'bad yaml',
  });
  expect(phaseMarker('Entering phase BUILD')).toBeUndefined();
  expect(phaseMarker(c('Running command echo Entering phase BUILD'))).toBeUndefined();
});

test('one group per phase, opened at its first line and closed after its context line', () => {
  const out: string[] = [];
  const grouper = new PhaseGrouper({
    openGroup: (t) => out.push(`>> ${t}`),
    closeGroup: () => out.push('<<'),
    line: (t) => out.push(t),
  });
  for (const line of LOG) grouper.line(line);
  grouper.end();
  expect(out).toEqual([
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
  const out: string[] = [];
  const grouper = new PhaseGrouper({
    openGroup: (t) => out.push(`>> ${t}`),
    closeGroup: () => out.push('<<'),
    line: (t) => out.push(t),
  });
  grouper.line(c('Entering phase BUILD'));
  grouper.line('sleeping');
  grouper.end();
  grouper.end();
  expect(out).toEqual(['>> BUILD', c('Entering phase BUILD'), 'sleeping', '<<']);
});
