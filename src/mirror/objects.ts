/**
 * The source repository's objects, read for the whole mirror without a git process per question: the commits the
 * fast-forward check walks and the `.gitattributes` blobs the LFS report reads.
 *
 * An object stored loose (`objects/xx/yyyy…`: what `git commit` writes, and what a fetch of fewer than 100 objects
 * leaves) is read here: inflated, its header checked and its content hashed back to its name, so what is answered is
 * exactly that object. Everything else (packed objects, alternates, any doubt) goes to one `git cat-file --batch`
 * process, started at the first such name: an incremental mirror of local commits starts none.
 *
 * Requests to the process are object names one per line (`<oid>`, `<oid>:.gitattributes`); git answers each in order
 * with `<oid> <type> <size>\n<content>\n`, or `<name> missing\n` / `<name> ambiguous\n`. A process started before a
 * fetch still finds the fetched objects: git looks for new packs and loose objects when one is not found.
 */
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Git } from './git.js';

export interface GitObject {
  readonly oid: string;
  readonly type: string;
  readonly content: Buffer;
}

/** What the fast-forward check and the LFS report need of the object reader. */
export interface ObjectSource {
  /** The objects named, in order; undefined where the name resolves to no object. */
  read(names: readonly string[]): Promise<Array<GitObject | undefined>>;
}

export interface ObjectReaderOptions {
  /** The repository's object folder (looseObjectsDir()), whose loose objects are read without git. */
  readonly objectsDir?: string;
}

type Pending = { resolve(object: GitObject | undefined): void; reject(error: Error): void };

/** Loose objects larger than this (compressed, or inflated) are left to git. */
const MAX_LOOSE_BYTES = 1024 * 1024;

