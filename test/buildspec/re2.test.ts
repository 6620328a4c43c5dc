/** Go (RE2) patterns → JavaScript RegExp: what Go rejects, how Go-only syntax is translated, and what then matches. */
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { compileRe2 } from '../../src/buildspec/re2.js';

function compiled(pattern: string): RegExp {
  const result = compileRe2(pattern);
  if (!result.ok) throw new Error(`expected ${pattern} to compile: ${result.message}`);
  return result.regexp;
}

function problem(pattern: string): string {
  const result = compileRe2(pattern);
  return result.ok ? `compiled to /${result.regexp.source}/${result.regexp.flags}` : result.message;
}

/** Letters outside ASCII that case-fold to ASCII ones: ſ (long s) to s, the Kelvin sign K to k. */
const LONG_S = '\u017f';
const KELVIN = '\u212a';

/** The failure message aws-cicd run matches the pattern against (spec §4.2/§4.3). */
const FAILURE = 'Error while executing command: npm ci. Reason: exit status 1';

describe('constructs RE2 does not have are errors naming RE2 (Go)', () => {
  test.each([
    ['(?=x)', /does not support lookahead/],
    ['a(?!x)', /does not support negative lookahead/],
    ['(?<=x)a', /does not support lookbehind/],
    ['(?<!x)a', /does not support negative lookbehind/],
    ['(a)\\1', /does not support backreferences such as \\1/],
    ['(a)\\9', /does not support backreferences such as \\9/],
    ['(?<n>a)\\k<n>', /does not support named backreferences/],
    ['(?P<n>a)(?P=n)', /does not support named backreferences \(\?P=name\)/],
    ['(?>a+)b', /does not support atomic groups/],
    ['a*+', /does not support possessive quantifiers such as "\*\+"/],
    ['a++', /does not support possessive quantifiers/],
    ['a{2}+', /does not support possessive quantifiers/],
    ['(?#note)a', /does not support comments/],
    ['\\C', /does not support \\C/],
    ['(?R)', /does not support recursion/],
  ])('%s', (pattern, message) => {
    const text = problem(pattern);
    expect(text).toMatch(/^RE2 \(Go regexp\) does not support /);
    expect(text).toMatch(message);
  });
});

describe("Go's own syntax errors", () => {
  test.each([
    ['(', /missing "\)"/],
    ['a)', /unexpected "\)"/],
    ['[a', /missing "\]"/],
    ['*a', /missing argument to repetition operator "\*"/],
    ['a|+', /missing argument to repetition operator "\+"/],
    ['a**', /nested repetition/],
    ['a{2}{3}', /nested repetition/],
    ['a{1001}', /at most 1000/],
    ['a{3,2}', /minimum is above the maximum/],
    ['[z-a]', /invalid character class range z-a/],
    ['\\e', /invalid escape \\e/],
    ['\\Z', /use \\z/],
    ['[\\b]', /invalid escape \\b inside a character class/],
    ['\\x4', /expected two hex digits/],
    ['\\x{110000}', /above/],
    ['a\\', /trailing backslash/],
    ['(?-)a', /invalid or unsupported group syntax "\(\?-\)"/],
    ['(?i-)a', /invalid or unsupported group syntax/],
    ['(?x)a', /invalid or unsupported group syntax/],
    ['(?P<a-b>x)', /invalid group name "a-b"/],
    ['(?P<a>x)(?P<a>y)', /duplicate group name "a"/],
    ['[[:alfa:]]', /unknown character class \[:alfa:\]/],
    ['\\p{Klingon}', /unknown Unicode class \\p\{Klingon\}/],
    ['\\p{Xy}', /unknown Unicode class \\p\{Xy\}/],
    ['\\p{Alphabetic}', /unknown Unicode class/],
  ])('%s', (pattern, message) => {
    expect(problem(pattern)).toMatch(message);
  });
});

describe("Go's limit of 1000 on nested counted repeats (the product of their counts)", () => {
  test.each([
    ['(a{100}){20}', '{20}'],
    ['(?:a{2,500}){3}', '{3}'],
    ['(a{1000}b){2,}', '{2,}'],
    ['((a{10}){10}){11}', '{11}'],
    ['(a{10}|b{200}){6}', '{6}'],
    ['(?:(?:a*){50}x){21}', '{21}'],
    ['(a{100}){20}*', '{20}'],
  ])('%s is rejected at %s', (pattern, at) => {
    expect(problem(pattern)).toBe(
      `invalid repeat count ${at}: the product of the nested repeat counts is above Go's limit of 1000`,
    );
  });

  test.each([
    '(a{100}){10}',
    '((a{10}){10}){10}',
    '(a{1000}){0}',
    '(a{1000}){0,1}',
    '(a{1000})*',
    '(a{1000}){1,}',
    '(a{500}){2}',
    '(a{501}){1}b{2}',
    '(a{10,}){100}',
    '(a{0}){1000}',
  ])('%s is within it', (pattern) => {
    expect(compileRe2(pattern).ok).toBe(true);
  });
});

