/**
 * UPLOAD_ARTIFACTS and cache benchmark on a generated source tree (20,000 small files, like a node_modules),
 * each measured against a baseline in the same run:
 * - file list: `assembleFileList('**\/*')` against node's own recursive readdir of the same tree;
 * - ZIP: `collectArtifacts` (walk + deflate + write) against Info-ZIP's `zip -qrX` when installed;
 * - cache: saveCache + restoreCache against `cp -a` of the tree twice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectArtifacts } from '../src/runner/artifacts.js';
import { restoreCache, saveCache } from '../src/runner/cache.js';
import { assembleFileList } from '../src/runner/glob.js';

const FILES = 20_000;

function makeTree(root: string): void {
  for (let i = 0; i < FILES; i++) {
    const dir = path.join(root, `pkg${i % 200}`, `lib${i % 7}`);
    if (i < 1400) mkdirSync(dir, { recursive: true });
    const body = `'use strict';\nmodule.exports = function f${i}(a, b) {\n  return a + b + ${i};\n};\n`.repeat(
      1 + (i % 20),
    );
    writeFileSync(path.join(dir, `file${i}.js`), body);
  }
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export async function benchArtifacts(): Promise<Record<string, number | string>> {
  const work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-artifacts-'));
  const src = path.join(work, 'src');
  const noop = (): void => undefined;
  try {
    makeTree(src);
    const out: Record<string, number | string> = { files: FILES };

    const listMs = await time(() =>
      assembleFileList({ files: ['**/*'] }, { srcDir: src, env: {}, log: noop, followSymlinks: true }),
    );
    const readdirMs = await time(() => readdirSync(src, { recursive: true, withFileTypes: true }));
    out['file list ms'] = listMs;
    out['file list / recursive readdir'] = listMs / readdirMs;

    const spec = { files: ['**/*'], discardPaths: false, excludePaths: [], enableSymlinks: false, secondary: [] };
    const zipMs = await time(() =>
      collectArtifacts(spec, {
        srcDir: src,
        outDir: path.join(work, 'out'),
        env: {},
        log: noop,
        shellEval: async (t) => t,
      }),
    );
    out['zip ms'] = zipMs;
    if (spawnSync('zip', ['-v']).status === 0) {
      const infoZipMs = await time(() =>
        execFileSync('zip', ['-qrX', path.join(work, 'baseline.zip'), '.'], { cwd: src }),
      );
      out['zip / Info-ZIP zip -qrX'] = zipMs / infoZipMs;
    } else {
      out['zip / Info-ZIP zip -qrX'] = 'zip not installed';
    }

    const cacheSpec = { paths: ['**/*'], fallbackKeys: [] };
    const cacheOptions = {
      cacheDir: path.join(work, 'cache'),
      project: 'bench',
      srcDir: src,
      env: {},
      log: noop,
      shellEval: async (t: string) => t,
    };
    const restoreSrc = path.join(work, 'restored');
    mkdirSync(restoreSrc);
    const cacheMs =
      (await time(() => saveCache(cacheSpec, cacheOptions))) +
      (await time(() => restoreCache(cacheSpec, { ...cacheOptions, srcDir: restoreSrc })));
    const cpMs =
      (await time(() => execFileSync('cp', ['-a', src, path.join(work, 'cp1')]))) +
      (await time(() => execFileSync('cp', ['-a', path.join(work, 'cp1'), path.join(work, 'cp2')])));
    out['cache save+restore ms'] = cacheMs;
    out['cache save+restore / cp -a twice'] = cacheMs / cpMs;
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