export class ObjectReader implements ObjectSource {
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** The header of the object whose content is still arriving. */
  private header?: { oid: string; type: string; size: number };
  private failure?: Error;
  private child?: ChildProcess;
  private started = false;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    private readonly git: Git,
    private readonly objectsDir: string | undefined,
  ) {}

  /**
   * The reader of the repository `git` runs in. Its process starts at the first name not found loose; when git cannot
   * be started, that read and every later one that needs it reject saying why.
   */
  static start(git: Git, options: ObjectReaderOptions = {}): ObjectReader {
    return new ObjectReader(git, options.objectsDir);
  }

  read(names: readonly string[]): Promise<Array<GitObject | undefined>> {
    if (names.length === 0) return Promise.resolve([]);
    for (const name of names) {
      if (name === '' || /[\n\r]/.test(name))
        throw new Error(`not an object name for cat-file: ${JSON.stringify(name)}`);
    }
    const answers: Array<GitObject | undefined | Promise<GitObject | undefined>> = [];
    const asked: string[] = [];
    for (const name of names) {
      const local = this.objectsDir === undefined ? undefined : resolveLoose(this.objectsDir, name);
      if (local !== undefined) {
        answers.push(local.found);
        continue;
      }
      if (asked.length === 0) {
        this.ensureProcess();
        if (this.failure) return Promise.reject(this.failure);
      }
      asked.push(name);
      answers.push(new Promise<GitObject | undefined>((resolve, reject) => this.pending.push({ resolve, reject })));
    }
    if (asked.length > 0) this.child?.stdin?.write(asked.map((n) => `${n}\n`).join(''));
    return Promise.all(answers);
  }

  /** Ends the process, if one was started (its stdin closed), and waits for it. */
  async close(): Promise<void> {
    this.child?.stdin?.end();
    await this.exited;
  }

  private ensureProcess(): void {
    if (this.started) return;
    this.started = true;
    let child: ChildProcess;
    try {
      child = this.git.start(['cat-file', '--batch']);
    } catch (error) {
      const message = (error as { message?: unknown } | undefined)?.message ?? error;
      this.fail(new Error(`git cat-file --batch could not run: ${String(message)}`));
      return;
    }
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
    child.stdout?.on('data', (chunk: Buffer) => this.take(chunk));
    child.stdin?.on('error', () => undefined);
    this.exited = new Promise((resolve) => {
      const fail = (why: string) => {
        this.fail(new Error(`git cat-file --batch ${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
        resolve();
      };
      child.on('error', (error) => fail(`could not run: ${error.message}`));
      child.on('close', (code, signal) => fail(`ended (${signal ?? `exit ${code}`})`));
    });
  }

  private take(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.header === undefined) {
        const newline = this.buffer.indexOf(10);
        if (newline < 0) return;
        const line = this.buffer.subarray(0, newline).toString('utf8');
        this.buffer = this.buffer.subarray(newline + 1);
        if (/ (missing|ambiguous)$/.test(line)) {
          this.pending.shift()?.resolve(undefined);
          continue;
        }
        const m = /^([0-9a-f]+) ([a-z]+) (\d+)$/.exec(line);
        if (!m) {
          this.fail(new Error(`git cat-file --batch answered ${JSON.stringify(line.slice(0, 200))}`));
          this.child?.kill();
          return;
        }
        this.header = { oid: m[1] as string, type: m[2] as string, size: Number(m[3]) };
      }
      const { size } = this.header;
      if (this.buffer.length < size + 1) return;
      const content = Buffer.from(this.buffer.subarray(0, size));
      this.buffer = this.buffer.subarray(size + 1);
      const { oid, type } = this.header;
      this.header = undefined;
      this.pending.shift()?.resolve({ oid, type, content });
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
  }
}

/** `<dir>/.git/objects` when `dir` is the top of a work tree with a plain `.git` folder (not a worktree's file). */
export function looseObjectsDir(dir: string): string | undefined {
  const objects = join(dir, '.git', 'objects');
  try {
    return statSync(objects).isDirectory() ? objects : undefined;
  } catch {
    return undefined;
  }
}

const OID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * A name answered from loose objects alone: `found` is the object (or undefined when the name provably resolves to
 * nothing: a path its tree does not have). Undefined when git must answer (an object not loose, a tag to peel, a path
 * this does not walk).
 */
export function resolveLoose(objectsDir: string, name: string): { found: GitObject | undefined } | undefined {
  const colon = name.indexOf(':');
  const oid = colon < 0 ? name : name.slice(0, colon);
  if (!OID.test(oid)) return undefined;
  let object = readLoose(objectsDir, oid);
  if (object === undefined || colon < 0) return object && { found: object };
  const parts = name.slice(colon + 1).split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return undefined;
  if (object.type === 'commit') {
    const tree = /^tree ([0-9a-f]+)\n/.exec(object.content.toString('latin1', 0, 80))?.[1];
    object = tree === undefined ? undefined : readLoose(objectsDir, tree);
  }
  for (const part of parts) {
    if (object === undefined || object.type !== 'tree') return undefined;
    const entry = treeEntry(object.content, part, oid.length / 2);
    if (entry === null) return { found: undefined };
    if (entry === undefined) return undefined;
    object = readLoose(objectsDir, entry);
  }
  return object && { found: object };
}

/** The loose object `oid`, checked against its name; undefined when it is not loose (or not sound). */
export function readLoose(objectsDir: string, oid: string): GitObject | undefined {
  if (!OID.test(oid)) return undefined;
  try {
    const file = join(objectsDir, oid.slice(0, 2), oid.slice(2));
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile() || stat.size > MAX_LOOSE_BYTES) return undefined;
    const raw = inflateSync(readFileSync(file), { maxOutputLength: MAX_LOOSE_BYTES + 64 });
    const nul = raw.indexOf(0);
    const header = /^(blob|tree|commit|tag) (\d+)$/.exec(raw.toString('latin1', 0, nul < 0 ? 0 : nul));
    if (nul < 0 || header === null || Number(header[2]) !== raw.length - nul - 1) return undefined;
    const hash = createHash(oid.length === 40 ? 'sha1' : 'sha256')
      .update(raw)
      .digest('hex');
    if (hash !== oid) return undefined;
    return { oid, type: header[1] as string, content: raw.subarray(nul + 1) };
  } catch {
    return undefined;
  }
}

/**
 * The object id of the entry `name` of a tree object (`<mode> <name>\0<binary id>` entries): null when the tree has
 * no such entry, undefined when it cannot be read as a tree.
 */
function treeEntry(tree: Buffer, name: string, idBytes: number): string | null | undefined {
  const wanted = Buffer.from(name, 'utf8');
  let at = 0;
  while (at < tree.length) {
    const space = tree.indexOf(0x20, at);
    const nul = tree.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + idBytes > tree.length) return undefined;
    if (nul - space - 1 === wanted.length && tree.subarray(space + 1, nul).equals(wanted)) {
      return tree.subarray(nul + 1, nul + 1 + idBytes).toString('hex');
    }
    at = nul + 1 + idBytes;
  }
  return null;
}

/** The parents of a commit object. */
export function commitParents(content: Buffer): string[] {
  const parents: string[] = [];
  const text = content.toString('latin1');
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    if (line === '') break;
    if (line.startsWith('parent ')) parents.push(line.slice(7));
    at = end < 0 ? text.length : end + 1;
  }
  return parents;
}

/** Commits walked back from a tip before the check asks `git merge-base` instead. */
export const WALK_LIMIT = 200;

export type Verdict = boolean | 'unknown';

/**
 * Is `old` an ancestor of (or equal to) `tip`? Walks back from `tip` through the reader, at most `limit` commits:
 * true when `old` is met, false when the whole history of `tip` was seen without it or `old` is not in the
 * repository (it then cannot be an ancestor), and 'unknown' when the walk was cut short (the limit, a missing parent
 * of a shallow history, an object that is not a commit).
 */
export async function isAncestor(
  objects: ObjectSource,
  old: string,
  tip: string,
  limit = WALK_LIMIT,
): Promise<Verdict> {
  if (old === tip) return true;
  const [oldObject, tipObject] = await objects.read([old, tip]);
  if (oldObject === undefined) return false;
  if (oldObject.type !== 'commit') return 'unknown';
  const seen = new Set([tip]);
  let commits = [tipObject];
  let walked = 1;
  for (;;) {
    const next: string[] = [];
    for (const commit of commits) {
      if (commit === undefined || commit.type !== 'commit') return 'unknown';
      for (const parent of commitParents(commit.content)) {
        if (parent === old) return true;
        if (!seen.has(parent)) {
          seen.add(parent);
          next.push(parent);
        }
      }
    }
    if (next.length === 0) return false;
    if (walked + next.length > limit) return 'unknown';
    walked += next.length;
    commits = await objects.read(next);
  }
}
