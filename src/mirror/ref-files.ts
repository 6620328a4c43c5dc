/**
 * A repository's branches and tags read from its ref files, without a git process: what
 * `git for-each-ref --format='%(objectname) %(refname)' -- refs/heads/ refs/tags/` prints, for a repository that
 * keeps its refs plainly (the files backend: loose files under `.git/refs`, the rest in `.git/packed-refs`).
 *
 * Only what is certain is answered here; anything git would treat specially leaves the question to git (undefined):
 * a `.git` that is not a folder (a worktree, a submodule), a repository git might call of dubious ownership (not
 * this user's), the reftable backend, an object format other than SHA-1, a symbolic ref, a file that is not a ref git
 * would read as one (a name git refuses, a lock file, contents that are not one object id), a packed-refs line this
 * does not know. As with for-each-ref, a ref is listed whether or not its object is in the repository, and a loose ref
 * hides the packed one of the same name.
 */
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where the source's refs are (what the mirror carries). */
export const SOURCE_REF_PREFIXES = ['refs/heads/', 'refs/tags/'];
/** A packed-refs file larger than this is left to git (its parse would hold up this thread). */
const MAX_PACKED_BYTES = 8 * 1024 * 1024;
const OID = /^[0-9a-f]{40}$/;
const NULL_OID = '0'.repeat(40);

/** Branches and tags (full name → object id, sorted by name), or undefined when git must be asked. */
export function readRefFiles(dir: string): Map<string, string> | undefined {
  try {
    return read(dir, join(dir, '.git'));
  } catch {
    return undefined;
  }
}

function read(dir: string, gitDir: string): Map<string, string> | undefined {
  const uid = process.getuid?.();
  const gitDirStat = statSync(gitDir);
  if (!gitDirStat.isDirectory() || uid === undefined || gitDirStat.uid !== uid || statSync(dir).uid !== uid) {
    return undefined;
  }
  // The object format and the ref storage are extensions, read by git from this file alone (never from includes).
  const config = readFileSync(join(gitDir, 'config'), 'utf8');
  if (/objectformat|refstorage/i.test(config)) return undefined;
  if (exists(join(gitDir, 'reftable')) || !isDirectory(join(gitDir, 'refs'))) return undefined;

  const refs = new Map<string, string>();
  const packed = join(gitDir, 'packed-refs');
  if (exists(packed)) {
    if (statSync(packed).size > MAX_PACKED_BYTES) return undefined;
    const lines = readFileSync(packed, 'latin1').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const [i, line] of lines.entries()) {
      if (i === 0 && line.startsWith('# pack-refs with:')) continue;
      if (line.startsWith('^') && OID.test(line.slice(1)) && i > 0) continue; // the peeled object of the line above
      const space = line.indexOf(' ');
      const oid = line.slice(0, space);
      const name = line.slice(space + 1);
      if (space !== 40 || !OID.test(oid)) return undefined;
      if (!SOURCE_REF_PREFIXES.some((p) => name.startsWith(p))) continue;
      if (!isRefName(name) || oid === NULL_OID) return undefined;
      refs.set(name, oid);
    }
  }
  for (const prefix of SOURCE_REF_PREFIXES) {
    const folder = join(gitDir, prefix);
    if (!exists(folder)) continue;
    if (!readLoose(folder, prefix, refs)) return undefined;
  }
  return new Map([...refs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The loose refs under `folder` (named `prefix…`) into `refs`; false when one of them is not a plain ref. */
function readLoose(folder: string, prefix: string, refs: Map<string, string>): boolean {
  if (!lstatSync(folder).isDirectory()) return false;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const name = prefix + entry.name;
    if (!isComponent(entry.name)) return false;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!readLoose(path, `${name}/`, refs)) return false;
    } else if (entry.isFile()) {
      const text = readFileSync(path, 'latin1');
      const oid = text.endsWith('\n') ? text.slice(0, -1) : text;
      if (!OID.test(oid) || oid === NULL_OID) return false;
      refs.set(name, oid);
    } else {
      return false;
    }
  }
  return true;
}

/** A ref name git accepts, in the plain ASCII this reads itself (others go to git). */
export function isRefName(name: string): boolean {
  const parts = name.split('/');
  return parts.length >= 3 && parts[0] === 'refs' && parts.every(isComponent);
}

/**
 * One part of a ref name by git's rules (git-check-ref-format), narrowed to printable ASCII without `{`: not empty, no
 * leading `.`, no `..`, no trailing `.` or `.lock`, none of space `~ ^ : ? * [ \`.
 */
function isComponent(part: string): boolean {
  return (
    /^[!-~]+$/.test(part) &&
    !/[~^:?*[\\{]/.test(part) &&
    !part.startsWith('.') &&
    !part.includes('..') &&
    !part.endsWith('.') &&
    !part.endsWith('.lock')
  );
}

function exists(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false }) !== undefined;
}

/** Whether `path` is a folder (false when it cannot be read). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
