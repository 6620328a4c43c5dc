#!/usr/bin/env node
// Known vulnerabilities in what the bundles ship, failing at high or critical. The bundles (dist/) contain every
// package the sources import and what those depend on; ncc puts them all in, so package.json lists them as
// devDependencies (the npm package has no runtime dependencies) and `npm audit --omit=dev` would see nothing.
// Instead: the packages src/ imports, their dependency closure read from package-lock.json, and `npm audit`'s
// findings for those packages only. Where the registry offers no advisory service (some mirrors answer 405 or 404),
// there is nothing to check against: that is said plainly and the exit status is 3, so CI can tell "not checked"
// from "clean".
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Package names that src/ imports (bare specifiers, node: built-ins left out). */
function importedPackages(dir) {
  const names = new Set();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const name of importedPackages(path)) names.add(name);
      continue;
    }
    if (!entry.name.endsWith('.ts')) continue;
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|import\s+)['"]([^'".][^'"]*)['"]/g)) {
      const spec = m[1];
      if (spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return names;
}

/** The lock's entries reachable from `names`, resolved as Node resolves them (nearest node_modules first). */
function closure(names) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const packages = lock.packages ?? {};
  const resolve = (from, name) => {
    for (let dir = from; ;) {
      const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
      if (packages[candidate]) return candidate;
      if (dir === '') return undefined;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up < 0 ? '' : dir.slice(0, up);
    }
  };
  const seen = new Set();
  const queue = [...names].map((name) => resolve('', name)).filter(Boolean);
  while (queue.length > 0) {
    const path = queue.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = packages[path];
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const found = resolve(path, dep);
      if (found) queue.push(found);
    }
  }
  return new Set([...seen].map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)));
}

const shipped = closure(importedPackages(join(root, 'src')));

const result = spawnSync('npm', ['audit', '--json'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = undefined;
}

if (!report || report.error || report.statusCode || !report.metadata) {
  const reason = report?.error?.summary || report?.message || result.stderr.trim().split('\n').pop() || 'no answer';
  console.log(`npm audit: the registry's advisory service is unavailable (${reason}); dependencies not checked`);
  process.exit(3);
}

const counts = { critical: 0, high: 0, moderate: 0, low: 0 };
const serious = [];
for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
  if (!shipped.has(name)) continue;
  if (entry.severity in counts) counts[entry.severity]++;
  if (entry.severity === 'high' || entry.severity === 'critical')
    serious.push(`  ${entry.severity}: ${name} ${entry.range ?? ''}`);
}
const summary = ['critical', 'high', 'moderate', 'low'].map((level) => `${counts[level]} ${level}`).join(', ');
console.log(`npm audit of the ${shipped.size} packages the bundles ship: ${summary}`);
if (serious.length > 0) {
  for (const line of serious) console.log(line);
  process.exit(1);
}
