import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  actionFiles,
  actionPagePath,
  cliCommands,
  commandHelp,
  formatMarkdown,
  generatedDocs,
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

describe('the documentation against the action.yml files and the CLI', () => {
  const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

  test('every action.yml has its page, docs/actions/<name>.md, with an inputs and an outputs table', () => {
    const missing = actionFiles(ROOT).flatMap(({ name, file }) => {
      const page = actionPagePath(name);
      if (!existsSync(join(ROOT, page))) return [`${file}: ${page} is missing (run npm run docs)`];
      return ['inputs', 'outputs']
        .filter((kind) => !read(page).includes(`<!-- ${kind}:${name}:start -->`))
        .map((kind) => `${file}: ${page} has no ${kind} table for "${name}" (run npm run docs)`);
    });
    expect(missing).toEqual([]);
  });

  test('the generated parts are what scripts/docs.ts generates (run npm run docs when this fails)', async () => {
    const generated = await generatedDocs(ROOT);
    expect([...generated.keys()]).toEqual(
      expect.arrayContaining(['docs/cli.md', ...actionFiles(ROOT).map(({ name }) => actionPagePath(name))]),
    );
    for (const [file, text] of generated) {
      const current = existsSync(join(ROOT, file)) ? read(file) : '<missing>';
      expect({ file, difference: firstDifference(current, text) }).toEqual({ file, difference: undefined });
    }
  });

  test('every CLI command has its line and its --help in docs/cli.md', async () => {
    const cli = read('docs/cli.md');
    const commands = await cliCommands();
    expect(commands.map((c) => c.name)).toEqual(expect.arrayContaining(['run', 'build', 'iam-policy']));
    expect(commands.filter((c) => !cli.includes(`- \`aws-cicd ${c.name}\`: `)).map((c) => c.name)).toEqual([]);
    for (const { name } of commands) {
      expect(cli).toContain(`### \`aws-cicd ${name} --help\``);
      expect(cli).toContain((await commandHelp(name)).split('\n')[0]!);
    }
  });

  test('README.md links every action page and the CLI reference', () => {
    const readme = read('README.md');
    for (const { name } of actionFiles(ROOT)) expect(readme).toContain(`](${actionPagePath(name)})`);
    expect(readme).toContain('](docs/cli.md)');
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
    const page = [
      '# x',
      'intro',
      '<!-- inputs:build:start -->',
      'stale',
      '<!-- inputs:build:end -->',
      'between',
      '<!-- outputs:build:start -->',
      '<!-- outputs:build:end -->',
      'outro',
    ].join('\n');
    const out = regenerate(page, readActions(root));
    expect(out).not.toContain('stale');
    expect(out).toContain('intro\n<!-- inputs:build:start -->\n\n| Input |');
    expect(out).toContain('| `mode` |');
    expect(out).toContain('<!-- inputs:build:end -->\nbetween\n<!-- outputs:build:start -->\n\n| Output |');
    expect(out).toContain('outro');
    expect(regenerate(out, readActions(root))).toBe(out);
    expect(regenerate('# no markers\n', readActions(root))).toBe('# no markers\n');
  });

  test('an action that appears later gets a page of its own; files without markers are left alone', async () => {
    const root = repo({
      'action.yml': BUILD,
      'actions/mirror/action.yml': MIRROR,
      'README.md': '# x\n\nno markers here\n',
      'docs/actions/build.md':
        '# build\n\n<!-- inputs:build:start -->\n<!-- inputs:build:end -->\n\n<!-- outputs:build:start -->\n<!-- outputs:build:end -->\n',
    });
    const docs = await generatedDocs(root);
    expect([...docs.keys()].sort()).toEqual(['docs/actions/build.md', 'docs/actions/mirror.md']);
    const page = docs.get('docs/actions/mirror.md')!;
    expect(page).toContain('# `mirror`: m\n\n`uses: your-org/aws-cicd/actions/mirror@v1`\n\nMirror it.\n\n## Inputs');
    expect(page).toMatch(/\| `repository` \| yes +\| +\| Target\. +\|/);
    expect(page).toContain('_No outputs._');
    expect(await formatMarkdown(regenerate(page, readActions(root)), join(root, 'x.md'))).toBe(page);
    expect(docs.get('docs/actions/build.md')).toContain('| `project-name` | yes');
  });

  test('markers of a removed action, a missing end marker and an undocumented input are errors naming them', () => {
    const root = repo({ 'action.yml': BUILD });
    const stale = '<!-- inputs:gone:start -->\n<!-- inputs:gone:end -->\n';
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
