/**
 * The image action's inputs, read by the image option schema and checked by imageSettings: defaults, parsing, and
 * mistakes named by the input they are in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workflowTagContext } from '../../../src/actions/image/main.js';
import { UserError } from '../../../src/core/errors.js';
import { inputNaming, readInputs } from '../../../src/core/options.js';
import { imageOptions } from '../../../src/image/options.js';
import { imageSettings } from '../../../src/image/run.js';

/** Every folder this file makes, removed at the end. */
const TMP = mkdtempSync(path.join(tmpdir(), 'aws-cicd-image-inputs-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function workspace(): string {
  const dir = mkdtempSync(path.join(TMP, 'ws-'));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
  return dir;
}

const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}, ws = workspace()) =>
  imageSettings(
    readInputs(imageOptions, (name) => inputs[name] ?? '', env),
    { cwd: ws, env, naming: inputNaming(imageOptions) },
  );

test('defaults: push, cache, no provenance, scan on push, a repository created MUTABLE/AES256', () => {
  const ws = workspace();
  expect(read({ repository: 'team/app' }, {}, ws)).toEqual({
    repository: 'team/app',
    registryId: undefined,
    region: undefined,
    context: ws,
    file: undefined,
    platforms: [],
    buildArgs: [],
    target: undefined,
    tags: undefined,
    labels: [],
    cache: true,
    provenance: false,
    push: true,
    engine: undefined,
    createRepository: true,
    tagMutability: 'MUTABLE',
    encryption: 'AES256',
    kmsKey: undefined,
    scanOnPush: true,
    lifecyclePolicy: undefined,
    untaggedExpireDays: 14,
    keepTagged: 50,
    codebuildProject: undefined,
    updateProject: false,
    registryEndpoint: undefined,
  });
});

test('lists and pairs; a repository URI gives the registry and region; the registry endpoint from the environment', () => {
  const settings = read(
    {
      repository: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/app',
      platforms: 'linux/amd64, linux/arm64',
      'build-args': 'VERSION=1=2\nEMPTY=',
      labels: 'org.opencontainers.image.source=https://x',
      tags: 'v1\nlatest',
      engine: 'buildah',
      'lifecycle-policy': '{"rules":[{"rulePriority":1}]}',
    },
    { AWS_CICD_REGISTRY_ENDPOINT: 'http://127.0.0.1:5000/' },
  );
  expect(settings).toMatchObject({
    repository: 'team/app',
    registryId: '111122223333',
    region: 'eu-west-1',
    platforms: ['linux/amd64', 'linux/arm64'],
    buildArgs: [
      ['VERSION', '1=2'],
      ['EMPTY', ''],
    ],
    labels: [['org.opencontainers.image.source', 'https://x']],
    tags: ['v1', 'latest'],
    engine: 'buildah',
    lifecyclePolicy: '{"rules":[{"rulePriority":1}]}',
    registryEndpoint: 'http://127.0.0.1:5000',
  });
});

test.each([
  [{ repository: '' }, 'input "repository" is required'],
  [{ repository: 'Team/App' }, 'input "repository": "Team/App" is not an ECR repository name'],
  [{ repository: 'app:v1' }, 'input "repository": give the repository without a tag or digest'],
  [{ repository: 'app', 'registry-id': '12' }, 'input "registry-id" must be a 12-digit AWS account id'],
  [{ repository: 'app', platforms: 'amd64' }, 'input "platforms": "amd64" is not a platform'],
  [{ repository: 'app', labels: 'no equals' }, 'input "labels": expected KEY=VALUE; got "no equals"'],
  [{ repository: 'app', tags: 'a b' }, 'input "tags": "a b" is not a valid image tag'],
  [
    { repository: 'app', engine: 'kaniko' },
    'input "engine" must be one of auto, docker, podman, buildah; got "kaniko"',
  ],
  [{ repository: 'app', 'kms-key': 'alias/x' }, 'input "kms-key" needs input "encryption" KMS'],
  [{ repository: 'app', 'update-project': 'true' }, 'input "update-project" needs input "codebuild-project"'],
  [
    { repository: 'app', 'update-project': 'true', 'codebuild-project': 'p', push: 'false' },
    'input "update-project" needs the image pushed (it is not: input "push")',
  ],
  [{ repository: 'app', 'keep-tagged': '0' }, 'input "keep-tagged" must be between 1 and 10000'],
  [{ repository: 'app', 'lifecycle-policy': 'missing.json' }, 'input "lifecycle-policy": cannot read missing.json'],
  [{ repository: 'app', file: 'nope/Dockerfile' }, 'input "file": cannot read'],
  [{ repository: 'app', context: 'nowhere' }, 'input "context": '],
  [{ repository: 'app', region: 'mars' }, 'input "region" must be an AWS region name'],
])('%j is refused: %s', (inputs, message) => {
  let error: unknown;
  try {
    read(inputs);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toContain(message);
});

test('a bad registry endpoint names the variable', () => {
  expect(() => read({ repository: 'app' }, { AWS_CICD_REGISTRY_ENDPOINT: 'ftp://x' })).toThrow(
    'AWS_CICD_REGISTRY_ENDPOINT: give http(s)://host[:port] only',
  );
});

test('the tag context: commit, ref and the default branch from the event payload', () => {
  const ws = workspace();
  writeFileSync(path.join(ws, 'event.json'), JSON.stringify({ repository: { default_branch: 'trunk' } }));
  expect(
    workflowTagContext({
      GITHUB_SHA: 'abc',
      GITHUB_REF: 'refs/heads/x',
      GITHUB_EVENT_PATH: path.join(ws, 'event.json'),
    }),
  ).toEqual({ sha: 'abc', ref: 'refs/heads/x', defaultBranch: 'trunk' });
  expect(workflowTagContext({ GITHUB_EVENT_PATH: path.join(ws, 'missing.json') })).toEqual({
    sha: undefined,
    ref: undefined,
    defaultBranch: undefined,
  });
});
