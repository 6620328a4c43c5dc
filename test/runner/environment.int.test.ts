import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { EnvSpec } from '../../src/buildspec/types.js';
import { parseBuildspec } from '../../src/buildspec/index.js';
import { runLocalBuild } from '../../src/runner/run.js';
import type { AwsEnvResolver } from '../../src/runner/types.js';
import { RecordingSink, runTestBuild, tempDir, testImage } from './helpers.js';

const printVars = (...names: string[]): string => names.map((n) => `echo "${n}=\${${n}-<unset>}"`).join('; ');

function lines(text: string | undefined): Record<string, string> {
  return Object.fromEntries(
    (text ?? '')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );
}

describe('environment precedence (spec §3.3)', () => {
  test('image < buildspec variables (literal) < env file (project) < --env (override)', async () => {
    const { sink } = await runTestBuild(
      {
        variables: { FROM_SPEC: '$PATH:/usr/share/ant/bin', LEVEL: 'spec', IMAGE_VAR: 'spec', EMPTY: '' },
        phases: {
          build: { commands: [printVars('FROM_SPEC', 'LEVEL', 'IMAGE_VAR', 'EMPTY', 'ONLY_IMAGE', 'QUOTED')] },
        },
      },
      {
        image: { ...testImage(), IMAGE_VAR: 'image', ONLY_IMAGE: 'image', LEVEL: 'image' },
        project: [
          ['LEVEL', 'project'],
          ['QUOTED', '"kept quotes"'],
        ],
        overrides: [['LEVEL', 'override']],
      },
    );
    expect(lines(sink.outputs()[0]?.output)).toEqual({
      FROM_SPEC: '$PATH:/usr/share/ant/bin',
      LEVEL: 'override',
      IMAGE_VAR: 'spec',
      EMPTY: '',
      ONLY_IMAGE: 'image',
      QUOTED: '"kept quotes"',
    });
  });

  test('CODEBUILD_* variables (§6), region variables and CODEBUILD_SRC_DIR', async () => {
    const { sink, src } = await runTestBuild({
      phases: {
        build: {
          commands: [
            printVars(
              'CODEBUILD_BUILD_ID',
              'CODEBUILD_BUILD_NUMBER',
              'CODEBUILD_BUILD_ARN',
              'CODEBUILD_PROJECT_ARN',
              'CODEBUILD_SRC_DIR',
              'CODEBUILD_START_TIME',
              'CODEBUILD_INITIATOR',
              'CODEBUILD_LOG_PATH',
              'CODEBUILD_BUILD_SUCCEEDING',
              'AWS_REGION',
              'AWS_DEFAULT_REGION',
              'CODEBUILD_RESOLVED_SOURCE_VERSION',
            ),
          ],
        },
      },
    });
    const uuid = '11111111-2222-3333-4444-555555555555';
    expect(lines(sink.outputs()[0]?.output)).toEqual({
      CODEBUILD_BUILD_ID: `demo:${uuid}`,
      CODEBUILD_BUILD_NUMBER: '7',
      CODEBUILD_BUILD_ARN: `arn:aws:codebuild:eu-west-1:000000000000:build/demo:${uuid}`,
      CODEBUILD_PROJECT_ARN: 'arn:aws:codebuild:eu-west-1:000000000000:project/demo',
      CODEBUILD_SRC_DIR: src,
      CODEBUILD_START_TIME: String(Date.UTC(2026, 10, 22, 10, 44, 12)),
      CODEBUILD_INITIATOR: 'tester',
      CODEBUILD_LOG_PATH: uuid,
      CODEBUILD_BUILD_SUCCEEDING: '1',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      CODEBUILD_RESOLVED_SOURCE_VERSION: '<unset>',
    });
  });
});

