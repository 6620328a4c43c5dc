/** ECR calls: logins decoded, missing repositories and policies as undefined, errors worded for the user. */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  GetRepositoryPolicyCommand,
  PutLifecyclePolicyCommand,
} from '@aws-sdk/client-ecr';
import { BatchGetProjectsCommand, CodeBuildClient, UpdateProjectCommand } from '@aws-sdk/client-codebuild';
import { mockClient } from 'aws-sdk-client-mock';
import { codeBuildProjectApi } from '../../src/aws/codebuild.js';
import { decodeAuthorizationToken, ecrApi } from '../../src/aws/ecr.js';
import { UserError } from '../../src/core/errors.js';
import { FAKE_CREDENTIALS, serviceError } from './fake-aws.js';

const client = new ECRClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const mock = mockClient(client);
const api = ecrApi(client);

beforeEach(() => mock.reset());

test('GetAuthorizationToken: user and password decoded (a password may hold colons), for the asked registry', async () => {
  mock.on(GetAuthorizationTokenCommand).resolves({
    authorizationData: [
      {
        authorizationToken: Buffer.from('AWS:pa:ss=word').toString('base64'),
        proxyEndpoint: 'https://111122223333.dkr.ecr.eu-west-1.amazonaws.com',
        expiresAt: new Date(0),
      },
    ],
  });
  expect(await api.getLogin('111122223333')).toEqual({
    username: 'AWS',
    password: 'pa:ss=word',
    proxyEndpoint: 'https://111122223333.dkr.ecr.eu-west-1.amazonaws.com',
    expiresAt: new Date(0),
  });
  expect(mock.commandCalls(GetAuthorizationTokenCommand)[0]?.args[0].input).toEqual({ registryIds: ['111122223333'] });
  await api.getLogin();
  expect(mock.commandCalls(GetAuthorizationTokenCommand)[1]?.args[0].input).toEqual({});
  expect(() => decodeAuthorizationToken(Buffer.from('no-colon').toString('base64'))).toThrow('not "user:password"');
});

test('DescribeRepositories: a missing repository is undefined, other failures name the permission', async () => {
  mock
    .on(DescribeRepositoriesCommand)
    .rejectsOnce(serviceError('RepositoryNotFoundException', "The repository with name 'app' does not exist"));
  expect(await api.describeRepository('app')).toBeUndefined();
  mock
    .on(DescribeRepositoriesCommand)
    .rejects(
      serviceError(
        'AccessDeniedException',
        'User: arn:aws:sts::1:assumed-role/ci/s is not authorized to perform: ecr:DescribeRepositories on resource: arn:aws:ecr:us-east-1:1:repository/app',
        400,
      ),
    );
  const denied = await api.describeRepository('app').catch((e: unknown) => e);
  expect(denied).toBeInstanceOf(UserError);
  expect((denied as Error).message).toContain(
    'DescribeRepositories app: missing IAM permission ecr:DescribeRepositories on arn:aws:ecr:us-east-1:1:repository/app',
  );
});

test('CreateRepository sends mutability, scanning and encryption; a missing policy is undefined', async () => {
  mock.on(CreateRepositoryCommand).resolves({ repository: { repositoryName: 'app', repositoryUri: 'x/app' } });
  await api.createRepository({
    repositoryName: 'app',
    registryId: '111122223333',
    imageTagMutability: 'IMMUTABLE',
    encryptionType: 'KMS',
    kmsKey: 'alias/ecr',
    scanOnPush: true,
  });
  expect(mock.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
    repositoryName: 'app',
    registryId: '111122223333',
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'alias/ecr' },
  });
  mock.on(GetRepositoryPolicyCommand).rejects(serviceError('RepositoryPolicyNotFoundException', 'none'));
  expect(await api.getRepositoryPolicy('app')).toBeUndefined();
  mock.on(PutLifecyclePolicyCommand).rejects(serviceError('RepositoryNotFoundException', 'gone'));
  await expect(api.putLifecyclePolicy('app', '{}')).rejects.toThrow(
    'ECR repository app not found (gone); check repository, registry-id and the region',
  );
});

test('throttling that outlived the retries is passed on as it is (not a UserError)', async () => {
  mock.on(DescribeRepositoriesCommand).rejects(serviceError('ThrottlingException', 'Rate exceeded', 400));
  const error = await api.describeRepository('app').catch((e: unknown) => e);
  expect(error).not.toBeInstanceOf(UserError);
  expect((error as Error).name).toBe('ThrottlingException');
});

describe('CodeBuild projects', () => {
  const cb = new CodeBuildClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
  const cbMock = mockClient(cb);
  const projects = codeBuildProjectApi(cb);
  beforeEach(() => cbMock.reset());

  test('getProject answers the project or undefined; UpdateProject errors name the project', async () => {
    cbMock
      .on(BatchGetProjectsCommand)
      .resolvesOnce({ projects: [{ name: 'app' }] })
      .resolvesOnce({ projects: [] });
    expect(await projects.getProject('app')).toEqual({ name: 'app' });
    expect(await projects.getProject('gone')).toBeUndefined();
    cbMock.on(UpdateProjectCommand).rejects(serviceError('InvalidInputException', 'Invalid image'));
    await expect(projects.updateProject({ name: 'app' })).rejects.toThrow(
      'UpdateProject app: CodeBuild refused the request (InvalidInputException: Invalid image)',
    );
  });
});
