/**
 * Mutation fuzzing over the corpus with a fixed seed: whatever the input, parseBuildspec returns (never throws),
 * every finding has a position ≥ 1:1, and a model comes back exactly when there are no errors.
 */
import { parseBuildspec } from '../../src/buildspec/index.js';
import { BUILDSPEC_CORPUS, corpus } from './support.js';
import { seededRandom } from '../support/random.js';

type Mutation = (text: string, random: () => number) => string;

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
const lineIndex = (lines: readonly string[], random: () => number) => Math.floor(random() * lines.length);
const NASTY = [
  '\t',
  '\u0000',
  '\uFEFF',
  '\r',
  ':',
  '- ',
  '*',
  '&a ',
  '{',
  '[',
  '"',
  "'",
  '|',
  '>',
  '#',
  '%',
  '@',
  '`',
  '!!',
  '\u2013 ',
  '\uD800',
  '\n  ',
  '<<: *a',
];

const MUTATIONS: Record<string, Mutation> = {
  deleteLine(text, random) {
    const lines = text.split('\n');
    lines.splice(lineIndex(lines, random), 1);
    return lines.join('\n');
  },
  duplicateLine(text, random) {
    const lines = text.split('\n');
    const i = lineIndex(lines, random);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  reindent(text, random) {
    const lines = text.split('\n');
    const i = lineIndex(lines, random);
    const line = lines[i] ?? '';
    lines[i] = random() < 0.5 ? ' '.repeat(1 + Math.floor(random() * 4)) + line : line.replace(/^ {1,4}/, '');
    return lines.join('\n');
  },
  swapCharacters(text, random) {
    if (text.length < 2) return text;
    const i = Math.floor(random() * (text.length - 1));
    return text.slice(0, i) + (text[i + 1] ?? '') + (text[i] ?? '') + text.slice(i + 2);
  },
  insertNasty(text, random) {
    const i = Math.floor(random() * (text.length + 1));
    return text.slice(0, i) + pick(NASTY, random) + text.slice(i);
  },
  insertRandomBytes(text, random) {
    const i = Math.floor(random() * (text.length + 1));
    const bytes = Array.from({ length: 1 + Math.floor(random() * 8) }, () =>
      String.fromCharCode(Math.floor(random() * 256)),
    );
    return text.slice(0, i) + bytes.join('') + text.slice(i);
  },
  truncate(text, random) {
    return text.slice(0, Math.floor(random() * text.length));
  },
  swapLines(text, random) {
    const lines = text.split('\n');
    const i = lineIndex(lines, random);
    const j = lineIndex(lines, random);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
};

const ITERATIONS = 3000;

BUILDSPEC_CORPUS.test(`${ITERATIONS} mutated corpus files: no throw, positions ≥ 1:1, model iff no errors`, (dir) => {
  const random = seededRandom(20240601);
  const files = corpus(dir);
  const names = Object.keys(MUTATIONS);
  const failures: string[] = [];
  let withErrors = 0;
  for (let n = 0; n < ITERATIONS && failures.length < 5; n++) {
    let text = pick(files, random).text;
    const steps = 1 + Math.floor(random() * 3);
    const applied: string[] = [];
    for (let s = 0; s < steps; s++) {
      const name = pick(names, random);
      applied.push(name);
      text = (MUTATIONS[name] as Mutation)(text, random);
    }
    let result;
    try {
      result = parseBuildspec(text, 'fuzz.yml');
    } catch (error) {
      failures.push(`#${n} ${applied.join('+')} threw ${String(error)}`);
      continue;
    }
    const bad = result.findings.find((f) => !(f.line >= 1 && f.col >= 1) || !Number.isInteger(f.line));
    if (bad) failures.push(`#${n} ${applied.join('+')}: finding at ${bad.line}:${bad.col}: ${bad.message}`);
    const hasErrors = result.findings.some((f) => f.severity === 'error');
    if (hasErrors === (result.buildspec !== undefined))
      failures.push(`#${n} ${applied.join('+')}: model/errors mismatch`);
    if (result.findings.some((f) => f.message.startsWith('internal error'))) {
      failures.push(`#${n} ${applied.join('+')}: ${result.findings.map((f) => f.message).join('; ')}`);
    }
    if (hasErrors) withErrors++;
  }
  expect(failures).toEqual([]);
  // The mutations must actually break files, or this test proves nothing.
  expect(withErrors).toBeGreaterThan(ITERATIONS / 5);
});

test('pathological inputs: empty, BOM only, binary, deep nesting, alias bombs, cycles', () => {
  const inputs = [
    '',
    '\uFEFF',
    '   \n\n',
    '# only a comment\n',
    '\u0000\u0001\u0002\u00ff\uFFFE',
    Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)).toString('latin1'),
    '['.repeat(5000) + ']'.repeat(5000),
    'a:\n' + Array.from({ length: 300 }, (_, i) => ' '.repeat(i + 1) + 'b:').join('\n'),
    'a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n',
    'a: &a [*a]\n',
    'version: 0.2\nphases: &p\n  build: *p\n',
    '---\n---\n---\n',
    '---\nversion: 0.2\n---\nphases: {}\n',
    'version: 0.2\r\nphases:\r\n\tbuild:\r\n',
    '%YAML 1.1\n---\nversion: 0.2\n',
    'version: 0.2\nversion: 0.2\n',
    '? [a, b]\n: c\n',
  ];
  for (const text of inputs) {
    const result = parseBuildspec(text, 'x.yml');
    expect(result.findings.some((f) => f.severity === 'error')).toBe(true);
    for (const f of result.findings) expect(f.line >= 1 && f.col >= 1).toBe(true);
    expect(result.findings.some((f) => f.message.startsWith('internal error'))).toBe(false);
  }
});
