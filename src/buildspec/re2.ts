/**
 * Go regular expressions in JavaScript. CodeBuild's agent is a Go program, so the regex of `on-failure:
 * RETRY-<regex>` is written in Go's regexp syntax (RE2), not JavaScript's. compileRe2 reads a Go pattern and returns
 * a JavaScript RegExp that matches the same strings, or a message saying why Go would reject the pattern (or why it
 * cannot be reproduced here). Pure: no I/O, never throws.
 *
 * It follows Go's regexp/syntax with the Perl flags that regexp.Compile uses:
 * - what RE2 lacks is an error: lookaround, backreferences, atomic groups, possessive and stacked quantifiers,
 *   (?#…) comments, recursion, \C; so are Go's own syntax errors (unknown escapes, repeat counts over 1000, also
 *   when multiplied through nested repeats as in (a{100}){20}, …);
 * - the flags (?i) (?m) (?s) (?U), at the start, inline (up to the end of the group) or scoped (?i:…), are applied
 *   while translating: `.`, `^`, `$` and laziness are written out for the flags in force; case-insensitive parts
 *   become JavaScript modifier groups (?i:…), or the `i` flag when the whole pattern is case-insensitive;
 * - Go spellings become JavaScript ones: (?P<name>…), \A, \z, \Q…\E, [[:alpha:]], \pL, \p{Greek}, \x{263a}, octal
 *   \123; `\s` (ASCII whitespace in Go) and `.` (anything but \n in Go) are spelled out because JavaScript's differ;
 * - `\b` and `\B` stay ASCII-only under (?i), as in Go: with the `i` flag they are written (?-i:\b), because under
 *   JavaScript's `iu` flags they would count ſ (U+017F) and K (U+212A) as word characters. Under (?i) \w and \W
 *   stay as they are: Go folds them (its \w then matches ſ and K too), and so does JavaScript's `iu`; outside (?i)
 *   they are spelled out as ASCII classes, because V8 goes on folding \w after a modifier group (?i:…) closes;
 * - every literal is escaped for the `u` flag, so one code point is one character, as one rune is in Go; under (?i)
 *   a cased letter beyond Latin-1 (ſ, K, μ, …) is written as a class [ſ], which V8 folds like the `i` flag, where a
 *   bare ſ in a modifier group would miss s and S.
 *
 * Kept rather than replaced by re2js (RE2 ported to JavaScript): see docs/decisions/own-less.md. The tests compare
 * this translation with re2js on generated patterns.
 */

export type Re2Result =
  { readonly ok: true; readonly regexp: RegExp } | { readonly ok: false; readonly message: string };

/** Compiles a Go (RE2) pattern to a JavaScript RegExp with the same meaning. */
export function compileRe2(pattern: string): Re2Result {
  let tree: Alternatives;
  try {
    tree = new Parser(pattern).parse();
  } catch (error) {
    if (error instanceof Re2SyntaxError) return { ok: false, message: error.message };
    throw error;
  }
  const folds = foldStates(tree);
  // The `i` flag when every case-sensitive part is case-insensitive; modifier groups only for a mix.
  const wholeFold = folds.has(true) && !folds.has(false);
  if (folds.has(true) && !wholeFold && !MODIFIERS) {
    return {
      ok: false,
      message:
        'case-insensitive matching for only part of the pattern ((?i) after the start, or (?i:…)) needs RegExp modifier groups, which this Node.js lacks; put (?i) at the very start',
    };
  }
  if (wholeFold && !MODIFIERS && hasWordBoundary(tree)) {
    return {
      ok: false,
      message:
        "\\b or \\B under (?i) needs RegExp modifier groups (to keep Go's ASCII-only word boundary), which this Node.js lacks",
    };
  }
  const source = renderAlternatives(tree, wholeFold);
  try {
    return { ok: true, regexp: new RegExp(source, wholeFold ? 'iu' : 'u') };
  } catch (error) {
    return { ok: false, message: `cannot be reproduced in JavaScript: ${(error as Error).message}` };
  }
}

