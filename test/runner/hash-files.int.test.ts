/**
 * `codebuild-hash-files` (spec §3.8) in real builds: in a cache key (`npm-$(codebuild-hash-files package-lock.json)`)
 * and as a phase command, with real files, shells and the local cache; a failing `$(…)` in a key is reported.
 */
import { chmodSync, mkdirSync, realpathSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildspec } from '../../src/buildspec/index.js';
import type { Buildspec } from '../../src/buildspec/types.js';
import { hashFiles, listCacheEntries } from '../../src/runner/cache.js';
import { answerHashFiles, FileSwapped, readVetted, vetFile } from '../../src/runner/hash-files-tool.js';
import { runLocalBuild } from '../../src/runner/run.js';
import type { BuildResult } from '../../src/runner/types.js';
import { RecordingSink, runTestBuild, tempDir, testImage } from './helpers.js';

/** The first folder above `file` that other users may not enter (no o+x), if any. */
function folderClosedToOthers(file: string): string | undefined {
  for (let dir = path.dirname(realpathSync(file)); ; dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function parse(text: string): Buildspec {
  const { buildspec, findings } = parseBuildspec(text, 'buildspec.yml');
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  if (buildspec === undefined) throw new Error('invalid test buildspec');
  return buildspec;
}

async function build(
  buildspec: Buildspec,
  src: string,
  cacheDir: string,
): Promise<{ sink: RecordingSink; result: BuildResult }> {
  const sink = new RecordingSink();
  const result = await runLocalBuild(
    { buildspec, buildspecPath: path.join(src, 'buildspec.yml'), srcDir: src, cacheDir, image: testImage() },
    { sink },
  );
  return { sink, result };
}

const KEYED = `version: 0.2
phases:
  build:
    commands:
      - if [ -f deps/copy.txt ]; then echo "restored $(cat deps/copy.txt)"; else echo "cold"; fi
      - mkdir -p deps && cp package-lock.json deps/copy.txt
cache:
  key: npm-$(codebuild-hash-files package-lock.json)
  paths:
    - 'deps/**/*'
`;

describe('codebuild-hash-files in a cache key', () => {
  test('same files give the same key (the cache is restored); a changed file gives a new key', async () => {
    const src = tempDir();
    const cacheDir = tempDir('aws-cicd-cache-');
    const buildspec = parse(KEYED);
    writeFileSync(path.join(src, 'package-lock.json'), '{"v":1}');
    const v1 = `npm-${await hashFiles(['package-lock.json'], src)}`;
    expect(v1).toMatch(/^npm-[0-9a-f]{64}$/);

    const first = await build(buildspec, src, cacheDir);
    expect(first.result.buildStatus).toBe('SUCCEEDED');
    expect(first.sink.log).toContain(`Cache key: ${v1}\n`);
    expect(first.sink.outputs()[0]?.output).toBe('cold\n');
    expect(first.sink.log).toContain(`Saved 1 file(s) (7 B) to cache key ${v1}`);

    const again = await build(buildspec, src, cacheDir);
    expect(again.sink.log).toContain(`Cache key: ${v1}\n`);
    expect(again.sink.log).toContain(`Restored 1 file(s) (7 B) from cache key ${v1}`);
    expect(again.sink.outputs()[0]?.output).toBe('restored {"v":1}\n');

    writeFileSync(path.join(src, 'package-lock.json'), '{"v":2}');
    const v2 = `npm-${await hashFiles(['package-lock.json'], src)}`;
    expect(v2).not.toBe(v1);
    const changed = await build(buildspec, src, cacheDir);
    expect(changed.sink.log).toContain(`Cache key: ${v2}\n`);
    expect(changed.sink.log).toContain(`No cache found for key ${v2}`);
    expect((await listCacheEntries(cacheDir)).map((e) => e.key).sort()).toEqual([v1, v2].sort());
  });

  test('no matching file: the key is reported as not evaluable and the cache skipped (never a partial key)', async () => {
    const src = tempDir();
    const cacheDir = tempDir('aws-cicd-cache-');
    const text = KEYED.replace('cp package-lock.json deps/copy.txt', 'echo x > deps/copy.txt');
    const { sink, result } = await build(parse(text), src, cacheDir);
    expect(result.buildStatus).toBe('SUCCEEDED');
    const why =
      'cache key "npm-$(codebuild-hash-files package-lock.json)" could not be evaluated: ' +
      'codebuild-hash-files: no file matches package-lock.json';
    expect(sink.log).toContain(`Unable to restore cache: ${why}\n`);
    expect(sink.log).toContain(`Unable to save cache: ${why}\n`);
    expect(sink.log).not.toContain('Cache key: npm-');
    expect(await listCacheEntries(cacheDir)).toEqual([]);
  });

  test('any failing command substitution in a key is reported with what the shell said', async () => {
    const src = tempDir();
    const cacheDir = tempDir('aws-cicd-cache-');
    const text = KEYED.replace('$(codebuild-hash-files package-lock.json)', '$(no-such-command-here x)');
    const { sink } = await build(parse(text), src, cacheDir);
    expect(sink.log).toMatch(
      /Unable to restore cache: cache key "npm-\$\(no-such-command-here x\)" could not be evaluated: .*no-such-command-here: not found\n/,
    );
    expect(await listCacheEntries(cacheDir)).toEqual([]);
  });
});

describe('codebuild-hash-files as a command', () => {
  test('on PATH in the phases: patterns relative to CODEBUILD_SRC_DIR from any directory; failures exit non-zero', async () => {
    const src = tempDir();
    mkdirSync(path.join(src, 'sub'));
    writeFileSync(path.join(src, 'package-lock.json'), 'lock');
    writeFileSync(path.join(src, 'sub', 'a.lock'), 'a');
    const { sink, result } = await runTestBuild(
      {
        phases: {
          build: {
            commands: [
              "cd sub && codebuild-hash-files package-lock.json 'sub/*.lock'",
              'codebuild-hash-files nothing-here; echo "status=$?"',
              'codebuild-hash-files /etc/passwd; echo "status=$?"',
            ],
          },
        },
      },
      { src },
    );
    expect(result.buildStatus).toBe('SUCCEEDED');
    const [both, missing, absolute] = sink.outputs().map((o) => o.output);
    expect(both).toBe(`${await hashFiles(['package-lock.json', 'sub/*.lock'], src)}\n`);
    expect(missing).toBe('codebuild-hash-files: no file matches nothing-here\nstatus=1\n');
    expect(absolute).toBe(
      'codebuild-hash-files: /etc/passwd: patterns are relative to CODEBUILD_SRC_DIR (no absolute paths, no ..)\nstatus=2\n',
    );
  });

  // The tool runs this Node.js as the other user, who must be able to reach it: a clone in a folder closed to others
  // (mktemp -d makes 0700 ones) cannot have that.
  const closed = process.getuid?.() === 0 ? folderClosedToOthers(process.execPath) : undefined;
  if (closed !== undefined) {
    process.stderr.write(`skipped: run-as with codebuild-hash-files: other users cannot enter ${closed}\n`);
  }
  const asRoot = process.getuid?.() === 0 && closed === undefined ? test : test.skip;
  asRoot('as root with run-as: the other user runs the command too', async () => {
    const src = tempDir();
    chmodSync(src, 0o755);
    writeFileSync(path.join(src, 'f.txt'), 'f');
    const { sink } = await runTestBuild(
      { runAs: 'nobody', phases: { build: { commands: ['id -un; codebuild-hash-files f.txt'] } } },
      { src },
    );
    expect(sink.outputs()[0]?.output).toBe(`nobody\n${await hashFiles(['f.txt'], src)}\n`);
  });

  test('answerHashFiles: usage, `..`, and links that leave the source directory are refused', async () => {
    const src = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.txt'), 'not yours');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(src, 'link.txt'));
    writeFileSync(path.join(src, 'ok.txt'), 'ok');
    expect(await answerHashFiles([], src)).toMatchObject({ code: 2, stdout: '' });
    expect(await answerHashFiles(['../x'], src)).toMatchObject({ code: 2, stdout: '' });
    expect(await answerHashFiles(['link.txt'], src)).toEqual({
      stdout: '',
      stderr: `codebuild-hash-files: ${path.join(src, 'link.txt')} leads outside CODEBUILD_SRC_DIR (through a link); not hashed\n`,
      code: 2,
    });
    expect(await answerHashFiles(['ok.txt', 'missing.txt'], src)).toEqual({
      stdout: `${await hashFiles(['ok.txt'], src)}\n`,
      stderr: '',
      code: 0,
    });
  });

  test('directory links leaving the source directory are not walked (nothing beneath them is matched)', async () => {
    const src = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.txt'), 'not yours');
    mkdirSync(path.join(src, 'real'));
    writeFileSync(path.join(src, 'real', 'a.txt'), 'a');
    symlinkSync(outside, path.join(src, 'out'));
    // A link to a directory inside is walked as before.
    symlinkSync(path.join(src, 'real'), path.join(src, 'alias'));
    const expected = `${await hashFiles(['alias/a.txt', 'real/a.txt'], src)}\n`;
    expect(await answerHashFiles(['**/*'], src)).toEqual({ stdout: expected, stderr: '', code: 0 });
    expect(await answerHashFiles(['out/secret.txt'], src)).toEqual({
      stdout: '',
      stderr: 'codebuild-hash-files: no file matches out/secret.txt\n',
      code: 1,
    });
    // cache.paths and the like keep following such links (no `within` there).
    expect(await hashFiles(['out/secret.txt'], src)).toBe(await hashFiles(['secret.txt'], outside));
  });

  test('names starting with `..` (Kubernetes `..data` links) are inside the source directory', async () => {
    const src = tempDir();
    mkdirSync(path.join(src, '..2024_01_01'));
    writeFileSync(path.join(src, '..2024_01_01', 'config'), 'c');
    symlinkSync('..2024_01_01', path.join(src, '..data'));
    symlinkSync('..data/config', path.join(src, 'config'));
    expect(await answerHashFiles(['config', '..data/config'], src)).toEqual({
      stdout: `${await hashFiles(['config', '..data/config'], src)}\n`,
      stderr: '',
      code: 0,
    });
  });

  test('a file swapped for a link after it was checked is not read', async () => {
    const src = tempDir();
    const outside = tempDir();
    writeFileSync(path.join(outside, 'secret.txt'), 'not yours');
    const file = path.join(src, 'f.txt');
    writeFileSync(file, 'mine');
    const vetted = vetFile(file, src);
    expect(vetted).toMatchObject({ file, real: file });
    const read = async (): Promise<string> => {
      const chunks: Buffer[] = [];
      for await (const chunk of readVetted(vetted as NonNullable<typeof vetted>)) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    };
    expect(await read()).toBe('mine');
    // Made while f.txt exists, so that it cannot get f.txt's inode number back.
    writeFileSync(path.join(src, 'other'), 'other');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(src, 'tmp-link'));
    renameSync(path.join(src, 'tmp-link'), file);
    await expect(read()).rejects.toThrow(FileSwapped);
    // Another file in its place (not a link) is refused too: it is not the file checked.
    renameSync(path.join(src, 'other'), file);
    await expect(read()).rejects.toThrow(FileSwapped);
    expect(vetFile(path.join(outside, 'secret.txt'), src)).toBeUndefined();
  });
});
