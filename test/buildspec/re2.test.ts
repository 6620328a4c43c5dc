/** Go (RE2) patterns → JavaScript RegExp: what Go rejects, how Go-only syntax is translated, and what then matches. */
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