// ---- the tree ---------------------------------------------------------------------------------------------------

/**
 * `text`: matches characters, so case folding matters; `plain`: `.` and assertions, where it does not (`wordBoundary`
 * for \b and \B, which must not fold); `group`: `open` is "(", "(?:" or "(?<name>"; `repeat`: a node and its
 * JavaScript quantifier, with the counts of a {n,m} (max -1 for {n,}) for Go's limit on nested repeats.
 */
type Node =
  | { readonly type: 'text'; readonly text: string; readonly fold: boolean }
  | { readonly type: 'plain'; readonly text: string; readonly assertion: boolean; readonly wordBoundary?: boolean }
  | { readonly type: 'group'; readonly open: string; readonly alternatives: Alternatives }
  | { readonly type: 'repeat'; readonly node: Node; readonly quantifier: string; readonly counts?: RepeatCounts };

interface RepeatCounts {
  readonly min: number;
  /** -1: no maximum. */
  readonly max: number;
}

type Alternatives = ReadonlyArray<readonly Node[]>;

interface Flags {
  /** Case-insensitive. */
  readonly i: boolean;
  /** ^ and $ match at line breaks. */
  readonly m: boolean;
  /** . matches \n. */
  readonly s: boolean;
  /** Ungreedy: x* is lazy and x*? greedy. */
  readonly U: boolean;
}

class Re2SyntaxError extends Error {}

const fail = (message: string): never => {
  throw new Re2SyntaxError(message);
};

const UNSUPPORTED = 'RE2 (Go regexp) does not support';

// ---- the parser -------------------------------------------------------------------------------------------------

interface Frame {
  readonly open: string;
  readonly alternatives: Node[][];
  current: Node[];
  /** Flags to restore when the group closes. */
  readonly saved: Flags;
}

const MAX_REPEAT = 1000;
const OCTAL = /^[0-7]$/;
const HEX = /^[0-9A-Fa-f]$/;
const ASCII_ALNUM = /^[0-9A-Za-z]$/;
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
/** \A and \z: the JavaScript pattern never has the m flag, so ^ and $ are the start and end of the text. */
const ESCAPED_ASSERTIONS: Readonly<Record<string, string>> = { A: '^', z: '$', b: '\\b', B: '\\B' };

