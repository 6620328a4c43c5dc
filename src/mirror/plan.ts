/**
 * The mirror's plan: for every branch and tag in scope, what happens on CodeCommit.
 *
 * - create: on the source, not on CodeCommit;
 * - update: on both, CodeCommit's commit is an ancestor of the source's (a fast-forward);
 * - rewind: on both, not a fast-forward (a force-push on GitHub); a tag that moved is always a rewind, as git itself
 *   never moves a tag without force;
 * - delete: on CodeCommit only, with prune, and not protected;
 * - unchanged: the same object on both.
 * Refs on CodeCommit only that are kept (no prune, or protected) are listed apart.
 */
import { refKind, type RefFilter, type RefKind } from './refs.js';

export type PlanAction = 'create' | 'update' | 'rewind' | 'delete' | 'unchanged';

export interface PlanEntry {
  readonly name: string;
  readonly kind: RefKind;
  readonly action: PlanAction;
  /** CodeCommit's object before (update, rewind, delete, unchanged). */
  readonly old?: string;
  /** The source's object (create, update, rewind, unchanged). */
  readonly new?: string;
}

export interface Plan {
  readonly entries: readonly PlanEntry[];
  /** On CodeCommit only and kept: prune is off. */
  readonly kept: readonly string[];
  /** On CodeCommit only and kept because a protect pattern matches. */
  readonly protected: readonly string[];
}

/** For each (old, new) pair: is `old` an ancestor of `new` (a fast-forward)? Missing objects answer false. */
export type FastForwardCheck = (pairs: ReadonlyArray<{ old: string; new: string }>) => Promise<boolean[]>;

export interface PlanInput {
  /** Source refs (full names) → object ids. */
  readonly source: ReadonlyMap<string, string>;
  /** CodeCommit refs → object ids. */
  readonly remote: ReadonlyMap<string, string>;
  readonly filter: RefFilter;
  readonly prune: boolean;
  readonly fastForward: FastForwardCheck;
}

export async function computePlan(input: PlanInput): Promise<Plan> {
  const entries: PlanEntry[] = [];
  const changedBranches: Array<{ index: number; old: string; new: string }> = [];
  for (const [name, sha] of input.source) {
    const kind = refKind(name);
    if (kind === undefined || !input.filter.mirrors(name)) continue;
    const old = input.remote.get(name);
    if (old === undefined) entries.push({ name, kind, action: 'create', new: sha });
    else if (old === sha) entries.push({ name, kind, action: 'unchanged', old, new: sha });
    else if (kind === 'tag') entries.push({ name, kind, action: 'rewind', old, new: sha });
    else {
      changedBranches.push({ index: entries.length, old, new: sha });
      entries.push({ name, kind, action: 'update', old, new: sha });
    }
  }
  if (changedBranches.length > 0) {
    const ff = await input.fastForward(changedBranches);
    changedBranches.forEach((c, i) => {
      if (ff[i] !== true) entries[c.index] = { ...(entries[c.index] as PlanEntry), action: 'rewind' };
    });
  }
  const kept: string[] = [];
  const protectedRefs: string[] = [];
  for (const [name, old] of input.remote) {
    const kind = refKind(name);
    if (kind === undefined || input.source.has(name) || !input.filter.mirrors(name)) continue;
    if (!input.prune) kept.push(name);
    else if (input.filter.isProtected(name)) protectedRefs.push(name);
    else entries.push({ name, kind, action: 'delete', old });
  }
  entries.sort((a, b) => compare(a.name, b.name));
  return { entries, kept: kept.sort(compare), protected: protectedRefs.sort(compare) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly rewind: number;
  readonly delete: number;
  readonly unchanged: number;
}

export function countPlan(entries: readonly PlanEntry[]): PlanCounts {
  const counts = { create: 0, update: 0, rewind: 0, delete: 0, unchanged: 0 };
  for (const e of entries) counts[e.action]++;
  return counts;
}

/** The entries that change CodeCommit. */
export function changes(plan: Plan): PlanEntry[] {
  return plan.entries.filter((e) => e.action !== 'unchanged');
}
