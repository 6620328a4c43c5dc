/**
 * The `codebuild-hash-files` tool's plumbing: where its command is written (a noexec scratch folder falls back to
 * the OS temp dir), that a failed start leaves no listening server, and that the evaluation's error file (in a
 * folder the build can write to) is read without following a planted link.
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { hashFiles } from '../../src/runner/cache.js';
import { readEvalErrors, ShellEvalError } from '../../src/runner/engine.js';
import { canExecute, HASH_FILES_COMMAND, startHashFilesTool } from '../../src/runner/hash-files-tool.js';
import type { CacheStep } from '../../src/runner/types.js';
import { runTestBuild, tempDir } from './helpers.js';

const run = promisify(execFile);

/** Runs the command asynchronously: its server answers from this process. */
async function hashWith(binDir: string, ...args: string[]): Promise<string> {
  return (await run(path.join(binDir, HASH_FILES_COMMAND), args)).stdout;
}

function sourceWithFile(): string {
  const src = tempDir();
  writeFileSync(path.join(src, 'f.txt'), 'f');
  return src;
}

describe('startHashFilesTool: where the command goes', () => {
  test('an executable scratch folder is used as is', async () => {
    const src = sourceWithFile();
    const dir = path.join(tempDir(), 'tools');
    const tool = await startHashFilesTool({ dir, srcDir: src, nodePath: process.execPath, otherUsers: false });
    try {
      expect(tool.binDir).toBe(path.join(dir, 'bin'));
      expect(await hashWith(tool.binDir, 'f.txt')).toBe(`${await hashFiles(['f.txt'], src)}\n`);
    } finally {
      await tool.close();
    }
  });

  test('a scratch folder programs cannot run from: a fresh folder of the temp dir, removed on close', async () => {
    const src = sourceWithFile();
    const dir = path.join(tempDir(), 'tools');
    const fallbackParent = tempDir();
    const tool = await startHashFilesTool({
      dir,
      srcDir: src,
      nodePath: process.execPath,
      otherUsers: false,
      fallbackParent,
      isExecutable: (file) => !file.startsWith(dir + path.sep),
    });
    let closed = false;
    try {
      const [owned] = readdirSync(fallbackParent);
      expect(owned).toMatch(/^aws-cicd-tools-/);
      expect(tool.binDir).toBe(path.join(fallbackParent, owned as string, 'bin'));
      expect(await hashWith(tool.binDir, 'f.txt')).toBe(`${await hashFiles(['f.txt'], src)}\n`);
      await tool.close();
      closed = true;
      expect(readdirSync(fallbackParent)).toEqual([]);
    } finally {
      if (!closed) await tool.close();
    }
  });

  test('neither folder executable: not available (an error), and the fallback folder is removed', async () => {
    const dir = path.join(tempDir(), 'tools');
    const fallbackParent = tempDir();
    await expect(
      startHashFilesTool({
        dir,
        srcDir: sourceWithFile(),
        nodePath: process.execPath,
        otherUsers: false,
        fallbackParent,
        isExecutable: () => false,
      }),
    ).rejects.toThrow(`programs cannot run from ${dir} nor from ${fallbackParent} (mounted noexec?)`);
    expect(readdirSync(fallbackParent)).toEqual([]);
  });

  test('a failure after listening closes the server (else the CLI would never exit)', async () => {
    const dir = path.join(tempDir(), 'tools');
    await expect(
      startHashFilesTool({
        dir,
        srcDir: sourceWithFile(),
        nodePath: process.execPath,
        otherUsers: false,
        chmod: () => {
          throw new Error('chmod failed');
        },
      }),
    ).rejects.toThrow('chmod failed');
    // Nobody listens on the socket any more.
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(path.join(dir, 's'));
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(['ENOENT', 'ECONNREFUSED']).toContain(refused);
  });
});

