/** CodeCommit's control plane: finding a repository (GetRepository) and creating one (CreateRepository). */
import {
  CodeCommitClient,
  CreateRepositoryCommand,
  GetRepositoryCommand,
  type RepositoryMetadata,
} from '@aws-sdk/client-codecommit';
import { UserError } from '../core/errors.js';
import { credentialsFromEnv, type GitCredentials } from './codecommit-git.js';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { toUserError } from './errors.js';

/**
 * A CodeCommit client. Keys in the given environment are used as the SDK's first provider would use them from
 * process.env, so an injected environment (tests, the CLI's context) is used for credentials too.
 */
export function createCodeCommitClient(opts: ClientOptions = {}): CodeCommitClient {
  const credentials = opts.credentials ?? credentialsFromEnv(opts.env ?? process.env);
  const options: ClientOptions = { ...opts, ...(credentials ? { credentials } : {}) };
  return withCredentialSource(new CodeCommitClient(clientConfig({ service: 'CodeCommit', ...options })), options);
}

/**
 * The credentials git's password is signed with: the environment's keys (as the SDK's chain takes them first), else
 * the SDK's default chain (profiles, web identity, container and instance roles).
 */
export async function resolveCredentials(region: string, env: NodeJS.ProcessEnv): Promise<GitCredentials> {
  const fromEnv = credentialsFromEnv(env);
  if (fromEnv) return fromEnv;
  const client = createCodeCommitClient({ region, env });
  try {
    const c = await client.config.credentials();
    return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
  } catch (error) {
    throw toUserError(error, 'cannot make CodeCommit git credentials');
  } finally {
    client.destroy();
  }
}

/** What the mirror needs of a CodeCommit client (the SDK client, or a fake in tests). */
export type CodeCommitApi = Pick<CodeCommitClient, 'send'>;

export interface NewRepository {
  readonly name: string;
  readonly description?: string;
  /** Tags applied at creation (CreateRepository `tags`). */
  readonly tags?: Readonly<Record<string, string>>;
  /** A KMS key id, ARN or alias for the repository's encryption (CreateRepository `kmsKeyId`). */
  readonly kmsKeyId?: string;
}

/** The repository's metadata, or undefined when it does not exist (RepositoryDoesNotExistException). */
export async function getRepository(
  client: CodeCommitApi,
  name: string,
  region: string,
): Promise<RepositoryMetadata | undefined> {
  try {
    const out = await client.send(new GetRepositoryCommand({ repositoryName: name }));
    return out.repositoryMetadata;
  } catch (error) {
    if ((error as { name?: unknown })?.name === 'RepositoryDoesNotExistException') return undefined;
    throw toUserError(error, `cannot read CodeCommit repository "${name}" in ${region}`);
  }
}

export async function createRepository(
  client: CodeCommitApi,
  repository: NewRepository,
  region: string,
): Promise<RepositoryMetadata> {
  try {
    const out = await client.send(
      new CreateRepositoryCommand({
        repositoryName: repository.name,
        ...(repository.description !== undefined ? { repositoryDescription: repository.description } : {}),
        ...(repository.tags !== undefined && Object.keys(repository.tags).length > 0
          ? { tags: { ...repository.tags } }
          : {}),
        ...(repository.kmsKeyId !== undefined ? { kmsKeyId: repository.kmsKeyId } : {}),
      }),
    );
    if (!out.repositoryMetadata) throw new Error('CreateRepository answered no repositoryMetadata');
    return out.repositoryMetadata;
  } catch (error) {
    throw toUserError(error, `cannot create CodeCommit repository "${repository.name}" in ${region}`);
  }
}

/**
 * The repository, created when missing and `create` is true; a missing repository without `create` is a UserError
 * naming the repository and the region. `created` tells which happened.
 */
export async function ensureRepository(
  client: CodeCommitApi,
  repository: NewRepository,
  region: string,
  create: boolean,
): Promise<{ metadata: RepositoryMetadata; created: boolean }> {
  const found = await getRepository(client, repository.name, region);
  if (found) return { metadata: found, created: false };
  if (!create) throw missingRepository(repository.name, region);
  try {
    return { metadata: await createRepository(client, repository, region), created: true };
  } catch (error) {
    // Another job created it between the two calls.
    const cause = (error as { cause?: { name?: unknown } }).cause;
    if (cause?.name === 'RepositoryNameExistsException') {
      const again = await getRepository(client, repository.name, region);
      if (again) return { metadata: again, created: false };
    }
    throw error;
  }
}

export function missingRepository(name: string, region: string): UserError {
  return new UserError(
    `CodeCommit repository "${name}" does not exist in ${region}; create it, check the region, ` +
      'or set create-repository: true (--create-repository) to have it created',
  );
}
