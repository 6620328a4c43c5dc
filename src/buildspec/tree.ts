/**
 * YAML text → a small read-only tree whose scalars keep their source text and whose nodes all carry a 1-based
 * line:col. This is the only module that talks to the `yaml` package.
 *
 * CodeBuild's agent is a Go program that reads scalars into string fields as their literal text, so the
 * document is composed with the failsafe schema (every scalar is a string: `3.10` stays "3.10", `yes` stays
 * "yes"); nulls (`~`, `null`, nothing) are recognised from the plain text. Aliases are resolved and `<<` merge
 * keys are applied, as Go YAML decoders do. Problems become Findings; nothing here throws.
 */
import { Alias, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLError } from 'yaml';
import type { Position } from './types.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

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
  /** Undefined when the text holds no document at all (empty or only comments). */
  readonly root?: TreeNode;
  readonly problems: readonly TreeProblem[];
}

/** Deeper nesting is no buildspec; stop there instead of risking the stack. */
const MAX_DEPTH = 64;
const NULL_TEXT = /^(?:~|null|Null|NULL)?$/;
const START: Position = { line: 1, col: 1 };

/** Parses YAML text into a tree. Never throws. */
export function parseTree(text: string): ParsedTree {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, { lineCounter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    return { problems: [{ severity: 'error', pos: START, message: `cannot parse the YAML: ${String(error)}` }] };
  }
  const at = (offset: number | undefined): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset ?? 0, source.length)));
    return { line: Math.max(1, line), col: Math.max(1, col) };
  };
  const lineText = (line: number): string => {
    const start = lineCounter.lineStarts[line - 1] ?? 0;
    const end = lineCounter.lineStarts[line] ?? source.length;
    return source.slice(start, end).replace(/\r?\n$/, '');
  };
  const problem = (e: YAMLError, severity: 'error' | 'warning'): TreeProblem => {
    const p = yamlProblem(e, severity, at);
    const hint = severity === 'error' ? syntaxHint(lineText(p.pos.line)) : undefined;
    if (!hint) return p;
    // Point at the text to fix (e.g. the "[" to quote) rather than where the parser gave up.
    const pos = hint.col === undefined ? p.pos : { line: p.pos.line, col: hint.col };
    return { ...p, pos, message: `${p.message}; ${hint.advice}` };
  };
  // Go YAML decoders read the first document and ignore the rest: a warning, not an error.
  const errors = doc.errors.filter((e) => e.code !== 'MULTIPLE_DOCS');
  const extraDocs = doc.errors.filter((e) => e.code === 'MULTIPLE_DOCS');
  const problems: TreeProblem[] = [
    ...firstPerLine(errors.map((e) => problem(e, 'error'))),
    ...[...extraDocs, ...doc.warnings].map((e) => problem(e, 'warning')),
  ];
  // After a syntax error the document is a guess; CodeBuild stops there too.
  if (doc.contents === null || errors.length > 0) return { problems };
  const builder = new TreeBuilder(doc, at, problems);
  try {
    return { root: builder.node(doc.contents, 0), problems };
  } catch (error) {
    // RangeError from a pathological document; report it rather than crash.
    problems.push({ severity: 'error', pos: START, message: `cannot read the YAML: ${String(error)}` });
    return { problems };
  }
}

function yamlProblem(e: YAMLError, severity: 'error' | 'warning', at: (o: number) => Position): TreeProblem {
  const firstLine = e.message.split('\n')[0] ?? e.message;
  const message = firstLine.replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'MULTIPLE_DOCS') {
    const message = 'the file holds more than one YAML document (a second "---"); only the first one is used';
    return { severity, pos: at(e.pos[0]), message };
  }
  if (e.code === 'TAG_RESOLVE_FAILED') {
    return { severity, pos: at(e.pos[0]), message: `${message}; the value is read as plain text` };
  }
  return { severity, pos: at(e.pos[0]), message: `YAML syntax: ${message}` };
}

/** One syntax error per line: the parser's follow-up complaints about the same line add nothing. */
function firstPerLine(problems: readonly TreeProblem[]): TreeProblem[] {
  const lines = new Set<number>();
  return problems.filter((p) => !lines.has(p.pos.line) && lines.add(p.pos.line));
}

