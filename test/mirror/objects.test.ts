/** The mirror's object reader (one `git cat-file --batch`) and the fast-forward walk on it, against real repositories. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGit, type Git } from '../../src/mirror/git.js';
import { deflateSync } from 'node:zlib';
import {
  commitParents,
  isAncestor,
  looseObjectsDir,
  ObjectReader,
  readLoose,
  type GitObject,
  type ObjectSource,
} from '../../src/mirror/objects.js';
import { commit, git, IDENTITY, newRepo, recordingSpawner } from './support.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'aws-cicd-objects-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const gitOf = (dir: string, spawn = recordingSpawner()): Git =>
  createGit({ cwd: dir, env: { ...process.env, ...IDENTITY }, spawn });

/** A repository with a linear main of `count` commits (returned oldest first). */
function linear(count: number): { dir: string; commits: string[] } {
  const dir = newRepo(root, 'repo');
  const commits: string[] = [];
  for (let i = 0; i < count; i++) commits.push(commit(dir, {}, `c${i}`));
  return { dir, commits };
}

async function withReader<T>(
  dir: string,
  use: (reader: ObjectReader) => Promise<T>,
  options: { loose?: boolean; spawn?: ReturnType<typeof recordingSpawner> } = {},
): Promise<T> {
  const reader = ObjectReader.start(
    gitOf(dir, options.spawn),
    options.loose ? { objectsDir: looseObjectsDir(dir) } : {},
  );
  try {
    return await use(reader);
  } finally {
    await reader.close();
  }
}

describe('ObjectReader', () => {
  test('answers names in order, with type and exact content; missing names are undefined', async () => {
    const dir = newRepo(root, 'repo');
    const tip = commit(dir, { '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n', 'a.txt': 'A\n' });
    await withReader(dir, async (reader) => {
      const [attributes, missing, head, nowhere] = await reader.read([
        `${tip}:.gitattributes`,
        `${tip}:nope.txt`,
        tip,
        'f'.repeat(40),
      ]);
      expect(attributes?.type).toBe('blob');
      expect(attributes?.content.toString()).toBe('*.bin filter=lfs diff=lfs merge=lfs -text\n');
      expect(missing).toBeUndefined();
      expect(head).toMatchObject({ oid: tip, type: 'commit' });
      expect(head?.content.toString()).toBe(git(dir, ['cat-file', 'commit', tip]) + '\n');
      expect(nowhere).toBeUndefined();
    });
  });

  test('objects larger than a pipe chunk, with newlines and binary bytes, arrive whole; reads made at once keep their order', async () => {
    const dir = newRepo(root, 'repo');
    const big = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) % 256;
    writeFileSync(path.join(root, 'big.bin'), big);
    const blob = git(dir, ['hash-object', '-w', path.join(root, 'big.bin')]);
    const small = git(dir, ['hash-object', '-w', '--stdin'], 'small\n');
    await withReader(dir, async (reader) => {
      const [first, second, third] = await Promise.all([
        reader.read([blob]),
        reader.read([small, 'no-such-ref']),
        reader.read([blob]),
      ]);
      expect(first[0]?.content.equals(big)).toBe(true);
      expect(second.map((o) => o?.content.toString())).toEqual(['small\n', undefined]);
      expect(third[0]?.oid).toBe(blob);
    });
  });

  test('a name that would break the one-per-line protocol is refused before anything is written', async () => {
    const dir = newRepo(root, 'repo');
    commit(dir, {});
    await withReader(dir, async (reader) => {
      expect(() => reader.read(['HEAD\nHEAD'])).toThrow(/not an object name/);
      expect(() => reader.read([''])).toThrow(/not an object name/);
      expect((await reader.read(['HEAD']))[0]?.type).toBe('commit');
    });
  });

  test('outside a repository the process ends and every read says why', async () => {
    const reader = ObjectReader.start(gitOf(root));
    await expect(reader.read(['HEAD'])).rejects.toThrow(
      /git cat-file --batch ended \(exit 128\).*not a git repository/i,
    );
    await expect(reader.read(['HEAD'])).rejects.toThrow(/not a git repository/i);
    await reader.close();
  });

  test('when git cannot even be started (spawn throws), reads reject saying so instead of throwing at the start', async () => {
    const reader = ObjectReader.start(gitOf(path.join(root, 'x'.repeat(100_000))));
    await expect(reader.read(['HEAD'])).rejects.toThrow(/^git cat-file --batch could not run: spawn ENAMETOOLONG/);
    await reader.close();
  });

  test('one process for all reads, ended by close()', async () => {
    const dir = newRepo(root, 'repo');
    commit(dir, {});
    const spawner = recordingSpawner();
    const reader = ObjectReader.start(gitOf(dir, spawner));
    for (let i = 0; i < 5; i++) await reader.read(['HEAD', 'HEAD^{tree}']);
    await reader.close();
    expect(spawner.calls.map((c) => c.args)).toEqual([['cat-file', '--batch']]);
  });
});

