/** Batches, push arguments, staging refs and `--porcelain` results, without git. */
import type { PlanEntry } from '../../src/mirror/plan.js';
import {
  batches,
  EXPLICIT_COST_LIMIT,
  useStaging,
  DEFAULT_REFS_PER_PUSH,
  MAX_REFS_PER_PUSH,
  parsePorcelain,
  pushArgs,
  stagingRefs,
  succeeded,
} from '../../src/mirror/push.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const URL = 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app';

const tag = (i: number): PlanEntry => ({ name: `refs/tags/t${i}`, kind: 'tag', action: 'create', new: A });

test('9,000 new tags: pushes of at most 4,000 refs (1,000 by default), none lost', () => {
  const tags = Array.from({ length: 9000 }, (_, i) => tag(i));
  expect(MAX_REFS_PER_PUSH).toBe(4000);
  expect(batches(tags, { maxRefs: 4000 }).map((b) => b.length)).toEqual([4000, 4000, 1000]);
  expect(batches(tags, { maxRefs: 10_000 }).map((b) => b.length)).toEqual([4000, 4000, 1000]);
  const byDefault = batches(tags);
  expect(byDefault.map((b) => b.length)).toEqual(Array(9).fill(DEFAULT_REFS_PER_PUSH));
  expect(byDefault.flat()).toEqual(tags);
});

test('the first branch alone, then creates / updates / rewinds, deletes last; unchanged refs never', () => {
  const entries: PlanEntry[] = [
    { name: 'refs/heads/a', kind: 'branch', action: 'delete', old: A },
    { name: 'refs/heads/b', kind: 'branch', action: 'create', new: A },
    { name: 'refs/heads/main', kind: 'branch', action: 'create', new: B },
    { name: 'refs/heads/same', kind: 'branch', action: 'unchanged', old: A, new: A },
    { name: 'refs/tags/v1', kind: 'tag', action: 'rewind', old: A, new: B },
  ];
  const out = batches(entries, { first: 'refs/heads/main', maxRefs: 2 });
  expect(out.map((b) => b.map((e) => e.name))).toEqual([
    ['refs/heads/main'],
    ['refs/heads/b', 'refs/tags/v1'],
    ['refs/heads/a'],
  ]);
});

test('a long command line is split too (Windows), counting the refspec and lease of each ref', () => {
  const deletes: PlanEntry[] = Array.from({ length: 100 }, (_, i) => ({
    name: `refs/heads/${'x'.repeat(50)}${i}`,
    kind: 'branch',
    action: 'delete',
    old: A,
  }));
  const out = batches(deletes, { maxChars: 5000 });
  expect(out.length).toBeGreaterThan(1);
  for (const b of out) {
    const args = pushArgs(URL, b, false);
    expect(args.join(' ').length).toBeLessThan(5000 + 200);
  }
  expect(batches([tag(1), tag(2)], { maxChars: 1 }).map((b) => b.length)).toEqual([1, 1]); // never an empty batch
});

test('push arguments: globs from a staging repository or explicit refspecs, leases for rewinds and deletes, names after -- and the URL', () => {
  const hostile: PlanEntry = { name: 'refs/heads/--upload-pack=touch x', kind: 'branch', action: 'delete', old: A };
  const batch: PlanEntry[] = [
    { name: 'refs/heads/main', kind: 'branch', action: 'update', old: A, new: B },
    { name: 'refs/heads/forced', kind: 'branch', action: 'rewind', old: A, new: B },
    { name: 'refs/tags/new', kind: 'tag', action: 'create', new: B },
    hostile,
  ];
  expect(pushArgs(URL, batch, true)).toEqual([
    'push',
    '--porcelain',
    '--no-verify',
    `--force-with-lease=refs/heads/forced:${A}`,
    `--force-with-lease=refs/heads/--upload-pack=touch x:${A}`,
    '--',
    URL,
    'refs/heads/*:refs/heads/*',
    'refs/tags/*:refs/tags/*',
    ':refs/heads/--upload-pack=touch x',
  ]);
  expect(pushArgs(URL, [tag(1)], true).slice(-2)).toEqual([URL, 'refs/tags/*:refs/tags/*']);
  expect(pushArgs(URL, batch, false).slice(5)).toEqual([
    '--',
    URL,
    `${B}:refs/heads/main`,
    `${B}:refs/heads/forced`,
    `${B}:refs/tags/new`,
    ':refs/heads/--upload-pack=touch x',
  ]);
  expect(stagingRefs(batch)).toBe(
    `update refs/heads/main ${B}\nupdate refs/heads/forced ${B}\nupdate refs/tags/new ${B}\n`,
  );
});

test('porcelain results by destination ref', () => {
  const out = [
    'To https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app',
    `*\trefs/heads/new:refs/heads/new\t[new branch]`,
    ` \trefs/heads/main:refs/heads/main\taaaaaaa..bbbbbbb`,
    `+\trefs/heads/forced:refs/heads/forced\taaaaaaa...bbbbbbb (forced update)`,
    `-\t:refs/heads/gone\t[deleted]`,
    `=\trefs/tags/v1:refs/tags/v1\t[up to date]`,
    `!\trefs/heads/blocked:refs/heads/blocked\t[remote rejected] (hook declined)`,
    `!\trefs/heads/stale:refs/heads/stale\t[rejected] (stale info)`,
    'Done',
  ].join('\n');
  const results = parsePorcelain(out);
  expect([...results.keys()]).toEqual([
    'refs/heads/new',
    'refs/heads/main',
    'refs/heads/forced',
    'refs/heads/gone',
    'refs/tags/v1',
    'refs/heads/blocked',
    'refs/heads/stale',
  ]);
  expect(results.get('refs/heads/blocked')).toEqual({ flag: '!', summary: '[remote rejected] (hook declined)' });
  expect([...results.values()].map(succeeded)).toEqual([true, true, true, true, true, false, false]);
  expect(succeeded(undefined)).toBe(false);
});

test('explicit refspecs for a few refs, a staging repository for many (git matches each explicit refspec against every ref)', () => {
  expect(useStaging([tag(1)], 10, 10)).toBe(false);
  expect(useStaging([tag(1)], 20_000, 29_000)).toBe(false);
  expect(useStaging([tag(1)], 30_000, 30_000)).toBe(true);
  const thousand = Array.from({ length: 1000 }, (_, i) => tag(i));
  expect(useStaging(thousand, 1000, 0)).toBe(true);
  const deletes: PlanEntry[] = thousand.map((e) => ({ ...e, action: 'delete', old: A }));
  expect(useStaging(deletes, 10_000, 10_000)).toBe(false);
  expect(EXPLICIT_COST_LIMIT).toBe(50_000);
});
