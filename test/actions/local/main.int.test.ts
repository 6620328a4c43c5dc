/** The local action over the local build use case: inputs, the job log, outputs, the summary, the failure. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localAction } from '../../../src/actions/local/main.js';
import type { Exec } from '../../../src/image/exec.js';
import { inImageRunner } from '../../../src/image/run-in-image.js';
import type { LocalDeps } from '../../../src/runner/local.js';
import { commandsOf, runActionInProcess } from '../../support/action.js';
import { interpretWorkflowLog } from '../../security/workflow-log-model.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-cicd-local-action-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs the action's step in this process on the workspace, as the runner would. */
async function run(
  ws: string,
  inputs: Record<string, string>,
  deps: Partial<LocalDeps> = {},
  env: NodeJS.ProcessEnv = {},
) {
  const result = await runActionInProcess(localAction(deps), {
    inputs,
    env: {
      ...process.env,
      GITHUB_WORKSPACE: ws,
      GITHUB_REPOSITORY: 'octo/widgets',
      GITHUB_SHA: 'abc123',
      ...env,
    },
  });
  return { ...result, log: () => result.stdout, summary: () => result.summary };
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
    const h = await run(ws, { env: 'GREETING=hi' });
    expect(h.errors).toEqual([]);
    expect(h.code).toBe(0);
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
    const h = await run(ws, {});
    expect(h.code).toBe(1);
    expect(h.outputs['build-status']).toBe('FAILED');
    expect(h.errors).toEqual([
      'build FAILED in BUILD: COMMAND_EXECUTION_ERROR Error while executing command: exit 3. Reason: exit status 3' +
        '\n\nLast 1 lines of the log:\nabout to fail',
    ]);
    expect(h.log()).toMatch(
      /^::error file=buildspec\.yml,title=BUILD FAILED::build FAILED in BUILD: .*about to fail$/m,
    );
  });

  test('an invalid buildspec is reported as annotations on its lines and nothing runs', async () => {
    const ws = workspace({ 'buildspec.yml': 'version: 0.2\nphases:\n  biuld:\n    commands:\n      - touch ran\n' });
    const h = await run(ws, {});
    expect(h.code).toBe(1);
    expect(h.log()).toMatch(/^::error file=buildspec\.yml,line=3,col=3,/m);
    expect(h.errors).toHaveLength(2);
    expect(h.errors[1]).toBe('buildspec.yml is not a valid buildspec; nothing was run');
    expect(h.outputs['build-status']).toBeUndefined();
    expect(existsSync(join(ws, 'ran'))).toBe(false);
  });

  test('bad inputs are named', async () => {
    const ws = workspace({ 'buildspec.yml': BUILDSPEC });
    const h = await run(ws, { 'timeout-minutes': 'soon' });
    expect(h.errors).toEqual(['input "timeout-minutes" must be a whole number; got "soon"']);
    const missing = await run(ws, { source: 'nowhere' });
    expect(missing.errors).toEqual([`input "source": ${join(ws, 'nowhere')} is not a directory`]);
    const region = await run(ws, { region: 'us-east-1\n::warning::x' });
    expect(region.errors[0]).toMatch(/^input "region" must be an AWS region name such as us-east-1; got "/);
    for (const r of [h, missing, region]) expect(r.code).toBe(1);
  });

  test('secret values from parameter-store/secrets-manager are registered with the runner before the build starts', async () => {
    const ws = workspace({
      'buildspec.yml':
        'version: 0.2\nenv:\n  parameter-store:\n    TOKEN: /ci/token\nphases:\n  build:\n    commands:\n      - echo "token=$TOKEN"\n',
    });
    const h = await run(
      ws,
      {},
      {
        resolveAwsEnv: async () => ({ values: new Map([['TOKEN', 's3cr3t-value']]), secrets: ['s3cr3t-value'] }),
      },
    );
    expect(h.outputs['build-status']).toBe('SUCCEEDED');
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

describe('local action: the job log', () => {
  test('one group per phase; output between stop-commands markers so it cannot forge workflow commands', async () => {
    const ws = workspace({
      'buildspec.yml': `version: 0.2
phases:
  install:
    commands:
      - echo installing
  build:
    commands:
      - printf '::add-mask::nothing\\n::error::forged\\n'
`,
    });
    const h = await run(ws, {});
    expect(h.outputs['build-status']).toBe('SUCCEEDED');
    const lines = h.log().split('\n');
    // Each phase is a group of its own: opened before its first line, closed before the next opens.
    const groups = lines.filter((l) => /^::(end)?group::/.test(l));
    expect(groups).toEqual([
      '::group::DOWNLOAD_SOURCE',
      '::endgroup::',
      '::group::INSTALL',
      '::endgroup::',
      '::group::PRE_BUILD',
      '::endgroup::',
      '::group::BUILD',
      '::endgroup::',
      '::group::POST_BUILD',
      '::endgroup::',
      '::group::UPLOAD_ARTIFACTS',
      '::endgroup::',
    ]);
    const build = lines.indexOf('::group::BUILD');
    expect(lines.slice(build).findIndex((l) => l.includes('Entering phase BUILD'))).toBeGreaterThan(0);
    // The build printed the commands, and they show; but the runner reads no command of theirs.
    const forged = lines.indexOf('::error::forged');
    expect(forged).toBeGreaterThan(build);
    expect(lines.indexOf('::add-mask::nothing')).toBeGreaterThan(build);
    const stop = lines.slice(0, forged).findLastIndex((l) => l.startsWith('::stop-commands::'));
    expect(lines[stop]!.slice('::stop-commands::'.length)).toMatch(/^[0-9a-f]{32}$/);
    expect(commandsOf(h.log())).not.toContain('::error::forged');
    expect(commandsOf(h.log())).not.toContain('::add-mask::nothing');
    expect(interpretWorkflowLog(h.log()).commands.map((c) => c.name)).not.toContain('error');
    expect(h.errors).toEqual([]);
  });

  test('a failed phase: one error annotation on the buildspec with its context and the last 20 lines of output', async () => {
    const ws = workspace({
      'buildspec.yml': `version: 0.2
phases:
  build:
    commands:
      - for i in $(seq 1 30); do echo "line $i"; done; printf partial; exit 2
`,
    });
    const h = await run(ws, {});
    expect(h.code).toBe(1);
    const annotations = commandsOf(h.log()).filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    const [annotation] = annotations;
    expect(annotation).toMatch(
      /^::error file=buildspec\.yml,title=BUILD FAILED::build FAILED in BUILD: COMMAND_EXECUTION_ERROR Error while executing command: for i in /,
    );
    expect(annotation).toContain('Reason: exit status 2%0A%0ALast 20 lines of the log:%0Aline 12%0A');
    expect(annotation).toMatch(/line 30%0Apartial$/);
    expect(annotation).not.toContain('line 11%0A');
    // The annotation stands outside every group and fence, after the log.
    const lines = h.log().split('\n');
    const at = lines.indexOf(annotation!);
    expect(lines.slice(at + 1).some((l) => l.startsWith('::'))).toBe(false);
    expect(lines.slice(0, at).filter((l) => l === '::endgroup::')).toHaveLength(
      lines.slice(0, at).filter((l) => l.startsWith('::group::')).length,
    );
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
    const h = await run(ws, {});
    expect(h.outputs['build-status']).toBe('SUCCEEDED');
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
    const h = await run(ws, {});
    expect(h.outputs['secondary-artifacts']).toBe('{}');
  });

  test('a secret copied into an exported variable is *** in the outputs, summary and report, never printed', async () => {
    const ws = workspace({
      'buildspec.yml':
        'version: 0.2\nenv:\n  parameter-store:\n    TOKEN: /ci/token\n  exported-variables: [COPY]\nphases:\n  build:\n    commands:\n      - COPY="bearer $TOKEN"\n',
    });
    const h = await run(
      ws,
      {},
      { resolveAwsEnv: async () => ({ values: new Map([['TOKEN', 's3cr3t-value']]), secrets: ['s3cr3t-value'] }) },
    );
    expect(h.outputs['build-status']).toBe('SUCCEEDED');
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
        JSON.stringify({
          id: 'widgets:1',
          buildStatus: 'SUCCEEDED',
          startTime: '2026-11-22T10:00:00.000Z',
          endTime: '2026-11-22T10:01:15.000Z',
          phases: [],
          exportedEnvironmentVariables: [],
        }),
      );
      return { code: 0, stdout: '', stderr: '' };
    };
    const h = await run(
      ws,
      { image: 'registry.example/ci/standard:7', env: 'A=1' },
      { inImage: inImageRunner({ exec, env: { PATH: process.env.PATH } }) },
    );
    expect(h.errors).toEqual([]);
    expect(h.outputs['build-status']).toBe('SUCCEEDED');
    expect(h.outputs['build-id']).toBe('widgets:1');
    // The report's times, read back as times.
    expect(h.summary()).toContain('**Build** `widgets:1` · **Duration** 1m 15s');
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
    // GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY are the step's own files (runActionInProcess).
    const runnerFiles = mkdtempSync(join(tmpdir(), 'aws-cicd-runner-files-'));
    const fileCommands: Record<string, string> = {};
    for (const name of ['GITHUB_ENV', 'GITHUB_PATH']) {
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
    const h = await run(ws, {}, {}, { ...fileCommands, ...tokens });
    expect(h.outputs['build-status']).toBe('FAILED');
    expect(h.log()).toMatch(/^none of them$/m);
    // The rest of the runner's environment is still the build's image.
    expect(h.log()).toMatch(/^token= id= repo=octo\/widgets$/m);
    for (const value of Object.values(tokens)) expect(h.log()).not.toContain(value);
    for (const file of Object.values(fileCommands)) expect(readFileSync(file, 'utf8')).toBe('');
    // The summary is the action's alone.
    expect(h.summary()).toMatch(/^## Local build: ❌ FAILED/);
  });
});
