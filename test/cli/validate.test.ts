import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const GOOD = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n';
const BAD =
  'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n  post-build:\n    commands:\n      - echo bye\n';
const APPSPEC = 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv/app\n';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-cicd-validate-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('aws-cicd validate', () => {
  test('a valid ./buildspec.yml by default: exit 0 and a count line', async () => {
    const run = await runCli(['validate'], { cwd: folder({ 'buildspec.yml': GOOD }) });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('1 file checked: 0 errors, 0 warnings\n');
  });

  test('an error is printed as file:line:col with its key path and a suggestion; exit 2 (invalid input)', async () => {
    const run = await runCli(['validate', 'buildspec.yml'], { cwd: folder({ 'buildspec.yml': BAD }) });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^buildspec\.yml:6:3: error: phases\.post-build: .*"post_build"/m);
  });

  test('checks ./appspec.yml too when present, recognised by its name', async () => {
    const cwd = folder({ 'buildspec.yml': GOOD, 'appspec.yml': APPSPEC.replace('os: linux', 'os: linus') });
    const run = await runCli(['validate'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^appspec\.yml:2:\d+: error: os: /m);
    expect(run.stdout).toContain('2 files checked');
  });

  test('an appspec under another name is recognised by its content', async () => {
    const run = await runCli(['validate', 'deploy.yml'], { cwd: folder({ 'deploy.yml': APPSPEC }) });
    expect(run.code).toBe(0);
  });

  test('--format json prints the findings as an array', async () => {
    const run = await runCli(['validate', '--format', 'json'], { cwd: folder({ 'buildspec.yml': BAD }) });
    const findings = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'error',
          file: 'buildspec.yml',
          line: 6,
          col: 3,
          path: 'phases.post-build',
        }),
      ]),
    );
  });

  test('--format github prints annotations whose message cannot forge a workflow command', async () => {
    const hostile = 'version: 0.2\nphases:\n  "x\\n::set-output name=a::b":\n    commands: [echo]\n';
    const run = await runCli(['validate', '--format', 'github'], { cwd: folder({ 'buildspec.yml': hostile }) });
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines)
      expect(line).toMatch(/^::(error|warning) file=buildspec\.yml,line=\d+,col=\d+,title=[^:]*::/);
    expect(run.stdout).not.toMatch(/\n::set-output/);
  });

  test('colours only on a TTY and never with NO_COLOR', async () => {
    const cwd = folder({ 'buildspec.yml': BAD });
    expect((await runCli(['validate'], { cwd, tty: true })).stdout).toContain('\u001b[31m');
    expect((await runCli(['validate'], { cwd, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(['validate'], { cwd })).stdout).not.toContain('\u001b[');
  });

  test('NO_COLOR set but empty leaves colour on (no-color.org: only a non-empty value turns it off)', async () => {
    const cwd = folder({ 'buildspec.yml': BAD });
    expect((await runCli(['validate'], { cwd, tty: true, env: { NO_COLOR: '' } })).stdout).toContain('\u001b[31m');
  });

  test('checks ./appspec.yaml too when present (CodeDeploy takes .yaml for ECS and Lambda)', async () => {
    const cwd = folder({ 'buildspec.yml': GOOD, 'appspec.yaml': APPSPEC.replace('os: linux', 'os: linus') });
    const run = await runCli(['validate'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^appspec\.yaml:2:\d+: error: os: /m);
    expect(run.stdout).toContain('2 files checked');
  });

  test('an appspec under another name with a wrong version is still recognised: the version error, not buildspec errors', async () => {
    const x3 = 'version: 0.1\nos: linux\nhooks:\n  AfterInstall:\n    - location: scripts/a.sh\n';
    const run = await runCli(['validate', 'x3.yml'], { cwd: folder({ 'x3.yml': x3 }) });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(
      'x3.yml:1:10: error: version: must be 0.0, the only AppSpec version; got "0.1"\n1 file checked: 1 error, 0 warnings\n',
    );
  });

  test('an unquoted glob: the message says to quote it', async () => {
    const text = `${GOOD}artifacts:\n  files: **/*\n`;
    const run = await runCli(['validate'], { cwd: folder({ 'buildspec.yml': text }) });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      `buildspec.yml:7:10: error: unknown alias **/*: an unquoted value starting with "*" is a YAML alias (a reference to an &anchor), not text; quote the glob: '**/*'`,
    );
  });

  test('usage errors exit 2: missing file, bad --format, unknown option', async () => {
    const cwd = folder({});
    const missing = await runCli(['validate', 'nope.yml'], { cwd });
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('cannot read nope.yml: no such file');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['validate', '--format', 'xml'], { cwd })).code).toBe(2);
    expect((await runCli(['validate', '--frobnicate'], { cwd })).code).toBe(2);
  });

  test('--help describes the command and exits 0', async () => {
    const run = await runCli(['validate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: aws-cicd validate');
  });
});

