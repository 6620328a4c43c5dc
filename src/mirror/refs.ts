/**
 * Which refs a mirror carries: branches (refs/heads/*) and tags (refs/tags/*), never refs/pull/*, refs/remotes/*,
 * HEAD or anything else, narrowed by include / exclude patterns; `protect` patterns keep refs from being pruned.
 *
 * Patterns: one that starts with `refs/` matches the full ref name (`refs/tags/v*`); any other matches the short name
 * of branches and tags alike (`main`, `release/*`, `v1.*`). `*` and `?` stop at `/`; `**` crosses it.
 */
import { UserError } from '../core/errors.js';

export type RefKind = 'branch' | 'tag';

export const BRANCH_PREFIX = 'refs/heads/';
export const TAG_PREFIX = 'refs/tags/';

/** The kind of a mirrored ref; undefined for everything a mirror never touches. */
export function refKind(name: string): RefKind | undefined {
  if (name.startsWith(BRANCH_PREFIX) && name.length > BRANCH_PREFIX.length) return 'branch';
  if (name.startsWith(TAG_PREFIX) && name.length > TAG_PREFIX.length) return 'tag';
  return undefined;
}

export function shortName(name: string): string {
  if (name.startsWith(BRANCH_PREFIX)) return name.slice(BRANCH_PREFIX.length);
  if (name.startsWith(TAG_PREFIX)) return name.slice(TAG_PREFIX.length);
  return name;
}

export interface RefPattern {
  readonly text: string;
  readonly test: (refName: string) => boolean;
}

export function compilePattern(text: string, what: string): RefPattern {
  const pattern = text.trim();
  if (pattern === '' || /[\s\\[~^:]/.test(pattern) || pattern.includes('..')) {
    throw new UserError(`${what}: "${text}" is not a ref pattern (no spaces, \\, [, ~, ^, : or ..)`);
  }
  const full = pattern.startsWith('refs/');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  const re = new RegExp(`^${source}$`);
  return { text: pattern, test: (name) => re.test(full ? name : shortName(name)) };
}

export interface RefFilterSpec {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly protect: readonly string[];
}

export class RefFilter {
  private readonly include: RefPattern[];
  private readonly exclude: RefPattern[];
  private readonly protect: RefPattern[];

  constructor(spec: RefFilterSpec) {
    this.include = spec.include.map((p) => compilePattern(p, 'include'));
    this.exclude = spec.exclude.map((p) => compilePattern(p, 'exclude'));
    this.protect = spec.protect.map((p) => compilePattern(p, 'protect'));
  }

  /** A branch or tag the mirror carries: included (everything when no include is given) and not excluded. */
  mirrors(name: string): boolean {
    if (refKind(name) === undefined) return false;
    if (this.include.length > 0 && !this.include.some((p) => p.test(name))) return false;
    return !this.exclude.some((p) => p.test(name));
  }

  isProtected(name: string): boolean {
    return this.protect.some((p) => p.test(name));
  }
}
