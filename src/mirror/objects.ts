/**
 * The source repository's objects read by one `git cat-file --batch` process for the whole mirror, instead of a git
 * process per question: the commits the fast-forward check walks and the `.gitattributes` blobs the LFS report reads.
 *
 * Requests are object names one per line (`<oid>`, `<oid>:.gitattributes`); git answers each in order with
 * `<oid> <type> <size>\n<content>\n`, or `<name> missing\n` / `<name> ambiguous\n`. A process started before a fetch
 * still finds the fetched objects: git looks for new packs and loose objects when one is not found.
 */
import type { ChildProcess } from 'node:child_process';
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

type Pending = { resolve(object: GitObject | undefined): void; reject(error: Error): void };

export class ObjectReader implements ObjectSource {
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** The header of the object whose content is still arriving. */
  private header?: { oid: string; type: string; size: number };
  private failure?: Error;
  private readonly exited: Promise<void>;

  private constructor(private readonly child?: ChildProcess) {
    if (child === undefined) {
      this.exited = Promise.resolve();
      return;
    }
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

  /** The reader of the repository `git` runs in; when git cannot be started, every read rejects saying why. */
  static start(git: Git): ObjectReader {
    try {
      return new ObjectReader(git.start(['cat-file', '--batch']));
    } catch (error) {
      const reader = new ObjectReader();
      const message = (error as { message?: unknown } | undefined)?.message ?? error;
      reader.fail(new Error(`git cat-file --batch could not run: ${String(message)}`));
      return reader;
    }
  }

  read(names: readonly string[]): Promise<Array<GitObject | undefined>> {
    if (names.length === 0) return Promise.resolve([]);
    if (this.failure) return Promise.reject(this.failure);
    for (const name of names) {
      if (name === '' || /[\n\r]/.test(name))
        throw new Error(`not an object name for cat-file: ${JSON.stringify(name)}`);
    }
    const answers = names.map(
      () =>
        new Promise<GitObject | undefined>((resolve, reject) => {
          this.pending.push({ resolve, reject });
        }),
    );
    this.child?.stdin?.write(names.map((n) => `${n}\n`).join(''));
    return Promise.all(answers);
  }

  /** Ends the process (its stdin closed) and waits for it. */
  async close(): Promise<void> {
    this.child?.stdin?.end();
    await this.exited;
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