describe('aws-cicd schema', () => {
  test('prints a JSON Schema for buildspec files', async () => {
    const run = await runCli(['schema', 'buildspec']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'env', 'phases', 'artifacts']));
  });

  test('prints a JSON Schema for appspec files: EC2/On-Premises, ECS and Lambda', async () => {
    const run = await runCli(['schema', 'appspec']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const schema = JSON.parse(run.stdout) as { title: string; anyOf: Array<{ title: string }> };
    expect(schema.title).toBe('AWS CodeDeploy AppSpec file');
    expect(schema.anyOf.map((s) => s.title)).toEqual(['EC2/On-Premises', 'Amazon ECS', 'AWS Lambda']);
  });

  test('an unknown schema is a usage error naming both', async () => {
    const run = await runCli(['schema', 'appspec-ish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown schema "appspec-ish"; available: buildspec, appspec');
    expect((await runCli(['schema', 'constructor'])).code).toBe(2);
  });

  test('--help names both schemas', async () => {
    const run = await runCli(['schema', '--help']);
    expect(run.stdout).toContain('Usage: aws-cicd schema buildspec|appspec');
  });
});

describe('aws-cicd', () => {
  test('no command prints usage and exits 2; unknown command exits 2', async () => {
    expect((await runCli([])).code).toBe(2);
    const unknown = await runCli(['frob']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frob"');
  });
});

describe('aws-cicd validate on a file with 130,000 findings', () => {
  // Each command that is a list instead of a string is one error: 130,000 errors in a 1.6 MB file.
  const MANY = 130_000;
  const cwd = folder({
    'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n' + '      - [x]\n'.repeat(MANY),
  });

  test('text: no crash; the first 1,000, how many more, and the count of all; exit 2', async () => {
    const run = await runCli(['validate'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1002);
    expect(lines[0]).toBe('buildspec.yml:5:9: error: phases.build.commands[0]: must be a string, not a list');
    expect(lines[999]).toMatch(/^buildspec\.yml:1004:9: error: phases\.build\.commands\[999\]: /);
    expect(lines.slice(-2)).toEqual([
      '… and 129,000 more errors not shown (--format json prints them all)',
      '1 file checked: 130,000 errors, 0 warnings',
    ]);
  }, 120_000);

  test('github: the first 1,000 annotations, then how many more', async () => {
    const some = folder({
      'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n' + '      - [x]\n'.repeat(1500),
    });
    const run = await runCli(['validate', '--format', 'github'], { cwd: some });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1001);
    expect(lines.filter((l) => l.startsWith('::error file=buildspec.yml,'))).toHaveLength(1000);
    expect(lines.at(-1)).toBe('… and 500 more errors not shown (--format json prints them all)');
    expect(run.code).toBe(2);
  });

  test('json: all of them', async () => {
    const run = await runCli(['validate', '--format', 'json'], { cwd });
    expect((JSON.parse(run.stdout) as unknown[]).length).toBe(MANY);
    expect(run.code).toBe(2);
  }, 120_000);

  test('errors and warnings not shown are counted apart', async () => {
    const mixed = folder({
      'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n' + '      - [x]\n'.repeat(1001),
      'other.yml': 'version: 0.2\nphases:\n  build:\n    commands: [echo]\nfrobs: 1\nfrizzle: 2\n',
    });
    const run = await runCli(['validate', 'buildspec.yml', 'other.yml'], { cwd: mixed });
    expect(run.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '… and 1 more error and 2 more warnings not shown (--format json prints them all)',
      '2 files checked: 1,001 errors, 2 warnings',
    ]);
  });
});
