/** Branches and tags read from the ref files: what git for-each-ref lists, or nothing (git is asked) when in doubt. */
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRefName, readRefFiles } from '../../src/mirror/ref-files.js';
import { commit, git, newRepo, refsOf } from './support.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'aws-cicd-ref-files-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What for-each-ref lists under refs/heads/ and refs/tags/, in its order. */
const listed = (dir: string) =>
  new Map([...refsOf(dir, 'refs/heads/'), ...refsOf(dir, 'refs/tags/')].sort(([a], [b]) => (a < b ? -1 : 1)));

/** A repository with nested branches, both kinds of tag, other refs, some refs packed and some loose. */
function repository(): { dir: string; first: string; second: string } {
  const dir = newRepo(root, 'repo');
  const first = commit(dir, { 'a.txt': '1' });
  git(dir, ['branch', 'feature/deep/one']);
  git(dir, ['tag', 'v1']);
  git(dir, ['tag', '-a', '-m', 'annotated', 'v1.1']);
  git(dir, ['update-ref', 'refs/remotes/origin/main', first]);
  git(dir, ['update-ref', 'refs/pull/1/head', first]);
  git(dir, ['pack-refs', '--all']);
  const second = commit(dir, { 'a.txt': '2' }); // main loose again, hiding its packed entry
  git(dir, ['branch', 'zz-loose']);
  git(dir, ['tag', 'v2']);
  return { dir, first, second };
}

test('packed and loose branches and tags, as for-each-ref lists them (a loose ref hiding its packed entry; in name order)', () => {
  const { dir, second } = repository();
  const refs = readRefFiles(dir);
  expect(refs).toEqual(listed(dir));
  expect([...(refs?.keys() ?? [])]).toEqual([...listed(dir).keys()]);
  expect(refs?.get('refs/heads/main')).toBe(second);
  expect(refs?.has('refs/remotes/origin/main')).toBe(false);
  // A ref whose object the repository does not have is listed all the same, as git lists it.
  writeFileSync(path.join(dir, '.git/refs/heads/ghost'), `${'12'.repeat(20)}\n`);
  expect(readRefFiles(dir)).toEqual(listed(dir));
  expect(readRefFiles(dir)?.get('refs/heads/ghost')).toBe('12'.repeat(20));
});

test('a repository without refs (or without packed-refs) answers an empty list', () => {
  const dir = newRepo(root, 'empty');
  expect(readRefFiles(dir)).toEqual(new Map());
  expect(listed(dir)).toEqual(new Map());
});

describe('what git is left to answer', () => {
  const cases: Array<[string, (dir: string) => void]> = [
    ['a symbolic ref', (dir) => writeFileSync(path.join(dir, '.git/refs/heads/alias'), 'ref: refs/heads/main\n')],
    ['a lock file of a ref being written', (dir) => writeFileSync(path.join(dir, '.git/refs/heads/main.lock'), '')],
    ['a file whose name git refuses', (dir) => writeFileSync(path.join(dir, '.git/refs/tags/a..b'), '')],
    ['a hidden file', (dir) => writeFileSync(path.join(dir, '.git/refs/heads/.DS_Store'), '')],
    ['a name outside plain ASCII', (dir) => git(dir, ['branch', 'café'])],
    ['the null object id', (dir) => writeFileSync(path.join(dir, '.git/refs/heads/null'), `${'0'.repeat(40)}\n`)],
    ['contents that are not one object id', (dir) => writeFileSync(path.join(dir, '.git/refs/heads/x'), 'junk\n')],
    ['a packed-refs line it does not know', (dir) => writeFileSync(path.join(dir, '.git/packed-refs'), 'what\n')],
    ['the reftable backend', (dir) => mkdirSync(path.join(dir, '.git/reftable'))],
    [
      'another object format or ref storage named by the repository',
      (dir) => git(dir, ['config', 'extensions.objectFormat', 'sha1']),
    ],
  ];
  test.each(cases)('%s', (_, change) => {
    const { dir } = repository();
    expect(readRefFiles(dir)).toBeDefined();
    change(dir);
    expect(readRefFiles(dir)).toBeUndefined();
  });

  test('a SHA-256 repository, a worktree (.git is a file), a folder that is no repository', () => {
    const sha256 = path.join(root, 'sha256');
    git(root, ['init', '-q', '--object-format=sha256', sha256]);
    commit(sha256, {});
    expect(readRefFiles(sha256)).toBeUndefined();
    const { dir } = repository();
    git(dir, ['worktree', 'add', '-q', path.join(root, 'wt')]);
    expect(readRefFiles(path.join(root, 'wt'))).toBeUndefined();
    expect(readRefFiles(path.join(root, 'nothing'))).toBeUndefined();
  });

  const asRoot = process.getuid?.() === 0;
  if (!asRoot)
    console.warn('ref-files ownership test skipped: it gives a repository to another user, which needs root');
  (asRoot ? test : test.skip)('a repository of another user (git may call its ownership dubious)', () => {
    const { dir } = repository();
    chownSync(path.join(dir, '.git'), 4242, 4242);
    expect(readRefFiles(dir)).toBeUndefined();
  });
});

test('ref names as git-check-ref-format takes them (narrowed to printable ASCII)', () => {
  for (const name of ['refs/heads/main', 'refs/tags/v1.0', 'refs/heads/a/b-c_d+e@f', 'refs/heads/HEAD']) {
    expect([name, isRefName(name)]).toEqual([name, true]);
  }
  for (const name of [
    'refs/heads',
    'heads/main',
    'refs/heads/a..b',
    'refs/heads/.hidden',
    'refs/heads/x.lock',
    'refs/heads/ends.',
    'refs/heads/a//b',
    'refs/heads/sp ace',
    'refs/heads/a~1',
    'refs/heads/a^',
    'refs/heads/a:b',
    'refs/heads/a?',
    'refs/heads/a*',
    'refs/heads/a[',
    'refs/heads/a\\b',
    'refs/heads/a@{1}',
    'refs/heads/tab\t',
    'refs/heads/é',
  ]) {
    expect([name, isRefName(name)]).toEqual([name, false]);
  }
});
