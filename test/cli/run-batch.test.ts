import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const BATCH = `version: 0.2
batch:
  fast-fail: false
  build-list:
    - identifier: ok
    - identifier: bad
      env:
        variables:
          FAIL: "1"
phases:
  build:
    commands:
      - echo "child $CODEBUILD_BATCH_BUILD_IDENTIFIER"
      - test "$FAIL" != 1
`;

function source(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-cicd-cli-batch-'));
  writeFileSync(join(dir, 'buildspec.yml'), text);
  return dir;
}

describe('aws-cicd run --batch', () => {
  test('runs the children with prefixed logs; a failed child fails the batch (exit 1) and the report is a BuildBatch', async () => {
    const cwd = source(BATCH);
    const run = await runCli(['run', '--batch', '--parallel', '1', '--report-json', 'batch.json'], {
      cwd,
      env: { PATH: process.env.PATH },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\[ok\] child ok$/m);
    expect(run.stdout).toMatch(/^\[batch\] bad FAILED$/m);
    const report = JSON.parse(readFileSync(join(cwd, 'batch.json'), 'utf8')) as {
      buildBatchStatus: string;
      buildGroups: Array<{ identifier: string; currentBuildSummary: { buildStatus: string } }>;
    };
    expect(report.buildBatchStatus).toBe('FAILED');
    expect(report.buildGroups.map((g) => [g.identifier, g.currentBuildSummary.buildStatus])).toEqual([
      ['ok', 'SUCCEEDED'],
      ['bad', 'FAILED'],
    ]);
  });

  test('a batch-only buildspec runs as a batch without --batch', async () => {
    const cwd = source(
      BATCH.replace(/phases:[\s\S]*/, '').replace(
        '    - identifier: bad\n      env:\n        variables:\n          FAIL: "1"\n',
        '',
      ),
    );
    const run = await runCli(['run'], { cwd, env: { PATH: process.env.PATH } });
    expect(run.stderr).toContain('has a batch section and no phases: running it as a batch');
    expect(run.code).toBe(0);
  });

  test('usage errors: --batch without a batch section, bad --parallel, --parallel without --batch', async () => {
    const plain = source('version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n');
    expect((await runCli(['run', '--batch'], { cwd: plain })).code).toBe(2);
    expect((await runCli(['run', '--batch', '--parallel', '0'], { cwd: source(BATCH) })).code).toBe(2);
    expect((await runCli(['run', '--parallel', '2'], { cwd: plain })).code).toBe(2);
  });
});