describe('Go spellings are translated', () => {
  test.each([
    ['timed out', 'timed out', 'u'],
    ['(?i)timeout', 'timeout', 'iu'],
    ['(?P<code>\\d+)', '(?<code>\\d+)', 'u'],
    ['(?P<1st>x)', '(x)', 'u'],
    ['\\Aexit\\z', '^exit$', 'u'],
    ['[[:alpha:]_]+', '[A-Za-z_]+', 'u'],
    ['\\Q1.5*\\E', '1\\.5\\*', 'u'],
    ['\\x{263a}\\x41\\101', '☺AA', 'u'],
    ['\\pL\\p{Greek}\\PN\\p{^Lu}', '\\p{L}\\p{Script=Greek}\\P{N}\\P{Lu}', 'u'],
    ['\\p{Yi}[\\P{Yi}\\p{Lu}]', '\\p{Script=Yi}[\\P{Script=Yi}\\p{Lu}]', 'u'],
    ['\\p{Any}', '\\p{Any}', 'u'],
    ['\\bx\\b', '\\bx\\b', 'u'],
    ['(?i)\\bx\\B', '(?-i:\\b)x(?-i:\\B)', 'iu'],
    ['a(?i)\\bx', 'a\\b(?i:x)', 'u'],
    ['.', '[^\\n]', 'u'],
    ['(?s).', '[^]', 'u'],
    ['(?m)^a$', '(?<![^\\n])a(?![^\\n])', 'u'],
    ['(?U)a*b*?', 'a*?b*', 'u'],
    ['a(?i)b|c', 'a(?i:b)|(?i:c)', 'u'],
    ['x(?i:y)z', 'x(?:(?i:y))z', 'u'],
    ['a{01}', 'a\\{01\\}', 'u'],
    ['x{,3}', 'x\\{,3\\}', 'u'],
    ['[]a-]', '[\\]a\\-]', 'u'],
    ['^*', '(?:^)*', 'u'],
  ])('%s → /%s/%s', (pattern, source, flags) => {
    const regexp = compiled(pattern);
    expect(regexp.source).toBe(source);
    expect(regexp.flags).toBe(flags);
  });
});

describe('the translation matches what Go matches', () => {
  test.each([
    // pattern, matching, not matching
    ['(?i)EXIT STATUS 1', [FAILURE], ['exit status 2']],
    ['Reason: exit status [1-9]\\d*\\z', [FAILURE], [`${FAILURE}\n`]],
    ['\\Aerror', ['error x'], ['x\nerror']],
    ['a(?i)b|c', ['ab', 'aB', 'C'], ['AB', 'x']],
    ['(?m)^npm$', ['x\nnpm\ny'], ['xnpm']],
    ['^npm$', ['npm'], ['x\nnpm\ny']],
    ['a.b', ['a\rb', 'a\u2028b'], ['a\nb']],
    ['(?s)a.b', ['a\nb'], []],
    ['a\\sb', ['a\tb', 'a b'], ['a\u000bb', 'a\u00a0b']],
    ['[[:^digit:]]', ['x'], ['7']],
    ['[[:space:]]', ['\u000b'], ['\u00a0']],
    ['\\Qa+b\\E', ['a+b'], ['aab']],
    ['^.$', ['😀'], ['ab']],
    ['^\\p{Yi}+$', ['ꀀꀁ'], ['a']],
    ['^\\P{Yi}$', ['a'], ['ꀀ']],
    // Go's \b and \B are ASCII-only even under (?i), where its s matches ſ: ſ and K are not word characters.
    ['(?i)^s\\b', ['s', 's-', `s${LONG_S}`, `S${KELVIN}`], ['ss', 'sk', LONG_S, `${LONG_S}-`]],
    [`(?i)\\b${LONG_S}`, [`a${LONG_S}`, 's'], [LONG_S, `-${LONG_S}`, 'as']],
    ['(?i)^s\\B', ['ss', 'S1', LONG_S, `${LONG_S}-`], ['s', `s${LONG_S}`, `s${KELVIN}`]],
    ['(?i:x)|\\bk', [`${LONG_S}k`, 'x', 'k'], ['ak']],
    // …but under (?i) Go folds \w and \W (its \w then has ſ and K), as JavaScript's `iu` does.
    ['(?i)^\\w+$', [`${LONG_S}${KELVIN}_9`], ['-']],
    ['(?i)^\\W$', ['-'], [LONG_S, KELVIN, 's']],
    ['(?i)^[^\\w]$', ['-'], [LONG_S, KELVIN]],
    ['^\\w$', ['a'], [LONG_S, KELVIN]],
    // Under (?i) for part of the pattern, letters beyond Latin-1 still fold to the Latin-1 ones, as in Go.
    [`x(?i:${LONG_S})`, ['xs', 'xS', `x${LONG_S}`], ['xt']],
    ['x(?i:\\x{212a}|\u03bc)', ['xk', 'xK', 'x\u00b5', 'x\u039c'], ['xx']],
    [`x(?i)\\Q${LONG_S}\\E`, ['xS'], ['xt']],
    // …and after a (?i:…) group \w and \W are Go's ASCII ones again.
    ['(?i:x)\\w', ['xa'], [`x${LONG_S}`, `x${KELVIN}`]],
    ['(?i:x)[\\w-]\\W', ['xa-', `xa${KELVIN}`], [`x${LONG_S}-`, 'xab']],
  ])('%s', (pattern, yes, no) => {
    const regexp = compiled(pattern);
    for (const text of yes) expect({ text, matched: regexp.test(text) }).toEqual({ text, matched: true });
    for (const text of no) expect({ text, matched: regexp.test(text) }).toEqual({ text, matched: false });
  });
});

