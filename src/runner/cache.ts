/**
 * The build cache of a local run, modelled on CodeBuild's S3 cache (the one `key`, `fallback-keys` and `action`
 * belong to): files matched by `cache.paths` globs are saved after POST_BUILD and restored before INSTALL.
 *
 * Layout of the cache directory (default: defaultCacheDir):
 *   keys/<sha256(key)>/      one entry per evaluated `key`: immutable once created, shared by all projects
 *   projects/<sha256(name)>/ the one entry of a project without `key`: replaced on every save
 *   tmp/                     staging; an entry appears by an atomic rename
 * Each entry holds `manifest.json` and `files/src/…` (paths inside the source directory, restored into the
 * source directory of the next build wherever it is) and `files/abs/…` (other absolute paths, restored in place).
 *
 * Paths use the artifact glob forms (glob.ts): `node_modules/**\/*`, `/root/.m2/**\/*`, `.gradle/caches`.
 * Symbolic links are kept as links (node_modules/.bin); modes and mtimes are preserved.
 * `key` and `fallback-keys` are shell-evaluated (`npm-$(codebuild-hash-files package-lock.json)`); a fallback
 * key is a prefix: the newest entry whose key starts with it wins, fallback keys tried in order.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  constants as fsConstants,
  copyFileSync,
  createReadStream,
  lstatSync,
  lutimesSync,
  mkdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  type Stats,
} from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CacheSpec } from '../buildspec/types.js';
import { expandVariables, lookupEnv, type EnvLike } from './expand.js';
import { compareNames, createYielder, errorMessage, globFiles, type MatchedFile } from './glob.js';

export interface CacheOptions {
  /** Root of the local cache (see defaultCacheDir). */
  readonly cacheDir: string;
  /** Project name: the entry used when the buildspec gives no `key`. */
  readonly project: string;
  /** CODEBUILD_SRC_DIR. */
  readonly srcDir: string;
  /** The build environment, for variables in `paths`. */
  readonly env: EnvLike;
  /** One CodeBuild container log line. */
  readonly log: (line: string) => void;
  /** Evaluates text in the build's shell (for `key` and `fallback-keys`). */
  readonly shellEval: (text: string) => Promise<string>;
}

export interface CacheRestoreResult {
  /**
   * HIT: the key (or the project entry); FALLBACK: by a fallback prefix; MISS: nothing; SKIPPED: not attempted;
   * FAILED: an error (logged, in `error`), never thrown: a cache problem does not fail a build.
   */
  readonly status: 'HIT' | 'FALLBACK' | 'MISS' | 'SKIPPED' | 'FAILED';
  readonly error?: string;
  /** The evaluated `key` (absent without one). */
  readonly key?: string;
  /** Key of the entry restored (FALLBACK: the matching entry's key). */
  readonly restoredKey?: string;
  readonly files: number;
  readonly bytes: number;
}

export interface CacheSaveResult {
  /** SAVED; EXISTS: the keyed entry already exists (immutable); EMPTY: the paths matched nothing; SKIPPED; FAILED. */
  readonly status: 'SAVED' | 'EXISTS' | 'EMPTY' | 'SKIPPED' | 'FAILED';
  readonly error?: string;
  readonly key?: string;
  readonly files: number;
  readonly bytes: number;
}

export interface CacheEntryInfo {
  /** `key` for keyed entries; absent for a project entry. */
  readonly key?: string;
  readonly project?: string;
  readonly created: string;
  readonly files: number;
  readonly bytes: number;
  readonly dir: string;
}

interface Manifest {
  readonly version: 1;
  readonly key?: string;
  readonly project?: string;
  readonly created: string;
  readonly createdMs: number;
  readonly paths: readonly string[];
  readonly files: number;
  readonly bytes: number;
}

/** `$XDG_CACHE_HOME/aws-cicd` when XDG_CACHE_HOME is an absolute path, else `~/.cache/aws-cicd`. */
export function defaultCacheDir(env: EnvLike): string {
  const xdg = lookupEnv(env, 'XDG_CACHE_HOME');
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, 'aws-cicd');
  const home = lookupEnv(env, 'HOME');
  return path.join(home !== undefined && path.isAbsolute(home) ? home : os.homedir(), '.cache', 'aws-cicd');
}

/**
 * `codebuild-hash-files PATTERN...`: SHA-256 (hex) of the files the glob patterns match under `cwd`, in path
 * order: each file's SHA-256 digest is fed to an outer SHA-256, so both names' order and contents count and no
 * two file lists collide by concatenation. No file matched: the hash of nothing (e3b0c442…); the command itself
 * (hash-files-tool.ts) fails instead, so a mistyped file name cannot freeze a cache key.
 */
