import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandVariables } from '../../src/runner/expand.js';
import {
  assembleFileList,
  compilePathPattern,
  globDirectories,
  globFiles,
  matchesPathOrParent,
  normalizePattern,
} from '../../src/runner/glob.js';

type Tree = Record<string, string | { link: string }>;

function makeTree(root: string, tree: Tree): void {
  for (const [rel, content] of Object.entries(tree)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (typeof content === 'string') writeFileSync(abs, content);
    else symlinkSync(content.link, abs);
  }
}

let tmp: string;
let src: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'glob-test-'));
  src = path.join(tmp, 'src');
  makeTree(src, {
    'README.md': 'readme',
    '.hidden': 'dot',
    'app.jar': 'jar',
    'lib.jar': 'jar2',
    'dir/file.txt': 'f',
    'dir/other.log': 'o',
    'dir/sub/deep.txt': 'd',
    'dir/sub/deeper/x.txt': 'x',
    'scripts/start.sh': 's',
    'scripts/lib/util.sh': 'u',
    'pkg/a/dist/a.js': 'a',
    'pkg/b/dist/b.js': 'b',
    'pkg/b/dist/nested/c.js': 'c',
  });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const names = async (pattern: string, base = src, followSymlinks = true): Promise<string[]> =>
  (await globFiles(pattern, base, { followSymlinks })).map((f) => f.name);

describe('globFiles: path forms', () => {
  test('a single file and dir/file', async () => {
    expect(await names('README.md')).toEqual(['README.md']);
    expect(await names('dir/file.txt')).toEqual(['dir/file.txt']);
    expect(await names('missing.txt')).toEqual([]);
  });

  test('**/* is every file recursively, dot files included, sorted', async () => {
    expect(await names('**/*')).toEqual([
      '.hidden',
      'README.md',
      'app.jar',
      'dir/file.txt',
      'dir/other.log',
      'dir/sub/deep.txt',
      'dir/sub/deeper/x.txt',
      'lib.jar',
      'pkg/a/dist/a.js',
      'pkg/b/dist/b.js',
      'pkg/b/dist/nested/c.js',
      'scripts/lib/util.sh',
      'scripts/start.sh',
    ]);
  });

  test('dir/* is the files of dir only; dir/**/* is everything beneath', async () => {
    expect(await names('dir/*')).toEqual(['dir/file.txt', 'dir/other.log']);
    expect(await names('dir/**/*')).toEqual([
      'dir/file.txt',
      'dir/other.log',
      'dir/sub/deep.txt',
      'dir/sub/deeper/x.txt',
    ]);
    expect(await names('dir/**/*.txt')).toEqual(['dir/file.txt', 'dir/sub/deep.txt', 'dir/sub/deeper/x.txt']);
    expect(await names('**/deep*.txt')).toEqual(['dir/sub/deep.txt']);
  });

  test('*.jar matches the top level only', async () => {
    expect(await names('*.jar')).toEqual(['app.jar', 'lib.jar']);
  });

  test('scripts/** (no /*) takes every file beneath scripts, like scripts/**/*', async () => {
    expect(await names('scripts/**')).toEqual(['scripts/lib/util.sh', 'scripts/start.sh']);
    expect(await names('scripts/**')).toEqual(await names('scripts/**/*'));
    expect(await names('**')).toEqual(await names('**/*'));
  });

  test('a directory named literally takes its whole subtree; a wildcard last segment takes files only', async () => {
    expect(await names('dir/sub')).toEqual(['dir/sub/deep.txt', 'dir/sub/deeper/x.txt']);
    expect(await names('pkg/*/dist')).toEqual(['pkg/a/dist/a.js', 'pkg/b/dist/b.js', 'pkg/b/dist/nested/c.js']);
    expect(await names('pkg/*')).toEqual([]);
  });

  test('leading ./, duplicate and trailing slashes are tolerated', async () => {
    expect(await names('./dir/file.txt')).toEqual(['dir/file.txt']);
    expect(await names('./**/*.sh')).toEqual(['scripts/lib/util.sh', 'scripts/start.sh']);
    expect(await names('dir//sub/')).toEqual(['dir/sub/deep.txt', 'dir/sub/deeper/x.txt']);
    expect(await names('.')).toEqual(await names('**/*'));
  });

  test('absolute paths ignore the base and keep their path without the leading slash', async () => {
    const found = await globFiles(`${src}/dir/**/*`, '/nonexistent', { followSymlinks: true });
    expect(found.map((f) => f.name)).toEqual(
      ['dir/file.txt', 'dir/other.log', 'dir/sub/deep.txt', 'dir/sub/deeper/x.txt'].map((n) => `${src.slice(1)}/${n}`),
    );
    expect(found[0]?.abs).toBe(path.join(src, 'dir/file.txt'));
  });

  test('.. climbing out of the base becomes an absolute path', async () => {
    const found = await globFiles('../dir/*.txt', path.join(src, 'scripts'), { followSymlinks: true });
    expect(found.map((f) => f.name)).toEqual([`${src.slice(1)}/dir/file.txt`]);
    expect(await names('dir/../dir/sub/../file.txt')).toEqual(['dir/file.txt']);
  });

  test('?, character classes and escapes', async () => {
    expect(await names('dir/file.tx?')).toEqual(['dir/file.txt']);
    expect(await names('[al]*.jar')).toEqual(['app.jar', 'lib.jar']);
    expect(await names('[!a]*.jar')).toEqual(['lib.jar']);
    makeTree(src, { 'star*.txt': 'literal star', 'starX.txt': 'x' });
    expect(await names('star\\*.txt')).toEqual(['star*.txt']);
  });

  test('ignored paths are neither matched nor walked', async () => {
    const found = await globFiles('**/*', src, { followSymlinks: true, ignore: [path.join(src, 'dir')] });
    expect(found.some((f) => f.name.startsWith('dir/'))).toBe(false);
    expect(found.length).toBe(9);
  });
});

