/**
 * The command lines of the container tools, as argument arrays (pure functions, so tests read them directly).
 * Docker builds with `docker buildx build` and pushes in the same step; Buildah (and Podman, whose build is Buildah's)
 * build into local storage and push each tag with `push --digestfile`. Passwords are never part of any of these:
 * logins read them from stdin.
 */
import type { EngineName } from './engine.js';

export interface BuildPlan {
  readonly engine: EngineName;
  readonly context: string;
  readonly file: string;
  readonly platforms: readonly string[];
  readonly buildArgs: ReadonlyArray<readonly [string, string]>;
  readonly target?: string;
  readonly labels: ReadonlyArray<readonly [string, string]>;
  /** Full references `<host>/<repository>:<tag>`. */
  readonly refs: readonly string[];
  readonly push: boolean;
  readonly provenance: boolean;
  /** Docker: the registry cache reference (`<host>/<repository>:buildcache`); Buildah/Podman: local layers. */
  readonly cacheRef?: string;
  readonly cache: boolean;
  /** Docker: the buildx builder to use (undefined: the current one). */
  readonly builder?: string;
  /** Docker: where buildx writes the build's metadata (the pushed digest). */
  readonly metadataFile?: string;
  /** Buildah/Podman: the registry login file of this run. */
  readonly authFile?: string;
  /** Buildah/Podman: the manifest list that collects a multi-platform build. */
  readonly manifest?: string;
  /** Buildah/Podman: `--isolation`, default chroot (works as root and rootless, with no OCI runtime installed). */
  readonly isolation?: string;
}

/** The registry cache tag Docker builds read and write (`cache: true`). */
export const CACHE_TAG = 'buildcache';

/** The builder created for cache export and multi-platform builds when the current one uses the `docker` driver. */
export const BUILDER_NAME = 'aws-cicd';

export function loginArgs(
  engine: EngineName,
  host: string,
  options: { username: string; authFile?: string; insecure?: boolean },
): string[] {
  if (engine === 'docker') return ['login', '--username', options.username, '--password-stdin', host];
  return [
    'login',
    ...(options.authFile ? ['--authfile', options.authFile] : []),
    ...(options.insecure ? ['--tls-verify=false'] : []),
    '--username',
    options.username,
    '--password-stdin',
    host,
  ];
}

export function logoutArgs(host: string): string[] {
  return ['logout', host];
}

export function buildArgs(plan: BuildPlan): string[] {
  return plan.engine === 'docker' ? dockerBuildArgs(plan) : buildahBuildArgs(plan);
}

function common(plan: BuildPlan): string[] {
  return [
    '--file',
    plan.file,
    ...plan.buildArgs.flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    ...(plan.target !== undefined ? ['--target', plan.target] : []),
    ...plan.labels.flatMap(([k, v]) => ['--label', `${k}=${v}`]),
  ];
}

function dockerBuildArgs(plan: BuildPlan): string[] {
  const cache =
    plan.cache && plan.cacheRef !== undefined
      ? [
          '--cache-from',
          `type=registry,ref=${plan.cacheRef}`,
          ...(plan.push
            ? ['--cache-to', `type=registry,ref=${plan.cacheRef},mode=max,image-manifest=true,oci-mediatypes=true`]
            : []),
        ]
      : [];
  return [
    'buildx',
    'build',
    ...(plan.builder !== undefined ? ['--builder', plan.builder] : []),
    '--progress',
    'plain',
    ...common(plan),
    ...(plan.platforms.length > 0 ? ['--platform', plan.platforms.join(',')] : []),
    ...plan.refs.flatMap((ref) => ['--tag', ref]),
    `--provenance=${plan.provenance}`,
    ...cache,
    ...(plan.push ? ['--push'] : plan.platforms.length <= 1 ? ['--load'] : []),
    ...(plan.metadataFile !== undefined ? ['--metadata-file', plan.metadataFile] : []),
    plan.context,
  ];
}

function buildahBuildArgs(plan: BuildPlan): string[] {
  const multi = plan.platforms.length > 1;
  return [
    'build',
    ...(plan.authFile ? ['--authfile', plan.authFile] : []),
    `--isolation=${plan.isolation ?? 'chroot'}`,
    `--layers=${plan.cache}`,
    // Docker's manifest format (v2 schema 2): what CodeBuild and Lambda read everywhere.
    '--format',
    'docker',
    ...common(plan),
    ...(plan.platforms.length > 0 ? ['--platform', plan.platforms.join(',')] : []),
    ...(multi && plan.manifest !== undefined ? ['--manifest', plan.manifest] : plan.refs.flatMap((r) => ['--tag', r])),
    plan.context,
  ];
}

/** Buildah/Podman: push one reference (a manifest list with all its images for a multi-platform build). */
export function pushArgs(plan: BuildPlan, ref: string, options: { digestFile: string; insecure?: boolean }): string[] {
  const flags = [
    ...(plan.authFile ? ['--authfile', plan.authFile] : []),
    ...(options.insecure ? ['--tls-verify=false'] : []),
    '--digestfile',
    options.digestFile,
  ];
  if (plan.platforms.length > 1 && plan.manifest !== undefined) {
    return ['manifest', 'push', '--all', ...flags, '--format', 'v2s2', plan.manifest, `docker://${ref}`];
  }
  const local = plan.refs[0] ?? ref;
  return ['push', ...flags, '--format', 'v2s2', local, `docker://${ref}`];
}

/** Docker: the digest buildx wrote to its metadata file (`containerimage.digest`). */
export function digestFromMetadata(text: string): string | undefined {
  try {
    const digest = (JSON.parse(text) as Record<string, unknown>)['containerimage.digest'];
    return typeof digest === 'string' && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
  } catch {
    return undefined;
  }
}
