import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBuildspec } from '../../src/buildspec/index.js';
import type { BatchSpec, Buildspec } from '../../src/buildspec/types.js';
import { expandBatch, runBatch, type BatchChild } from '../../src/runner/batch.js';
import { runLocalBatch } from '../../src/runner/batch-run.js';
import type { BuildResult, StatusType } from '../../src/runner/types.js';
import { RecordingReporter } from '../support/reporter.js';

function batchOf(yaml: string): BatchSpec {
  const { buildspec, findings } = parseBuildspec(`version: 0.2\n${yaml}`, 'b.yml');
  if (!buildspec?.batch) throw new Error(findings.map((f) => f.message).join('\n'));
  return buildspec.batch;
}

describe('expandBatch', () => {
  test('build-graph keeps identifiers, buildspecs, variables, depend-on and ignore-failure', () => {
    const children = expandBatch(
      batchOf(`batch:
  build-graph:
    - identifier: a
      env:
        variables: { X: "1" }
        image: img
    - identifier: b
      buildspec: b.yml
      depend-on: [a]
      ignore-failure: true
`),
    );
    expect(children).toEqual([
      {
        identifier: 'a',
        buildspec: undefined,
        variables: [['X', '1']],
        ignoreFailure: false,
        dependOn: [],
        environment: { image: 'img' },
      },
      { identifier: 'b', buildspec: 'b.yml', variables: [], ignoreFailure: true, dependOn: ['a'], environment: {} },
    ]);
  });

  test('build-matrix: one child per combination, first list slowest', () => {
    const children = expandBatch(
      batchOf(`batch:
  build-matrix:
    static:
      ignore-failure: true
    dynamic:
      buildspec: [one.yml, two.yml]
      env:
        variables:
          V: [x, y, z]
`),
    );
    expect(children.map((c) => [c.identifier, c.buildspec, c.variables])).toEqual([
      ['build1', 'one.yml', [['V', 'x']]],
      ['build2', 'one.yml', [['V', 'y']]],
      ['build3', 'one.yml', [['V', 'z']]],
      ['build4', 'two.yml', [['V', 'x']]],
      ['build5', 'two.yml', [['V', 'y']]],
      ['build6', 'two.yml', [['V', 'z']]],
    ]);
    expect(children.every((c) => c.ignoreFailure)).toBe(true);
  });

  test('build-fanout: parallelism identical children; build-list ignores depend-on', () => {
    expect(expandBatch(batchOf('batch:\n  build-fanout:\n    parallelism: 3\n')).map((c) => c.identifier)).toEqual([
      'build1',
      'build2',
      'build3',
    ]);
    expect(expandBatch(batchOf('batch:\n  build-list:\n    - identifier: a\n    - identifier: b\n'))).toHaveLength(2);
  });
});

