/**
 * Fidelity details of a local build against CodeBuild, with real shells and files: artifact names and checksums in
 * the result and the log, artifact warnings in the log, runtime-versions, secrets copied into exported variables,
 * CODEBUILD_SOURCE_REPO_URL, and report group names.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildspec } from '../../src/buildspec/index.js';
import type { Buildspec } from '../../src/buildspec/types.js';
import { reportGroupIdentity } from '../../src/runner/env.js';
import { runLocalBuild, type LocalBuildDeps, type LocalBuildOptions } from '../../src/runner/run.js';
import { runtimeVersionLines, spawnProbe } from '../../src/runner/runtimes.js';
import type { AwsEnvResolver, BuildResult } from '../../src/runner/types.js';
import { RecordingSink, runTestBuild, tempDir, testImage } from './helpers.js';

function parse(text: string): Buildspec {
  const { buildspec, findings } = parseBuildspec(text, 'buildspec.yml');
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  if (buildspec === undefined) throw new Error('invalid test buildspec');
  return buildspec;
}

async function localBuild(
  text: string,
  options: Partial<LocalBuildOptions> = {},
  deps: Partial<LocalBuildDeps> = {},
): Promise<{ sink: RecordingSink; result: BuildResult; src: string }> {
  const src = options.srcDir ?? tempDir();
  const sink = new RecordingSink();
  const result = await runLocalBuild(
    {
      buildspec: parse(text),
      buildspecPath: path.join(src, 'buildspec.yml'),
      srcDir: src,
      cacheDir: tempDir('aws-cicd-cache-'),
      image: testImage(),
      projectName: 'shop',
      region: 'eu-west-1',
      ...options,
    },
    { sink, ...deps },
  );
  return { sink, result, src };
}

const digests = (file: string): { sha256sum: string; md5sum: string } => {
  const bytes = readFileSync(file);
  return {
    sha256sum: createHash('sha256').update(bytes).digest('hex'),
    md5sum: createHash('md5').update(bytes).digest('hex'),
  };
};

const ARTIFACTS = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p a b docs && echo 1 > a/same.txt && echo 2 > b/same.txt && echo d > docs/index.html
      - VERSION=1.4.2
artifacts:
  name: app-$VERSION-$(echo built)
  discard-paths: yes
  files:
    - a/same.txt
    - b/same.txt
  secondary-artifacts:
    docs:
      name: docs-$VERSION
      files:
        - 'docs/**/*'
    bad:
      name: bad-$(no-such-command-here)
      files:
        - 'docs/**/*'
`;

describe('artifacts: evaluated names, checksums, warnings', () => {
  test('the result carries name, sha256sum and md5sum; the log names each artifact and its file', async () => {
    const { sink, result, src } = await localBuild(ARTIFACTS);
    expect(result.buildStatus).toBe('SUCCEEDED');
    const out = path.join(src, '.aws-cicd/artifacts');
    expect(result.artifacts).toEqual({
      location: path.join(out, 'artifacts.zip'),
      name: 'app-1.4.2-built',
      ...digests(path.join(out, 'artifacts.zip')),
    });
    expect(result.secondaryArtifacts).toEqual([
      {
        artifactIdentifier: 'docs',
        location: path.join(out, 'docs.zip'),
        name: 'docs-1.4.2',
        ...digests(path.join(out, 'docs.zip')),
      },
      { artifactIdentifier: 'bad', location: path.join(out, 'bad.zip'), ...digests(path.join(out, 'bad.zip')) },
    ]);
    const line = (text: string): RegExp =>
      new RegExp(`\\[Container\\] [\\d/ :.]+ ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`);
    expect(sink.log).toMatch(line('Primary artifact name: app-1.4.2-built (written as artifacts.zip)'));
    expect(sink.log).toMatch(line('Secondary artifact docs name: docs-1.4.2 (written as docs.zip)'));
    // Warnings are logged, not only returned.
    expect(sink.log).toMatch(
      line(
        `Warning: Primary artifact: same.txt: ${path.join(src, 'b/same.txt')} replaces ${path.join(src, 'a/same.txt')} (same path in the artifact)`,
      ),
    );
    expect(sink.log).toMatch(
      /\[Container\] [\d/ :.]+ Warning: Secondary artifact bad: name "bad-\$\(no-such-command-here\)" could not be evaluated: .*no-such-command-here: not found\n/,
    );
  });
});

describe('runtime-versions (nothing installed; what the machine has is logged)', () => {
  test('one line per runtime at the start of INSTALL, from the runtime commands on the build PATH; never fails', async () => {
    const bin = tempDir('aws-cicd-bin-');
    symlinkSync('/bin/sh', path.join(bin, 'sh'));
    writeFileSync(path.join(bin, 'go'), '#!/bin/sh\necho "go version go1.99.0 linux/amd64"\n', { mode: 0o755 });
    writeFileSync(path.join(bin, 'java'), '#!/bin/sh\necho \'openjdk version "17.0.9" 2023-10-17\' >&2\n', {
      mode: 0o755,
    });
    const { sink, result } = await runTestBuild(
      {
        variables: { GO_WANTED: '1.21' },
        phases: {
          install: {
            runtimeVersions: { nodejs: '18', golang: '$GO_WANTED', java: 'corretto17', android: '29' },
            commands: ['echo installing'],
          },
        },
      },
      { image: { PATH: bin, HOME: '/tmp' } },
    );
    expect(result.buildStatus).toBe('SUCCEEDED');
    const prefix = '\\[Container\\] [\\d/ :.]+ Warning: runtime-versions ';
    const suffix = ' is not installed by the local runner; ';
    expect(sink.log).toMatch(
      new RegExp(
        [
          'Entering phase INSTALL\\n',
          `${prefix}nodejs '18'${suffix}no node on PATH\\n`,
          `${prefix}golang '\\$GO_WANTED' \\(1\\.21\\)${suffix}this machine has go version go1\\.99\\.0 linux/amd64\\n`,
          `${prefix}java 'corretto17'${suffix}this machine has openjdk version "17\\.0\\.9" 2023-10-17\\n`,
          `${prefix}android '29'${suffix}not checked\\n`,
          '\\[Container\\] [\\d/ :.]+ Running command echo installing\\n',
        ].join(''),
      ),
    );
  });

  test('an install phase with only runtime-versions still logs them; a failing version command is named', async () => {
    const bin = tempDir('aws-cicd-bin-');
    writeFileSync(path.join(bin, 'ruby'), '#!/bin/sh\nexit 4\n', { mode: 0o755 });
    const lines = await runtimeVersionLines(
      [{ name: 'ruby', value: '3.2', pos: { line: 1, col: 1 } }],
      {},
      spawnProbe((command, args, options) => spawn(command, args, options), { cwd: bin, env: { PATH: bin } }),
    );
    expect(lines).toEqual([
      "Warning: runtime-versions ruby '3.2' is not installed by the local runner; ruby --version ended with exit status 4",
    ]);
    const { sink } = await runTestBuild({ phases: { install: { runtimeVersions: { python: '3.12' } } } });
    expect(sink.log).toMatch(
      /Entering phase INSTALL\n\[Container\] [\d/ :.]+ Warning: runtime-versions python '3\.12'/,
    );
  });
});

describe('exported variables holding a secret', () => {
  const resolver: AwsEnvResolver = async () => ({
    values: new Map([['DB_PASSWORD', 's3cr3t-p4ss']]),
    secrets: ['s3cr3t-p4ss'],
  });

  test('a plain copy of a parameter-store value is exported masked: the result (--report-json) never holds it', async () => {
    const text = `version: 0.2
