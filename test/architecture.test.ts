/**
 * The layering of ARCHITECTURE.md, checked on every import (static, dynamic, type-only) of every file in src/:
 *
 *   core ← languages (buildspec, appspec) ← engine (runner) and AWS clients (aws) ← services (codebuild, mirror,
 *   image, deploy; pipeline composes codebuild and deploy) ← faces (actions, cli)
 *
 * Imports point down only; siblings of a layer share only through core; no face imports the other; no action imports
 * another action's files (actions/common is theirs to share). Zero exceptions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Each room's layer, from the ground up. */
const LAYER: Record<string, number> = {
  core: 0,
  buildspec: 1,
  appspec: 1,
  runner: 2,
  aws: 2,
  codebuild: 3,
  mirror: 3,
  image: 3,
  deploy: 3,
  pipeline: 4,
  actions: 5,
  cli: 5,
};

interface Import {
  readonly file: string;
  readonly line: number;
  readonly target: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? '';
    const line = text.slice(0, match.index).split('\n').length;
    found.push({ file, line, target: path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts') });
  }
  return found;
}

/** `actions/build/main.ts` → ['actions', 'build']. */
function place(file: string): string[] {
  return path.relative(SRC, file).split(path.sep);
}

export function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const [room = '', sub] = place(file);
    for (const imp of importsOf(file)) {
      const [target = '', targetSub] = place(imp.target);
      if (target === room && room !== 'actions') continue;
      const at = `src/${path.relative(SRC, file)}:${imp.line} imports src/${path.relative(SRC, imp.target)}`;
      const from = LAYER[room];
      const to = LAYER[target];
      if (from === undefined || to === undefined) {
        found.push(`${at}: a room the layering does not know (add it to ARCHITECTURE.md and this test)`);
        continue;
      }
      if (room === 'actions' && target === 'actions') {
        if (sub !== targetSub && targetSub !== 'common' && sub !== undefined && !sub.endsWith('.ts')) {
          found.push(`${at}: one action reaches into another (share through actions/common)`);
        }
        continue;
      }
      if (to > from) found.push(`${at}: reaches up a layer`);
      else if (to === from) {
        found.push(
          `${at}: ${from === 5 ? 'one face reaches into the other' : 'a sibling reaches into a sibling (share through core)'}`,
        );
      } else if (room === 'runner' && target === 'aws') {
        found.push(`${at}: the engine reaches an AWS client (inject a resolver)`);
      }
    }
  }
  return found;
}

test('every import in src/ follows the layering, with zero exceptions', () => {
  expect(violations()).toEqual([]);
});

test('the layering check finds what it should', () => {
  // The check reads the imports it is given: a quick self-test over a known-bad shape of path.
  expect(place(path.join(SRC, 'actions', 'build', 'main.ts'))).toEqual(['actions', 'build', 'main.ts']);
  const sample = "import { x } from '../../cli/findings.js';\nconst m = await import('../deploy/stop.js');\n";
  const matches = [...sample.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
  expect(matches).toEqual(['../../cli/findings.js', '../deploy/stop.js']);
});
