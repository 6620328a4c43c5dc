/** SSM Parameter Store and Secrets Manager through the real SDK clients. */
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, GetParametersCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { startEmulator } from '../harness/aws/server.js';
import type { Emulator } from '../harness/aws/server.js';
import { clientConfig, rejectionOf } from './helpers.js';

let emulator: Emulator;
let ssm: SSMClient;
let sm: SecretsManagerClient;

beforeAll(async () => {
  emulator = await startEmulator();
  ssm = new SSMClient(clientConfig(emulator));
  sm = new SecretsManagerClient(clientConfig(emulator));
});
afterAll(async () => {
  ssm.destroy();
  sm.destroy();
  await emulator.close();
});

describe('SSM', () => {
  test('PutParameter / GetParameter with versions, SecureString decryption and ARNs', async () => {
    await ssm.send(new PutParameterCommand({ Name: '/app/db', Value: 'one', Type: 'SecureString' }));
    const v2 = await ssm.send(new PutParameterCommand({ Name: '/app/db', Value: 'two', Overwrite: true }));
    expect(v2).toMatchObject({ Version: 2, Tier: 'Standard' });
    const plain = await ssm.send(new GetParameterCommand({ Name: '/app/db', WithDecryption: true }));
    expect(plain.Parameter).toMatchObject({
      Name: '/app/db',
      Type: 'SecureString',
      Value: 'two',
      Version: 2,
      ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/app/db',
    });
    expect(plain.Parameter?.LastModifiedDate).toBeInstanceOf(Date);
    const encrypted = await ssm.send(new GetParameterCommand({ Name: '/app/db' }));
    expect(encrypted.Parameter?.Value).not.toBe('two');
    const first = await ssm.send(new GetParameterCommand({ Name: '/app/db:1', WithDecryption: true }));
    expect(first.Parameter).toMatchObject({ Value: 'one', Selector: ':1' });
  });

  test('errors: ParameterNotFound, ParameterAlreadyExists, missing type, names', async () => {
    const missing = await rejectionOf(ssm.send(new GetParameterCommand({ Name: '/nope' })));
    expect(missing.name).toBe('ParameterNotFound');
    await ssm.send(new PutParameterCommand({ Name: 'plain', Value: 'x', Type: 'String' }));
    const exists = await rejectionOf(ssm.send(new PutParameterCommand({ Name: 'plain', Value: 'y', Type: 'String' })));
    expect(exists.name).toBe('ParameterAlreadyExists');
    const untyped = await rejectionOf(ssm.send(new PutParameterCommand({ Name: 'new-one', Value: 'y' })));
    expect(untyped.name).toBe('ValidationException');
    const reserved = await rejectionOf(
      ssm.send(new PutParameterCommand({ Name: 'aws-x', Value: 'y', Type: 'String' })),
    );
    expect(reserved.name).toBe('ValidationException');
  });

  test('GetParameters: InvalidParameters, and at most 10 names', async () => {
    emulator.state.ssm.put('/seeded', 'from test');
    const res = await ssm.send(new GetParametersCommand({ Names: ['/seeded', '/absent'] }));
    expect(res.Parameters?.map((p) => p.Value)).toEqual(['from test']);
    expect(res.InvalidParameters).toEqual(['/absent']);
    const names = Array.from({ length: 11 }, (_, i) => `/p${i}`);
    const err = await rejectionOf(ssm.send(new GetParametersCommand({ Names: names })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      `1 validation error detected: Value '[${names.join(', ')}]' at 'names' failed to satisfy constraint: ` +
        'Member must have length less than or equal to 10',
    );
  });
});

describe('Secrets Manager', () => {
  test('CreateSecret, PutSecretValue and GetSecretValue by name, ARN and stage', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 'db/password', SecretString: 'v1' }));
    expect(created.ARN).toMatch(/^arn:aws:secretsmanager:us-east-1:000000000000:secret:db\/password-[A-Za-z0-9]{6}$/);
    const put = await sm.send(new PutSecretValueCommand({ SecretId: 'db/password', SecretString: 'v2' }));
    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    const current = await sm.send(new GetSecretValueCommand({ SecretId: created.ARN }));
    expect(current).toMatchObject({ Name: 'db/password', SecretString: 'v2', VersionStages: ['AWSCURRENT'] });
    expect(current.CreatedDate).toBeInstanceOf(Date);
    const previous = await sm.send(new GetSecretValueCommand({ SecretId: 'db/password', VersionStage: 'AWSPREVIOUS' }));
    expect(previous.SecretString).toBe('v1');
    const byVersion = await sm.send(
      new GetSecretValueCommand({ SecretId: 'db/password', VersionId: created.VersionId }),
    );
    expect(byVersion.SecretString).toBe('v1');
  });

  test('binary secrets round-trip', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'bin', SecretBinary: new Uint8Array([1, 2, 3]) }));
    const got = await sm.send(new GetSecretValueCommand({ SecretId: 'bin' }));
    expect([...(got.SecretBinary ?? [])]).toEqual([1, 2, 3]);
  });

  test('errors: ResourceNotFoundException, ResourceExistsException', async () => {
    const missing = await rejectionOf(sm.send(new GetSecretValueCommand({ SecretId: 'nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.message).toBe("Secrets Manager can't find the specified secret.");
    await sm.send(new CreateSecretCommand({ Name: 'twice', SecretString: 'x' }));
    const dup = await rejectionOf(sm.send(new CreateSecretCommand({ Name: 'twice', SecretString: 'x' })));
    expect(dup.name).toBe('ResourceExistsException');
    const noValue = await sm.send(new CreateSecretCommand({ Name: 'empty' }));
    expect(noValue.VersionId).toBeUndefined();
    const noCurrent = await rejectionOf(sm.send(new GetSecretValueCommand({ SecretId: 'empty' })));
    expect(noCurrent.message).toBe(
      "Secrets Manager can't find the specified secret value for staging label: AWSCURRENT",
    );
  });
});
