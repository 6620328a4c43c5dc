/**
 * Unpacking a downloaded ZIP artifact into a folder, entry by entry with streams (yauzl reads the central directory
 * and inflates one entry at a time, so memory stays flat for a 1 GB archive; ZIP64 included).
 *
 * Nothing may land outside the folder (zip-slip): an entry named with `..`, an absolute path (`/x`, `C:\x`), a
 * backslash, or a symbolic link is refused with a UserError naming the entry, before anything of it is written; a
 * folder of the destination that is a symbolic link out of it is refused too.
 */
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import { UserError } from '../core/errors.js';

export interface UnzipResult {
  readonly files: number;
  readonly bytes: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** The first bytes of a ZIP file (a local file header, or the end record of an empty archive). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5);
}

/** Extracts `zipFile` into `dest` (created). `shown` names the archive in messages (its S3 location). */
export async function unzipTo(zipFile: string, dest: string, shown: string): Promise<UnzipResult> {
  const yauzl = await import('yauzl');
  await mkdir(dest, { recursive: true });
  const root = await realpath(dest);
  let zip: ZipFile;
  try {
    // decodeStrings false: entry names are checked here, with messages of ours, instead of by yauzl.
    zip = await yauzl.openPromise(zipFile, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw new UserError(`${shown} is not a ZIP archive that can be read: ${(error as Error).message}`);
  }
  const checkedDirs = new Set<string>();
  let files = 0;
  let bytes = 0;
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (entry === undefined) break;
      const name = entryName(entry);
      const target = safeTarget(root, name, shown);
      if (isSymlink(entry)) {
        throw new UserError(
          `${shown}: entry "${name}" is a symbolic link; links are not unpacked (one could point outside ${dest})`,
        );
      }
      if (name.endsWith('/')) {
        await mkdir(target, { recursive: true });
        await insideRoot(root, target, name, shown, checkedDirs);
        continue;
      }
      const parent = path.dirname(target);
      await mkdir(parent, { recursive: true });
      await insideRoot(root, parent, name, shown, checkedDirs);
      const stream = await openEntry(zip, entry);
      await pipeline(stream, createWriteStream(target));
      const mode = (entry.externalFileAttributes >>> 16) & 0o777;
      if (mode & 0o111) await chmod(target, 0o755);
      files++;
      bytes += entry.uncompressedSize;
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${shown}: cannot unpack the archive: ${(error as Error).message}`, { cause: error });
  } finally {
    zip.close();
  }
  return { files, bytes };
}

function entryName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  if (typeof raw === 'string') return raw;
  // General purpose bit 11: UTF-8 names; otherwise CP437, of which ASCII (all CodeBuild writes) is the same.
  return raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
}

function isSymlink(entry: Entry): boolean {
  const madeBy = entry.versionMadeBy >>> 8;
  // 3: Unix, 19: OS X; their high attribute bits are a st_mode.
  return (madeBy === 3 || madeBy === 19) && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

/** Where an entry goes; a UserError when its name would leave the folder. */
function safeTarget(root: string, name: string, shown: string): string {
  const refuse = (why: string) =>
    new UserError(`${shown}: entry "${name}" ${why}; refused (nothing of it is written outside the folder)`);
  if (name.includes('\\')) throw refuse('has a backslash in its name (a Windows path that could leave the folder)');
  if (name.includes('\0')) throw refuse('has a NUL character in its name');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) throw refuse('is an absolute path');
  if (name.split('/').includes('..')) throw refuse('climbs out of the folder with ".."');
  const target = path.resolve(root, name);
  const relative = path.relative(root, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) throw refuse('would land outside the folder');
  return target;
}

/** A folder on the way to an entry that resolves outside the root (a symbolic link already there) is refused. */
async function insideRoot(root: string, dir: string, name: string, shown: string, checked: Set<string>) {
  if (checked.has(dir)) return;
  const real = await realpath(dir);
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new UserError(
      `${shown}: entry "${name}" would be written through ${dir}, a symbolic link out of the folder; refused`,
    );
  }
  checked.add(dir);
}

function nextEntry(zip: ZipFile): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(undefined);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  });
}
