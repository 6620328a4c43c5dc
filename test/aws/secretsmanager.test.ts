import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import {
  fetchSecretString,
  getSecretValue,
  jsonKeyValue,
  SecretError,
  secretVersionKey,
} from '../../src/aws/secretsmanager.js';
import type { SecretReference } from '../../src/buildspec/types.js';
import { FAKE_CREDENTIALS, serviceError } from './fake-aws.js';

const client = new SecretsManagerClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const sm = mockClient(client);

beforeEach(() => sm.reset());

const JSON_SECRET = JSON.stringify({
  user: 'admin',
  port: 5432,
  tls: true,
  nested: { a: 1 },
  none: null,
  'actions read': 'x',
});

test('the whole secret; SecretId only when no stage or version is given', async () => {
  sm.on(GetSecretValueCommand).resolves({ SecretString: 'hunter2' });
  expect(await getSecretValue(client, { secretId: 'prod/db' })).toBe('hunter2');
  expect(sm.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({ SecretId: 'prod/db' });
});

test('version stage and version id are passed through', async () => {
  sm.on(GetSecretValueCommand).resolves({ SecretString: 'x' });
  await getSecretValue(client, {
    secretId: 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf',
    versionStage: 'AWSPREVIOUS',
  });
  await getSecretValue(client, { secretId: 'db', versionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' });
  expect(sm.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input)).toEqual([
    { SecretId: 'arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf', VersionStage: 'AWSPREVIOUS' },
    { SecretId: 'db', VersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' },
  ]);
});

test('json-key: strings as they are, other JSON values as their JSON text', async () => {
  sm.on(GetSecretValueCommand).resolves({ SecretString: JSON_SECRET });
  expect(await getSecretValue(client, { secretId: 's', jsonKey: 'user' })).toBe('admin');
  expect(await getSecretValue(client, { secretId: 's', jsonKey: 'port' })).toBe('5432');
  expect(await getSecretValue(client, { secretId: 's', jsonKey: 'tls' })).toBe('true');
  expect(await getSecretValue(client, { secretId: 's', jsonKey: 'nested' })).toBe('{"a":1}');
  expect(await getSecretValue(client, { secretId: 's', jsonKey: 'none' })).toBe('null');
  expect(await getSecretValue(client, { secretId: 's', jsonKey: 'actions read' })).toBe('x');
});

test('a missing key names the secret and the key', () => {
  expect(() => jsonKeyValue(JSON_SECRET, 'password', 'prod/db')).toThrow(
    new SecretError('prod/db', 'the secret has no JSON key "password"'),
  );
  expect(() => jsonKeyValue(JSON_SECRET, 'toString', 'prod/db')).toThrow(/no JSON key "toString"/);
});

test('json-key on a secret that is not a JSON object: an error that never shows the secret', () => {
  for (const text of ['hunter2-not-json', '["hunter2"]', '"hunter2"', '42']) {
    let message = '';
    try {
      jsonKeyValue(text, 'k', 'prod/db');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'cannot read secret "prod/db": json-key "k" needs a secret holding a JSON object, and this one does not',
    );
    expect(message).not.toContain('hunter2');
  }
});

test('a binary secret is an error', async () => {
  sm.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1, 2, 3]) });
  await expect(fetchSecretString(client, { secretId: 'bin' })).rejects.toThrow(
    'cannot read secret "bin": the secret is binary (SecretBinary); only text secrets (SecretString) can be used',
  );
});

test('service errors become SecretErrors with a clear reason', async () => {
  sm.on(GetSecretValueCommand).rejects(
    serviceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
  );
  const error = await getSecretValue(client, { secretId: 'gone' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SecretError);
  expect((error as Error).message).toBe(
    `cannot read secret "gone": not found (ResourceNotFoundException: Secrets Manager can't find the specified secret.)`,
  );
});

test('secretVersionKey tells versions apart, not json keys', () => {
  const withKey: SecretReference = { secretId: 'a', jsonKey: 'k' };
  expect(secretVersionKey({ secretId: 'a' })).toBe(secretVersionKey(withKey));
  expect(secretVersionKey({ secretId: 'a' })).not.toBe(
    secretVersionKey({ secretId: 'a', versionStage: 'AWSPREVIOUS' }),
  );
  expect(secretVersionKey({ secretId: 'a:b' })).not.toBe(secretVersionKey({ secretId: 'a', versionStage: 'b' }));
});
