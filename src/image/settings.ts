/**
 * What the image action and `aws-cicd image` are asked to do, and the checks both apply. Each front end reads its
 * own inputs or options and names them in its messages through `Names`.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import type { EngineName } from './engine.js';
import { checkLifecyclePolicy } from './policy.js';

export type TagMutability = 'MUTABLE' | 'IMMUTABLE';
export type Encryption = 'AES256' | 'KMS';

export interface ImageSettings {
  /** Repository name (`team/app`). */
  readonly repository: string;
  /** Account id of the registry (cross-account); default: the caller's. */
  readonly registryId?: string;
  /** Region of the registry; default: AWS_REGION. */
  readonly region?: string;
  /** Build context folder (absolute). */
  readonly context: string;
  /** Dockerfile (absolute); default `<context>/Dockerfile`. */
  readonly file?: string;
  /** `os/arch[/variant]`; empty: the engine's own platform. */
  readonly platforms: readonly string[];
  readonly buildArgs: ReadonlyArray<readonly [string, string]>;
  readonly target?: string;
  /** Tags as given; undefined: the default set (see tags.ts). */
  readonly tags?: readonly string[];
  readonly labels: ReadonlyArray<readonly [string, string]>;
  readonly cache: boolean;
  readonly provenance: boolean;
  readonly push: boolean;
  readonly engine?: EngineName;
  readonly createRepository: boolean;
  readonly tagMutability: TagMutability;
  readonly encryption: Encryption;
  readonly kmsKey?: string;
  readonly scanOnPush: boolean;
  /** A lifecycle policy (JSON text, checked); undefined: the default one for a new repository. */
  readonly lifecyclePolicy?: string;
  readonly untaggedExpireDays: number;
  readonly keepTagged: number;
  /** CodeBuild project name or ARN allowed to pull (and updated when updateProject). */
  readonly codebuildProject?: string;
  readonly updateProject: boolean;
  /**
   * Where the registry really answers, when not at the host of GetAuthorizationToken's proxyEndpoint (a test
   * registry, a proxy): `https://host[:port]`, or `http://…` for a registry without TLS. Image names in outputs and
   * in the CodeBuild project stay the ECR ones.
   */
  readonly registryEndpoint?: string;
}

/** The environment variable that sets `registryEndpoint` for both front ends. */
export const REGISTRY_ENDPOINT_ENV = 'AWS_CICD_REGISTRY_ENDPOINT';

/** How a front end names a setting in its messages (`input "tags"`, `--tag`). */
export type Names = (setting: keyof ImageSettings) => string;

const REPOSITORY_NAME = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
const REPOSITORY_URI = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(.+)$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/** A repository name, or a repository URI (`<account>.dkr.ecr.<region>.amazonaws.com/<name>`) split into its parts. */
export function parseRepository(
  text: string,
  names: Names,
): { repository: string; registryId?: string; region?: string } {
  const value = text.trim();
  const uri = REPOSITORY_URI.exec(value);
  const repository = uri ? (uri[3] ?? '') : value;
  if (repository.includes(':') || repository.includes('@')) {
    throw new UserError(`${names('repository')}: give the repository without a tag or digest; got "${text}"`);
  }
  if (repository.length < 2 || repository.length > 256 || !REPOSITORY_NAME.test(repository)) {
    throw new UserError(
      `${names('repository')}: "${repository}" is not an ECR repository name (2 to 256 lower-case letters, digits ` +
        'and . _ - /, each part starting and ending with a letter or digit)',
    );
  }
  return uri ? { repository, registryId: uri[1], region: uri[2] } : { repository };
}

export function parsePlatforms(values: readonly string[], names: Names): string[] {
  const platforms = values
    .flatMap((v) => v.split(/[,\n]/))
    .map((p) => p.trim())
    .filter((p) => p !== '');
  for (const platform of platforms) {
    if (!PLATFORM.test(platform)) {
      throw new UserError(`${names('platforms')}: "${platform}" is not a platform such as linux/amd64 or linux/arm64`);
    }
  }
  return [...new Set(platforms)];
}

/** `KEY=VALUE` entries (labels, build args): the key is everything before the first `=`, with no blanks. */
export function parseKeyValues(
  lines: readonly string[],
  setting: 'labels' | 'buildArgs',
  names: Names,
): Array<[string, string]> {
  return lines.map((line) => {
    const eq = line.indexOf('=');
    const key = eq < 0 ? '' : line.slice(0, eq).trim();
    if (key === '' || /\s/.test(key)) {
      throw new UserError(`${names(setting)}: expected KEY=VALUE; got "${line}"`);
    }
    return [key, line.slice(eq + 1)];
  });
}

/** `https://host[:port]` or `http://host[:port]`, without a path. */
export function parseRegistryEndpoint(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new UserError(`${what}: "${text}" is not a URL such as https://registry.example:5000`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || (url.pathname !== '/' && url.pathname !== '')) {
    throw new UserError(`${what}: give http(s)://host[:port] only; got "${text}"`);
  }
  if (url.username || url.password) throw new UserError(`${what}: the URL must not hold credentials`);
  return `${url.protocol}//${url.host}`;
}

/** A lifecycle policy given inline (JSON) or as a file path, relative to `base`. */
export function readLifecyclePolicy(value: string, base: string, names: Names): string {
  const what = names('lifecyclePolicy');
  if (value.trim().startsWith('{')) return checkLifecyclePolicy(value, what);
  const file = path.resolve(base, value.trim());
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UserError(`${what}: cannot read ${value.trim()}: ${reason}`);
  }
  return checkLifecyclePolicy(text, `${what} (${value.trim()})`);
}

/** The rules between settings. */
export function checkSettings(settings: ImageSettings, names: Names): ImageSettings {
  if (settings.kmsKey !== undefined && settings.encryption !== 'KMS') {
    throw new UserError(`${names('kmsKey')} needs ${names('encryption')} KMS`);
  }
  if (settings.updateProject && settings.codebuildProject === undefined) {
    throw new UserError(`${names('updateProject')} needs ${names('codebuildProject')}`);
  }
  if (settings.updateProject && !settings.push) {
    throw new UserError(`${names('updateProject')} needs the image pushed (it is not: ${names('push')})`);
  }
  if (settings.registryId !== undefined && !/^\d{12}$/.test(settings.registryId)) {
    throw new UserError(`${names('registryId')} must be a 12-digit AWS account id; got "${settings.registryId}"`);
  }
  if (settings.target !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(settings.target)) {
    throw new UserError(`${names('target')}: "${settings.target}" is not a build stage name`);
  }
  return settings;
}

/** The build context is a folder and the Dockerfile can be read (a mistake found before any AWS call). */
export function checkBuildFiles(settings: ImageSettings, names: Names): void {
  if (!statSync(settings.context, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`${names('context')}: ${settings.context} is not a folder`);
  }
  const file = settings.file ?? path.join(settings.context, 'Dockerfile');
  try {
    readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UserError(`${names('file')}: cannot read ${file}: ${reason}`);
  }
}
