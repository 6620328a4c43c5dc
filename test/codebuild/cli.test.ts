/** `aws-cicd build` and `aws-cicd logs` against the AWS emulator, in-process. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Emulator } from '../harness/aws/server.js';
import { runCli } from '../support/cli.js';
import { awsEnv, createProject, gitRepo, startBuildEmulator, storedLog } from './emulator-support.js';

const GOOD = `version: 0.2
phases:
  build:
    commands:
      - echo "hello from the build"
      - for i in 1 2 3; do echo "step $i"; done
`;
const SLOW = `version: 0.2
phases:
  build:
    commands:
      - echo "started sleeping"
      - sleep 30
`;
const FAILING = `version: 0.2
phases:
  build:
    commands:
      - echo "going down"
      - exit 4
`;

let emulator: Emulator;
let repo: ReturnType<typeof gitRepo>;

beforeAll(async () => {
  emulator = await startBuildEmulator({ liveTail: { updateIntervalMs: 250 } });
  repo = gitRepo({
    'buildspec.yml': GOOD,
    'ci/slow.yml': SLOW,
    'ci/failing.yml': FAILING,
    'ci/bad.yml': 'version: 0.2\nphase: {}\n',
  });
  await createProject(emulator, 'app', repo.dir);
});

afterAll(async () => {
  await emulator.close();
  repo.cleanup();
});

const cli = (argv: string[]) => runCli(argv, { cwd: repo.dir, env: awsEnv(emulator) });

test('build: the log on stdout, exactly; exit 0 when it succeeds', async () => {
  const run = await cli(['build', '--project', 'app', '--source-version', repo.commit]);
  expect(run.code).toBe(0);
  const id = /Started build (app:[0-9a-f-]+)/.exec(run.stderr)?.[1] ?? '';
  expect(id).not.toBe('');
  expect(run.stdout.split('\n').slice(0, -1)).toEqual(storedLog(emulator, id));
  expect(run.stdout).toContain('hello from the build\n');
  // The closing line (the table's footer when piped).
  expect(run.stderr).toMatch(/^aws-cicd: Build SUCCEEDED in \S+$/m);
});

test('build: a failing build exits 1 with the failed phase and the last lines', async () => {
  const run = await cli(['build', '--project', 'app', '--buildspec', 'ci/failing.yml', '--logs', 'poll']);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/FAILED in phase BUILD: COMMAND_EXECUTION_ERROR: /);
  expect(run.stderr).toContain('going down');
});

test('build --no-wait prints the id; logs --follow follows it; logs prints it again', async () => {
  const started = await cli(['build', '--project', 'app', '--no-wait']);
  expect(started.code).toBe(0);
  const id = started.stdout.trim();
  expect(id).toMatch(/^app:[0-9a-f-]{36}$/);
  const followed = await cli(['logs', id, '--follow']);
  expect(followed.code).toBe(0);
  expect(followed.stdout.split('\n').slice(0, -1)).toEqual(storedLog(emulator, id));
  const again = await cli(['logs', id]);
  expect(again).toMatchObject({ code: 0, stdout: followed.stdout });
});

test('usage errors and an invalid buildspec: exit 2, nothing started', async () => {
  const before = emulator.state.codebuild.builds.size;
  expect((await cli(['build'])).code).toBe(2);
  expect((await cli(['build', '--project', 'app', '--logs', 'tail'])).stderr).toContain(
    '--logs must be one of live, poll, off; got "tail"',
  );
  const bad = await cli(['build', '--project', 'app', '--buildspec', 'ci/bad.yml']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/^ci\/bad\.yml:1:1: error: phases: missing "phases"/m);
  expect((await cli(['logs'])).code).toBe(2);
  expect(emulator.state.codebuild.builds.size).toBe(before);
  const missing = await cli(['logs', 'app:00000000-0000-0000-0000-000000000000']);
  expect(missing).toMatchObject({ code: 1 });
  expect(missing.stderr).toContain('no build or batch build app:00000000-0000-0000-0000-000000000000');
});

describe('results (issue 15): artifacts downloaded, reports shown', () => {
  const RESULTS = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p out && echo "built" > out/app.txt
reports:
  unit:
    files: [junit.xml]
artifacts:
  files: ['out/**/*']
`;
  const JUNIT = `<testsuite name="s" tests="3" failures="1">
  <testcase classname="T" name="one"/><testcase classname="T" name="two"><failure message="two is broken"/></testcase>
  <testcase classname="T" name="three"/>
