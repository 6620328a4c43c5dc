/** The job summary of a build (remote or local) and the closing table of a terminal. */
import { formatDuration } from '../../src/core/duration.js';
import { buildSummaryMarkdown, ganttChart, phaseTable, testCounts } from '../../src/core/summary.js';

const t0 = Date.UTC(2026, 10, 22, 10, 0, 0);

describe('buildSummaryMarkdown', () => {
  const build = {
    id: 'proj:1234',
    buildStatus: 'FAILED',
    startTime: new Date(t0),
    endTime: new Date(t0 + 75_000),
    phases: [
      { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: new Date(t0), endTime: new Date(t0) },
      {
        phaseType: 'INSTALL',
        phaseStatus: 'SUCCEEDED',
        startTime: new Date(t0),
        endTime: new Date(t0 + 5_000),
        durationInSeconds: 5,
      },
      {
        phaseType: 'BUILD',
        phaseStatus: 'FAILED',
        startTime: new Date(t0 + 5_000),
        endTime: new Date(t0 + 70_000),
        durationInSeconds: 65,
        contexts: [
          {
            statusCode: 'COMMAND_EXECUTION_ERROR',
            message: 'Error while executing command: a | b. Reason: exit status 1',
          },
        ],
      },
    ],
    exportedEnvironmentVariables: [{ name: 'VERSION', value: '1.2.3' }],
    reports: [{ name: 'unit', status: 'FAILED', summary: { total: 10, passed: 9, failed: 1, skipped: 0 } }],
  };

  test('status, duration, links, one row per phase without bookkeeping phases, pipes escaped', () => {
    const md = buildSummaryMarkdown('CodeBuild', build, {
      console: 'https://example.test/c',
      logs: 'https://example.test/l',
    });
    expect(md).toContain('## CodeBuild: ❌ FAILED');
    expect(md).toContain(
      '**Build** `proj:1234` · **Duration** 1m 15s · [Console](https://example.test/c) · [Logs](https://example.test/l)',
    );
    expect(md).toContain('| INSTALL | ✅ SUCCEEDED | 5s |  |');
    expect(md).toContain(
      '| BUILD | ❌ FAILED | 1m 5s | COMMAND_EXECUTION_ERROR: Error while executing command: a \\| b. Reason: exit status 1 |',
    );
    expect(md).not.toContain('| SUBMITTED |');
    // Reports are rendered by core/test-reports.ts (the same for a local and a remote build), not here.
    expect(md).not.toContain('| unit |');
    expect(md).toContain('| `VERSION` | `1.2.3` |');
  });

  test('a gantt chart with one bar per timed phase, failed phases marked crit', () => {
    expect(ganttChart(build.phases.slice(1))).toEqual([
      '```mermaid',
      'gantt',
      '  dateFormat x',
      '  axisFormat %M:%S',
      '  section Phases',
      `  INSTALL : done, ${t0}, ${t0 + 5000}`,
      `  BUILD : crit, ${t0 + 5000}, ${t0 + 70000}`,
      '```',
    ]);
    expect(ganttChart([{ phaseType: 'BUILD' }])).toEqual([]);
  });
});

describe('formatDuration (milliseconds)', () => {
  test('below a second in ms; below ten seconds a tenth only when there is one; then whole units', () => {
    expect(formatDuration(0)).toBe('0ms');
    expect(formatDuration(350)).toBe('350ms');
    expect(formatDuration(3000)).toBe('3s');
    expect(formatDuration(4250)).toBe('4.2s');
    expect(formatDuration(9999)).toBe('9.9s');
    expect(formatDuration(12_700)).toBe('12s');
    expect(formatDuration(123_000)).toBe('2m 3s');
    expect(formatDuration(3_725_000)).toBe('1h 2m 5s');
    expect(formatDuration(-5)).toBe('0ms');
  });
});

describe('buildSummaryMarkdown for local builds', () => {
  test('artifact files and names, primary first; none: no table', () => {
    const md = buildSummaryMarkdown('Local build', {
      buildStatus: 'SUCCEEDED',
      artifacts: { location: '/w/out/artifacts.zip', name: 'app|1' },
      secondaryArtifacts: [{ artifactIdentifier: 'docs', location: '/w/out/docs.zip' }],
    });
    expect(md).toContain(
      [
        '| Artifact | File | Name |',
        '| --- | --- | --- |',
        '| (primary) | `/w/out/artifacts.zip` | `app\\|1` |',
        '| docs | `/w/out/docs.zip` |  |',
      ].join('\n'),
    );
    expect(buildSummaryMarkdown('Local build', { buildStatus: 'SUCCEEDED' })).not.toContain('| Artifact |');
  });
});

describe('phaseTable: the closing table of a build on a terminal', () => {
  const t = (s: number): Date => new Date(t0 + s * 1000);

  test('a row per phase that carries work, its status and duration; the footer says how the build ended', () => {
    const table = phaseTable('Build', {
      buildStatus: 'FAILED',
      startTime: t(0),
      endTime: t(75),
      phases: [
        { phaseType: 'SUBMITTED', phaseStatus: 'SUCCEEDED', startTime: t(0), endTime: t(0) },
        { phaseType: 'INSTALL', phaseStatus: 'SUCCEEDED', startTime: t(0), endTime: new Date(t0 + 4_250) },
        { phaseType: 'BUILD', phaseStatus: 'FAILED', durationInSeconds: 65 },
        { phaseType: 'FINALIZING', phaseStatus: 'SUCCEEDED', startTime: t(74), endTime: t(75) },
        { phaseType: 'COMPLETED', startTime: t(75) },
      ],
    });
    expect(table).toEqual({
      columns: ['Phase', 'Status', 'Duration'],
      rows: [
        ['INSTALL', 'SUCCEEDED', '4.2s'],
        ['BUILD', 'FAILED', '1m 5s'],
      ],
      statusColumn: 1,
      footer: { text: 'Build FAILED in 1m 15s', ok: false },
    });
  });

  test('with test reports, a Tests column on UPLOAD_ARTIFACTS; without an end, no duration in the footer', () => {
    const table = phaseTable('Build', {
      buildStatus: 'SUCCEEDED',
      phases: [
        { phaseType: 'BUILD', phaseStatus: 'SUCCEEDED' },
        { phaseType: 'UPLOAD_ARTIFACTS', phaseStatus: 'SUCCEEDED' },
      ],
      reports: [{ name: 'unit', summary: { total: 3, passed: 3 } }],
    });
    expect(table.columns).toEqual(['Phase', 'Status', 'Duration', 'Tests']);
    expect(table.rows).toEqual([
      ['BUILD', 'SUCCEEDED', '', ''],
      ['UPLOAD_ARTIFACTS', 'SUCCEEDED', '', '3 passed'],
    ]);
    expect(table.footer).toEqual({ text: 'Build SUCCEEDED', ok: true });
  });
});

describe('testCounts', () => {
  test('over all test report groups: errored count as failed, coverage and count-less groups left out', () => {
    expect(
      testCounts([
        { name: 'unit', summary: { total: 6, passed: 3, failed: 1, errored: 2, skipped: 1 } },
        { name: 'it', summary: { total: 2, passed: 2 } },
        { name: 'coverage', type: 'CODE_COVERAGE', summary: { total: 9, passed: 9 } },
        { name: 'pending' },
      ]),
    ).toBe('5 passed, 3 failed, 1 skipped');
    expect(testCounts([{ name: 'it', summary: { total: 2, passed: 2, failed: 0 } }])).toBe('2 passed');
    expect(testCounts([])).toBe('');
  });
});
