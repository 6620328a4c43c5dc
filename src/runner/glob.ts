/**
 * Path globs of buildspec `artifacts`, `reports` and `cache` entries, matched against the real file system.
 *
 * Forms (CodeBuild's documented ones plus what real buildspecs write):
 * - `file`, `dir/file`: that file. A literal path naming a directory (`build`, `*\/dist`: any pattern whose LAST
 *   segment has no wildcard) takes every file beneath it.
 * - `*.jar`, `dir/*`: the files of one directory. `*` matches within one path segment, dot files included (CodeBuild
 *   ships `.git` with `**\/*`); directories matched by a wildcard last segment are not descended into, as the
 *   guide says `dir/*` is "the files in dir".
 * - `**\/*`, `dir/**\/*`: every file beneath, recursively; `**` is zero or more directories.
 * - `dir/**` (no `/*`, seen in the wild, CodeBuild's meaning unconfirmed): every file beneath `dir`, recursively,
 *   the same as `dir/**\/*` — what a user writing it expects (and what gitignore-style and GitHub globs do).
 * - `?`, `[abc]`, `[!a]`/`[^a]`, `\x` escapes, as Go's `filepath.Match`. No braces.
 * - Absolute paths (`/tmp/out/**\/*`) ignore the base directory; a leading `./` is tolerated; `..` is resolved.
 *
 * Symbolic links: with `followSymlinks` (artifacts without `enable-symlinks`, reports) a link is replaced by
 * what it points to (a directory link is walked, loops are cut); otherwise (artifacts with `enable-symlinks`,
 * the cache) a link found while walking is kept as a link and never walked into. Path components written
 * literally in the pattern (`/tmp/x` where `/tmp` is a link) are always resolved by the OS.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { expandVariables, type EnvLike } from './expand.js';

export type MatchKind = 'file' | 'symlink';

/** One file a pattern matched. */
export interface MatchedFile {
  /** Absolute path on disk (of the link itself for kind `symlink`). */
  readonly abs: string;
  /**
   * Path inside the artifact, `/`-separated: relative to the base directory, or for an absolute pattern (or one
   * climbing out of the base with `..`) the absolute path without its leading `/`.
   */
  readonly name: string;
  readonly kind: MatchKind;
}

export interface GlobOptions {
  /** Walk into directory links and take files through file links (else keep links as links). */
  readonly followSymlinks: boolean;
  /** Absolute paths never matched nor walked into (the output directory, the cache directory). */
  readonly ignore?: readonly string[];
  /**
   * Never walk into a directory whose real path is outside this one (a directory link leading out of it, when
   * following links). For `codebuild-hash-files`, which reads with the runner's rights: a link to `/` must not
   * make `**\/*` walk the whole file system. Files reached through file links are still matched (the caller
   * checks them). Unset: no limit (artifacts, reports, cache paths).
   */
  readonly within?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern text

/** Strips `./` prefixes, duplicate and trailing slashes; `.` and `./` become "" (the base itself). */
export function normalizePattern(pattern: string): string {
  let p = pattern.trim().replace(/\/{2,}/g, '/');
  const absolute = p.startsWith('/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p === '.') p = '';
  p = p.replace(/\/(\.\/)+/g, '/');
  if (p.endsWith('/.')) p = p.slice(0, -2);
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return absolute && !p.startsWith('/') ? `/${p}` : p;
}

export function hasWildcard(segment: string): boolean {
  return /[*?[\\]/.test(segment);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Regex source for one segment, Go `filepath.Match` style; `**` inside a segment is a plain `*`. */
function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '*') {
      out += '[^/]*';
      while (segment[i + 1] === '*') i++;
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '\\' && i + 1 < segment.length) {
      out += escapeRegExp(segment[++i] as string);
    } else if (ch === '[') {
      const close = findClassEnd(segment, i);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i + 1, close);
      let negate = false;
      if (body.startsWith('!') || body.startsWith('^')) {
        negate = true;
        body = body.slice(1);
      }
      const cls = body.replace(/\\(.)/g, '$1').replace(/[\]\\^]/g, '\\$&');
      out += negate ? `[^/${cls}]` : `[${cls}]`;
      i = close;
    } else {
      out += escapeRegExp(ch);
    }
  }
  return out;
}

