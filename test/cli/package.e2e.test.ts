/**
 * The CLI as users get it from npm: `npm pack` makes the tarball of what is committed (dist/cli, README.md,
 * LICENSE), `npm install -g --prefix` installs it offline into a scratch prefix (possible only because the package
 * has no runtime dependencies: dist/cli is bundled), and the installed `aws-cicd` runs from that prefix's bin, in a
 * folder outside the repository, with only Node.js on PATH: no devDependency can help it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';

interface PackResult {
  readonly filename: string;
  readonly size: number;
  readonly files: readonly { path: string }[];
}

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  bin: Record<string, string>;
};

describe('the npm package', () => {
  let scratch = '';
  let packed: PackResult;
  let prefix = '';
  /** Only the running Node.js (24) and the system's tools: not the repository's node_modules/.bin. */
  let env: NodeJS.ProcessEnv = {};

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'aws-cicd-package-'));
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    packed = (JSON.parse(out) as PackResult[])[0]!;
    prefix = path.join(scratch, 'prefix');
    execFileSync(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--offline',
        '--no-audit',
        '--no-fund',
        path.join(scratch, packed.filename),
      ],
      { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    env = {
      HOME: scratch,
      PATH: [path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter),
      NO_COLOR: '1',
    };
  }, 120_000);

  afterAll(() => {
    if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
  });

  function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(path.join(prefix, 'bin', 'aws-cicd'), args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  }

  test('is publishable and has no runtime dependencies (dist/cli is bundled)', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(pkg.bin).toEqual({ 'aws-cicd': 'dist/cli/index.js' });
    expect(readFileSync(path.join(REPO_ROOT, 'dist/cli/index.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('holds dist/cli, README.md, LICENSE and package.json only', () => {
    const files = packed.files.map((f) => f.path).sort();
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'dist/cli/index.js', 'package.json']));
    expect(files.filter((f) => !/^(dist\/cli\/.+|LICENSE|README\.md|package\.json)$/.test(f))).toEqual([]);
    expect(packed.filename).toBe(`aws-cicd-${pkg.version}.tgz`);
    console.log(`npm pack: ${packed.filename}, ${packed.size} bytes, ${files.length} files`);
  });

  test('installs offline with nothing beside it', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'aws-cicd');
    expect(existsSync(path.join(installed, 'dist/cli/index.js'))).toBe(true);
    expect(existsSync(path.join(installed, 'node_modules'))).toBe(false);
    expect(existsSync(path.join(prefix, 'bin', 'aws-cicd'))).toBe(true);
  });

  test("aws-cicd --version prints package.json's version", () => {
    const run = cli(['--version'], scratch);
    expect(run).toMatchObject({ status: 0, stdout: `aws-cicd ${pkg.version}\n` });
  });

  test('aws-cicd validate and aws-cicd run build a small buildspec', () => {
    const project = path.join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(
      path.join(project, 'buildspec.yml'),
      [
        'version: 0.2',
        'env:',
        '  variables:',
        '    GREETING: hello',
        'phases:',
        '  build:',
        '    commands:',
        '      - echo "$GREETING from the package" > out.txt',
        '      - cat out.txt',
        'artifacts:',
        '  files:',
        '    - out.txt',
        '',
      ].join('\n'),
    );
    const validate = cli(['validate'], project);
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
    const run = cli(['run'], project);
    expect(run.stderr + run.stdout).toContain('hello from the package');
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(project, 'out.txt'), 'utf8')).toBe('hello from the package\n');
  });
});
