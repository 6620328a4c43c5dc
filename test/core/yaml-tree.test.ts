/**
 * Duplicate keys, found without the yaml package's quadratic `uniqueKeys` check: in big mappings, and — on generated
 * documents, broken ones included — with the same errors, at the same places and in the same order, as that check.
 */
import fc from 'fast-check';
import { LineCounter, parseDocument } from 'yaml';
import { parseAppspec } from '../../src/appspec/index.js';
import { formatFinding, parseBuildspec } from '../../src/buildspec/index.js';
import { parseTree } from '../../src/core/yaml-tree.js';

const UNIQUE = 'YAML syntax: Map keys must be unique';

/** A buildspec whose env.variables holds `count` variables, then `extra` lines inside that mapping. */
function bigBuildspec(count: number, extra: readonly string[]): string {
  const lines = ['version: 0.2', 'env:', '  variables:'];
  for (let i = 0; i < count; i++) lines.push(`    NAME_${i}: "value ${i}"`);
  lines.push(...extra, 'phases:', '  build:', '    commands:', '      - echo "$NAME_0"', '');
  return lines.join('\n');
}

describe('duplicates in a big mapping', () => {
  const COUNT = 50_000;
  /** Line of the variable NAME_i: after the three header lines. */
  const lineOf = (i: number) => i + 4;

  test('a repeated variable at the end of 50k is reported at its line, and the file has no model', () => {
    const result = parseBuildspec(bigBuildspec(COUNT, ['    NAME_17: "again"']), 'buildspec.yml');
    expect(result.buildspec).toBeUndefined();
    expect(result.findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([
      expect.stringMatching(new RegExp(`^buildspec\\.yml:${lineOf(COUNT)}:5: error: ${UNIQUE}`)),
    ]);
  });

  test('every repeat is reported, written in any quoting, and only repeats', () => {
    const extra = ['    "NAME_0": a', "    'NAME_49999': b", '    !!str NAME_25000: c', '    NAME_50000: d'];
    const errors = parseTree(bigBuildspec(COUNT, extra)).problems.filter((p) => p.severity === 'error');
    // Where the parser reports it: past a tag.
    expect(errors).toEqual(
      [5, 5, 11].map((col, i) => ({ severity: 'error', pos: { line: lineOf(COUNT + i), col }, message: UNIQUE })),
    );
    expect(parseBuildspec(bigBuildspec(COUNT, []), 'buildspec.yml').buildspec?.env.variables).toHaveLength(COUNT);
  });

  test('an appspec: a repeated key of a big flow mapping', () => {
    const keys = Array.from({ length: COUNT }, (_, i) => `k${i}: v`);
    const text = `version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\nx-big: {${keys.join(', ')}, k3: again}\n`;
    const col = text.split('\n')[5]?.indexOf('k3: again') ?? 0;
    const duplicate = parseAppspec(text, 'appspec.yml').findings.filter((f) => f.message.includes('must be unique'));
    expect(duplicate.map((f) => [f.line, f.col])).toEqual([[6, col + 1]]);
  });
});

/** Pieces of YAML, valid and broken, that make duplicate keys and the parser's other errors meet. */
const KEYS = ['a', '"a"', "'a'", '!!str a', '&x a', '*x', '? a\n', '<<', '~', 'null', '""', '? [a]\n', '"a\\q"'];
const MORE_KEYS = ['a b', '? # c\n', '', '!foo a', '"\\x61"', '? |\n  a\n', 'b', '[a]', '{a: 1}', '-', '\ta'];
const VALUES = ['1', '', '*x', '&x {a: 1}', '[a, a: 1]', '{a: 1, a: 2}', '{a: 1, "a": 2, b}', '"unterminated', '['];
const MORE_VALUES = [
  '- x',
  '!!int q',
  '{? a, a}',
  '{: 1, : 2}',
  '{a: 1, a: 2',
  '{a, a}',
  '[{a: 1, a: 2}]',
  '{ a: 1, # c\n a: 2 }',
];

interface Entry {
  readonly key: string;
  readonly value: string | Entry[];
  readonly comment: boolean;
  readonly tab: boolean;
}

const entries: fc.Memo<Entry[]> = fc.memo((depth) =>
  fc.array(
    fc.record({
      key: fc.constantFrom(...KEYS, ...MORE_KEYS),
      value:
        depth > 1
          ? fc.oneof(fc.constantFrom(...VALUES, ...MORE_VALUES), entries(depth - 1))
          : fc.constantFrom(...VALUES, ...MORE_VALUES),
      comment: fc.boolean(),
      tab: fc.nat(9).map((n) => n === 0),
    }),
    { minLength: 1, maxLength: 6 },
  ),
);

function render(items: readonly Entry[], indent = ''): string {
  let out = '';
  for (const { key, value, comment, tab } of items) {
    const head = `${indent}${key}${key.endsWith('\n') ? indent : ''}:`;
    out += typeof value === 'string' ? `${head} ${value}\n` : `${head}\n${render(value, `${indent}  `)}`;
    if (comment) out += `${indent}# comment\n`;
    if (tab) out += `\t${indent}x: 1\n`;
  }
  return out;
}

test("the yaml package's own duplicate-key errors, at the same places, in the same order, among the others", () => {
  fc.assert(
    fc.property(entries(3), (doc) => {
      const text = render(doc);
      // The package's quadratic check, as the parser ran before.
      const lineCounter = new LineCounter();
      const reference = parseDocument(text, { lineCounter, schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
      const expected = reference.errors.map((e) => {
        const { line, col } = lineCounter.linePos(e.pos[0]);
        return `${line}:${col} ${e.message.split('\n')[0]}`;
      });
      // CodeDeploy's reading reports every parser error, unfiltered, before its own problems.
      const actual = parseTree(text, { reader: 'codedeploy' })
        .problems.filter((p) => p.severity === 'error')
        .slice(0, expected.length)
        .map((p) => `${p.pos.line}:${p.pos.col} ${p.message.replace(/^YAML syntax: /, '')}`);
      expect(actual).toEqual(expected);
    }),
    { numRuns: 1000, seed: 20_240_601 },
  );
});
