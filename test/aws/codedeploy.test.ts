/** CodeDeploy calls: paging, errors worded for the user, the deployment's state answers passed through. */
import {
  CodeDeployClient,
  CreateDeploymentCommand,
  GetDeploymentCommand,
  ListDeploymentTargetsCommand,
  StopDeploymentCommand,
} from '@aws-sdk/client-codedeploy';
import { mockClient } from 'aws-sdk-client-mock';
import { codeDeployApi } from '../../src/aws/codedeploy.js';
import { UserError } from '../../src/core/errors.js';
import { stopDeployment } from '../../src/deploy/stop.js';
import { FAKE_CREDENTIALS, serviceError } from './fake-aws.js';

const client = new CodeDeployClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const mock = mockClient(client);
const api = codeDeployApi(client);

beforeEach(() => mock.reset());

test('ListDeploymentTargets: every page', async () => {
  mock
    .on(ListDeploymentTargetsCommand)
    .resolvesOnce({ targetIds: ['i-1', 'i-2'], nextToken: 't' })
    .resolvesOnce({ targetIds: ['i-3'] });
  expect(await api.listDeploymentTargets('d-1')).toEqual(['i-1', 'i-2', 'i-3']);
  expect(mock.commandCalls(ListDeploymentTargetsCommand)[1]?.args[0].input).toEqual({
    deploymentId: 'd-1',
    nextToken: 't',
  });
});

test('CreateDeployment errors name the application, the group or the permission', async () => {
  const input = { applicationName: 'web', deploymentGroupName: 'prod' };
  mock
    .on(CreateDeploymentCommand)
    .rejects(serviceError('ApplicationDoesNotExistException', 'No application found for name: web'));
  await expect(api.createDeployment(input)).rejects.toThrow(
    'CodeDeploy application "web" not found (No application found for name: web); check the name and the AWS region',
  );
  mock
    .on(CreateDeploymentCommand)
    .rejects(serviceError('DeploymentGroupDoesNotExistException', 'No Deployment Group found'));
  await expect(api.createDeployment(input)).rejects.toThrow(
    'CodeDeploy deployment group "prod" of application "web" not found',
  );
  mock
    .on(CreateDeploymentCommand)
    .rejects(
      serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::1:assumed-role/ci/s is not authorized to perform: codedeploy:CreateDeployment on resource: arn:aws:codedeploy:us-east-1:1:deploymentgroup:web/prod',
        400,
      ),
    );
  const denied = await api.createDeployment(input).catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(UserError);
  expect((denied as Error).message).toContain(
    'missing IAM permission codedeploy:CreateDeployment on arn:aws:codedeploy:us-east-1:1:deploymentgroup:web/prod',
  );
});

test('the deployment has not started yet: passed through for the follower to read', async () => {
  mock.on(ListDeploymentTargetsCommand).rejects(serviceError('DeploymentNotStartedException', 'not started'));
  const error = await api.listDeploymentTargets('d-1').catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(UserError);
  expect((error as Error).name).toBe('DeploymentNotStartedException');
});

test('a missing deployment', async () => {
  mock
    .on(GetDeploymentCommand)
    .rejects(serviceError('DeploymentDoesNotExistException', 'Deployment d-X does not exist'));
  await expect(api.getDeployment('d-X')).rejects.toThrow('CodeDeploy deployment d-X not found');
});

test('StopDeployment: with or without rollback; an already completed deployment is not stopped', async () => {
  mock.on(StopDeploymentCommand).resolves({ status: 'Pending', statusMessage: 'Stopping' });
  expect(await stopDeployment(api, 'd-1', true)).toEqual({ stopped: true, note: 'Stopping' });
  expect(mock.commandCalls(StopDeploymentCommand)[0]?.args[0].input).toEqual({
    deploymentId: 'd-1',
    autoRollbackEnabled: true,
  });
  mock.on(StopDeploymentCommand).rejects(serviceError('DeploymentAlreadyCompletedException', 'done'));
  expect(await stopDeployment(api, 'd-1', false)).toEqual({ stopped: false, reason: 'it had already completed' });
});
