import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MINIMUM_NODE_MAJOR, nodeVersionProblem } from '../../src/core/node-version.js';
import { TSX } from '../support/action-process.js';
import { REPO_ROOT } from '../support/shared.js';

describe('nodeVersionProblem', () => {
  test('older than 24: the one line naming the running version', () => {
    expect(MINIMUM_NODE_MAJOR).toBe(24);
    expect(nodeVersionProblem('v20.20.2')).toBe('aws-cicd needs Node.js 24 or newer; this is v20.20.2');
    expect(nodeVersionProblem('v23.11.1')).toBe('aws-cicd needs Node.js 24 or newer; this is v23.11.1');
    // By number, not by text: "9" is not newer than "24".
    expect(nodeVersionProblem('v9.11.2')).toBe('aws-cicd needs Node.js 24 or newer; this is v9.11.2');
  });

  test('24 and newer pass, whatever the minor, and by number ("100" is newer than "24")', () => {
    for (const version of ['v24.0.0', 'v24.21.0', 'v25.1.0', 'v100.0.0'])
      expect(nodeVersionProblem(version)).toBe(undefined);
  });

  test('a version it cannot read blocks nothing', () => {
    expect(nodeVersionProblem('')).toBe(undefined);
    expect(nodeVersionProblem('nightly')).toBe(undefined);
  });

  test('another minimum', () => {
    expect(nodeVersionProblem('v24.1.0', 26)).toBe('aws-cicd needs Node.js 26 or newer; this is v24.1.0');
  });
});

/** A Node.js older than 24 on PATH (not ours in node_modules/.bin) or in the usual places, if any. */
function olderNode(): { node: string; version: string } | undefined {
  const ours = path.join(REPO_ROOT, 'node_modules');
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/bin', '/usr/bin'];
  for (const dir of dirs) {
    if (dir === '' || path.resolve(dir).startsWith(ours)) continue;
    const node = path.join(dir, 'node');
    if (!existsSync(node)) continue;
    const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
    const major = Number(/^v(\d+)\./.exec(version)?.[1]);
    // --import (to run the TypeScript sources with tsx) needs Node.js 20.6 or 18.19.
    if (major >= 20 && major < MINIMUM_NODE_MAJOR) return { node, version };
  }
  return undefined;
}

const ENTRIES = [
  'src/cli/index.ts',
  ...readdirSync(path.join(REPO_ROOT, 'src/actions'))
    .map((name) => `src/actions/${name}/index.ts`)
    .filter((file) => existsSync(path.join(REPO_ROOT, file))),
];

const old = olderNode();
if (old === undefined) {
  process.stderr.write('skipped: the entry points on an older Node.js (no Node.js 20 to 23 on PATH or in /usr/bin)\n');
}

(old === undefined ? describe.skip : describe)('on an older Node.js, every entry point', () => {
  test('there are the CLI and the six actions', () => {
    expect(ENTRIES).toHaveLength(7);
  });

  test.each(ENTRIES)('%s prints one line and exits 2', (entry) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_OPTIONS;
    // --version for the CLI, nothing for an action: on Node 24 both print something else and exit 0 or 1.
    // In an empty folder, with a time limit: should the guard not stop them, the actions must not act on this repository.
    const cwd = mkdtempSync(path.join(tmpdir(), 'old-node-'));
    const result = spawnSync(old!.node, ['--import', TSX, path.join(REPO_ROOT, entry), '--version'], {
      cwd,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect({ status: result.status, stderr: result.stderr, stdout: result.stdout }).toEqual({
      status: 2,
      stderr: `aws-cicd needs Node.js 24 or newer; this is ${old!.version}\n`,
      stdout: '',
    });
  });
});