/** Advice for the usual causes of a YAML syntax error on a line, and the column of the text to fix. */
function syntaxHint(line: string): { advice: string; col?: number } | undefined {
  const match = /^(\s*(?:-\s+|[^\s#'"][^#]*?:\s+)?)(.*)$/.exec(line);
  const lead = match?.[1] ?? '';
  const value = match?.[2] ?? '';
  if (/^@['"]\s*$|^['"]@/.test(line.trim())) {
    return {
      advice: "the file is wrapped in a PowerShell here-string (@' … '@): save only the YAML between those lines",
    };
  }
  if (value.includes('{{')) {
    return {
      advice: 'the line holds "{{ … }}", an unrendered template placeholder? Render the template or quote the value',
      col: line.indexOf('{{') + 1,
    };
  }
  if (/^[[{]/.test(value)) {
    const advice = `text starting with "${value[0]}" is read as a YAML flow collection: quote the whole command or value`;
    return { advice, col: lead.length + 1 };
  }
  if (/^\s*[A-Za-z_][\w-]*\s+[^\s:#][^:]*$/.test(line) && !/^\s*-/.test(line)) {
    return { advice: 'a key needs a colon and a space ("key: value")' };
  }
  return undefined;
}

class TreeBuilder {
  private readonly done = new Map<YamlNode, TreeNode>();
  private readonly building = new Set<unknown>();
  private tooDeep = false;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly at: (offset: number | undefined) => Position,
    private readonly problems: TreeProblem[],
  ) {}

  node(n: unknown, depth: number): TreeNode {
    if (depth > MAX_DEPTH) return this.deep(n);
    if (isAlias(n)) return this.alias(n, depth);
    const cached = this.done.get(n as YamlNode);
    if (cached) return cached;
    this.building.add(n);
    let built: TreeNode;
    if (isMap(n)) built = this.map(n.items, this.start(n), depth);
    else if (isSeq(n)) built = { kind: 'seq', items: n.items.map((i) => this.node(i, depth + 1)), pos: this.start(n) };
    else if (isScalar(n)) built = this.scalar(n);
    else built = { kind: 'scalar', text: '', isNull: true, style: 'plain', pos: START };
    this.building.delete(n);
    this.done.set(n as YamlNode, built);
    return built;
  }

  private start(n: { range?: readonly number[] | null }): Position {
    return this.at(n.range?.[0]);
  }

  private deep(n: unknown): TreeNode {
    const pos = this.start((n ?? {}) as { range?: number[] });
    if (!this.tooDeep) {
      this.tooDeep = true;
      this.problems.push({ severity: 'error', pos, message: `nesting deeper than ${MAX_DEPTH} levels` });
    }
    return { kind: 'scalar', text: '', isNull: true, style: 'plain', pos };
  }

  private alias(a: Alias, depth: number): TreeNode {
    const target = a.resolve(this.doc);
    const pos = this.start(a);
    if (target === undefined || this.building.has(target)) {
      const why =
        target === undefined ? `unknown alias *${a.source}` : `alias *${a.source} refers to a node containing it`;
      this.problems.push({ severity: 'error', pos, message: why });
      return { kind: 'scalar', text: '', isNull: true, style: 'plain', pos };
    }
    return this.node(target, depth);
  }

  private scalar(s: Scalar): ScalarNode {
    const pos = this.start(s);
    const text = typeof s.value === 'string' ? s.value : s.value == null ? '' : String(s.value);
    const style = scalarStyle(s.type);
    const isNull = style === 'plain' && NULL_TEXT.test(text) && !s.tag;
    return { kind: 'scalar', text: isNull ? '' : text, isNull, style, pos };
  }

  private map(items: readonly Pair<unknown, unknown>[], pos: Position, depth: number): MapNode {
    const ordered: Array<MapEntry & { readonly merged: boolean }> = [];
    for (const pair of items) {
      const keyNode = pair.key;
      const keyPos = isNode(keyNode) ? this.start(keyNode) : pos;
      const value = pair.value === null ? this.emptyValue(keyNode, keyPos) : this.node(pair.value, depth + 1);
      if (isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === '<<') {
        ordered.push(...this.mergeSources(value, keyPos).map((e) => ({ ...e, merged: true })));
        continue;
      }
      const key = this.keyText(keyNode, keyPos, depth);
      if (key !== undefined) ordered.push({ key, keyPos, value, merged: false });
    }
    // `<<` merges in place; explicit keys win over merged ones, and among merged maps the first one listed wins.
    const explicit = new Set(ordered.filter((e) => !e.merged).map((e) => e.key));
    const seen = new Set<string>();
    const entries = ordered.filter((e) => {
      if (e.merged && (explicit.has(e.key) || seen.has(e.key))) return false;
      seen.add(e.key);
      return true;
    });
    return { kind: 'map', entries: entries.map(({ key, keyPos, value }) => ({ key, keyPos, value })), pos };
  }

  private emptyValue(keyNode: unknown, keyPos: Position): ScalarNode {
    const range = (keyNode as { range?: number[] } | null)?.range;
    return { kind: 'scalar', text: '', isNull: true, style: 'plain', pos: range ? this.at(range[1]) : keyPos };
  }

  private keyText(keyNode: unknown, keyPos: Position, depth: number): string | undefined {
    const key = keyNode === null ? undefined : this.node(keyNode, depth + 1);
    if (key?.kind === 'scalar') return key.text;
    const message =
      'a mapping key must be a plain string; text starting with "{" or "[" is read as a YAML flow collection (quote it)';
    this.problems.push({ severity: 'error', pos: keyPos, message });
    return undefined;
  }

  private mergeSources(value: TreeNode, pos: Position): MapEntry[] {
    const sources = value.kind === 'seq' ? value.items : [value];
    const out: MapEntry[] = [];
    for (const source of sources) {
      if (source.kind === 'map') out.push(...source.entries);
      else
        this.problems.push({
          severity: 'error',
          pos,
          message: 'a "<<" merge key needs a mapping or a list of mappings',
        });
    }
    return out;
  }
}

function scalarStyle(type: Scalar['type']): ScalarStyle {
  switch (type) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_LITERAL:
      return 'literal';
    case Scalar.BLOCK_FOLDED:
      return 'folded';
    default:
      return 'plain';
  }
}

/** The entry of `map` named `key`, if any. */
export function entry(map: TreeNode | undefined, key: string): MapEntry | undefined {
  return map?.kind === 'map' ? map.entries.find((e) => e.key === key) : undefined;
}
