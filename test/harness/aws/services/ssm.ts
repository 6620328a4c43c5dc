/** AWS Systems Manager Parameter Store (awsJson1_1, AmazonSSM): GetParameter, GetParameters, PutParameter. */
import type { GetParameterRequest, GetParametersRequest, PutParameterRequest } from '@aws-sdk/client-ssm';
import { AwsError } from '../errors.js';
import { model } from '../models/ssm.js';
import { epochSeconds } from '../util.js';
import type { JsonService } from './types.js';
import { op } from './types.js';

export type ParameterType = 'String' | 'StringList' | 'SecureString';

export interface ParameterVersion {
  version: number;
  value: string;
  type: ParameterType;
  keyId?: string;
  lastModified: number;
  labels: string[];
}

export interface StoredParameter {
  name: string;
  dataType: string;
  tier: string;
  versions: ParameterVersion[];
}

/** Parameter Store contents; tests may seed it with put(). */
export class SsmStore {
  readonly parameters = new Map<string, StoredParameter>();

  constructor(
    private readonly region: string,
    private readonly accountId: string,
    private readonly now: () => number,
  ) {}

  arn(name: string): string {
    return `arn:aws:ssm:${this.region}:${this.accountId}:parameter${name.startsWith('/') ? '' : '/'}${name}`;
  }

  /** Seeds or updates a parameter without going through the API. */
  put(name: string, value: string, type: ParameterType = 'String'): number {
    return this.write({ Name: name, Value: value, Type: type, Overwrite: true });
  }

  write(input: PutParameterRequest): number {
    const name = input.Name ?? '';
    const existing = this.parameters.get(name);
    if (existing && !input.Overwrite) {
      throw new AwsError(
        'ParameterAlreadyExists',
        'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
      );
    }
    const previous = existing?.versions.at(-1);
    const type = (input.Type as ParameterType | undefined) ?? previous?.type;
    if (!type) {
      throw new AwsError('ValidationException', 'A parameter type is required when you create a parameter.');
    }
    const version = (previous?.version ?? 0) + 1;
    if (version > 100 && existing) existing.versions.shift();
    const stored = existing ?? {
      name,
      dataType: input.DataType ?? 'text',
      tier: input.Tier ?? 'Standard',
      versions: [],
    };
    stored.versions.push({
      version,
      value: input.Value ?? '',
      type,
      keyId: type === 'SecureString' ? (input.KeyId ?? 'alias/aws/ssm') : undefined,
      lastModified: this.now(),
      labels: [],
    });
    this.parameters.set(name, stored);
    return version;
  }

  /** Resolves `name`, `name:version`, `name:label` or an ARN to a version, or undefined. */
  resolve(reference: string): { parameter: StoredParameter; version: ParameterVersion; selector?: string } | undefined {
    let ref = reference;
    const arnPrefix = `arn:aws:ssm:${this.region}:${this.accountId}:parameter`;
    if (ref.startsWith(arnPrefix)) {
      ref = ref.slice(arnPrefix.length);
      if (!this.parameters.has(ref) && ref.startsWith('/')) ref = ref.slice(1);
    }
    const colon = ref.lastIndexOf(':');
    const name = colon > 0 ? ref.slice(0, colon) : ref;
    const selector = colon > 0 ? ref.slice(colon + 1) : undefined;
    const parameter = this.parameters.get(name);
    if (!parameter) return undefined;
    if (selector === undefined) {
      const latest = parameter.versions.at(-1);
      return latest ? { parameter, version: latest } : undefined;
    }
    const version = /^\d+$/.test(selector)
      ? parameter.versions.find((v) => v.version === Number(selector))
      : parameter.versions.find((v) => v.labels.includes(selector));
    return version ? { parameter, version, selector: `:${selector}` } : undefined;
  }
}

/** What SSM returns for a SecureString read without WithDecryption: the KMS ciphertext, base64. */
function ciphertext(value: string, keyId: string): string {
  const blob = Buffer.concat([
    Buffer.from([1, 2, 2, 0, 120]),
    Buffer.from(keyId, 'utf8'),
    Buffer.from(value, 'utf8').map((b, i) => b ^ ((0x5a + i) % 256)),
  ]);
  return blob.toString('base64');
}

