/** ECR's error wording (as AWS answers it) and its repository-name check. */
import { AwsError } from '../errors.js';

/** The name pattern ECR's model validates (accepts `__` and runs of `-`, as the OCI distribution spec does). */
const NAME = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
/** The pattern ECR quotes in its error message. */
const DOCUMENTED = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';

export const invalidParameter = (message: string): AwsError => new AwsError('InvalidParameterException', message);

/** InvalidParameterException for a repositoryName ECR rejects (it does not use ValidationException for names). */
export function checkRepositoryName(name: unknown): void {
  if (typeof name !== 'string') return; // missing or mistyped: the model's ValidationException
  if (name.length < 2 || name.length > 256) {
    throw invalidParameter(
      "Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must have length between 2 and 256'",
    );
  }
  if (!NAME.test(name)) {
    throw invalidParameter(
      `Invalid parameter at 'repositoryName' failed to satisfy constraint: 'must satisfy regular expression '${DOCUMENTED}''`,
    );
  }
}

export const repositoryNotFound = (name: string, registryId: string): AwsError =>
  new AwsError(
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${registryId}'`,
  );

export const repositoryExists = (name: string, registryId: string): AwsError =>
  new AwsError(
    'RepositoryAlreadyExistsException',
    `The repository with name '${name}' already exists in the registry with id '${registryId}'`,
  );

export const lifecyclePolicyNotFound = (name: string, registryId: string): AwsError =>
  new AwsError(
    'LifecyclePolicyNotFoundException',
    `Lifecycle policy does not exist for the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const repositoryPolicyNotFound = (name: string, registryId: string): AwsError =>
  new AwsError(
    'RepositoryPolicyNotFoundException',
    `Repository policy does not exist for the repository with name '${name}' in the registry with id '${registryId}'`,
  );
