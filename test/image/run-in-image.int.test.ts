/**
 * runInImage with the engines faked: the mounts, paths and arguments a container run gets, AWS variables passed by
 * name only, the report's container paths turned into host paths, and the exit status passed through.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError } from '../../src/core/errors.js';
import type { Exec } from '../../src/image/exec.js';
import { runInImage } from '../../src/image/run-in-image.js';

/** Every folder this file makes, removed at the end. */
const TMP = mkdtempSync(path.join(tmpdir(), 'aws-cicd-run-in-image-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function source(): string {
  const dir = mkdtempSync(path.join(TMP, 'run-in-image-'));
  writeFileSync(path.join(dir, 'buildspec.yml'), 'version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n');
  return dir;
}

/** Host folder mounted at `container` in a `--volume host:container:flags` list. */
function hostOf(args: readonly string[], container: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--volume') continue;
    const [host, inside] = (args[i + 1] ?? '').split(':');
    if (inside === container) return host;
  }
  return undefined;
}

/** What the runner in the image does: print its log, write the report (container paths) into the report mount. */
function fakeRunner(args: readonly string[], code = 0, onRun?: (args: readonly string[]) => void) {
  onRun?.(args);
  const src = args[args.indexOf('--source') + 1] ?? '';
  const reportDir = hostOf(args, '/codebuild/output/aws-cicd-report');
  if (reportDir !== undefined && code <= 2) {
    writeFileSync(
      path.join(reportDir, 'report.json'),
      JSON.stringify({
        buildStatus: code === 0 ? 'SUCCEEDED' : 'FAILED',
        artifacts: { location: `${args[args.indexOf('--artifacts') + 1]}/artifacts.zip` },
        secondaryArtifacts: [{ artifactIdentifier: 'x', location: `${src}/out/x.zip` }],
        exportedEnvironmentVariables: [{ name: 'location', value: `${src}/kept` }],
      }),
    );
  }
  return { code, stdout: '[Container] 2026/11/22 10:44:12.417308 Entering phase BUILD\n', stderr: '' };
}

function engines(options: { docker: boolean; code?: number; onRun?: (args: readonly string[]) => void }) {
  const calls: Array<{ command: string; args: readonly string[] }> = [];
  const exec: Exec = async (command, args, opts = {}) => {
    calls.push({ command, args: [...args] });
    if (command === 'docker' && args[0] === 'info') return { code: options.docker ? 0 : 1, stdout: '', stderr: '' };
    if (command === 'podman') throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    if (args[0] === '--version') return { code: 0, stdout: 'buildah version 1.28.2', stderr: '' };
    if (command === 'buildah' && args[0] === 'from')
      return { code: 0, stdout: 'aws-cicd-working-container\n', stderr: '' };
    if (command === 'buildah' && args[0] === 'rm') return { code: 0, stdout: '', stderr: '' };
    const result = fakeRunner(args, options.code, options.onRun);
    opts.onOutput?.(Buffer.from(result.stdout), 'stdout');
    return result;
  };
  return { exec, calls };
}

const env = {
  XDG_CACHE_HOME: TMP,
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_REGION: 'eu-west-1',
  HOME: '/root',
};

test('docker: source at /codebuild/output/src<n>/src, the runner in the image, AWS variables by name, host paths back', async () => {
  const src = source();
  const { exec, calls } = engines({ docker: true });
  let log = '';
  const result = await runInImage(
    {
      image: 'team/build:1',
      srcDir: src,
      buildspecPath: path.join(src, 'buildspec.yml'),
      env: ['A=1'],
      timeoutMinutes: 5,
    },
    {
      exec,
      env: { ...env, XDG_CACHE_HOME: path.join(src, '.cache') },
      stdout: (c) => void (log += c.toString()),
      stderr: () => undefined,
      srcNumber: 123456789,
      uuid: () => 'u1',
    },
  );
  const run = calls.find((c) => c.args[0] === 'run');
  const container = '/codebuild/output/src123456789/src';
  expect(run?.args).toEqual([
    'run',
    '--rm',
    '--name',
    'aws-cicd-u1',
    '--volume',
    `${src}:${container}:rw`,
    '--volume',
    `${path.join(src, '.cache/aws-cicd')}:/codebuild/local-cache:rw`,
    '--volume',
    expect.stringMatching(/:\/codebuild\/output\/aws-cicd-report:rw$/),
    '--workdir',
    container,
    '--env',
    'AWS_ACCESS_KEY_ID',
    '--env',
    'AWS_REGION',
    '--env',
    'AWS_SECRET_ACCESS_KEY',
    'team/build:1',
    'aws-cicd',
    'run',
    '--source',
    container,
    '--buildspec',
    'buildspec.yml',
    '--artifacts',
    `${container}/.aws-cicd/artifacts`,
    '--report-json',
    '/codebuild/output/aws-cicd-report/report.json',
    '--project',
    path.basename(src),
    '--cache-dir',
    '/codebuild/local-cache',
    '--timeout',
    '5',
    '--env',
    'CODEBUILD_BUILD_IMAGE=team/build:1',
    '--env',
    'A=1',
  ]);
  expect(calls.every((c) => !c.args.join(' ').includes(SECRET))).toBe(true);
  expect(log).toContain('Entering phase BUILD');
  expect(result).toMatchObject({ engine: 'docker', exitCode: 0, containerSrcDir: container });
  expect(result.report).toMatchObject({
    artifacts: { location: path.join(src, '.aws-cicd/artifacts/artifacts.zip') },
    secondaryArtifacts: [{ artifactIdentifier: 'x', location: `${src}/out/x.zip` }],
    // Only artifact locations are paths of ours; a variable's value is the build's own.
    exportedEnvironmentVariables: [{ name: 'location', value: `${container}/kept` }],
  });
});