</testsuite>
`;
  let results: ReturnType<typeof gitRepo>;
  let out: string;
  beforeAll(async () => {
    results = gitRepo({ 'buildspec.yml': RESULTS, 'junit.xml': JUNIT });
    emulator.state.s3.createBucket('cli-artifacts');
    await createProject(emulator, 'withresults', results.dir, {
      artifacts: { type: 'S3', location: 'cli-artifacts', name: 'app.zip', packaging: 'ZIP' },
    });
    out = mkdtempSync(path.join(tmpdir(), 'aws-cicd-cli-results-'));
  });
  afterAll(() => {
    results.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  test('build --download-artifacts: the files in the folder, the report line and the failed test on stderr', async () => {
    const run = await runCli(['build', '--project', 'withresults', '--download-artifacts', 'got', '--logs', 'poll'], {
      cwd: out,
      env: awsEnv(emulator),
    });
    expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(path.join(out, 'got/out/app.txt'), 'utf8')).toBe('built\n');
    expect(run.stderr).toContain('Report withresults-unit: FAILED, 3 tests: 2 passed, 1 failed');
    expect(run.stderr).toContain('T › two failed: two is broken');
    const id = /Started build (withresults:[0-9a-f-]+)/.exec(run.stderr)?.[1] ?? '';
    const followed = await runCli(['logs', id, '--follow', '--download-artifacts', 'again'], {
      cwd: out,
      env: awsEnv(emulator),
    });
    expect(followed.code).toBe(0);
    expect(readFileSync(path.join(out, 'again/out/app.txt'), 'utf8')).toBe('built\n');
    const unfollowed = await runCli(['logs', id, '--download-artifacts', 'x'], { cwd: out, env: awsEnv(emulator) });
    expect(unfollowed.code).toBe(2);
    expect(unfollowed.stderr).toContain('--download-artifacts needs --follow');
  });
});

/** ANSI styles off, for reading what a terminal shows. */
const plain = (text: string): string => stripVTControlCharacters(text);

test('build on a terminal: the phase view of `run`, the failing lines once, the closing table', async () => {
  const run = await runCli(['build', '--project', 'app', '--buildspec', 'ci/failing.yml'], {
    cwd: repo.dir,
    env: { ...awsEnv(emulator), NO_COLOR: '1' },
    tty: true,
  });
  expect(run.code).toBe(1);
  const out = plain(run.stdout);
  expect(out).toMatch(/^▶ BUILD$/m);
  expect(out).toMatch(/^\$ echo "going down"$/m);
  expect(out).toMatch(/^✗ BUILD FAILED in \S+: COMMAND_EXECUTION_ERROR/m);
  // The closing table, then its closing line.
  expect(out).toMatch(/^Phase +Status +Duration$/m);
  expect(out).toMatch(/^BUILD +FAILED +\S+$/m);
  expect(out).toMatch(/^Build FAILED in \S+$/m);
  // The build's last lines are on the screen already: the error does not print them again.
  expect(`${out}${plain(run.stderr)}`.match(/^going down$/gm)).toHaveLength(1);
  expect(plain(run.stderr)).toMatch(/error: BUILD FAILED: Build \S+ FAILED in phase BUILD/);
  // Status lines for phases only while the build is in them, never after its log.
  expect(plain(run.stderr)).not.toMatch(/PROVISIONING…/);
});

test('logs --follow on a terminal shows the running phase; Ctrl-C stops following, the build goes on (130)', async () => {
  const started = await cli(['build', '--project', 'app', '--buildspec', 'ci/slow.yml', '--no-wait']);
  const id = started.stdout.trim();
  const controller = new AbortController();
  const following = runCli(['logs', id, '--follow'], {
    cwd: repo.dir,
    env: { ...awsEnv(emulator), NO_COLOR: '1' },
    tty: true,
    signal: controller.signal,
  });
  for (let i = 0; i < 600 && !storedLog(emulator, id).some((l) => l.includes('started sleeping')); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  // Live Tail's first lines reach the screen.
  await new Promise((r) => setTimeout(r, 1500));
  controller.abort('SIGINT');
  const run = await following;
  expect(run.code).toBe(130);
  expect(plain(run.stdout)).toMatch(/^▶ BUILD$/m);
  expect(plain(run.stdout)).toMatch(/^\$ sleep 30$/m);
  expect(plain(run.stderr)).toContain(`Stopped following; build ${id} goes on (IN_PROGRESS)`);
  expect(emulator.state.codebuild.build(id)?.build.buildStatus).toBe('IN_PROGRESS');
  emulator.state.codebuild.build(id)?.stop();
});