describe('globFiles: symbolic links', () => {
  beforeEach(() => {
    makeTree(tmp, { 'outside/o.txt': 'outside' });
    makeTree(src, {
      'links/file-link': { link: '../README.md' },
      'links/dir-link': { link: '../dir/sub' },
      'links/loop': { link: '..' },
      'links/broken': { link: 'nowhere' },
      'links/out': { link: path.join(tmp, 'outside') },
    });
  });

  test('followed: file links give files, directory links are walked, loops and broken links are left out', async () => {
    const found = await globFiles('links/**/*', src, { followSymlinks: true });
    const got = found.map((f) => `${f.name}:${f.kind}`);
    expect(got).toContain('links/file-link:file');
    expect(got).toContain('links/dir-link/deep.txt:file');
    expect(got).toContain('links/dir-link/deeper/x.txt:file');
    expect(got).toContain('links/out/o.txt:file');
    expect(got.some((n) => n.startsWith('links/loop'))).toBe(false); // a link to an ancestor is a loop: cut
    expect(got.some((n) => n.startsWith('links/broken'))).toBe(false);
  });

  test('kept: links are entries of kind symlink and never walked into', async () => {
    const found = await globFiles('links/*', src, { followSymlinks: false });
    expect(found.map((f) => `${f.name}:${f.kind}`)).toEqual([
      'links/broken:symlink',
      'links/dir-link:symlink',
      'links/file-link:symlink',
      'links/loop:symlink',
      'links/out:symlink',
    ]);
    expect((await globFiles('links/**/*', src, { followSymlinks: false })).length).toBe(5);
  });

  test('a literally named link is kept or followed', async () => {
    expect((await globFiles('links/file-link', src, { followSymlinks: false }))[0]?.kind).toBe('symlink');
    expect((await globFiles('links/file-link', src, { followSymlinks: true }))[0]?.kind).toBe('file');
    expect(await names('links/dir-link/*', src, false)).toEqual(['links/dir-link/deep.txt']);
  });
});

describe('globDirectories (base-directory globs)', () => {
  test('matches directories only', async () => {
    makeTree(src, { 'my-build1/a': '1', 'my-build2/b': '2', 'my-build.txt': 'file' });
    expect((await globDirectories('my-build*', src, { followSymlinks: true })).map((d) => d.name)).toEqual([
      'my-build1',
      'my-build2',
    ]);
    expect((await globDirectories('dir', src, { followSymlinks: true })).map((d) => d.name)).toEqual(['dir']);
    expect(await globDirectories('README.md', src, { followSymlinks: true })).toEqual([]);
  });
});

