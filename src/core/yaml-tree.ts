/**
 * YAML (or JSON) text → a small read-only tree whose scalars keep their source text and whose nodes all carry a
 * 1-based line:col. This is the only module that talks to the `yaml` package; the buildspec and appspec readers
 * both use it.
 *
 * The AWS agents read scalars into string fields as their literal text, so the document is composed with the
 * failsafe schema (every scalar is a string: `3.10` stays "3.10", `yes` stays "yes", `mode: 0644` stays "0644");
 * nulls (`~`, `null`, nothing) are recognised from the plain text, and the scalar's style tells a plain `0644`
 * from a quoted one. Aliases are resolved and `<<` merge keys are applied, as the agents' YAML decoders do.
 * Problems are returned; nothing here throws.
 *
 * The `reader` option picks whose reading (and wording) to follow: CodeBuild's Go agent (the default) or
 * CodeDeploy's Ruby agent. See {@link READERS} for what differs.
 */
import { Alias, isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, Scalar } from 'yaml';
import type { Document, Node as YamlNode, Pair, YAMLError } from 'yaml';
import type { Position } from './findings.js';

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

/** Whose YAML reading to follow: CodeBuild's Go agent (buildspecs) or CodeDeploy's Ruby agent (appspecs). */
export type YamlReader = 'codebuild' | 'codedeploy';

export interface TreeOptions {
  /** Default 'codebuild'. */
  readonly reader?: YamlReader;
}

interface ReaderRules {
  /** A second document: the Go agent ignores it (a warning); CodeDeploy's reader rejects it (an error). */
  readonly extraDocuments: 'warning' | 'error';
  /**
   * Syntax errors get hints and are reported once per line, unresolved tags are explained, and no tree is built
   * after a syntax error.
   */
  readonly friendlySyntax: boolean;
  /** Prefix of the problem reported when the `yaml` package itself throws while parsing. */
  readonly cannotParse: string;
  readonly tooDeep: string;
  readonly badAlias: (source: string, cyclic: boolean) => string;
  /** Following an alias counts as one more level of nesting. */
  readonly aliasIsALevel: boolean;
  readonly badKey: string;
  readonly badMerge: string;
  /** `<<` is recognised on the resolved key (an alias of a plain `<<` too), not only on a plain `<<` as written. */
  readonly mergeOnResolvedKey: boolean;
  /** Merged entries take the place of their `<<` key; otherwise they follow all the mapping's own entries. */
  readonly mergeInPlace: boolean;
}

/** Deeper nesting is no buildspec or appspec; stop there instead of risking the stack. */
const MAX_DEPTH = 64;

const READERS: Record<YamlReader, ReaderRules> = {
  codebuild: {
    extraDocuments: 'warning',
    friendlySyntax: true,
    cannotParse: 'cannot parse the YAML',
    tooDeep: `nesting deeper than ${MAX_DEPTH} levels`,
    badAlias: (source, cyclic) =>
      cyclic ? `alias *${source} refers to a node containing it` : `unknown alias *${source}`,
    aliasIsALevel: false,
    badKey:
      'a mapping key must be a plain string; text starting with "{" or "[" is read as a YAML flow collection (quote it)',
    badMerge: 'a "<<" merge key needs a mapping or a list of mappings',
    mergeOnResolvedKey: false,
    mergeInPlace: true,
  },
  codedeploy: {
    extraDocuments: 'error',
    friendlySyntax: false,
    cannotParse: 'cannot read the YAML',
    tooDeep: `nesting deeper than ${MAX_DEPTH}`,
    badAlias: (source) => `alias *${source} cannot be resolved`,
    aliasIsALevel: true,
    badKey: 'a mapping key must be a plain string',
    badMerge: 'a "<<" merge key needs a mapping',
    mergeOnResolvedKey: true,
    mergeInPlace: false,
  },
};

const NULL_TEXT = /^(?:~|null|Null|NULL)?$/;
export const START: Position = { line: 1, col: 1 };

