import { parseAppspec } from '../../src/appspec/index.js';
import { APPSPEC_CORPUS, corpusFiles } from './corpus-files.js';
import { seededRandom } from '../support/random.js';

const TOKENS = [
  ':',
  ': ',
  '- ',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '!!str ',
  '!x ',
  '|',
  '>',
  '%',
  '@',
  '`',
  '\t',
  '\n',
  '\r\n',
  '  ',
  '~',
  'null',
  '<<: *a',
  '---\n',
  '...\n',
  '0644',
  '0.0',
  '3601',
  '\u0000',
  '\uFEFF',
  'Resources:',
  'Hooks:',
  'hooks:',
  'os: windows',
  'version: 0.0',
  'AWS::ECS::Service',
  'AWS::Lambda::Function',
  'Type: ',
  'Properties:',
  'TaskDefinition: x',
  'location: a.sh',
  'timeout: 99999',
  'mode: 7777',
  'acls: [":"]',
  'context: {range: s9-s1:c2.c1}',
  'type: [x]',
  'permissions: [{object: /}]',
  '[[[[',
  '{{{{',
];

type Mutation = (text: string, rand: () => number, other: string) => string;

const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)] as T;
const at = (text: string, rand: () => number) => Math.floor(rand() * (text.length + 1));

const MUTATIONS: Mutation[] = [
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 8));
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(TOKENS, r) + t.slice(i);
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    const j = Math.floor(r() * lines.length);
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    const line = lines[i] ?? '';
    lines[i] = r() < 0.5 ? ' '.repeat(1 + Math.floor(r() * 4)) + line : line.replace(/^ {1,4}/, r() < 0.3 ? '\t' : '');
    return lines.join('\n');
  },
  (t, r) => t.slice(0, at(t, r)),
  (t, r) => t.replace(/: [^\n]*/, pick([': []', ': {}', ': ~', ':\n  - x', ': &a x', ': *a', ': "', ': [a, [b]]'], r)),
  (t, r, other) => t.slice(0, at(t, r)) + other.slice(at(other, r)),
];

function checkResult(text: string): void {
  const result = parseAppspec(text, 'f.yml');
  const errors = result.findings.filter((f) => f.severity === 'error');
  for (const f of result.findings) {
    expect(['error', 'warning']).toContain(f.severity);
    expect(f.file).toBe('f.yml');
    expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    expect(Number.isInteger(f.col) && f.col >= 1).toBe(true);
    expect(f.message).not.toMatch(/internal error/);
  }
  expect(result.appspec !== undefined).toBe(errors.length === 0);
}

describe('fuzz: the appspec parser never throws', () => {
  APPSPEC_CORPUS.test('1000 seeded mutations of the corpus files', (dir) => {
    const corpus = corpusFiles(dir).map((f) => f.text);
    const rand = seededRandom(20240611);
    for (let n = 0; n < 1000; n++) {
      let text = pick(corpus, rand);
      const steps = 1 + Math.floor(rand() * 4);
      for (let s = 0; s < steps; s++) text = pick(MUTATIONS, rand)(text, rand, pick(corpus, rand));
      try {
        checkResult(text);
      } catch (error) {
        throw new Error(`mutation ${n} failed on:\n${JSON.stringify(text)}\n${String(error)}`);
      }
    }
  });

  test('random bytes', () => {
    const rand = seededRandom(7);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: Math.floor(rand() * 200) }, () =>
        String.fromCharCode(Math.floor(rand() * 128)),
      ).join('');
      checkResult(text);
    }
  });

  test('pathological documents: deep nesting and alias bombs', () => {
    checkResult('version: 0.0\nos: linux\nhooks: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n');
    checkResult('a: ' + '{b: '.repeat(3000) + '1' + '}'.repeat(3000) + '\n');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) bomb.push(`${'b'.repeat(i)}: &a${i} [${`*a${i === 1 ? '' : i - 1}, `.repeat(10)}x]`);
    checkResult(bomb.join('\n') + '\n');
    checkResult('version: 0.0\nos: linux\nhooks: &h\n  AfterInstall: *h\n');
  });

  test('non-string input is tolerated', () => {
    expect(() => parseAppspec(undefined as unknown as string, 'f.yml')).not.toThrow();
    expect(() => parseAppspec(42 as unknown as string, 'f.yml')).not.toThrow();
  });
});
