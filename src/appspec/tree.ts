/**
 * YAML (or JSON) text → a small read-only tree whose scalars keep their source text and whose nodes carry a
 * 1-based line:col. The document is composed with the failsafe schema, so `version: 0.0` stays "0.0" and
 * `mode: 0644` stays "0644"; the scalar's style tells a plain `0644` from a quoted one. Aliases are resolved
 * and `<<` merge keys applied (the CodeDeploy agent reads the file with Ruby's YAML, which does both).
 * Nothing here throws: problems are returned.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { Position } from './types.js';

export type ScalarStyle = 'plain' | 'quoted' | 'block';

export interface ScalarNode {
  readonly kind: 'scalar';
  /** Source text (plain), decoded text (quoted, block); "" for null. */
  readonly text: string;
  /** A plain `~`, `null` or empty value. */
  readonly isNull: boolean;
  readonly style: ScalarStyle;
  readonly pos: Position;
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly TreeNode[];
  readonly pos: Position;
}

export interface MapEntry {
  readonly key: string;
  readonly keyPos: Position;
  readonly value: TreeNode;
}

export interface MapNode {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
  readonly pos: Position;
}

export type TreeNode = ScalarNode | SeqNode | MapNode;

export interface TreeProblem {
  readonly severity: 'error' | 'warning';
  readonly pos: Position;
  readonly message: string;
}

export interface ParsedTree {
  /** Undefined when the text holds no document (empty, or only comments). */
  readonly root?: TreeNode;
  readonly problems: readonly TreeProblem[];
}

const MAX_DEPTH = 64;
const NULL_TEXT = /^(?:~|null|Null|NULL)?$/;
export const START: Position = { line: 1, col: 1 };

/** Parses YAML or JSON text into a tree. Never throws. */
export function parseTree(text: string): ParsedTree {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset ?? 0, source.length)));
    return { line: Math.max(1, line), col: Math.max(1, col) };
  };
  const problems: TreeProblem[] = [];
  try {
    const doc = parseDocument(source, { lineCounter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
    problems.push(...doc.errors.map((e) => yamlProblem(e, 'error', at)));
    problems.push(...doc.warnings.map((e) => yamlProblem(e, 'warning', at)));
    if (doc.contents === null) return { problems };
    return { root: new Builder(doc, at, problems).node(doc.contents, 0), problems };
  } catch (error) {
    problems.push({ severity: 'error', pos: START, message: `cannot read the YAML: ${String(error)}` });
    return { problems };
  }
}

function yamlProblem(e: YAMLError, severity: 'error' | 'warning', at: (o: number) => Position): TreeProblem {
  const firstLine = e.message.split('\n')[0] ?? e.message;
  const message = firstLine.replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'MULTIPLE_DOCS') {
    return { severity, pos: at(e.pos[0]), message: 'the file holds more than one YAML document (a second "---")' };
  }
  return { severity, pos: at(e.pos[0]), message: `YAML syntax: ${message}` };
}

class Builder {
  private readonly building = new Set<unknown>();
  /** Each YAML node is built once, so aliases cost nothing (no "billion laughs"). */
  private readonly done = new Map<unknown, TreeNode>();
  private tooDeep = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly at: (offset: number | undefined) => Position,
    private readonly problems: TreeProblem[],
  ) {}

  node(n: unknown, depth: number): TreeNode {
    const pos = this.start(n);
    if (depth > MAX_DEPTH) {
      if (!this.tooDeep) this.problems.push({ severity: 'error', pos, message: `nesting deeper than ${MAX_DEPTH}` });
      this.tooDeep = true;
      return nullAt(pos);
    }
    if (isAlias(n)) {
      const target = n.resolve(this.doc);
      if (target === undefined || this.building.has(target)) {
        this.problems.push({ severity: 'error', pos, message: `alias *${n.source} cannot be resolved` });
        return nullAt(pos);
      }
      return this.node(target, depth + 1);
    }
    const cached = this.done.get(n);
    if (cached) return cached;
    this.building.add(n);
    let built: TreeNode;
    if (isMap(n)) built = this.map(n.items, pos, depth);
    else if (isSeq(n)) built = { kind: 'seq', items: n.items.map((i) => this.node(i, depth + 1)), pos };
    else if (isScalar(n)) built = scalar(n, pos);
    else built = nullAt(pos);
    this.building.delete(n);
    this.done.set(n, built);
    return built;
  }

  private start(n: unknown): Position {
    const range = (n as { range?: readonly number[] | null } | null)?.range;
    return this.at(range?.[0]);
  }

  private map(items: ReadonlyArray<{ key: unknown; value: unknown }>, pos: Position, depth: number): MapNode {
    const entries: MapEntry[] = [];
    const merged: MapEntry[] = [];
    for (const pair of items) {
      const keyPos = pair.key === null ? pos : this.start(pair.key);
      const value = pair.value === null ? nullAt(this.end(pair.key) ?? keyPos) : this.node(pair.value, depth + 1);
      const key = pair.key === null ? undefined : this.node(pair.key, depth + 1);
      if (key?.kind !== 'scalar') {
        this.problems.push({ severity: 'error', pos: keyPos, message: 'a mapping key must be a plain string' });
        continue;
      }
      if (key.style === 'plain' && key.text === '<<') {
        const sources = value.kind === 'seq' ? value.items : [value];
        for (const s of sources) {
          if (s.kind === 'map') merged.push(...s.entries);
          else this.problems.push({ severity: 'error', pos: keyPos, message: 'a "<<" merge key needs a mapping' });
        }
        continue;
      }
      entries.push({ key: key.text, keyPos, value });
    }
    // Keys written in the mapping win over merged ones; among merged mappings the first listed wins.
    const seen = new Set(entries.map((e) => e.key));
    for (const m of merged) {
      if (!seen.has(m.key)) entries.push(m);
      seen.add(m.key);
    }
    return { kind: 'map', entries, pos };
  }

  private end(n: unknown): Position | undefined {
    const range = (n as { range?: readonly number[] | null } | null)?.range;
    return range ? this.at(range[1]) : undefined;
  }
}

function scalar(s: Scalar, pos: Position): ScalarNode {
  const text = typeof s.value === 'string' ? s.value : s.value == null ? '' : String(s.value);
  const style: ScalarStyle =
    s.type === Scalar.QUOTE_SINGLE || s.type === Scalar.QUOTE_DOUBLE
      ? 'quoted'
      : s.type === Scalar.BLOCK_LITERAL || s.type === Scalar.BLOCK_FOLDED
        ? 'block'
        : 'plain';
  const isNull = style === 'plain' && NULL_TEXT.test(text) && !s.tag;
  return { kind: 'scalar', text: isNull ? '' : text, isNull, style, pos };
}

function nullAt(pos: Position): ScalarNode {
  return { kind: 'scalar', text: '', isNull: true, style: 'plain', pos };
}

/** The entry of `map` named `key` (exact), if any. */
export function entry(map: TreeNode | undefined, key: string): MapEntry | undefined {
  return map?.kind === 'map' ? map.entries.find((e) => e.key === key) : undefined;
}

/** A human name for a node's kind, for messages: "a list", "a mapping", "a string", "empty". */
export function kindName(node: TreeNode): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  return node.isNull ? 'empty' : `"${node.text}"`;
}
