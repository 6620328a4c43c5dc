/**
 * Buildspec parsing of one big mapping: parse + validate (`parseBuildspec`) of a buildspec whose `env.variables` holds
 * 10k and 100k variables (goal for 100k, a 1.4 MB file: < 2 s), against the yaml package's bare `parseDocument` of
 * the same text (failsafe schema, no duplicate-key check) in the same run, so the ratio is what our reading adds to
 * composing the document. Duplicate keys are still reported, in time linear in a mapping's keys
 * (src/core/yaml-tree.ts); for 10k, the package's own check (`uniqueKeys: true`, quadratic), as it was used before,
 * is timed too.
 */
import { parseDocument } from 'yaml';
import { parseBuildspec } from '../src/buildspec/index.js';

const GOAL_MS = 2000;

/** A valid buildspec with `count` variables (100k: 1.4 MB). */
export function bigBuildspec(count: number): string {
  const lines = ['version: 0.2', 'env:', '  variables:'];
  for (let i = 0; i < count; i++) lines.push(`    V${i}: v`);
  lines.push('phases:', '  build:', '    commands:', '      - echo "$V0"', '');
  return lines.join('\n');
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** The best of a few runs, so another process's load does not decide the figure. */
function best(runs: number, run: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) min = Math.min(min, time(run));
  return min;
}

function parseAll(text: string, count: number): void {
  const result = parseBuildspec(text, 'buildspec.yml');
  if (result.buildspec?.env.variables.length !== count) {
    throw new Error(`expected ${count} variables, got findings ${JSON.stringify(result.findings.slice(0, 3))}`);
  }
}

const bare = (text: string) => parseDocument(text, { schema: 'failsafe', uniqueKeys: false });

export async function benchBuildspec(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  // Both warmed up (the JIT) before anything is timed.
  const warm = bigBuildspec(10_000);
  for (let i = 0; i < 3; i++) {
    parseAll(warm, 10_000);
    bare(warm);
  }
  // A typical buildspec (a few variables, 20 commands): the validator runs on every action start and `validate`.
  const typical =
    "version: 0.2\nenv:\n  variables:\n    A: 1\nartifacts:\n  files: ['**/*']\nphases:\n  build:\n    commands:\n" +
    '      - npm ci\n      - npm test\n'.repeat(10);
  for (let i = 0; i < 20; i++) parseBuildspec(typical, 'warm.yml');
  const typicalStart = performance.now();
  for (let i = 0; i < 100; i++) parseBuildspec(typical, 'typical.yml');
  out['typical buildspec (20 commands): parse + validate (ms, goal ≤ 5)'] = (performance.now() - typicalStart) / 100;
  for (const count of [10_000, 100_000]) {
    const text = bigBuildspec(count);
    const label = `${count / 1000}k variables (${(text.length / 1e6).toFixed(2)} MB)`;
    const runs = count > 10_000 ? 3 : 5;
    const parseMs = best(runs, () => parseAll(text, count));
    const bareMs = best(runs, () => bare(text));
    out[count === 100_000 ? `${label}: parse + validate ms (goal ≤ ${GOAL_MS})` : `${label}: parse + validate ms`] =
      parseMs;
    out[`${label}: yaml parseDocument ms`] = bareMs;
    out[`${label}: parse + validate / parseDocument`] = parseMs / bareMs;
    if (count === 10_000) {
      const checkedMs = time(() => parseDocument(text, { schema: 'failsafe', uniqueKeys: true }));
      out[`${label}: parseDocument with uniqueKeys ms`] = checkedMs;
    }
  }
  return out;
}
