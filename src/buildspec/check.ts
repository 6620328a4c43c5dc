/**
 * The generic validator: walks a tree against the definitions (definitions.ts) and reports unknown and misplaced
 * keys, wrong shapes, values outside their enums, missing required keys and version mismatches.
 */
import type {
  BooleanShape,
  IntegerShape,
  ListShape,
  MapShape,
  ObjectShape,
  Shape,
  StringShape,
  Version,
} from './definitions.js';
import { closest } from './grammar.js';
import type { FindingSink } from '../core/findings.js';
import type { MapNode, ScalarNode, TreeNode } from '../core/yaml-tree.js';
import type { Position } from './types.js';

export interface CheckContext {
  /** The file's version when valid; version-specific keys are only checked against a known version. */
  readonly version: Version | undefined;
  readonly sink: FindingSink;
}

/** Where a value is: its dotted path and the position to report it at (the key that holds it). */
interface Site {
  readonly path: string;
  readonly at: Position;
}

export const BOOLEAN_TEXT = /^(?:yes|no|true|false)$/i;
export const TRUE_TEXT = /^(?:yes|true)$/i;
/** List markers that look like "-" but are not: en dash, em dash, minus sign, bullet. */
const FAKE_LIST_MARKER = /^([\u2013\u2014\u2212\u2022]) /;

export function checkNode(node: TreeNode, shape: Shape, site: Site, ctx: CheckContext): void {
  if (node.kind === 'scalar' && node.isNull) {
    ctx.sink.add(shape.nullSeverity ?? 'warning', site.at, site.path, shape.nullMessage ?? 'is empty');
    return;
  }
  switch (shape.kind) {
    case 'string':
      return checkString(node, shape, site, ctx);
    case 'boolean':
      return checkBoolean(node, shape, site, ctx);
    case 'integer':
      return checkInteger(node, shape, site, ctx);
    case 'list':
      return checkList(node, shape, site, ctx);
    case 'object':
      return checkObject(node, shape, site, ctx);
    case 'map':
      return checkMap(node, shape, site, ctx);
  }
}

function describeKind(node: TreeNode): string {
  return node.kind === 'seq' ? 'a list' : node.kind === 'map' ? 'a mapping' : 'a string';
}

/** Why a mapping sits where a string belongs, in terms the user can act on. */
function mappingInsteadOfString(node: MapNode): string {
  const keys = node.entries.map((e) => e.key);
  if (keys.some((k) => ['name', 'run', 'uses', 'with', 'id'].includes(k))) {
    return 'must be a string, not a mapping; GitHub Actions steps (name:, run:, uses:) are not buildspec syntax: write the shell command itself';
  }
  const [first] = node.entries;
  if (node.entries.length === 1 && first && first.value.kind === 'scalar') {
    return `must be a string, not a mapping: YAML reads "${first.key}: ${first.value.text}" as a key and a value because of ": "; quote the whole text`;
  }
  return 'must be a string, not a mapping';
}

function scalarOrReport(node: TreeNode, site: Site, ctx: CheckContext, what: string): ScalarNode | undefined {
  if (node.kind === 'scalar') return node;
  const message =
    node.kind === 'map' && what === 'a string'
      ? mappingInsteadOfString(node)
      : `must be ${what}, not ${describeKind(node)}`;
  ctx.sink.error(node.pos, site.path, message);
  return undefined;
}