describe('runBatch scheduling', () => {
  const clock = { now: () => Date.now() };

  function fakeBuild(id: string, status: StatusType): BuildResult {
    const t = new Date();
    return {
      id: `p:${id}`,
      arn: `arn:p:${id}`,
      buildNumber: 1,
      buildStatus: status,
      currentPhase: 'COMPLETED',
      buildComplete: true,
      startTime: t,
      endTime: t,
      projectName: 'p',
      initiator: 'me',
      timeoutInMinutes: 60,
      phases: [],
      exportedEnvironmentVariables: [],
      secondaryArtifacts: [],
      reports: [],
    };
  }

  /** A child runner whose builds end when the test says so. */
  function controlled(outcomes: Record<string, StatusType>) {
    const started: string[] = [];
    const live = new Set<string>();
    let maxLive = 0;
    const runChild = async (child: BatchChild, signal: AbortSignal): Promise<BuildResult> => {
      started.push(child.identifier);
      live.add(child.identifier);
      maxLive = Math.max(maxLive, live.size);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 5);
        signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
      });
      live.delete(child.identifier);
      return fakeBuild(child.identifier, signal.aborted ? 'STOPPED' : (outcomes[child.identifier] ?? 'SUCCEEDED'));
    };
    return { runChild, started, maxLive: () => maxLive };
  }

  const base = { batchId: 'p:b', batchArn: 'arn', buildBatchNumber: 1, projectName: 'p' };

  test('depend-on order, and the parallel limit is never exceeded', async () => {
    const batch = batchOf(`batch:
  build-graph:
    - identifier: c
      depend-on: [a, b]
    - identifier: a
    - identifier: b
    - identifier: d
`);
    const c = controlled({});
    const lines: string[] = [];
    const result = await runBatch(
      { ...base, batch, parallel: 2 },
      { runChild: c.runChild, status: (l) => lines.push(l), clock },
    );
    expect(result.buildBatchStatus).toBe('SUCCEEDED');
    expect(c.started.indexOf('c')).toBeGreaterThan(Math.max(c.started.indexOf('a'), c.started.indexOf('b')));
    expect(c.maxLive()).toBe(2);
    expect(result.buildGroups.map((g) => [g.identifier, g.currentBuildSummary?.buildStatus])).toEqual([
      ['c', 'SUCCEEDED'],
      ['a', 'SUCCEEDED'],
      ['b', 'SUCCEEDED'],
      ['d', 'SUCCEEDED'],
    ]);
    expect(result.phases.map((p) => p.phaseType)).toEqual([
      'SUBMITTED',
      'DOWNLOAD_BATCHSPEC',
      'IN_PROGRESS',
      'COMBINE_ARTIFACTS',
      'SUCCEEDED',
    ]);
  });

  test('a failed dependency skips its dependents; the batch FAILED', async () => {
    const batch = batchOf(
      'batch:\n  build-graph:\n    - identifier: a\n    - identifier: b\n      depend-on: [a]\n    - identifier: c\n',
    );
    const c = controlled({ a: 'FAILED' });
    const lines: string[] = [];
    const result = await runBatch(
      { ...base, batch, parallel: 4 },
      { runChild: c.runChild, status: (l) => lines.push(l), clock },
    );
    expect(result.buildBatchStatus).toBe('FAILED');
    expect(c.started.sort()).toEqual(['a', 'c']);
    expect(lines).toContain('b not started: it depends on a, which ended FAILED');
    expect(result.buildGroups.find((g) => g.identifier === 'b')?.currentBuildSummary).toBeUndefined();
  });

  test('ignore-failure: a failed child does not fail the batch nor block dependents', async () => {
    const batch = batchOf(
      'batch:\n  build-graph:\n    - identifier: a\n      ignore-failure: true\n    - identifier: b\n      depend-on: [a]\n',
    );
    const c = controlled({ a: 'FAILED' });
    const lines: string[] = [];
    const result = await runBatch(
      { ...base, batch, parallel: 1 },
      { runChild: c.runChild, status: (l) => lines.push(l), clock },
    );
    expect(result.buildBatchStatus).toBe('SUCCEEDED');
    expect(lines).toContain('a FAILED (failure ignored)');
    expect(c.started).toEqual(['a', 'b']);
  });

  test('fast-fail stops running children and starts no more', async () => {
    const batch = batchOf(
      'batch:\n  fast-fail: true\n  build-list:\n    - identifier: a\n    - identifier: slow\n    - identifier: later\n',
    );
    const started: string[] = [];
    const runChild = async (child: BatchChild, signal: AbortSignal): Promise<BuildResult> => {
      started.push(child.identifier);
      if (child.identifier === 'a') return fakeBuild('a', 'FAILED');
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      return fakeBuild(child.identifier, 'STOPPED');
    };
    const result = await runBatch({ ...base, batch, parallel: 2 }, { runChild, status: () => undefined, clock });
    expect(result.buildBatchStatus).toBe('FAILED');
    expect(started).toEqual(['a', 'slow']);
    expect(result.buildGroups.map((g) => g.currentBuildSummary?.buildStatus)).toEqual(['FAILED', 'STOPPED', undefined]);
  });

  test('stopping the batch stops its children: STOPPED', async () => {
    const batch = batchOf('batch:\n  build-list:\n    - identifier: a\n    - identifier: b\n');
    const controller = new AbortController();
    const runChild = async (child: BatchChild, signal: AbortSignal): Promise<BuildResult> => {
      setTimeout(() => controller.abort(), 1);
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      return fakeBuild(child.identifier, 'STOPPED');
    };
    const result = await runBatch(
      { ...base, batch, parallel: 1, signal: controller.signal },
      { runChild, status: () => undefined, clock },
    );
    expect(result.buildBatchStatus).toBe('STOPPED');
    expect(result.buildGroups.map((g) => g.currentBuildSummary?.buildStatus)).toEqual(['STOPPED', undefined]);
  });
});

describe('runLocalBatch (real builds)', () => {
  test('build-graph with a task buildspec, task variables, identifiers and prefixed logs', async () => {
    const src = mkdtempSync(join(tmpdir(), 'aws-cicd-batch-'));
    writeFileSync(
      join(src, 'buildspec.yml'),
      `version: 0.2
batch:
  build-graph:
    - identifier: first
      env:
        variables:
          WHO: one
    - identifier: second
      buildspec: other.yml
      depend-on: [first]
phases:
  build:
    commands:
      - echo "$CODEBUILD_BATCH_BUILD_IDENTIFIER says $WHO" > "$CODEBUILD_BATCH_BUILD_IDENTIFIER.txt"
      - cat "$CODEBUILD_BATCH_BUILD_IDENTIFIER.txt"
artifacts:
  files: ['*.txt']
`,
    );
    writeFileSync(
      join(src, 'other.yml'),
      'version: 0.2\nphases:\n  build:\n    commands:\n      - test -f first.txt && echo "second sees first" || echo "second has its own source"\n',
    );
    const buildspec = parseBuildspec(
      (await import('node:fs')).readFileSync(join(src, 'buildspec.yml'), 'utf8'),
      'buildspec.yml',
    ).buildspec as Buildspec;
    const reporter = new RecordingReporter();
    const result = await runLocalBatch(
      { buildspec, buildspecPath: join(src, 'buildspec.yml'), srcDir: src, projectName: 'demo', parallel: 2, env: [] },
      { reporter },
    );
    expect(result.buildBatchStatus).toBe('SUCCEEDED');
    const log = reporter.texts().join('\n') + '\n';
    expect(log).toMatch(/^\[first\] first says one$/m);
    // Each child has its own copy of the source, as its own checkout in CodeBuild: first's file is not in second's.
    expect(log).toMatch(/^\[second\] second has its own source$/m);
    expect(log).toMatch(/^\[batch\] first SUCCEEDED$/m);
    // Every line of the log belongs to a child or to the batch: a line with its source, never raw output.
    for (const line of reporter.lines) expect(line.source).toMatch(/^(first|second|batch)$/);
    expect(reporter.chunks).toEqual([]);
    expect(existsSync(join(src, '.aws-cicd/artifacts/first/artifacts.zip'))).toBe(true);
    expect(result.id).toMatch(/^demo:/);
    expect(Object.keys(result.builds).sort()).toEqual(['first', 'second']);
  });
});

