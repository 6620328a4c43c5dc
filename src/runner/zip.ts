/**
 * A small streaming ZIP writer for build artifacts (APPNOTE 6.3.x subset).
 *
 * - Entries are written in sorted name order (deterministic output for the same files).
 * - Deflate (node:zlib) when it saves bytes, else stored; CRC-32 via zlib.crc32.
 * - Large files are streamed from disk (never held in memory): the local header is written first and patched with
 *   the CRC and sizes afterwards (the output is a seekable file, so no data descriptors are needed).
 * - ZIP64 records when needed: more than 65,535 entries, an entry or an offset past 4 GiB.
 * - Unix metadata: "version made by" is Unix, the file mode (type and permission bits) is in the external
 *   attributes, symbolic links are entries of mode 0120777 whose content is the link target.
 * - Names are flagged UTF-8 (general purpose bit 11); mtimes as MS-DOS local time plus an extended-timestamp
 *   extra field (0x5455, UTC seconds) that Info-ZIP's unzip restores exactly.
 * - The file appears atomically: written to a temporary name beside the target, then renamed.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { lstat, open, readlink, rename, unlink, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import { compareNames, createYielder } from './glob.js';

const deflateRaw = promisify(zlib.deflateRaw);

export type ZipSource =
  /** A regular file on disk, read (and streamed when large) at write time; `path` may be a link to one. */
  | { readonly kind: 'file'; readonly path: string }
  /** A symbolic link on disk, stored as a link (its target text), not followed. */
  | { readonly kind: 'symlink'; readonly path: string }
  /** Contents in memory. */
  | { readonly kind: 'buffer'; readonly data: Uint8Array };

export interface ZipEntryInput {
  /** `/`-separated path inside the archive; no leading `/`, no `.`/`..` segments. */
  readonly name: string;
  readonly source: ZipSource;
  /** Full st_mode (type + permissions). Default: from disk, or 0100644 for buffers. */
  readonly mode?: number;
  /** Default: from disk, or 1980-01-01 for buffers. */
  readonly mtime?: Date;
}

export interface ZipOptions {
  /** zlib level, default 6. */
  readonly level?: number;
  /** Write ZIP64 extra fields and end records even when not needed (to exercise that path in tests). */
  readonly forceZip64?: boolean;
  /** Files up to this size are read whole and compressed in memory; larger ones are streamed. Default 4 MiB. */
  readonly streamThreshold?: number;
}

