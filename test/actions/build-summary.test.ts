import { buildSummaryMarkdown, formatDuration, ganttChart } from '../../src/actions/common/build-summary.js';

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
    expect(md).toContain('| unit | FAILED | 10 total, 9 passed, 1 failed, 0 skipped |');
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

  test('durations', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(3725)).toBe('1h 2m 5s');
  });
});