function findClassEnd(segment: string, open: number): number {
  let i = open + 1;
  if (segment[i] === '!' || segment[i] === '^') i++;
  if (segment[i] === ']') i++;
  for (; i < segment.length; i++) {
    if (segment[i] === '\\') i++;
    else if (segment[i] === ']') return i;
  }
  return -1;
}

const segmentCache = new Map<string, RegExp>();
function segmentRegExp(segment: string): RegExp {
  let re = segmentCache.get(segment);
  if (!re) {
    re = new RegExp(`^${segmentSource(segment)}$`);
    if (segmentCache.size > 1000) segmentCache.clear();
    segmentCache.set(segment, re);
  }
  return re;
}

/** Whole-path matcher (`exclude-paths`): `*` within a segment, `**` across directories. */
export function compilePathPattern(pattern: string): RegExp {
  const segments = normalizePattern(pattern)
    .replace(/^\/+/, '')
    .split('/')
    .filter((s) => s !== '');
  let source = '^';
  let needSep = false;
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      if (last) source += needSep ? '(?:/.*)?' : '.*';
      else {
        source += `${needSep ? '/' : ''}(?:[^/]+/)*`;
        needSep = false;
      }
    } else {
      source += `${needSep ? '/' : ''}${segmentSource(segment)}`;
      needSep = true;
    }
  });
  return new RegExp(`${source}$`);
}

