/** CodeCommit through the real SDK client: repositories are bare git repositories owned by the emulator. */
import {
  CodeCommitClient,
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  GetRepositoryCommand,
  ListRepositoriesCommand,
} from '@aws-sdk/client-codecommit';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, rejectionOf } from './helpers.js';

let emulator: Emulator;
let client: CodeCommitClient;

beforeAll(async () => {
  emulator = await startEmulator();
  client = new CodeCommitClient(clientConfig(emulator, { maxAttempts: 1 }));
});
afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('CreateRepository answers the repository metadata and makes a bare repository', async () => {
  const { repositoryMetadata: meta } = await client.send(
    new CreateRepositoryCommand({ repositoryName: 'app', repositoryDescription: 'the app' }),
  );
  expect(meta).toEqual({
    accountId: '000000000000',
    repositoryId: expect.stringMatching(UUID),
    repositoryName: 'app',
    repositoryDescription: 'the app',
    lastModifiedDate: expect.any(Date),
    creationDate: expect.any(Date),
    cloneUrlHttp: 'https://git-codecommit.us-east-1.amazonaws.com/v1/repos/app',
    cloneUrlSsh: 'ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/app',
    Arn: 'arn:aws:codecommit:us-east-1:000000000000:app',
  });
  const path = emulator.state.codecommit.path('app');
  expect(execFileSync('git', ['-C', path, 'rev-parse', '--is-bare-repository'], { encoding: 'utf8' }).trim()).toBe(
    'true',
  );
});

test('GetRepository reports the default branch once a branch is pushed', async () => {
  await client.send(new CreateRepositoryCommand({ repositoryName: 'pushed' }));
  const before = await client.send(new GetRepositoryCommand({ repositoryName: 'pushed' }));
  expect(before.repositoryMetadata?.defaultBranch).toBeUndefined();
  const work = mkdtempSync(join(tmpdir(), 'emu-cc-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'trunk');
  git('commit', '-q', '--allow-empty', '-m', 'one');
  git('push', '-q', emulator.state.codecommit.path('pushed'), 'trunk');
  rmSync(work, { recursive: true, force: true });
  const after = await client.send(new GetRepositoryCommand({ repositoryName: 'pushed' }));
  expect(after.repositoryMetadata).toMatchObject({ repositoryName: 'pushed', defaultBranch: 'trunk' });
});

test('the default branch stays while it exists, loose or packed, and moves on once it is deleted', async () => {
  await client.send(new CreateRepositoryCommand({ repositoryName: 'kept' }));
  const bare = emulator.state.codecommit.path('kept');
  const work = mkdtempSync(join(tmpdir(), 'emu-cc-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', work, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { encoding: 'utf8' });
  const defaultBranch = async () =>
    (await client.send(new GetRepositoryCommand({ repositoryName: 'kept' }))).repositoryMetadata?.defaultBranch;
  try {
    git('init', '-q', '-b', 'dev');
    git('commit', '-q', '--allow-empty', '-m', 'one');
    git('push', '-q', bare, 'dev');
    expect(await defaultBranch()).toBe('dev');
    git('push', '-q', bare, 'dev:main');
    expect(await defaultBranch()).toBe('dev');
    execFileSync('git', ['-C', bare, 'pack-refs', '--all']);
    expect(existsSync(join(bare, 'refs/heads/dev'))).toBe(false);
    expect(await defaultBranch()).toBe('dev');
    execFileSync('git', ['-C', bare, 'update-ref', '-d', 'refs/heads/dev']);
    expect(await defaultBranch()).toBe('main');
  } finally {
    rmSync(work, { recursive: true, force: true });
    await client.send(new DeleteRepositoryCommand({ repositoryName: 'kept' }));
  }
});

test('ListRepositories lists names and ids, sorted and ordered', async () => {
  await client.send(new CreateRepositoryCommand({ repositoryName: 'zeta' }));
  const { repositories } = await client.send(new ListRepositoriesCommand({}));
  expect(repositories?.map((r) => r.repositoryName)).toEqual(['app', 'pushed', 'zeta']);
  expect(repositories?.[0]?.repositoryId).toMatch(UUID);
  const desc = await client.send(new ListRepositoriesCommand({ sortBy: 'repositoryName', order: 'descending' }));
  expect(desc.repositories?.map((r) => r.repositoryName)).toEqual(['zeta', 'pushed', 'app']);
  expect(desc.nextToken).toBeUndefined();
});

test('a bad sortBy, order or nextToken is its own CodeCommit error', async () => {
  const sort = await rejectionOf(client.send(new ListRepositoriesCommand({ sortBy: 'size' as 'repositoryName' })));
  expect(sort.name).toBe('InvalidSortByException');
  const order = await rejectionOf(client.send(new ListRepositoriesCommand({ order: 'up' as 'ascending' })));
  expect(order.name).toBe('InvalidOrderException');
  const token = await rejectionOf(client.send(new ListRepositoriesCommand({ nextToken: 'forged' })));
  expect(token.name).toBe('InvalidContinuationTokenException');
});

test('DeleteRepository removes the repository and its directory; again it answers no id', async () => {
  const { repositoryMetadata } = await client.send(new CreateRepositoryCommand({ repositoryName: 'gone' }));
  const path = emulator.state.codecommit.path('gone');
  const deleted = await client.send(new DeleteRepositoryCommand({ repositoryName: 'gone' }));
  expect(deleted.repositoryId).toBe(repositoryMetadata?.repositoryId);
  expect(existsSync(path)).toBe(false);
  const again = await client.send(new DeleteRepositoryCommand({ repositoryName: 'gone' }));
  expect(again.repositoryId).toBeUndefined();
  const err = await rejectionOf(client.send(new GetRepositoryCommand({ repositoryName: 'gone' })));
  expect(err.name).toBe('RepositoryDoesNotExistException');
  expect(err.message).toBe('gone does not exist');
});

test('a duplicate name is RepositoryNameExistsException', async () => {
  const err = await rejectionOf(client.send(new CreateRepositoryCommand({ repositoryName: 'app' })));
  expect(err.name).toBe('RepositoryNameExistsException');
  expect(err.message).toBe('Repository named app already exists');
});

test.each(['has space', 'repo.git', 'x'.repeat(101), 'slash/name'])(
  '%s is InvalidRepositoryNameException',
  async (n) => {
    const err = await rejectionOf(client.send(new CreateRepositoryCommand({ repositoryName: n })));
    expect(err.name).toBe('InvalidRepositoryNameException');
    expect(err.$metadata?.httpStatusCode).toBe(400);
  },
);

test('a missing or empty name is RepositoryNameRequiredException', async () => {
  for (const repositoryName of ['', undefined]) {
    const err = await rejectionOf(
      client.send(new GetRepositoryCommand({ repositoryName } as unknown as { repositoryName: string })),
    );
    expect(err.name).toBe('RepositoryNameRequiredException');
  }
});

test('the repository directory root is removed on close', async () => {
  const other = await startEmulator();
  const c = new CodeCommitClient(clientConfig(other));
  await c.send(new CreateRepositoryCommand({ repositoryName: 'temp' }));
  const path = other.state.codecommit.path('temp');
  c.destroy();
  await other.close();
  expect(existsSync(path)).toBe(false);
});