test('buildah: from, one run with chroot isolation and the AWS variables in a root-only file, rm even on failure', async () => {
  const src = source();
  const artifacts = mkdtempSync(path.join(TMP, 'artifacts-'));
  const envFile = path.join(mkdtempSync(path.join(TMP, 'envfile-')), 'project.env');
  writeFileSync(envFile, 'X=1\n');
  let hostEnv = '';
  let mode = 0;
  const { exec, calls } = engines({
    docker: false,
    code: 1,
    onRun: (args) => {
      const file = hostOf(args, '/codebuild/input/host.env') ?? '';
      hostEnv = readFileSync(file, 'utf8');
      mode = statSync(file).mode & 0o777;
    },
  });
  const result = await runInImage(
    { image: 'img', srcDir: src, buildspecPath: path.join(src, 'buildspec.yml'), artifactsDir: artifacts, envFile },
    {
      exec,
      env: { ...env, AWS_SECRET_ACCESS_KEY: `it's ${SECRET}` },
      stdout: () => undefined,
      stderr: () => undefined,
      srcNumber: 7,
    },
  );
  expect(result).toMatchObject({ engine: 'buildah', exitCode: 1 });
  expect(result.report).toMatchObject({ artifacts: { location: path.join(artifacts, 'artifacts.zip') } });
  expect(calls.map((c) => `${c.command} ${c.args[0]}`)).toEqual([
    'docker info',
    'podman --version',
    'buildah --version',
    'buildah from',
    'buildah run',
    'buildah rm',
  ]);
  const run = calls.find((c) => c.args[0] === 'run')?.args ?? [];
  expect(run.slice(0, 2)).toEqual(['run', '--isolation=chroot']);
  expect(run).toEqual(
    expect.arrayContaining([
      '--volume',
      `${artifacts}:/codebuild/output/aws-cicd-artifacts:rw`,
      `${envFile}:/codebuild/input/env-file:ro`,
      '--workingdir',
      '/codebuild/output/src7/src',
      'aws-cicd-working-container',
      '--',
      '/bin/sh',
      '-c',
      '. /codebuild/input/host.env && exec "$@"',
      'sh',
      'aws-cicd',
      '--env-file',
      '/codebuild/input/env-file',
    ]),
  );
  expect(run.join(' ')).not.toContain(SECRET);
  expect(mode).toBe(0o600);
  expect(hostEnv).toContain(`export AWS_SECRET_ACCESS_KEY='it'\\''s ${SECRET}'\n`);
  expect(calls.at(-1)?.args).toEqual(['rm', 'aws-cicd-working-container']);
  expect(existsSync(path.join(src, '.aws-cicd/artifacts'))).toBe(false);
});

test('an image without aws-cicd: a UserError that says so', async () => {
  const src = source();
  const { exec } = engines({ docker: true, code: 127 });
  const error = await runInImage(
    { image: 'debian:12', srcDir: src, buildspecPath: path.join(src, 'buildspec.yml') },
    { exec, env: { XDG_CACHE_HOME: TMP }, stdout: () => undefined, stderr: () => undefined },
  ).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toBe(
    'the build did not run in debian:12 (docker exit status 127): the image has no aws-cicd command (build FROM docker/standard)',
  );
});

test('a buildspec outside the source folder is mounted read-only; a missing source folder is a usage error', async () => {
  const src = source();
  const other = mkdtempSync(path.join(TMP, 'other-'));
  mkdirSync(path.join(other, 'ci'));
  writeFileSync(path.join(other, 'ci/build.yml'), 'version: 0.2\n');
  const { exec, calls } = engines({ docker: true });
  await runInImage(
    { image: 'img', srcDir: src, buildspecPath: path.join(other, 'ci/build.yml') },
    { exec, env: { XDG_CACHE_HOME: TMP }, stdout: () => undefined, stderr: () => undefined },
  );
  const run = calls.find((c) => c.args[0] === 'run')?.args ?? [];
  expect(run).toEqual(
    expect.arrayContaining([
      `${path.join(other, 'ci/build.yml')}:/codebuild/input/build.yml:ro`,
      '/codebuild/input/build.yml',
    ]),
  );
  await expect(
    runInImage(
      { image: 'img', srcDir: path.join(src, 'nope'), buildspecPath: 'x' },
      { exec, env: { XDG_CACHE_HOME: TMP }, stdout: () => undefined, stderr: () => undefined },
    ),
  ).rejects.toThrow('does not exist');
});