/** Parses YAML text into a tree. Never throws. */
export function parseTree(text: string, options: TreeOptions = {}): ParsedTree {
  const rules = READERS[options.reader ?? 'codebuild'];
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineCounter = new LineCounter();
  const duplicates = new DuplicateKeys();
  let doc: Document.Parsed;
  // The package makes an error object for every key checked (see DuplicateKeys); without a stack each is cheap.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    doc = parseDocument(source, {
      lineCounter,
      schema: 'failsafe',
      uniqueKeys: duplicates.compare,
      prettyErrors: false,
    });
  } catch (error) {
    return { problems: [{ severity: 'error', pos: START, message: `${rules.cannotParse}: ${String(error)}` }] };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
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
    const p = yamlProblem(e, severity, at, rules);
    const hint = severity === 'error' && rules.friendlySyntax ? syntaxHint(lineText(p.pos.line)) : undefined;
    if (!hint) return p;
    // Point at the text to fix (e.g. the "[" to quote) rather than where the parser gave up.
    const pos = hint.col === undefined ? p.pos : { line: p.pos.line, col: hint.col };
    return { ...p, pos, message: `${p.message}; ${hint.advice}` };
  };
  // Go YAML decoders read the first document and ignore the rest: a warning, not an error.
  const extraIsWarning = rules.extraDocuments === 'warning';
  const allErrors = duplicates.keep(doc.errors);
  const errors = extraIsWarning ? allErrors.filter((e) => e.code !== 'MULTIPLE_DOCS') : allErrors;
  const extraDocs = extraIsWarning ? allErrors.filter((e) => e.code === 'MULTIPLE_DOCS') : [];
  const errorProblems = errors.map((e) => problem(e, 'error'));
  const problems: TreeProblem[] = [
    ...(rules.friendlySyntax ? firstPerLine(errorProblems) : errorProblems),
    ...[...extraDocs, ...doc.warnings].map((e) => problem(e, 'warning')),
  ];
  // After a syntax error the document is a guess; CodeBuild stops there too.
  if (doc.contents === null || (rules.friendlySyntax && errors.length > 0)) return { problems };
  const builder = new TreeBuilder(doc, at, problems, rules);
  try {
    return { root: builder.node(doc.contents, 0), problems };
  } catch (error) {
    // RangeError from a pathological document; report it rather than crash.
    problems.push({ severity: 'error', pos: START, message: `cannot read the YAML: ${String(error)}` });
    return { problems };
  }
}

/**
 * Duplicate keys, found in linear time. The `yaml` package's `uniqueKeys: true` compares each new key of a mapping
 * with every earlier one (100k keys take minutes). A custom check is called the same way — with the mapping's first
 * key first — and answering `true` at once ends that scan and has the package report "Map keys must be unique" for the
 * new key, where and when its own check would. So `compare` answers `true` for every key, notes whether the key
 * really repeats an earlier one (a Set of the values of the mapping's keys, found by its first key), and `keep` drops
 * the reports of the keys that do not, leaving the package's own errors in its own order. Keys compare as the package
 * compares them: scalars by their value (a string, with the failsafe schema: `a`, `"a"` and `!!str a` are the same
 * key; `~`, `null` and `""` are not), anything else only to itself. `<<` is an ordinary key there, so two merge keys in
 * one mapping are reported too.
 */
class DuplicateKeys {
  /** The values of each mapping's keys so far, by its first key. */
  private readonly mappings = new Map<unknown, Set<unknown>>();
  /** For each key after the first of each mapping, in the order the package checks them: whether it repeats one. */
  private readonly verdicts: boolean[] = [];

  readonly compare = (first: unknown, key: unknown): boolean => {
    let values = this.mappings.get(first);
    if (values === undefined) {
      values = new Set(isScalar(first) ? [first.value] : []);
      this.mappings.set(first, values);
    }
    const repeated = isScalar(key) && values.has(key.value);
    if (isScalar(key)) values.add(key.value);
    this.verdicts.push(repeated);
    return true;
  };

  /** The parser's errors without the reports of keys that do not repeat. */
  keep(errors: readonly YAMLError[]): YAMLError[] {
    let checked = 0;
    return errors.filter((e) => e.code !== 'DUPLICATE_KEY' || this.verdicts[checked++] === true);
  }
}

