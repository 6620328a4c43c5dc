/**
 * Lenient readers from the tree to model values. They never report: shapes were already checked (check.ts), and
 * the model is only handed out when there are no errors. Nulls read as absent.
 */
import { TRUE_TEXT } from './check.js';
import { entry, type TreeNode } from '../core/yaml-tree.js';
import type { Command, NamedValue } from './types.js';

/** The value of `key` in a mapping, unless it is null. */
export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  const value = entry(node, key)?.value;
  return value?.kind === 'scalar' && value.isNull ? undefined : value;
}

/** Scalar text of `key`, if given. */
export function textOf(node: TreeNode | undefined, key: string): string | undefined {
  const value = child(node, key);
  return value?.kind === 'scalar' ? value.text : undefined;
}

/** yes/true → true, no/false → false, absent → `fallback`. */
export function flagOf(node: TreeNode | undefined, key: string, fallback = false): boolean {
  const text = textOf(node, key);
  return text === undefined ? fallback : TRUE_TEXT.test(text);
}

/** An optional flag: undefined when absent. */
export function optionalFlagOf(node: TreeNode | undefined, key: string): boolean | undefined {
  return textOf(node, key) === undefined ? undefined : flagOf(node, key);
}

/** List items (or a lone scalar) that are non-null scalars, with their positions. */
export function scalarItems(node: TreeNode | undefined): Command[] {
  if (node === undefined) return [];
  if (node.kind === 'scalar') return node.isNull ? [] : [{ text: node.text, pos: node.pos }];
  if (node.kind === 'map') return [];
  return node.items.flatMap((item) =>
    item.kind === 'scalar' && !item.isNull ? [{ text: item.text, pos: item.pos }] : [],
  );
}

export function stringsOf(node: TreeNode | undefined, key: string): string[] {
  return scalarItems(child(node, key)).map((c) => c.text);
}

/** name → scalar value pairs in file order; a null value is "". */
export function namedValuesOf(node: TreeNode | undefined, key: string): NamedValue[] {
  const map = child(node, key);
  if (map?.kind !== 'map') return [];
  return map.entries.flatMap((e) =>
    e.value.kind === 'scalar' ? [{ name: e.key, value: e.value.text, pos: e.keyPos }] : [],
  );
}

/** Adds `key: value` to an object only when the value is defined (keeps optional fields absent). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