function checkString(node: TreeNode, shape: StringShape, site: Site, ctx: CheckContext): void {
  const scalar = scalarOrReport(node, site, ctx, 'a string');
  if (!scalar) return;
  if (shape.check) {
    const problem = shape.check(scalar.text);
    if (problem) ctx.sink.add(problem.severity, scalar.pos, site.path, problem.message);
    return;
  }
  if (!shape.enum) return;
  const text = shape.caseInsensitive ? scalar.text.toUpperCase() : scalar.text;
  const allowed = shape.enum.map((v) => (shape.caseInsensitive ? v.toUpperCase() : v));
  if (allowed.includes(text) || (shape.orPattern && new RegExp(shape.orPattern).test(scalar.text))) return;
  const suggestion = closest(scalar.text, shape.enum);
  const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
  const values = shape.enum.join(', ') + (shape.orPattern === '^/' ? ', or an absolute path' : '');
  ctx.sink.add(
    shape.enumSeverity ?? 'error',
    scalar.pos,
    site.path,
    `unknown value "${scalar.text}" (expected ${values})${hint}`,
  );
}

function checkBoolean(node: TreeNode, _shape: BooleanShape, site: Site, ctx: CheckContext): void {
  const scalar = scalarOrReport(node, site, ctx, 'yes or no');
  if (scalar && !BOOLEAN_TEXT.test(scalar.text)) {
    ctx.sink.error(scalar.pos, site.path, `must be yes or no (or true/false); got "${scalar.text}"`);
  }
}

function checkInteger(node: TreeNode, shape: IntegerShape, site: Site, ctx: CheckContext): void {
  const scalar = scalarOrReport(node, site, ctx, 'a whole number');
  if (!scalar) return;
  const min = shape.minimum ?? 0;
  if (!/^\d+$/.test(scalar.text) || Number(scalar.text) < min) {
    ctx.sink.error(scalar.pos, site.path, `must be a whole number ≥ ${min}; got "${scalar.text}"`);
  }
}

function checkList(node: TreeNode, shape: ListShape, site: Site, ctx: CheckContext): void {
  if (node.kind === 'map') {
    ctx.sink.error(node.pos, site.path, 'must be a list ("- item" lines), not a mapping');
    return;
  }
  if (node.kind === 'scalar') return checkScalarForList(node, shape, site, ctx);
  node.items.forEach((item, i) => {
    const itemSite = { path: `${site.path}[${i}]`, at: item.pos };
    if (item.kind === 'scalar' && item.isNull) ctx.sink.warning(item.pos, itemSite.path, 'empty list item; ignored');
    else checkNode(item, shape.items, itemSite, ctx);
  });
  if (shape.maxItems !== undefined && node.items.length > shape.maxItems) {
    const item = node.items[shape.maxItems] ?? node;
    ctx.sink.add(
      shape.maxItemsSeverity ?? 'error',
      item.pos,
      site.path,
      shape.maxItemsMessage?.(node.items.length) ??
        `lists ${node.items.length} items; at most ${shape.maxItems} are used`,
    );
  }
  if (shape.minItems !== undefined && node.items.length < shape.minItems) {
    ctx.sink.error(site.at, site.path, shape.minItemsMessage ?? `must list at least ${shape.minItems} items`);
  }
}

function checkScalarForList(node: ScalarNode, shape: ListShape, site: Site, ctx: CheckContext): void {
  const fake = FAKE_LIST_MARKER.exec(node.text);
  if (fake) {
    const code = (fake[1] ?? '').codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
    ctx.sink.error(
      node.pos,
      site.path,
      `must be a list, but its lines start with "${fake[1]}" (U+${code}) instead of "-", so YAML reads them as one string; use "- " list markers`,
    );
    return;
  }
  if (shape.scalar === undefined) {
    ctx.sink.error(node.pos, site.path, `must be a list ("- item" lines), not a string`);
    return;
  }
  if (shape.scalar === 'warn') {
    ctx.sink.warning(node.pos, site.path, 'is a single string, not a list; it is read as a list of one item');
  }
  checkNode(node, shape.items, site, ctx);
}

