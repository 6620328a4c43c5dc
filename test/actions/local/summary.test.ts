/** The job summary of a local build: artifact files, and test counts with errored tests. */
import { buildSummaryMarkdown } from '../../../src/actions/common/build-summary.js';

describe('buildSummaryMarkdown for local builds', () => {
  test('errored tests are counted where the report has them', () => {
    const md = buildSummaryMarkdown('Local build', {
      buildStatus: 'FAILED',
      reports: [
        { name: 'unit', status: 'FAILED', summary: { total: 6, passed: 3, failed: 1, errored: 2, skipped: 0 } },
        { name: 'old', status: 'SUCCEEDED', summary: { total: 1, passed: 1, failed: 0, skipped: 0 } },
      ],
    });
    expect(md).toContain('| unit | FAILED | 6 total, 3 passed, 1 failed, 2 errored, 0 skipped |');
    expect(md).toContain('| old | SUCCEEDED | 1 total, 1 passed, 0 failed, 0 skipped |');
  });

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
