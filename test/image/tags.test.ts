/** Image tags: the default set from the commit and ref, names made into valid tags, given tags checked. */
import fc from 'fast-check';
import { UserError } from '../../src/core/errors.js';
import { defaultTags, isValidTag, parseTags, refTag, tagFromName } from '../../src/image/tags.js';

const SHA = 'a'.repeat(40);

test('default tags: the SHA, the branch, and latest on the default branch', () => {
  expect(defaultTags({ sha: SHA, ref: 'refs/heads/main', defaultBranch: 'main' })).toEqual([SHA, 'main', 'latest']);
  expect(defaultTags({ sha: SHA, ref: 'refs/heads/feature/x', defaultBranch: 'main' })).toEqual([SHA, 'feature-x']);
  expect(defaultTags({ sha: SHA, ref: 'refs/heads/main' })).toEqual([SHA, 'main']);
  expect(defaultTags({ sha: SHA, ref: 'refs/tags/v1.2.3', defaultBranch: 'v1.2.3' })).toEqual([SHA, 'v1.2.3']);
  expect(defaultTags({ sha: SHA, ref: 'refs/pull/42/merge', defaultBranch: 'main' })).toEqual([SHA, 'pr-42']);
  expect(defaultTags({ sha: SHA })).toEqual([SHA]);
});

test('an IMMUTABLE repository gets the SHA only (every other default tag moves)', () => {
  expect(defaultTags({ sha: SHA, ref: 'refs/heads/main', defaultBranch: 'main' }, { immutable: true })).toEqual([SHA]);
});

test('no commit and no tags is a UserError that says what to give', () => {
  expect(() => defaultTags({ ref: 'refs/heads/main' })).toThrow(UserError);
  expect(() => defaultTags({})).toThrow('give tags, or build from a git commit');
});

test('names become valid tags', () => {
  expect(tagFromName('feature/JIRA-1: new thing')).toBe('feature-JIRA-1-new-thing');
  expect(tagFromName('.hidden')).toBe('hidden');
  expect(tagFromName('///')).toBeUndefined();
  expect(refTag('refs/remotes/origin/x')).toBeUndefined();
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (name) => {
      const tag = tagFromName(name);
      return tag === undefined || isValidTag(tag);
    }),
  );
});

test('given tags: comma or newline separated, deduplicated, each checked', () => {
  expect(parseTags(['v1, latest', 'v1\nsha-1'], 'input "tags"')).toEqual(['v1', 'latest', 'sha-1']);
  expect(() => parseTags(['repo/app:v1'], 'input "tags"')).toThrow(
    'input "tags": "repo/app:v1" is not a valid image tag',
  );
  expect(() => parseTags(['-x'], '--tag')).toThrow(UserError);
  expect(() => parseTags(['x'.repeat(129)], '--tag')).toThrow(UserError);
});
