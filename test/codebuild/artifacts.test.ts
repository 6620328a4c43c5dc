/**
 * download-artifacts: a build's artifacts from (a fake) S3 into a folder. ZIP unpacked, NONE copied by prefix,
 * secondary artifacts and batch children in their folders, packaging found out when not known, entries that would
 * land outside the folder refused (nothing written outside), a missing object explained.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Build } from '../../src/aws/codebuild.js';
import type { DownloadRequest, S3DownloadApi, S3Object } from '../../src/aws/s3-read.js';
import { downloadArtifacts, packagingHints } from '../../src/codebuild/artifacts.js';
import { UserError } from '../../src/core/errors.js';
import { silentReporter, type Reporter } from '../../src/core/reporter.js';
import { writeZip } from '../../src/runner/zip.js';

/** An in-memory bucket behind S3DownloadApi; every call recorded. */
class FakeBucket implements S3DownloadApi {
  readonly objects = new Map<string, { body: Buffer; contentType?: string }>();
  readonly calls: string[] = [];
  constructor(readonly bucket = 'art') {}

  put(key: string, body: Buffer | string, contentType?: string): void {
    this.objects.set(key, { body: Buffer.from(body), ...(contentType ? { contentType } : {}) });
  }

  async downloadFile(request: DownloadRequest) {
    this.calls.push(`GetObject ${request.key}`);
    const o = request.bucket === this.bucket ? this.objects.get(request.key) : undefined;
    if (o === undefined) {
      throw new UserError(
        `reading s3://${request.bucket}/${request.key}: the object does not exist (NoSuchKey): the build uploaded no artifact there`,
      );
    }
    await writeFile(request.file, o.body);
    return { bytes: o.body.length, ...(o.contentType ? { contentType: o.contentType } : {}) };
  }

  async listObjects(bucket: string, prefix: string): Promise<S3Object[]> {
    this.calls.push(`ListObjectsV2 ${prefix}`);
    if (bucket !== this.bucket) return [];
    return [...this.objects].filter(([k]) => k.startsWith(prefix)).map(([key, o]) => ({ key, size: o.body.length }));
  }
}

