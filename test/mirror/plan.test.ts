/** The plan (create / update / rewind / delete / unchanged) and the ref patterns, without git. */
import fc from 'fast-check';
import { computePlan, countPlan, type FastForwardCheck } from '../../src/mirror/plan.js';
import { compilePattern, RefFilter, refKind, shortName } from '../../src/mirror/refs.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

const all = new RefFilter({ include: [], exclude: [], protect: [] });
const noFastForward: FastForwardCheck = async (pairs) => pairs.map(() => false);
const allFastForward: FastForwardCheck = async (pairs) => pairs.map(() => true);

test('each action, sorted by name; only changed branches are checked for fast-forward', async () => {
  const asked: Array<{ old: string; new: string }> = [];
  const plan = await computePlan({
    source: new Map([
      ['refs/heads/new', A],
      ['refs/heads/same', A],
      ['refs/heads/ahead', B],
      ['refs/heads/forced', C],
      ['refs/tags/moved', B],
      ['refs/tags/kept', A],
    ]),
    remote: new Map([
      ['refs/heads/same', A],
      ['refs/heads/ahead', A],
      ['refs/heads/forced', A],
      ['refs/tags/moved', A],
      ['refs/tags/kept', A],
      ['refs/heads/gone', A],
    ]),
    filter: all,
    prune: true,
    fastForward: async (pairs) => {
      asked.push(...pairs);
      return pairs.map((p) => p.new === B);
    },
  });
  expect(plan.entries.map((e) => [e.action, e.name])).toEqual([
    ['update', 'refs/heads/ahead'],
    ['rewind', 'refs/heads/forced'],
    ['delete', 'refs/heads/gone'],
    ['create', 'refs/heads/new'],
    ['unchanged', 'refs/heads/same'],
    ['unchanged', 'refs/tags/kept'],
    ['rewind', 'refs/tags/moved'],
  ]);
  expect(asked.map((p) => [p.old, p.new])).toEqual([
    [A, B],
    [A, C],
  ]);
  expect(plan.entries.find((e) => e.name === 'refs/heads/forced')).toEqual({
    name: 'refs/heads/forced',
    kind: 'branch',
    action: 'rewind',
    old: A,
    new: C,
  });
  expect(countPlan(plan.entries)).toEqual({ create: 1, update: 1, rewind: 2, delete: 1, unchanged: 2 });
});

test('never refs/pull, refs/remotes, HEAD, notes or stashes, on either side', async () => {
  const odd = [
    'HEAD',
    'refs/pull/1/head',
    'refs/remotes/origin/main',
    'refs/remotes/origin/HEAD',
    'refs/notes/commits',
    'refs/stash',
    'refs/heads/',
  ];
  const plan = await computePlan({
    source: new Map([...odd.map((n) => [n, A] as [string, string]), ['refs/heads/main', A]]),
    remote: new Map(odd.map((n) => [n, B] as [string, string])),
    filter: all,
    prune: true,
    fastForward: noFastForward,
  });
  expect(plan.entries.map((e) => e.name)).toEqual(['refs/heads/main']);
  expect(plan.kept).toEqual([]);
});

test('without prune, refs only CodeCommit has are kept and listed; protect keeps them from prune', async () => {
  const input = {
    source: new Map([['refs/heads/main', A]]),
    remote: new Map([
      ['refs/heads/main', A],
      ['refs/heads/release/1', A],
      ['refs/tags/v1', A],
      ['refs/heads/old', A],
    ]),
    filter: new RefFilter({ include: [], exclude: [], protect: ['release/*', 'refs/tags/*'] }),
    fastForward: allFastForward,
  };
  const kept = await computePlan({ ...input, prune: false });
  expect(kept.kept).toEqual(['refs/heads/old', 'refs/heads/release/1', 'refs/tags/v1']);
  expect(kept.entries.map((e) => e.action)).toEqual(['unchanged']);
  const pruned = await computePlan({ ...input, prune: true });
  expect(pruned.entries.filter((e) => e.action === 'delete').map((e) => e.name)).toEqual(['refs/heads/old']);
  expect(pruned.protected).toEqual(['refs/heads/release/1', 'refs/tags/v1']);
});

test('include and exclude scope both sides: an excluded ref is neither pushed nor pruned', async () => {
  const plan = await computePlan({
    source: new Map([
      ['refs/heads/main', A],
      ['refs/heads/wip/x', A],
      ['refs/tags/v1', A],
    ]),
    remote: new Map([
      ['refs/heads/wip/y', A],
      ['refs/tags/nightly', A],
    ]),
    filter: new RefFilter({ include: ['main', 'wip/**', 'refs/tags/*'], exclude: ['wip/*'], protect: [] }),
    prune: true,
    fastForward: noFastForward,
  });
  expect(plan.entries.map((e) => `${e.action} ${e.name}`)).toEqual([
    'create refs/heads/main',
    'delete refs/tags/nightly',
    'create refs/tags/v1',
  ]);
});

test('patterns: short names for branches and tags alike, full names after refs/, * and ? stop at /', () => {
  const m = (p: string, name: string) => compilePattern(p, 'include').test(name);
  expect(m('main', 'refs/heads/main')).toBe(true);
  expect(m('main', 'refs/tags/main')).toBe(true);
  expect(m('main', 'refs/heads/mainline')).toBe(false);
  expect(m('release/*', 'refs/heads/release/1.2')).toBe(true);
  expect(m('release/*', 'refs/heads/release/1/hotfix')).toBe(false);
  expect(m('release/**', 'refs/heads/release/1/hotfix')).toBe(true);
  expect(m('v?', 'refs/tags/v1')).toBe(true);
  expect(m('v?', 'refs/tags/v10')).toBe(false);
  expect(m('refs/tags/v*', 'refs/tags/v1')).toBe(true);
  expect(m('refs/tags/v*', 'refs/heads/v1')).toBe(false);
  expect(m('a.b+c$(x)', 'refs/heads/a.b+c$(x)')).toBe(true);
  expect(m('a.b', 'refs/heads/aXb')).toBe(false);
  for (const bad of ['', 'has space', 'a..b', 'x:y', 'back\\slash', '[abc]', '~1', 'a^']) {
    expect(() => compilePattern(bad, 'exclude')).toThrow(`exclude: "${bad}" is not a ref pattern`);
  }
});

test('any name: a literal pattern matches exactly itself', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z0-9._\-/$(){}|;`=+,!@#%&]{1,30}$/), (name) => {
      fc.pre(!name.includes('..') && !name.includes('*'));
      expect(compilePattern(name, 'include').test(`refs/heads/${name}`)).toBe(true);
      expect(compilePattern(name, 'include').test(`refs/heads/${name}x`)).toBe(false);
    }),
  );
});

test('kinds and short names', () => {
  expect(refKind('refs/heads/a/b')).toBe('branch');
  expect(refKind('refs/tags/v1')).toBe('tag');
  expect(refKind('refs/tags/')).toBeUndefined();
  expect(refKind('refs/pull/1/head')).toBeUndefined();
  expect(shortName('refs/heads/a/b')).toBe('a/b');
});
