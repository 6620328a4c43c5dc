/**
 * Secrets Manager: reading a secret the way a buildspec's `secrets-manager` reference names it
 * (`secret-id:json-key:version-stage:version-id`).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretReference } from '../buildspec/types.js';
import { UserError } from '../core/errors.js';
import { clientConfig, withCredentialSource, type ClientOptions } from './config.js';
import { describeAwsError, isAwsError } from './errors.js';

export function createSecretsManagerClient(opts: ClientOptions = {}): SecretsManagerClient {
  return withCredentialSource(new SecretsManagerClient(clientConfig({ service: 'Secrets Manager', ...opts })), opts);
}

/** A secret that could not be read or used. The message never contains the secret's value. */
export class SecretError extends UserError {
  constructor(
    readonly secretId: string,
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(`cannot read secret "${secretId}": ${reason}`, options);
  }
}

/** Which version of which secret: the part of a reference that decides the GetSecretValue call. */
export type SecretVersion = Pick<SecretReference, 'secretId' | 'versionStage' | 'versionId'>;

/** A key that tells two references to the same secret version apart from others (for fetching each once). */
export function secretVersionKey(ref: SecretVersion): string {
  return JSON.stringify([ref.secretId, ref.versionStage ?? '', ref.versionId ?? '']);
}

/** The secret's text (SecretString). A binary secret is a SecretError. */
export async function fetchSecretString(client: SecretsManagerClient, ref: SecretVersion): Promise<string> {
  let output;
  try {
    output = await client.send(
      new GetSecretValueCommand({
        SecretId: ref.secretId,
        ...(ref.versionStage ? { VersionStage: ref.versionStage } : {}),
        ...(ref.versionId ? { VersionId: ref.versionId } : {}),
      }),
    );
  } catch (error) {
    if (!isAwsError(error)) throw error;
    throw new SecretError(ref.secretId, describeAwsError(error), { cause: error });
  }
  if (output.SecretString === undefined) {
    const what = output.SecretBinary === undefined ? 'has no value' : 'is binary (SecretBinary)';
    throw new SecretError(ref.secretId, `the secret ${what}; only text secrets (SecretString) can be used`);
  }
  return output.SecretString;
}

/**
 * The value of `jsonKey` in a secret holding a JSON object: strings as they are, other values as their JSON text
 * (`5`, `true`, `{"a":1}`).
 */
export function jsonKeyValue(secretString: string, jsonKey: string, secretId: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    // JSON.parse's message quotes the text: never show it.
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SecretError(
      secretId,
      `json-key "${jsonKey}" needs a secret holding a JSON object, and this one does not`,
    );
  }
  if (!Object.hasOwn(parsed, jsonKey)) {
    throw new SecretError(secretId, `the secret has no JSON key "${jsonKey}"`);
  }
  const value = (parsed as Record<string, unknown>)[jsonKey];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The value a `secrets-manager` reference names: the whole secret, or one JSON key of it. */
export async function getSecretValue(client: SecretsManagerClient, ref: SecretReference): Promise<string> {
  const secret = await fetchSecretString(client, ref);
  return ref.jsonKey ? jsonKeyValue(secret, ref.jsonKey, ref.secretId) : secret;
}
