/** CodeCommit's control plane as the mirror uses it: find, create with description / tags / KMS key, errors. */
import {
  CodeCommitClient,
  CreateRepositoryCommand,
  GetRepositoryCommand,
  RepositoryDoesNotExistException,
  RepositoryNameExistsException,
} from '@aws-sdk/client-codecommit';
import { mockClient } from 'aws-sdk-client-mock';
import { createCodeCommitClient, ensureRepository, getRepository } from '../../src/aws/codecommit.js';
import { FAKE_CREDENTIALS, serviceError } from './fake-aws.js';

const client = new CodeCommitClient({ region: 'eu-west-1', credentials: FAKE_CREDENTIALS });
const cc = mockClient(client);
beforeEach(() => cc.reset());

const META = { repositoryName: 'app', cloneUrlHttp: 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/app' };
const missing = () => new RepositoryDoesNotExistException({ message: 'app does not exist', $metadata: {} });

test('an existing repository is found, nothing is created', async () => {
  cc.on(GetRepositoryCommand).resolves({ repositoryMetadata: META });
  expect(await ensureRepository(client, { name: 'app' }, 'eu-west-1', true)).toEqual({
    metadata: META,
    created: false,
  });
  expect(cc.commandCalls(CreateRepositoryCommand)).toHaveLength(0);
});

test('missing without create: a user error naming the repository and the region', async () => {
  cc.on(GetRepositoryCommand).rejects(missing());
  await expect(ensureRepository(client, { name: 'app' }, 'eu-west-1', false)).rejects.toThrow(
    'CodeCommit repository "app" does not exist in eu-west-1; create it, check the region, or set create-repository: true',
  );
  expect(await getRepository(client, 'app', 'eu-west-1')).toBeUndefined();
});

test('missing with create: CreateRepository with the description, tags and KMS key', async () => {
  cc.on(GetRepositoryCommand).rejects(missing());
  cc.on(CreateRepositoryCommand).resolves({ repositoryMetadata: META });
  const out = await ensureRepository(
    client,
    {
      name: 'app',
      description: 'Mirror of octo/app',
      tags: { team: 'ci', 'cost center': '42' },
      kmsKeyId: 'alias/code',
    },
    'eu-west-1',
    true,
  );
  expect(out).toEqual({ metadata: META, created: true });
  expect(cc.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({
    repositoryName: 'app',
    repositoryDescription: 'Mirror of octo/app',
    tags: { team: 'ci', 'cost center': '42' },
    kmsKeyId: 'alias/code',
  });
});

test('no tags, no description: CreateRepository carries the name only', async () => {
  cc.on(GetRepositoryCommand).rejects(missing());
  cc.on(CreateRepositoryCommand).resolves({ repositoryMetadata: META });
  await ensureRepository(client, { name: 'app', tags: {} }, 'eu-west-1', true);
  expect(cc.commandCalls(CreateRepositoryCommand)[0]?.args[0].input).toEqual({ repositoryName: 'app' });
});

test('created meanwhile by another job: the existing one is used', async () => {
  cc.on(GetRepositoryCommand).rejectsOnce(missing()).resolves({ repositoryMetadata: META });
  cc.on(CreateRepositoryCommand).rejects(
    new RepositoryNameExistsException({ message: 'Repository named app already exists', $metadata: {} }),
  );
  expect(await ensureRepository(client, { name: 'app' }, 'eu-west-1', true)).toEqual({
    metadata: META,
    created: false,
  });
});

test('access denied and KMS errors say what failed', async () => {
  cc.on(GetRepositoryCommand).rejects(
    serviceError(
      'AccessDeniedException',
      'User: arn:aws:sts::1:assumed-role/ci/x is not authorized to perform: codecommit:GetRepository on resource: arn:aws:codecommit:eu-west-1:1:app',
      403,
    ),
  );
  await expect(getRepository(client, 'app', 'eu-west-1')).rejects.toThrow(
    'cannot read CodeCommit repository "app" in eu-west-1: missing IAM permission codecommit:GetRepository on arn:aws:codecommit:eu-west-1:1:app',
  );
  cc.reset();
  cc.on(GetRepositoryCommand).rejects(missing());
  cc.on(CreateRepositoryCommand).rejects(
    serviceError('EncryptionKeyNotFoundException', 'No encryption key was found.'),
  );
  await expect(ensureRepository(client, { name: 'app', kmsKeyId: 'alias/nope' }, 'eu-west-1', true)).rejects.toThrow(
    'cannot create CodeCommit repository "app" in eu-west-1: not found (EncryptionKeyNotFoundException: No encryption key was found.)',
  );
});

test('the client takes its credentials from the given environment', async () => {
  const c = createCodeCommitClient({
    region: 'eu-west-1',
    env: { AWS_ACCESS_KEY_ID: 'AK', AWS_SECRET_ACCESS_KEY: 'S' },
  });
  expect(await c.config.credentials()).toMatchObject({ accessKeyId: 'AK', secretAccessKey: 'S' });
  c.destroy();
});
