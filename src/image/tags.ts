/**
 * Image tags. The default set: the commit SHA, plus the branch (or git tag, or `pr-<n>`) made into a valid tag, plus
 * `latest` on the default branch. An IMMUTABLE repository gets the SHA only, since every other default tag moves.
 */
import { UserError } from '../core/errors.js';

/** Docker's tag grammar: 1 to 128 of letters, digits, `_`, `.`, `-`, not starting with `.` or `-`. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export interface TagContext {
  /** The commit the image is built from. */
  readonly sha?: string;
  /** `refs/heads/<branch>`, `refs/tags/<tag>`, `refs/pull/<n>/merge`, or a bare branch name. */
  readonly ref?: string;
  readonly defaultBranch?: string;
}

export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** A branch or git tag name as an image tag (`feature/x` → `feature-x`); undefined when nothing is left. */
export function tagFromName(name: string): string | undefined {
  const tag = name
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)
    .replace(/[.-]+$/, '');
  return tag === '' ? undefined : tag;
}

/** The ref's name as a tag: the branch, the git tag, or `pr-<n>` for a pull request ref. */
export function refTag(ref: string | undefined): string | undefined {
  if (ref === undefined || ref === '') return undefined;
  const pull = /^refs\/pull\/(\d+)\//.exec(ref);
  if (pull) return `pr-${pull[1]}`;
  const name = ref.replace(/^refs\/(heads|tags)\//, '');
  return name.startsWith('refs/') ? undefined : tagFromName(name);
}

export function defaultTags(ctx: TagContext, options: { immutable?: boolean } = {}): string[] {
  const sha = ctx.sha?.trim();
  if (!sha) {
    throw new UserError('no image tags: give tags, or build from a git commit (GITHUB_SHA or a git work tree)');
  }
  const tags = [sha];
  if (options.immutable) return tags;
  const name = refTag(ctx.ref);
  if (name !== undefined && name !== sha) tags.push(name);
  const branch = ctx.ref?.replace(/^refs\/heads\//, '');
  if (ctx.defaultBranch && branch === ctx.defaultBranch && ctx.ref?.startsWith('refs/tags/') !== true) {
    tags.push('latest');
  }
  return [...new Set(tags)];
}

/** Tags as given (one per line or comma separated), each checked; `what` names the input or option. */
export function parseTags(values: readonly string[], what: string): string[] {
  const tags = values
    .flatMap((v) => v.split(/[,\n]/))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const tag of tags) {
    if (!isValidTag(tag)) {
      throw new UserError(
        `${what}: "${tag}" is not a valid image tag (1 to 128 letters, digits, _ . -, not starting with . or -; ` +
          'give the tag only, without the repository)',
      );
    }
  }
  return [...new Set(tags)];
}