describe('parameter-store and secrets-manager (injected resolver) and masking', () => {
  const resolver =
    (values: Record<string, string>, calls: Array<{ env: EnvSpec; skip: Set<string> }> = []): AwsEnvResolver =>
    async (env, skip) => {
      calls.push({ env, skip: new Set(skip) });
      const out = new Map<string, string>();
      for (const v of [...env.parameterStore, ...env.secretsManager]) {
        if (!skip.has(v.name) && values[v.name] !== undefined) out.set(v.name, values[v.name] as string);
      }
      return { values: out, secrets: [...out.values()] };
    };

  test('resolved values reach the commands and are masked in output, command lines and contexts', async () => {
    const calls: Array<{ env: EnvSpec; skip: Set<string> }> = [];
    const { sink, result } = await runTestBuild(
      {
        parameterStore: { DB_PASSWORD: '/prod/db', OVERRIDDEN: '/prod/other' },
        secretsManager: { TOKEN: 'prod/token:key' },
        exported: ['DB_PASSWORD', 'PLAIN'],
        phases: {
          build: {
            commands: [
              'echo "pw=$DB_PASSWORD tok=$TOKEN over=$OVERRIDDEN"; PLAIN=x',
              'printf "%s" "$TOKEN" | rev; echo',
              'echo s3cr3t-p4ss is literal here; exit 3',
            ],
          },
        },
      },
      {
        overrides: [['OVERRIDDEN', 'from-override']],
        deps: {
          resolveAwsEnv: resolver({ DB_PASSWORD: 's3cr3t-p4ss', TOKEN: 'tok-123', OVERRIDDEN: 'remote' }, calls),
        },
      },
    );
    expect(calls).toHaveLength(1);
    expect([...(calls[0]?.skip ?? [])]).toEqual(['OVERRIDDEN']);
    expect(sink.outputs().map((o) => o.output)).toEqual([
      'pw=*** tok=*** over=from-override\n',
      '321-kot\n',
      '*** is literal here\n',
    ]);
    expect(sink.log).not.toContain('s3cr3t-p4ss');
    expect(sink.log).toContain('Running command echo *** is literal here; exit 3');
    expect(JSON.stringify(result)).not.toContain('s3cr3t-p4ss');
    // Secrets are never exported; shell variables are.
    expect(result.exportedEnvironmentVariables).toEqual([{ name: 'PLAIN', value: 'x' }]);
    expect(sink.log).toContain('Decrypting parameter store environment variables');
  });

  test('a secret split across output chunks is still masked', async () => {
    const secret = 'abcdefghij-SECRET-0123456789';
    const { sink } = await runTestBuild(
      {
        parameterStore: { S: '/x' },
        // Five characters at a time, with pauses, so the value arrives in pieces.
        phases: {
          build: {
            commands: [
              'for i in $(seq 1 5 ${#S}); do printf "%s" "$(printf "%s" "$S" | cut -c$i-$((i+4)))"; sleep 0.02; done; echo',
            ],
          },
        },
      },
      { deps: { resolveAwsEnv: resolver({ S: secret }) } },
    );
    expect(sink.outputs()[0]?.output).toBe('***\n');
    const chunks = sink.events.filter((e) => e.type === 'output').length;
    expect(chunks).toBeGreaterThan(1);
  });

  test('AWS credentials in the environment are masked', async () => {
    const { sink } = await runTestBuild(
      { phases: { build: { commands: ['echo "$AWS_ACCESS_KEY_ID / $AWS_SECRET_ACCESS_KEY"'] } } },
      {
        image: { ...testImage(), AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE123', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG' },
      },
    );
    expect(sink.outputs()[0]?.output).toBe('*** / ***\n');
  });

  test('without a resolver, parameter-store variables fail DOWNLOAD_SOURCE with a clear message', async () => {
    const { result } = await runTestBuild({ parameterStore: { P: '/p' }, phases: { build: { commands: ['true'] } } });
    const download = result.phases.find((p) => p.phaseType === 'DOWNLOAD_SOURCE');
    expect(download?.phaseStatus).toBe('FAILED');
    expect(download?.contexts?.[0]?.message).toMatch(/need AWS access/);
    expect(result.phases.some((p) => p.phaseType === 'INSTALL')).toBe(false);
  });

  test('a resolver error fails DOWNLOAD_SOURCE with CLIENT_ERROR', async () => {
    const { UserError } = await import('../../src/core/errors.js');
    const { result } = await runTestBuild(
      { parameterStore: { P: '/missing' }, phases: { build: { commands: ['true'] } } },
      {
        deps: {
          resolveAwsEnv: async () => {
            throw new UserError('Parameter /missing does not exist');
          },
        },
      },
    );
    expect(result.phases.find((p) => p.phaseType === 'DOWNLOAD_SOURCE')?.contexts).toEqual([
      { statusCode: 'CLIENT_ERROR', message: 'Parameter /missing does not exist' },
    ]);
  });
});

