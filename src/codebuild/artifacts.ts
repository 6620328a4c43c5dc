/**
 * A finished build's artifacts, fetched from S3 into a folder (`download-artifacts`): the primary artifact into the
 * folder, each secondary one into `<folder>/<artifactIdentifier>/`; a batch's children each into
 * `<folder>/<identifier>/` (their secondary ones below that).
 *
 * ZIP packaging: the object is streamed to a temporary file, then unpacked entry by entry (unzip.ts refuses entries
 * that would land outside the folder). NONE packaging: every object under the location's prefix is copied as laid out.
 * The packaging is the one the build was started with when known (artifactsOverride in start-build-json), else
 * found out: an object at the location is a ZIP when its first bytes or content type say so (otherwise one file), no
 * object there means a folder of objects.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Build } from '../aws/codebuild.js';
import { parseS3Arn, type S3DownloadApi } from '../aws/s3-read.js';
import { UserError } from '../core/errors.js';
import type { Reporter } from '../core/reporter.js';
import { looksLikeZip, unzipTo } from './unzip.js';

export type Packaging = 'ZIP' | 'NONE';

/** Packaging per artifact as the build was started: `primary`, and secondary ones by identifier. */
export interface PackagingHints {
  readonly primary?: Packaging;
  readonly secondary?: Readonly<Record<string, Packaging>>;
}

export interface ArtifactSource {
  readonly build: Build;
  /** A batch child's identifier: its artifacts go under `<folder>/<identifier>/`. */
  readonly identifier?: string;
}

export interface DownloadedArtifacts {
  /** The folder (absolute). */
  readonly path: string;
  /** Secondary artifact identifier (a batch's: `<child>/<identifier>`; a child's primary: `<child>`) → its folder. */
  readonly secondary: Record<string, string>;
  readonly files: number;
}

export interface ArtifactsDeps {
  readonly s3: S3DownloadApi;
  readonly reporter: Reporter;
  readonly hints?: PackagingHints;
  readonly signal?: AbortSignal;
  /** Where the ZIP files wait to be unpacked. Default: the OS's temporary folder. */
  readonly tmpDir?: string;
}

/** The packaging of the start request's artifactsOverride / secondaryArtifactsOverride, when start-build-json sets it. */
export function packagingHints(startBuildJson: string | undefined): PackagingHints {
  if (startBuildJson === undefined || startBuildJson.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(startBuildJson);
  } catch {
    return {};
  }
  const packaging = (value: unknown): Packaging | undefined => {
    const p = (value as { packaging?: unknown } | undefined)?.packaging;
    return p === 'ZIP' || p === 'NONE' ? p : undefined;
  };
  const request = json as { artifactsOverride?: unknown; secondaryArtifactsOverride?: unknown };
  const secondary: Record<string, Packaging> = {};
  if (Array.isArray(request.secondaryArtifactsOverride)) {
    for (const a of request.secondaryArtifactsOverride as Array<{ artifactIdentifier?: unknown }>) {
      const p = packaging(a);
      if (typeof a.artifactIdentifier === 'string' && p !== undefined) secondary[a.artifactIdentifier] = p;
    }
  }
  const primary = packaging(request.artifactsOverride);
  return { ...(primary !== undefined ? { primary } : {}), secondary };
}

/** Downloads every artifact of the builds into `folder`. */
export async function downloadArtifacts(
  sources: readonly ArtifactSource[],
  folder: string,
  deps: ArtifactsDeps,
): Promise<DownloadedArtifacts> {
  const root = path.resolve(folder);
  await mkdir(root, { recursive: true });
  const secondary: Record<string, string> = {};
  let files = 0;
  for (const { build, identifier } of sources) {
    const base = identifier === undefined ? root : path.join(root, safeSegment(identifier, 'batch build identifier'));
    const built = build.buildStatus === 'SUCCEEDED';
    const primary = build.artifacts?.location;
    if (primary) {
      files += await fetchArtifact(primary, base, deps.hints?.primary, built, deps);
      if (identifier !== undefined) secondary[identifier] = base;
    }
    for (const a of build.secondaryArtifacts ?? []) {
      if (!a.location || !a.artifactIdentifier) continue;
      const dest = path.join(base, safeSegment(a.artifactIdentifier, 'secondary artifact identifier'));
      files += await fetchArtifact(a.location, dest, deps.hints?.secondary?.[a.artifactIdentifier], built, deps);
      secondary[identifier === undefined ? a.artifactIdentifier : `${identifier}/${a.artifactIdentifier}`] = dest;
    }
  }
  const any = sources.some((s) => s.build.artifacts?.location || s.build.secondaryArtifacts?.some((a) => a.location));
  if (!any) deps.reporter.info(`The build has no S3 artifacts; nothing was downloaded into ${root}`);
  return { path: root, secondary, files };
}

