/** Amazon ECR through the real SDK client: repositories, authorization tokens, lifecycle and repository policies. */
import {
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, rejectionOf } from './helpers.js';

let emulator: Emulator;
let client: ECRClient;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new ECRClient(clientConfig(emulator, { maxAttempts: 1 }));
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const HOST = '000000000000.dkr.ecr.us-east-1.amazonaws.com';
const LIFECYCLE = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      description: 'keep ten',
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 10 },
      action: { type: 'expire' },
    },
  ],
});
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage'] }],
});

test('CreateRepository answers the repository with AWS defaults', async () => {
  const { repository } = await client.send(new CreateRepositoryCommand({ repositoryName: 'team/app' }));
  expect(repository).toEqual({
    repositoryArn: 'arn:aws:ecr:us-east-1:000000000000:repository/team/app',
    registryId: '000000000000',
    repositoryName: 'team/app',
    repositoryUri: `${HOST}/team/app`,
    createdAt: expect.any(Date),
    imageTagMutability: 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: false },
    encryptionConfiguration: { encryptionType: 'AES256' },
  });
});

test('CreateRepository keeps mutability, scanning and KMS encryption (default key: the aws/ecr managed key)', async () => {
  const { repository } = await client.send(
    new CreateRepositoryCommand({
      repositoryName: 'locked',
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      encryptionConfiguration: { encryptionType: 'KMS' },
    }),
  );
  expect(repository).toMatchObject({
    imageTagMutability: 'IMMUTABLE',
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfiguration: {
      encryptionType: 'KMS',
      kmsKey: expect.stringMatching(/^arn:aws:kms:us-east-1:000000000000:key\/[0-9a-f-]{36}$/),
    },
  });
  const key = 'arn:aws:kms:us-east-1:000000000000:key/my-key';
  const own = await client.send(
    new CreateRepositoryCommand({
      repositoryName: 'own-key',
      encryptionConfiguration: { encryptionType: 'KMS', kmsKey: key },
    }),
  );
  expect(own.repository?.encryptionConfiguration).toEqual({ encryptionType: 'KMS', kmsKey: key });
});

test('an AES256 repository with a KMS key is InvalidParameterException', async () => {
  const err = await rejectionOf(
    client.send(
      new CreateRepositoryCommand({
        repositoryName: 'aes-key',
        encryptionConfiguration: { encryptionType: 'AES256', kmsKey: 'k' },
      }),
    ),
  );
  expect(err.name).toBe('InvalidParameterException');
});

test('creating an existing repository is RepositoryAlreadyExistsException', async () => {
  await client.send(new CreateRepositoryCommand({ repositoryName: 'twice' }));
  const err = await rejectionOf(client.send(new CreateRepositoryCommand({ repositoryName: 'twice' })));
  expect(err.name).toBe('RepositoryAlreadyExistsException');
  expect(err.message).toBe("The repository with name 'twice' already exists in the registry with id '000000000000'");
  expect(err.$metadata?.httpStatusCode).toBe(400);
});

test.each(['Upper', 'a', 'trailing-', '-lead', 'a//b', 'x/', 'sp ace', 'a'.repeat(257)])(
  'repository name %j is InvalidParameterException',
  async (repositoryName) => {
    const err = await rejectionOf(client.send(new CreateRepositoryCommand({ repositoryName })));
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toMatch(/^Invalid parameter at 'repositoryName' failed to satisfy constraint: /);
  },
);

test.each(['ab', 'a.b_c-d/e', 'ns/sub/name', 'a__b', 'a--b'])('repository name %j is accepted', async (name) => {
  const { repository } = await client.send(new CreateRepositoryCommand({ repositoryName: name }));
  expect(repository?.repositoryName).toBe(name);
});

test('a bad imageTagMutability fails model validation', async () => {
  const err = await rejectionOf(
    client.send(new CreateRepositoryCommand({ repositoryName: 'enum', imageTagMutability: 'SOMETIMES' as 'MUTABLE' })),
  );
  expect(err.name).toBe('ValidationException');
  expect(err.message).toContain("at 'imageTagMutability' failed to satisfy constraint: Member must satisfy enum");
});

