/** The deploy action's glue: inputs → appspec check → upload → CreateDeployment → follow → outputs and annotations. */
import { CreateDeploymentCommand } from '@aws-sdk/client-codedeploy';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployAction } from '../../../src/actions/deploy/main.js';
import type { S3Api } from '../../../src/aws/s3.js';
import type { DeployClients } from '../../../src/deploy/clients.js';
import { runActionInProcess, type ActionRun } from '../../support/action.js';
import { splitWorkflowLog } from '../../codebuild/emulator-support.js';
import { VirtualTime } from '../../codebuild/fakes.js';
import { events, instance, scriptedDeploy, type DeployStep } from '../../deploy/fixtures.js';

const SHA = '5f2b9c1e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c';
const APPSPEC = `version: 0.0
os: linux
hooks:
  ValidateService:
    - location: scripts/validate.sh
`;

let workspace: string;

beforeAll(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'aws-cicd-deploy-action-'));
  mkdirSync(path.join(workspace, 'deploy/scripts'), { recursive: true });
  writeFileSync(path.join(workspace, 'deploy/appspec.yml'), APPSPEC);
  writeFileSync(path.join(workspace, 'deploy/scripts/validate.sh'), '#!/bin/sh\ncurl -f http://localhost/\n');
  mkdirSync(path.join(workspace, 'worse'), { recursive: true });
  writeFileSync(
    path.join(workspace, 'worse/appspec.yml'),
    'version: 0.0\nos: linx\nhooks:\n  ValidateService:\n    - location: missing.sh\n',
  );
  mkdirSync(path.join(workspace, 'broken'), { recursive: true });
  writeFileSync(
    path.join(workspace, 'broken/appspec.yml'),
    'version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: missing.sh\n',
  );
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function setup(inputs: Record<string, string>, steps: DeployStep[] = []) {
  const deploy = scriptedDeploy();
  deploy.mock.on(CreateDeploymentCommand).resolves({ deploymentId: 'd-NEW' });
  deploy.add('d-NEW', steps);
  const uploads: Array<{ bucket: string; key: string }> = [];
  const s3: S3Api = {
    uploadFile: async (r) => {
      uploads.push({ bucket: r.bucket, key: r.key });
      return { eTag: 'etag-1', versionId: 'v-1', bytes: 100 };
    },
  };
  const clients: DeployClients = { codedeploy: deploy.api, s3, dispose: () => undefined };
  const time = new VirtualTime();
  const result: { run?: ActionRun } = {};
  return {
    deploy,
    uploads,
    stdout: () => result.run?.stdout ?? '',
    get outputs() {
      return result.run?.outputs ?? {};
    },
    /** The messages of every error annotation: the findings', the hook's, then the step's failure (last). */
    get errors() {
      return result.run?.errors ?? [];
    },
    get state() {
      return result.run?.state ?? {};
    },
    get summary() {
      return result.run?.summary ?? '';
    },
    get code() {
      return result.run?.code;
    },
    async run() {
      result.run = await runActionInProcess(
        deployAction({ clients, clock: time.clock, sleep: time.sleep, tmpDir: workspace }),
        {
          inputs,
          env: {
            GITHUB_WORKSPACE: workspace,
            GITHUB_SHA: SHA,
            GITHUB_EVENT_NAME: 'push',
            GITHUB_REPOSITORY: 'octo/web',
            GITHUB_RUN_ID: '12',
            AWS_REGION: 'eu-west-1',
          },
        },
      );
      return result.run;
    },
  };
}

const OK_STEPS: DeployStep[] = [
  {
    status: 'InProgress',
    targets: [
      instance(
        'i-1',
        'InProgress',
        events((_, i) => (i < 3 ? 'Succeeded' : 'Pending')),
      ),
    ],
  },
  {
    status: 'Succeeded',
    targets: [
      instance(
        'i-1',
        'Succeeded',
        events(() => 'Succeeded'),
      ),
    ],
  },
];

test('a folder: checked, zipped, uploaded, deployed by S3 location, followed to success', async () => {
  const a = setup({ application: 'web', 'deployment-group': 'prod', folder: 'deploy', bucket: 'bundles' }, OK_STEPS);
  await a.run();
  expect(a.errors).toEqual([]);
  expect(a.code).toBe(0);
  expect(a.uploads).toEqual([
    { bucket: 'bundles', key: expect.stringMatching(new RegExp(`^web/${SHA}-[0-9a-f]{12}\\.zip$`)) },
  ]);
  expect(a.deploy.mock.commandCalls(CreateDeploymentCommand)[0]?.args[0].input).toEqual({
    applicationName: 'web',
    deploymentGroupName: 'prod',
    description: 'Deployed by GitHub Actions: octo/web@5f2b9c1e8d7a (run 12)',
    revision: {
      revisionType: 'S3',
      s3Location: { bucket: 'bundles', key: a.uploads[0]?.key, bundleType: 'zip', eTag: 'etag-1', version: 'v-1' },
    },
  });
  const log = splitWorkflowLog(a.stdout());
  expect(log.plain).toContain(
    'Created deployment d-NEW of s3://bundles/' + a.uploads[0]?.key + ' (version v-1) to web/prod',
  );
  expect(log.plain).toContain(
    'Console: https://eu-west-1.console.aws.amazon.com/codesuite/codedeploy/deployments/d-NEW?region=eu-west-1',
  );
  expect(log.plain).toContain('[i-1] ValidateService Succeeded in 2s');
  expect(a.outputs).toEqual({
    'deployment-id': 'd-NEW',
    status: 'Succeeded',
    'failed-targets': '[]',
    'rollback-deployment-id': '',
  });
  expect(a.state).toEqual({
    isPost: 'true',
    followed: JSON.stringify({ id: 'd-NEW', rollback: true }),
    settled: 'true',
  });
  expect(a.summary).toContain('## CodeDeploy app / prod: ✅ Succeeded');
});

