/**
 * What the CLI says and the status it exits with, the same for every command: a directory given for a file, help
 * for a command, the options of `aws-cicd` itself, the exit status table (and docs/cli.md's; an interrupted run's 130 is
 * tested in test/runner/cli-run.test.ts), and where a run's outputs went.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT_STATUS } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

const COMMANDS = [
  'validate',
  'schema',
  'run',
  'build',
  'logs',
  'pipeline',
  'deploy',
  'iam-policy',
  'image',
  'mirror',
  'git-credential',
];

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-messages-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('a directory where a file is expected', () => {
  test('validate DIR: "is a directory", naming it, exit 2', async () => {
    const cwd = folder({ 'src/buildspec.yml': 'version: 0.2\n' });
    const run = await runCli(['validate', 'src'], { cwd });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'aws-cicd validate: cannot read src: it is a directory; name a file\n',
    });
  });

  test('run --buildspec DIR: the same', async () => {
    const cwd = folder({ 'ci/buildspec.yml': 'version: 0.2\n' });
    const run = await runCli(['run', '--buildspec', 'ci'], { cwd });
    expect(run).toMatchObject({ code: 2, stderr: 'aws-cicd run: cannot read ci: it is a directory; name a file\n' });
  });
});

describe('help', () => {
  test.each(COMMANDS)('aws-cicd help %s prints that command’s help, as --help does', async (name) => {
    const viaHelp = await runCli(['help', name]);
    const viaOption = await runCli([name, '--help']);
    expect(viaHelp).toEqual({ code: 0, stdout: viaOption.stdout, stderr: '' });
    expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: aws-cicd ${name}\\b`));
  });

  test('help for an unknown command: the general usage on stderr, exit 2', async () => {
    const run = await runCli(['help', 'frob']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^aws-cicd help: unknown command "frob"\n\nUsage: aws-cicd <command>/);
  });

  test('aws-cicd --help lists the commands, --help and --version, and the exit statuses', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(run.stdout).toMatch(/^ {2}-h, --help +\S/m);
    expect(run.stdout).toMatch(/^ {2}-V, --version +print the version/m);
    expect(run.stdout).toContain(EXIT_STATUS);
    expect((await runCli(['--version'])).stdout).toMatch(/^aws-cicd \d+\.\d+\.\d+\n$/);
  });
});

describe('exit statuses', () => {
  test('one table: 0 success, 1 the job did not succeed, 2 bad input, 130 interrupted', () => {
    expect(EXIT_STATUS.split('\n').map((l) => l.trim().split(/\s+/)[0])).toEqual(['Exit', '0', '1', '2', '130']);
  });

  test('the CLI reference (docs/cli.md) gives the same table', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'docs/cli.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| (\d+) +\| (.+?) +\|$/gm)].map((m) => m[1]);
    expect(rows).toEqual(['0', '1', '2', '130']);
    expect(readme).not.toMatch(/Exit status: 0 success, 1\s+failure/);
  });

  test.each(COMMANDS)('%s: its help has an exit status line', async (name) => {
    const help = (await runCli([name, '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/Exit status: 0 /);
    expect(help).toMatch(/\b2 (a )?usage error/);
  });

  test('validate: a file with errors is invalid input, exit 2, as run, build and deploy say', async () => {
    const bad = 'version: 0.2\nphases:\n  biuld:\n    commands: [echo]\n';
    const cwd = folder({ 'buildspec.yml': bad });
    expect((await runCli(['validate'], { cwd })).code).toBe(2);
    expect((await runCli(['run'], { cwd })).code).toBe(2);
    for (const name of ['validate', 'run', 'build', 'deploy']) {
      expect((await runCli([name, '--help'])).stdout.replace(/\s+/g, ' ')).toMatch(
        /2 (a )?usage error or an? (buildspec|appspec|file)/,
      );
    }
  });
});

describe('run says where its outputs went', () => {
  const BUILDSPEC =
    'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi > out.txt\n' +
    'artifacts:\n  files: [out.txt]\n  secondary-artifacts:\n    two:\n      files: [out.txt]\n';

  test.each([
    ['plain', false],
    ['terminal', true],
  ])('%s view: the artifacts’ ZIP files and the report, as the last lines on stderr', async (_view, tty) => {
    const cwd = folder({ 'buildspec.yml': BUILDSPEC });
    const run = await runCli(['run', '--report-json', 'out/report.json'], {
      cwd,
      tty,
      env: { PATH: process.env.PATH },
    });
    expect(run.code).toBe(0);
    const last = run.stderr.trimEnd().split('\n').slice(-2);
    expect(last).toEqual([
      `aws-cicd run: artifacts: ${path.join('.aws-cicd', 'artifacts', 'artifacts.zip')}, ${path.join('.aws-cicd', 'artifacts', 'two.zip')}`,
      `aws-cicd run: report: ${path.join('out', 'report.json')}`,
    ]);
    expect(existsSync(path.join(cwd, '.aws-cicd/artifacts/two.zip'))).toBe(true);
    expect(existsSync(path.join(cwd, 'out/report.json'))).toBe(true);
  });

  test('artifacts outside the source folder are shown with their full path; no report, no report line', async () => {
    const cwd = folder({ 'buildspec.yml': BUILDSPEC.replace(/ {2}secondary-artifacts:[\s\S]*$/, '') });
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'aws-cicd-artifacts-'));
    const run = await runCli(['run', '--artifacts', elsewhere], { cwd, env: { PATH: process.env.PATH } });
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      `aws-cicd run: artifacts: ${path.join(elsewhere, 'artifacts.zip')}`,
    );
    expect(run.stderr).not.toContain('aws-cicd run: report:');
  });

  test('nothing to say when there are no artifacts and no report', async () => {
    const cwd = folder({ 'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n' });
    const run = await runCli(['run'], { cwd, env: { PATH: process.env.PATH } });
    expect(run.stderr).toMatch(/^aws-cicd run: build \S+ SUCCEEDED in \S+\n$/);
  });

  test('a batch: every child’s ZIP files', async () => {
    const batch =
      'version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n    - identifier: b\n' +
      BUILDSPEC.replace(/ {2}secondary-artifacts:[\s\S]*$/, '').replace('version: 0.2\n', '');
    const cwd = folder({ 'buildspec.yml': batch });
    const run = await runCli(['run', '--batch', '--parallel', '1'], { cwd, env: { PATH: process.env.PATH } });
    expect(run.code).toBe(0);
    const line = run.stderr.trimEnd().split('\n').at(-1) ?? '';
    const zips = line.replace(/^aws-cicd run: artifacts: /, '').split(', ');
    expect(zips).toHaveLength(2);
    for (const zip of zips) expect(existsSync(path.join(cwd, zip))).toBe(true);
  });
});