test('never throws, whatever the input', () => {
  for (const pattern of ['', '(', '\\', '[', '(?', '(?P<', '\\p{', '\\x{', 'a{', '[[:', '(?i', '\\Q']) {
    expect(() => compileRe2(pattern)).not.toThrow();
  }
});

/**
 * Against RE2 itself: re2js is a JavaScript port of RE2 (it follows Go's regexp/syntax parser). Generated patterns
 * mix the Go-only spellings, flags in every position, nested groups and repeats, and constructs Go rejects; each must
 * be accepted or rejected as RE2 does and, when accepted, match the same texts (a few ASCII letters, the letters that
 * fold to them ſ and K, a line break, spaces, digits, Greek). re2js is a test-only dependency: it is ten times the
 * size of compileRe2 and would push the build and pipeline bundles past their limits.
 */
describe('compileRe2 agrees with RE2 (re2js)', () => {
  const ATOMS = [
    ...['a', 'b', 's', 'k', 'S', 'K', LONG_S, KELVIN, ' ', '-', '.', '^', '$', '\\A', '\\z', '\\b', '\\B'],
    ...['\\w', '\\W', '\\s', '\\S', '\\d', '\\D', '[ab]', '[^a]', '[a-z]', '[\\w-]', '[^\\s]', '[]a]', '[a-]'],
    ...['[[:alpha:]]', '[[:^space:]]', '[[:word:]]', '\\pL', '\\PL', '\\p{Greek}', '\\P{^Lu}', '\\pN', '\\p{Yi}'],
    ...['\\x41', '\\x{3b1}', '\\101', '\\Q.*\\E', '\\n', '\\-', '\\.', '{', '}', '{,2}', '{01}', '\\v', '\\f'],
    // What Go rejects.
    ...['\\Z', '\\C', '\\1', '\\e', '[z-a]', '(?=a)', '(?<!a)', '(?P=n)', '*', '\\', '(', ')', '[[:alfa:]]'],
  ];
  const FLAGS = ['(?i)', '(?s)', '(?m)', '(?U)', '(?-i)', '(?is)', '(?i-s)', '(?x)'];
  const QUANTIFIERS = ['*', '+', '?', '*?', '+?', '??', '{1,3}', '{2}', '{0,}', '{1,2}?', '{2}{3}', '*+', '{1001}'];
  const TEXT = ['a', 'b', 's', 'k', 'S', 'K', 'A', LONG_S, KELVIN, '\n', ' ', '-', '1', 'α', 'Ω'];

  const { pattern } = fc.letrec<{ pattern: string; piece: string }>((tie) => ({
    pattern: fc.array(tie('piece'), { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join('')),
    piece: fc.oneof(
      { maxDepth: 3, depthIdentifier: 'group' },
      fc
        .tuple(fc.constantFrom(...ATOMS), fc.option(fc.constantFrom(...QUANTIFIERS), { freq: 3 }))
        .map(([atom, quantifier]) => atom + (quantifier ?? '')),
      fc.constantFrom(...FLAGS),
      fc.tuple(tie('pattern'), tie('pattern')).map(([a, b]) => `(${a}|${b})`),
      tie('pattern').map((p) => `(?i:${p})`),
      tie('pattern').map((p) => `(?P<g>${p})`),
      fc
        .tuple(tie('pattern'), fc.constantFrom('*', '+', '{2}', '{3,5}', '{0,1}'))
        .map(([p, quantifier]) => `(?:${p})${quantifier}`),
    ),
  }));
  const text = fc.array(fc.constantFrom(...TEXT), { maxLength: 8 }).map((chars) => chars.join(''));

  test('the same patterns accepted, the same texts matched', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 12 }), (p, texts) => {
        const ours = compileRe2(p);
        let re2: RE2JS | undefined;
        try {
          re2 = RE2JS.compile(p);
        } catch {
          re2 = undefined;
        }
        expect({ pattern: p, accepted: ours.ok }).toEqual({ pattern: p, accepted: re2 !== undefined });
        if (!ours.ok || re2 === undefined) return;
        for (const t of texts) {
          expect({ pattern: p, text: t, matched: ours.regexp.test(t) }).toEqual({
            pattern: p,
            text: t,
            matched: re2.test(t),
          });
        }
      }),
      { numRuns: 3000, seed: 20240605 },
    );
  });
});