describe('on a real noexec mount (root only)', () => {
  let mountPoint: string | undefined;
  let skipReason = '';
  beforeAll(() => {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) {
      skipReason = 'needs root on Linux to mount a tmpfs';
      return;
    }
    const dir = mkdtempSync(path.join(tempDir(), 'noexec-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'noexec', 'tmpfs', dir], { stdio: 'pipe' });
      mountPoint = dir;
    } catch (error) {
      skipReason = `mount -o noexec failed: ${(error as Error).message.split('\n')[0] ?? ''}`;
    }
  });
  afterAll(() => {
    if (mountPoint === undefined) return;
    execFileSync('umount', [mountPoint]);
    rmdirSync(mountPoint);
  });

  test('canExecute is false there, and builds still get a working codebuild-hash-files', async () => {
    if (mountPoint === undefined) {
      console.log(`skipped: ${skipReason}`);
      return;
    }
    const probe = path.join(mountPoint, 'probe');
    writeFileSync(probe, '#!/bin/sh\n', { mode: 0o755 });
    if (canExecute(probe)) {
      console.log('skipped: this kernel lets access(X_OK) pass on a noexec mount');
      return;
    }
    const src = sourceWithFile();
    const workDir = mkdtempSync(path.join(mountPoint, 'work-'));
    chmodSync(workDir, 0o700);
    const { sink, result } = await runTestBuild(
      { phases: { build: { commands: ['codebuild-hash-files f.txt'] } } },
      { src, deps: { workDir } },
    );
    expect(sink.log).not.toContain('is not available in this build');
    expect(result.buildStatus).toBe('SUCCEEDED');
    expect(sink.outputs()[0]?.output).toBe(`${await hashFiles(['f.txt'], src)}\n`);
  });
});

describe('the error file of a shell evaluation', () => {
  test('readEvalErrors: a regular file is read (at most 64 KiB); links and FIFOs are not', () => {
    const dir = tempDir();
    const secret = path.join(tempDir(), 'secret');
    writeFileSync(secret, 'TOPSECRET');
    writeFileSync(path.join(dir, 'plain.err'), 'sh: boom\n');
    writeFileSync(path.join(dir, 'big.err'), 'x'.repeat(200 * 1024));
    symlinkSync(secret, path.join(dir, 'link.err'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.err')]);
    mkdirSync(path.join(dir, 'dir.err'));

    expect(readEvalErrors(path.join(dir, 'plain.err'))).toEqual({ text: 'sh: boom\n' });
    expect(readEvalErrors(path.join(dir, 'big.err'))).toEqual({ text: 'x'.repeat(64 * 1024) });
    expect(readEvalErrors(path.join(dir, 'link.err'))).toEqual({ unreadable: 'ELOOP' });
    expect(readEvalErrors(path.join(dir, 'fifo.err'))).toEqual({ unreadable: 'not a regular file' });
    expect(readEvalErrors(path.join(dir, 'dir.err'))).toEqual({ unreadable: 'not a regular file' });
    expect(readEvalErrors(path.join(dir, 'missing.err'))).toEqual({ text: '' });
  });

  const withProc = existsSync('/proc/self/fd/2') ? test : test.skip;
  withProc('a link the evaluated text plants in place of its error file is not followed', async () => {
    const secret = path.join(tempDir(), 'secret');
    writeFileSync(secret, 'TOPSECRET');
    // The `$(…)` finds its own error file through /proc, replaces it with a link to the secret and writes an error.
    const text = `k-$(f=$(readlink /proc/self/fd/2); ln -sf '${secret}' "$f"; echo boom >&2)`;
    let failure: unknown;
    const cache: CacheStep = {
      async restore(ctx) {
        failure = await ctx.shellEval(text).catch((error: unknown) => error);
      },
      async save() {
        return undefined;
      },
    };
    await runTestBuild(
      { cache: { paths: ['x'], fallbackKeys: [] }, phases: { build: { commands: ['true'] } } },
      { deps: { steps: { cache } } },
    );
    expect(failure).toBeInstanceOf(ShellEvalError);
    expect((failure as Error).message).toBe('could not read the error output of the evaluation (ELOOP)');
  });
});
