import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CacheSpec } from '../../src/buildspec/types.js';
import {
  defaultCacheDir,
  formatBytes,
  hashFiles,
  listCacheEntries,
  restoreCache,
  saveCache,
  type CacheOptions,
} from '../../src/runner/cache.js';

function write(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

const spec = (paths: string[], more: Partial<CacheSpec> = {}): CacheSpec => ({ paths, fallbackKeys: [], ...more });

let tmp: string;
let cacheDir: string;
let lines: string[];
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cache-test-'));
  cacheDir = path.join(tmp, 'cache');
  lines = [];
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

/** A fresh source directory per build, as CodeBuild gives; `evals` maps key texts to their shell value. */
function build(name: string, evals: Record<string, string> = {}): CacheOptions & { src: string } {
  const src = path.join(tmp, name);
  mkdirSync(src, { recursive: true });
  return {
    src,
    cacheDir,
    project: 'shop',
    srcDir: src,
    env: { OUTSIDE: path.join(tmp, 'outside') },
    log: (l) => lines.push(l),
    shellEval: async (text) => evals[text] ?? text,
  };
}

describe('saveCache / restoreCache', () => {
  test('without key: the project entry round-trips files, links, modes and mtimes into a new source dir', async () => {
    const first = build('b1');
    write(first.src, {
      'node_modules/a/index.js': 'A',
      'node_modules/a/bin.js': '#!/usr/bin/env node',
      'other.txt': 'x',
    });
    chmodSync(path.join(first.src, 'node_modules/a/bin.js'), 0o755);
    mkdirSync(path.join(first.src, 'node_modules/.bin'));
    symlinkSync('../a/bin.js', path.join(first.src, 'node_modules/.bin/a'));
    const when = new Date('2022-02-02T02:02:02Z');
    utimesSync(path.join(first.src, 'node_modules/a/index.js'), when, when);
    write(path.join(tmp, 'outside'), { 'm2/repo/lib.jar': 'JAR' });

    const saved = await saveCache(spec(['node_modules/**/*', '$OUTSIDE/m2/**/*']), first);
    expect(saved).toEqual({ status: 'SAVED', files: 4, bytes: 'A'.length + '#!/usr/bin/env node'.length + 3 });
    expect(lines).toEqual(['Saved 4 file(s) (23 B) to the cache of project shop']);

    rmSync(path.join(tmp, 'outside'), { recursive: true });
    lines = [];
    const second = build('b2');
    const restored = await restoreCache(spec(['node_modules/**/*']), second);
    expect(restored).toEqual({ status: 'HIT', files: 4, bytes: 23 });
    expect(lines).toEqual(['Restored 4 file(s) (23 B) from the cache of project shop']);
    expect(readFileSync(path.join(second.src, 'node_modules/a/index.js'), 'utf8')).toBe('A');
    expect(statSync(path.join(second.src, 'node_modules/a/bin.js')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(second.src, 'node_modules/a/index.js')).mtime.getTime()).toBe(when.getTime());
    expect(lstatSync(path.join(second.src, 'node_modules/.bin/a')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(second.src, 'node_modules/.bin/a'))).toBe('../a/bin.js');
    expect(readFileSync(path.join(tmp, 'outside/m2/repo/lib.jar'), 'utf8')).toBe('JAR');
    expect(existsSync(path.join(second.src, 'other.txt'))).toBe(false);
  });

  test('a project entry is replaced by the next save', async () => {
    const b = build('b1');
    write(b.src, { 'deps/v1.txt': '1' });
    await saveCache(spec(['deps/**/*']), b);
    rmSync(path.join(b.src, 'deps'), { recursive: true });
    write(b.src, { 'deps/v2.txt': '2' });
    await saveCache(spec(['deps/**/*']), b);
    const next = build('b2');
    await restoreCache(spec(['deps/**/*']), next);
    expect(readdirSync(path.join(next.src, 'deps'))).toEqual(['v2.txt']);
    expect(readdirSync(path.join(cacheDir, 'tmp'))).toEqual([]);
  });

  test('keyed: miss, then save, then hit; a keyed entry is immutable', async () => {
    const evals = { 'npm-$(codebuild-hash-files package-lock.json)': 'npm-abc' };
    const s = spec(['node_modules/**/*'], { key: 'npm-$(codebuild-hash-files package-lock.json)' });
    const b1 = build('b1', evals);
    expect(await restoreCache(s, b1)).toEqual({ status: 'MISS', key: 'npm-abc', files: 0, bytes: 0 });
    expect(lines).toEqual(['Cache key: npm-abc', 'No cache found for key npm-abc']);

    write(b1.src, { 'node_modules/x.js': 'first' });
    expect(await saveCache(s, b1)).toMatchObject({ status: 'SAVED', key: 'npm-abc', files: 1 });
    write(b1.src, { 'node_modules/x.js': 'second' });
    lines = [];
    expect(await saveCache(s, b1)).toMatchObject({ status: 'EXISTS', key: 'npm-abc', files: 0 });
    expect(lines).toEqual(['Cache with key npm-abc already exists; a keyed cache is immutable, not saving']);

    const b2 = build('b2', evals);
    expect(await restoreCache(s, b2)).toMatchObject({
      status: 'HIT',
      key: 'npm-abc',
      restoredKey: 'npm-abc',
      files: 1,
    });
    expect(readFileSync(path.join(b2.src, 'node_modules/x.js'), 'utf8')).toBe('first');
  });

  test('fallback keys: prefix match, newest entry wins, tried in order; ignored when the key hits', async () => {
    const b = build('b1', { K1: 'npm-linux-111', K2: 'npm-linux-222', K3: 'npm-mac-333', NEW: 'npm-linux-999' });
    for (const [key, content] of [
      ['K1', 'one'],
      ['K2', 'two'],
      ['K3', 'three'],
    ] as const) {
      write(b.src, { 'cache/f.txt': content });
      await saveCache(spec(['cache/**/*'], { key }), b);
      await new Promise((r) => setTimeout(r, 5)); // distinct creation times
    }
    lines = [];
    const b2 = build('b2', { NEW: 'npm-linux-999', P1: 'npm-windows-', P2: 'npm-linux-', P3: 'npm-' });
    const result = await restoreCache(spec(['cache/**/*'], { key: 'NEW', fallbackKeys: ['P1', 'P2', 'P3'] }), b2);
    expect(result).toMatchObject({ status: 'FALLBACK', key: 'npm-linux-999', restoredKey: 'npm-linux-222' });
    expect(readFileSync(path.join(b2.src, 'cache/f.txt'), 'utf8')).toBe('two');
    expect(lines).toContain('Cache key npm-linux-999 not found; using fallback key npm-linux-: npm-linux-222');

    const b3 = build('b3', { K1: 'npm-linux-111', P3: 'npm-' });
    expect(await restoreCache(spec(['cache/**/*'], { key: 'K1', fallbackKeys: ['P3'] }), b3)).toMatchObject({
      status: 'HIT',
      restoredKey: 'npm-linux-111',
    });
    const b4 = build('b4', { NONE: 'pip-1', P: 'pip-' });
    expect(await restoreCache(spec(['cache/**/*'], { key: 'NONE', fallbackKeys: ['P'] }), b4)).toMatchObject({
      status: 'MISS',
    });
  });

  test('action restore only restores, action save only saves', async () => {
    const b = build('b1');
    write(b.src, { 'c/a.txt': 'a' });
    expect(await saveCache(spec(['c/**/*'], { action: 'restore' }), b)).toMatchObject({ status: 'SKIPPED' });
    expect(lines).toEqual(['Skip cache save due to: cache action is restore']);
    expect(existsSync(cacheDir)).toBe(false);
    expect(await saveCache(spec(['c/**/*'], { action: 'save' }), b)).toMatchObject({ status: 'SAVED' });
    lines = [];
    const b2 = build('b2');
    expect(await restoreCache(spec(['c/**/*'], { action: 'save' }), b2)).toMatchObject({ status: 'SKIPPED' });
    expect(lines).toEqual(['Skip cache restore due to: cache action is save']);
    expect(existsSync(path.join(b2.src, 'c'))).toBe(false);
    expect(await restoreCache(spec(['c/**/*'], { action: 'restore' }), b2)).toMatchObject({ status: 'HIT', files: 1 });
  });

  test('no cache, no paths, nothing matched, empty key', async () => {
    const b = build('b1', { EMPTY: '  ' });
    expect(await restoreCache(undefined, b)).toMatchObject({ status: 'SKIPPED' });
    expect(await saveCache(spec([]), b)).toMatchObject({ status: 'SKIPPED' });
    expect(await saveCache(spec(['nothing/**/*']), b)).toMatchObject({ status: 'EMPTY' });
    expect(await saveCache(spec(['x'], { key: 'EMPTY' }), b)).toMatchObject({ status: 'SKIPPED' });
    expect(lines).toEqual([
      'Cache is not defined in the buildspec',
      'Skip cache due to: no paths specified to be cached',
      'Skip cache save due to: no files matched the cache paths',
      'Skip cache due to: cache key "EMPTY" evaluated to an empty string',
    ]);
  });

  test('restoring replaces a link standing where a cached file goes instead of writing through it', async () => {
    const b = build('b1');
    write(b.src, { 'c/f.txt': 'cached' });
    await saveCache(spec(['c/**/*']), b);
    const b2 = build('b2');
    write(b2.src, { 'victim.txt': 'keep me' });
    mkdirSync(path.join(b2.src, 'c'));
    symlinkSync(path.join(b2.src, 'victim.txt'), path.join(b2.src, 'c/f.txt'));
    await restoreCache(spec(['c/**/*']), b2);
    expect(readFileSync(path.join(b2.src, 'victim.txt'), 'utf8')).toBe('keep me');
    expect(lstatSync(path.join(b2.src, 'c/f.txt')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(b2.src, 'c/f.txt'), 'utf8')).toBe('cached');
  });

  test('errors are logged and returned, never thrown (a cache problem does not fail the build)', async () => {
    const b = {
      ...build('b1'),
      shellEval: async (): Promise<string> => {
        throw new Error('sh: codebuild-hash-files: not found');
      },
    };
    expect(await restoreCache(spec(['x'], { key: 'k-$(codebuild-hash-files x)' }), b)).toEqual({
      status: 'FAILED',
      error: 'cache key "k-$(codebuild-hash-files x)" could not be evaluated: sh: codebuild-hash-files: not found',
      files: 0,
      bytes: 0,
    });
    write(b.src, { 'c/a.txt': 'a' });
    writeFileSync(path.join(tmp, 'not-a-dir'), '');
    const blocked = { ...b, cacheDir: path.join(tmp, 'not-a-dir') };
    const saved = await saveCache(spec(['c/**/*']), blocked);
    expect(saved.status).toBe('FAILED');
    expect(lines).toEqual([
      'Unable to restore cache: cache key "k-$(codebuild-hash-files x)" could not be evaluated: sh: codebuild-hash-files: not found',
      expect.stringMatching(/^Unable to save cache: (ENOTDIR|EEXIST): /),
    ]);
  });

  test('listCacheEntries reports keys, projects and sizes', async () => {
    const b = build('b1', { K: 'k-1' });
    write(b.src, { 'c/a.txt': 'aaaa' });
    await saveCache(spec(['c/**/*']), b);
    await saveCache(spec(['c/**/*'], { key: 'K' }), b);
    const entries = await listCacheEntries(cacheDir);
    expect(entries.map((e) => [e.key ?? `project:${e.project ?? ''}`, e.files, e.bytes]).sort()).toEqual([
      ['k-1', 1, 4],
      ['project:shop', 1, 4],
    ]);
  });
});

describe('hashFiles (codebuild-hash-files)', () => {
  test('SHA-256 over the matched files in path order; changes with content and with the file set', async () => {
    const dir = path.join(tmp, 'h');
    write(dir, { 'package-lock.json': '{"a":1}', 'sub/b.lock': 'b', 'sub/c.lock': 'c' });
    const sha = (data: string | Buffer): Buffer => createHash('sha256').update(data).digest();
    const expected = createHash('sha256')
      .update(Buffer.concat([sha('{"a":1}'), sha('b'), sha('c')]))
      .digest('hex');
    expect(await hashFiles(['sub/*.lock', 'package-lock.json'], dir)).toBe(expected);
    expect(await hashFiles(['package-lock.json', 'sub/*.lock'], dir)).toBe(expected);
    const one = await hashFiles(['package-lock.json'], dir);
    expect(one).toBe(createHash('sha256').update(sha('{"a":1}')).digest('hex'));
    write(dir, { 'package-lock.json': '{"a":2}' });
    expect(await hashFiles(['package-lock.json'], dir)).not.toBe(one);
    expect(await hashFiles(['none/*'], dir)).toBe(createHash('sha256').digest('hex'));
  });
});

describe('helpers', () => {
  test('defaultCacheDir: XDG_CACHE_HOME when absolute, else ~/.cache', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/aws-cicd');
    expect(defaultCacheDir(new Map([['HOME', '/home/u']]))).toBe('/home/u/.cache/aws-cicd');
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.cache/aws-cicd');
  });

  test('formatBytes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
  });
});
