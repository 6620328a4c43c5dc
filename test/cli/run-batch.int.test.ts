import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('aws-cicd run and a batch section', () => {
  const GRAPH = `version: 0.2
batch:
  fast-fail: true
  build-graph:
    - identifier: lint
      env:
        variables:
          MODE: lint
    - identifier: test
      buildspec: ci/test.yml
      depend-on: [lint]
      ignore-failure: true
      env:
        image: aws/codebuild/standard:7.0
        variables:
          MODE: unit tests
          LEVEL: "2"
phases:
  build:
    commands:
      - echo "one build" > ran.txt
`;

  test('without --batch, one line on stderr says the batch is left out and how to run it', async () => {
    const cwd = source(GRAPH);
    const run = await runCli(['run'], { cwd, env: { PATH: process.env.PATH } });
    expect(run.code).toBe(0);
    const notes = run.stderr.split('\n').filter((l) => l.includes('batch section'));
    expect(notes).toEqual([
      'aws-cicd run: buildspec.yml has a batch section, which a run without --batch leaves out: its phases run as ' +
        "one build; add --batch to run the batch's child builds",
    ]);
    expect(readFileSync(join(cwd, 'ran.txt'), 'utf8')).toBe('one build\n');
  });

  test('--dry-run --batch lists the children: identifier, buildspec, env, depend-on; runs nothing', async () => {
    const cwd = source(GRAPH);
    const run = await runCli(['run', '--dry-run', '--batch', '--parallel', '2'], { cwd });
    expect(run).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'batch build-graph, fast-fail: 2 child builds, up to 2 at once',
        'lint',
        '  buildspec: buildspec.yml (this file)',
        '  env: MODE=lint',
        '  depend-on: (none)',
        'test',
        '  buildspec: ci/test.yml',
        "  env: MODE='unit tests' LEVEL=2",
        '  depend-on: lint',
        '  ignore-failure: yes (its failure does not fail the batch)',
        '  environment, not applied by a local run: image aws/codebuild/standard:7.0',
        '',
      ].join('\n'),
    });
    expect(existsSync(join(cwd, 'ran.txt'))).toBe(false);
    expect(existsSync(join(cwd, '.aws-cicd'))).toBe(false);
  });

  test('--dry-run of a batch-only buildspec lists its children too; a matrix names them build1, build2, …', async () => {
    const cwd = source(
      'version: 0.2\nbatch:\n  build-matrix:\n    dynamic:\n      env:\n        variables:\n          V: [a, b]\n',
    );
    const run = await runCli(['run', '--dry-run', '--parallel', '1'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        'batch build-matrix: 2 child builds, up to 1 at once',
        'build1',
        '  buildspec: buildspec.yml (this file)',
        '  env: V=a',
        '  depend-on: (none)',
        'build2',
        '  buildspec: buildspec.yml (this file)',
        '  env: V=b',
        '  depend-on: (none)',
        '',
      ].join('\n'),
    );
  });

  test('--dry-run --batch on a file without a batch section is a usage error', async () => {
    const cwd = source('version: 0.2\nphases:\n  build:\n    commands: [echo]\n');
    const run = await runCli(['run', '--dry-run', '--batch'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('buildspec.yml has no batch section; run it without --batch');
  });
});