/** An identifier used as a folder name: one plain path segment. */
function safeSegment(name: string, what: string): string {
  if (name === '' || name === '.' || name === '..' || /[/\\\0]/.test(name)) {
    throw new UserError(`${what} "${name}" cannot be a folder name; no artifact was written for it`);
  }
  return name;
}

/** One artifact into `dest`; the number of files written. */
async function fetchArtifact(
  location: string,
  dest: string,
  packaging: Packaging | undefined,
  built: boolean,
  deps: ArtifactsDeps,
): Promise<number> {
  const where = parseS3Arn(location);
  if (where === undefined) {
    deps.reporter.warning(`artifact location ${location} is not in S3; not downloaded`);
    return 0;
  }
  const shown = `s3://${where.bucket}/${where.key}`;
  try {
    if (packaging === 'NONE') return (await copyPrefix(where.bucket, where.key, dest, shown, deps)) ?? 0;
    const tmp = path.join(deps.tmpDir ?? tmpdir(), `aws-cicd-artifact-${randomUUID()}`);
    try {
      let got;
      try {
        got = await deps.s3.downloadFile({ bucket: where.bucket, key: where.key, file: tmp, signal: deps.signal });
      } catch (error) {
        // Not an object: with unknown packaging, a folder of objects (NONE).
        if (packaging === undefined && isMissing(error)) {
          const copied = await copyPrefix(where.bucket, where.key, dest, shown, deps, true);
          if (copied !== undefined) return copied;
        }
        throw error;
      }
      const zip = packaging === 'ZIP' || /zip/i.test(got.contentType ?? '') || (await startsLikeZip(tmp));
      if (zip) {
        const unpacked = await unzipTo(tmp, dest, shown);
        deps.reporter.info(`Unpacked ${shown} into ${dest} (${unpacked.files} files)`);
        return unpacked.files;
      }
      await mkdir(dest, { recursive: true });
      const name = path.posix.basename(where.key) || 'artifact';
      await rm(path.join(dest, name), { force: true });
      // The temporary folder may be on another file system.
      await rename(tmp, path.join(dest, name)).catch(() => copyFile(tmp, path.join(dest, name)));
      deps.reporter.info(`Downloaded ${shown} to ${path.join(dest, name)}`);
      return 1;
    } finally {
      await rm(tmp, { force: true });
    }
  } catch (error) {
    // A build that did not succeed may have stopped before it uploaded anything.
    if (!built && isMissing(error)) {
      deps.reporter.warning(`no artifact at ${shown}: the build did not succeed and uploaded none there`);
      return 0;
    }
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof UserError && /\(NoSuchKey\)|no object under/.test(error.message);
}

async function startsLikeZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return looksLikeZip(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Every object under `key/` copied to `dest`, laid out as in the bucket. With `probe`, undefined (not an error)
 * when there is none.
 */
async function copyPrefix(
  bucket: string,
  key: string,
  dest: string,
  shown: string,
  deps: ArtifactsDeps,
  probe = false,
): Promise<number | undefined> {
  const prefix = key === '' || key.endsWith('/') ? key : `${key}/`;
  const objects = (await deps.s3.listObjects(bucket, prefix, deps.signal)).filter((o) => !o.key.endsWith('/'));
  if (objects.length === 0) {
    if (probe) return undefined;
    throw new UserError(`reading ${shown}: no object under s3://${bucket}/${prefix}: the build uploaded no artifact`);
  }
  const root = path.resolve(dest);
  for (const o of objects) {
    const relative = o.key.slice(prefix.length);
    const target = path.resolve(root, relative);
    const inside = path.relative(root, target);
    if (relative.split('/').includes('..') || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new UserError(`${shown}: object "${o.key}" would land outside ${dest}; refused`);
    }
    await mkdir(path.dirname(target), { recursive: true });
    await deps.s3.downloadFile({ bucket, key: o.key, file: target, signal: deps.signal });
  }
  deps.reporter.info(`Copied ${objects.length} objects of ${shown} into ${dest}`);
  return objects.length;
}
