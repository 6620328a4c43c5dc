import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { main } from '../../src/cli/main.js';
import { startEmulator } from '../harness/aws/server.js';
import { runCli } from '../support/cli.js';
import { tempDir } from './helpers.js';

const env = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME });

function project(files: Record<string, string>): string {
  const dir = tempDir('aws-cicd-cli-run-');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const OK = `version: 0.2
env:
  variables:
    GREETING: hello
  exported-variables: [TAG]
phases:
  build:
    commands:
      - echo "$GREETING $FROM_FILE $FROM_CLI" > out.txt
      - TAG=v1
      - cat out.txt
artifacts:
  files:
    - out.txt
`;

describe('aws-cicd run', () => {
  test('runs ./buildspec.yml: CodeBuild log on stdout, status on stderr, exit 0, report and artifacts written', async () => {
    const cwd = project({ 'buildspec.yml': OK, 'vars.env': '# project\nFROM_FILE="file"\n' });
    const run = await runCli(
      [
        'run',
        '--env-file',
        'vars.env',
        '--env',
        'FROM_CLI=cli',
        '--report-json',
        'out/report.json',
        '--project',
        'demo',
      ],
      { cwd, env: env() },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^\[Container\] \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\.\d{6} Running command cat out\.txt\nhello "file" cli\n/m,
    );
    expect(run.stdout).toContain('Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED');
    expect(run.stderr).toMatch(/^aws-cicd run: build demo:[0-9a-f-]{36} SUCCEEDED in /);
    const report = JSON.parse(readFileSync(path.join(cwd, 'out/report.json'), 'utf8')) as Record<string, unknown>;
    expect(report).toMatchObject({
      projectName: 'demo',
      buildStatus: 'SUCCEEDED',
      buildNumber: 1,
      currentPhase: 'COMPLETED',
      exportedEnvironmentVariables: [{ name: 'TAG', value: 'v1' }],
      artifacts: { location: path.join(cwd, '.aws-cicd/artifacts/artifacts.zip') },
    });
    expect(existsSync(path.join(cwd, '.aws-cicd/artifacts/artifacts.zip'))).toBe(true);
  });

  test('a failing build exits 1; --source and --artifacts are honoured', async () => {
    const src = project({ 'buildspec.yml': OK.replace('- cat out.txt', '- exit 3') });
    const cwd = tempDir();
    const run = await runCli(['run', '--source', src, '--artifacts', 'zips'], { cwd, env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: exit 3. Reason: exit status 3',
    );
    expect(run.stderr).toMatch(/FAILED in .*: BUILD COMMAND_EXECUTION_ERROR Error while executing command: exit 3/);
    // UPLOAD_ARTIFACTS still ran after the BUILD failure.
    expect(existsSync(path.join(cwd, 'zips/artifacts.zip'))).toBe(true);
  });

  test('an invalid buildspec: findings as file:line:col, exit 2, nothing runs', async () => {
    const bad =
      'version: 0.2\nphases:\n  build:\n    commands:\n      - touch ran\n  post-build:\n    commands:\n      - echo\n';
    const cwd = project({ 'buildspec.yml': bad });
    const run = await runCli(['run'], { cwd, env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^buildspec\.yml:6:3: error: phases\.post-build: /m);
    expect(run.stdout).toBe('');
    expect(existsSync(path.join(cwd, 'ran'))).toBe(false);
  });

  test('usage errors exit 2: unknown option, missing buildspec, bad --timeout, bad --env', async () => {
    const cwd = project({ 'buildspec.yml': OK });
    const unknown = await runCli(['run', '--frobnicate'], { cwd, env: env() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('aws-cicd run --help');
    const missing = await runCli(['run', '--buildspec', 'nope.yml'], { cwd, env: env() });
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('cannot read nope.yml: no such file');
    expect((await runCli(['run', '--timeout', 'soon'], { cwd, env: env() })).code).toBe(2);
    expect((await runCli(['run', '--env', 'novalue'], { cwd, env: env() })).code).toBe(2);
    expect((await runCli(['run', '--env-file', 'missing.env'], { cwd, env: env() })).code).toBe(2);
  });

  test('--dry-run prints the plan and runs nothing', async () => {
    const cwd = project({ 'buildspec.yml': OK.replace('- TAG=v1', '- touch ran') });
    const run = await runCli(['run', '--dry-run'], { cwd, env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('BUILD\n  $ echo "$GREETING $FROM_FILE $FROM_CLI" > out.txt\n  $ touch ran\n');
    expect(existsSync(path.join(cwd, 'ran'))).toBe(false);
  });

  test('--help', async () => {
    const run = await runCli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: aws-cicd run [options]');
  });

  test('on a terminal: a header per phase and a closing table; colour only without NO_COLOR', async () => {
    const cwd = project({ 'buildspec.yml': OK });
    const tty = await runCli(['run'], { cwd, env: env(), tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain('\u001b[');
    const plain = await runCli(['run'], { cwd, env: { ...env(), NO_COLOR: '1' }, tty: true });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toContain('▶ BUILD\n$ echo "$GREETING $FROM_FILE $FROM_CLI" > out.txt\n');
    // A blank line after each command's output.
    expect(plain.stdout).toContain('$ cat out.txt\nhello  \n\n');
    // The closing table: a Tests column only when the build has test reports; its footer is the status line.
    expect(plain.stdout).toMatch(/^Phase +Status +Duration$/m);
    expect(plain.stdout).toMatch(/^BUILD +SUCCEEDED +[\d.]+m?s$/m);
    expect(plain.stdout).toMatch(/^build [\w-]+:[0-9a-f-]{36} SUCCEEDED in [\d.]+m?s$/m);
    expect(plain.stdout).not.toContain('[Container]');
  });

  test('on a terminal, with test reports: the closing table counts the tests on UPLOAD_ARTIFACTS', async () => {
    const junit =
      '<testsuite name="s" tests="2"><testcase name="a"/><testcase name="b"><skipped/></testcase></testsuite>';
    const cwd = project({
      'buildspec.yml': `version: 0.2
phases:
  build:
    commands:
      - echo '${junit}' > junit.xml
reports:
  unit:
    files: [junit.xml]
`,
    });
    const run = await runCli(['run'], { cwd, env: { ...env(), NO_COLOR: '1' }, tty: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Phase +Status +Duration +Tests$/m);
    expect(run.stdout).toMatch(/^UPLOAD_ARTIFACTS +SUCCEEDED +[\d.]+m?s +1 passed, 1 skipped$/m);
  });

  test('the context signal (Ctrl-C) stops the build: exit 130, STOPPED in the report', async () => {
    const cwd = project({
      'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo started; sleep 1000\n',
    });
    const controller = new AbortController();
    const out = new PassThrough();
    out.on('data', (d: Buffer) => {
      if (d.toString().includes('started')) controller.abort();
    });
    const code = await main(['run', '--report-json', 'r.json'], {
      stdout: out,
      stderr: new PassThrough(),
      env: env(),
      cwd,
      signal: controller.signal,
    });
    expect(code).toBe(130);
    expect(JSON.parse(readFileSync(path.join(cwd, 'r.json'), 'utf8'))).toMatchObject({ buildStatus: 'STOPPED' });
  });

  test('the real entry point: SIGINT stops the build, writes the report, leaves nothing running', async () => {
    const cwd = project({
      'buildspec.yml':
        'version: 0.2\nphases:\n  build:\n    commands:\n      - sleep 1000 & echo $! > bg.pid; echo started; sleep 1000\n',
    });
    const tsx = path.resolve('node_modules/.bin/tsx');
    const child = spawn(tsx, [path.resolve('src/cli/index.ts'), 'run', '--report-json', 'r.json'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // One SIGINT only: a second one is the user insisting, and the CLI then exits at once. Either way the status is
    // 130, interrupted (the exit status table of docs/cli.md).
    let out = '';
    let interrupted = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!interrupted && out.includes('started\n')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(JSON.parse(readFileSync(path.join(cwd, 'r.json'), 'utf8'))).toMatchObject({ buildStatus: 'STOPPED' });
    const pid = Number(readFileSync(path.join(cwd, 'bg.pid'), 'utf8'));
    let alive = true;
    for (let i = 0; i < 200 && alive; i++) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        alive = !/\) Z /.test(stat);
      } catch {
        alive = false;
      }
      if (alive) await new Promise((r) => setTimeout(r, 10));
    }
    expect(alive).toBe(false);
  });

  test('a multi-line parameter-store value printed a line at a time: none of its lines shows (short ones may)', async () => {
    const emulator = await startEmulator();
    const key = [
      '-----BEGIN TEST KEY-----',
      'MIIEowIBAAKCAQEAx7tVZ',
      'q9Lm2Pw8sY4rT6uK0dF',
      'ab',
      '-----END TEST KEY-----',
    ];
    try {
      const ssm = new SSMClient({
        region: emulator.region,
        endpoint: emulator.url,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      await ssm.send(new PutParameterCommand({ Name: '/app/key', Value: key.join('\n'), Type: 'SecureString' }));
      ssm.destroy();
      const cwd = project({
        'buildspec.yml': [
          'version: 0.2',
          'env:',
          '  parameter-store:',
          '    KEY: /app/key',
          'phases:',
          '  build:',
          '    commands:',
          '      - printf "%s\\n" "$KEY" | while IFS= read -r line; do echo "line=$line"; done',
          '      - printf "%s\\n" "$KEY" | sed -n 3p',
          '      - echo "whole=$KEY"',
          '',
        ].join('\n'),
      });
      const run = await runCli(['run'], {
        cwd,
        env: {
          ...env(),
          AWS_ENDPOINT_URL: emulator.url,
          AWS_REGION: emulator.region,
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      });
      expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
      for (const line of key.filter((l) => l.length >= 4)) {
        expect(run.stdout).not.toContain(line);
        expect(run.stderr).not.toContain(line);
      }
      expect(run.stdout).toContain('line=***\nline=***\nline=***\nline=ab\nline=***\n');
      expect(run.stdout).toMatch(/^\*\*\*$/m);
      expect(run.stdout).toContain('whole=***\n');
    } finally {
      await emulator.close();
    }
  });
});
