import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import type { EnvSpec, NamedValue, SecretReference, SecretVariable } from '../../src/buildspec/types.js';
import { NO_CREDENTIALS } from '../../src/aws/errors.js';
import { UserError } from '../../src/core/errors.js';
import { resolveAwsVariables, type AwsEnvDeps } from '../../src/aws/buildspec-env.js';
import { FAKE_CREDENTIALS, noCredentials, useNock } from '../aws/fake-aws.js';

const POS = { line: 1, col: 1 };

function spec(parameters: Record<string, string>, secrets: Record<string, SecretReference> = {}): EnvSpec {
  return {
    variables: [],
    parameterStore: Object.entries(parameters).map(([name, value]): NamedValue => ({ name, value, pos: POS })),
    secretsManager: Object.entries(secrets).map(([name, reference]): SecretVariable => ({
      name,
      value: reference.secretId,
      reference,
      pos: POS,
    })),
    exportedVariables: [],
    gitCredentialHelper: false,
  };
}

const ssmClient = new SSMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const smClient = new SecretsManagerClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS });
const ssm = mockClient(ssmClient);
const sm = mockClient(smClient);

let made: { ssm: number; secrets: number };
const deps: AwsEnvDeps = {
  ssm: () => (made.ssm++, ssmClient),
  secrets: () => (made.secrets++, smClient),
};

const SECRETS: Record<string, string> = {
  'prod/db': JSON.stringify({ user: 'admin', password: 'pa55word', port: 5432 }),
  token: 'tok-123',
};

useNock();

beforeEach(() => {
  made = { ssm: 0, secrets: 0 };
  ssm.reset();
  sm.reset();
  ssm.on(GetParametersCommand).callsFake((input: { Names?: string[] }) => ({
    Parameters: (input.Names ?? []).filter((n) => !n.includes('missing')).map((n) => ({ Name: n, Value: `v:${n}` })),
    InvalidParameters: (input.Names ?? []).filter((n) => n.includes('missing')),
  }));
  sm.on(GetSecretValueCommand).callsFake((input: { SecretId?: string; VersionStage?: string }) => {
    const text = SECRETS[input.SecretId ?? ''];
    if (text === undefined) {
      throw Object.assign(new Error("Secrets Manager can't find the specified secret."), {
        name: 'ResourceNotFoundException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
    }
    return { SecretString: input.VersionStage === 'AWSPREVIOUS' ? `${text}-old` : text };
  });
});

test('a buildspec without AWS variables never creates a client', async () => {
  const never: AwsEnvDeps = {
    ssm: () => {
      throw new Error('no SSM client expected');
    },
    secrets: () => {
      throw new Error('no Secrets Manager client expected');
    },
  };
  expect(await resolveAwsVariables(spec({}), new Set(), never)).toEqual({ values: new Map(), secrets: [] });
});

test('variables overridden by --env/--env-file are not fetched; all overridden → no client', async () => {
  const env = spec({ A: '/a', B: '/b' }, { T: { secretId: 'token' } });
  const result = await resolveAwsVariables(env, new Set(['B']), deps);
  expect([...result.values]).toEqual([
    ['A', 'v:/a'],
    ['T', 'tok-123'],
  ]);
  expect(ssm.commandCalls(GetParametersCommand)[0]?.args[0].input.Names).toEqual(['/a']);
  made = { ssm: 0, secrets: 0 };
  await resolveAwsVariables(env, new Set(['A', 'B', 'T']), deps);
  expect(made).toEqual({ ssm: 0, secrets: 0 });
});

test('25 parameters in 3 calls; every value masked', async () => {
  const parameters = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`P${i}`, `/app/p${i}`]));
  const result = await resolveAwsVariables(spec(parameters), new Set(), deps);
  expect(ssm.commandCalls(GetParametersCommand).map((c) => c.args[0].input.Names?.length)).toEqual([10, 10, 5]);
  expect(result.values.get('P24')).toBe('v:/app/p24');
  expect(result.secrets).toHaveLength(25);
  expect(made).toEqual({ ssm: 1, secrets: 0 });
});

