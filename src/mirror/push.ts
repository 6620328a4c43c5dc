/**
 * Pushing a plan to CodeCommit: batches of at most 4,000 refs (CodeCommit's limit per push) within a bounded command
 * line, the staging repository each batch is pushed from, the arguments of each push, and the per-ref results of
 * `git push --porcelain`.
 *
 * A few refs go as explicit `<sha>:<ref>` refspecs from the source. Many refs go from a staging repository: a bare
 * repository in a temporary directory that borrows the source's objects (objects/info/alternates) and holds exactly
 * the batch's refs under their CodeCommit names, written by one `git update-ref --stdin`, pushed with the glob
 * refspecs `refs/heads/*:refs/heads/*` and `refs/tags/*:refs/tags/*`. Why: git resolves every explicit refspec
 * against every local and every remote ref (a quadratic cost that makes 4,000 explicit refspecs from a repository
 * with 9,000 tags take minutes); globs over a repository that holds only the batch avoid most of it. Over HTTP git
 * still matches each ref against the refs the remote advertises, so a first mirror of thousands of refs costs about
 * what `git push --tags` costs.
 *
 * - create, update: not forced (git refuses an update that stopped being a fast-forward);
 * - rewind: `--force-with-lease=<ref>:<old>` (forced only while CodeCommit still has `old`);
 * - delete: `:<ref>` with the same lease.
 * Ref names reach git only through stdin, or as single argument-array elements after `--` and the URL.
 */
import type { PlanEntry } from './plan.js';

/** CodeCommit refuses a push that carries more refs than this. */
export const MAX_REFS_PER_PUSH = 4000;
/**
 * Refs per push by default. Each push costs a round of HTTP requests and a credential helper start; within a push git
 * matches each ref against the others (quadratic), so 1,000 is cheaper overall than 4,000: 9,000 new tags go in
 * 9 pushes in well under half the time that 3 pushes of 4,000 take.
 */
export const DEFAULT_REFS_PER_PUSH = 1000;
/** Windows limits a command line to 32,767 characters; elsewhere the limit is far larger (ARG_MAX). */
export const MAX_ARG_CHARS = process.platform === 'win32' ? 24_000 : 1_000_000;

export interface BatchOptions {
  readonly maxRefs?: number;
  readonly maxChars?: number;
  /** Pushed alone first (the branch that should become CodeCommit's default on an empty repository). */
  readonly first?: string;
}

/**
 * Changes in push order: the `first` branch alone, then creates, updates and rewinds, then deletes; each batch within
 * the ref count and the command-line length (leases and deletes are the only per-ref arguments).
 */
export function batches(changes: readonly PlanEntry[], options: BatchOptions = {}): PlanEntry[][] {
  const maxRefs = Math.min(options.maxRefs ?? DEFAULT_REFS_PER_PUSH, MAX_REFS_PER_PUSH);
  const maxChars = options.maxChars ?? MAX_ARG_CHARS;
  const first = changes.find((e) => e.name === options.first && e.action !== 'delete');
  const rest = changes.filter((e) => e !== first && e.action !== 'unchanged');
  const ordered = [...rest.filter((e) => e.action !== 'delete'), ...rest.filter((e) => e.action === 'delete')];
  const groups: PlanEntry[][] = first ? [[first]] : [];
  let current: PlanEntry[] = [];
  let chars = 0;
  for (const entry of ordered) {
    const size = argChars(entry);
    if (current.length > 0 && (current.length >= maxRefs || chars + size > maxChars)) {
      groups.push(current);
      current = [];
      chars = 0;
    }
    current.push(entry);
    chars += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Characters an entry adds to the command line at most: its lease and its explicit refspec. */
function argChars(entry: PlanEntry): number {
  const lease = leaseOf(entry);
  return (lease === undefined ? 0 : lease.length + 1) + entry.name.length + 42;
}

export function leaseOf(entry: PlanEntry): string | undefined {
  return entry.action === 'rewind' || entry.action === 'delete'
    ? `--force-with-lease=${entry.name}:${entry.old ?? ''}`
    : undefined;
}

/** `git update-ref --stdin` input writing a batch's refs into the staging repository. */
export function stagingRefs(batch: readonly PlanEntry[]): string {
  return batch
    .filter((e) => e.action !== 'delete' && e.new !== undefined)
    .map((e) => `update ${e.name} ${e.new}\n`)
    .join('');
}

/**
 * Whether a batch is pushed from a staging repository (many refs) rather than with explicit `<sha>:<ref>` refspecs
 * from the source: git's matching costs about (refs sent) × (refs on both sides) per explicit refspec, which is
 * nothing for the few refs of an incremental mirror and minutes for thousands.
 */
export function useStaging(batch: readonly PlanEntry[], localRefs: number, remoteRefs: number): boolean {
  const sent = batch.filter((e) => e.action !== 'delete').length;
  return sent * (localRefs + remoteRefs + sent) > EXPLICIT_COST_LIMIT;
}

export const EXPLICIT_COST_LIMIT = 50_000;

/**
 * The arguments of one push (after the global `-c` options): from a staging repository with glob refspecs, or with
 * explicit `<sha>:<ref>` refspecs.
 */
export function pushArgs(url: string, batch: readonly PlanEntry[], staged: boolean): string[] {
  const leases = batch.map(leaseOf).filter((l): l is string => l !== undefined);
  const sent = batch.filter((e) => e.action !== 'delete');
  const specs = staged
    ? [
        ...(sent.some((e) => e.kind === 'branch') ? ['refs/heads/*:refs/heads/*'] : []),
        ...(sent.some((e) => e.kind === 'tag') ? ['refs/tags/*:refs/tags/*'] : []),
      ]
    : sent.map((e) => `${e.new}:${e.name}`);
  specs.push(...batch.filter((e) => e.action === 'delete').map((e) => `:${e.name}`));
  return ['push', '--porcelain', '--no-verify', ...leases, '--', url, ...specs];
}

export interface RefResult {
  /** git's flag: ' ' fast-forward, '+' forced, '-' deleted, '*' new, '=' up to date, '!' rejected. */
  readonly flag: string;
  readonly summary: string;
}

/** `git push --porcelain` output → ref → result (by the destination ref). */
export function parsePorcelain(stdout: string): Map<string, RefResult> {
  const results = new Map<string, RefResult>();
  for (const line of stdout.split('\n')) {
    const m = /^([ +\-*=!])\t([^\t]*)\t(.*)$/.exec(line);
    if (!m) continue;
    const spec = m[2] as string;
    const colon = spec.lastIndexOf(':');
    const to = colon < 0 ? spec : spec.slice(colon + 1);
    results.set(to, { flag: m[1] as string, summary: (m[3] as string).trim() });
  }
  return results;
}

export function succeeded(result: RefResult | undefined): boolean {
  return result !== undefined && result.flag !== '!';
}