export async function hashFiles(patterns: readonly string[], cwd: string): Promise<string> {
  return hashFileContents(await matchHashFiles(patterns, cwd), (file) => createReadStream(file));
}

/**
 * The files hashFiles hashes, absolute, in hash order (by name relative to `cwd`; links followed). `within`
 * limits the walk (GlobOptions.within).
 */
export async function matchHashFiles(
  patterns: readonly string[],
  cwd: string,
  options: { readonly within?: string } = {},
): Promise<string[]> {
  const byName = new Map<string, string>();
  for (const pattern of patterns) {
    for (const f of await globFiles(pattern, cwd, { followSymlinks: true, within: options.within })) {
      byName.set(f.name, f.abs);
    }
  }
  return [...byName.keys()].sort(compareNames).map((name) => byName.get(name) as string);
}

/** hashFiles' digest of files in the given order; `read` yields one file's content (the caller may vet it first). */
export async function hashFileContents<T>(
  files: readonly T[],
  read: (file: T) => AsyncIterable<Uint8Array | string>,
): Promise<string> {
  const outer = createHash('sha256');
  for (const file of files) {
    const inner = createHash('sha256');
    for await (const chunk of read(file)) inner.update(chunk);
    outer.update(inner.digest());
  }
  return outer.digest('hex');
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 40);
}

function keyDir(cacheDir: string, key: string): string {
  return path.join(cacheDir, 'keys', digest(key));
}