export interface ZipResult {
  readonly entries: number;
  /** Size of the archive in bytes. */
  readonly bytes: number;
  /** Sum of the uncompressed sizes. */
  readonly uncompressedBytes: number;
  readonly zip64: boolean;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** A streamed file this large may deflate past 4 GiB: reserve a ZIP64 extra field in its local header. */
const ZIP64_LOCAL_RESERVE = 0xf0000000;
const FLAG_UTF8 = 0x0800;
const MADE_BY_UNIX = (3 << 8) | 45;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const PREFETCH = 16;
/** Below this size deflate saves next to nothing: store. */
const MIN_DEFLATE = 128;

/** What a local header and a central directory record both say about an entry. */
interface EntryFields {
  readonly name: Buffer;
  readonly method: number;
  readonly dosTime: number;
  readonly dosDate: number;
  readonly unixTime: number | undefined;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
}

interface CentralRecord extends EntryFields {
  readonly offset: number;
  readonly mode: number;
}

/** An entry ready to write: either its bytes in memory or a file to stream. */
type Prepared =
  | {
      readonly kind: 'memory';
      readonly name: Buffer;
      readonly mode: number;
      readonly mtime: Date;
      readonly method: number;
      readonly crc: number;
      readonly size: number;
      readonly data: Uint8Array;
    }
  | {
      readonly kind: 'stream';
      readonly name: Buffer;
      readonly mode: number;
      readonly mtime: Date;
      readonly path: string;
      readonly size: number;
    };

/** Writes `entries` (any order; sorted by name here) into the ZIP file `outFile`. Duplicate names are an error. */
export async function writeZip(
  outFile: string,
  entries: readonly ZipEntryInput[],
  options: ZipOptions = {},
): Promise<ZipResult> {
  const sorted = [...entries].sort((a, b) => compareNames(a.name, b.name));
  for (let i = 0; i < sorted.length; i++) {
    const name = (sorted[i] as ZipEntryInput).name;
    checkName(name);
    if (i > 0 && (sorted[i - 1] as ZipEntryInput).name === name) throw new Error(`duplicate ZIP entry name: ${name}`);
  }
  const tmp = `${outFile}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const fh = await open(tmp, 'w');
  try {
    const writer = new ZipWriter(fh, options);
    const prepare = (entry: ZipEntryInput): Promise<Prepared> => prepareEntry(entry, options);
    // Read and compress a few entries ahead while earlier ones are written.
    const pending: Promise<Prepared>[] = [];
    let next = 0;
    const fill = (): void => {
      while (pending.length < PREFETCH && next < sorted.length) {
        const p = prepare(sorted[next++] as ZipEntryInput);
        p.catch(() => undefined); // awaited below; avoid an unhandled rejection while queued
        pending.push(p);
      }
    };
    fill();
    const pause = createYielder();
    while (pending.length > 0) {
      const prepared = await (pending.shift() as Promise<Prepared>);
      fill();
      await writer.add(prepared);
      await pause();
    }
    const result = await writer.finish();
    await fh.close();
    await rename(tmp, outFile);
    return result;
  } catch (error) {
    await fh.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}

function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || name.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`invalid ZIP entry name: ${JSON.stringify(name)}`);
  }
}

async function prepareEntry(entry: ZipEntryInput, options: ZipOptions): Promise<Prepared> {
  const name = Buffer.from(entry.name, 'utf8');
  const level = options.level ?? 6;
  const source = entry.source;
  if (source.kind === 'symlink') {
    const st = await lstat(source.path);
    const target = Buffer.from(await readlink(source.path), 'utf8');
    const mode = entry.mode ?? S_IFLNK | (st.mode & 0o7777);
    return memory(name, mode, entry.mtime ?? st.mtime, target, 0);
  }
  if (source.kind === 'buffer') {
    return memory(name, entry.mode ?? S_IFREG | 0o644, entry.mtime ?? new Date(1980, 0, 1), source.data, level);
  }
  // Synchronous open/fstat/read: for many small files several times faster than fs.promises (see writeZip).
  const fd = openSync(source.path, 'r');
  let data: Buffer;
  let st: Stats;
  try {
    st = fstatSync(fd);
    const mode = entry.mode ?? st.mode;
    const mtime = entry.mtime ?? st.mtime;
    if (st.size > (options.streamThreshold ?? 4 * 1024 * 1024)) {
      return { kind: 'stream', name, mode, mtime, path: source.path, size: st.size };
    }
    data = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, data, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read < st.size) data = data.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  return memory(name, entry.mode ?? st.mode, entry.mtime ?? st.mtime, data, level);
}

async function memory(name: Buffer, mode: number, mtime: Date, data: Uint8Array, level: number): Promise<Prepared> {
  const crc = zlib.crc32(data);
  if (data.length >= MIN_DEFLATE && level > 0) {
    // A window just larger than the data compresses identically and sets up much faster for small files.
    const windowBits = Math.max(9, Math.min(15, Math.ceil(Math.log2(data.length + 262))));
    // Small inputs: a smaller hash table too (same output size in practice, a third less set-up time).
    const deflated =
      data.length < 64 * 1024
        ? zlib.deflateRawSync(data, { level, windowBits, memLevel: 5 })
        : await deflateRaw(data, { level, windowBits });
    if (deflated.length < data.length) {
      return { kind: 'memory', name, mode, mtime, method: 8, crc, size: data.length, data: deflated };
    }
  }
  return { kind: 'memory', name, mode, mtime, method: 0, crc, size: data.length, data };
}

class ZipWriter {
  private readonly records: CentralRecord[] = [];
  private chunks: Uint8Array[] = [];
  private chunkBytes = 0;
  /** Bytes already on disk. */
  private flushed = 0;
  private uncompressed = 0;

  constructor(
    private readonly fh: FileHandle,
    private readonly options: ZipOptions,
  ) {}

  private get offset(): number {
    return this.flushed + this.chunkBytes;
  }

  private push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.chunkBytes += chunk.length;
  }

  private async flushIfFull(): Promise<void> {
    if (this.chunkBytes >= 1024 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.chunkBytes === 0) return;
    const data = this.chunks.length === 1 ? (this.chunks[0] as Uint8Array) : Buffer.concat(this.chunks);
    await writeFully(this.fh, data, this.flushed);
    this.flushed += data.length;
    this.chunks = [];
    this.chunkBytes = 0;
  }

  async add(entry: Prepared): Promise<void> {
    const { dosTime, dosDate } = dosDateTime(entry.mtime);
    const unixTime = unixSeconds(entry.mtime);
    const offset = this.offset;
    if (entry.kind === 'memory') {
      const fields: EntryFields = {
        name: entry.name,
        method: entry.method,
        dosTime,
        dosDate,
        unixTime,
        crc: entry.crc,
        compressedSize: entry.data.length,
        size: entry.size,
      };
      this.push(localHeader({ ...fields, zip64: this.options.forceZip64 === true }));
      this.push(entry.data);
      this.uncompressed += entry.size;
      this.records.push({ ...fields, offset, mode: entry.mode });
      await this.flushIfFull();
      return;
    }
    // Streamed: header with placeholders, data, then patch CRC and sizes in place.
    await this.flush();
    const level = this.options.level ?? 6;
    const method = level > 0 && (await worthDeflating(entry.path, level)) ? 8 : 0;
    const zip64 = this.options.forceZip64 === true || entry.size >= ZIP64_LOCAL_RESERVE;
    const header = localHeader({
      name: entry.name,
      method,
      dosTime,
      dosDate,
      unixTime,
      crc: 0,
      compressedSize: 0,
      size: 0,
      zip64,
    });
    await writeFully(this.fh, header, this.flushed);
    this.flushed += header.length;
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const fh = this.fh;
    let position = this.flushed;
    const checksum = async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of source) {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
    };
    const sink = async (source: AsyncIterable<Buffer>): Promise<void> => {
      for await (const chunk of source) {
        await writeFully(fh, chunk, position);
        position += chunk.length;
        compressedSize += chunk.length;
      }
    };
    const input = createReadStream(entry.path, { highWaterMark: 1024 * 1024 });
    if (method === 8) await pipeline(input, checksum, zlib.createDeflateRaw({ level }), sink);
    else await pipeline(input, checksum, sink);
    this.flushed = position;
    if (!zip64 && (size >= MAX32 || compressedSize >= MAX32)) {
      throw new Error(`${entry.path} grew past 4 GiB while being archived`);
    }
    const patch = Buffer.alloc(12);
    patch.writeUInt32LE(crc >>> 0, 0);
    patch.writeUInt32LE(zip64 ? MAX32 : compressedSize, 4);
    patch.writeUInt32LE(zip64 ? MAX32 : size, 8);
    await writeFully(this.fh, patch, offset + 14);
    if (zip64) {
      const sizes = Buffer.alloc(16);
      sizes.writeBigUInt64LE(BigInt(size), 0);
      sizes.writeBigUInt64LE(BigInt(compressedSize), 8);
      // Local ZIP64 extra field comes first in the extra block: after its 4-byte tag and length.
      await writeFully(this.fh, sizes, offset + 30 + entry.name.length + 4);
    }
    this.uncompressed += size;
    this.records.push({
      name: entry.name,
      method,
      dosTime,
      dosDate,
      unixTime,
      crc: crc >>> 0,
      compressedSize,
      size,
      offset,
      mode: entry.mode,
    });
  }

  async finish(): Promise<ZipResult> {
    const force = this.options.forceZip64 === true;
    const cdOffset = this.offset;
    for (const record of this.records) {
      this.push(centralHeader(record, force));
      await this.flushIfFull();
    }
    const cdSize = this.offset - cdOffset;
    const count = this.records.length;
    const zip64 = force || count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32 || this.records.some(needsZip64);
    if (zip64) {
      const eocd64Offset = this.offset;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(SIG_ZIP64_EOCD, 0);
      rec.writeBigUInt64LE(44n, 4);
      rec.writeUInt16LE(MADE_BY_UNIX, 12);
      rec.writeUInt16LE(45, 14);
      rec.writeUInt32LE(0, 16);
      rec.writeUInt32LE(0, 20);
      rec.writeBigUInt64LE(BigInt(count), 24);
      rec.writeBigUInt64LE(BigInt(count), 32);
      rec.writeBigUInt64LE(BigInt(cdSize), 40);
      rec.writeBigUInt64LE(BigInt(cdOffset), 48);
      this.push(rec);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(SIG_ZIP64_LOCATOR, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(eocd64Offset), 8);
      locator.writeUInt32LE(1, 16);
      this.push(locator);
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(SIG_EOCD, 0);
    eocd.writeUInt16LE(0, 4);
    eocd.writeUInt16LE(0, 6);
    eocd.writeUInt16LE(zip64 ? MAX16 : count, 8);
    eocd.writeUInt16LE(zip64 ? MAX16 : count, 10);
    eocd.writeUInt32LE(zip64 && cdSize >= MAX32 ? MAX32 : cdSize, 12);
    eocd.writeUInt32LE(zip64 ? MAX32 : cdOffset, 16);
    eocd.writeUInt16LE(0, 20);
    this.push(eocd);
    await this.flush();
    return { entries: count, bytes: this.flushed, uncompressedBytes: this.uncompressed, zip64 };
  }
}

function needsZip64(r: CentralRecord): boolean {
  return r.size >= MAX32 || r.compressedSize >= MAX32 || r.offset >= MAX32;
}

/** Deflate a streamed file unless its first 256 KiB do not shrink by at least 3% (jars, archives, images). */
async function worthDeflating(file: string, level: number): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const sample = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(sample, 0, sample.length, 0);
    if (bytesRead === 0) return false;
    const deflated = await deflateRaw(sample.subarray(0, bytesRead), { level });
    return deflated.length < bytesRead * 0.97;
  } finally {
    await fh.close();
  }
}

async function writeFully(fh: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

interface HeaderFields extends EntryFields {
  readonly zip64: boolean;
}

function localHeader(h: HeaderFields): Buffer {
  const extras: Buffer[] = [];
  if (h.zip64) {
    const z = Buffer.alloc(20);
    z.writeUInt16LE(0x0001, 0);
    z.writeUInt16LE(16, 2);
    z.writeBigUInt64LE(BigInt(h.size), 4);
    z.writeBigUInt64LE(BigInt(h.compressedSize), 12);
    extras.push(z);
  }
  if (h.unixTime !== undefined) extras.push(extendedTimestamp(h.unixTime));
  const extra = Buffer.concat(extras);
  const b = Buffer.alloc(30);
  b.writeUInt32LE(SIG_LOCAL, 0);
  b.writeUInt16LE(h.zip64 ? 45 : h.method === 8 ? 20 : 10, 4);
  b.writeUInt16LE(FLAG_UTF8, 6);
  b.writeUInt16LE(h.method, 8);
  b.writeUInt16LE(h.dosTime, 10);
  b.writeUInt16LE(h.dosDate, 12);
  b.writeUInt32LE(h.crc >>> 0, 14);
  b.writeUInt32LE(h.zip64 ? MAX32 : h.compressedSize, 18);
  b.writeUInt32LE(h.zip64 ? MAX32 : h.size, 22);
  b.writeUInt16LE(h.name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  return Buffer.concat([b, h.name, extra]);
}

function centralHeader(r: CentralRecord, force: boolean): Buffer {
  const bigSize = force || r.size >= MAX32;
  const bigCompressed = force || r.compressedSize >= MAX32;
  const bigOffset = force || r.offset >= MAX32;
  const extras: Buffer[] = [];
  const zip64Fields: bigint[] = [];
  if (bigSize) zip64Fields.push(BigInt(r.size));
  if (bigCompressed) zip64Fields.push(BigInt(r.compressedSize));
  if (bigOffset) zip64Fields.push(BigInt(r.offset));
  if (zip64Fields.length > 0) {
    const z = Buffer.alloc(4 + 8 * zip64Fields.length);
    z.writeUInt16LE(0x0001, 0);
    z.writeUInt16LE(8 * zip64Fields.length, 2);
    zip64Fields.forEach((v, i) => z.writeBigUInt64LE(v, 4 + 8 * i));
    extras.push(z);
  }
  if (r.unixTime !== undefined) extras.push(extendedTimestamp(r.unixTime));
  const extra = Buffer.concat(extras);
  const b = Buffer.alloc(46);
  b.writeUInt32LE(SIG_CENTRAL, 0);
  b.writeUInt16LE(MADE_BY_UNIX, 4);
  b.writeUInt16LE(zip64Fields.length > 0 ? 45 : r.method === 8 ? 20 : 10, 6);
  b.writeUInt16LE(FLAG_UTF8, 8);
  b.writeUInt16LE(r.method, 10);
  b.writeUInt16LE(r.dosTime, 12);
  b.writeUInt16LE(r.dosDate, 14);
  b.writeUInt32LE(r.crc >>> 0, 16);
  b.writeUInt32LE(bigCompressed ? MAX32 : r.compressedSize, 20);
  b.writeUInt32LE(bigSize ? MAX32 : r.size, 24);
  b.writeUInt16LE(r.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt16LE(0, 32); // comment length
  b.writeUInt16LE(0, 34); // disk number start
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE(((r.mode & 0xffff) << 16) >>> 0, 38);
  b.writeUInt32LE(bigOffset ? MAX32 : r.offset, 42);
  return Buffer.concat([b, r.name, extra]);
}

/** Info-ZIP extended timestamp (0x5455) with the modification time only. */
function extendedTimestamp(seconds: number): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(seconds, 5);
  return b;
}

function unixSeconds(date: Date): number | undefined {
  const s = Math.floor(date.getTime() / 1000);
  return Number.isFinite(s) && s >= 0 && s <= MAX32 ? s : undefined;
}

/** MS-DOS date and time (local time, 2-second resolution), clamped to 1980–2107. */
export function dosDateTime(date: Date): { dosTime: number; dosDate: number } {
  let d = date;
  if (!Number.isFinite(d.getTime()) || d.getFullYear() < 1980) d = new Date(1980, 0, 1, 0, 0, 0);
  else if (d.getFullYear() > 2107) d = new Date(2107, 11, 31, 23, 59, 58);
  return {
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    dosDate: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
