/** The container tools' command lines: what docker buildx and buildah are asked to do, and never a password. */
import { buildArgs, digestFromMetadata, loginArgs, pushArgs, type BuildPlan } from '../../src/image/commands.js';

const plan: BuildPlan = {
  engine: 'docker',
  context: '/ws',
  file: '/ws/Dockerfile',
  platforms: [],
  buildArgs: [['VERSION', '1.0']],
  target: 'runtime',
  labels: [['org.opencontainers.image.source', 'https://github.com/o/r']],
  refs: ['1.dkr.ecr.us-east-1.amazonaws.com/app:abc', '1.dkr.ecr.us-east-1.amazonaws.com/app:latest'],
  push: true,
  provenance: false,
  cache: true,
  cacheRef: '1.dkr.ecr.us-east-1.amazonaws.com/app:buildcache',
  metadataFile: '/tmp/m.json',
};

test('docker: buildx build with the registry cache (image-manifest=true), no provenance, pushed, metadata file', () => {
  expect(buildArgs({ ...plan, builder: 'aws-cicd' })).toEqual([
    'buildx',
    'build',
    '--builder',
    'aws-cicd',
    '--progress',
    'plain',
    '--file',
    '/ws/Dockerfile',
    '--build-arg',
    'VERSION=1.0',
    '--target',
    'runtime',
    '--label',
    'org.opencontainers.image.source=https://github.com/o/r',
    '--tag',
    plan.refs[0],
    '--tag',
    plan.refs[1],
    '--provenance=false',
    '--cache-from',
    'type=registry,ref=1.dkr.ecr.us-east-1.amazonaws.com/app:buildcache',
    '--cache-to',
    'type=registry,ref=1.dkr.ecr.us-east-1.amazonaws.com/app:buildcache,mode=max,image-manifest=true,oci-mediatypes=true',
    '--push',
    '--metadata-file',
    '/tmp/m.json',
    '/ws',
  ]);
});

test('docker: platforms, provenance on request; without push a single platform is loaded, the cache only read', () => {
  const multi = buildArgs({ ...plan, platforms: ['linux/amd64', 'linux/arm64'], provenance: true, cache: false });
  expect(multi).toContain('--platform');
  expect(multi[multi.indexOf('--platform') + 1]).toBe('linux/amd64,linux/arm64');
  expect(multi).toContain('--provenance=true');
  expect(multi).not.toContain('--cache-from');
  const local = buildArgs({ ...plan, push: false });
  expect(local).toContain('--load');
  expect(local).not.toContain('--push');
  expect(local).not.toContain('--cache-to');
  expect(local).toContain('--cache-from');
  expect(buildArgs({ ...plan, push: false, platforms: ['linux/amd64', 'linux/arm64'] })).not.toContain('--load');
});

test('buildah: chroot isolation, local layers as the cache, Docker manifests, its login file, tags', () => {
  const buildah: BuildPlan = { ...plan, engine: 'buildah', authFile: '/tmp/auth.json', metadataFile: undefined };
  expect(buildArgs(buildah)).toEqual([
    'build',
    '--authfile',
    '/tmp/auth.json',
    '--isolation=chroot',
    '--layers=true',
    '--format',
    'docker',
    '--file',
    '/ws/Dockerfile',
    '--build-arg',
    'VERSION=1.0',
    '--target',
    'runtime',
    '--label',
    'org.opencontainers.image.source=https://github.com/o/r',
    '--tag',
    plan.refs[0],
    '--tag',
    plan.refs[1],
    '/ws',
  ]);
  expect(buildArgs({ ...buildah, cache: false, isolation: 'oci' })).toEqual(
    expect.arrayContaining(['--layers=false', '--isolation=oci']),
  );
  expect(pushArgs(buildah, plan.refs[1] ?? '', { digestFile: '/tmp/d', insecure: true })).toEqual([
    'push',
    '--authfile',
    '/tmp/auth.json',
    '--tls-verify=false',
    '--digestfile',
    '/tmp/d',
    '--format',
    'v2s2',
    plan.refs[0],
    `docker://${plan.refs[1]}`,
  ]);
});

test('buildah: several platforms build into a manifest list, pushed with all its images', () => {
  const multi: BuildPlan = { ...plan, engine: 'buildah', platforms: ['linux/amd64', 'linux/arm64'], manifest: 'm1' };
  const args = buildArgs(multi);
  expect(args).toEqual(expect.arrayContaining(['--platform', 'linux/amd64,linux/arm64', '--manifest', 'm1']));
  expect(args).not.toContain('--tag');
  expect(pushArgs(multi, 'r:1', { digestFile: '/d' })).toEqual([
    'manifest',
    'push',
    '--all',
    '--digestfile',
    '/d',
    '--format',
    'v2s2',
    'm1',
    'docker://r:1',
  ]);
});

test('logins read the password from stdin', () => {
  expect(loginArgs('docker', 'h', { username: 'AWS' })).toEqual([
    'login',
    '--username',
    'AWS',
    '--password-stdin',
    'h',
  ]);
  expect(loginArgs('buildah', 'h', { username: 'AWS', authFile: '/a', insecure: true })).toEqual([
    'login',
    '--authfile',
    '/a',
    '--tls-verify=false',
    '--username',
    'AWS',
    '--password-stdin',
    'h',
  ]);
});

test("buildx's metadata file gives the pushed digest", () => {
  const digest = `sha256:${'1'.repeat(64)}`;
  expect(digestFromMetadata(JSON.stringify({ 'containerimage.digest': digest }))).toBe(digest);
  expect(digestFromMetadata('{}')).toBeUndefined();
  expect(digestFromMetadata('not json')).toBeUndefined();
});