describe('runLocalBatch: every child has its own source (its own checkout in CodeBuild)', () => {
  const BATCH = `version: 0.2
batch:
  build-graph:
    - identifier: first
    - identifier: second
      depend-on: [first]
    - identifier: third
      depend-on: [first]
phases:
  build:
    commands:
      - ls *.own 2>/dev/null || echo "no sibling files"
      - echo "$CODEBUILD_BATCH_BUILD_IDENTIFIER" > "$CODEBUILD_BATCH_BUILD_IDENTIFIER.own"
      - echo "appended by $CODEBUILD_BATCH_BUILD_IDENTIFIER" >> shared.txt; cat shared.txt
      - mkdir -p cached && echo "cache has:" $(ls cached) && echo x > "cached/$CODEBUILD_BATCH_BUILD_IDENTIFIER"
      - mkdir -p reports && printf '<testsuite name="s" tests="1"><testcase name="%s"/></testsuite>' "$CODEBUILD_BATCH_BUILD_IDENTIFIER" > reports/junit.xml
      - echo "src=$CODEBUILD_SRC_DIR"
reports:
  unit:
    files: ['reports/junit.xml']
artifacts:
  files: ['*.own', 'shared.txt']
cache:
  paths: ['cached/**/*']
`;

  test('no child sees another’s files; artifacts, reports and cache work per child; the source is untouched', async () => {
    const src = mkdtempSync(join(tmpdir(), 'aws-cicd-batch-'));
    writeFileSync(join(src, 'buildspec.yml'), BATCH);
    writeFileSync(join(src, 'shared.txt'), 'original\n');
    const buildspec = parseBuildspec(BATCH, 'buildspec.yml').buildspec as Buildspec;
    const reporter = new RecordingReporter();
    const result = await runLocalBatch(
      {
        buildspec,
        buildspecPath: join(src, 'buildspec.yml'),
        srcDir: src,
        projectName: 'demo',
        parallel: 2,
        cacheDir: mkdtempSync(join(tmpdir(), 'aws-cicd-batch-cache-')),
      },
      { reporter },
    );
    expect(result.buildBatchStatus).toBe('SUCCEEDED');
    const log = reporter.texts().join('\n');
    const ids = ['first', 'second', 'third'];
    const srcDirs = new Set<string>();
    for (const id of ids) {
      const lines = log
        .split('\n')
        .filter((l) => l.startsWith(`[${id}] `))
        .map((l) => l.slice(id.length + 3));
      expect(lines).toContain('no sibling files');
      // Its own append only, on the source as it was.
      const shared = lines.indexOf('original');
      expect(lines.slice(shared, shared + 2)).toEqual(['original', `appended by ${id}`]);
      // The cache is restored into the child's copy: second and third find what first saved, not each other's.
      expect(lines).toContain(id === 'first' ? 'cache has:' : 'cache has: first');
      const srcLine = lines.find((l) => l.startsWith('src='));
      expect(srcLine).toBeDefined();
      srcDirs.add(srcLine!.slice(4));
      // Reports per child.
      expect(result.builds[id]?.reports).toEqual([
        expect.objectContaining({ name: 'unit', summary: expect.objectContaining({ total: 1, passed: 1 }) }),
      ]);
      // Its artifacts hold its own file only (names are stored as they are in a ZIP).
      const zip = readFileSync(join(src, '.aws-cicd/artifacts', id, 'artifacts.zip')).toString('latin1');
      for (const other of ids) expect(zip.includes(`${other}.own`)).toBe(other === id);
    }
    expect(srcDirs.size).toBe(3);
    expect(srcDirs.has(src)).toBe(false);
    // The source itself is as it was; the copies are gone.
    expect(readFileSync(join(src, 'shared.txt'), 'utf8')).toBe('original\n');
    expect(readdirSync(src).sort()).toEqual(['.aws-cicd', 'buildspec.yml', 'shared.txt']);
    expect(readdirSync(join(src, '.aws-cicd')).filter((n) => n.startsWith('batch'))).toEqual([]);
  });
});
