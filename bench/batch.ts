/**
 * Batch builds: what giving every child its own copy of the source costs (source-copy.ts), on a source of 10,000
 * files in 200 folders (plus links), against `cp -r` of the same tree in the same run. Goal: ≤ 1.5× `cp -r`. Runs
 * alternate, in pairs; the goal is read on the median of the pairs' ratios (a loaded machine slows either side at
 * random), the best of each side is printed too. The file system is the OS temp dir's; on one with reflinks (Btrfs,
 * XFS) both clone instead of copying.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copySourceTree } from '../src/runner/source-copy.js';

const FOLDERS = 100;
const FILES_PER_FOLDER = 100;

function makeSource(root: string): number {
  let files = 0;
  for (let d = 0; d < FOLDERS; d++) {
    const dir = path.join(root, `pkg${d}`, 'src');
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < FILES_PER_FOLDER; f++) {
      writeFileSync(path.join(dir, `file${f}.ts`), `export const value${f} = ${d * 1000 + f};\n`.repeat(1 + (f % 20)));
      files++;
    }
    symlinkSync('src', path.join(root, `pkg${d}`, 'lib'));
  }
  return files;
}

export async function benchBatch(): Promise<Record<string, number | string>> {
  const work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-batch-'));
  try {
    const src = path.join(work, 'src');
    mkdirSync(src);
    const files = makeSource(src);
    const ours: number[] = [];
    const cp: number[] = [];
    for (let i = 0; i < 5; i++) {
      const dest = path.join(work, `copy${i}`);
      mkdirSync(dest);
      let started = performance.now();
      const copied = await copySourceTree(src, dest);
      ours.push(performance.now() - started);
      if (copied !== files) throw new Error(`copied ${copied} files of ${files}`);
      rmSync(dest, { recursive: true, force: true });
      started = performance.now();
      execFileSync('cp', ['-r', src, dest]);
      cp.push(performance.now() - started);
      rmSync(dest, { recursive: true, force: true });
    }
    const best = (values: number[]) => Math.min(...values);
    const ratios = ours.map((ms, i) => ms / (cp[i] as number)).sort((a, b) => a - b);
    const ratio = ratios[Math.floor(ratios.length / 2)] as number;
    return {
      [`source of ${files} files: per-child copy (ms, best of 5)`]: best(ours),
      'cp -r of the same tree (ms, best of 5)': best(cp),
      'ratio of the bests copy / cp -r': best(ours) / best(cp),
      'median of paired ratios copy / cp -r (goal <= 1.5)': ratio,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
