/**
 * Cold start and size of every bundle: spawn → first output and spawn → exit of a run that stops at its inputs
 * (none given, in an empty workspace: each action names the missing one, the local action the missing buildspec.yml;
 * the CLI prints its help), median of 10 runs alternated with a bare
 * `node -e 0` in the same loop (the baseline). Goals: ≤ 150 ms to the first output and to the exit, every action's
 * bundle (its index.js and the chunks it loads) ≤ 1 MB.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './support/action.js';
import type { Figures } from './support/figures.js';

const root = new URL('..', import.meta.url).pathname;
const ACTIONS = ['build', 'local', 'deploy', 'pipeline', 'image', 'mirror'];
const RUNS = 10;

function timed(args: string[], cwd: string): Promise<{ first: number; exit: number }> {
  const started = performance.now();
  // An empty workspace: the local action finds no buildspec.yml there and says so.
  const env = { PATH: process.env.PATH, GITHUB_WORKSPACE: cwd };
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let first = NaN;
  const seen = () => {
    if (Number.isNaN(first)) first = performance.now() - started;
  };
  child.stdout.on('data', seen);
  child.stderr.on('data', seen);
  return new Promise((resolve) => child.on('close', () => resolve({ first, exit: performance.now() - started })));
}

function bundleBytes(dir: string): number {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

export async function benchStartup(): Promise<Figures> {
  const figures: Figures = [];
  const entries = [...ACTIONS, 'cli'].filter((n) => existsSync(path.join(root, 'dist', n, 'index.js')));
  if (entries.length === 0) return [{ name: 'skipped', value: 'dist/ is empty: run `npm run bundle`' }];
  const empty = mkdtempSync(path.join(tmpdir(), 'aws-cicd-bench-startup-'));
  const bare: number[] = [];
  const runs = new Map(entries.map((n) => [n, { first: [] as number[], exit: [] as number[] }]));
  for (let i = 0; i < RUNS; i++) {
    bare.push((await timed(['-e', '0'], empty)).exit);
    for (const name of entries) {
      const t = await timed([path.join(root, 'dist', name, 'index.js')], empty);
      runs.get(name)?.first.push(t.first);
      runs.get(name)?.exit.push(t.exit);
    }
  }
  rmSync(empty, { recursive: true, force: true });
  const baseline = median(bare);
  figures.push({ name: 'node -e 0 (baseline), median', value: baseline, unit: 'ms' });
  for (const name of entries) {
    const r = runs.get(name) as { first: number[]; exit: number[] };
    const action = name !== 'cli';
    const label = action ? `${name} action` : 'cli (help)';
    figures.push(
      {
        name: `${label}: spawn → first output, median`,
        value: median(r.first),
        unit: 'ms',
        detail: `${(median(r.first) - baseline).toFixed(0)} ms more than node -e 0`,
        goal: action ? ['<=', 150] : undefined,
      },
      {
        name: `${label}: spawn → exit, median`,
        value: median(r.exit),
        unit: 'ms',
        goal: action ? ['<=', 150] : undefined,
      },
      {
        name: `${label}: bundle (index.js and its chunks)`,
        value: bundleBytes(path.join(root, 'dist', name)) / 1024,
        unit: 'KiB',
        goal: action ? ['<=', 1024] : undefined,
      },
    );
  }
  return figures;
}