/** A stored (uncompressed) ZIP with any names and modes, as a hostile archive can have them. */
function rawZip(entries: ReadonlyArray<{ name: string; data?: string; mode?: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data ?? '');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

let work: string;
let n = 0;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-artifacts-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh folder inside a fresh parent (so "nothing outside" can be checked on the parent). */
function fresh(): { parent: string; dest: string } {
  const parent = path.join(work, `case-${++n}`);
  return { parent, dest: path.join(parent, 'out') };
}

/** Every file below `dir`, relative, sorted. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

async function zipOf(files: Record<string, string>, modes: Record<string, number> = {}): Promise<Buffer> {
  const file = path.join(work, `zip-${++n}.zip`);
  await writeZip(
    file,
    Object.entries(files).map(([name, text]) => ({
      name,
      source: { kind: 'buffer' as const, data: Buffer.from(text) },
      ...(modes[name] !== undefined ? { mode: modes[name] } : {}),
    })),
  );
  return readFileSync(file);
}

function built(overrides: Partial<Build> = {}): Build {
  return { id: 'app:1', buildStatus: 'SUCCEEDED', ...overrides };
}

const deps = (s3: S3DownloadApi, reporter: Reporter = silentReporter) => ({ s3, reporter, tmpDir: work });

test('ZIP packaging: the object is unpacked into the folder, files and executable bits as archived', async () => {
  const s3 = new FakeBucket();
  s3.put(
    'app/out.zip',
    await zipOf({ 'bin/run.sh': '#!/bin/sh\n', 'dist/app.js': 'x', 'README.txt': 'hi' }, { 'bin/run.sh': 0o100755 }),
    'application/zip',
  );
  const { dest } = fresh();
  const got = await downloadArtifacts(
    [{ build: built({ artifacts: { location: 'arn:aws:s3:::art/app/out.zip' } }) }],
    dest,
    { ...deps(s3), hints: { primary: 'ZIP' } },
  );
  expect(got).toEqual({ path: dest, secondary: {}, files: 3 });
  expect(tree(dest)).toEqual(['README.txt', 'bin/run.sh', 'dist/app.js']);
  expect(readFileSync(path.join(dest, 'dist/app.js'), 'utf8')).toBe('x');
  expect(statSync(path.join(dest, 'bin/run.sh')).mode & 0o111).not.toBe(0);
  expect(statSync(path.join(dest, 'README.txt')).mode & 0o111).toBe(0);
  // The ZIP waited in the temporary folder only while it was unpacked.
  expect(readdirSync(work).filter((f) => f.startsWith('aws-cicd-artifact-'))).toEqual([]);
});

test('NONE packaging: every object under the prefix is copied as laid out (and nothing beside it)', async () => {
  const s3 = new FakeBucket();
  s3.put('app/site/index.html', '<p>');
  s3.put('app/site/css/a.css', 'a{}');
  s3.put('app/site/deep/er/x.bin', 'x');
  s3.put('app/site-other/no.txt', 'no');
  const { dest } = fresh();
  await downloadArtifacts([{ build: built({ artifacts: { location: 'arn:aws:s3:::art/app/site' } }) }], dest, {
    ...deps(s3),
    hints: { primary: 'NONE' },
  });
  expect(tree(dest)).toEqual(['css/a.css', 'deep/er/x.bin', 'index.html']);
  expect(s3.calls[0]).toBe('ListObjectsV2 app/site/');
});

test('packaging unknown: a ZIP found by its first bytes, a folder of objects when no object is at the location', async () => {
  const s3 = new FakeBucket();
  s3.put('app/a', await zipOf({ 'one.txt': '1' }), 'binary/octet-stream');
  s3.put('app/b/two.txt', '2');
  s3.put('app/c.txt', 'plain', 'text/plain');
  const { dest } = fresh();
  const got = await downloadArtifacts(
    [
      {
        build: built({
          artifacts: { location: 'arn:aws:s3:::art/app/a' },
          secondaryArtifacts: [
            { artifactIdentifier: 'bee', location: 'arn:aws:s3:::art/app/b' },
            { artifactIdentifier: 'sea', location: 'arn:aws:s3:::art/app/c.txt' },
          ],
        }),
      },
    ],
    dest,
    deps(s3),
  );
  expect(tree(dest)).toEqual(['bee/two.txt', 'one.txt', 'sea/c.txt']);
  expect(got.secondary).toEqual({ bee: path.join(dest, 'bee'), sea: path.join(dest, 'sea') });
});

test('secondary artifacts go to <folder>/<artifactIdentifier>/, their packaging from start-build-json', async () => {
  const hints = packagingHints(
    JSON.stringify({
      artifactsOverride: { type: 'S3', packaging: 'ZIP' },
      secondaryArtifactsOverride: [{ artifactIdentifier: 'docs', packaging: 'NONE' }],
    }),
  );
  expect(hints).toEqual({ primary: 'ZIP', secondary: { docs: 'NONE' } });
  const s3 = new FakeBucket();
  s3.put('p/main.zip', await zipOf({ 'app.js': 'a' }));
  s3.put('p/docs/index.md', '# doc');
  const { dest } = fresh();
  const got = await downloadArtifacts(
    [
      {
        build: built({
          artifacts: { location: 'arn:aws:s3:::art/p/main.zip' },
          secondaryArtifacts: [{ artifactIdentifier: 'docs', location: 'arn:aws:s3:::art/p/docs' }],
        }),
      },
    ],
    dest,
    { ...deps(s3), hints },
  );
  expect(tree(dest)).toEqual(['app.js', 'docs/index.md']);
  expect(got.secondary).toEqual({ docs: path.join(dest, 'docs') });
  // Known packaging: no probing GetObject on the NONE artifact's prefix.
  expect(s3.calls).toEqual(['GetObject p/main.zip', 'ListObjectsV2 p/docs/', 'GetObject p/docs/index.md']);
});

test('a batch: each child under <folder>/<identifier>/, its secondary artifacts below', async () => {
  const s3 = new FakeBucket();
  s3.put('b/linux.zip', await zipOf({ 'app-linux': 'L' }));
  s3.put('b/arm.zip', await zipOf({ 'app-arm': 'A' }));
  s3.put('b/arm-sym.zip', await zipOf({ 'syms.txt': 'S' }));
  const { dest } = fresh();
  const got = await downloadArtifacts(
    [
      { identifier: 'linux', build: built({ artifacts: { location: 'arn:aws:s3:::art/b/linux.zip' } }) },
      {
        identifier: 'arm',
        build: built({
          artifacts: { location: 'arn:aws:s3:::art/b/arm.zip' },
          secondaryArtifacts: [{ artifactIdentifier: 'symbols', location: 'arn:aws:s3:::art/b/arm-sym.zip' }],
        }),
      },
    ],
    dest,
    deps(s3),
  );
  expect(tree(dest)).toEqual(['arm/app-arm', 'arm/symbols/syms.txt', 'linux/app-linux']);
  expect(got.secondary).toEqual({
    linux: path.join(dest, 'linux'),
    arm: path.join(dest, 'arm'),
    'arm/symbols': path.join(dest, 'arm/symbols'),
  });
});

describe('zip-slip: an entry that would land outside the folder is refused, nothing written outside', () => {
  const cases: Array<[string, Parameters<typeof rawZip>[0], RegExp]> = [
    [
      'a ../ entry',
      [
        { name: 'ok.txt', data: 'ok' },
        { name: '../evil.txt', data: 'x' },
      ],
      /"\.\.\/evil\.txt".*"\.\."/,
    ],
    ['a deeper ../ entry', [{ name: 'a/../../evil.txt', data: 'x' }], /"a\/\.\.\/\.\.\/evil\.txt"/],
    ['an absolute path', [{ name: '/tmp/evil.txt', data: 'x' }], /"\/tmp\/evil\.txt" is an absolute path/],
    ['a Windows path', [{ name: '..\\evil.txt', data: 'x' }], /"\.\.\\evil\.txt" has a backslash/],
    [
      'a symbolic link entry',
      [
        { name: 'link', data: '../..', mode: 0o120777 },
        { name: 'link/evil.txt', data: 'x' },
      ],
      /"link" is a symbolic link/,
    ],
  ];
  test.each(cases)('%s', async (_what, entries, message) => {
    const s3 = new FakeBucket();
    s3.put('app/evil.zip', rawZip(entries));
    const { parent, dest } = fresh();
    await mkdir(parent, { recursive: true });
    const error = await downloadArtifacts(
      [{ build: built({ artifacts: { location: 'arn:aws:s3:::art/app/evil.zip' } }) }],
      dest,
      { ...deps(s3), hints: { primary: 'ZIP' } },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('s3://art/app/evil.zip');
    // Only the folder itself (and entries before the bad one, inside it) exist in the parent.
    expect(readdirSync(parent)).toEqual(['out']);
    expect(tree(parent).filter((f) => !f.startsWith('out/'))).toEqual([]);
    expect(existsSync(path.join(work, 'evil.txt'))).toBe(false);
    expect(existsSync('/tmp/evil.txt')).toBe(false);
  });

  test('a folder of the destination that is a symbolic link out of it', async () => {
    const s3 = new FakeBucket();
    s3.put('app/x.zip', rawZip([{ name: 'escape/evil.txt', data: 'x' }]));
    const { parent, dest } = fresh();
    const outside = path.join(parent, 'outside');
    await mkdir(outside, { recursive: true });
    await mkdir(dest, { recursive: true });
    symlinkSync(outside, path.join(dest, 'escape'));
    await expect(
      downloadArtifacts([{ build: built({ artifacts: { location: 'arn:aws:s3:::art/app/x.zip' } }) }], dest, {
        ...deps(s3),
        hints: { primary: 'ZIP' },
      }),
    ).rejects.toThrow(/"escape\/evil\.txt" would be written through .*escape, a symbolic link out of the folder/);
    expect(readdirSync(outside)).toEqual([]);
  });

  test('a NONE object key climbing out with ..', async () => {
    const s3 = new FakeBucket();
    s3.put('app/site/../../evil.txt', 'x');
    const { parent, dest } = fresh();
    await expect(
      downloadArtifacts([{ build: built({ artifacts: { location: 'arn:aws:s3:::art/app/site' } }) }], dest, {
        ...deps(s3),
        hints: { primary: 'NONE' },
      }),
    ).rejects.toThrow(/object "app\/site\/\.\.\/\.\.\/evil\.txt" would land outside/);
    expect(tree(parent)).toEqual([]);
  });
});

test('a missing object: an error naming bucket and key for a build that succeeded, a warning for one that failed', async () => {
  const s3 = new FakeBucket();
  const { dest } = fresh();
  const location = { artifacts: { location: 'arn:aws:s3:::art/app/gone.zip' } };
  // Packaging unknown: no object there, and none under it as a folder either.
  await expect(downloadArtifacts([{ build: built(location) }], dest, deps(s3))).rejects.toThrow(
    'reading s3://art/app/gone.zip: the object does not exist (NoSuchKey): the build uploaded no artifact there',
  );
  expect(s3.calls).toEqual(['GetObject app/gone.zip', 'ListObjectsV2 app/gone.zip/']);
  await expect(
    downloadArtifacts([{ build: built(location) }], dest, { ...deps(s3), hints: { primary: 'ZIP' } }),
  ).rejects.toThrow('reading s3://art/app/gone.zip: the object does not exist (NoSuchKey)');
  const warnings: string[] = [];
  const reporter = { ...silentReporter, warning: (m: string) => void warnings.push(m) };
  const got = await downloadArtifacts([{ build: built({ ...location, buildStatus: 'FAILED' }) }], dest, {
    ...deps(s3, reporter),
    hints: { primary: 'ZIP' },
  });
  expect(got.files).toBe(0);
  expect(warnings).toEqual(['no artifact at s3://art/app/gone.zip: the build did not succeed and uploaded none there']);
});

test('an identifier that is not a plain folder name is refused', async () => {
  const { dest } = fresh();
  await expect(
    downloadArtifacts(
      [{ build: built({ secondaryArtifacts: [{ artifactIdentifier: '..', location: 'arn:aws:s3:::art/x' }] }) }],
      dest,
      deps(new FakeBucket()),
    ),
  ).rejects.toThrow('secondary artifact identifier ".." cannot be a folder name');
});
