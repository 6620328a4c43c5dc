/**
 * Revision bundles as the CodeDeploy agent unpacks them: zip (APPNOTE: central directory, stored and deflated
 * entries, Unix modes from the external attributes, ZIP64 sizes), tar (ustar, with GNU long names and pax `path`
 * records) and tgz (gzip + tar). Entries are written under a destination directory; an entry that would land outside
 * it (absolute or `..` paths) is refused, as the unzip and tar the agent calls refuse them.
 *
 * After unpacking, a lone top-level directory that holds an appspec is made the archive root (the agent's "stripping
 * leading directory" step), which is what lets GitHub tarballs (`<owner>-<repo>-<sha>/…`) deploy.
 */
import { chmod, mkdir, readdir, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, posix, resolve, sep } from 'node:path';
import zlib from 'node:zlib';

export interface ArchiveEntry {
  /** `/`-separated path inside the archive. */
  name: string;
  type: 'file' | 'directory' | 'symlink';
  /** Permission bits (0o755 ...), when the archive records them. */
  mode?: number;
  data: Buffer;
}

export class ArchiveError extends Error {}

const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_LOCAL = 0x04034b50;

export function readZip(buf: Buffer): ArchiveEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError('End-of-central-directory signature not found: not a zip file');
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  // ZIP64: the locator sits right before the end record.
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    count = Number(buf.readBigUInt64LE(z64 + 32));
    offset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  const entries: ArchiveEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL)
      throw new ArchiveError('corrupt zip central directory');
    const madeBy = buf.readUInt16LE(p + 4) >> 8;
    const method = buf.readUInt16LE(p + 10);
    let compressed = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    let local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extended information: the 64-bit values present are those whose 32-bit field is all ones.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = (): number => {
          const v = Number(buf.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressed === 0xffffffff) compressed = next();
        if (local === 0xffffffff) local = next();
      }
      e += 4 + len;
    }
    p = extraEnd + commentLen;
    if (buf.readUInt32LE(local) !== SIG_LOCAL) throw new ArchiveError(`corrupt zip local header for ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) data = zlib.inflateRawSync(raw);
    else throw new ArchiveError(`unsupported zip compression method ${method} for ${name}`);
    if (data.length !== size) throw new ArchiveError(`zip entry ${name} has the wrong size`);
    const unixMode = madeBy === 3 ? external >>> 16 : 0;
    const fileType = unixMode & 0o170000;
    const type = name.endsWith('/') || fileType === 0o040000 ? 'directory' : fileType === 0o120000 ? 'symlink' : 'file';
    entries.push({ name, type, ...(unixMode ? { mode: unixMode & 0o7777 } : {}), data });
  }
  return entries;
}

export function readTar(buf: Buffer): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  let p = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  const field = (at: number, len: number): string => {
    const s = buf.toString('utf8', at, at + len);
    const nul = s.indexOf('\0');
    return nul < 0 ? s : s.slice(0, nul);
  };
  const octal = (at: number, len: number): number => {
    const s = field(at, len).trim();
    return s === '' ? 0 : parseInt(s, 8);
  };
  while (p + 512 <= buf.length) {
    const h = p;
    const header = buf.subarray(h, h + 512);
    if (header.every((b) => b === 0)) break;
    const stored = [...header].reduce((sum, b, i) => sum + (i >= 148 && i < 156 ? 32 : b), 0);
    if (stored !== octal(p + 148, 8)) throw new ArchiveError('This does not look like a tar archive');
    const size = octal(p + 124, 12);
    const flag = String.fromCharCode(header[156] ?? 0);
    const prefix = buf.toString('latin1', p + 257, p + 263).startsWith('ustar') ? field(p + 345, 155) : '';
    const base = field(p, 100);
    const data = buf.subarray(p + 512, p + 512 + size);
    p += 512 + Math.ceil(size / 512) * 512;
    if (flag === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (flag === 'x') {
      for (const m of data.toString('utf8').matchAll(/(\d+) path=([^\n]*)\n/g)) paxPath = m[2];
      continue;
    }
    if (flag === 'g') continue;
    const name = paxPath ?? longName ?? (prefix ? `${prefix}/${base}` : base);
    longName = paxPath = undefined;
    const mode = octal(h + 100, 8) & 0o7777;
    if (flag === '5') entries.push({ name, type: 'directory', mode, data: Buffer.alloc(0) });
    else if (flag === '2') {
      const target = field(h + 157, 100);
      entries.push({ name, type: 'symlink', data: Buffer.from(target, 'utf8') });
    } else if (flag === '0' || flag === '\0' || flag === '7') {
      entries.push({ name, type: 'file', mode, data: Buffer.from(data) });
    }
    // Hard links, devices and FIFOs are not part of a revision; skipped.
  }
  return entries;
}

/** The entries of a bundle by CodeDeploy bundle type (anything but zip and tgz is read as tar, as the agent does). */
export function readBundle(data: Buffer, bundleType: string | undefined): ArchiveEntry[] {
  if (bundleType === 'zip') return readZip(data);
  if (bundleType === 'tgz') {
    let tar: Buffer;
    try {
      tar = zlib.gunzipSync(data);
    } catch (e) {
      throw new ArchiveError(`gzip: stdin: not in gzip format (${(e as Error).message})`);
    }
    return readTar(tar);
  }
  return readTar(data);
}

/** Writes the entries under `dest` (created), refusing entries that would escape it. */
export async function extractEntries(entries: readonly ArchiveEntry[], dest: string): Promise<void> {
  const root = resolve(dest);
  await mkdir(root, { recursive: true });
  for (const entry of entries) {
    const rel = posix.normalize(entry.name.replace(/\\/g, '/')).replace(/^\.\/?/, '');
    if (rel === '' || rel === '.' || rel.endsWith('/.')) continue;
    const target = resolve(root, rel);
    if (posix.isAbsolute(entry.name) || (target !== root && !target.startsWith(root + sep))) {
      throw new ArchiveError(`refusing to unpack ${entry.name}: the path leaves the archive directory`);
    }
    if (entry.type === 'directory') {
      await mkdir(target, { recursive: true });
      if (entry.mode) await chmod(target, entry.mode | 0o700);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    if (entry.type === 'symlink') {
      await rm(target, { force: true });
      await symlink(entry.data.toString('utf8'), target);
      continue;
    }
    await writeFile(target, entry.data);
    if (entry.mode) await chmod(target, entry.mode);
  }
}

/**
 * The agent's last unpacking step: when the archive holds a single directory that contains an appspec (any name
 * matching /appspec/i), that directory becomes the archive root.
 */
export async function stripLeadingDirectory(dest: string): Promise<void> {
  const names = await readdir(dest);
  if (names.length !== 1) return;
  const only = join(dest, names[0] as string);
  if (!(await stat(only)).isDirectory()) return;
  if (!(await readdir(only)).some((n) => /appspec/i.test(n))) return;
  const temp = `${dest}-temp`;
  await rm(temp, { recursive: true, force: true });
  await rename(dest, temp);
  await rename(join(temp, names[0] as string), dest);
  await rm(temp, { recursive: true, force: true });
}
