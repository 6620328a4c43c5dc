import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArtifactSpec, ArtifactsSpec, SecondaryArtifact } from '../../src/buildspec/types.js';
import { collectArtifacts, matchArtifactFiles, type ArtifactsOptions } from '../../src/runner/artifacts.js';

type Tree = Record<string, string | { link: string }>;

function makeTree(root: string, tree: Tree): void {
  for (const [rel, content] of Object.entries(tree)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    if (typeof content === 'string') writeFileSync(abs, content);
    else symlinkSync(content.link, abs);
  }
}

function artifact(files: string[], more: Partial<ArtifactSpec> = {}): ArtifactSpec {
  return { files, discardPaths: false, excludePaths: [], enableSymlinks: false, ...more };
}

function artifacts(files: string[], more: Partial<ArtifactsSpec> = {}): ArtifactsSpec {
  return { ...artifact(files), secondary: [], ...more };
}

interface PyEntry {
  name: string;
  mode: number;
  content: string;
}
/** Python's zipfile as an independent reader: names, modes, contents (text). */
function readZip(zipPath: string): PyEntry[] {
  const script = [
    'import zipfile, json, sys',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps([{"name": i.filename, "mode": i.external_attr >> 16,',
    '  "content": z.read(i).decode("utf-8", "replace")} for i in z.infolist()]))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, zipPath]).toString());
}
const contents = (zipPath: string): Record<string, string> =>
  Object.fromEntries(readZip(zipPath).map((e) => [e.name, e.content]));

const haveTools = spawnSync('unzip', ['-v']).status === 0 && spawnSync('python3', ['--version']).status === 0;
if (!haveTools) console.warn('unzip or python3 missing: the artifact ZIP tests are skipped');
const describeZip = haveTools ? describe : describe.skip;

let tmp: string;
let src: string;
let out: string;
let lines: string[];
let options: ArtifactsOptions;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'artifacts-test-'));
  src = path.join(tmp, 'src');
  out = path.join(tmp, 'out');
  lines = [];
  makeTree(src, {
    'appspec.yml': 'version: 0.0',
    'imagedefinitions.json': '[]',
    'target/app.jar': 'JAR',
    'target/classes/A.class': 'A',
    'build/index.html': '<html>',
    'build/static/js/main.js': 'main()',
    'build/static/css/main.css': 'body{}',
    'my-build1/one.txt': 'one',
    'my-build1/same.txt': 'from 1',
    'my-build2/two.txt': 'two',
    'my-build2/same.txt': 'from 2',
    'src/com/x/A.java': 'class A {}',
    'src/com/y/A.java': 'class A2 {}',
    'logs/debug.log': 'log',
    'logs/keep.txt': 'keep',
  });
  options = {
    srcDir: src,
    outDir: out,
    env: { ECS_AGENT_DEB: 'target/app.jar', OUT: 'build' },
    log: (l) => lines.push(l),
    shellEval: async (text) => text.replace('$(date +%Y)', '2024'),
  };
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describeZip('collectArtifacts', () => {
  test('**/* with a base directory: every file beneath, paths relative to it, CodeBuild log lines', async () => {
    const result = await collectArtifacts(artifacts(['**/*'], { baseDirectory: 'build' }), options);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.primary).toMatchObject({ location: path.join(out, 'artifacts.zip'), files: 3 });
    expect(Object.keys(contents(path.join(out, 'artifacts.zip')))).toEqual([
      'index.html',
      'static/css/main.css',
      'static/js/main.js',
    ]);
    expect(lines).toEqual([
      'Expanding base directory path: build',
      'Assembling file list',
      'Expanding build',
      'Expanding file paths for base directory build',
      'Assembling file list',
      'Expanding **/*',
      'Found 3 file(s)',
      'Preparing to copy secondary artifacts',
      'No secondary artifacts defined in buildspec',
    ]);
    expect(spawnSync('unzip', ['-tq', path.join(out, 'artifacts.zip')]).status).toBe(0);
  });

  test('a base-directory glob takes the content of each matching directory, not the directories', async () => {
    const result = await collectArtifacts(artifacts(['**/*'], { baseDirectory: 'my-build*' }), options);
    expect(result.status).toBe('SUCCEEDED');
    expect(contents(path.join(out, 'artifacts.zip'))).toEqual({
      'one.txt': 'one',
      'same.txt': 'from 2',
      'two.txt': 'two',
    });
    expect(result.warnings).toEqual([
      `same.txt: ${path.join(src, 'my-build2/same.txt')} replaces ${path.join(src, 'my-build1/same.txt')} (same path in the artifact)`,
    ]);
    expect(lines).toContain('Expanding my-build1');
    expect(lines).toContain('Expanding file paths for base directory my-build2');
  });

  test('discard-paths flattens; on a name collision the later file wins', async () => {
    const result = await collectArtifacts(artifacts(['src/**/*.java', 'target/*'], { discardPaths: true }), options);
    expect(result.status).toBe('SUCCEEDED');
    expect(contents(path.join(out, 'artifacts.zip'))).toEqual({ 'A.java': 'class A2 {}', 'app.jar': 'JAR' });
    expect(result.warnings).toHaveLength(1);
  });

  test('exclude-paths: * within a segment, ** across directories, relative to the base directory', async () => {
    const spec = artifacts(['**/*'], { excludePaths: ['*.yml', '**/*.log', 'src/**/*', 'target'] });
    await collectArtifacts(spec, options);
    expect(Object.keys(contents(path.join(out, 'artifacts.zip')))).toEqual([
      'build/index.html',
      'build/static/css/main.css',
      'build/static/js/main.js',
      'imagedefinitions.json',
      'logs/keep.txt',
      'my-build1/one.txt',
      'my-build1/same.txt',
      'my-build2/same.txt',
      'my-build2/two.txt',
    ]);
    const based = artifacts(['**/*'], { baseDirectory: 'build', excludePaths: ['static/css/*'] });
    await collectArtifacts(based, options);
    expect(Object.keys(contents(path.join(out, 'artifacts.zip')))).toEqual(['index.html', 'static/js/main.js']);
  });

  test('variables in entries and base-directory come from the build environment', async () => {
    const result = await collectArtifacts(artifacts(['$ECS_AGENT_DEB', '${OUT}/index.html']), options);
    expect(result.status).toBe('SUCCEEDED');
    expect(Object.keys(contents(path.join(out, 'artifacts.zip')))).toEqual(['build/index.html', 'target/app.jar']);
    expect(lines).toContain('Expanding target/app.jar');
  });

  test('the name is shell-evaluated through the callback', async () => {
    const result = await collectArtifacts(artifacts(['appspec.yml'], { name: 'app-$(date +%Y)' }), options);
    expect(result.primary?.name).toBe('app-2024');
  });

  test('nothing matched at all: FAILED, CLIENT_ERROR, no ZIP', async () => {
    const result = await collectArtifacts(artifacts(['dist/**/*', 'missing.txt']), options);
    expect(result).toMatchObject({
      status: 'FAILED',
      context: { statusCode: 'CLIENT_ERROR', message: 'no matching artifact paths found' },
    });
    expect(lines).toContain('Skipping invalid file path dist/**/*');
    expect(lines).toContain('Skipping invalid file path missing.txt');
    expect(lines).toContain('Found 0 file(s)');
    expect(lines).not.toContain('Preparing to copy secondary artifacts');
    expect(existsSync(path.join(out, 'artifacts.zip'))).toBe(false);
  });

  test('one entry matching nothing is skipped; the rest is archived', async () => {
    const result = await collectArtifacts(artifacts(['appspec.yml', 'nope/*']), options);
    expect(result.status).toBe('SUCCEEDED');
    expect(lines).toContain('Skipping invalid file path nope/*');
    expect(Object.keys(contents(path.join(out, 'artifacts.zip')))).toEqual(['appspec.yml']);
  });

  test('a base directory that does not exist fails with its own message', async () => {
    const result = await collectArtifacts(artifacts(['**/*'], { baseDirectory: 'dist' }), options);
    expect(result.context).toEqual({
      statusCode: 'CLIENT_ERROR',
      message: 'no matching base directory path found for dist',
    });
  });

  test('secondary artifacts become <identifier>.zip; one matching nothing fails the step', async () => {
    const secondary: SecondaryArtifact[] = [
      { ...artifact(['appspec.yml', 'imagedefinitions.json']), identifier: 'DefinitionArtifact' },
      { ...artifact(['target/*'], { discardPaths: true }), identifier: 'ImageArtifact', name: 'img' },
    ];
    const result = await collectArtifacts(artifacts(['**/*'], { secondary }), options);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.secondary.map((s) => [s.artifactIdentifier, path.basename(s.location), s.files, s.name])).toEqual([
      ['DefinitionArtifact', 'DefinitionArtifact.zip', 2, undefined],
      ['ImageArtifact', 'ImageArtifact.zip', 1, 'img'],
    ]);
    expect(contents(path.join(out, 'ImageArtifact.zip'))).toEqual({ 'app.jar': 'JAR' });
    expect(lines.filter((l) => l.startsWith('Found'))).toEqual([
      'Found 15 file(s)',
      'Found 2 file(s)',
      'Found 1 file(s)',
    ]);
    expect(lines).not.toContain('No secondary artifacts defined in buildspec');

    const failing = await collectArtifacts(
      artifacts([], { secondary: [{ ...artifact(['none/*']), identifier: 'Empty' }] }),
      options,
    );
    expect(failing).toMatchObject({ status: 'FAILED', context: { message: 'no matching artifact paths found' } });
    expect(failing.primary).toBeUndefined();
  });

  test('the output directory inside the source is never archived', async () => {
    const inside = { ...options, outDir: path.join(src, '.aws-cicd', 'artifacts') };
    await collectArtifacts(artifacts(['**/*']), inside);
    const second = await collectArtifacts(artifacts(['**/*']), inside);
    expect(second.primary?.files).toBe(15);
  });

  test('modes and mtimes survive (python reads the mode, unzip restores the mtime)', async () => {
    const script = path.join(src, 'run.sh');
    writeFileSync(script, '#!/bin/sh\n');
    chmodSync(script, 0o750);
    const when = new Date('2019-05-06T07:08:10Z');
    utimesSync(script, when, when);
    await collectArtifacts(artifacts(['run.sh']), options);
    expect(readZip(path.join(out, 'artifacts.zip'))[0]).toMatchObject({ name: 'run.sh', mode: 0o100750 });
    const dest = path.join(tmp, 'x');
    execFileSync('unzip', ['-q', path.join(out, 'artifacts.zip'), '-d', dest]);
    expect(statSync(path.join(dest, 'run.sh')).mtime.getTime()).toBe(when.getTime());
  });

  describe('symbolic links', () => {
    beforeEach(() => {
      makeTree(src, {
        'pkg/real.txt': 'real',
        'pkg/link.txt': { link: 'real.txt' },
        'pkg/dirlink': { link: '../build/static' },
      });
    });

    test('enable-symlinks keeps links as links (mode 0120777) and does not walk into them', async () => {
      await collectArtifacts(artifacts(['pkg/**/*'], { enableSymlinks: true }), options);
      const entries = readZip(path.join(out, 'artifacts.zip'));
      expect(entries.map((e) => [e.name, e.mode.toString(8), e.content])).toEqual([
        ['pkg/dirlink', '120777', '../build/static'],
        ['pkg/link.txt', '120777', 'real.txt'],
        ['pkg/real.txt', '100644', 'real'],
      ]);
      const dest = path.join(tmp, 'x');
      execFileSync('unzip', ['-q', path.join(out, 'artifacts.zip'), '-d', dest]);
      expect(lstatSync(path.join(dest, 'pkg/link.txt')).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(dest, 'pkg/link.txt'))).toBe('real.txt');
    });

    test('without enable-symlinks links are followed: the target content under the link name', async () => {
      await collectArtifacts(artifacts(['pkg/**/*']), options);
      expect(readZip(path.join(out, 'artifacts.zip')).map((e) => [e.name, e.mode.toString(8), e.content])).toEqual([
        ['pkg/dirlink/css/main.css', '100644', 'body{}'],
        ['pkg/dirlink/js/main.js', '100644', 'main()'],
        ['pkg/link.txt', '100644', 'real'],
        ['pkg/real.txt', '100644', 'real'],
      ]);
    });
  });
});