env:
  parameter-store:
    DB_PASSWORD: /prod/db
  exported-variables: [COPY, PART, PLAIN]
phases:
  build:
    commands:
      - COPY=$DB_PASSWORD; PART="user:$DB_PASSWORD@db"; PLAIN=visible; export COPY
`;
    const { result } = await localBuild(text, {}, { resolveAwsEnv: resolver });
    expect(result.exportedEnvironmentVariables).toEqual([
      { name: 'COPY', value: '***' },
      { name: 'PART', value: 'user:***@db' },
      { name: 'PLAIN', value: 'visible' },
    ]);
    expect(JSON.stringify(result)).not.toContain('s3cr3t-p4ss');
  });
});

describe('CODEBUILD_SOURCE_REPO_URL (spec §6)', () => {
  const PRINT = `version: 0.2
phases:
  build:
    commands:
      - echo "repo=\${CODEBUILD_SOURCE_REPO_URL-<unset>}"
`;
  const git = (cwd: string, ...args: string[]): void => void execFileSync('git', args, { cwd });

  test("the source's origin URL without credentials", async () => {
    const src = tempDir();
    git(src, 'init', '-q');
    git(src, 'remote', 'add', 'origin', 'https://x-access-token:ghs_SECRET123@github.com/octo/widgets.git');
    const { sink } = await localBuild(PRINT, { srcDir: src });
    expect(sink.outputs()[0]?.output).toBe('repo=https://github.com/octo/widgets.git\n');
    expect(sink.log).not.toContain('ghs_SECRET123');
  });

  test('unset without a remote (or outside git)', async () => {
    const { sink } = await localBuild(PRINT);
    expect(sink.outputs()[0]?.output).toBe('repo=<unset>\n');
  });
});

describe('report groups carry the name CodeBuild gives them (spec §3.6)', () => {
  test('a name becomes <project>-<name>; an ARN names its group; the written key stays in `name`', async () => {
    const junit =
      '<testsuite><testcase classname="c" name="a"/><testcase classname="c" name="b"><error/></testcase></testsuite>';
    const text = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p reports && printf '%s' '${junit}' > reports/unit.xml
reports:
  unit:
    files: ['reports/*.xml']
  arn:aws:codebuild:us-east-1:123456789012:report-group/shared-tests:
    files: ['reports/*.xml']
`;
    const { result } = await localBuild(text);
    expect(result.reports.map((r) => [r.name, r.reportGroupName, r.reportGroupArn])).toEqual([
      ['unit', 'shop-unit', 'arn:aws:codebuild:eu-west-1:000000000000:report-group/shop-unit'],
      [
        'arn:aws:codebuild:us-east-1:123456789012:report-group/shared-tests',
        'shared-tests',
        'arn:aws:codebuild:us-east-1:123456789012:report-group/shared-tests',
      ],
    ]);
    expect(result.reports[0]?.summary).toMatchObject({ total: 2, passed: 1, errored: 1 });
    expect(reportGroupIdentity('x', { projectName: 'p', accountId: '1', region: undefined })).toEqual({
      reportGroupName: 'p-x',
      reportGroupArn: 'arn:aws:codebuild::1:report-group/p-x',
    });
  });
});