function projectDir(cacheDir: string, project: string): string {
  return path.join(cacheDir, 'projects', digest(project));
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return m.version === 1 ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Common checks of restore and save; undefined when the step is to be skipped (logged). */
async function prepare(
  spec: CacheSpec | undefined,
  options: CacheOptions,
  skipAction: 'restore' | 'save',
): Promise<{ spec: CacheSpec; key: string | undefined } | undefined> {
  if (spec === undefined) {
    options.log('Cache is not defined in the buildspec');
    return undefined;
  }
  if (spec.paths.length === 0) {
    options.log('Skip cache due to: no paths specified to be cached');
    return undefined;
  }
  if (spec.action === skipAction) {
    options.log(`Skip cache ${skipAction === 'save' ? 'restore' : 'save'} due to: cache action is ${spec.action}`);
    return undefined;
  }
  if (spec.key === undefined) return { spec, key: undefined };
  const key = await evaluateKey('cache key', spec.key, options);
  if (key === '') {
    options.log(`Skip cache due to: cache key ${JSON.stringify(spec.key)} evaluated to an empty string`);
    return undefined;
  }
  return { spec, key };
}

/**
 * A key's shell evaluation, trimmed. A failing evaluation (a `$(…)` that wrote an error, such as a file
 * `codebuild-hash-files` does not find) is an error naming the key: using the partial text would restore the same
 * entry for every build, whatever the files hold.
 */
async function evaluateKey(what: string, written: string, options: CacheOptions): Promise<string> {
  try {
    return (await options.shellEval(written)).trim();
  } catch (error) {
    throw new Error(`${what} ${JSON.stringify(written)} could not be evaluated: ${errorMessage(error)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Restore

/**
 * Restores the cache entry for the spec's key (or a fallback prefix, or the project entry) into place. Never
 * throws: errors are logged and returned as FAILED.
 */
export async function restoreCache(spec: CacheSpec | undefined, options: CacheOptions): Promise<CacheRestoreResult> {
  try {
    return await restore(spec, options);
  } catch (error) {
    const message = errorMessage(error);
    options.log(`Unable to restore cache: ${message}`);
    return { status: 'FAILED', error: message, files: 0, bytes: 0 };
  }
}

async function restore(spec: CacheSpec | undefined, options: CacheOptions): Promise<CacheRestoreResult> {
  const ready = await prepare(spec, options, 'save');
  if (ready === undefined) return { status: 'SKIPPED', files: 0, bytes: 0 };
  const { key } = ready;
  const { cacheDir, log } = options;

  let dir: string | undefined;
  let status: CacheRestoreResult['status'] = 'MISS';
  let restoredKey: string | undefined;
  if (key === undefined) {
    const candidate = projectDir(cacheDir, options.project);
    if (await readManifest(candidate)) {
      dir = candidate;
      status = 'HIT';
    }
  } else {
    log(`Cache key: ${key}`);
    const exact = keyDir(cacheDir, key);
    if (await readManifest(exact)) {
      dir = exact;
      status = 'HIT';
      restoredKey = key;
    } else if (ready.spec.fallbackKeys.length > 0) {
      const entries = await keyedEntries(cacheDir);
      for (const written of ready.spec.fallbackKeys) {
        const prefix = await evaluateKey('cache fallback key', written, options);
        const match = entries
          .filter((e) => e.manifest.key !== undefined && e.manifest.key.startsWith(prefix))
          .sort(
            (a, b) =>
              b.manifest.createdMs - a.manifest.createdMs || compareNames(b.manifest.key ?? '', a.manifest.key ?? ''),
          )[0];
        if (match) {
          log(`Cache key ${key} not found; using fallback key ${prefix}: ${match.manifest.key ?? ''}`);
          dir = match.dir;
          status = 'FALLBACK';
          restoredKey = match.manifest.key;
          break;
        }
      }
    }
  }
  if (dir === undefined) {
    log(key === undefined ? `No cache found for project ${options.project}` : `No cache found for key ${key}`);
    return { status: 'MISS', ...(key !== undefined ? { key } : {}), files: 0, bytes: 0 };
  }
  const { files, bytes } = await restoreEntry(dir, options.srcDir);
  const from = restoredKey === undefined ? `the cache of project ${options.project}` : `cache key ${restoredKey}`;
  log(`Restored ${files} file(s) (${formatBytes(bytes)}) from ${from}`);
  return {
    status,
    ...(key !== undefined ? { key } : {}),
    ...(restoredKey !== undefined ? { restoredKey } : {}),
    files,
    bytes,
  };
}

async function keyedEntries(cacheDir: string): Promise<{ dir: string; manifest: Manifest }[]> {
  const root = path.join(cacheDir, 'keys');
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const out: { dir: string; manifest: Manifest }[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    const manifest = await readManifest(dir);
    if (manifest) out.push({ dir, manifest });
  }
  return out;
}

async function restoreEntry(dir: string, srcDir: string): Promise<{ files: number; bytes: number }> {
  const jobs: { from: string; to: string; kind: 'file' | 'symlink' }[] = [];
  for (const [sub, target] of [
    ['src', path.resolve(srcDir)],
    ['abs', '/'],
  ] as const) {
    const base = path.join(dir, 'files', sub);
    for (const f of await globFiles('**', base, { followSymlinks: false })) {
      jobs.push({ from: f.abs, to: path.join(target, f.name), kind: f.kind });
    }
  }
  const bytes = await copyAll(jobs, true);
  return { files: jobs.length, bytes };
}

// ---------------------------------------------------------------------------------------------------------------
// Save

/**
 * Saves the files the spec's paths match: a new immutable keyed entry, or the project entry (replaced). Never
 * throws: errors are logged and returned as FAILED (a half-written entry is never published).
 */
export async function saveCache(spec: CacheSpec | undefined, options: CacheOptions): Promise<CacheSaveResult> {
  try {
    return await save(spec, options);
  } catch (error) {
    const message = errorMessage(error);
    options.log(`Unable to save cache: ${message}`);
    return { status: 'FAILED', error: message, files: 0, bytes: 0 };
  }
}

async function save(spec: CacheSpec | undefined, options: CacheOptions): Promise<CacheSaveResult> {
  const ready = await prepare(spec, options, 'restore');
  if (ready === undefined) return { status: 'SKIPPED', files: 0, bytes: 0 };
  const { key } = ready;
  const { cacheDir, log } = options;
  const keyPart = key !== undefined ? { key } : {};
  const finalDir = key === undefined ? projectDir(cacheDir, options.project) : keyDir(cacheDir, key);
  if (key !== undefined && (await readManifest(finalDir))) {
    log(`Cache with key ${key} already exists; a keyed cache is immutable, not saving`);
    return { status: 'EXISTS', ...keyPart, files: 0, bytes: 0 };
  }

  const files = await matchCachePaths(ready.spec.paths, options);
  if (files.length === 0) {
    log('Skip cache save due to: no files matched the cache paths');
    return { status: 'EMPTY', ...keyPart, files: 0, bytes: 0 };
  }

  const tmpRoot = path.join(cacheDir, 'tmp');
  await mkdir(tmpRoot, { recursive: true });
  const staging = path.join(tmpRoot, `${Date.now()}-${randomBytes(6).toString('hex')}`);
  let bytes = 0;
  try {
    const jobs = files.map((f) => ({ from: f.abs, to: path.join(staging, 'files', f.stored), kind: f.kind }));
    bytes = await copyAll(jobs, false);
    const now = new Date();
    const manifest: Manifest = {
      version: 1,
      ...keyPart,
      ...(key === undefined ? { project: options.project } : {}),
      created: now.toISOString(),
      createdMs: now.getTime(),
      paths: ready.spec.paths,
      files: files.length,
      bytes,
    };
    await writeFile(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(path.dirname(finalDir), { recursive: true });
    if (key !== undefined) {
      try {
        await rename(staging, finalDir);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
        log(`Cache with key ${key} already exists; a keyed cache is immutable, not saving`);
        return { status: 'EXISTS', ...keyPart, files: 0, bytes: 0 };
      }
    } else {
      const old = `${staging}-old`;
      await rename(finalDir, old).catch(() => undefined);
      await rename(staging, finalDir);
      await rm(old, { recursive: true, force: true });
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const where = key === undefined ? `the cache of project ${options.project}` : `cache key ${key}`;
  log(`Saved ${files.length} file(s) (${formatBytes(bytes)}) to ${where}`);
  return { status: 'SAVED', ...keyPart, files: files.length, bytes };
}

interface CacheFile extends MatchedFile {
  /** Path under the entry's `files/`: `src/<relative>` or `abs/<absolute without />`. */
  readonly stored: string;
}

async function matchCachePaths(paths: readonly string[], options: CacheOptions): Promise<CacheFile[]> {
  const srcDir = path.resolve(options.srcDir);
  const cacheDir = path.resolve(options.cacheDir);
  const byAbs = new Map<string, CacheFile>();
  for (const written of paths) {
    const pattern = expandVariables(written, options.env).trim();
    if (pattern === '') continue;
    const matches = await globFiles(pattern, srcDir, { followSymlinks: false, ignore: [cacheDir] });
    for (const m of matches) {
      if (byAbs.has(m.abs)) continue;
      const rel = path.relative(srcDir, m.abs);
      const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
      const stored = inside ? `src/${rel.split(path.sep).join('/')}` : `abs/${m.abs.replace(/^\/+/, '')}`;
      byAbs.set(m.abs, { ...m, stored });
    }
  }
  return [...byAbs.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Listing

/** Every entry of a cache directory, newest first (for a `cache list` command or a size report). */
export async function listCacheEntries(cacheDir: string): Promise<CacheEntryInfo[]> {
  const out: CacheEntryInfo[] = [];
  for (const sub of ['keys', 'projects']) {
    let names: string[] = [];
    try {
      names = await readdir(path.join(cacheDir, sub));
    } catch {
      continue;
    }
    for (const name of names) {
      const dir = path.join(cacheDir, sub, name);
      const m = await readManifest(dir);
      if (!m) continue;
      out.push({
        ...(m.key !== undefined ? { key: m.key } : {}),
        ...(m.project !== undefined ? { project: m.project } : {}),
        created: m.created,
        files: m.files,
        bytes: m.bytes,
        dir,
      });
    }
  }
  return out.sort((a, b) => compareNames(b.created, a.created));
}

// ---------------------------------------------------------------------------------------------------------------
// Copying

/**
 * Copies files and links, creating parent directories, keeping modes and mtimes; returns the bytes copied.
 * Synchronous calls (many times faster than fs.promises for thousands of small files), handing the event loop
 * back every few milliseconds. `replace`: never write through a link standing where a file goes.
 */
async function copyAll(
  jobs: readonly { from: string; to: string; kind: 'file' | 'symlink' }[],
  replace: boolean,
): Promise<number> {
  const made = new Set<string>();
  const pause = createYielder();
  let bytes = 0;
  for (const job of jobs) {
    const dir = path.dirname(job.to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    if (replace) {
      const existing = lstatOrUndefined(job.to);
      if (existing !== undefined && !existing.isDirectory() && (existing.isSymbolicLink() || job.kind === 'symlink')) {
        unlinkSync(job.to);
      }
    }
    if (job.kind === 'symlink') {
      const st = lstatSync(job.from);
      symlinkSync(readlinkSync(job.from), job.to);
      try {
        lutimesSync(job.to, st.atime, st.mtime);
      } catch {
        // not supported everywhere; a link's own mtime rarely matters
      }
    } else {
      const st = statSync(job.from);
      copyFileSync(job.from, job.to, fsConstants.COPYFILE_FICLONE);
      utimesSync(job.to, st.atime, st.mtime);
      bytes += st.size;
    }
    await pause();
  }
  return bytes;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
