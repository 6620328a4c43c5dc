#!/usr/bin/env node
// Bundles one dist/<entry>/index.js per action (src/actions/<name>/index.ts) plus dist/cli (src/cli/index.ts)
// with @vercel/ncc. `--check` bundles into a temporary folder and fails when dist/ differs from it, so CI catches
// a src/ change committed without its bundle. `--only=local,build` rebundles those alone (while working on them).
import { spawnSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

function entries() {
  const list = [{ name: 'cli', source: 'src/cli/index.ts' }];
  const actionsDir = join(root, 'src/actions');
  for (const name of readdirSync(actionsDir).sort()) {
    const source = join('src/actions', name, 'index.ts');
    if (existsSync(join(root, source))) list.push({ name, source });
  }
  if (only === undefined || check) return list;
  const unknown = only.filter((n) => !list.some((e) => e.name === n));
  if (unknown.length > 0) {
    console.error(`bundle: no entry named ${unknown.join(', ')}; these exist: ${list.map((e) => e.name).join(', ')}`);
    process.exit(2);
  }
  return list.filter((e) => only.includes(e.name));
}

function bundle(outRoot) {
  for (const { name, source } of entries()) {
    const out = join(outRoot, name);
    rmSync(out, { recursive: true, force: true });
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        source,
        '-o',
        out,
        '--minify',
        '--no-source-map-register',
        '--license',
        'licenses.txt',
        '-q',
      ],
      { cwd: root, stdio: 'inherit' },
    );
    if (result.status !== 0) {
      console.error(`bundle: ncc failed for ${source}`);
      process.exit(1);
    }
    minifyChunks(out);
  }
}

/**
 * ncc minifies the entry file but keeps its function names, and does not minify the chunks its dynamic imports make
 * (the AWS SDK, loaded once the inputs are known to be good): esbuild minifies both, as plain ES modules (the entry
 * 10 % smaller: dist/build's index.js 278 KB → 251 KB).
 */
function minifyChunks(dir) {
  for (const file of readdirSync(dir)) {
    if (!/^(\d+\.)?index\.js$/.test(file)) continue;
    const path = join(dir, file);
    const { code } = transformSync(readFileSync(path, 'utf8'), { minify: true, format: 'esm', target: 'node24' });
    writeFileSync(path, code);
  }
}

function listFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(relative(dir, p));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files.sort();
}

if (!check) {
  mkdirSync(join(root, 'dist'), { recursive: true });
  bundle(join(root, 'dist'));
  process.exit(0);
}

const temp = mkdtempSync(join(tmpdir(), 'aws-cicd-dist-'));
try {
  // Keep the non-generated files (dist/package.json and the like) so only generated output is compared.
  if (existsSync(join(root, 'dist'))) cpSync(join(root, 'dist'), temp, { recursive: true });
  bundle(temp);
  const want = listFiles(temp);
  const have = listFiles(join(root, 'dist'));
  const problems = [];
  for (const f of want) {
    if (!have.includes(f)) problems.push(`missing: dist/${f}`);
    else if (!readFileSync(join(temp, f)).equals(readFileSync(join(root, 'dist', f))))
      problems.push(`differs: dist/${f}`);
  }
  for (const f of have) if (!want.includes(f)) problems.push(`not produced by the bundle: dist/${f}`);
  if (problems.length > 0) {
    console.error('dist/ does not match a fresh `npm run bundle`:\n  ' + problems.join('\n  '));
    console.error('Run `npm run bundle` and commit dist/.');
    process.exit(1);
  }
  console.log(`dist/ matches a fresh bundle (${want.length} files).`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
