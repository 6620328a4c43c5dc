import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { deniedPermission, describeAwsError, isThrottling, NO_CREDENTIALS, toUserError } from '../../src/aws/errors.js';
import { createSsmClient } from '../../src/aws/ssm.js';
import { describeError, UserError } from '../../src/core/errors.js';
import { connectionError, fakeOptions, noCredentials, serviceError, useNock } from './fake-aws.js';

useNock();

describe('describeAwsError', () => {
  test('access denied names the missing permission and resource', () => {
    const err = serviceError(
      'AccessDeniedException',
      'User: arn:aws:iam::111122223333:user/ci is not authorized to perform: secretsmanager:GetSecretValue on resource: ' +
        'prod/db because no identity-based policy allows the secretsmanager:GetSecretValue action',
    );
    expect(describeAwsError(err)).toBe('missing IAM permission secretsmanager:GetSecretValue on prod/db');
    const explicit = serviceError(
      'AccessDeniedException',
      'User: x is not authorized to perform: kms:Decrypt on resource: arn:aws:kms:us-east-1:1:key/k with an explicit deny',
    );
    expect(describeAwsError(explicit)).toBe(
      'missing IAM permission kms:Decrypt on arn:aws:kms:us-east-1:1:key/k (an explicit deny in a policy)',
    );
    expect(describeAwsError(serviceError('AccessDeniedException', 'Access to KMS is not allowed'))).toBe(
      'access denied (AccessDeniedException: Access to KMS is not allowed)',
    );
    expect(deniedPermission('not authorized to perform: ssm:GetParameters')).toEqual({
      action: 'ssm:GetParameters',
      resource: undefined,
    });
  });

  test('not found, expired and rejected credentials, throttling, network, anything else', () => {
    expect(describeAwsError(serviceError('ResourceNotFoundException', "Secrets Manager can't find the secret."))).toBe(
      "not found (ResourceNotFoundException: Secrets Manager can't find the secret.)",
    );
    expect(describeAwsError(serviceError('ExpiredTokenException', 'expired'))).toMatch(
      /^AWS rejected the credentials: the session token has expired/,
    );
    expect(describeAwsError(serviceError('UnrecognizedClientException', 'bad token'))).toMatch(
      /^AWS rejected the credentials/,
    );
    expect(describeAwsError(serviceError('ThrottlingException', 'Rate exceeded'))).toMatch(
      /^AWS throttled the request/,
    );
    const refused = connectionError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1');
    expect(describeAwsError(refused)).toMatch(/^cannot reach AWS \(Error: connect ECONNREFUSED/);
    expect(describeAwsError(serviceError('ValidationException', 'bad name', 400))).toBe(
      'ValidationException: bad name (HTTP 400)',
    );
  });

  test('isThrottling: codes, HTTP 429, and "Rate exceeded" messages of service errors', () => {
    expect(isThrottling(serviceError('ThrottlingException', 'x'))).toBe(true);
    expect(isThrottling(serviceError('TooManyRequestsException', 'x'))).toBe(true);
    expect(isThrottling(serviceError('Whatever', 'Rate exceeded'))).toBe(true);
    expect(isThrottling(serviceError('Whatever', 'slow down', 429))).toBe(true);
    expect(isThrottling(serviceError('ValidationException', 'x'))).toBe(false);
    expect(isThrottling(new Error('Rate exceeded'))).toBe(false);
    expect(isThrottling(undefined)).toBe(false);
  });
});

describe('toUserError', () => {
  test('an AWS error becomes a UserError with a prefix, printed without a stack', () => {
    const err = toUserError(serviceError('ResourceNotFoundException', 'gone'), 'cannot read secret "x"');
    expect(err).toBeInstanceOf(UserError);
    expect(describeError(err)).toBe('cannot read secret "x": not found (ResourceNotFoundException: gone)');
    expect((err as UserError).cause).toBeDefined();
  });

  test('a bug is passed through unchanged; a UserError too', () => {
    const bug = new TypeError('x is undefined');
    expect(toUserError(bug, 'p')).toBe(bug);
    const user = new UserError('already clear');
    expect(toUserError(user, 'p')).toBe(user);
  });

  test('missing credentials (a provider rejecting with CredentialsProviderError): a clear message, no stack', async () => {
    const client = new SSMClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4599',
      credentials: noCredentials,
    });
    const error = await client.send(new GetParametersCommand({ Names: ['/a'] })).catch((e: unknown) => e);
    expect((error as Error).name).toBe('CredentialsProviderError');
    const user = toUserError(error, 'cannot read parameter "/a"');
    expect(describeError(user)).toBe(`cannot read parameter "/a": ${NO_CREDENTIALS}`);
    expect(describeError(user)).not.toMatch(/\n\s+at /);
  });

  test("missing credentials from the SDK's own default chain (empty environment, no profile files)", async () => {
    const saved = { ...process.env };
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
      AWS_CONFIG_FILE: '/nonexistent/config',
    });
    try {
      const { credentials: _none, ...options } = fakeOptions();
      const error = await createSsmClient(options)
        .send(new GetParametersCommand({ Names: ['/a'] }))
        .catch((e: unknown) => e);
      expect(describeAwsError(error)).toBe(NO_CREDENTIALS);
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