test('an invalid appspec: annotations on its lines, and nothing is uploaded or deployed', async () => {
  const a = setup({ application: 'web', 'deployment-group': 'prod', folder: 'broken', bucket: 'bundles' });
  await a.run();
  expect(a.code).toBe(1);
  expect(splitWorkflowLog(a.stdout()).commands).toEqual([
    '::error file=broken/appspec.yml,line=5,col=7,title=hooks.ValidateService::script "missing.sh" is not in the bundle (broken/missing.sh does not exist): ValidateService would fail with ScriptMissing',
    '::error::broken/appspec.yml has 1 error; no deployment was created',
  ]);
  expect(a.uploads).toEqual([]);
  expect(a.deploy.mock.commandCalls(CreateDeploymentCommand)).toEqual([]);
});

test('every appspec problem in one pass: the os error and the missing script annotated together', async () => {
  const a = setup({ application: 'web', 'deployment-group': 'prod', folder: 'worse', bucket: 'bundles' });
  await a.run();
  expect(a.errors.at(-1)).toBe('worse/appspec.yml has 2 errors; no deployment was created');
  const commands = splitWorkflowLog(a.stdout()).commands;
  expect(commands).toHaveLength(3);
  expect(commands[0]).toMatch(/^::error file=worse\/appspec\.yml,line=2,col=5,title=os::must be linux or windows/);
  expect(commands[1]).toMatch(
    /^::error file=worse\/appspec\.yml,line=5,col=7,title=hooks\.ValidateService::script "missing\.sh"/,
  );
  expect(a.uploads).toEqual([]);
  expect(a.deploy.mock.commandCalls(CreateDeploymentCommand)).toEqual([]);
});

test('a failing ValidateService: an error annotation on the script, the step fails with the hook', async () => {
  const failing = events((name, i) => (name === 'ValidateService' ? 'Failed' : i < 6 ? 'Succeeded' : 'Skipped')).map(
    ([n, s]) =>
      (n === 'ValidateService'
        ? [
            n,
            s,
            {
              errorCode: 'ScriptFailed',
              scriptName: 'scripts/validate.sh',
              message: 'exit code 22',
              logTail: 'curl: (22) 503',
            },
          ]
        : [n, s]) as [string, string],
  );
  const a = setup({ application: 'web', 'deployment-group': 'prod', folder: 'deploy', bucket: 'bundles' }, [
    { status: 'Failed', targets: [instance('i-7', 'Failed', failing)] },
  ]);
  await a.run();
  expect(a.code).toBe(1);
  expect(splitWorkflowLog(a.stdout()).commands.filter((c) => c.startsWith('::error'))).toEqual([
    '::error file=deploy/scripts/validate.sh,title=ValidateService failed on i-7::ScriptFailed in scripts/validate.sh%0Aexit code 22%0A%0AEnd of the script output:%0Acurl: (22) 503',
    '::error::deployment d-NEW Failed: ValidateService failed on i-7 (ScriptFailed)',
  ]);
  expect(JSON.parse(a.outputs['failed-targets'] ?? '')).toEqual([
    expect.objectContaining({ targetId: 'i-7', lifecycleEvent: 'ValidateService', errorCode: 'ScriptFailed' }),
  ]);
});

test('a GitHub revision: repository and the full commit; a short commit is refused before any call', async () => {
  const a = setup({ application: 'web', 'deployment-group': 'prod', 'github-repository': 'octo/web' }, OK_STEPS);
  await a.run();
  expect(a.deploy.mock.commandCalls(CreateDeploymentCommand)[0]?.args[0].input.revision).toEqual({
    revisionType: 'GitHub',
    gitHubLocation: { repository: 'octo/web', commitId: SHA },
  });
  const b = setup({
    application: 'web',
    'deployment-group': 'prod',
    'github-repository': 'octo/web',
    commit: 'abc123',
  });
  await b.run();
  expect(b.code).toBe(1);
  expect(b.errors).toEqual([
    'input "commit": CodeDeploy needs the full 40-character commit id of a GitHub revision; got "abc123"',
  ]);
  expect(b.deploy.mock.commandCalls(CreateDeploymentCommand)).toEqual([]);
});

test('inputs: a source is required; deployment-id attaches', async () => {
  const a = setup({ application: 'web', 'deployment-group': 'prod' });
  await a.run();
  expect(a.code).toBe(1);
  expect(a.errors).toEqual([
    'give input "folder" and input "bucket" (a folder with appspec.yml, zipped and uploaded to S3), input "github-repository" (a GitHub revision), or input "deployment-id"',
  ]);
  const b = setup({ 'deployment-id': 'd-NEW' }, OK_STEPS);
  await b.run();
  expect(b.errors).toEqual([]);
  expect(b.code).toBe(0);
  expect(b.outputs.status).toBe('Succeeded');
  expect(b.deploy.mock.commandCalls(CreateDeploymentCommand)).toEqual([]);
});