test('each distinct secret version is fetched once; json keys are extracted; values masked once', async () => {
  const env = spec(
    { SAME: '/x' },
    {
      DB_USER: { secretId: 'prod/db', jsonKey: 'user' },
      DB_PASSWORD: { secretId: 'prod/db', jsonKey: 'password' },
      DB_PORT: { secretId: 'prod/db', jsonKey: 'port' },
      TOKEN: { secretId: 'token' },
      OLD_TOKEN: { secretId: 'token', versionStage: 'AWSPREVIOUS' },
      TOKEN_AGAIN: { secretId: 'token' },
    },
  );
  const result = await resolveAwsVariables(env, new Set(), deps);
  expect(Object.fromEntries(result.values)).toEqual({
    SAME: 'v:/x',
    DB_USER: 'admin',
    DB_PASSWORD: 'pa55word',
    DB_PORT: '5432',
    TOKEN: 'tok-123',
    OLD_TOKEN: 'tok-123-old',
    TOKEN_AGAIN: 'tok-123',
  });
  const calls = sm.commandCalls(GetSecretValueCommand).map((c) => c.args[0].input);
  expect(calls).toEqual([
    { SecretId: 'prod/db' },
    { SecretId: 'token' },
    { SecretId: 'token', VersionStage: 'AWSPREVIOUS' },
  ]);
  expect(result.secrets).toEqual(['v:/x', 'admin', 'pa55word', '5432', 'tok-123', 'tok-123-old']);
  expect(made).toEqual({ ssm: 1, secrets: 1 });
});

test('a missing parameter: the error names the variable and the parameter', async () => {
  const env = spec({ DB_PASSWORD: '/prod/db/missing-password', OK: '/ok', ALSO: '/missing-too' });
  const error = await resolveAwsVariables(env, new Set(), deps).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toBe(
    [
      'env.parameter-store.DB_PASSWORD: cannot read parameter "/prod/db/missing-password": not found in us-east-1',
      'env.parameter-store.ALSO: cannot read parameter "/missing-too": not found in us-east-1',
    ].join('\n'),
  );
});

test('no credentials: the error names the variable, the parameter and what to set', async () => {
  const bare = new SSMClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4599', credentials: noCredentials });
  const env = spec({ DB_PASSWORD: '/prod/db/password' });
  const error = await resolveAwsVariables(env, new Set(), { ssm: () => bare, secrets: deps.secrets }).catch(
    (e: unknown) => e,
  );
  expect((error as Error).message).toBe(
    `env.parameter-store.DB_PASSWORD: cannot read parameter "/prod/db/password": ${NO_CREDENTIALS}`,
  );
});

test('secret problems name the variable, the secret and the key; all problems are reported together', async () => {
  const env = spec(
    { GONE: '/missing' },
    {
      GH: { secretId: 'prod/db', jsonKey: 'github' },
      A: { secretId: 'nope' },
      B: { secretId: 'nope' },
      TOKEN_KEY: { secretId: 'token', jsonKey: 'k' },
    },
  );
  const error = await resolveAwsVariables(env, new Set(), deps).catch((e: unknown) => e);
  expect((error as Error).message.split('\n')).toEqual([
    'env.parameter-store.GONE: cannot read parameter "/missing": not found in us-east-1',
    'env.secrets-manager.GH: cannot read secret "prod/db": the secret has no JSON key "github"',
    'env.secrets-manager.A, env.secrets-manager.B: cannot read secret "nope": ' +
      "not found (ResourceNotFoundException: Secrets Manager can't find the specified secret.)",
    'env.secrets-manager.TOKEN_KEY: cannot read secret "token": ' +
      'json-key "k" needs a secret holding a JSON object, and this one does not',
  ]);
  expect((error as Error).message).not.toContain('tok-123');
  expect((error as Error).message).not.toContain('pa55word');
});

test('a client that cannot be created (no region) is reported per variable', async () => {
  const noRegion: AwsEnvDeps = {
    ssm: () => {
      throw new UserError('no AWS region: set AWS_REGION');
    },
    secrets: () => {
      throw new UserError('no AWS region: set AWS_REGION');
    },
  };
  const error = await resolveAwsVariables(spec({ A: '/a' }, { T: { secretId: 'token' } }), new Set(), noRegion).catch(
    (e: unknown) => e,
  );
  expect((error as Error).message.split('\n')).toEqual([
    'env.parameter-store.A: cannot read parameter "/a": no AWS region: set AWS_REGION',
    'env.secrets-manager.T: cannot read secret "token": no AWS region: set AWS_REGION',
  ]);
});

test('a bug surfaces as itself, not as a user error', async () => {
  const bug = new TypeError('boom');
  ssm.on(GetParametersCommand).rejects(bug);
  await expect(resolveAwsVariables(spec({ A: '/a' }), new Set(), deps)).rejects.toBe(bug);
});