function checkObject(node: TreeNode, shape: ObjectShape, site: Site, ctx: CheckContext): void {
  if (node.kind !== 'map') {
    const hint = node.kind === 'seq' && shape.listHint ? `; ${shape.listHint}` : '';
    ctx.sink.error(node.pos, site.path, `must be a mapping ("key: value" lines), not ${describeKind(node)}${hint}`);
    return;
  }
  for (const e of node.entries) {
    const path = site.path ? `${site.path}.${e.key}` : e.key;
    const misplaced = shape.misplaced?.[e.key];
    const def = shape.keys[e.key];
    if (misplaced) ctx.sink.error(e.keyPos, path, misplaced);
    else if (!def) unknownKey(e.key, shape, { path, at: e.keyPos }, ctx);
    else if (def.versions && ctx.version && !def.versions.includes(ctx.version)) {
      ctx.sink.warning(
        e.keyPos,
        path,
        def.versionMessage ?? `"${e.key}" is not part of buildspec version ${ctx.version}`,
      );
      if (ctx.version === '0.1') checkNode(e.value, def.shape, { path, at: e.keyPos }, ctx);
    } else if (def.required && e.value.kind === 'scalar' && e.value.isNull) {
      ctx.sink.error(e.keyPos, path, 'is empty; a value is required');
    } else checkNode(e.value, def.shape, { path, at: e.keyPos }, ctx);
  }
  for (const [name, def] of Object.entries(shape.keys)) {
    if (def.required && !node.entries.some((e) => e.key === name)) {
      ctx.sink.error(site.at, site.path, `missing required key "${name}"`);
    }
  }
  if (shape.exactlyOne) checkExactlyOne(node, shape.exactlyOne, site, ctx);
}

function unknownKey(name: string, shape: ObjectShape, site: Site, ctx: CheckContext): void {
  const noun = shape.noun ?? 'key';
  const known = Object.keys(shape.keys);
  const suggestion = closest(name, known);
  const advice =
    shape.unknownHint?.(name) ?? (suggestion ? `did you mean "${suggestion}"?` : `expected one of ${known.join(', ')}`);
  const ignored = shape.unknownKeys === 'warning' ? ' (ignored)' : '';
  ctx.sink.add(shape.unknownKeys, site.at, site.path, `unknown ${noun} "${name}"${ignored}; ${advice}`);
}

function checkExactlyOne(node: MapNode, names: readonly string[], site: Site, ctx: CheckContext): void {
  const present = node.entries.filter((e) => names.includes(e.key));
  if (present.length === 0) ctx.sink.error(site.at, site.path, `needs one of ${names.join(', ')}`);
  for (const extra of present.slice(1)) {
    const first = present[0]?.key ?? '';
    ctx.sink.error(
      extra.keyPos,
      `${site.path}.${extra.key}`,
      `only one batch type is allowed; "${first}" is already given`,
    );
  }
}

function checkMap(node: TreeNode, shape: MapShape, site: Site, ctx: CheckContext): void {
  if (node.kind !== 'map') {
    ctx.sink.error(node.pos, site.path, `must be a mapping ("name: value" lines), not ${describeKind(node)}`);
    return;
  }
  for (const e of node.entries) {
    const path = `${site.path}.${e.key}`;
    const problem = shape.checkKey?.(e.key);
    if (problem) ctx.sink.add(problem.severity, e.keyPos, path, problem.message);
    checkNode(e.value, shape.values, { path, at: e.keyPos }, ctx);
  }
  if (shape.minEntries !== undefined && node.entries.length < shape.minEntries) {
    ctx.sink.error(
      site.at,
      site.path,
      `must list at least ${shape.minEntries} entr${shape.minEntries === 1 ? 'y' : 'ies'}`,
    );
  }
  if (shape.maxEntries !== undefined && node.entries.length > shape.maxEntries) {
    const extra = node.entries[shape.maxEntries];
    ctx.sink.add(
      shape.maxEntriesSeverity ?? 'error',
      extra?.keyPos ?? site.at,
      site.path,
      `lists ${node.entries.length} entries; at most ${shape.maxEntries} are allowed`,
    );
  }
}
