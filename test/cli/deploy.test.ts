/** `aws-cicd deploy` in-process, with the CodeDeploy and S3 clients mocked (aws-sdk-client-mock on the classes). */
import {
  BatchGetDeploymentTargetsCommand,
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
} from '@aws-sdk/client-codedeploy';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { events, instance } from '../deploy/fixtures.js';

const ENV = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDTEST',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_EC2_METADATA_DISABLED: 'true',
};
const codedeploy = mockClient(CodeDeployClient);
const s3 = mockClient(S3Client);
let cwd: string;

beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'aws-cicd-cli-deploy-'));
  mkdirSync(path.join(cwd, 'bundle/scripts'), { recursive: true });
  writeFileSync(
    path.join(cwd, 'bundle/appspec.yml'),
    'version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: scripts/check.sh\n',
  );
  writeFileSync(path.join(cwd, 'bundle/scripts/check.sh'), '#!/bin/sh\n');
  mkdirSync(path.join(cwd, 'worse'));
  writeFileSync(
    path.join(cwd, 'worse/appspec.yml'),
    'version: 0.0\nos: linx\nhooks:\n  ValidateService:\n    - location: nope.sh\n',
  );
  mkdirSync(path.join(cwd, 'bad'));
  writeFileSync(
    path.join(cwd, 'bad/appspec.yml'),
    'version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: nope.sh\n',
  );
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

beforeEach(() => {
  codedeploy.reset();
  s3.reset();
  s3.on(PutObjectCommand).resolves({ ETag: '"abc"' });
  codedeploy.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-CLI' });
  codedeploy.on(ListDeploymentTargetsCommand).resolves({ targetIds: ['i-1'] });
});

function deployment(status: string, target: ReturnType<typeof instance>) {
  codedeploy.on(GetDeploymentCommand).resolves({
    deploymentInfo: { deploymentId: 'd-CLI', status: status as never, deploymentOverview: { Succeeded: 1 } },
  });
  codedeploy.on(BatchGetDeploymentTargetsCommand).resolves({ deploymentTargets: [target] });
}

test('a folder: uploaded, deployed, followed; exit 0', async () => {
  deployment(
    'Succeeded',
    instance(
      'i-1',
      'Succeeded',
      events(() => 'Succeeded'),
    ),
  );
  const run = await runCli(
    [
      'deploy',
      '--application',
      'web',
      '--deployment-group',
      'prod',
      '--folder',
      'bundle',
      '--bucket',
      'b',
      '--commit',
      'a'.repeat(40),
    ],
    { cwd, env: ENV },
  );
  expect(run.stderr).toContain('aws-cicd: [i-1] ValidateService Succeeded in 2s');
  expect(run.code).toBe(0);
  const key = s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Key;
  expect(key).toMatch(new RegExp(`^web/${'a'.repeat(40)}-[0-9a-f]{12}\\.zip$`));
  expect(codedeploy.commandCalls(CreateDeploymentCommand)[0]?.args[0].input.revision).toEqual({
    revisionType: 'S3',
    s3Location: { bucket: 'b', key, bundleType: 'zip', eTag: 'abc' },
  });
});

test('a failing hook: its diagnostics with the script path, exit 1', async () => {
  deployment(
    'Failed',
    instance('i-1', 'Failed', [
      ['ValidateService', 'Failed', { errorCode: 'ScriptFailed', scriptName: 'scripts/check.sh', message: 'exit 3' }],
    ]),
  );
  const run = await runCli(
    ['deploy', '--application', 'web', '--deployment-group', 'prod', '--folder', 'bundle', '--bucket', 'b'],
    {
      cwd,
      env: ENV,
    },
  );
  expect(run.code).toBe(1);
  // `file: error: title: message`, then the command's failure.
  expect(run.stderr).toContain(
    `${path.join('bundle', 'scripts/check.sh')}: error: ValidateService failed on i-1: ScriptFailed in scripts/check.sh\nexit 3\n`,
  );
  expect(run.stderr).toMatch(
    /aws-cicd: error: deployment d-CLI Failed: ValidateService failed on i-1 \(ScriptFailed\)\n$/,
  );
});

test('an invalid appspec: file:line:col findings, exit 2, nothing uploaded', async () => {
  const run = await runCli(
    ['deploy', '--application', 'web', '--deployment-group', 'prod', '--folder', 'bad', '--bucket', 'b'],
    {
      cwd,
      env: ENV,
    },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /^bad\/appspec\.yml:5:7: error: hooks\.ValidateService: script "nope\.sh" is not in the bundle/m,
  );
  expect(s3.calls()).toEqual([]);
  expect(codedeploy.calls()).toEqual([]);
});

test('every appspec problem in one pass: the os error and the missing hook script together, then stop', async () => {
  const run = await runCli(
    ['deploy', '--application', 'web', '--deployment-group', 'prod', '--folder', 'worse', '--bucket', 'b'],
    { cwd, env: ENV },
  );
  expect(run.code).toBe(2);
  expect(run.stderr.split('\n').filter((l) => l.startsWith('worse/appspec.yml:'))).toEqual([
    expect.stringMatching(/^worse\/appspec\.yml:2:5: error: os: must be linux or windows, not "linx"/),
    expect.stringMatching(
      /^worse\/appspec\.yml:5:7: error: hooks\.ValidateService: script "nope\.sh" is not in the bundle/,
    ),
  ]);
  expect(s3.calls()).toEqual([]);
  expect(codedeploy.calls()).toEqual([]);
});

test('usage: one source, a full commit for GitHub', async () => {
  const both = await runCli(
    ['deploy', '--application', 'w', '--deployment-group', 'g', '--folder', 'bundle', '--github-repository', 'o/r'],
    {
      cwd,
      env: ENV,
    },
  );
  expect(both.code).toBe(2);
  const short = await runCli(
    ['deploy', '--application', 'w', '--deployment-group', 'g', '--github-repository', 'o/r', '--commit', 'abc'],
    {
      cwd,
      env: ENV,
    },
  );
  expect(short.code).toBe(2);
  expect(short.stderr).toContain('--commit: CodeDeploy needs the full 40-character commit id');
});