describe('matchArtifactFiles', () => {
  test('absolute entries keep their path without the leading slash, or only the name with discard-paths', async () => {
    const abs = path.join(tmp, 'elsewhere');
    makeTree(abs, { 'r/report.json': '{}' });
    const kept = await matchArtifactFiles(artifact([`${abs}/**/*`]), { srcDir: src, env: {} });
    expect(kept.entries.map((e) => e.name)).toEqual([`${abs.slice(1)}/r/report.json`]);
    const flat = await matchArtifactFiles(artifact([`${abs}/r/report.json`], { discardPaths: true }), {
      srcDir: src,
      env: {},
    });
    expect(flat.entries).toEqual([{ name: 'report.json', source: path.join(abs, 'r/report.json'), kind: 'file' }]);
  });

  test('scripts/** takes everything beneath scripts; a listed directory takes its subtree', async () => {
    makeTree(src, { 'scripts/a.sh': 'a', 'scripts/hooks/b.sh': 'b' });
    const list = await matchArtifactFiles(artifact(['appspec.yml', 'scripts/**', 'logs']), { srcDir: src, env: {} });
    expect(list.entries.map((e) => e.name)).toEqual([
      'appspec.yml',
      'logs/debug.log',
      'logs/keep.txt',
      'scripts/a.sh',
      'scripts/hooks/b.sh',
    ]);
  });
});
