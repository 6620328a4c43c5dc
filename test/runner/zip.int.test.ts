import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { writeZip, type ZipEntryInput } from '../../src/runner/zip.js';

/** Reads a ZIP with Python's zipfile (an independent reader): entries, modes, contents, CRC check. */
interface PyEntry {
  name: string;
  mode: number;
  size: number;
  system: number;
  method: number;
  utf8: boolean;
  date: number[];
  content: string;
}
function pyRead(zipPath: string): { bad: string | null; entries: PyEntry[] } {
  const script = [
    'import zipfile, json, sys, base64',
    'z = zipfile.ZipFile(sys.argv[1])',
    'out = {"bad": z.testzip(), "entries": []}',
    'for i in z.infolist():',
    '    data = z.read(i)',
    '    out["entries"].append({"name": i.filename, "mode": i.external_attr >> 16, "size": i.file_size,',
    '        "system": i.create_system, "method": i.compress_type, "utf8": bool(i.flag_bits & 0x800),',
    '        "date": list(i.date_time), "content": base64.b64encode(data).decode() if len(data) < 4096 else "<big>"})',
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, zipPath], { maxBuffer: 256 * 1024 * 1024 }).toString());
}

function unzipTest(zipPath: string): { ok: boolean; output: string } {
  const r = spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const haveUnzip = spawnSync('unzip', ['-v']).status === 0;
const haveZipTools = haveUnzip && spawnSync('python3', ['--version']).status === 0;
if (!haveZipTools) console.warn('unzip or python3 missing: the ZIP reader tests are skipped');
const describeZip = haveZipTools ? describe : describe.skip;

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'zip-test-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describeZip('writeZip read back by unzip and Python zipfile', () => {
  test('files, modes, symlinks, UTF-8 names, empty files, sorted order, mtimes', async () => {
    const text = path.join(tmp, 'text.txt');
    writeFileSync(text, 'hello '.repeat(500));
    const script = path.join(tmp, 'run.sh');
    writeFileSync(script, '#!/bin/sh\necho hi\n');
    chmodSync(script, 0o755);
    const empty = path.join(tmp, 'empty');
    writeFileSync(empty, '');
    const link = path.join(tmp, 'link');
    symlinkSync('text.txt', link);
    const mtime = new Date('2021-03-04T05:06:08Z');
    utimesSync(text, mtime, mtime);
    const zipPath = path.join(tmp, 'out.zip');
    const result = await writeZip(zipPath, [
      { name: 'z/run.sh', source: { kind: 'file', path: script } },
      { name: 'a/text.txt', source: { kind: 'file', path: text } },
      { name: 'empty', source: { kind: 'file', path: empty } },
      { name: 'link', source: { kind: 'symlink', path: link } },
      { name: 'ünïcødé/日本.txt', source: { kind: 'buffer', data: Buffer.from('utf8') } },
    ]);
    expect(result).toMatchObject({ entries: 5, zip64: false });
    expect(statSync(zipPath).size).toBe(result.bytes);
    expect(unzipTest(zipPath).ok).toBe(true);
    const py = pyRead(zipPath);
    expect(py.bad).toBeNull();
    expect(py.entries.map((e) => e.name)).toEqual(['a/text.txt', 'empty', 'link', 'z/run.sh', 'ünïcødé/日本.txt']);
    const by = Object.fromEntries(py.entries.map((e) => [e.name, e]));
    expect(by['a/text.txt']).toMatchObject({
      mode: 0o100644,
      system: 3,
      method: 8,
      utf8: true,
      content: b64('hello '.repeat(500)),
    });
    expect(by['z/run.sh']).toMatchObject({ mode: 0o100755, content: b64('#!/bin/sh\necho hi\n') });
    expect(by['empty']).toMatchObject({ size: 0, method: 0, content: '' });
    expect(by['link']).toMatchObject({ mode: 0o120777, content: b64('text.txt') });
    expect(by['ünïcødé/日本.txt']?.content).toBe(b64('utf8'));

    // unzip restores the link as a link and the exact mtime (from the extended-timestamp field).
    const dest = path.join(tmp, 'x');
    execFileSync('unzip', ['-q', zipPath, '-d', dest]);
    expect(statSync(path.join(dest, 'a/text.txt')).mtime.getTime()).toBe(mtime.getTime());
    expect(lstatSync(path.join(dest, 'link')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dest, 'link'))).toBe('text.txt');
    expect(statSync(path.join(dest, 'z/run.sh')).mode & 0o777).toBe(0o755);
  });

  test('streamed files: compressible deflated, incompressible stored, contents exact', async () => {
    const big = path.join(tmp, 'big.txt');
    writeFileSync(big, Array.from({ length: 200_000 }, (_, i) => `line ${i}\n`).join(''));
    const random = path.join(tmp, 'random.bin');
    const bytes = randomBytes(3 * 1024 * 1024);
    writeFileSync(random, bytes);
    const zipPath = path.join(tmp, 'out.zip');
    await writeZip(
      zipPath,
      [
        { name: 'big.txt', source: { kind: 'file', path: big } },
        { name: 'random.bin', source: { kind: 'file', path: random } },
      ],
      { streamThreshold: 1024 },
    );
    expect(unzipTest(zipPath).ok).toBe(true);
    const py = pyRead(zipPath);
    expect(py.bad).toBeNull();
    expect(py.entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['big.txt', 8, statSync(big).size],
      ['random.bin', 0, bytes.length],
    ]);
    expect(execFileSync('unzip', ['-p', zipPath, 'random.bin'], { maxBuffer: 8 << 20 }).equals(bytes)).toBe(true);
  });

  test('ZIP64 forced on small entries (memory and streamed) is read by both readers', async () => {
    const file = path.join(tmp, 'f.txt');
    writeFileSync(file, 'abc'.repeat(5000));
    const zipPath = path.join(tmp, 'out.zip');
    const result = await writeZip(
      zipPath,
      [
        { name: 'a.txt', source: { kind: 'buffer', data: Buffer.from('a') } },
        { name: 'f.txt', source: { kind: 'file', path: file } },
        { name: 's.txt', source: { kind: 'file', path: file } },
      ],
      { forceZip64: true, streamThreshold: 10_000 },
    );
    expect(result.zip64).toBe(true);
    expect(unzipTest(zipPath)).toEqual({ ok: true, output: expect.any(String) });
    const py = pyRead(zipPath);
    expect(py.bad).toBeNull();
    expect(py.entries.map((e) => [e.name, e.size])).toEqual([
      ['a.txt', 1],
      ['f.txt', 15000],
      ['s.txt', 15000],
    ]);
  });

  test('more than 65,535 entries switches to ZIP64 end records', async () => {
    const count = 65_600;
    const entries: ZipEntryInput[] = Array.from({ length: count }, (_, i) => ({
      name: `d${i % 50}/f${i}`,
      source: { kind: 'buffer', data: Buffer.from(String(i)) },
    }));
    const zipPath = path.join(tmp, 'many.zip');
    const result = await writeZip(zipPath, entries);
    expect(result).toMatchObject({ entries: count, zip64: true });
    expect(unzipTest(zipPath).ok).toBe(true);
    const py = execFileSync('python3', [
      '-c',
      'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(len(z.infolist()), z.read("d7/f65507").decode())',
      zipPath,
    ]).toString();
    expect(py.trim()).toBe(`${count} 65507`);
  });

  test('the same input gives the same bytes', async () => {
    const entries: ZipEntryInput[] = [
      { name: 'b', source: { kind: 'buffer', data: Buffer.from('bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb') } },
      { name: 'a', source: { kind: 'buffer', data: Buffer.from('a') }, mtime: new Date('2020-01-01T00:00:00Z') },
    ];
    await writeZip(path.join(tmp, '1.zip'), entries);
    await writeZip(path.join(tmp, '2.zip'), [...entries].reverse());
    expect(readFileSync(path.join(tmp, '1.zip')).equals(readFileSync(path.join(tmp, '2.zip')))).toBe(true);
  });

  // Real >4 GiB entry: sparse file, about a minute of CPU. Opt in with AWS_CICD_SLOW_TESTS=1.
  (process.env.AWS_CICD_SLOW_TESTS === '1' ? test : test.skip)(
    'an entry past 4 GiB is written with ZIP64 sizes',
    async () => {
      const huge = path.join(tmp, 'huge.bin');
      writeFileSync(huge, '');
      truncateSync(huge, 4 * 1024 ** 3 + 12345);
      const zipPath = path.join(tmp, 'huge.zip');
      const result = await writeZip(zipPath, [{ name: 'huge.bin', source: { kind: 'file', path: huge } }]);
      expect(result.zip64).toBe(true);
      expect(unzipTest(zipPath).ok).toBe(true);
      const script = 'import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).infolist()[0].file_size)';
      expect(execFileSync('python3', ['-c', script, zipPath]).toString().trim()).toBe(String(4 * 1024 ** 3 + 12345));
    },
    600_000,
  );
});

describe('writeZip input checks', () => {
  test('duplicate and unsafe names are refused, and no file is left behind', async () => {
    const zipPath = path.join(tmp, 'bad.zip');
    const data = { kind: 'buffer', data: Buffer.from('x') } as const;
    await expect(
      writeZip(zipPath, [
        { name: 'a', source: data },
        { name: 'a', source: data },
      ]),
    ).rejects.toThrow('duplicate ZIP entry name: a');
    await expect(writeZip(zipPath, [{ name: '../evil', source: data }])).rejects.toThrow('invalid ZIP entry name');
    await expect(writeZip(zipPath, [{ name: '/abs', source: data }])).rejects.toThrow('invalid ZIP entry name');
    await expect(
      writeZip(zipPath, [{ name: 'missing', source: { kind: 'file', path: path.join(tmp, 'nope') } }]),
    ).rejects.toThrow('ENOENT');
    expect(execFileSync('ls', ['-A', tmp]).toString()).toBe('');
  });
});