function yamlProblem(
  e: YAMLError,
  severity: 'error' | 'warning',
  at: (o: number) => Position,
  rules: ReaderRules,
): TreeProblem {
  const firstLine = e.message.split('\n')[0] ?? e.message;
  const message = firstLine.replace(/ at line \d+, column \d+:?$/, '');
  if (e.code === 'MULTIPLE_DOCS') {
    const message =
      rules.extraDocuments === 'warning'
        ? 'the file holds more than one YAML document (a second "---"); only the first one is used'
        : 'the file holds more than one YAML document (a second "---")';
    return { severity, pos: at(e.pos[0]), message };
  }
  if (e.code === 'TAG_RESOLVE_FAILED' && rules.friendlySyntax) {
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
    private readonly rules: ReaderRules,
  ) {}

  node(n: unknown, depth: number): TreeNode {
    if (depth > MAX_DEPTH) return this.deep(n);
    if (isAlias(n)) return this.alias(n, depth);
    // A scalar contains nothing: building it again costs no more than looking it up.
    if (isScalar(n)) return this.scalar(n);
    const cached = this.done.get(n as YamlNode);
    if (cached) return cached;
    this.building.add(n);
    let built: TreeNode;
    if (isMap(n)) built = this.map(n.items, this.start(n), depth);
    else if (isSeq(n)) built = { kind: 'seq', items: n.items.map((i) => this.node(i, depth + 1)), pos: this.start(n) };
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
      this.problems.push({ severity: 'error', pos, message: this.rules.tooDeep });
    }
    return { kind: 'scalar', text: '', isNull: true, style: 'plain', pos };
  }

  private alias(a: Alias, depth: number): TreeNode {
    const target = a.resolve(this.doc);
    const pos = this.start(a);
    if (target === undefined || this.building.has(target)) {
      this.problems.push({ severity: 'error', pos, message: this.rules.badAlias(a.source, target !== undefined) });
      return { kind: 'scalar', text: '', isNull: true, style: 'plain', pos };
    }
    return this.node(target, this.rules.aliasIsALevel ? depth + 1 : depth);
  }

  private scalar(s: Scalar): ScalarNode {
    const pos = this.start(s);
    const text = typeof s.value === 'string' ? s.value : s.value == null ? '' : String(s.value);
    const style = scalarStyle(s.type);
    const isNull = style === 'plain' && NULL_TEXT.test(text) && !s.tag;
    return { kind: 'scalar', text: isNull ? '' : text, isNull, style, pos };
  }

  private map(items: readonly Pair<unknown, unknown>[], pos: Position, depth: number): MapNode {
    const ordered: MapEntry[] = [];
    /** Whether each entry of `ordered` came from a `<<` merge. */
    const merged: boolean[] = [];
    const merge = (value: TreeNode, keyPos: Position): void => {
      for (const e of this.mergeSources(value, keyPos)) merged[ordered.push(e) - 1] = true;
    };
    for (const pair of items) {
      const keyNode = pair.key;
      const keyPos = isNode(keyNode) ? this.start(keyNode) : pos;
      const value = pair.value === null ? this.emptyValue(keyNode, keyPos) : this.node(pair.value, depth + 1);
      const plainMerge = isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.value === '<<';
      if (plainMerge && !this.rules.mergeOnResolvedKey) {
        merge(value, keyPos);
        continue;
      }
      const key = this.key(keyNode, keyPos, depth);
      if (key === undefined) continue;
      if (this.rules.mergeOnResolvedKey && key.style === 'plain' && key.text === '<<') {
        merge(value, keyPos);
        continue;
      }
      merged[ordered.push({ key: key.text, keyPos, value }) - 1] = false;
    }
    if (!merged.includes(true)) return { kind: 'map', entries: ordered, pos };
    // Explicit keys win over merged ones, and among merged maps the first one listed wins.
    const explicit = new Set(ordered.filter((_, i) => !merged[i]).map((e) => e.key));
    const seen = new Set<string>();
    const kept = ordered.flatMap((e, i) => {
      if (merged[i] && (explicit.has(e.key) || seen.has(e.key))) return [];
      seen.add(e.key);
      return [{ e, merged: merged[i] }];
    });
    // `<<` merges in place, or (CodeDeploy) after the mapping's own keys.
    const entries = this.rules.mergeInPlace
      ? kept
      : [...kept.filter((k) => !k.merged), ...kept.filter((k) => k.merged)];
    return { kind: 'map', entries: entries.map((k) => k.e), pos };
  }

  private emptyValue(keyNode: unknown, keyPos: Position): ScalarNode {
    const range = (keyNode as { range?: number[] } | null)?.range;
    return { kind: 'scalar', text: '', isNull: true, style: 'plain', pos: range ? this.at(range[1]) : keyPos };
  }

  private key(keyNode: unknown, keyPos: Position, depth: number): ScalarNode | undefined {
    const key = keyNode === null ? undefined : this.node(keyNode, depth + 1);
    if (key?.kind === 'scalar') return key;
    this.problems.push({ severity: 'error', pos: keyPos, message: this.rules.badKey });
    return undefined;
  }

  private mergeSources(value: TreeNode, pos: Position): MapEntry[] {
    const sources = value.kind === 'seq' ? value.items : [value];
    const out: MapEntry[] = [];
    for (const source of sources) {
      if (source.kind === 'map') out.push(...source.entries);
      else this.problems.push({ severity: 'error', pos, message: this.rules.badMerge });
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

/** The entry of `map` named `key` (exact), if any. */
export function entry(map: TreeNode | undefined, key: string): MapEntry | undefined {
  return map?.kind === 'map' ? map.entries.find((e) => e.key === key) : undefined;
}

/** A human name for a node's kind, for messages: "a list", "a mapping", a quoted scalar's text, "empty". */
export function kindName(node: TreeNode): string {
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'map') return 'a mapping';
  return node.isNull ? 'empty' : `"${node.text}"`;
}
