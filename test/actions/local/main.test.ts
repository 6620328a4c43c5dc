import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run, type LocalActionDeps } from '../../../src/actions/local/main.js';
import type { Exec } from '../../../src/image/exec.js';
import { interpretWorkflowLog } from '../../security/workflow-log-model.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-cicd-local-action-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function harness(ws: string, inputs: Record<string, string>, extra: Partial<LocalActionDeps> = {}) {
  const stdout = new PassThrough();
  let log = '';
  stdout.on('data', (d: Buffer) => (log += d.toString()));
  const outputs: Record<string, string> = {};
  const failures: string[] = [];
  let summary = '';
  const deps: LocalActionDeps = {
    getInput: (name) => inputs[name] ?? '',
    env: { ...process.env, GITHUB_WORKSPACE: ws, GITHUB_REPOSITORY: 'octo/widgets', GITHUB_SHA: 'abc123' },
    stdout,
    setOutput: (name, value) => (outputs[name] = value),
    setFailed: (message) => failures.push(message),
    writeSummary: async (md) => void (summary += md),
    ...extra,
  };
  return { deps, outputs, failures, log: () => log, summary: () => summary };
}

const BUILDSPEC = `version: 0.2
env:
  variables:
    GREETING: hello
  exported-variables:
    - VERSION
phases:
  build:
    commands:
      - echo "$GREETING from $CODEBUILD_BUILD_ID"
      - VERSION=1.2.3
  post_build:
    commands:
      - echo done > out.txt
artifacts:
  files:
    - out.txt
`;

