/** The plan as log lines and the job summary: full SHAs for rewinds, escaped names, failure details. */
import type { Plan } from '../../src/mirror/plan.js';
import { formatBytes, html, lfsLines, planLines, summaryMarkdown } from '../../src/mirror/report.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

const plan: Plan = {
  entries: [
    { name: 'refs/heads/main', kind: 'branch', action: 'update', old: A, new: B },
    { name: 'refs/heads/forced', kind: 'branch', action: 'rewind', old: A, new: B },
    { name: 'refs/tags/<img src=x>', kind: 'tag', action: 'create', new: B },
    { name: 'refs/heads/gone', kind: 'branch', action: 'delete', old: A },
    { name: 'refs/heads/same', kind: 'branch', action: 'unchanged', old: A, new: A },
  ],
  kept: ['refs/heads/codecommit-only'],
  protected: ['refs/heads/release/1'],
};

test('log lines: counts, one line per change with its objects, kept and protected refs', () => {
  expect(planLines(plan)).toEqual([
    'Plan: 1 to create, 1 to update, 1 to rewind, 1 to delete, 1 unchanged',
    `  update  refs/heads/main  ${A} → ${B}`,
    `  rewind  refs/heads/forced  ${A} → ${B} (not a fast-forward)`,
    `  create  refs/tags/<img src=x>  → ${B}`,
    `  delete  refs/heads/gone  (was ${A})`,
    'Kept on CodeCommit (not on the source; prune is off): refs/heads/codecommit-only',
    'Kept on CodeCommit (protected from prune): refs/heads/release/1',
  ]);
  expect(planLines(plan, 1).slice(-3, -2)).toEqual(['  … and 3 more']);
});

test('summary: a table of changes, rewinds with both full SHAs, every name escaped; failures say what was not pushed', () => {
  const md = summaryMarkdown({
    repository: 'app',
    region: 'eu-west-1',
    repositoryUrl: 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app',
    plan,
    dryRun: false,
    created: false,
    pushed: [plan.entries[0]!],
    failed: [{ entry: plan.entries[1]!, reason: '[remote rejected] (hook declined)' }],
    notAttempted: [plan.entries[2]!],
    lfs: [],
    error: 'CodeCommit rejected 1 ref',
  });
  expect(md).toContain('| 1 | 1 | 1 | 1 | 1 |');
  expect(md).toContain(`| <code>refs/heads/forced</code> | rewind | <code>${A}</code> | <code>${B}</code> |`);
  expect(md).toContain(
    `| <code>refs/heads/main</code> | update | <code>${A.slice(0, 12)}</code> | <code>${B.slice(0, 12)}</code> |`,
  );
  expect(md).toContain('<code>refs/tags/&#60;img src&#61;x&#62;</code>');
  expect(md).not.toContain('<img');
  expect(md).toContain('**Error:** CodeCommit rejected 1 ref');
  expect(md).toContain('Pushed before the failure: 1.');
  expect(md).toContain('| <code>refs/heads/forced</code> | &#91;remote rejected&#93; &#40;hook declined&#41; |');
  expect(md).toContain('Not pushed: <code>refs/tags/&#60;img src&#61;x&#62;</code>');
});

test('LFS lines and sizes', () => {
  expect(
    lfsLines([
      {
        refs: ['refs/heads/main', 'refs/tags/v1'],
        commit: A,
        patterns: ['*.psd', '*.zip'],
        pointers: 1,
        bytes: 3 * 1024 ** 3,
        examples: ['a.psd'],
      },
    ]),
  ).toEqual([
    'Git LFS: refs/heads/main (and 1 more refs) routes *.psd *.zip through Git LFS; CodeCommit gets the 1 pointer file, not the 3.0 GiB of LFS objects it stands for (it has no LFS storage)',
  ]);
  expect(formatBytes(512)).toBe('512 B');
  expect(formatBytes(1536)).toBe('1.5 KiB');
  expect(html('a|b*c_d`e')).toBe('a&#124;b&#42;c&#95;d&#96;e');
});