/** True when `relPath` or one of its parent directories matches `re` (excluding a directory excludes its files). */
export function matchesPathOrParent(re: RegExp, relPath: string): boolean {
  if (re.test(relPath)) return true;
  for (let i = relPath.indexOf('/'); i >= 0; i = relPath.indexOf('/', i + 1)) {
    if (re.test(relPath.slice(0, i))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Matching against the file system

type Kind = 'file' | 'dir' | 'symlink' | 'other';

interface Entry {
  readonly name: string;
  readonly kind: Kind;
}

class Walker {
  private readonly dirCache = new Map<string, readonly Entry[]>();
  private readonly ignore: ReadonlySet<string>;
  private readonly within: string | undefined;
  readonly pause = createYielder();

  constructor(private readonly options: GlobOptions) {
    this.ignore = new Set((options.ignore ?? []).map((p) => path.resolve(p)));
    this.within = options.within === undefined ? undefined : (realPath(options.within) ?? path.resolve(options.within));
  }

  /** False when the real path of `dir` is outside `within` (through a link in it), or cannot be resolved. */
  mayEnter(dir: string): boolean {
    if (this.within === undefined) return true;
    const real = realPath(dir);
    return real !== undefined && isInside(this.within, real);
  }

  /** Children of a directory with their kinds (links resolved when following), sorted by name. */
  async list(dir: string): Promise<readonly Entry[]> {
    const cached = this.dirCache.get(dir);
    if (cached) return cached;
    let dirents: Dirent[];
    try {
      await this.pause();
      dirents = readdirSync(dir, { withFileTypes: true });
    } catch {
      dirents = [];
    }
    const entries: Entry[] = [];
    for (const d of dirents) {
      const abs = path.join(dir, d.name);
      if (this.ignore.has(abs)) continue;
      let kind: Kind;
      if (d.isFile()) kind = 'file';
      else if (d.isDirectory()) kind = 'dir';
      else if (d.isSymbolicLink()) kind = this.options.followSymlinks ? await targetKind(abs) : 'symlink';
      else if (d.isBlockDevice() || d.isCharacterDevice() || d.isFIFO() || d.isSocket()) kind = 'other';
      else kind = await lstatKind(abs, this.options.followSymlinks);
      if (kind !== 'other') entries.push({ name: d.name, kind });
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    this.dirCache.set(dir, entries);
    return entries;
  }

  /** Kind of a path named literally in a pattern. `last` keeps a final link as a link when not following. */
  async kindOf(abs: string, last: boolean): Promise<Kind | undefined> {
    if (this.ignore.has(abs)) return undefined;
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch {
      return undefined;
    }
    if (st.isSymbolicLink()) {
      if (last && !this.options.followSymlinks) return 'symlink';
      const kind = await targetKind(abs);
      return kind === 'other' ? undefined : kind;
    }
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : undefined;
  }

  /** Directory identity for loop detection when following links. */
  async identity(dir: string): Promise<string | undefined> {
    if (!this.options.followSymlinks) return undefined;
    try {
      const st = statSync(dir);
      return `${st.dev}:${st.ino}`;
    } catch {
      return undefined;
    }
  }
}

/**
 * File system calls here are synchronous (several times faster than fs.promises for many small calls); a walk
 * hands the event loop back every few milliseconds so timers and log output keep flowing.
 */
export function createYielder(everyMs = 20): () => Promise<void> {
  let last = performance.now();
  return async () => {
    const now = performance.now();
    if (now - last < everyMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

async function targetKind(abs: string): Promise<Kind> {
  try {
    const st = statSync(abs);
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'other'; // broken link: nothing to take when following
  }
}

async function lstatKind(abs: string, follow: boolean): Promise<Kind> {
  try {
    const st = lstatSync(abs);
    if (st.isSymbolicLink()) return follow ? targetKind(abs) : 'symlink';
    return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'other';
  }
}

function realPath(p: string): string | undefined {
  try {
    return realpathSync.native(p);
  } catch {
    return undefined;
  }
}

/** True when `target` is `root` or beneath it (both absolute, resolved). A name like `..data` is inside. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return !(rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel));
}

/** The message of any thrown value (also of errors from another realm, where `instanceof Error` fails). */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Plain code-unit order: deterministic whatever the locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Found {
  readonly abs: string;
  readonly rel: string;
  readonly kind: Kind;
}

type Want = 'files' | 'dirs';

async function matchSegments(
  walker: Walker,
  dir: string,
  rel: string,
  segments: readonly string[],
  index: number,
  want: Want,
  ancestors: ReadonlySet<string>,
  out: Found[],
): Promise<void> {
  const segment = segments[index];
  if (segment === undefined) return;
  const last = index === segments.length - 1;
  const join = (name: string): string => (rel === '' ? name : `${rel}/${name}`);

  if (segment === '**') {
    if (last) {
      if (want === 'dirs' && rel !== '') out.push({ abs: dir, rel, kind: 'dir' });
      await walkAll(walker, dir, rel, want, ancestors, out);
      return;
    }
    await matchSegments(walker, dir, rel, segments, index + 1, want, ancestors, out);
    for (const entry of await walker.list(dir)) {
      if (entry.kind !== 'dir') continue;
      const abs = path.join(dir, entry.name);
      const next = await descend(walker, abs, ancestors);
      if (next) await matchSegments(walker, abs, join(entry.name), segments, index, want, next, out);
    }
    return;
  }

  if (!hasWildcard(segment)) {
    const abs = path.join(dir, segment);
    const kind = await walker.kindOf(abs, last);
    if (kind === undefined) return;
    if (!last) {
      if (kind === 'dir') {
        const next = await descend(walker, abs, ancestors);
        if (next) await matchSegments(walker, abs, join(segment), segments, index + 1, want, next, out);
      }
      return;
    }
    if (want === 'dirs') {
      if (kind === 'dir') out.push({ abs, rel: join(segment), kind });
    } else if (kind === 'dir') {
      const next = await descend(walker, abs, ancestors);
      if (next) await walkAll(walker, abs, join(segment), want, next, out);
    } else {
      out.push({ abs, rel: join(segment), kind });
    }
    return;
  }

  const re = segmentRegExp(segment);
  for (const entry of await walker.list(dir)) {
    if (!re.test(entry.name)) continue;
    const abs = path.join(dir, entry.name);
    if (last) {
      if (want === 'dirs' ? entry.kind === 'dir' : entry.kind !== 'dir') {
        out.push({ abs, rel: join(entry.name), kind: entry.kind });
      }
    } else if (entry.kind === 'dir') {
      const next = await descend(walker, abs, ancestors);
      if (next) await matchSegments(walker, abs, join(entry.name), segments, index + 1, want, next, out);
    }
  }
}

/** Everything beneath `dir` (files and kept links, or directories). */
async function walkAll(
  walker: Walker,
  dir: string,
  rel: string,
  want: Want,
  ancestors: ReadonlySet<string>,
  out: Found[],
): Promise<void> {
  for (const entry of await walker.list(dir)) {
    const abs = path.join(dir, entry.name);
    const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.kind === 'dir') {
      if (want === 'dirs') out.push({ abs, rel: childRel, kind: 'dir' });
      const next = await descend(walker, abs, ancestors);
      if (next) await walkAll(walker, abs, childRel, want, next, out);
    } else if (want === 'files') {
      out.push({ abs, rel: childRel, kind: entry.kind });
    }
  }
}

/** The ancestor set for walking into `dir`, or undefined when that would loop (a link to an ancestor). */
async function descend(
  walker: Walker,
  dir: string,
  ancestors: ReadonlySet<string>,
): Promise<ReadonlySet<string> | undefined> {
  if (!walker.mayEnter(dir)) return undefined;
  const id = await walker.identity(dir);
  if (id === undefined) return ancestors;
  if (ancestors.has(id)) return undefined;
  const next = new Set(ancestors);
  next.add(id);
  return next;
}

/** Splits a normalized pattern into its root (absolute) and segments. */
function resolvePattern(pattern: string, baseDir: string): { root: string; segments: string[]; absolute: boolean } {
  let p = normalizePattern(pattern);
  let absolute = p.startsWith('/');
  if (!absolute && p.split('/').includes('..')) {
    // `a/../b` stays relative; only a path climbing out of the base becomes absolute.
    const normalized = path.posix.normalize(p);
    if (normalized === '..' || normalized.startsWith('../')) {
      p = path.posix.join(toPosix(path.resolve(baseDir)), normalized);
      absolute = true;
    } else {
      p = normalized === '.' ? '' : normalized;
    }
  }
  if (absolute) {
    p = path.posix.normalize(p);
    return { root: '/', segments: p.split('/').filter((s) => s !== '' && s !== '.'), absolute };
  }
  return { root: path.resolve(baseDir), segments: p.split('/').filter((s) => s !== '' && s !== '.'), absolute };
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/**
 * Files (and kept links) one pattern matches under `baseDir`, sorted by name. The pattern is used as given:
 * expand variables first (see expandVariables).
 */
export async function globFiles(pattern: string, baseDir: string, options: GlobOptions): Promise<MatchedFile[]> {
  return globWith(new Walker(options), pattern, baseDir, 'files');
}

/** Directories a pattern matches (for a `base-directory` glob), sorted; a literal pattern yields itself if a directory. */
export async function globDirectories(pattern: string, baseDir: string, options: GlobOptions): Promise<MatchedFile[]> {
  return globWith(new Walker(options), pattern, baseDir, 'dirs');
}

async function globWith(walker: Walker, pattern: string, baseDir: string, want: Want): Promise<MatchedFile[]> {
  const { root, segments, absolute } = resolvePattern(pattern, baseDir);
  const out: Found[] = [];
  if (segments.length === 0) {
    if (want === 'dirs') {
      if ((await walker.kindOf(root, false)) === 'dir') out.push({ abs: root, rel: absolute ? '' : '.', kind: 'dir' });
    } else {
      await walkAll(walker, root, '', want, new Set(), out);
    }
  } else {
    const rootId = await walker.identity(root);
    await matchSegments(walker, root, '', segments, 0, want, new Set(rootId ? [rootId] : []), out);
  }
  const seen = new Map<string, MatchedFile>();
  for (const f of out) {
    if (seen.has(f.rel)) continue;
    seen.set(f.rel, { abs: f.abs, name: f.rel, kind: f.kind === 'symlink' ? 'symlink' : 'file' });
  }
  return [...seen.values()].sort((a, b) => compareNames(a.name, b.name));
}

// ---------------------------------------------------------------------------------------------------------------
// CodeBuild's file-list assembly (shared by artifacts, reports and the cache)

export interface FileListSpec {
  readonly files: readonly string[];
  readonly baseDirectory?: string;
  readonly excludePaths?: readonly string[];
}

export interface FileListOptions extends GlobOptions {
  readonly srcDir: string;
  readonly env: EnvLike;
  readonly log: (line: string) => void;
}

export interface FileList {
  /** Unique by `abs`, in the order found: entry by entry, each entry's matches sorted by name. */
  readonly files: readonly MatchedFile[];
  /** Entries (variables expanded) that matched nothing. */
  readonly skipped: readonly string[];
  /** The base directories used (absolute). */
  readonly baseDirs: readonly string[];
  /** Set when the base directory matched no directory: `no matching base directory path found for X`. */
  readonly error?: string;
}

/**
 * Expands `files` under the source directory or `base-directory` the way CodeBuild's agent does, with its log
 * lines (`Expanding base directory path: .`, `Assembling file list`, `Expanding **\/*`, `Skipping invalid file
 * path X`, `Found N file(s)`). A `base-directory` glob (`'my-build*'`) may match several directories; each one's
 * content is taken relative to it, the directory itself is not.
 */
export async function assembleFileList(spec: FileListSpec, options: FileListOptions): Promise<FileList> {
  const { srcDir, env, log } = options;
  const walker = new Walker(options);
  const baseText = spec.baseDirectory === undefined ? '.' : normalizeBaseText(expandVariables(spec.baseDirectory, env));
  log(`Expanding base directory path: ${baseText}`);
  log('Assembling file list');
  const bases = await globWith(walker, baseText === '.' ? '' : baseText, srcDir, 'dirs');
  if (bases.length === 0) {
    return { files: [], skipped: [], baseDirs: [], error: `no matching base directory path found for ${baseText}` };
  }
  const excludes = (spec.excludePaths ?? [])
    .map((p) => normalizePattern(expandVariables(p, env)))
    .filter((p) => p !== '')
    .map((p) => compilePathPattern(p));
  const byAbs = new Map<string, MatchedFile>();
  const skipped: string[] = [];
  for (const base of bases) {
    const fromSrc = path.relative(srcDir, base.abs);
    const shown =
      fromSrc === '' ? '.' : fromSrc.startsWith('..') || path.isAbsolute(fromSrc) ? base.abs : toPosix(fromSrc);
    log(`Expanding ${shown}`);
    log(`Expanding file paths for base directory ${shown}`);
    log('Assembling file list');
    for (const written of spec.files) {
      const entry = expandVariables(written, env).trim();
      log(`Expanding ${entry}`);
      const matches = entry === '' ? [] : await globWith(walker, entry, base.abs, 'files');
      const kept = matches.filter((m) => !excludes.some((re) => matchesPathOrParent(re, m.name)));
      if (kept.length === 0) {
        log(`Skipping invalid file path ${entry}`);
        skipped.push(entry);
        continue;
      }
      for (const m of kept) if (!byAbs.has(m.abs)) byAbs.set(m.abs, m);
    }
  }
  const files = [...byAbs.values()];
  log(`Found ${files.length} file(s)`);
  return { files, skipped, baseDirs: bases.map((b) => b.abs) };
}

function normalizeBaseText(text: string): string {
  const p = normalizePattern(text);
  return p === '' ? '.' : p;
}