class Parser {
  private readonly chars: readonly string[];
  private pos = 0;
  private flags: Flags = { i: false, m: false, s: false, U: false };
  private readonly names = new Set<string>();

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
  }

  parse(): Alternatives {
    const stack: Frame[] = [];
    let frame: Frame = { open: '', alternatives: [], current: [], saved: this.flags };
    while (this.pos < this.chars.length) {
      const c = this.take();
      if (c === '(') {
        const saved = this.flags;
        const open = this.groupOpen();
        if (open !== undefined) {
          stack.push(frame);
          frame = { open, alternatives: [], current: [], saved };
        }
      } else if (c === ')') {
        const parent = stack.pop() ?? fail('unexpected ")": there is no group to close');
        parent.current.push({ type: 'group', open: frame.open, alternatives: [...frame.alternatives, frame.current] });
        this.flags = frame.saved;
        frame = parent;
      } else if (c === '|') {
        frame.alternatives.push(frame.current);
        frame.current = [];
      } else if (c === '*' || c === '+' || c === '?') {
        this.repeat(frame.current, c, c);
      } else if (c !== '{' || !this.braceRepeat(frame.current)) {
        // Everything else is an atom, and so is a "{" that starts no {n,m}.
        frame.current.push(...this.atom(c));
      }
    }
    if (stack.length > 0) fail('missing ")": a group is not closed');
    return [...frame.alternatives, frame.current];
  }

  private take(): string {
    return this.chars[this.pos++] ?? '';
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private text(value: string): Node {
    return { type: 'text', text: value, fold: this.flags.i };
  }

  /**
   * One literal character. Under (?i) a cased one beyond Latin-1 is written as a class of itself: in a modifier
   * group V8 misses the Latin-1 characters it folds to ((?i:ſ) matches neither s nor S, (?i:K) not k, (?i:μ) not µ),
   * where [ſ] folds as the `i` flag does.
   */
  private literalText(code: number): Node {
    const c = String.fromCodePoint(code);
    const cased = code > 0xff && (c.toLowerCase() !== c || c.toUpperCase() !== c);
    return this.text(this.flags.i && cased ? `[${classLiteral(code)}]` : literal(code));
  }

  /** One atom (or the literals of \Q…\E); `c` is already taken. */
  private atom(c: string): Node[] {
    switch (c) {
      case '[':
        return [this.text(this.charClass())];
      case '.':
        return [{ type: 'plain', text: this.flags.s ? '[^]' : '[^\\n]', assertion: false }];
      case '^':
        return [{ type: 'plain', text: this.flags.m ? '(?<![^\\n])' : '^', assertion: true }];
      case '$':
        return [{ type: 'plain', text: this.flags.m ? '(?![^\\n])' : '$', assertion: true }];
      case '\\':
        return this.escape();
      default:
        return [this.literalText(c.codePointAt(0) ?? 0)];
    }
  }

  // ---- groups and flags -----------------------------------------------------------------------------------------

  /** After "(": the JavaScript opening of a group, or undefined for a flag setting such as (?i). */
  private groupOpen(): string | undefined {
    if (this.peek() !== '?') return '(';
    this.pos++;
    const next = this.peek() ?? '';
    const after = this.peek(1) ?? '';
    if (next === 'P' && after === '<') {
      this.pos += 2;
      return this.namedGroup('(?P<');
    }
    if (next === '<' && after !== '=' && after !== '!') {
      this.pos += 1;
      return this.namedGroup('(?<');
    }
    const unsupported = unsupportedGroup(next, after);
    if (unsupported) fail(`${UNSUPPORTED} ${unsupported}`);
    return this.flagGroup();
  }

  private namedGroup(opening: string): string {
    let name = '';
    while (this.peek() !== undefined && this.peek() !== '>') name += this.take();
    if (this.peek() !== '>') fail(`invalid named group ${opening}${name}: missing ">"`);
    this.pos++;
    if (!/^[A-Za-z0-9_]+$/.test(name)) {
      fail(`invalid group name "${name}" in ${opening}${name}>: Go allows only letters, digits and "_"`);
    }
    if (this.names.has(name)) fail(`duplicate group name "${name}"`);
    this.names.add(name);
    // JavaScript names cannot start with a digit; without backreferences the name does not change what matches.
    return /^[A-Za-z_]/.test(name) ? `(?<${name}>` : '(';
  }

  /** (?flags) or (?flags:…), as Go's parsePerlFlags reads them: [imsU]* optionally followed by -[imsU]+. */
  private flagGroup(): string | undefined {
    const start = this.pos;
    const set = { ...this.flags };
    let negate = false;
    let sawFlag = false;
    for (;;) {
      const c = this.take();
      if (c === 'i' || c === 'm' || c === 's' || c === 'U') {
        set[c] = !negate;
        sawFlag = true;
      } else if (c === '-' && !negate) {
        negate = true;
        sawFlag = false;
      } else if ((c === ':' || c === ')') && (!negate || sawFlag)) {
        this.flags = set;
        return c === ':' ? '(?:' : undefined;
      } else {
        const text = `(?${this.chars.slice(start, this.pos).join('')}`;
        return fail(
          `invalid or unsupported group syntax "${text}"; Go knows (?:…), (?P<name>…), (?<name>…) and the flags i, m, s, U as in (?i) or (?i:…)`,
        );
      }
    }
  }

  // ---- repetition -----------------------------------------------------------------------------------------------

  /** Applies *, +, ? or {n,m} (as `quantifier`, in JavaScript syntax, and `counts` for {n,m}) to the last node. */
  private repeat(nodes: Node[], quantifier: string, written: string, counts?: RepeatCounts): void {
    const last =
      nodes.pop() ?? fail(`missing argument to repetition operator "${written}": nothing before it to repeat`);
    // Go checks the product of nested counts only when this one can copy its operand (a count of 2 or more); below
    // that it cannot push the product higher than the inner repeats, already checked, made it.
    if (counts !== undefined && (counts.min >= 2 || counts.max >= 2) && !withinRepeatLimit(counts, last)) {
      fail(
        `invalid repeat count ${written}: the product of the nested repeat counts is above Go's limit of ${MAX_REPEAT}`,
      );
    }
    const lazyMark = this.peek() === '?';
    if (lazyMark) this.pos++;
    const next = this.peek();
    if (next === '+') fail(`${UNSUPPORTED} possessive quantifiers such as "${written}${lazyMark ? '?' : ''}+"`);
    if (next === '*' || next === '+' || next === '?' || (next === '{' && this.repeatCounts(this.pos + 1))) {
      fail(
        `invalid nested repetition: "${written}${lazyMark ? '?' : ''}" is directly followed by "${next}"; Go does not stack repetition operators`,
      );
    }
    const lazy = lazyMark !== this.flags.U;
    nodes.push({ type: 'repeat', node: last, quantifier: quantifier + (lazy ? '?' : ''), counts });
  }

  /** At "{" (taken): a repetition when it is one, else false and "{" is a literal, as in Go. */
  private braceRepeat(nodes: Node[]): boolean {
    const counts = this.repeatCounts(this.pos);
    if (counts === undefined) return false;
    const { min, max, end } = counts;
    const written = `{${this.chars.slice(this.pos, end - 1).join('')}}`;
    if (min > MAX_REPEAT || (max ?? 0) > MAX_REPEAT)
      fail(`invalid repeat count ${written}: Go allows at most ${MAX_REPEAT}`);
    if (max !== undefined && max >= 0 && min > max)
      fail(`invalid repeat count ${written}: the minimum is above the maximum`);
    this.pos = end;
    const quantifier = max === undefined ? `{${min}}` : max < 0 ? `{${min},}` : `{${min},${max}}`;
    this.repeat(nodes, quantifier, written, { min, max: max ?? min });
    return true;
  }

  /** {n}, {n,} or {n,m} from `at` (after "{"); max -1 for "no maximum"; undefined when it is not a repeat. */
  private repeatCounts(at: number): { min: number; max: number | undefined; end: number } | undefined {
    const rest = this.chars.slice(at).join('');
    const m = /^(\d+)(,(\d*))?\}/.exec(rest);
    if (!m) return undefined;
    const [whole, minText = '', comma, maxText = ''] = m;
    // Go reads "{01}" as literal text: its repeat counts have no leading zeros.
    const leadingZero = (t: string) => t.length > 1 && t.startsWith('0');
    if (leadingZero(minText) || leadingZero(maxText)) return undefined;
    const max = comma === undefined ? undefined : maxText === '' ? -1 : Number(maxText);
    return { min: Number(minText), max, end: at + Array.from(whole).length };
  }

  // ---- escapes --------------------------------------------------------------------------------------------------

  /** After "\" outside a class. */
  private escape(): Node[] {
    const c = this.peek();
    if (c === undefined) return fail('trailing backslash at the end of the pattern');
    const assertion = ESCAPED_ASSERTIONS[c];
    if (assertion !== undefined) {
      this.pos++;
      return [{ type: 'plain', text: assertion, assertion: true, wordBoundary: c === 'b' || c === 'B' }];
    }
    if (c === 'Q') {
      this.pos++;
      return this.quoted();
    }
    if (c === 'C') fail(`${UNSUPPORTED} \\C (any byte)`);
    if (c === 'Z') fail('invalid escape \\Z: Go has no \\Z; use \\z (end of text) or $');
    if (c === 'p' || c === 'P') {
      this.pos++;
      return [this.text(this.unicodeClass(c === 'P'))];
    }
    const perl = perlClass(c, this.flags.i);
    if (perl !== undefined) {
      this.pos++;
      return [this.text(perl.outside)];
    }
    return [this.literalText(this.escapedChar())];
  }

  /** \Q…\E: everything up to \E (or the end) is literal text. */
  private quoted(): Node[] {
    const nodes: Node[] = [];
    while (this.pos < this.chars.length && !(this.peek() === '\\' && this.peek(1) === 'E')) {
      nodes.push(this.literalText(this.take().codePointAt(0) ?? 0));
    }
    if (this.pos < this.chars.length) this.pos += 2;
    return nodes;
  }

  /** After "\": an escape that stands for one character (octal, hex, \n …, punctuation); its code point. */
  private escapedChar(): number {
    const c = this.take();
    if (c === '') return fail('trailing backslash at the end of the pattern');
    if (/^[1-9]$/.test(c) && !(c <= '7' && OCTAL.test(this.peek() ?? ''))) {
      return fail(`${UNSUPPORTED} backreferences such as \\${c}`);
    }
    if (OCTAL.test(c)) {
      let value = Number(c);
      for (let n = 0; n < 2 && OCTAL.test(this.peek() ?? ''); n++) value = value * 8 + Number(this.take());
      return value;
    }
    if (c === 'x') return this.hexEscape();
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return simple;
    if (c === 'k' && ['<', '{', "'"].includes(this.peek() ?? '')) {
      return fail(`${UNSUPPORTED} named backreferences such as \\k<name>`);
    }
    const code = c.codePointAt(0) ?? 0;
    if (code < 0x80 && !ASCII_ALNUM.test(c)) return code;
    return fail(`invalid escape \\${c} (not part of Go's RE2 syntax)`);
  }

  /** After "\x": two hex digits, or {hex} up to 10FFFF. */
  private hexEscape(): number {
    if (this.peek() === '{') {
      this.pos++;
      let digits = '';
      while (HEX.test(this.peek() ?? '')) digits += this.take();
      if (this.peek() !== '}' || digits === '')
        return fail(`invalid escape \\x{${digits}: expected hex digits and "}"`);
      this.pos++;
      const value = parseInt(digits, 16);
      return value <= 0x10ffff ? value : fail(`invalid escape \\x{${digits}}: above \\x{10FFFF}`);
    }
    const digits = `${this.peek() ?? ''}${this.peek(1) ?? ''}`;
    if (!/^[0-9A-Fa-f]{2}$/.test(digits)) return fail(`invalid escape \\x${digits}: expected two hex digits or \\x{…}`);
    this.pos += 2;
    return parseInt(digits, 16);
  }

  /** After "\p" or "\P": \pL, \p{Lu}, \p{Greek}, \p{^Greek}, as a JavaScript \p{…} / \P{…}. */
  private unicodeClass(negated: boolean): string {
    let name: string;
    if (this.peek() === '{') {
      this.pos++;
      name = '';
      while (this.peek() !== undefined && this.peek() !== '}') name += this.take();
      if (this.peek() !== '}') return fail(`invalid Unicode class \\p{${name}: missing "}"`);
      this.pos++;
    } else {
      name = this.take();
      if (name === '') return fail('invalid Unicode class: \\p needs a name, e.g. \\pL or \\p{Greek}');
    }
    let negate = negated;
    if (name.startsWith('^')) {
      negate = !negate;
      name = name.slice(1);
    }
    const js =
      unicodeProperty(name) ??
      fail(`unknown Unicode class \\p{${name}}: Go knows general categories such as L or Lu and scripts such as Greek`);
    return `\\${negate ? 'P' : 'p'}{${js}}`;
  }

  // ---- character classes ---------------------------------------------------------------------------------------

  /** After "[": the whole class, as a JavaScript class. */
  private charClass(): string {
    const start = this.pos - 1;
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const items: string[] = [];
    for (let first = true; first || this.peek() !== ']'; first = false) {
      if (this.peek() === undefined) fail(`missing "]": the class ${this.chars.slice(start).join('')} is not closed`);
      items.push(this.classItem());
    }
    this.pos++;
    return `[${negated ? '^' : ''}${items.join('')}]`;
  }

  private classItem(): string {
    if (this.peek() === '[' && this.peek(1) === ':') {
      const posix = this.posixClass();
      if (posix !== undefined) return posix;
    }
    if (this.peek() === '\\') {
      const c = this.peek(1) ?? '';
      if (c === 'p' || c === 'P') {
        this.pos += 2;
        return this.unicodeClass(c === 'P');
      }
      const perl = perlClass(c, this.flags.i);
      if (perl !== undefined) {
        this.pos += 2;
        return perl.inside;
      }
    }
    const lo = this.classChar();
    if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
      this.pos++;
      const hi = this.classChar();
      if (hi < lo) {
        fail(
          `invalid character class range ${String.fromCodePoint(lo)}-${String.fromCodePoint(hi)}: the end is below the start`,
        );
      }
      return `${classLiteral(lo)}-${classLiteral(hi)}`;
    }
    return classLiteral(lo);
  }

  /** One character of a class (literal or escape); its code point. */
  private classChar(): number {
    const c = this.take();
    if (c !== '\\') return c.codePointAt(0) ?? 0;
    const next = this.peek() ?? '';
    if ('bBAzQC'.includes(next) && next !== '') fail(`invalid escape \\${next} inside a character class`);
    return this.escapedChar();
  }

  /** [:alpha:] or [:^alpha:] at "["; undefined when "[:" starts no such class (then "[" is a literal). */
  private posixClass(): string | undefined {
    const rest = this.chars.slice(this.pos).join('');
    const m = /^\[:(\^?)([^:\]]*):\]/.exec(rest);
    if (!m) return undefined;
    const [whole, caret, name = ''] = m;
    const ranges = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
    if (ranges === undefined) {
      return fail(`unknown character class [:${name}:]; Go knows ${Object.keys(POSIX_CLASSES).join(', ')}`);
    }
    this.pos += Array.from(whole).length;
    return renderRanges(caret ? complement(ranges) : ranges);
  }
}