describe('exclude patterns', () => {
  test('* stays within a segment, ** crosses directories, a matched directory excludes its files', () => {
    const star = compilePathPattern('*.log');
    expect(matchesPathOrParent(star, 'a.log')).toBe(true);
    expect(matchesPathOrParent(star, 'dir/a.log')).toBe(false);
    const deep = compilePathPattern('**/*.log');
    expect(matchesPathOrParent(deep, 'dir/sub/a.log')).toBe(true);
    expect(matchesPathOrParent(deep, 'a.log')).toBe(true);
    const dir = compilePathPattern('node_modules');
    expect(matchesPathOrParent(dir, 'node_modules/x/index.js')).toBe(true);
    expect(matchesPathOrParent(dir, 'src/node_modules/x.js')).toBe(false);
    const mid = compilePathPattern('a/**/b');
    expect(mid.test('a/b')).toBe(true);
    expect(mid.test('a/x/y/b')).toBe(true);
    expect(mid.test('a/xb')).toBe(false);
  });

  test('normalizePattern', () => {
    expect(normalizePattern('./a//b/')).toBe('a/b');
    expect(normalizePattern('./')).toBe('');
    expect(normalizePattern('/tmp//x/./y')).toBe('/tmp/x/y');
  });
});

describe('assembleFileList', () => {
  test('logs like CodeBuild and reports entries matching nothing', async () => {
    const lines: string[] = [];
    const list = await assembleFileList(
      { files: ['**/*.sh', 'nothing/*', 'README.md'] },
      { srcDir: src, env: {}, log: (l) => lines.push(l), followSymlinks: true },
    );
    expect(lines).toEqual([
      'Expanding base directory path: .',
      'Assembling file list',
      'Expanding .',
      'Expanding file paths for base directory .',
      'Assembling file list',
      'Expanding **/*.sh',
      'Expanding nothing/*',
      'Skipping invalid file path nothing/*',
      'Expanding README.md',
      'Found 3 file(s)',
    ]);
    expect(list.skipped).toEqual(['nothing/*']);
    expect(list.files.map((f) => f.name)).toEqual(['scripts/lib/util.sh', 'scripts/start.sh', 'README.md']);
  });

  test('base-directory (with variables) and exclude-paths relative to it', async () => {
    const lines: string[] = [];
    const list = await assembleFileList(
      { files: ['**/*'], baseDirectory: '${TOP}', excludePaths: ['sub/deeper/**', '*.log'] },
      { srcDir: src, env: new Map([['TOP', 'dir']]), log: (l) => lines.push(l), followSymlinks: true },
    );
    expect(lines.slice(0, 4)).toEqual([
      'Expanding base directory path: dir',
      'Assembling file list',
      'Expanding dir',
      'Expanding file paths for base directory dir',
    ]);
    expect(list.files.map((f) => f.name)).toEqual(['file.txt', 'sub/deep.txt']);
  });

  test('a base directory that matches nothing is an error', async () => {
    const list = await assembleFileList(
      { files: ['**/*'], baseDirectory: 'build' },
      { srcDir: src, env: {}, log: () => undefined, followSymlinks: true },
    );
    expect(list.error).toBe('no matching base directory path found for build');
  });
});

describe('expandVariables', () => {
  test('$VAR, ${VAR}, $env:VAR; unset is empty; other $ kept', () => {
    const env = { A: 'x', B_2: 'y', TEMP: '/tmp' };
    expect(expandVariables('$A/${B_2}/$A-z', env)).toBe('x/y/x-z');
    expect(expandVariables('$env:TEMP/out', env)).toBe('/tmp/out');
    expect(expandVariables('$UNSET/a', env)).toBe('/a');
    expect(expandVariables('cost $5 and $ and ${bad-name}', env)).toBe('cost $5 and $ and ${bad-name}');
    expect(expandVariables('${A', env)).toBe('${A');
    expect(expandVariables('a', new Map([['a', 'b']]))).toBe('a');
    expect(expandVariables('$toString', {})).toBe('');
  });
});
