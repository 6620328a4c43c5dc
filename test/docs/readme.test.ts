import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  actionFiles,
  cliCommands,
  formatMarkdown,
  generatedReadme,
  inputsTable,
  outputsTable,
  readAction,
  readActions,
  regenerate,
  type ActionDoc,
} from '../../scripts/docs.js';

const ROOT = join(import.meta.dirname, '../..');

/** The first line where two texts differ, for a readable failure. */
function firstDifference(
  actual: string,
  expected: string,
): { line: number; readme: string; generated: string } | undefined {
  const a = actual.split('\n');
  const b = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, readme: a[i] ?? '<end of file>', generated: b[i] ?? '<end of file>' };
  }
  return undefined;
}

describe('README.md against the action.yml files', () => {
  test('every action.yml has an inputs and an outputs section in README.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = actionFiles(ROOT).flatMap(({ name, file }) =>
      ['inputs', 'outputs']
        .filter((kind) => !readme.includes(`<!-- ${kind}:${name}:start -->`))
        .map((kind) => `${file}: README.md has no ${kind} table for "${name}" (run npm run docs)`),
    );
    expect(missing).toEqual([]);
  });

  test('the tables in README.md are what scripts/docs.ts generates (run npm run docs when this fails)', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(firstDifference(readme, await generatedReadme(ROOT))).toBeUndefined();
  });

  test('every CLI command has its line in README.md', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const commands = await cliCommands();
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['run', 'build', 'iam-policy']));
    expect(commands.filter((c) => !readme.includes(`- \`aws-cicd ${c.name}\`: `)).map((c) => c.name)).toEqual([]);
  });

  test('the root action.yml is build and each actions/<name>/action.yml is <name>', () => {
    const files = actionFiles(ROOT);
    expect(files[0]).toEqual({ name: 'build', file: 'action.yml' });
    for (const { name, file } of files.slice(1)) expect(file).toBe(`actions/${name}/action.yml`);
    expect(files.map((f) => f.name)).toContain('local');
    expect(readActions(ROOT).every((a) => a.inputs.every((i) => i.description.length > 0))).toBe(true);
  });
});

describe('the generator', () => {
  function repo(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'aws-cicd-docs-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  const BUILD = [
    'name: b',
    'description: Build it.',
    'inputs:',
    '  project-name:',
    '    description: The project.',
    '    required: true',
    '  mode:',
    '    description: >-',
    '      a | b, folded',
    '      over two lines.',
    '    required: false',
    "    default: 'a'",
    '  empty:',
    "    description: 'Empty default.'",
    "    default: ''",
    'outputs:',
    '  id:',
    "    description: 'The id.'",
    'runs: { using: node24, main: dist/build/index.js }',
    '',
  ].join('\n');
  const MIRROR = [
    'name: m',
    'description: Mirror it.',
    'inputs:',
    '  repository:',
    '    description: Target.',
    '    required: true',
    'runs: { using: node24, main: ../../dist/mirror/index.js }',
    '',
  ].join('\n');

  test('tables: name as code, required yes/no, default as code (empty left blank), | escaped, lines joined', () => {
    const root = repo({ 'action.yml': BUILD });
    const action = readAction(root, 'build', 'action.yml');
    expect(inputsTable(action)).toBe(
      [
        '| Input | Required | Default | Description |',
        '| --- | --- | --- | --- |',
        '| `project-name` | yes |  | The project. |',
        '| `mode` | no | `a` | a \\| b, folded over two lines. |',
        '| `empty` | no |  | Empty default. |',
      ].join('\n'),
    );
    expect(outputsTable(action)).toBe('| Output | Description |\n| --- | --- |\n| `id` | The id. |');
    expect(action.uses).toBe('your-org/aws-cicd@v1');
    const none: ActionDoc = { ...action, inputs: [], outputs: [] };
    expect(inputsTable(none)).toBe('_No inputs._');
    expect(outputsTable(none)).toBe('_No outputs._');
  });

  test('regenerates between markers and keeps everything else', () => {
    const root = repo({ 'action.yml': BUILD });
    const readme = [
      '# x',
      'intro',
      '<!-- inputs:build:start -->',
      'stale',
      '<!-- inputs:build:end -->',
      'between',
      '<!-- outputs:build:start -->',
      '<!-- outputs:build:end -->',
      'outro',
      '<!-- action-reference:end -->',
    ].join('\n');
    const out = regenerate(readme, readActions(root));
    expect(out).not.toContain('stale');
    expect(out).toContain('intro\n<!-- inputs:build:start -->\n\n| Input |');
    expect(out).toContain('| `mode` |');
    expect(out).toContain('<!-- inputs:build:end -->\nbetween\n<!-- outputs:build:start -->\n\n| Output |');
    expect(out).toContain('outro');
    expect(regenerate(out, readActions(root))).toBe(out);
  });

  test('an action that appears later gets its own section before the reference end marker', async () => {
    const root = repo({ 'action.yml': BUILD, 'actions/mirror/action.yml': MIRROR });
    const readme =
      '# x\n\n<!-- inputs:build:start -->\n<!-- inputs:build:end -->\n\n<!-- outputs:build:start -->\n<!-- outputs:build:end -->\n\n<!-- action-reference:end -->\n\nrest\n';
    const out = await formatMarkdown(regenerate(readme, readActions(root)), join(root, 'README.md'));
    expect(out).toContain(
      '### mirror: `uses: your-org/aws-cicd/actions/mirror@v1`\n\nMirror it.\n\n<!-- inputs:mirror:start -->',
    );
    expect(out).toMatch(/\| `repository` \| yes +\| +\| Target\. +\|/);
    expect(out.indexOf('<!-- outputs:mirror:end -->')).toBeLessThan(out.indexOf('<!-- action-reference:end -->'));
    expect(out).toContain('_No outputs._');
    expect(await formatMarkdown(regenerate(out, readActions(root)), join(root, 'README.md'))).toBe(out);
  });

  test('markers of a removed action, a missing end marker and an undocumented input are errors naming them', () => {
    const root = repo({ 'action.yml': BUILD });
    const stale = '<!-- inputs:gone:start -->\n<!-- inputs:gone:end -->\n<!-- action-reference:end -->';
    expect(() => regenerate(stale, readActions(root))).toThrow(
      /inputs:gone:start --> names an action that has no action\.yml/,
    );
    const open = '<!-- inputs:build:start -->\n<!-- outputs:build:start -->\n<!-- outputs:build:end -->';
    expect(() => regenerate(open, readActions(root))).toThrow(
      /<!-- inputs:build:start --> must be followed by <!-- inputs:build:end -->/,
    );
    const bad = repo({ 'action.yml': BUILD.replace('    description: The project.\n', '') });
    expect(() => readActions(bad)).toThrow(/action\.yml: inputs\.project-name has no description/);
  });
});
