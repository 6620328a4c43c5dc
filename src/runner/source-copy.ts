/**
 * A batch child's own copy of the source. In CodeBuild every build of a batch runs in its own container with its
 * own checkout, so a file one child writes never shows in a sibling; locally each child gets a copy of the source
 * folder as it is when the child starts.
 *
 * - Files are cloned where the file system can (reflinks on Btrfs, XFS, APFS …: COPYFILE_FICLONE, which falls back
 *   to a plain copy elsewhere), never hard-linked: a write or an append through one name would show through the
 *   other.
 * - Symbolic links are copied as links, their text unchanged (a relative link keeps pointing inside the copy).
 *   Files and directories keep their mode; when the runner is root and the source belongs to another user, every
 *   entry keeps its owner too (a `run-as` user must be able to write in its copy). Modification times are new, as
 *   in a fresh checkout.
 * - FIFOs, sockets and devices are left out (a checkout has none), and so are the excluded paths (the runner's
 *   state, artifacts and cache folders when they are inside the source).
 */
import { constants } from 'node:fs';
import { chmod, copyFile, lchown, lstat, mkdir, readdir, readlink, stat, symlink } from 'node:fs/promises';
import path from 'node:path';

export interface CopyOptions {
  /** Absolute paths inside the source that are not copied (nor anything beneath them). */
  readonly exclude?: readonly string[];
}

/** Copies the folder `src` into `dest` (an existing empty folder). Returns the number of files copied. */
export async function copySourceTree(src: string, dest: string, options: CopyOptions = {}): Promise<number> {
  const exclude = new Set((options.exclude ?? []).map((p) => path.resolve(p)));
  const root = await stat(src);
  const preserveOwners = process.getuid?.() === 0 && (root.uid !== 0 || root.gid !== 0);
  const copy = new TreeCopy(exclude, preserveOwners);
  await chmod(dest, root.mode & 0o7777);
  if (preserveOwners) await lchown(dest, root.uid, root.gid);
  await copy.directory(path.resolve(src), dest);
  return copy.files;
}

class TreeCopy {
  files = 0;

  constructor(
    private readonly exclude: ReadonlySet<string>,
    private readonly preserveOwners: boolean,
  ) {}

  async directory(from: string, to: string): Promise<void> {
    const entries = await readdir(from, { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const source = path.join(from, entry.name);
        if (this.exclude.has(source)) return;
        const target = path.join(to, entry.name);
        if (entry.isDirectory()) {
          const mode = (await stat(source)).mode & 0o7777;
          // Writable while it is filled; its own mode once full.
          await mkdir(target, { mode: 0o700 });
          await this.directory(source, target);
          await chmod(target, mode);
        } else if (entry.isFile()) {
          await copyFile(source, target, constants.COPYFILE_FICLONE);
          this.files++;
        } else if (entry.isSymbolicLink()) {
          await symlink(await readlink(source), target);
        } else {
          return;
        }
        if (this.preserveOwners) {
          const st = await lstat(source);
          await lchown(target, st.uid, st.gid);
        }
      }),
    );
  }
}
