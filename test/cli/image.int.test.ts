/** `aws-cicd image` and `aws-cicd run --image`: usage errors exit 2 before any tool or AWS call. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { imageCommandWith } from '../../src/cli/commands/image.js';
import { flagNaming, readArguments } from '../../src/core/options.js';
import type { Exec } from '../../src/image/exec.js';
import { imageOptions } from '../../src/image/options.js';
import { imageSettings } from '../../src/image/run.js';
import { runCli } from '../support/cli.js';

/** Every folder this file makes, removed at the end. */
const TMP = mkdtempSync(path.join(tmpdir(), 'aws-cicd-cli-image-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function context(): string {
  const dir = mkdtempSync(path.join(TMP, 'ws-'));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(path.join(dir, 'buildspec.yml'), 'version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n');
  return dir;
}

test('options become the same settings as the action inputs (negations included)', () => {
  const cwd = context();
  const { values } = readArguments(
    imageOptions,
    [
      '--repository',
      'team/app',
      '--platform',
      'linux/amd64,linux/arm64',
      '--tag',
      'v1',
      '--tag',
      'latest',
      '--build-arg',
      'A=1',
      '--label',
      'k=v',
      '--no-cache',
      '--no-push',
      '--no-create-repository',
      '--no-scan-on-push',
      '--engine',
      'podman',
      '--keep-tagged',
      '5',
    ],
    { env: {} },
  );
  const settings = imageSettings(values, { cwd, env: {}, naming: flagNaming(imageOptions) });
  expect(settings).toMatchObject({
    repository: 'team/app',
    context: cwd,
    platforms: ['linux/amd64', 'linux/arm64'],
    tags: ['v1', 'latest'],
    buildArgs: [['A', '1']],
    labels: [['k', 'v']],
    cache: false,
    push: false,
    createRepository: false,
    scanOnPush: false,
    engine: 'podman',
    keepTagged: 5,
    untaggedExpireDays: 14,
  });
});

test.each([
  [[], '--repository is required'],
  [
    ['--repository', 'app', '--engine', 'kaniko'],
    '--engine must be one of auto, docker, podman, buildah; got "kaniko"',
  ],
  [['--repository', 'app', '--kms-key', 'k'], '--kms-key needs --encryption KMS'],
  [['--repository', 'app', '--encryption', 'des'], '--encryption must be one of AES256, KMS'],
  [['--repository', 'app', '--keep-tagged', 'x'], '--keep-tagged must be a whole number; got "x"'],
  [['--repository', 'app', '--tag', 'a:b'], '--tag: "a:b" is not a valid image tag'],
  [['--repository', 'app', '--registry-endpoint', 'http://h/path'], '--registry-endpoint: give http(s)://host[:port]'],
  [['--repository', 'app', '--file', 'missing'], '--file: cannot read'],
  [['--repository', 'app', '--bogus'], "Unknown option '--bogus'"],
])('aws-cicd image %j exits 2: %s', async (argv, message) => {
  const run = await runCli(['image', ...argv], { cwd: context(), env: {} });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
});

test('--no-push: builds with no AWS credentials, no region and no login (no AWS call at all)', async () => {
  for (const env of [{}, { AWS_REGION: 'eu-west-1', AWS_EC2_METADATA_DISABLED: 'true' }]) {
    const cwd = context();
    const calls: string[][] = [];
    const buildah: Exec = async (command, args, opts = {}) => {
      calls.push([command, ...args]);
      if (command === 'docker') return { code: 1, stdout: '', stderr: 'no daemon' };
      if (args[0] === 'build') opts.onOutput?.(Buffer.from('STEP 1/1: FROM scratch\n'), 'stdout');
      return { code: 0, stdout: '', stderr: '' };
    };
    const out = new PassThrough();
    const err = new PassThrough();
    let stdout = '';
    let stderr = '';
    out.on('data', (d: Buffer) => (stdout += d.toString()));
    err.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await imageCommandWith({ exec: buildah }).run(
      ['--repository', 'team/app', '--no-push', '--tag', 'dev'],
      { stdout: out, stderr: err, env, cwd },
    );
    expect(code).toBe(0);
    // Progress and the tool's output on stderr; stdout carries only the image reference.
    expect(stderr).toContain('aws-cicd image: Not pushing: no registry login, no registry cache, no AWS call\n');
    expect(stderr).toContain('STEP 1/1: FROM scratch\n');
    expect(stderr).toContain('aws-cicd image: tag team/app:dev\naws-cicd image: built team/app:dev\n');
    expect(stdout).toBe('team/app:dev\n');
    expect(calls.some((c) => c.includes('login') || c.includes('push'))).toBe(false);
    expect(calls.find((c) => c[1] === 'build')).toEqual(expect.arrayContaining(['--tag', 'team/app:dev', cwd]));
  }
});

test('aws-cicd run: --engine needs --image; a bad engine is a usage error', async () => {
  const cwd = context();
  expect((await runCli(['run', '--engine', 'docker'], { cwd })).stderr).toContain('--engine needs --image');
  const bad = await runCli(['run', '--image', 'x', '--engine', 'lxc'], { cwd });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--engine must be one of docker, podman, buildah');
  const parallel = await runCli(['run', '--image', 'x', '--parallel', '2'], { cwd });
  expect(parallel.code).toBe(2);
  expect(parallel.stderr).toContain('--parallel needs --batch');
});

test('the help lists the image command and run --image', async () => {
  expect((await runCli(['--help'])).stdout).toMatch(/^ {2}image +build a container image and push it to Amazon ECR/m);
  expect((await runCli(['run', '--help'])).stdout).toContain('--image IMAGE');
});
