/**
 * Amazon ECR control plane: the client factory and thin typed calls for registry logins (GetAuthorizationToken),
 * repositories, their lifecycle policies and repository policies.
 *
 * Failures a user must act on (a missing permission, a repository that does not exist, a policy ECR refuses) become
 * UserErrors naming the call and the repository; throttling and network failures that outlived the SDK's retries and
 * bugs are rethrown as they are.
 */
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  GetRepositoryPolicyCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  type Repository,
} from '@aws-sdk/client-ecr';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { serviceError } from './errors.js';

export type { Repository };

export function createEcrClient(opts: ClientOptions = {}): ECRClient {
  return withCredentialSource(new ECRClient(clientConfig({ service: 'ECR', ...opts })), opts);
}

/** A registry login from GetAuthorizationToken: the password is a secret (mask it, give it through stdin only). */
export interface RegistryLogin {
  readonly username: string;
  readonly password: string;
  /** `https://<account>.dkr.ecr.<region>.amazonaws.com` */
  readonly proxyEndpoint: string;
  readonly expiresAt?: Date;
}

export interface CreateRepositorySettings {
  readonly repositoryName: string;
  readonly registryId?: string;
  readonly imageTagMutability: 'MUTABLE' | 'IMMUTABLE';
  readonly encryptionType: 'AES256' | 'KMS';
  readonly kmsKey?: string;
  readonly scanOnPush: boolean;
}

/** What the image code needs from ECR; `ecrApi(client)` implements it, tests fake it or mock the client. */
export interface EcrApi {
  /** The login for one registry (the caller's when registryId is undefined). */
  getLogin(registryId?: string): Promise<RegistryLogin>;
  /** The repository, or undefined when it does not exist. */
  describeRepository(name: string, registryId?: string): Promise<Repository | undefined>;
  createRepository(settings: CreateRepositorySettings): Promise<Repository>;
  putLifecyclePolicy(name: string, policyText: string, registryId?: string): Promise<void>;
  /** The repository policy text, or undefined when the repository has none. */
  getRepositoryPolicy(name: string, registryId?: string): Promise<string | undefined>;
  setRepositoryPolicy(name: string, policyText: string, registryId?: string): Promise<void>;
}

export function ecrApi(client: ECRClient): EcrApi {
  const call = async <T>(action: string, subject: string, send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      throw ecrError(error, action, subject);
    }
  };
  const registry = (registryId: string | undefined) => (registryId === undefined ? {} : { registryId });
  return {
    getLogin: (registryId) =>
      call('GetAuthorizationToken', registryId === undefined ? 'the registry' : `registry ${registryId}`, async () => {
        const out = await client.send(
          new GetAuthorizationTokenCommand(registryId === undefined ? {} : { registryIds: [registryId] }),
        );
        const data = out.authorizationData?.[0];
        if (!data?.authorizationToken || !data.proxyEndpoint) {
          throw new Error('GetAuthorizationToken answered without authorization data');
        }
        return {
          ...decodeAuthorizationToken(data.authorizationToken),
          proxyEndpoint: data.proxyEndpoint,
          expiresAt: data.expiresAt,
        };
      }),
    describeRepository: (name, registryId) =>
      call('DescribeRepositories', name, async () => {
        try {
          const out = await client.send(
            new DescribeRepositoriesCommand({ repositoryNames: [name], ...registry(registryId) }),
          );
          return out.repositories?.[0];
        } catch (error) {
          if ((error as { name?: unknown }).name === 'RepositoryNotFoundException') return undefined;
          throw error;
        }
      }),
    createRepository: (settings) =>
      call('CreateRepository', settings.repositoryName, async () => {
        const out = await client.send(
          new CreateRepositoryCommand({
            repositoryName: settings.repositoryName,
            ...registry(settings.registryId),
            imageTagMutability: settings.imageTagMutability,
            imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
            encryptionConfiguration: {
              encryptionType: settings.encryptionType,
              ...(settings.kmsKey !== undefined ? { kmsKey: settings.kmsKey } : {}),
            },
          }),
        );
        if (!out.repository?.repositoryUri) throw new Error('CreateRepository answered without a repository');
        return out.repository;
      }),
    putLifecyclePolicy: (name, policyText, registryId) =>
      call('PutLifecyclePolicy', name, async () => {
        await client.send(
          new PutLifecyclePolicyCommand({
            repositoryName: name,
            lifecyclePolicyText: policyText,
            ...registry(registryId),
          }),
        );
      }),
    getRepositoryPolicy: (name, registryId) =>
      call('GetRepositoryPolicy', name, async () => {
        try {
          const out = await client.send(
            new GetRepositoryPolicyCommand({ repositoryName: name, ...registry(registryId) }),
          );
          return out.policyText;
        } catch (error) {
          if ((error as { name?: unknown }).name === 'RepositoryPolicyNotFoundException') return undefined;
          throw error;
        }
      }),
    setRepositoryPolicy: (name, policyText, registryId) =>
      call('SetRepositoryPolicy', name, async () => {
        await client.send(
          new SetRepositoryPolicyCommand({ repositoryName: name, policyText, ...registry(registryId) }),
        );
      }),
  };
}

/** `base64("AWS:<password>")` → user and password (the password may itself hold colons). */
export function decodeAuthorizationToken(token: string): { username: string; password: string } {
  const text = Buffer.from(token, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw new Error('the ECR authorization token is not "user:password"');
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/**
 * The error to throw for a failed ECR call: a UserError that says what to do for failures a user can fix, the
 * original error for transient failures and bugs.
 */
export function ecrError(error: unknown, action: string, subject: string): Error {
  return serviceError(error, 'ecr', action, subject, ({ name, message, fail }) => {
    if (name === 'RepositoryNotFoundException') {
      return fail(`ECR repository ${subject} not found (${message}); check repository, registry-id and the region`);
    }
    if (name === 'KmsException') return fail(`${action} ${subject}: the KMS key cannot be used (${message})`);
    return undefined;
  });
}
