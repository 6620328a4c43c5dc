/**
 * Amazon ECR (awsJson1_1, AmazonEC2ContainerRegistry_V20150921): repositories, GetAuthorizationToken, lifecycle and
 * repository policies. There is no image API and no registry endpoint: a test's own registry checks the password.
 */
import type {
  CreateRepositoryRequest,
  DeleteRepositoryRequest,
  DescribeRepositoriesRequest,
  GetAuthorizationTokenRequest,
  GetLifecyclePolicyRequest,
  GetRepositoryPolicyRequest,
  PutLifecyclePolicyRequest,
  SetRepositoryPolicyRequest,
} from '@aws-sdk/client-ecr';
import { notEmulated } from '../errors.js';
import { model } from '../models/ecr.js';
import { decodeToken, encodeToken, epochSeconds } from '../util.js';
import {
  checkRepositoryName,
  invalidParameter,
  lifecyclePolicyNotFound,
  repositoryExists,
  repositoryNotFound,
  repositoryPolicyNotFound,
} from './ecr-errors.js';
import type { EcrRepository, EcrStore } from './ecr-store.js';
import type { JsonService } from './types.js';
import { op } from './types.js';

const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;
const DEFAULT_PAGE = 100;

function parsesAsJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

export function createEcrService(store: EcrStore): JsonService {
  const account = store.accountId;

  /** Only the emulator's own registry exists; cross-account registries are not emulated. */
  const registry = (registryId: string | undefined): string => {
    if (registryId !== undefined && registryId !== account) throw notEmulated(`ECR registry ${registryId}`);
    return account;
  };

  const find = (name: string | undefined, registryId: string | undefined): EcrRepository => {
    const id = registry(registryId);
    const repo = store.repositories.get(name ?? '');
    if (!repo) throw repositoryNotFound(name ?? '', id);
    return repo;
  };

  const describe = (r: EcrRepository) => ({
    repositoryArn: store.arn(r.name),
    registryId: account,
    repositoryName: r.name,
    repositoryUri: store.repositoryUri(r.name),
    createdAt: epochSeconds(r.created),
    imageTagMutability: r.imageTagMutability,
    imageScanningConfiguration: { scanOnPush: r.scanOnPush },
    encryptionConfiguration: {
      encryptionType: r.encryptionType,
      ...(r.kmsKey !== undefined ? { kmsKey: r.kmsKey } : {}),
    },
  });

  const checkInput = (_operation: string, input: unknown): void => {
    const fields = (input ?? {}) as { repositoryName?: unknown; repositoryNames?: unknown };
    checkRepositoryName(fields.repositoryName);
    if (Array.isArray(fields.repositoryNames))
      for (const n of fields.repositoryNames as unknown[]) checkRepositoryName(n);
  };

  return {
    name: 'ecr',
    protocol: 'awsJson1_1',
    targetPrefix: 'AmazonEC2ContainerRegistry_V20150921',
    signingName: 'ecr',
    model,
    validationErrorCode: 'ValidationException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    checkInput,
    operations: {
      CreateRepository: op((input: CreateRepositoryRequest) => {
        const id = registry(input.registryId);
        const name = input.repositoryName as string;
        if (store.repositories.has(name)) throw repositoryExists(name, id);
        const encryptionType = input.encryptionConfiguration?.encryptionType ?? 'AES256';
        const kmsKey = input.encryptionConfiguration?.kmsKey;
        if (encryptionType === 'AES256' && kmsKey !== undefined) {
          throw invalidParameter('Invalid parameter: KMS key should not be specified for AES256 encryption type.');
        }
        const repo: EcrRepository = {
          name,
          created: store.now(),
          imageTagMutability: input.imageTagMutability ?? 'MUTABLE',
          scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false,
          encryptionType,
          ...(encryptionType === 'AES256' ? {} : { kmsKey: kmsKey ?? store.managedKmsKeyArn() }),
        };
        store.repositories.set(name, repo);
        return { repository: describe(repo) };
      }),

      DescribeRepositories: op((input: DescribeRepositoriesRequest) => {
        const id = registry(input.registryId);
        const names = input.repositoryNames;
        if (names?.length) {
          if (input.maxResults !== undefined || input.nextToken !== undefined) {
            throw invalidParameter(
              'Invalid parameter: maxResults and nextToken cannot be specified together with repositoryNames',
            );
          }
          return {
            repositories: names.map((n) => {
              const repo = store.repositories.get(n);
              if (!repo) throw repositoryNotFound(n, id);
              return describe(repo);
            }),
          };
        }
        const all = [...store.repositories.values()].sort((a, b) => a.created - b.created);
        const offset = input.nextToken
          ? decodeToken<{ offset: number }>(input.nextToken, () =>
              invalidParameter("Invalid parameter at 'nextToken' failed to satisfy constraint: 'invalid token'"),
            ).offset
          : 0;
        const page = input.maxResults ?? DEFAULT_PAGE;
        return {
          repositories: all.slice(offset, offset + page).map(describe),
          ...(offset + page < all.length ? { nextToken: encodeToken({ offset: offset + page }) } : {}),
        };
      }),

      DeleteRepository: op((input: DeleteRepositoryRequest) => {
        // Without images a repository is always empty, so `force` changes nothing (RepositoryNotEmptyException never).
        const repo = find(input.repositoryName, input.registryId);
        store.repositories.delete(repo.name);
        return { repository: describe(repo) };
      }),

      GetAuthorizationToken: op((input: GetAuthorizationTokenRequest) => {
        const ids = input.registryIds?.length ? input.registryIds : [account];
        for (const id of ids) registry(id);
        const token = Buffer.from(`AWS:${store.password()}`, 'utf8').toString('base64');
        return {
          authorizationData: [
            {
              authorizationToken: token,
              expiresAt: epochSeconds(store.now() + TOKEN_LIFETIME_MS),
              proxyEndpoint: `https://${store.registryHost()}`,
            },
          ],
        };
      }),

      PutLifecyclePolicy: op((input: PutLifecyclePolicyRequest) => {
        const repo = find(input.repositoryName, input.registryId);
        const text = input.lifecyclePolicyText as string;
        let rules: unknown;
        try {
          rules = (JSON.parse(text) as { rules?: unknown } | null)?.rules;
        } catch {
          rules = undefined;
        }
        if (!Array.isArray(rules) || rules.length === 0) {
          throw invalidParameter(
            "Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: 'Lifecycle policy validation failure'",
          );
        }
        repo.lifecyclePolicy = text;
        return { registryId: account, repositoryName: repo.name, lifecyclePolicyText: text };
      }),

      GetLifecyclePolicy: op((input: GetLifecyclePolicyRequest) => {
        const repo = find(input.repositoryName, input.registryId);
        if (!repo.lifecyclePolicy) throw lifecyclePolicyNotFound(repo.name, account);
        return {
          registryId: account,
          repositoryName: repo.name,
          // No lifecycle run ever happens (there are no images), so there is no lastEvaluatedAt.
          lifecyclePolicyText: repo.lifecyclePolicy,
        };
      }),

      SetRepositoryPolicy: op((input: SetRepositoryPolicyRequest) => {
        const repo = find(input.repositoryName, input.registryId);
        const text = input.policyText as string;
        if (!parsesAsJsonObject(text)) {
          throw invalidParameter(
            "Invalid parameter at 'PolicyText' failed to satisfy constraint: 'Invalid repository policy provided'",
          );
        }
        repo.policyText = text;
        return { registryId: account, repositoryName: repo.name, policyText: text };
      }),

      GetRepositoryPolicy: op((input: GetRepositoryPolicyRequest) => {
        const repo = find(input.repositoryName, input.registryId);
        if (repo.policyText === undefined) throw repositoryPolicyNotFound(repo.name, account);
        return { registryId: account, repositoryName: repo.name, policyText: repo.policyText };
      }),
    },
  };
}