/**
 * A Go \p name as the inside of a JavaScript \p{…}: "Any", else a general category (L, Lu, …), else a script
 * (Greek, Yi, …), looked up in that order as Go does; undefined when JavaScript knows neither. The name alone cannot
 * tell them apart (Yi is a script, Lu a category), so each is tried by compiling it.
 */
function unicodeProperty(name: string): string | undefined {
  if (name === 'Any') return name;
  // Tested in the long form so that a binary property such as Alphabetic (Go has none) does not pass; a name that
  // passes is a category value, which a lone \p{value} means too.
  if (compiles(`\\p{General_Category=${name}}`)) return name;
  if (compiles(`\\p{Script=${name}}`)) return `Script=${name}`;
  return undefined;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * Go's limit on nested counted repeats: however they nest, no {n,m} may make more than MAX_REPEAT copies of what is
 * inside it. Each repeat's maximum (its minimum for {n,}) divides the budget left for the repeats inside it; a
 * repeat with maximum 0 makes no copies, so nothing inside it counts.
 */
function withinRepeatLimit(counts: RepeatCounts, operand: Node, budget = MAX_REPEAT): boolean {
  if (counts.max === 0) return true;
  const copies = counts.max < 0 ? counts.min : counts.max;
  if (copies > budget) return false;
  const left = copies > 0 ? Math.floor(budget / copies) : budget;
  return countedWithin(operand, left);
}

function countedWithin(node: Node, budget: number): boolean {
  switch (node.type) {
    case 'repeat':
      // *, + and ? make no counted copies; what they repeat is still checked.
      return node.counts === undefined
        ? countedWithin(node.node, budget)
        : withinRepeatLimit(node.counts, node.node, budget);
    case 'group':
      return node.alternatives.every((nodes) => nodes.every((inner) => countedWithin(inner, budget)));
    default:
      return true;
  }
}

/** Group syntax RE2 lacks, after "(?", by its first two characters; undefined when it is not one of them. */
function unsupportedGroup(next: string, after: string): string | undefined {
  if (next === '=') return 'lookahead (?=…)';
  if (next === '!') return 'negative lookahead (?!…)';
  if (next === '<' && after === '=') return 'lookbehind (?<=…)';
  if (next === '<' && after === '!') return 'negative lookbehind (?<!…)';
  if (next === '>') return 'atomic groups (?>…)';
  if (next === '#') return 'comments (?#…)';
  if (next === 'P' && after === '=') return 'named backreferences (?P=name)';
  if (next === 'P' && after === '>') return 'recursion (?P>name)';
  if (next === '|') return 'branch reset groups (?|…)';
  if (next === 'R' || next === '&' || /^[0-9+]$/.test(next)) return `recursion (?${next}…)`;
  return undefined;
}

// ---- character sets -----------------------------------------------------------------------------------------------

type Range = readonly [number, number];

const r = (a: string, b = a): Range => [a.codePointAt(0) ?? 0, b.codePointAt(0) ?? 0];

/** Go's \s: ASCII whitespace without \v (JavaScript's \s also has \v and Unicode spaces). */
const GO_SPACE: readonly Range[] = [r('\t', '\n'), r('\f', '\r'), r(' ')];

/** Go's \w (and [[:word:]]): ASCII letters, digits and "_". */
const WORD: readonly Range[] = [r('0', '9'), r('A', 'Z'), r('a', 'z'), r('_')];

const POSIX_CLASSES: Readonly<Record<string, readonly Range[]>> = {
  alnum: [r('0', '9'), r('A', 'Z'), r('a', 'z')],
  alpha: [r('A', 'Z'), r('a', 'z')],
  ascii: [[0, 0x7f]],
  blank: [r('\t'), r(' ')],
  cntrl: [
    [0, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [r('0', '9')],
  graph: [r('!', '~')],
  lower: [r('a', 'z')],
  print: [r(' ', '~')],
  punct: [r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')],
  space: [r('\t', '\r'), r(' ')],
  upper: [r('A', 'Z')],
  word: WORD,
  xdigit: [r('0', '9'), r('A', 'F'), r('a', 'f')],
};

/** The sorted, non-overlapping ranges given, complemented over all code points. */
function complement(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

function renderRanges(ranges: readonly Range[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? classLiteral(lo) : `${classLiteral(lo)}-${classLiteral(hi)}`)).join('');
}

/**
 * \d \D \s \S \w \W as JavaScript, outside and inside a class; undefined for other letters. \w and \W outside (?i)
 * are spelled out: after a modifier group (?i:…) V8 goes on folding them (ſ and K become word characters).
 */
function perlClass(c: string, fold: boolean): { outside: string; inside: string } | undefined {
  switch (c) {
    case 'd':
    case 'D':
      return { outside: `\\${c}`, inside: `\\${c}` };
    case 'w':
    case 'W':
      if (fold) return { outside: `\\${c}`, inside: `\\${c}` };
      return c === 'w'
        ? { outside: `[${renderRanges(WORD)}]`, inside: renderRanges(WORD) }
        : { outside: `[^${renderRanges(WORD)}]`, inside: renderRanges(complement(WORD)) };
    case 's':
      return { outside: `[${renderRanges(GO_SPACE)}]`, inside: renderRanges(GO_SPACE) };
    case 'S':
      return { outside: `[^${renderRanges(GO_SPACE)}]`, inside: renderRanges(complement(GO_SPACE)) };
    default:
      return undefined;
  }
}

// ---- output -------------------------------------------------------------------------------------------------------

const SYNTAX = new Set('^$\\.*+?()[]{}|/');
/** Letters, marks, digits, punctuation and symbols are written as they are; the rest as \\u{…}. */
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** A code point as a JavaScript literal outside a class (u flag). */
function literal(code: number): string {
  const c = String.fromCodePoint(code);
  if (SYNTAX.has(c)) return `\\${c}`;
  return printable(code) ? c : `\\u{${code.toString(16)}}`;
}

/** A code point as a JavaScript literal inside a class (u flag). */
function classLiteral(code: number): string {
  const c = String.fromCodePoint(code);
  if (SYNTAX.has(c) || c === '-') return `\\${c}`;
  return printable(code) ? c : `\\u{${code.toString(16)}}`;
}

function printable(code: number): boolean {
  return (code >= 0x20 && code < 0x7f) || (code > 0xa0 && VISIBLE.test(String.fromCodePoint(code)));
}

/** Whether the running JavaScript has modifier groups (?i:…) (V8 12.5+, so Node 24 has them). */
const MODIFIERS = ((): boolean => {
  try {
    new RegExp('(?i:a)');
    return true;
  } catch {
    return false;
  }
})();

/** The case-folding states of the case-sensitive parts of the tree. */
function foldStates(alternatives: Alternatives, out = new Set<boolean>()): Set<boolean> {
  const visit = (node: Node): void => {
    if (node.type === 'text') out.add(node.fold);
    else if (node.type === 'repeat') visit(node.node);
    else if (node.type === 'group') foldStates(node.alternatives, out);
  };
  for (const nodes of alternatives) nodes.forEach(visit);
  return out;
}

function renderAlternatives(alternatives: Alternatives, wholeFold: boolean): string {
  return alternatives.map((nodes) => renderSequence(nodes, wholeFold)).join('|');
}

/** A sequence, with runs of case-insensitive parts in (?i:…) unless the whole pattern has the `i` flag. */
function renderSequence(nodes: readonly Node[], wholeFold: boolean): string {
  let out = '';
  let folded = '';
  for (const node of nodes) {
    const text = renderNode(node, wholeFold);
    if (!wholeFold && foldOf(node) === true) {
      folded += text;
      continue;
    }
    if (folded) out += `(?i:${folded})`;
    folded = '';
    out += text;
  }
  return folded ? `${out}(?i:${folded})` : out;
}

function hasWordBoundary(alternatives: Alternatives): boolean {
  const visit = (node: Node): boolean =>
    node.type === 'plain'
      ? node.wordBoundary === true
      : node.type === 'repeat'
        ? visit(node.node)
        : node.type === 'group' && hasWordBoundary(node.alternatives);
  return alternatives.some((nodes) => nodes.some(visit));
}

function foldOf(node: Node): boolean | undefined {
  if (node.type === 'text') return node.fold;
  if (node.type === 'repeat') return foldOf(node.node);
  return undefined;
}

function renderNode(node: Node, wholeFold: boolean): string {
  switch (node.type) {
    case 'text':
      return node.text;
    case 'plain':
      // Under the `i` flag JavaScript's \b counts ſ and K as word characters; Go's is ASCII-only whatever the flags.
      return wholeFold && node.wordBoundary === true ? `(?-i:${node.text})` : node.text;
    case 'group':
      return `${node.open}${renderAlternatives(node.alternatives, wholeFold)})`;
    case 'repeat': {
      const inner = renderNode(node.node, wholeFold);
      // JavaScript cannot repeat an assertion (^*) or a repetition (Go's a*(?i)*) directly; a group keeps the meaning.
      const bare = (node.node.type === 'plain' && node.node.assertion) || node.node.type === 'repeat';
      const atom = bare ? `(?:${inner})` : inner;
      return `${atom}${node.quantifier}`;
    }
  }
}