describe('local action', () => {
  test('runs the buildspec: groups, outputs (one per exported variable), summary, artifacts', async () => {
    const ws = workspace({ 'buildspec.yml': BUILDSPEC });
    const h = harness(ws, { env: 'GREETING=hi' });
    const build = await run(h.deps);
    expect(h.failures).toEqual([]);
    expect(build?.buildStatus).toBe('SUCCEEDED');
    expect(h.log()).toContain('::group::BUILD');
    expect(h.log()).toMatch(/^hi from widgets:[0-9a-f-]{36}$/m);
    expect(h.outputs['build-status']).toBe('SUCCEEDED');
    expect(h.outputs['build-id']).toMatch(/^widgets:/);
    expect(JSON.parse(h.outputs['exported-variables']!)).toEqual({ VERSION: '1.2.3' });
    expect(h.outputs.VERSION).toBe('1.2.3');
    expect(h.outputs.artifacts).toBe(join(ws, '.aws-cicd/artifacts/artifacts.zip'));
    expect(existsSync(h.outputs.artifacts!)).toBe(true);
    const report = JSON.parse(readFileSync(h.outputs['report-json']!, 'utf8')) as { buildStatus: string };
    expect(report.buildStatus).toBe('SUCCEEDED');
    expect(h.summary()).toContain('## Local build: ✅ SUCCEEDED');
    expect(h.summary()).toContain('| BUILD | ✅ SUCCEEDED |');
  });

  test('a failing build fails the step with the phase and reason, and annotates the buildspec', async () => {
    const ws = workspace({
      'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo about to fail\n      - exit 3\n',
    });
    const h = harness(ws, {});
    const build = await run(h.deps);
    expect(build?.buildStatus).toBe('FAILED');
    expect(h.outputs['build-status']).toBe('FAILED');
    expect(h.failures).toEqual([
      'build FAILED in BUILD: COMMAND_EXECUTION_ERROR Error while executing command: exit 3. Reason: exit status 3',
    ]);
    expect(h.log()).toMatch(/^::error file=buildspec\.yml,title=BUILD FAILED::.*about to fail/m);
  });

  test('an invalid buildspec is reported as annotations on its lines and nothing runs', async () => {
    const ws = workspace({ 'buildspec.yml': 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - touch ran\n' });
    const h = harness(ws, {});
    expect(await run(h.deps)).toBeUndefined();
    expect(h.log()).toMatch(/^::error file=buildspec\.yml,line=3,col=3,/m);
    expect(h.failures).toEqual(['buildspec.yml has 1 error; nothing was run']);
    expect(existsSync(join(ws, 'ran'))).toBe(false);
  });

  test('bad inputs are named', async () => {
    const ws = workspace({ 'buildspec.yml': BUILDSPEC });
    const h = harness(ws, { 'timeout-minutes': 'soon' });
    await run(h.deps);
    expect(h.failures).toEqual(['input "timeout-minutes" must be a whole number; got "soon"']);
    const missing = harness(ws, { source: 'nowhere' });
    await run(missing.deps);
    expect(missing.failures).toEqual([`input "source": ${join(ws, 'nowhere')} is not a directory`]);
    const region = harness(ws, { region: 'us-east-1\n::warning::x' });
    await run(region.deps);
    expect(region.failures[0]).toMatch(/^input "region" must be an AWS region name such as us-east-1; got "/);
  });

  test('secret values from parameter-store/secrets-manager are registered with the runner before the build starts', async () => {
    const ws = workspace({
      'buildspec.yml':
        'version: 0.2\nenv:\n  parameter-store:\n    TOKEN: /ci/token\nphases:\n  build:\n    commands:\n      - echo "token=$TOKEN"\n',
    });
    const h = harness(
      ws,
      {},
      {
        resolveAwsEnv: async () => ({ values: new Map([['TOKEN', 's3cr3t-value']]), secrets: ['s3cr3t-value'] }),
      },
    );
    const build = await run(h.deps);
    expect(build?.buildStatus).toBe('SUCCEEDED');
    // An add-mask the runner reads (outside the stop-commands fence), before the value could be printed.
    const log = interpretWorkflowLog(h.log());
    const mask = log.commands.find((c) => c.name === 'add-mask');
    expect(mask?.data).toBe('s3cr3t-value');
    expect(mask?.line).toBeLessThan(
      h
        .log()
        .split('\n')
        .findIndex((l) => l.includes('token=')) + 1,
    );
    expect(log.visible.join('\n')).toContain('token=***');
    expect(log.visible.join('\n')).not.toContain('s3cr3t-value');
  });
});

describe('local action: artifacts, secrets in exported variables, the image', () => {
  const SECONDARY = `version: 0.2
env:
  exported-variables: [VERSION]
phases:
  build:
    commands:
      - mkdir -p docs && echo d > docs/index.html && echo main > out.txt
      - VERSION=2.0.1
artifacts:
  name: app-$VERSION
  files: [out.txt]
  secondary-artifacts:
    docs:
      name: docs-$VERSION
      files: ['docs/**/*']
`;

  test('secondary-artifacts is a JSON object identifier → zip path; the summary lists every artifact', async () => {
    const ws = workspace({ 'buildspec.yml': SECONDARY });
    const h = harness(ws, {});
    const build = await run(h.deps);
    expect(build?.buildStatus).toBe('SUCCEEDED');
    const dir = join(ws, '.aws-cicd/artifacts');
    expect(JSON.parse(h.outputs['secondary-artifacts']!)).toEqual({ docs: join(dir, 'docs.zip') });
    expect(existsSync(join(dir, 'docs.zip'))).toBe(true);
    expect(h.summary()).toContain('| Artifact | File | Name |');
    expect(h.summary()).toContain(`| (primary) | \`${join(dir, 'artifacts.zip')}\` | \`app-2.0.1\` |`);
    expect(h.summary()).toContain(`| docs | \`${join(dir, 'docs.zip')}\` | \`docs-2.0.1\` |`);
    const report = JSON.parse(readFileSync(h.outputs['report-json']!, 'utf8')) as {
      artifacts: { name: string; sha256sum: string };
    };
    expect(report.artifacts).toMatchObject({ name: 'app-2.0.1', sha256sum: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  test('no secondary artifacts: the output is {}', async () => {
    const ws = workspace({ 'buildspec.yml': BUILDSPEC });
    const h = harness(ws, {});
    await run(h.deps);
    expect(h.outputs['secondary-artifacts']).toBe('{}');
  });

  test('a secret copied into an exported variable is *** in the outputs, summary and report, never printed', async () => {
    const ws = workspace({
      'buildspec.yml':
        'version: 0.2\nenv:\n  parameter-store:\n    TOKEN: /ci/token\n  exported-variables: [COPY]\nphases:\n  build:\n    commands:\n      - COPY="bearer $TOKEN"\n',
    });
    const h = harness(
      ws,
      {},
      { resolveAwsEnv: async () => ({ values: new Map([['TOKEN', 's3cr3t-value']]), secrets: ['s3cr3t-value'] }) },
    );
    const build = await run(h.deps);
    expect(build?.buildStatus).toBe('SUCCEEDED');
    expect(h.outputs.COPY).toBe('bearer ***');
    expect(JSON.parse(h.outputs['exported-variables']!)).toEqual({ COPY: 'bearer ***' });
    expect(h.summary()).toContain('| `COPY` | `bearer ***` |');
    expect(h.summary()).not.toContain('s3cr3t-value');
    expect(readFileSync(h.outputs['report-json']!, 'utf8')).not.toContain('s3cr3t-value');
    // The only place the value may appear is the add-mask command that hides it.
    expect(interpretWorkflowLog(h.log()).visible.join('\n')).not.toContain('s3cr3t-value');
  });

  test('with image: the runner inside gets the image for CODEBUILD_BUILD_IMAGE, the commit and the user env', async () => {
    const ws = workspace({ 'buildspec.yml': BUILDSPEC });
    const runs: string[][] = [];
    const exec: Exec = async (command, args) => {
      if (command === 'docker' && args[0] === 'info') return { code: 0, stdout: '', stderr: '' };
      if (command !== 'docker' || args[0] !== 'run') return { code: 1, stdout: '', stderr: 'not here' };
      runs.push([...args]);
      const mount = args.find((a) => a.endsWith(':/codebuild/output/aws-cicd-report:rw'));
      writeFileSync(
        join(mount!.split(':')[0]!, 'report.json'),
        JSON.stringify({ id: 'widgets:1', buildStatus: 'SUCCEEDED', phases: [], exportedEnvironmentVariables: [] }),
      );
      return { code: 0, stdout: '', stderr: '' };
    };
    const h = harness(ws, { image: 'registry.example/ci/standard:7', env: 'A=1' }, { exec });
    const build = await run(h.deps);
    expect(h.failures).toEqual([]);
    expect(build?.buildStatus).toBe('SUCCEEDED');
    const args = runs[0] ?? [];
    const envs = args.flatMap((a, i) => (args[i - 1] === '--env' && a.includes('=') ? [a] : []));
    expect(envs).toEqual([
      'CODEBUILD_BUILD_IMAGE=registry.example/ci/standard:7',
      'CODEBUILD_SOURCE_VERSION=abc123',
      'A=1',
    ]);
  });
});

describe('local action: the build does not get the GitHub runner’s plumbing', () => {
  test('file-command paths and ACTIONS_* tokens stay out of the build; the action’s own outputs still work', async () => {
    const ws = workspace({
      'buildspec.yml': `version: 0.2
phases:
  build:
    commands:
      - env | grep -E '^(GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)|ACTIONS_)' || echo "none of them"
      - echo "token=$ACTIONS_RUNTIME_TOKEN id=$ACTIONS_ID_TOKEN_REQUEST_TOKEN repo=$GITHUB_REPOSITORY"
      - echo "build-status=SUCCEEDED" >> "$GITHUB_OUTPUT"; echo "INJECTED=1" >> "$GITHUB_ENV"; exit 1
`,
    });
    const runnerFiles = mkdtempSync(join(tmpdir(), 'aws-cicd-runner-files-'));
    const fileCommands: Record<string, string> = {};
    for (const name of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
      fileCommands[name] = join(runnerFiles, name.toLowerCase());
      writeFileSync(fileCommands[name], '');
    }
    const tokens = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-value',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/x',
      ACTIONS_CACHE_URL: 'https://cache.actions.example/',
      ACTIONS_RESULTS_URL: 'https://results.actions.example/',
      ACTIONS_RUNTIME_URL: 'https://runtime.actions.example/',
      ACTIONS_STEP_DEBUG: 'false',
    };
    const h = harness(ws, {});
    const deps = { ...h.deps, env: { ...h.deps.env, ...fileCommands, ...tokens } };
    const build = await run(deps);
    expect(build?.buildStatus).toBe('FAILED');
    expect(h.outputs['build-status']).toBe('FAILED');
    expect(h.log()).toMatch(/^none of them$/m);
    // The rest of the runner's environment is still the build's image.
    expect(h.log()).toMatch(/^token= id= repo=octo\/widgets$/m);
    for (const value of Object.values(tokens)) expect(h.log()).not.toContain(value);
    for (const file of Object.values(fileCommands)) expect(readFileSync(file, 'utf8')).toBe('');
  });
});