const NAME_RULES =
  'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). If formed as a path, it can consist of ' +
  'sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 ' +
  'symbols .-_';

function validateName(name: string): void {
  if (/\s/.test(name)) throw new AwsError('ValidationException', 'Parameter name must not contain spaces.');
  if (!/^[a-zA-Z0-9_.\-/]+$/.test(name) || /^\/?(aws|ssm)/i.test(name))
    throw new AwsError('ValidationException', NAME_RULES);
  if (name.includes('/') && !name.startsWith('/')) {
    throw new AwsError('ValidationException', 'Parameter name must be a fully qualified name.');
  }
  if (name.split('/').filter(Boolean).length > 15) {
    throw new AwsError(
      'HierarchyLevelLimitExceededException',
      'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the AWS Systems Manager User Guide.',
    );
  }
}

export function createSsmService(store: SsmStore): JsonService {
  const render = (ref: string, withDecryption: boolean | undefined) => {
    const found = store.resolve(ref);
    if (!found) return undefined;
    const { parameter, version, selector } = found;
    const secure = version.type === 'SecureString';
    return {
      Name: parameter.name,
      Type: version.type,
      Value: secure && !withDecryption ? ciphertext(version.value, version.keyId ?? 'alias/aws/ssm') : version.value,
      Version: version.version,
      ...(selector ? { Selector: selector } : {}),
      LastModifiedDate: epochSeconds(version.lastModified),
      ARN: store.arn(parameter.name),
      DataType: parameter.dataType,
    };
  };

  return {
    name: 'ssm',
    protocol: 'awsJson1_1',
    targetPrefix: 'AmazonSSM',
    signingName: 'ssm',
    model,
    validationErrorCode: 'ValidationException',
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    operations: {
      GetParameter: op((input: GetParameterRequest) => {
        const parameter = render(input.Name ?? '', input.WithDecryption);
        if (!parameter) {
          const versioned = /:\d+$/.test(input.Name ?? '') && store.resolve((input.Name ?? '').replace(/:\d+$/, ''));
          if (versioned) {
            throw new AwsError(
              'ParameterVersionNotFound',
              `Systems Manager could not find version ${(input.Name ?? '').split(':').at(-1)} of ${(input.Name ?? '').replace(/:\d+$/, '')}. Verify the version and try again.`,
            );
          }
          throw new AwsError('ParameterNotFound', undefined);
        }
        return { Parameter: parameter };
      }),
      GetParameters: op((input: GetParametersRequest) => {
        const names = [...new Set(input.Names ?? [])];
        const parameters = [];
        const invalid = [];
        for (const name of names) {
          const p = render(name, input.WithDecryption);
          if (p) parameters.push(p);
          else invalid.push(name);
        }
        return { Parameters: parameters, InvalidParameters: invalid };
      }),
      PutParameter: op((input: PutParameterRequest) => {
        const name = input.Name ?? '';
        validateName(name);
        const tier = input.Tier ?? 'Standard';
        const limit = tier === 'Standard' ? 4096 : 8192;
        if (Buffer.byteLength(input.Value ?? '', 'utf8') > limit) {
          throw new AwsError(
            'ValidationException',
            tier === 'Standard'
              ? 'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier. For more information, see https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html'
              : 'Advanced tier parameters support a maximum parameter value of 8192 characters.',
          );
        }
        if (/\{\{.*\}\}/.test(input.Value ?? '')) {
          throw new AwsError(
            'ValidationException',
            'Parameter value can\'t nest another parameter. Do not use "{{}}" in the value.',
          );
        }
        if (input.KeyId && input.Type && input.Type !== 'SecureString') {
          throw new AwsError('ValidationException', 'KeyId is required for SecureString type parameter only.');
        }
        const version = store.write(input);
        return { Version: version, Tier: store.parameters.get(name)?.tier ?? 'Standard' };
      }),
    },
  };
}