describe('ObjectReader with the loose objects', () => {
  /** What `git cat-file --batch` itself answers, for comparison. */
  async function fromGit(dir: string, names: readonly string[]) {
    return withReader(dir, (reader) => reader.read(names));
  }

  test('loose objects (what git commit writes) are read without starting git, and answer as git does', async () => {
    const dir = newRepo(root, 'repo');
    commit(dir, { 'a.txt': 'A\n' });
    const tip = commit(dir, {
      '.gitattributes': '*.bin filter=lfs diff=lfs merge=lfs -text\n',
      'docs/deep/x.md': '# x\n',
    });
    const names = [tip, `${tip}:.gitattributes`, `${tip}:nope.txt`, `${tip}:docs/deep/x.md`, `${tip}:docs/nope/x.md`];
    const spawn = recordingSpawner();
    const answers = await withReader(dir, (reader) => reader.read(names), { loose: true, spawn });
    expect(spawn.calls).toEqual([]);
    expect(answers).toEqual(await fromGit(dir, names));
    expect(answers[1]?.content.toString()).toBe('*.bin filter=lfs diff=lfs merge=lfs -text\n');
    expect(answers[2]).toBeUndefined();
    expect(answers[4]).toBeUndefined();
  });

  test('packed objects, names only git resolves, and a mix keep their order; git starts once, at the first', async () => {
    const dir = newRepo(root, 'repo');
    const packed = commit(dir, { 'a.txt': 'A\n' });
    git(dir, ['tag', '-a', '-m', 'annotated', 'v1']);
    git(dir, ['repack', '-a', '-d', '-q']);
    git(dir, ['prune-packed']);
    const loose = commit(dir, { 'b.txt': 'B\n' });
    const tag = git(dir, ['rev-parse', 'v1']);
    const names = [loose, packed, 'HEAD', `${tag}:a.txt`, loose.slice(0, 12), `${loose}:b.txt`, 'f'.repeat(40)];
    const spawn = recordingSpawner();
    const answers = await withReader(
      dir,
      async (reader) => [...(await reader.read(names.slice(0, 3))), ...(await reader.read(names.slice(3)))],
      { loose: true, spawn },
    );
    expect(spawn.calls.map((c) => c.args)).toEqual([['cat-file', '--batch']]);
    expect(answers).toEqual(await fromGit(dir, names));
    expect(answers.map((a) => a?.type)).toEqual(['commit', 'commit', 'commit', 'blob', 'commit', 'blob', undefined]);
  });

  test('a loose file that is not the object its name says (or not an object at all) is left to git', async () => {
    const dir = newRepo(root, 'repo');
    const tip = commit(dir, { 'a.txt': 'A\n' });
    const other = git(dir, ['hash-object', '-w', '--stdin'], 'other\n');
    git(dir, ['tag', 'other', other]);
    git(dir, ['repack', '-a', '-d', '-q']);
    git(dir, ['prune-packed']);
    const objects = looseObjectsDir(dir) as string;
    const plant = (oid: string, raw: Buffer) => {
      mkdirSync(path.join(objects, oid.slice(0, 2)), { recursive: true });
      writeFileSync(path.join(objects, oid.slice(0, 2), oid.slice(2)), raw);
    };
    // The blob "other" stored under the commit's name, and garbage under the blob's.
    plant(tip, deflateSync(Buffer.from('blob 6\0other\n')));
    plant(other, Buffer.from('not zlib'));
    expect(readLoose(objects, tip)).toBeUndefined();
    expect(readLoose(objects, other)).toBeUndefined();
    const spawn = recordingSpawner();
    const [commitObject, blob] = await withReader(dir, (reader) => reader.read([tip, other]), { loose: true, spawn });
    expect(spawn.calls).toHaveLength(1);
    expect(commitObject?.type).toBe('commit');
    expect(blob?.content.toString()).toBe('other\n');
    expect([commitObject, blob]).toEqual(await fromGit(dir, [tip, other]));
  });

  test('SHA-256 repositories: 64-digit names, checked with their own hash', async () => {
    const dir = path.join(root, 'sha256');
    git(root, ['init', '-q', '--object-format=sha256', '-b', 'main', dir]);
    const tip = commit(dir, { '.gitattributes': '*.psd filter=lfs\n' });
    expect(tip).toHaveLength(64);
    const spawn = recordingSpawner();
    const names = [tip, `${tip}:.gitattributes`];
    const answers = await withReader(dir, (reader) => reader.read(names), { loose: true, spawn });
    expect(spawn.calls).toEqual([]);
    expect(answers).toEqual(await fromGit(dir, names));
  });

  test('only a plain .git folder: a worktree or a folder that is not a repository has none', () => {
    const dir = newRepo(root, 'repo');
    commit(dir, {});
    git(dir, ['worktree', 'add', '-q', path.join(root, 'wt')]);
    expect(looseObjectsDir(dir)).toBe(path.join(dir, '.git', 'objects'));
    expect(looseObjectsDir(path.join(root, 'wt'))).toBeUndefined();
    expect(looseObjectsDir(root)).toBeUndefined();
  });

  test('the fast-forward walk over loose commits starts no git', async () => {
    const { dir, commits } = linear(4);
    const spawn = recordingSpawner();
    await withReader(
      dir,
      async (reader) => {
        expect(await isAncestor(reader, commits[1] as string, commits[3] as string)).toBe(true);
        expect(await isAncestor(reader, commits[3] as string, commits[1] as string)).toBe(false);
      },
      { loose: true, spawn },
    );
    expect(spawn.calls).toEqual([]);
  });
});

