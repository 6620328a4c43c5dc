/** AWS CodeCommit (awsJson1_1, CodeCommit_20150413): CreateRepository, GetRepository, ListRepositories, DeleteRepository. */
import type {
  CreateRepositoryInput,
  DeleteRepositoryInput,
  GetRepositoryInput,
  ListRepositoriesInput,
} from '@aws-sdk/client-codecommit';
import { AwsError } from '../errors.js';
import { model } from '../models/codecommit.js';
import { decodeToken, encodeToken, epochSeconds } from '../util.js';
import type { CodeCommitStore, StoredRepository } from './codecommit-store.js';
import type { JsonService } from './types.js';
import { op } from './types.js';

const PAGE = 1000;
const NAMED = new Set(['CreateRepository', 'GetRepository', 'DeleteRepository']);

/** CodeCommit's own name checks, which AWS applies before (and instead of) generic model validation. */
function checkInput(operation: string, input: unknown): void {
  const fields = (input ?? {}) as Record<string, unknown>;
  if (operation === 'ListRepositories') {
    if (fields.sortBy != null && !['repositoryName', 'lastModifiedDate'].includes(String(fields.sortBy))) {
      throw new AwsError('InvalidSortByException', 'The specified sort by value is not valid.');
    }
    if (fields.order != null && !['ascending', 'descending'].includes(String(fields.order))) {
      throw new AwsError('InvalidOrderException', 'The specified sort order is not valid.');
    }
  }
  if (!NAMED.has(operation)) return;
  const name = fields.repositoryName;
  if (name === undefined || name === null || name === '') {
    throw new AwsError('RepositoryNameRequiredException', 'A repository name is required.');
  }
  if (typeof name !== 'string' || !/^[\w.-]{1,100}$/.test(name) || name.toLowerCase().endsWith('.git')) {
    throw new AwsError(
      'InvalidRepositoryNameException',
      'The repository name is not valid. Repository names can be any valid combination of letters, numbers, ' +
        "periods, underscores, and dashes between 1 and 100 characters in length. The suffix '.git' is prohibited.",
    );
  }
  const description = fields.repositoryDescription;
  if (operation === 'CreateRepository' && typeof description === 'string' && description.length > 1000) {
    throw new AwsError(
      'InvalidRepositoryDescriptionException',
      'The repository description is not valid. Repository descriptions cannot be more than 1,000 characters.',
    );
  }
}

export function createCodeCommitService(store: CodeCommitStore): JsonService {
  const metadata = async (repo: StoredRepository) => {
    const defaultBranch = await store.defaultBranch(repo);
    return {
      accountId: store.accountId,
      repositoryId: repo.id,
      repositoryName: repo.name,
      ...(repo.description !== undefined ? { repositoryDescription: repo.description } : {}),
      ...(defaultBranch !== undefined ? { defaultBranch } : {}),
      lastModifiedDate: epochSeconds(repo.lastModified),
      creationDate: epochSeconds(repo.created),
      cloneUrlHttp: store.cloneUrlHttp(repo.name),
      cloneUrlSsh: store.cloneUrlSsh(repo.name),
      Arn: store.arn(repo.name),
      ...(repo.kmsKeyId !== undefined ? { kmsKeyId: repo.kmsKeyId } : {}),
    };
  };

  return {
    name: 'codecommit',
    protocol: 'awsJson1_1',
    targetPrefix: 'CodeCommit_20150413',
    signingName: 'codecommit',
    model,
    validationErrorCode: 'ValidationException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    checkInput,
    operations: {
      CreateRepository: op(async (input: CreateRepositoryInput) => {
        const name = input.repositoryName ?? '';
        if (store.repositories.has(name)) {
          throw new AwsError('RepositoryNameExistsException', `Repository named ${name} already exists`);
        }
        const repo = await store.create(name, { description: input.repositoryDescription });
        return { repositoryMetadata: await metadata(repo) };
      }),

      GetRepository: op(async (input: GetRepositoryInput) => {
        const name = input.repositoryName ?? '';
        const repo = store.repositories.get(name);
        if (!repo) throw new AwsError('RepositoryDoesNotExistException', `${name} does not exist`);
        return { repositoryMetadata: await metadata(repo) };
      }),

      ListRepositories: op((input: ListRepositoriesInput) => {
        const byDate = input.sortBy === 'lastModifiedDate';
        const sorted = [...store.repositories.values()].sort((a, b) =>
          byDate ? a.lastModified - b.lastModified : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
        );
        if (input.order === 'descending') sorted.reverse();
        const offset = input.nextToken
          ? decodeToken<{ offset: number }>(
              input.nextToken,
              () => new AwsError('InvalidContinuationTokenException', 'The continuation token is not valid.'),
            ).offset
          : 0;
        return {
          repositories: sorted
            .slice(offset, offset + PAGE)
            .map((r) => ({ repositoryName: r.name, repositoryId: r.id })),
          ...(offset + PAGE < sorted.length ? { nextToken: encodeToken({ offset: offset + PAGE }) } : {}),
        };
      }),

      DeleteRepository: op(async (input: DeleteRepositoryInput) => {
        // AWS answers a deleted (or never created) repository with a null repositoryId, not an error.
        const repo = await store.delete(input.repositoryName ?? '');
        return repo ? { repositoryId: repo.id } : {};
      }),
    },
  };
}
