/** The build action's inputs: defaults, the commit to build, variables, and errors naming the input. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workflowCommit as defaultSourceVersion } from '../../../src/actions/common/github-context.js';
import { buildOptions } from '../../../src/codebuild/options.js';
import { readInputs } from '../../../src/core/options.js';

const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
  const values = readInputs(buildOptions, (name) => inputs[name] ?? '', env);
  return { ...values, sourceVersion: values.sourceVersion ?? defaultSourceVersion(env) };
};

test('defaults: batch auto, wait, live logs, GITHUB_SHA, no variables', () => {
  expect(
    read({ 'project-name': 'app' }, { GITHUB_SHA: 'abc', GITHUB_TOKEN: 'secret', GITHUB_REF: 'refs/heads/x' }),
  ).toEqual({
    batch: 'auto',
    wait: true,
    logs: 'live',
    buildspec: undefined,
    buildId: undefined,
    region: undefined,
    projectName: 'app',
    sourceVersion: 'abc',
    env: [],
    envParameterStore: [],
    envSecretsManager: [],
    image: undefined,
    computeType: undefined,
    privilegedMode: undefined,
    timeoutMinutes: undefined,
    fleet: undefined,
    startBuildJson: undefined,
    downloadArtifacts: undefined,
    failOnTestFailures: false,
  });
});

test('variables: NAME=VALUE and bare NAME (forwarded) as PLAINTEXT, references typed; nothing else forwarded', () => {
  const settings = read(
    {
      'project-name': 'app',
      env: 'STAGE=prod\nURL=https://x/?a=b\n# a comment\nGITHUB_REF\n',
      'env-parameter-store': 'DB=/app/db',
      'env-secrets-manager': 'TOKEN= app/token:key ',
    },
    { GITHUB_REF: 'refs/heads/main', GITHUB_TOKEN: 'ghs_x' },
  );
  expect(settings.env).toEqual([
    ['STAGE', 'prod'],
    ['URL', 'https://x/?a=b'],
    ['GITHUB_REF', 'refs/heads/main'],
  ]);
  expect(settings.envParameterStore).toEqual([['DB', '/app/db']]);
  // The use case trims references (the action sends `app/token:key`).
  expect(settings.envSecretsManager).toEqual([['TOKEN', ' app/token:key']]);
});

test('overrides are read and checked', () => {
  const settings = read({
    'project-name': 'app',
    'privileged-mode': 'true',
    'timeout-minutes': '90',
    image: 'img',
    'compute-type': 'BUILD_GENERAL1_LARGE',
    fleet: 'arn:f',
    'start-build-json': '{"gitCloneDepthOverride":1}',
    batch: 'true',
    wait: 'false',
    logs: 'poll',
    buildspec: 'ci/buildspec.yml',
  });
  expect(settings).toMatchObject({
    batch: 'true',
    wait: false,
    logs: 'poll',
    buildspec: 'ci/buildspec.yml',
    privilegedMode: true,
    timeoutMinutes: 90,
    image: 'img',
    fleet: 'arn:f',
    startBuildJson: '{"gitCloneDepthOverride":1}',
  });
});

test('build-id: attach, no project needed', () => {
  expect(read({ 'build-id': 'app:1' })).toMatchObject({ buildId: 'app:1', batch: 'auto', wait: true, logs: 'live' });
});

test.each([
  [{}, 'input "project-name" is required (or give "build-id")'],
  [{ 'project-name': 'a', logs: 'tail' }, 'input "logs" must be one of live, poll, off; got "tail"'],
  [{ 'project-name': 'a', batch: 'yes' }, 'input "batch" must be one of auto, true, false; got "yes"'],
  [{ 'project-name': 'a', 'timeout-minutes': '3' }, 'input "timeout-minutes" must be between 5 and 2160; got 3'],
  [{ 'project-name': 'a', 'privileged-mode': 'maybe' }, 'input "privileged-mode" must be true or false; got "maybe"'],
  [{ 'project-name': 'a', env: 'BAD NAME=1' }, 'input "env", line 1: expected NAME=VALUE or NAME'],
  [{ 'project-name': 'a', env: 'UNSET_HERE' }, 'input "env", line 1: UNSET_HERE is not set on the runner'],
  [{ 'project-name': 'a', 'env-secrets-manager': 'nope' }, 'input "env-secrets-manager", line 1: expected NAME=VALUE'],
])('%j → %s', (inputs, message) => {
  expect(() => read(inputs)).toThrow(message);
});

describe('the commit to build', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'aws-cicd-event-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('a pull request: its head commit, not the merge commit', () => {
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { head: { sha: 'head123' } } }));
    for (const name of ['pull_request', 'pull_request_target']) {
      expect(defaultSourceVersion({ GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: event, GITHUB_SHA: 'merge456' })).toBe(
        'head123',
      );
    }
    expect(defaultSourceVersion({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_SHA: 'merge456' })).toBe(
      'merge456',
    );
  });

  test('no readable payload: GITHUB_SHA; nothing: the project default', () => {
    expect(
      defaultSourceVersion({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path.join(dir, 'x'),
        GITHUB_SHA: 's',
      }),
    ).toBe('s');
    expect(defaultSourceVersion({})).toBeUndefined();
    expect(read({ 'project-name': 'a', 'source-version': 'pr/7' }, { GITHUB_SHA: 's' }).sourceVersion).toBe('pr/7');
  });
});