test('DescribeRepositories by name, all, and paginated', async () => {
  const named = await client.send(new DescribeRepositoriesCommand({ repositoryNames: ['locked', 'team/app'] }));
  expect(named.repositories?.map((r) => r.repositoryName)).toEqual(['locked', 'team/app']);
  expect(named.repositories?.[0]?.repositoryUri).toBe(`${HOST}/locked`);
  const all = await client.send(new DescribeRepositoriesCommand({ registryId: '000000000000' }));
  const names = all.repositories?.map((r) => r.repositoryName) ?? [];
  expect(names).toEqual(expect.arrayContaining(['team/app', 'locked', 'own-key', 'twice']));
  expect(all.nextToken).toBeUndefined();
  const first = await client.send(new DescribeRepositoriesCommand({ maxResults: 2 }));
  expect(first.repositories).toHaveLength(2);
  const rest = await client.send(new DescribeRepositoriesCommand({ maxResults: 1000, nextToken: first.nextToken }));
  expect([...(first.repositories ?? []), ...(rest.repositories ?? [])].map((r) => r.repositoryName)).toEqual(names);
});

test('DescribeRepositories of a missing repository is RepositoryNotFoundException', async () => {
  const err = await rejectionOf(
    client.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/app', 'nope'] })),
  );
  expect(err.name).toBe('RepositoryNotFoundException');
  expect(err.message).toBe("The repository with name 'nope' does not exist in the registry with id '000000000000'");
});

test('DescribeRepositories of a bad name is InvalidParameterException', async () => {
  const err = await rejectionOf(client.send(new DescribeRepositoriesCommand({ repositoryNames: ['Bad'] })));
  expect(err.name).toBe('InvalidParameterException');
});

test('DescribeRepositories rejects maxResults with repositoryNames', async () => {
  const err = await rejectionOf(
    client.send(new DescribeRepositoriesCommand({ repositoryNames: ['locked'], maxResults: 5 })),
  );
  expect(err.name).toBe('InvalidParameterException');
});

test('DeleteRepository answers the deleted repository; deleting again is RepositoryNotFoundException', async () => {
  await client.send(new CreateRepositoryCommand({ repositoryName: 'doomed' }));
  const { repository } = await client.send(new DeleteRepositoryCommand({ repositoryName: 'doomed', force: true }));
  expect(repository).toMatchObject({ repositoryName: 'doomed', repositoryUri: `${HOST}/doomed` });
  const again = await rejectionOf(client.send(new DeleteRepositoryCommand({ repositoryName: 'doomed' })));
  expect(again.name).toBe('RepositoryNotFoundException');
  expect(again.message).toBe("The repository with name 'doomed' does not exist in the registry with id '000000000000'");
});

test('GetAuthorizationToken: base64 AWS:<password>, 12 hours, the registry endpoint', async () => {
  const before = Date.now();
  const { authorizationData } = await client.send(new GetAuthorizationTokenCommand({}));
  expect(authorizationData).toHaveLength(1);
  const [data] = authorizationData ?? [];
  expect(data?.proxyEndpoint).toBe(`https://${HOST}`);
  const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
  const password = emulator.state.ecr.password();
  expect(password.length).toBeGreaterThanOrEqual(32);
  expect(decoded).toBe(`AWS:${password}`);
  const expires = data?.expiresAt?.getTime() ?? 0;
  expect(expires).toBeGreaterThanOrEqual(before + 12 * 3600_000 - 1000);
  expect(expires).toBeLessThanOrEqual(Date.now() + 12 * 3600_000 + 1000);
});

test('each emulator has its own registry password', async () => {
  const other = await startEmulator();
  try {
    expect(other.state.ecr.password()).not.toBe(emulator.state.ecr.password());
  } finally {
    await other.close();
  }
});

