/** Shared plumbing of the appspec checks: collecting findings and reading typed values out of the tree. */
import type { Finding, Position } from './types.js';
import { didYouMean, suggest } from './suggest.js';
import {
  kindName,
  type MapEntry,
  type MapNode,
  type ScalarNode,
  type SeqNode,
  type TreeNode,
} from '../core/yaml-tree.js';

export class Checker {
  private readonly list: Finding[] = [];
  private errorCount = 0;
  /** Known keys that an unknown key of the mapping looks like a misspelling of (already reported). */
  private readonly misspelt = new WeakMap<MapNode, Set<string>>();

  constructor(readonly file: string) {}

  get findings(): readonly Finding[] {
    return this.list;
  }

  get errors(): number {
    return this.errorCount;
  }

  error(pos: Position, path: string, message: string): void {
    this.errorCount++;
    this.list.push({ severity: 'error', file: this.file, line: pos.line, col: pos.col, path, message });
  }

  warning(pos: Position, path: string, message: string): void {
    this.list.push({ severity: 'warning', file: this.file, line: pos.line, col: pos.col, path, message });
  }

  /** A non-empty scalar's text; reports a list/mapping, and an empty value when `required`. */
  text(node: TreeNode | undefined, path: string, required = true): string | undefined {
    if (node === undefined) return undefined;
    if (node.kind !== 'scalar') {
      this.error(node.pos, path, `must be a single value, not ${kindName(node)}`);
      return undefined;
    }
    if (node.isNull || node.text.trim() === '') {
      if (required) this.error(node.pos, path, 'must not be empty');
      return undefined;
    }
    return node.text;
  }

  /** A mapping, or undefined (reported) when the node is something else. */
  map(node: TreeNode, path: string, what: string): MapNode | undefined {
    if (node.kind === 'map') return node;
    this.error(node.pos, path, `must be a mapping (${what}), not ${kindName(node)}`);
    return undefined;
  }

  /** A list; an empty value counts as an empty list; anything else is reported. */
  seq(node: TreeNode, path: string, what: string): readonly TreeNode[] | undefined {
    if (node.kind === 'seq') return node.items;
    if (node.kind === 'scalar' && node.isNull) return [];
    this.error(node.pos, path, `must be a list (${what}), not ${kindName(node)}`);
    return undefined;
  }

  /** A list of non-empty single values. */
  textList(node: TreeNode, path: string, what: string): string[] | undefined {
    const items = this.seq(node, path, what);
    if (items === undefined) return undefined;
    const out: string[] = [];
    items.forEach((item, i) => {
      const t = this.text(item, `${path}[${i}]`);
      if (t !== undefined) out.push(t);
    });
    return out.length === items.length ? out : undefined;
  }

  /**
   * Sorts a mapping's entries by the names in `known` (matched exactly, or ignoring case when `ignoreCase`).
   * Other keys: `unknown: 'error'` reports each; `'typo'` reports a key that looks like a misspelt known key as an
   * error and any other as a warning (CodeDeploy ignores it).
   */
  keys<K extends string>(
    map: MapNode,
    path: string,
    known: readonly K[],
    options: { unknown: 'error' | 'typo'; ignoreCase?: boolean; where: string },
  ): Partial<Record<K, MapEntry>> {
    const out: Partial<Record<K, MapEntry>> = {};
    for (const e of map.entries) {
      const name = options.ignoreCase
        ? known.find((k) => k.toLowerCase() === e.key.toLowerCase())
        : known.find((k) => k === e.key);
      const here = join(path, e.key);
      if (name !== undefined) {
        if (out[name] !== undefined) this.error(e.keyPos, here, `"${name}" is given twice`);
        else out[name] = e;
        continue;
      }
      const hint = didYouMean(e.key, known);
      const guess = suggest(e.key, known);
      if (guess !== undefined) this.misspelt.set(map, (this.misspelt.get(map) ?? new Set()).add(guess));
      if (options.unknown === 'error' || guess !== undefined) {
        this.error(
          e.keyPos,
          here,
          `unknown key "${e.key}" in ${options.where}${hint || `; known keys: ${known.join(', ')}`}`,
        );
      } else {
        this.warning(e.keyPos, here, `undocumented key "${e.key}" in ${options.where}; CodeDeploy ignores it`);
      }
    }
    return out;
  }

  /** Reports a missing required key of `map`, unless a misspelling of it was reported already. */
  missing(map: MapNode, path: string, key: string, what: string): void {
    if (this.misspelt.get(map)?.has(key)) return;
    this.error(map.pos, path, `"${key}" is required (${what})`);
  }
}

/** `a.b`, or `b` at the root. */
export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export type { MapEntry, MapNode, ScalarNode, SeqNode, TreeNode };
