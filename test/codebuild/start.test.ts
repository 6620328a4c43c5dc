/** The StartBuild / StartBuildBatch request from build settings, and every check before the call. */
import { startBuildBatchInput, startBuildInput, type StartSettings } from '../../src/codebuild/start.js';

const base: StartSettings = { projectName: 'app', env: [] };

test('the overrides, with variable types', () => {
  const input = startBuildInput({
    ...base,
    sourceVersion: 'abc123',
    buildspec: 'ci/buildspec.yml',
    env: [
      { name: 'STAGE', value: 'prod', type: 'PLAINTEXT' },
      { name: 'DB_URL', value: '/app/db-url', type: 'PARAMETER_STORE' },
      { name: 'TOKEN', value: 'app/token:token', type: 'SECRETS_MANAGER' },
    ],
    image: 'aws/codebuild/standard:7.0',
    computeType: 'BUILD_GENERAL1_MEDIUM',
    privilegedMode: true,
    timeoutMinutes: 30,
    fleet: 'arn:aws:codebuild:us-east-1:1:fleet/f',
    idempotencyToken: 'tok',
  });
  expect(input).toEqual({
    projectName: 'app',
    sourceVersion: 'abc123',
    buildspecOverride: 'ci/buildspec.yml',
    environmentVariablesOverride: [
      { name: 'STAGE', value: 'prod', type: 'PLAINTEXT' },
      { name: 'DB_URL', value: '/app/db-url', type: 'PARAMETER_STORE' },
      { name: 'TOKEN', value: 'app/token:token', type: 'SECRETS_MANAGER' },
    ],
    imageOverride: 'aws/codebuild/standard:7.0',
    computeTypeOverride: 'BUILD_GENERAL1_MEDIUM',
    privilegedModeOverride: true,
    timeoutInMinutesOverride: 30,
    fleetOverride: { fleetArn: 'arn:aws:codebuild:us-east-1:1:fleet/f' },
    idempotencyToken: 'tok',
  });
  expect(startBuildInput(base)).toEqual({ projectName: 'app' });
});

test('a batch: the build timeout member, no fleet', () => {
  expect(startBuildBatchInput({ ...base, timeoutMinutes: 20 })).toEqual({
    projectName: 'app',
    buildTimeoutInMinutesOverride: 20,
  });
  expect(() => startBuildBatchInput({ ...base, fleet: 'f' })).toThrow(/fleet cannot be used with a batch build/);
});

test('a plain-text value over 4096 characters is refused, naming it; references are not values', () => {
  const big = 'x'.repeat(4097);
  expect(() => startBuildInput({ ...base, env: [{ name: 'BIG', value: big, type: 'PLAINTEXT' }] })).toThrow(
    'env: the value of BIG is 4097 characters; CodeBuild takes at most 4096 for a plain-text variable',
  );
  expect(() =>
    startBuildInput({ ...base, env: [{ name: 'OK', value: 'x'.repeat(4096), type: 'PLAINTEXT' }] }),
  ).not.toThrow();
  expect(() =>
    startBuildInput({
      ...base,
      startBuildJson: JSON.stringify({ environmentVariablesOverride: [{ name: 'J', value: big }] }),
    }),
  ).toThrow(/^start-build-json: the value of J is 4097 characters/);
});

test('names: valid, not CODEBUILD_*, not twice', () => {
  const one = (name: string) => startBuildInput({ ...base, env: [{ name, value: 'v', type: 'PLAINTEXT' }] });
  expect(() => one('1X')).toThrow('env: "1X" is not a valid variable name');
  expect(() => one('CODEBUILD_X')).toThrow('names starting with CODEBUILD_ are reserved');
  expect(() =>
    startBuildInput({
      ...base,
      env: [
        { name: 'A', value: '1', type: 'PLAINTEXT' },
        { name: 'A', value: 'ref', type: 'SECRETS_MANAGER' },
      ],
    }),
  ).toThrow('env-secrets-manager: A is given twice (also in env)');
  expect(() => startBuildInput({ ...base, env: [{ name: 'P', value: ' ', type: 'PARAMETER_STORE' }] })).toThrow(
    'env-parameter-store: P needs a parameter name',
  );
});

describe('start-build-json', () => {
  test('merged last: members replace, variables merge by name', () => {
    const input = startBuildInput({
      ...base,
      image: 'a',
      env: [
        { name: 'A', value: '1', type: 'PLAINTEXT' },
        { name: 'B', value: '2', type: 'PLAINTEXT' },
      ],
      startBuildJson: JSON.stringify({
        imageOverride: 'b',
        gitCloneDepthOverride: 1,
        environmentVariablesOverride: [
          { name: 'B', value: '/p', type: 'PARAMETER_STORE' },
          { name: 'C', value: '3' },
        ],
      }),
    });
    expect(input).toMatchObject({
      imageOverride: 'b',
      gitCloneDepthOverride: 1,
      environmentVariablesOverride: [
        { name: 'A', value: '1', type: 'PLAINTEXT' },
        { name: 'B', value: '/p', type: 'PARAMETER_STORE' },
        { name: 'C', value: '3', type: 'PLAINTEXT' },
      ],
    });
  });

  test('checked: JSON, an object, known members of the right kind, same project', () => {
    const json =
      (text: string, batch = false) =>
      () =>
        (batch ? startBuildBatchInput : startBuildInput)({ ...base, startBuildJson: text });
    expect(json('{')).toThrow(/^start-build-json is not valid JSON/);
    expect(json('[]')).toThrow('start-build-json must be a JSON object of StartBuild members');
    expect(json('{"imageOverides":"x"}')).toThrow(
      'start-build-json: StartBuild has no member "imageOverides"; did you mean "imageOverride"?',
    );
    expect(json('{"privilegedModeOverride":"yes"}')).toThrow(
      'start-build-json: privilegedModeOverride must be a boolean; got string',
    );
    expect(json('{"timeoutInMinutesOverride":10}', true)).toThrow(
      'StartBuildBatch has no member "timeoutInMinutesOverride"',
    );
    expect(json('{"buildBatchConfigOverride":{}}', true)).not.toThrow();
    expect(json('{"projectName":"other"}')).toThrow('projectName "other" differs from project-name "app"');
  });
});
