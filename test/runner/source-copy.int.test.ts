import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { copySourceTree } from '../../src/runner/source-copy.js';
import { tempDir } from './helpers.js';

describe('copySourceTree (a batch child’s own source)', () => {
  test('files, modes and links as they are; excluded folders and special files left out; never hard links', async () => {
    const src = tempDir();
    mkdirSync(path.join(src, 'pkg/src'), { recursive: true });
    mkdirSync(path.join(src, 'private'), { mode: 0o750 });
    writeFileSync(path.join(src, 'pkg/src/index.js'), 'module.exports = 1;\n');
    writeFileSync(path.join(src, 'run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
    writeFileSync(path.join(src, 'private/key'), 'k', { mode: 0o600 });
    symlinkSync('src', path.join(src, 'pkg/lib'));
    symlinkSync('/etc/hostname', path.join(src, 'absolute-link'));
    mkdirSync(path.join(src, '.aws-cicd/artifacts'), { recursive: true });
    writeFileSync(path.join(src, '.aws-cicd/build-numbers.json'), '{}');
    mkdirSync(path.join(src, 'build/out'), { recursive: true });
    writeFileSync(path.join(src, 'build/out/a.zip'), 'zip');
    writeFileSync(path.join(src, 'build/keep.txt'), 'keep');
    const haveFifo = process.platform !== 'win32';
    if (haveFifo) execFileSync('mkfifo', [path.join(src, 'pipe')]);

    const dest = tempDir();
    const files = await copySourceTree(src, dest, {
      exclude: [path.join(src, '.aws-cicd'), path.join(src, 'build/out')],
    });

    expect(files).toBe(4);
    expect(readFileSync(path.join(dest, 'pkg/src/index.js'), 'utf8')).toBe('module.exports = 1;\n');
    expect(readFileSync(path.join(dest, 'build/keep.txt'), 'utf8')).toBe('keep');
    expect(statSync(path.join(dest, 'run.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(path.join(dest, 'private')).mode & 0o777).toBe(0o750);
    expect(statSync(path.join(dest, 'private/key')).mode & 0o777).toBe(0o600);
    expect(statSync(dest).mode & 0o777).toBe(statSync(src).mode & 0o777);
    // Links keep their text: a relative one points inside the copy.
    expect(readlinkSync(path.join(dest, 'pkg/lib'))).toBe('src');
    expect(readFileSync(path.join(dest, 'pkg/lib/index.js'), 'utf8')).toBe('module.exports = 1;\n');
    expect(readlinkSync(path.join(dest, 'absolute-link'))).toBe('/etc/hostname');
    expect(existsSync(path.join(dest, '.aws-cicd'))).toBe(false);
    expect(existsSync(path.join(dest, 'build/out'))).toBe(false);
    expect(existsSync(path.join(dest, 'pipe'))).toBe(false);
    // Its own files: an append to the copy does not show in the source.
    const copied = path.join(dest, 'pkg/src/index.js');
    expect(statSync(copied).nlink).toBe(1);
    expect(statSync(copied).ino).not.toBe(statSync(path.join(src, 'pkg/src/index.js')).ino);
    appendFileSync(copied, 'more\n');
    expect(readFileSync(path.join(src, 'pkg/src/index.js'), 'utf8')).toBe('module.exports = 1;\n');
  });
});