describe('exported-variables', () => {
  test('captured at the end of post_build from the shell state, including unexported shell variables', async () => {
    const { result } = await runTestBuild({
      variables: { FROM_SPEC: 'spec' },
      exported: ['IMAGE_TAG', 'FROM_SPEC', 'CHANGED_LATER', 'NEVER_SET', 'AWS_REGION', 'CODEBUILD_BUILD_ID'],
      phases: {
        pre_build: { commands: ['IMAGE_TAG=abc123'] },
        build: { commands: ['CHANGED_LATER=1'] },
        post_build: { commands: ['CHANGED_LATER=2'] },
      },
    });
    expect(result.exportedEnvironmentVariables).toEqual([
      { name: 'IMAGE_TAG', value: 'abc123' },
      { name: 'FROM_SPEC', value: 'spec' },
      { name: 'CHANGED_LATER', value: '2' },
      { name: 'CODEBUILD_BUILD_ID', value: 'demo:11111111-2222-3333-4444-555555555555' },
    ]);
  });
});

describe('runLocalBuild: identity from the machine', () => {
  test('build numbers count up per project in the state folder; git HEAD is the resolved source version', async () => {
    const src = tempDir();
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd: src,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e',
        },
      })
        .toString()
        .trim();
    git('init', '-q');
    writeFileSync(path.join(src, 'f'), 'x');
    git('add', 'f');
    git('commit', '-q', '-m', 'first');
    const head = git('rev-parse', 'HEAD');
    const envFile = path.join(src, 'project.env');
    writeFileSync(envFile, '# comment\n\nFROM_FILE="quoted"\nLEVEL=project\n');
    const { makeBuildspec } = await import('./helpers.js');
    const buildspec = makeBuildspec({
      phases: {
        build: {
          commands: [
            printVars(
              'CODEBUILD_BUILD_NUMBER',
              'CODEBUILD_RESOLVED_SOURCE_VERSION',
              'CODEBUILD_SOURCE_VERSION',
              'FROM_FILE',
              'LEVEL',
              'CODEBUILD_BUILD_ID',
            ),
          ],
        },
      },
    });
    const run = async (): Promise<Record<string, string>> => {
      const sink = new RecordingSink();
      const result = await runLocalBuild(
        {
          buildspec,
          buildspecPath: path.join(src, 'buildspec.yml'),
          srcDir: src,
          projectName: 'proj',
          envFile,
          env: ['LEVEL=override'],
          image: testImage(),
        },
        { sink, uuid: () => 'fixed-uuid' },
      );
      expect(result.buildStatus).toBe('SUCCEEDED');
      expect(result.resolvedSourceVersion).toBe(head);
      return lines(sink.outputs()[0]?.output);
    };
    const first = await run();
    const second = await run();
    expect(first).toEqual({
      CODEBUILD_BUILD_NUMBER: '1',
      CODEBUILD_RESOLVED_SOURCE_VERSION: head,
      CODEBUILD_SOURCE_VERSION: head,
      FROM_FILE: '"quoted"',
      LEVEL: 'override',
      CODEBUILD_BUILD_ID: 'proj:fixed-uuid',
    });
    expect(second.CODEBUILD_BUILD_NUMBER).toBe('2');
  });

  test('an explicit build number skips the counter; maskValues are masked', async () => {
    const src = tempDir();
    const { makeBuildspec } = await import('./helpers.js');
    const sink = new RecordingSink();
    const result = await runLocalBuild(
      {
        buildspec: makeBuildspec({ phases: { build: { commands: ['echo "$CODEBUILD_BUILD_NUMBER $OVERRIDE"'] } } }),
        buildspecPath: path.join(src, 'buildspec.yml'),
        srcDir: src,
        buildNumber: 41,
        env: ['OVERRIDE=hidden-value'],
        maskValues: ['hidden-value'],
        image: testImage(),
      },
      { sink },
    );
    expect(result.buildNumber).toBe(41);
    expect(sink.outputs()[0]?.output).toBe('41 ***\n');
  });
});

