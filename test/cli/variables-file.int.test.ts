/**
 * `run --variables-file FILE` (project-level variables) and its older name `--env-file`, through a real process:
 * Node.js reads `--env-file` anywhere on its own command line, also after the script, so the option has a name
 * Node does not claim.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliEntry as CLI, TSX } from '../support/action-process.js';
import { REPO_ROOT } from '../support/shared.js';

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-variables-file-'));
  writeFileSync(
    path.join(dir, 'buildspec.yml'),
    'version: 0.2\nenv:\n  variables:\n    GREETING: from-buildspec\nphases:\n  build:\n    commands:\n' +
      '      - echo "$GREETING $QUOTED" > out.txt\n',
  );
  writeFileSync(path.join(dir, 'vars.env'), '# project level\nGREETING=from-file\nQUOTED="kept"\n');
  return dir;
}

/** `node --import tsx src/cli/index.ts ...args` in `cwd`, as `node dist/cli/index.js` runs. */
function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('this is the Node.js the CLI needs (24 or newer)', () => {
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
});

test.each([
  ['--variables-file FILE', ['--variables-file', 'vars.env']],
  ['--variables-file=FILE', ['--variables-file=vars.env']],
  ['--env-file=FILE (the older name)', ['--env-file=vars.env']],
  ['--env-file FILE (the older name)', ['--env-file', 'vars.env']],
])(
  '%s: the file’s variables override the buildspec’s, quotes kept',
  (_form, option) => {
    const cwd = project();
    const run = cli(['run', ...option], cwd);
    expect({ status: run.status, stderr: run.stderr }).toEqual({
      status: 0,
      stderr: expect.stringContaining('SUCCEEDED'),
    });
    expect(readFileSync(path.join(cwd, 'out.txt'), 'utf8')).toBe('from-file "kept"\n');
  },
  60_000,
);

test('--variables-file with a missing file: aws-cicd says so, exit 2', () => {
  const run = cli(['run', '--variables-file', 'nope.env'], project());
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^aws-cicd run: cannot read the env file \S*nope\.env: no such file$/m);
});

test('both names at once is a usage error', () => {
  const run = cli(['run', '--variables-file', 'vars.env', '--env-file=vars.env'], project());
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('give --variables-file or --env-file (the same option), not both');
});

// Why the option has another name (the help says so): should Node.js stop claiming it, this test says the help
// can be simplified.
test('with --env-file and a missing file, Node.js stops before aws-cicd starts (exit 9)', () => {
  const run = cli(['run', '--env-file=nope.env'], project());
  expect(run.status).toBe(9);
  expect(run.stderr).toMatch(/nope\.env: not found/);
});

test('--help and the CLI reference (docs/cli.md) name both', () => {
  const help = cli(['run', '--help'], REPO_ROOT).stdout;
  expect(help).toMatch(/^ {2}--variables-file FILE +File of NAME=VALUE lines/m);
  expect(help).toMatch(/^ {2}--env-file FILE +The same as --variables-file \(an older name\)/m);
  const readme = readFileSync(path.join(REPO_ROOT, 'docs/cli.md'), 'utf8');
  expect(readme).toContain('`--variables-file FILE`');
  expect(readme).toContain('`--env-file=FILE`');
});