test('commitParents reads the parent lines of the header only', () => {
  const a = 'a'.repeat(40);
  const b = 'b'.repeat(40);
  const body = `tree ${'t'.repeat(40)}\nparent ${a}\nparent ${b}\nauthor x <x@y> 1 +0000\n\nparent ${'c'.repeat(40)}\n`;
  expect(commitParents(Buffer.from(body))).toEqual([a, b]);
  expect(commitParents(Buffer.from(`tree ${'t'.repeat(40)}\nauthor x <x@y> 1 +0000\n\nroot`))).toEqual([]);
});

describe('isAncestor', () => {
  test('a few new commits on top: yes, found by walking back', async () => {
    const { dir, commits } = linear(6);
    await withReader(dir, async (reader) => {
      expect(await isAncestor(reader, commits[2] as string, commits[5] as string)).toBe(true);
      expect(await isAncestor(reader, commits[4] as string, commits[5] as string)).toBe(true);
    });
  });

  test('the other way round, or a side branch: no, once the whole history was walked', async () => {
    const { dir, commits } = linear(4);
    git(dir, ['checkout', '-q', '-b', 'side', commits[1] as string]);
    const side = commit(dir, {}, 'side');
    await withReader(dir, async (reader) => {
      expect(await isAncestor(reader, commits[3] as string, commits[1] as string)).toBe(false);
      expect(await isAncestor(reader, side, commits[3] as string)).toBe(false);
      expect(await isAncestor(reader, commits[3] as string, side)).toBe(false);
    });
  });

  test('through a merge: the second parent is walked too', async () => {
    const { dir, commits } = linear(2);
    git(dir, ['checkout', '-q', '-b', 'feature']);
    const feature = commit(dir, {}, 'feature');
    git(dir, ['checkout', '-q', 'main']);
    commit(dir, {}, 'main moves');
    git(dir, ['merge', '-q', '--no-ff', '-m', 'merge', 'feature']);
    const merge = git(dir, ['rev-parse', 'HEAD']);
    await withReader(dir, async (reader) => {
      expect(await isAncestor(reader, feature, merge)).toBe(true);
      expect(await isAncestor(reader, commits[0] as string, merge)).toBe(true);
    });
  });

  test('an old commit that is not in the repository cannot be an ancestor', async () => {
    const { dir, commits } = linear(2);
    await withReader(dir, async (reader) => {
      expect(await isAncestor(reader, '0123456789abcdef0123456789abcdef01234567', commits[1] as string)).toBe(false);
    });
  });

  test('a walk longer than the limit, or cut by a shallow history, is unknown (the caller asks merge-base)', async () => {
    const { dir, commits } = linear(12);
    await withReader(dir, async (reader) => {
      expect(await isAncestor(reader, commits[0] as string, commits[11] as string, 5)).toBe('unknown');
      expect(await isAncestor(reader, commits[0] as string, commits[11] as string, 11)).toBe(true);
    });
    const shallow = path.join(root, 'shallow');
    git(root, ['clone', '-q', '--depth', '3', `file://${dir}`, shallow]);
    const other = path.join(root, 'other');
    git(root, ['clone', '-q', `file://${dir}`, other]);
    await withReader(shallow, async (reader) => {
      // commits[0] is not in the shallow clone at all: not an ancestor of anything it has (merge-base's 128).
      expect(await isAncestor(reader, commits[0] as string, commits[11] as string)).toBe(false);
    });
    // An old commit the shallow clone has, reached only past its shallow boundary: the walk cannot tell.
    git(shallow, ['fetch', '-q', `file://${dir}`, `${commits[2]}:refs/old`]);
    await withReader(shallow, async (reader) => {
      expect(await isAncestor(reader, commits[2] as string, commits[11] as string)).toBe('unknown');
    });
  });

  test('reads are batched per generation: one read for all parents of a level', async () => {
    const reads: string[][] = [];
    const objects = new Map<string, GitObject>();
    const add = (oid: string, parents: string[]) =>
      objects.set(oid, {
        oid,
        type: 'commit',
        content: Buffer.from(`tree ${'0'.repeat(40)}\n${parents.map((p) => `parent ${p}\n`).join('')}\nmsg\n`),
      });
    const id = (c: string) => c.repeat(40);
    add(id('a'), []);
    add(id('b'), [id('a')]);
    add(id('c'), [id('a')]);
    add(id('d'), [id('b'), id('c')]);
    add(id('e'), [id('d')]);
    const source: ObjectSource = {
      read: async (names) => {
        reads.push([...names]);
        return names.map((n) => objects.get(n));
      },
    };
    expect(await isAncestor(source, id('a'), id('e'))).toBe(true);
    expect(reads).toEqual([[id('a'), id('e')], [id('d')], [id('b'), id('c')]]);
  });
});