test('lifecycle policy: LifecyclePolicyNotFoundException, then put and get', async () => {
  const missing = await rejectionOf(client.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/app' })));
  expect(missing.name).toBe('LifecyclePolicyNotFoundException');
  expect(missing.message).toBe(
    "Lifecycle policy does not exist for the repository with name 'team/app' in the registry with id '000000000000'",
  );
  const put = await client.send(
    new PutLifecyclePolicyCommand({ repositoryName: 'team/app', lifecyclePolicyText: LIFECYCLE }),
  );
  expect(put).toMatchObject({ registryId: '000000000000', repositoryName: 'team/app', lifecyclePolicyText: LIFECYCLE });
  const got = await client.send(new GetLifecyclePolicyCommand({ repositoryName: 'team/app' }));
  expect(got).toMatchObject({ registryId: '000000000000', repositoryName: 'team/app', lifecyclePolicyText: LIFECYCLE });
  expect(got.lastEvaluatedAt).toBeUndefined(); // never run: there are no images
});

test('lifecycle policy errors: missing repository, not a policy', async () => {
  const noRepo = await rejectionOf(
    client.send(new PutLifecyclePolicyCommand({ repositoryName: 'nope', lifecyclePolicyText: LIFECYCLE })),
  );
  expect(noRepo.name).toBe('RepositoryNotFoundException');
  const getNoRepo = await rejectionOf(client.send(new GetLifecyclePolicyCommand({ repositoryName: 'nope' })));
  expect(getNoRepo.name).toBe('RepositoryNotFoundException');
  const bad = await rejectionOf(
    client.send(
      new PutLifecyclePolicyCommand({ repositoryName: 'locked', lifecyclePolicyText: `{${' '.repeat(100)}not json` }),
    ),
  );
  expect(bad.name).toBe('InvalidParameterException');
});

test('repository policy: RepositoryPolicyNotFoundException, then set and get', async () => {
  const missing = await rejectionOf(client.send(new GetRepositoryPolicyCommand({ repositoryName: 'locked' })));
  expect(missing.name).toBe('RepositoryPolicyNotFoundException');
  expect(missing.message).toBe(
    "Repository policy does not exist for the repository with name 'locked' in the registry with id '000000000000'",
  );
  const set = await client.send(new SetRepositoryPolicyCommand({ repositoryName: 'locked', policyText: POLICY }));
  expect(set).toMatchObject({ registryId: '000000000000', repositoryName: 'locked', policyText: POLICY });
  const got = await client.send(new GetRepositoryPolicyCommand({ repositoryName: 'locked' }));
  expect(got).toMatchObject({ registryId: '000000000000', repositoryName: 'locked', policyText: POLICY });
});

test('repository policy errors: not JSON, missing repository', async () => {
  const bad = await rejectionOf(
    client.send(new SetRepositoryPolicyCommand({ repositoryName: 'locked', policyText: 'not json' })),
  );
  expect(bad.name).toBe('InvalidParameterException');
  const noRepo = await rejectionOf(
    client.send(new SetRepositoryPolicyCommand({ repositoryName: 'nope', policyText: POLICY })),
  );
  expect(noRepo.name).toBe('RepositoryNotFoundException');
  const getNoRepo = await rejectionOf(client.send(new GetRepositoryPolicyCommand({ repositoryName: 'nope' })));
  expect(getNoRepo.name).toBe('RepositoryNotFoundException');
});

test('deleting a repository drops its policies', async () => {
  await client.send(new CreateRepositoryCommand({ repositoryName: 'reborn' }));
  await client.send(new SetRepositoryPolicyCommand({ repositoryName: 'reborn', policyText: POLICY }));
  await client.send(new PutLifecyclePolicyCommand({ repositoryName: 'reborn', lifecyclePolicyText: LIFECYCLE }));
  await client.send(new DeleteRepositoryCommand({ repositoryName: 'reborn' }));
  await client.send(new CreateRepositoryCommand({ repositoryName: 'reborn' }));
  expect((await rejectionOf(client.send(new GetRepositoryPolicyCommand({ repositoryName: 'reborn' })))).name).toBe(
    'RepositoryPolicyNotFoundException',
  );
  expect((await rejectionOf(client.send(new GetLifecyclePolicyCommand({ repositoryName: 'reborn' })))).name).toBe(
    'LifecyclePolicyNotFoundException',
  );
});

test('operations ECR has but the emulator lacks answer NotImplementedByEmulator', async () => {
  const { ListImagesCommand } = await import('@aws-sdk/client-ecr');
  const err = await rejectionOf(client.send(new ListImagesCommand({ repositoryName: 'locked' })));
  expect(err.name).toBe('NotImplementedByEmulator');
  expect(err.$metadata?.httpStatusCode).toBe(501);
});
