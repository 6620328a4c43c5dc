import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildspec } from '../../src/buildspec/index.js';
import { runLocalBuild } from '../../src/runner/run.js';
import { RecordingSink, tempDir, testImage } from './helpers.js';

const JUNIT = `<?xml version="1.0"?><testsuite name="s" tests="3"><testcase classname="c" name="a"/><testcase classname="c" name="b"><failure message="boom"/></testcase><testcase classname="c" name="d"><skipped/></testcase></testsuite>`;

const BUILDSPEC = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p reports deps
      - printf '%s' '${JUNIT}' > reports/junit.xml
      - if [ -f deps/cached.txt ]; then echo "cache hit $(cat deps/cached.txt)"; else echo "cache miss"; echo v1 > deps/cached.txt; fi
      - NAME_SUFFIX=$CODEBUILD_BUILD_NUMBER
reports:
  unit:
    files:
      - 'reports/*.xml'
artifacts:
  name: out-$NAME_SUFFIX
  files:
    - 'reports/**/*'
cache:
  key: deps-$(echo fixed)
  paths:
    - 'deps/**/*'
`;

describe('runLocalBuild with the default steps', () => {
  test('reports, artifacts and the cache (key shell-evaluated) across two builds', async () => {
    const src = tempDir();
    const cacheDir = tempDir('aws-cicd-cache-');
    const { buildspec, findings } = parseBuildspec(BUILDSPEC, 'buildspec.yml');
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    if (buildspec === undefined) return;
    const build = async (): Promise<{ sink: RecordingSink; result: Awaited<ReturnType<typeof runLocalBuild>> }> => {
      const sink = new RecordingSink();
      const result = await runLocalBuild(
        { buildspec, buildspecPath: path.join(src, 'buildspec.yml'), srcDir: src, cacheDir, image: testImage() },
        { sink },
      );
      return { sink, result };
    };
    const first = await build();
    expect(first.result.buildStatus).toBe('SUCCEEDED');
    expect(first.sink.log).toContain('cache miss');
    expect(first.result.reports).toEqual([
      expect.objectContaining({
        name: 'unit',
        type: 'TEST',
        status: 'FAILED',
        summary: expect.objectContaining({ total: 3, passed: 1, failed: 1, skipped: 1 }),
      }),
    ]);
    const zip = path.join(src, '.aws-cicd/artifacts/artifacts.zip');
    const bytes = readFileSync(zip);
    expect(first.result.artifacts).toEqual({
      location: zip,
      name: 'out-1',
      sha256sum: createHash('sha256').update(bytes).digest('hex'),
      md5sum: createHash('md5').update(bytes).digest('hex'),
    });
    expect(first.sink.log).toMatch(
      /\[Container\] [\d/ :.]+ Primary artifact name: out-1 \(written as artifacts\.zip\)\n/,
    );
    expect(existsSync(zip)).toBe(true);
    expect(readFileSync(zip).includes('reports/junit.xml')).toBe(true);

    // The second build restores deps/ from the cache saved by the first (deps/ removed in between).
    const { rmSync } = await import('node:fs');
    rmSync(path.join(src, 'deps'), { recursive: true });
    const second = await build();
    expect(second.sink.log).toContain('cache hit v1');
    expect(second.result.buildNumber).toBe(2);
  });
});
