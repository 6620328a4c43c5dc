/** AWS Secrets Manager (awsJson1_1, secretsmanager): CreateSecret, PutSecretValue, GetSecretValue. */
import type {
  CreateSecretRequest,
  GetSecretValueRequest,
  PutSecretValueRequest,
} from '@aws-sdk/client-secrets-manager';
import { randomBytes } from 'node:crypto';
import { AwsError } from '../errors.js';
import { model } from '../models/secretsmanager.js';
import { epochSeconds, uuid } from '../util.js';
import type { JsonService } from './types.js';
import { op } from './types.js';

export interface SecretVersion {
  versionId: string;
  secretString?: string;
  /** base64, as on the wire */
  secretBinary?: string;
  stages: string[];
  created: number;
}

export interface StoredSecret {
  name: string;
  arn: string;
  description?: string;
  kmsKeyId?: string;
  created: number;
  versions: SecretVersion[];
}

const NOT_FOUND = "Secrets Manager can't find the specified secret.";

/** Secrets Manager contents; tests may seed with create(). */
export class SecretsStore {
  readonly secrets = new Map<string, StoredSecret>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
    readonly now: () => number,
  ) {}

  /** The ARN AWS gives a new secret: name plus '-' and six random characters. */
  newArn(name: string): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const suffix = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
    return `arn:aws:secretsmanager:${this.region}:${this.accountId}:secret:${name}-${suffix}`;
  }

  /** Seeds a secret with an AWSCURRENT string value. */
  create(name: string, secretString: string): StoredSecret {
    const secret: StoredSecret = { name, arn: this.newArn(name), created: this.now(), versions: [] };
    this.secrets.set(name, secret);
    this.addVersion(secret, { versionId: uuid(), secretString, stages: ['AWSCURRENT'] });
    return secret;
  }

  /** By name, full ARN, or ARN without the random suffix. */
  find(secretId: string): StoredSecret | undefined {
    if (!secretId.startsWith('arn:')) return this.secrets.get(secretId);
    for (const s of this.secrets.values()) {
      if (s.arn === secretId || s.arn.slice(0, -7) === secretId) return s;
    }
    return undefined;
  }

  addVersion(secret: StoredSecret, v: Omit<SecretVersion, 'created'>): SecretVersion {
    for (const stage of v.stages) {
      for (const other of secret.versions) {
        if (!other.stages.includes(stage)) continue;
        other.stages = other.stages.filter((s) => s !== stage);
        if (stage === 'AWSCURRENT') {
          for (const o of secret.versions) o.stages = o.stages.filter((s) => s !== 'AWSPREVIOUS');
          other.stages.push('AWSPREVIOUS');
        }
      }
    }
    const version: SecretVersion = { ...v, created: this.now() };
    secret.versions.push(version);
    // AWS drops versions that have no staging label once there are more than 100.
    while (secret.versions.length > 100) {
      const idx = secret.versions.findIndex((x) => x.stages.length === 0);
      if (idx < 0) break;
      secret.versions.splice(idx, 1);
    }
    return version;
  }
}

function checkValue(input: { SecretString?: string; SecretBinary?: Uint8Array | string }): void {
  if (input.SecretString !== undefined && input.SecretBinary !== undefined) {
    throw new AwsError(
      'InvalidParameterException',
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  }
}

export function createSecretsManagerService(store: SecretsStore): JsonService {
  const binary = (b: Uint8Array | string | undefined): string | undefined =>
    b === undefined ? undefined : typeof b === 'string' ? b : Buffer.from(b).toString('base64');

  return {
    name: 'secretsmanager',
    protocol: 'awsJson1_1',
    targetPrefix: 'secretsmanager',
    signingName: 'secretsmanager',
    model,
    validationErrorCode: 'ValidationException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    operations: {
      CreateSecret: op((input: CreateSecretRequest) => {
        const name = input.Name ?? '';
        if (!/^[A-Za-z0-9/_+=.@!-]+$/.test(name)) {
          throw new AwsError(
            'ValidationException',
            'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
          );
        }
        if (store.secrets.has(name)) {
          throw new AwsError(
            'ResourceExistsException',
            `The operation failed because the secret ${name} already exists.`,
          );
        }
        checkValue(input);
        const secret: StoredSecret = {
          name,
          arn: store.newArn(name),
          description: input.Description,
          kmsKeyId: input.KmsKeyId,
          created: store.now(),
          versions: [],
        };
        store.secrets.set(name, secret);
        let versionId: string | undefined;
        if (input.SecretString !== undefined || input.SecretBinary !== undefined) {
          versionId = input.ClientRequestToken ?? uuid();
          store.addVersion(secret, {
            versionId,
            secretString: input.SecretString,
            secretBinary: binary(input.SecretBinary),
            stages: ['AWSCURRENT'],
          });
        }
        return { ARN: secret.arn, Name: name, ...(versionId ? { VersionId: versionId } : {}) };
      }),
      PutSecretValue: op((input: PutSecretValueRequest) => {
        const secret = store.find(input.SecretId ?? '');
        if (!secret) throw new AwsError('ResourceNotFoundException', NOT_FOUND);
        checkValue(input);
        if (input.SecretString === undefined && input.SecretBinary === undefined) {
          throw new AwsError('InvalidRequestException', 'You must provide either SecretString or SecretBinary.');
        }
        const versionId = input.ClientRequestToken ?? uuid();
        const existing = secret.versions.find((v) => v.versionId === versionId);
        if (existing) {
          if (existing.secretString === input.SecretString && existing.secretBinary === binary(input.SecretBinary)) {
            return { ARN: secret.arn, Name: secret.name, VersionId: versionId, VersionStages: existing.stages };
          }
          throw new AwsError(
            'ResourceExistsException',
            "You can't modify an existing version, you can only create a new version.",
          );
        }
        const version = store.addVersion(secret, {
          versionId,
          secretString: input.SecretString,
          secretBinary: binary(input.SecretBinary),
          stages: input.VersionStages ?? ['AWSCURRENT'],
        });
        return { ARN: secret.arn, Name: secret.name, VersionId: versionId, VersionStages: version.stages };
      }),
      GetSecretValue: op((input: GetSecretValueRequest) => {
        const secret = store.find(input.SecretId ?? '');
        if (!secret) throw new AwsError('ResourceNotFoundException', NOT_FOUND);
        let version: SecretVersion | undefined;
        if (input.VersionId !== undefined) {
          version = secret.versions.find((v) => v.versionId === input.VersionId);
          if (version && input.VersionStage !== undefined && !version.stages.includes(input.VersionStage)) {
            throw new AwsError(
              'InvalidRequestException',
              `You provided a VersionStage that is not associated to the provided VersionId.`,
            );
          }
          if (!version) {
            throw new AwsError(
              'ResourceNotFoundException',
              `Secrets Manager can't find the specified secret value for VersionId: ${input.VersionId}`,
            );
          }
        } else {
          const stage = input.VersionStage ?? 'AWSCURRENT';
          version = secret.versions.find((v) => v.stages.includes(stage));
          if (!version) {
            throw new AwsError(
              'ResourceNotFoundException',
              `Secrets Manager can't find the specified secret value for staging label: ${stage}`,
            );
          }
        }
        return {
          ARN: secret.arn,
          Name: secret.name,
          VersionId: version.versionId,
          ...(version.secretString !== undefined ? { SecretString: version.secretString } : {}),
          ...(version.secretBinary !== undefined ? { SecretBinary: version.secretBinary } : {}),
          VersionStages: version.stages,
          CreatedDate: epochSeconds(version.created),
        };
      }),
    },
  };
}
