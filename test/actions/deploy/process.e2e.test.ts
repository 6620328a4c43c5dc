/**
 * The deploy action as GitHub runs it: its own process (src/actions/deploy/index.ts under tsx) with INPUT_* variables
 * and the runner's files; SIGTERM stops the deployment it follows (StopDeployment, rolling back).
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CodeDeployClient, CreateApplicationCommand, CreateDeploymentGroupCommand } from '@aws-sdk/client-codedeploy';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../../harness/aws/server.js';
import { awsEnv } from '../../codebuild/emulator-support.js';
import { clientConfig } from '../../emulator/helpers.js';
import { actionEntry, startActionProcess } from '../../support/action-process.js';

let emulator: Emulator;
let work: string;

beforeAll(async () => {
  emulator = await startEmulator();
  const s3 = new S3Client({ ...clientConfig(emulator), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'bundles' }));
  s3.destroy();
  const cd = new CodeDeployClient(clientConfig(emulator));
  await cd.send(new CreateApplicationCommand({ applicationName: 'web' }));
  await cd.send(
    new CreateDeploymentGroupCommand({
      applicationName: 'web',
      deploymentGroupName: 'prod',
      serviceRoleArn: 'arn:aws:iam::000000000000:role/codedeploy',
      onPremisesInstanceTagFilters: [{ Key: 'env', Value: 'prod', Type: 'KEY_AND_VALUE' }],
    }),
  );
  cd.destroy();
  emulator.state.codedeploy.registerInstance('web-1', { tags: { env: 'prod' } });
  work = mkdtempSync(path.join(tmpdir(), 'aws-cicd-deploy-process-'));
  mkdirSync(path.join(work, 'deploy/scripts'), { recursive: true });
  writeFileSync(
    path.join(work, 'deploy/appspec.yml'),
    'version: 0.0\nos: linux\nhooks:\n  ValidateService:\n    - location: scripts/validate.sh\n',
  );
  writeFileSync(path.join(work, 'deploy/scripts/validate.sh'), '#!/bin/sh\necho validating\nsleep 10\n', {
    mode: 0o755,
  });
});

afterAll(async () => {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
});

test('SIGTERM stops the deployment (StopDeployment) and fails the step', async () => {
  const step = startActionProcess(actionEntry('deploy'), {
    inputs: { application: 'web', 'deployment-group': 'prod', folder: 'deploy', bucket: 'bundles' },
    cwd: work,
    under: work,
    env: { ...awsEnv(emulator), GITHUB_WORKSPACE: work, GITHUB_SHA: 'a'.repeat(40) },
  });
  const text = (): string => step.log();
  for (let i = 0; i < 1200 && !text().includes('[web-1] AfterInstall Succeeded'); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const id = /Created deployment (d-[A-Z0-9]+)/.exec(text())?.[1] ?? '';
  expect(id).not.toBe('');
  step.child.kill('SIGTERM');
  expect(await step.exit).toBe(1);
  expect(text()).toContain(`Cancelled: stopping deployment ${id} (updated targets roll back)`);
  expect(text()).toMatch(
    new RegExp(`::error::the run was cancelled, so the deployment was stopped: deployment ${id} `),
  );
  await emulator.state.codedeploy.deployment(id)?.done;
  expect(emulator.state.codedeploy.deployment(id)?.status).toBe('Stopped');
  expect(step.state()).toMatchObject({ isPost: 'true' });
}, 60_000);