describe('variables that steer shells reach the commands literally, never the runner’s own tools (spec §3.3)', () => {
  const buildspecText = (shell: string, name: string, value: string): string => `version: 0.2
env:
  shell: ${shell}
  variables:
    ${name}: ${JSON.stringify(value)}
phases:
  install:
    runtime-versions:
      nodejs: 24
  build:
    commands:
      - printf '[%s]\\n' "$${name}"
      - cd ./sub; X=1
      - printf '%s %s\\n' "$X" "\${PWD##*/}"
      - codebuild-hash-files evil.sh
artifacts:
  name: art-$X
  files:
    - evil.sh
`;

  async function build(shell: string, name: string, value: string) {
    const src = tempDir();
    mkdirSync(path.join(src, 'sub'));
    // Sourced by a shell that reads ENV / BASH_ENV at start: it must not be the runner's.
    writeFileSync(path.join(src, 'evil.sh'), `echo EVIL; : > ${path.join(src, 'evil-ran')}\n`);
    const { buildspec } = parseBuildspec(buildspecText(shell, name, value), 'buildspec.yml');
    if (buildspec === undefined) throw new Error('invalid test buildspec');
    const sink = new RecordingSink();
    const result = await runLocalBuild(
      {
        buildspec,
        buildspecPath: path.join(src, 'buildspec.yml'),
        srcDir: src,
        cacheDir: tempDir('aws-cicd-cache-'),
        image: testImage(),
      },
      { sink },
    );
    return { result, sink, src, outputs: sink.outputs().map((o) => o.output) };
  }

  test.each([
    ['sh', 'PATH', '/nonexistent'],
    ['bash', 'PATH', '/nonexistent'],
    ['sh', 'HOME', '/nonexistent'],
    ['sh', 'SHELL', '/nonexistent'],
    ['sh', 'ENV', './evil.sh'],
    ['bash', 'BASH_ENV', './evil.sh'],
    ['sh', 'IFS', 'x'],
    ['bash', 'IFS', 'x'],
    ['sh', 'CDPATH', '/tmp'],
    ['bash', 'GLOBIGNORE', '*'],
    ['bash', 'POSIXLY_CORRECT', '1'],
    // codebuild-hash-files runs Node: the build's Node settings must not reach it.
    ['sh', 'NODE_OPTIONS', '--require=/nonexistent.js'],
    ['sh', 'NODE_DEBUG', 'net'],
  ])('%s with %s=%s', async (shell, name, value) => {
    const { result, sink, src, outputs } = await build(shell, name, value);
    expect(result.buildStatus).toBe('SUCCEEDED');
    // PATH keeps codebuild-hash-files' folder at its end (docs/fidelity.md); everything else is exactly the buildspec's.
    if (name === 'PATH') expect(outputs[0]).toMatch(/^\[\/nonexistent:\/[^:\n]+\/bin\]\n$/);
    else expect(outputs[0]).toBe(`[${value}]\n`);
    expect(outputs[2]).toBe('1 sub\n');
    expect(outputs[3]).toMatch(/^[0-9a-f]{64}\n$/);
    expect(sink.log).not.toContain('EVIL');
    expect(existsSync(path.join(src, 'evil-ran'))).toBe(false);
    // The version probe and the artifact name's evaluation are the runner's: they work whatever the buildspec says.
    expect(sink.log).toMatch(
      /Warning: runtime-versions nodejs '24' is not installed by the local runner; this machine has v\d/,
    );
    expect(sink.log).toContain('Primary artifact name: art-1 (written as artifacts.zip)');
  });

  test('SHELLOPTS=xtrace under bash does not trace the driver; commands see bash’s own SHELLOPTS', async () => {
    const { result, outputs } = await build('bash', 'SHELLOPTS', 'xtrace');
    expect(result.buildStatus).toBe('SUCCEEDED');
    expect(outputs[0]).toMatch(/^\[[a-z:-]+\]\n$/);
    expect(outputs[0]).not.toContain('xtrace');
    expect(outputs[2]).toBe('1 sub\n');
    expect(outputs.join('')).not.toMatch(/^\+/m);
  });
});
